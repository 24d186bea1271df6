"""Disclosure sections: admin editing, public lists, one commune at a time."""

import datetime

import pytest
import wagtail_factories
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from congxa.disclosures.enums import DisclosureCategory
from congxa.disclosures.models import (
    DisclosureIndexPage,
    DisclosureItem,
    DisclosureSectionPage,
)
from congxa.news.factories import ArticlePageFactory, NewsIndexPageFactory

pytestmark = pytest.mark.django_db

HOST = "vinhthuy.localhost"
OTHER_HOST = "giolinh.localhost"


def get(client, url, host=HOST):
    return client.get(url, HTTP_HOST=host)


def add_index(home):
    index = DisclosureIndexPage(title="Công khai thông tin", slug="cong-khai")
    home.add_child(instance=index)
    return index


def add_section(index, title, category, items):
    section = DisclosureSectionPage(title=title, slug=None, category=category)
    section.slug = {
        DisclosureCategory.BUDGET: "ngan-sach",
        DisclosureCategory.PLANS: "ke-hoach",
    }.get(category, "khac")
    for order, item in enumerate(items):
        section.items.add(DisclosureItem(sort_order=order, **item))
    index.add_child(instance=section)
    return section


@pytest.fixture
def budget_page(home):
    news = NewsIndexPageFactory(parent=home, slug="thong-bao")
    return ArticlePageFactory(
        parent=news,
        title="Công khai dự toán ngân sách xã năm 2026",
        slug="du-toan-2026",
    )


@pytest.fixture
def index(home, budget_page):
    index = add_index(home)
    report = wagtail_factories.DocumentFactory(title="Quyết toán ngân sách 2024")
    add_section(
        index,
        "Công khai ngân sách",
        DisclosureCategory.BUDGET,
        [
            {"page": budget_page, "date": datetime.date(2026, 1, 5)},
            {
                "document": report,
                "title": "Báo cáo quyết toán ngân sách năm 2024",
                "date": datetime.date(2025, 6, 30),
            },
        ],
    )
    add_section(index, "Kế hoạch, chương trình", DisclosureCategory.PLANS, [])
    return index


def test_index_lists_sections_with_their_items(client, index):
    response = get(client, "/cong-khai/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Công khai thông tin - Xã Vĩnh Thủy</title>" in html
    assert "Công khai ngân sách" in html
    assert "Công khai dự toán ngân sách xã năm 2026" in html
    assert "5-1-2026" in html
    assert "Báo cáo quyết toán ngân sách năm 2024" in html
    assert "Kế hoạch, chương trình" in html


def test_section_keeps_the_editors_order(client, index):
    html = get(client, "/cong-khai/ngan-sach/").content.decode()
    assert html.index("Công khai dự toán ngân sách") < html.index(
        "Báo cáo quyết toán ngân sách năm 2024"
    )
    assert 'href="/thong-bao/du-toan-2026/"' in html
    assert '<meta name="description" content="' in html


def test_unpublished_linked_page_is_not_shown(client, index, budget_page):
    budget_page.unpublish()
    html = get(client, "/cong-khai/ngan-sach/").content.decode()
    assert "Công khai dự toán ngân sách xã năm 2026" not in html
    assert "Báo cáo quyết toán ngân sách năm 2024" in html


def test_index_queries_do_not_grow_with_sections(client, index, budget_page):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert get(client, "/cong-khai/").status_code == 200
        return len(queries)

    get(client, "/cong-khai/")
    few = count()
    for n in range(5):
        section = DisclosureSectionPage(title=f"Mục {n}", slug=f"muc-{n}")
        section.items.add(DisclosureItem(page=budget_page, date=datetime.date.today()))
        index.add_child(instance=section)
    assert count() == few


def test_other_commune_cannot_see_disclosures(client, index, other_site, budget_page):
    other_index = add_index(other_site.root_page)
    add_section(
        other_index,
        "Ngân sách xã Gio Linh",
        DisclosureCategory.BUDGET,
        # A page of commune A chosen by mistake is not shown on commune B's site.
        [{"page": budget_page, "date": datetime.date(2026, 1, 1)}],
    )
    own = get(client, "/cong-khai/").content.decode()
    other = get(client, "/cong-khai/", host=OTHER_HOST).content.decode()
    assert "Ngân sách xã Gio Linh" not in own
    assert "Ngân sách xã Gio Linh" in other
    assert "Công khai dự toán ngân sách xã năm 2026" not in other


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("bientap", "bt@example.com", "x")
    client.force_login(user)
    return client


def section_data(**overrides):
    data = {
        "title": "Đầu tư công, mua sắm công",
        "slug": "dau-tu-cong",
        "category": DisclosureCategory.INVESTMENT,
        "intro": "Danh mục dự án đầu tư công.",
        "items": inline_formset([]),
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def test_editor_creates_a_section_with_items(admin_client, index, budget_page):
    url = reverse(
        "wagtailadmin_pages:add",
        args=("disclosures", "disclosuresectionpage", index.pk),
    )
    items = inline_formset(
        [
            {
                "title": "Kết quả lựa chọn nhà thầu đường thôn Tân Phong",
                "date": "2026-02-01",
                "page": budget_page.pk,
                "document": "",
            }
        ]
    )
    response = admin_client.post(url, section_data(items=items))
    assert response.status_code == 302
    section = DisclosureSectionPage.objects.get(slug="dau-tu-cong")
    assert section.live
    assert section.newest_item_date() == datetime.date(2026, 2, 1)
    html = get(admin_client, "/cong-khai/dau-tu-cong/").content.decode()
    assert "Kết quả lựa chọn nhà thầu đường thôn Tân Phong" in html


def test_item_without_page_or_file_is_refused_in_vietnamese(admin_client, index):
    url = reverse(
        "wagtailadmin_pages:add",
        args=("disclosures", "disclosuresectionpage", index.pk),
    )
    items = inline_formset(
        [{"title": "Mục trống", "date": "2026-02-01", "page": "", "document": ""}]
    )
    response = admin_client.post(url, section_data(items=items))
    assert response.status_code == 200
    assert "Chọn một trang hoặc một tệp cho mục công khai này." in (
        response.content.decode()
    )
    assert not DisclosureSectionPage.objects.filter(slug="dau-tu-cong").exists()


def test_editor_edits_a_section(admin_client, index):
    section = DisclosureSectionPage.objects.get(slug="ke-hoach")
    url = reverse("wagtailadmin_pages:edit", args=(section.pk,))
    assert admin_client.get(url).status_code == 200
    data = section_data(
        title="Kế hoạch, chương trình năm 2026",
        slug="ke-hoach",
        category=DisclosureCategory.PLANS,
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302
    section.refresh_from_db()
    assert section.title == "Kế hoạch, chương trình năm 2026"
