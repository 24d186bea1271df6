"""On the demo commune, what citizens type finds the right item near the top."""

import pytest
from django.core.management import call_command
from wagtail.models import Site

from congxa.search import selectors

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_site(db):
    from congxa.demo.services import demo_seed

    demo_seed()
    # What `congxa demo` does after seeding: pages added without publishing
    # (section pages of the content apps) are indexed too.
    call_command("rebuild_search", verbosity=0)
    return Site.objects.get(is_default_site=True)


def plain(html) -> str:
    return str(html).replace("<mark>", "").replace("</mark>", "")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("dang ky khai sinh", "đăng ký khai sinh"),
        ("Dang uy", "Đảng ủy"),
        ("ban cong tac 35", "Ban Công tác 35"),
        ("le thanh hai", "Lê Thanh Hải"),
        ("quan ly", "quản lý"),
        ("thur tucj hanhf chinhs", "thủ tục hành chính"),
        ("1.001193", "1.001193"),
    ],
)
def test_demo_queries_find_the_item_near_the_top(demo_site, query, expected):
    results = selectors.search(query, site=demo_site).results[:3]
    shown = [plain(r.title) + " " + plain(r.snippet) for r in results]
    assert any(expected.lower() in text.lower() for text in shown), shown


def test_shared_procedure_links_to_the_commune_procedures_page(demo_site):
    first = selectors.search("1.001193", site=demo_site).results[0]
    assert first.url == "/thu-tuc-hanh-chinh/1.001193/"
    assert "Thủ tục hành chính" in first.kind_label or "Procedures" in first.kind_label


def test_procedure_record_is_indexed_when_saved(demo_site):
    from django.apps import apps

    procedure = apps.get_model("procedures", "AdministrativeProcedure").objects.first()
    procedure.name = "Thủ tục thử nghiệm tìm kiếm Xyzabc"
    procedure.save()
    [result] = selectors.search("xyzabc", site=demo_site).results
    assert "Xyzabc" in str(result.title)
    procedure.delete()
    assert selectors.search("xyzabc", site=demo_site).results == []
