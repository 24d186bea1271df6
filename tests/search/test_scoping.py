"""A commune sees its own pages in search, never another commune's."""

import pytest

from congxa.search import selectors

from .conftest import add_article

pytestmark = pytest.mark.django_db


def test_commune_a_never_sees_commune_b(site, other_site, section, other_section):
    add_article(section, "Vĩnh Thủy tổ chức hội nghị tổng kết")
    add_article(other_section, "Gio Linh tổ chức hội nghị tổng kết")
    seen_by_a = [
        r.url for r in selectors.search("hoi nghi tong ket", site=site).results
    ]
    seen_by_b = [
        r.url for r in selectors.search("hoi nghi tong ket", site=other_site).results
    ]
    assert len(seen_by_a) == len(seen_by_b) == 1
    a_html = str(selectors.search("tong ket", site=site).results[0].title)
    assert "Vĩnh Thủy" in a_html
    assert "Gio Linh" not in a_html


def test_facet_counts_are_scoped(site, other_site, section, other_section):
    for n in range(3):
        add_article(other_section, f"Gio Linh thông báo số {n}")
    add_article(section, "Vĩnh Thủy thông báo")
    page = selectors.search("thong bao", site=site)
    assert page.total == 1
    assert [f.count for f in page.facets] == [1]


def test_request_is_scoped_by_host(client, site, other_site, section, other_section):
    add_article(section, "Vĩnh Thủy ra quân thu hoạch lúa")
    add_article(other_section, "Gio Linh ra quân thu hoạch lúa")
    html = client.get(
        "/tim-kiem/", {"q": "thu hoach lua"}, HTTP_HOST="giolinh.localhost"
    ).content.decode()
    assert "Gio Linh" in html
    assert "Vĩnh Thủy ra quân" not in html
