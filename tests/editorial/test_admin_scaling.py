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


# The cache backend looks for lost invalidations now and then (on a timer,
# congxa/portal/cache_backends.py): not a cost of the screen being counted.
TIMED_MAINTENANCE = ('"portal_pendingcacheinvalidation"',)


def screen_queries(captured) -> list[str]:
    return [
        q["sql"]
        for q in captured.captured_queries
        if not any(table in q["sql"] for table in TIMED_MAINTENANCE)
    ]


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(screen_queries(captured))


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


def _section_with_articles(site, owner, count: int):
    section = NewsIndexPage.objects.get(
        url_path__startswith=site.root_page.url_path, slug="tin-tuc-su-kien"
    )
    for n in range(count):
        ArticlePageFactory(parent=section, title=f"Bài số {n}", owner=owner)
    return section


def _own_draft(section, writer):
    from django.utils import timezone

    from congxa.news.models import ArticlePage

    draft = ArticlePage(
        title="Bản nháp của phóng viên",
        slug="ban-nhap",
        date=timezone.now(),
        lead="Bản nháp.",
        owner=writer,
        live=False,
    )
    section.add_child(instance=draft)
    draft.save_revision(user=writer)
    return draft


def _warm_queries(client, url: str) -> int:
    queries(client, url)  # Wagtail re-reads its site root paths once
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    _last_sql[:] = screen_queries(captured)
    return len(_last_sql)


_last_sql: list[str] = []


ROLES = [Role.WRITER, Role.EDITOR, Role.APPROVER]


@pytest.mark.parametrize("role", ROLES)
def test_explorer_queries_flat_with_communes_and_rows(db, client, role):
    own = add_communes(0, 1)[0]
    writer = make_member(own, Role.WRITER, "phongvien")
    person = writer if role == Role.WRITER else make_member(own, role, "nguoi")
    section = _section_with_articles(own, writer, 3)
    draft = _own_draft(section, writer)
    draft.get_workflow().start(draft, writer)  # one row in moderation
    url = f"/admin/pages/{section.pk}/"
    client.force_login(person)
    one = _warm_queries(client, url)
    first_sql = list(_last_sql)
    add_communes(1, 6)
    many_communes = _warm_queries(client, url)
    extra = [q for q in first_sql if q not in _last_sql]
    _section_with_articles(own, writer, 20)
    many_rows = _warm_queries(client, url)
    html = client.get(url).content.decode()
    assert "Bài số 19" in html and "Bản nháp của phóng viên" in html
    assert (one, many_communes, many_rows) == (one, one, one), extra
    assert one < 40


# A page waiting in the workflow costs a reviewer a few more queries than a
# draft (the lock, the workflow's tasks, who may cancel), still under 40:
# `wagtail_patches/workflow_state_memo` reads the tasks once (was 45-47).
EDIT_CASES = [
    (Role.WRITER, False, 40),
    (Role.EDITOR, False, 40),
    (Role.APPROVER, False, 40),
    (Role.WRITER, True, 40),
    (Role.EDITOR, True, 40),
    (Role.APPROVER, True, 40),
]


@pytest.mark.parametrize(("role", "in_moderation", "ceiling"), EDIT_CASES)
def test_page_edit_queries_flat_with_communes(db, client, role, in_moderation, ceiling):
    own = add_communes(0, 1)[0]
    writer = make_member(own, Role.WRITER, "phongvien")
    person = writer if role == Role.WRITER else make_member(own, role, "nguoi")
    section = _section_with_articles(own, writer, 3)
    draft = _own_draft(section, writer)
    if in_moderation:
        draft.get_workflow().start(draft, writer)
    url = f"/admin/pages/{draft.pk}/edit/"
    client.force_login(person)
    one = _warm_queries(client, url)
    add_communes(1, 6)
    _section_with_articles(own, writer, 10)
    many = _warm_queries(client, url)
    assert many == one
    assert one < ceiling, _last_sql
    html = client.get(url).content.decode()
    assert "Bản nháp của phóng viên" in html
    if in_moderation:
        # The workflow's panel, its tasks and the reviewer's actions are there.
        # Wagtail's answers, read once: the editor reviews the first task
        # (and so may cancel), the writer submitted it (may cancel), the
        # approver waits for the second task.
        task = draft.current_workflow_task
        assert task.name in html
        acts = 'data-workflow-action-name="approve"' in html
        cancels = "action-cancel-workflow" in html
        assert (acts, cancels) == {
            Role.WRITER: (False, True),
            Role.EDITOR: (True, True),
            Role.APPROVER: (False, False),
        }[role]


def test_leaf_delete_rule_matches_wagtails_query(db):
    """The patched `can_delete` gives, for a leaf, what Wagtail's query gives."""
    from wagtail.models import Page

    from congxa.portal.wagtail_patches import leaf_delete

    own = add_communes(0, 1)[0]
    writer = make_member(own, Role.WRITER, "phongvien")
    other = make_member(own, Role.WRITER, "phongvien2")
    editor = make_member(own, Role.EDITOR, "btv")
    approver = make_member(own, Role.APPROVER, "tbbt")
    section = _section_with_articles(own, writer, 0)
    pages = [
        ArticlePageFactory(
            parent=section, title="Của mình, nháp", owner=writer, live=False
        ),
        ArticlePageFactory(parent=section, title="Của mình, đã đăng", owner=writer),
        ArticlePageFactory(
            parent=section, title="Của người khác", owner=other, live=False
        ),
        ArticlePageFactory(parent=section, title="Không chủ", owner=None, live=False),
    ]
    seen = set()
    for user in (writer, other, editor, approver):
        for page in pages:
            page = Page.objects.get(pk=page.pk)
            tester = page.permissions_for_user(user)
            patched = tester.can_delete()
            original = leaf_delete._original(tester)
            assert patched == original, (user.username, page.title)
            assert leaf_delete.leaf_can_delete(tester) is not None
            seen.add(patched)
    assert seen == {True, False}
    # A page with children is left to Wagtail's own query.
    assert leaf_delete.leaf_can_delete(section.permissions_for_user(writer)) is None
