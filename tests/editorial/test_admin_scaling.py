"""The admin costs a commune's people the same at 2 communes as at many."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import TaskState

from congxa.editorial.enums import Role
from congxa.news.factories import ArticlePageFactory
from congxa.news.models import NewsIndexPage
from congxa.portal.communes import CommuneSpec, commune_create
from tests.editorial.conftest import make_member


def add_communes(first: int, count: int):
    return [
        commune_create(CommuneSpec(host=f"xa-{n}.vn", name=f"Xã Số {n}")).site
        for n in range(first, first + count)
    ]


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("role", [Role.WRITER, Role.EDITOR])
def test_dashboard_queries_do_not_grow_with_communes(db, client, role):
    own = add_communes(0, 1)[0]
    person = make_member(own, role, "nguoi")
    section = NewsIndexPage.objects.get(
        url_path__startswith=own.root_page.url_path, slug="tin-tuc-su-kien"
    )
    writer = make_member(own, Role.WRITER, "phongvien-x")
    article = ArticlePageFactory(parent=section, title="Bài chờ duyệt", live=False)
    article.save_revision(user=writer)
    article.get_workflow().start(article, writer)
    add_communes(1, 1)
    client.force_login(person)
    queries(client, "/admin/")  # warm the per-process caches
    few = queries(client, "/admin/")
    add_communes(2, 6)
    queries(client, "/admin/")  # Wagtail re-reads its site root paths once
    many = queries(client, "/admin/")
    assert many == few
    assert few < 40
    if role == Role.EDITOR:
        assert TaskState.objects.reviewable_by(person).count() == 1
        html = client.get("/admin/").content.decode()
        assert "Bài chờ duyệt" in html


def test_reviewable_by_matches_wagtails_rule(db):
    sites = add_communes(0, 2)
    editor = make_member(sites[0], Role.EDITOR, "btv")
    other_editor = make_member(sites[1], Role.EDITOR, "btv2")
    writer = make_member(sites[0], Role.WRITER, "pv")
    section = NewsIndexPage.objects.get(
        url_path__startswith=sites[0].root_page.url_path, slug="tin-tuc-su-kien"
    )
    article = ArticlePageFactory(parent=section, title="Bài", live=False)
    article.save_revision(user=writer)
    article.get_workflow().start(article, writer)
    assert TaskState.objects.reviewable_by(editor).count() == 1
    assert TaskState.objects.reviewable_by(other_editor).count() == 0
    assert TaskState.objects.reviewable_by(writer).count() == 0
