"""Every Wagtail patch: its start-up guard, and the behaviour it exists for."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Page, PageViewRestriction
from wagtail.query import PageQuerySet
from wagtail.rich_text import RichText

from congxa.news.factories import ArticlePageFactory, NewsIndexPageFactory
from congxa.portal import wagtail_patches
from congxa.portal.wagtail_patches import (
    PatchOutdated,
    admin_texts,
    page_base_form,
    page_create_once,
    page_privacy,
    search_folding,
    treebeard_parent,
)

HOST = "vinhthuy.localhost"


def get(client, url, **params):
    return client.get(url, params, HTTP_HOST=HOST)


# The guards.


def test_every_submodule_is_found_and_passes_its_check():
    names = {
        module.__name__.rsplit(".", 1)[1] for module in wagtail_patches.patch_modules()
    }
    assert {
        "admin_texts",
        "page_base_form",
        "page_create_once",
        "page_privacy",
        "search_folding",
        "treebeard_parent",
    } <= names
    for module in wagtail_patches.patch_modules():
        module.check()
        assert callable(module.apply)


@pytest.mark.parametrize(
    "module",
    [
        admin_texts,
        page_base_form,
        page_create_once,
        page_privacy,
        search_folding,
        treebeard_parent,
    ],
)
def test_another_version_stops_the_start(module, monkeypatch):
    monkeypatch.setattr(wagtail_patches, "version", lambda name: "99.0.0")
    with pytest.raises(PatchOutdated, match="99.0.0"):
        module.check()


@pytest.mark.parametrize(
    ("module", "constant"),
    [
        (page_privacy, "PRIVATE_Q_DIGEST"),
        (page_privacy, "VIEW_RESTRICTIONS_DIGEST"),
        (treebeard_parent, "GET_PARENT_DIGEST"),
        (admin_texts, "REDIRECT_FILTERS_DIGEST"),
        (admin_texts, "SITE_INDEX_DIGEST"),
        (admin_texts, "PAGE_SEARCH_DIGEST"),
        (page_base_form, "EDIT_HANDLER_DIGEST"),
        (page_create_once, "CREATE_POST_DIGEST"),
    ],
)
def test_changed_source_stops_the_start(module, constant, monkeypatch):
    monkeypatch.setattr(module, constant, "0" * 16)
    with pytest.raises(PatchOutdated, match="mã nguồn"):
        module.check()


def test_changed_indexer_source_stops_the_start(monkeypatch):
    digests = dict.fromkeys(search_folding.PREPARE_VALUE_DIGESTS, "0" * 16)
    monkeypatch.setattr(search_folding, "PREPARE_VALUE_DIGESTS", digests)
    with pytest.raises(PatchOutdated, match="mã nguồn"):
        search_folding.check()


def test_changed_signature_stops_the_start(monkeypatch):
    def private_q(self, extra):
        return None

    private_q.congxa_original = private_q
    monkeypatch.setattr(PageQuerySet, "private_q", private_q)
    with pytest.raises(PatchOutdated, match="chữ ký"):
        page_privacy.check()


def test_the_editorial_patches_are_guarded_too(monkeypatch):
    """The two patches the editorial app installs itself (the dashboard's
    one-query review list, the privacy form's narrowed groups)."""
    from congxa.editorial import middleware, workflows

    workflows.check()
    middleware.check_form_scoping()
    for module, constant, check in (
        (workflows, "REVIEWABLE_BY_DIGEST", workflows.check),
        (workflows, "GROUP_RULE_DIGEST", workflows.check),
        (middleware, "SET_PRIVACY_DIGEST", middleware.check_form_scoping),
    ):
        with monkeypatch.context() as patched:
            patched.setattr(module, constant, "0" * 16)
            with pytest.raises(PatchOutdated, match="mã nguồn"):
                check()
    monkeypatch.setattr(wagtail_patches, "version", lambda name: "99.0.0")
    for check in (workflows.check, middleware.check_form_scoping):
        with pytest.raises(PatchOutdated, match="99.0.0"):
            check()


def test_patches_are_installed():
    assert PageQuerySet.private_q is page_privacy.private_q
    assert Page.get_view_restrictions is page_privacy.view_restrictions_of


# page_privacy: a page with a view restriction stays out of every list.


@pytest.fixture
def pages(home):
    section = NewsIndexPageFactory(parent=home, title="Tin tức", slug="tin-tuc")
    private_section = NewsIndexPageFactory(
        parent=home, title="Nội bộ cán bộ", slug="noi-bo", show_in_menus=True
    )
    public = ArticlePageFactory(
        parent=section, title="Lịch tiêm chủng tháng mười", slug="tiem-chung"
    )
    secret = ArticlePageFactory(
        parent=section,
        title="Danh sách hộ nghèo có số căn cước",
        slug="ho-ngheo",
        body=[("paragraph", RichText("<p>Danh sách hộ nghèo xã</p>"))],
    )
    inside = ArticlePageFactory(
        parent=private_section, title="Biên bản họp kín", slug="bien-ban"
    )
    for page in (public, secret, inside):
        page.save_revision().publish()
    PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.LOGIN
    )
    PageViewRestriction.objects.create(
        page=private_section, restriction_type=PageViewRestriction.LOGIN
    )
    return {
        "section": section,
        "private_section": private_section,
        "public": public,
        "secret": secret,
        "inside": inside,
    }


def test_restricted_pages_are_not_in_the_menu(client, pages):
    html = get(client, "/").content.decode()
    assert "Tin tức" in html
    assert "Nội bộ cán bộ" not in html


def test_restricted_pages_are_not_in_section_lists(client, pages):
    html = get(client, "/tin-tuc/").content.decode()
    assert "Lịch tiêm chủng" in html
    assert "hộ nghèo" not in html


def test_restricted_pages_are_not_in_other_news(client, pages):
    extra = ArticlePageFactory(
        parent=pages["section"], title="Thông báo nghỉ lễ", slug="nghi-le"
    )
    extra.save_revision().publish()
    html = get(client, "/tin-tuc/nghi-le/").content.decode()
    assert "Các tin khác" in html
    assert "Lịch tiêm chủng" in html
    assert "hộ nghèo" not in html


def test_restricted_pages_are_not_found_by_search(client, pages):
    # Results are highlighted word by word: compare addresses, not titles.
    assert (
        "/tin-tuc/tiem-chung/"
        in get(client, "/tim-kiem/", q="tiêm chủng").content.decode()
    )
    for query in ("hộ nghèo", "căn cước", "biên bản họp"):
        html = get(client, "/tim-kiem/", q=query).content.decode()
        assert "/tin-tuc/ho-ngheo/" not in html, query
        assert "/noi-bo/bien-ban/" not in html, query


def test_restricted_pages_are_not_in_the_sitemap(client, pages):
    xml = get(client, "/sitemap.xml").content.decode()
    assert "/tin-tuc/tiem-chung/" in xml
    assert "ho-ngheo" not in xml
    assert "noi-bo" not in xml


def test_restricted_page_asks_for_login_when_requested(client, pages):
    for url in ("/tin-tuc/ho-ngheo/", "/noi-bo/bien-ban/"):
        response = get(client, url)
        assert response.status_code == 302, url
        assert "/login/" in response["Location"] or "dang-nhap" in response["Location"]
    user = get_user_model().objects.create_user("canbo", password="x" * 16)
    client.force_login(user)
    assert get(client, "/tin-tuc/ho-ngheo/").status_code == 200


def test_group_restricted_page_refuses_those_outside_the_group(client, pages):
    restriction = PageViewRestriction.objects.get(page=pages["secret"])
    restriction.restriction_type = PageViewRestriction.GROUPS
    restriction.save()
    restriction.groups.add(Group.objects.create(name="Ban tuyên giáo"))
    client.force_login(get_user_model().objects.create_user("ai-do", password="x" * 16))
    response = get(client, "/tin-tuc/ho-ngheo/")
    assert response.status_code in (302, 403)
    assert "hộ nghèo" not in response.content.decode()


def test_password_restricted_page_shows_the_password_form(client, pages):
    restriction = PageViewRestriction.objects.get(page=pages["secret"])
    restriction.restriction_type = PageViewRestriction.PASSWORD
    restriction.password = "mat-khau-trang"
    restriction.save()
    response = get(client, "/tin-tuc/ho-ngheo/")
    assert "Danh sách hộ nghèo xã" not in response.content.decode()
    assert 'name="password"' in response.content.decode()


def test_public_lists_match_wagtails_own_answer(pages):
    patched = set(Page.objects.public().values_list("pk", flat=True))
    queryset = Page.objects.all()
    original = set(
        queryset.exclude(page_privacy.private_q.congxa_original(queryset)).values_list(
            "pk", flat=True
        )
    )
    assert patched == original
    assert pages["secret"].pk not in patched
    assert pages["inside"].pk not in patched


def test_public_filter_costs_no_query_once_read(pages):
    Page.objects.public().count()
    with CaptureQueriesContext(connection) as queries:
        Page.objects.public().query.get_compiler("default").as_sql()
        pages["public"].get_view_restrictions()
    assert len(queries) == 0


def test_view_restrictions_are_wagtails_under_a_restriction(pages):
    restrictions = list(pages["inside"].get_view_restrictions())
    assert [r.page_id for r in restrictions] == [pages["private_section"].pk]


# search_folding: the admin's search indexes folded Vietnamese.


def test_indexer_folds_for_the_vietnamese_backend_only(pages):
    import importlib

    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    module = importlib.import_module(
        "modelsearch.backends.database.sqlite.sqlite"
        if connection.vendor == "sqlite"
        else "modelsearch.backends.database.postgres.postgres"
    )
    indexer = module.ObjectIndexer(pages["public"], backend)
    folded = indexer.prepare_value("Đăng ký khai sinh")
    assert folded == search_folding.fold_for_index("Đăng ký khai sinh")
    assert folded.startswith("dang k")

    class PlainBackend(type(backend).__mro__[2]):
        """The database backend without the Vietnamese mixin."""

    plain_backend = PlainBackend({})
    assert not getattr(plain_backend, "folds_vietnamese", False)
    plain = module.ObjectIndexer(pages["public"], plain_backend)
    assert plain.prepare_value("Đăng ký") == "Đăng ký"


def test_admin_search_finds_marks_from_plain_letters(client, pages):
    admin = get_user_model().objects.create_superuser("qt", "qt@x.vn", "x" * 16)
    client.force_login(admin)
    html = client.get("/admin/pages/search/", {"q": "lich tiem chung"}).content.decode()
    assert "Lịch tiêm chủng tháng mười" in html


# treebeard_parent: routing hands the parent over, no query for it.


def test_routing_leaves_the_parent_cached(rf, pages, site):
    request = rf.get("/tin-tuc/tiem-chung/", HTTP_HOST=HOST)
    home = site.root_page.specific
    found = home.route(request, ["tin-tuc", "tiem-chung"])
    with CaptureQueriesContext(connection) as queries:
        parent = found.page.get_parent()
    assert parent.pk == pages["section"].pk
    assert len(queries) == 0


def test_people_are_named_family_name_first():
    from django.contrib.auth import get_user_model

    from congxa.vi.names import name_parts

    given, family = name_parts("Trần Thị Phóng")
    assert (given, family) == ("Phóng", "Trần Thị")
    person = get_user_model()(first_name=given, last_name=family)
    assert person.get_full_name() == "Trần Thị Phóng"
    assert get_user_model()(first_name="An").get_full_name() == "An"


# admin_script_nonce: Wagtail's inline scripts under the admin's nonce.


def test_a_changed_wagtail_template_stops_the_start(monkeypatch):
    from congxa.portal.wagtail_patches import admin_script_nonce

    templates = dict(admin_script_nonce.TEMPLATES)
    first = next(iter(templates))
    templates[first] = "0" * 16
    monkeypatch.setattr(admin_script_nonce, "TEMPLATES", templates)
    with pytest.raises(PatchOutdated, match=first):
        admin_script_nonce.check()


def test_every_overridden_template_is_found_first(settings):
    from django.forms.renderers import get_default_renderer
    from django.template.loader import get_template

    from congxa.portal.wagtail_patches import admin_script_nonce

    ours = str(settings.BASE_DIR / "portal" / "templates")
    for relative in admin_script_nonce.TEMPLATES:
        name = relative.split("/templates/", 1)[1]
        assert get_template(name).origin.name.startswith(ours), name
        if "/widgets/" in name:  # widgets render through the form renderer
            found = get_default_renderer().get_template(name)
            assert found.origin.name.startswith(ours), name


def test_the_chooser_script_carries_the_nonce_inside_an_admin_response():
    from wagtail.admin.widgets import AdminPageChooser

    from congxa.portal import admin_scripts

    html = AdminPageChooser().render("page", None, {"id": "id_page"})
    assert "<script>" in html
    token = admin_scripts._nonce.set("n0nce")
    try:
        html = AdminPageChooser().render("page", None, {"id": "id_page"})
    finally:
        admin_scripts._nonce.reset(token)
    assert '<script nonce="n0nce">' in html


# admin_texts: the admin's words no catalog reached read in the request's language.


@pytest.fixture
def admin_client(client, db):
    admin = get_user_model().objects.create_superuser("qtv", "qtv@x.vn", "x" * 16)
    client.force_login(admin)
    return client


def test_fixed_labels_follow_the_active_language():
    from wagtail.contrib.redirects.filters import RedirectsReportFilterSet

    kind = RedirectsReportFilterSet.base_filters["is_permanent"]
    with translation.override("en"):
        assert str(kind.label) == "Type"
    with translation.override("vi"):
        assert str(kind.label) == "Loại"
        assert [str(label) for _, label in kind.extra["choices"]] == [
            "Vĩnh viễn",
            "Tạm thời",
        ]


def test_redirects_filter_reads_in_vietnamese(admin_client, site):
    html = admin_client.get("/admin/redirects/").content.decode()
    assert "Vĩnh viễn" in html and "Tạm thời" in html
    assert "Permanent" not in html and "Temporary" not in html


def test_sites_list_headings_read_in_vietnamese(admin_client, site):
    html = admin_client.get("/admin/sites/").content.decode()
    assert "Tên trang web" in html and "Trang gốc" in html
    assert "Site name" not in html and "Root page" not in html


def test_page_search_count_names_pages(admin_client, pages):
    html = admin_client.get("/admin/pages/search/", {"q": "tiêm chủng"}).content
    html = " ".join(html.decode().split())
    assert "Lịch tiêm chủng tháng mười" in html
    assert "1-1 trong số 1 trang" in html
    assert "1 None" not in html


def test_filter_lookup_words_are_vietnamese(settings):
    with translation.override("vi"):
        lookups = settings.FILTERS_VERBOSE_LOOKUPS()
        assert str(lookups["gte"]) == "từ"
        assert str(lookups["contains"]) == "có chứa"


# page_base_form: every page type's admin form is congxa's.


def test_every_page_type_edits_with_congxas_form():
    from wagtail.models import get_page_models

    from congxa.editorial.page_form import VietnamesePageForm

    assert Page.base_form_class is VietnamesePageForm
    for model in get_page_models():
        if model is Page:
            continue
        form = model.get_edit_handler().get_form_class()
        assert issubclass(form, VietnamesePageForm), model


def test_another_base_form_stops_the_start(monkeypatch):
    from django import forms

    monkeypatch.setattr(Page, "base_form_class", forms.ModelForm)
    with pytest.raises(PatchOutdated, match="base_form_class"):
        page_base_form.check()


# workflow_state_memo: a workflow state's tasks read once, Wagtail's answers.


def _state_answers(state, users):
    return {
        "status": [
            (task.pk, task.status, str(task.status_display))
            for task in state.all_tasks_with_status()
        ],
        "state": [
            (task.pk, task.task_state.pk if task.task_state else None)
            for task in state.all_tasks_with_state()
        ],
        "next": state.get_next_task(),
        "final": state.is_at_final_task,
        "cancel": [state.user_can_cancel(user) for user in users],
    }


def test_workflow_state_memo_gives_wagtails_answers_once(db):
    from wagtail.models import WorkflowState

    from congxa.editorial.enums import Role
    from congxa.news.models import NewsIndexPage
    from congxa.portal.communes import CommuneSpec, commune_create
    from congxa.portal.wagtail_patches import workflow_state_memo
    from tests.editorial.conftest import make_member

    site = commune_create(CommuneSpec(host="xa-memo.vn", name="Xã Ghi Nhớ")).site
    other = commune_create(CommuneSpec(host="xa-khac.vn", name="Xã Khác")).site
    writer = make_member(site, Role.WRITER, "pv")
    editor = make_member(site, Role.EDITOR, "btv")
    approver = make_member(site, Role.APPROVER, "tbbt")
    stranger = make_member(other, Role.EDITOR, "btv-khac")
    users = [writer, editor, approver, stranger]
    section = NewsIndexPage.objects.get(
        url_path__startswith=site.root_page.url_path, slug="tin-tuc-su-kien"
    )
    article = ArticlePageFactory(parent=section, title="Chờ duyệt", owner=writer)
    article.save_revision(user=writer)
    article.get_workflow().start(article, writer)

    def compare(step):
        wagtails = _state_answers(WorkflowState.objects.active().get(), users)
        record = Page.objects.prefetch_workflow_states().get(pk=article.pk)
        state = record._current_workflow_states[0]
        workflow_state_memo.memo_enable(state, record)
        workflow_state_memo.workflow_share(state, article.get_workflow())
        with CaptureQueriesContext(connection) as first:
            ours = _state_answers(state, users)
        with CaptureQueriesContext(connection) as again:
            assert _state_answers(state, users) == ours
        assert ours == wagtails, step
        # Read once: asking again costs only what depends on the user asked.
        assert not any("wagtailcore_task" in q["sql"] for q in again.captured_queries)
        assert not any(
            '"wagtailcore_workflow"' in q["sql"] for q in first.captured_queries
        )
        return ours

    first = compare("review")
    assert first["cancel"] == [True, True, False, False]
    assert first["final"] is False
    WorkflowState.objects.active().get().current_task_state.approve(user=editor)
    second = compare("approval")
    assert second["final"] is True
    assert second["cancel"] == [True, False, True, False]
    # Without the memo (any other workflow state), Wagtail's code runs.
    plain = WorkflowState.objects.active().get()
    with CaptureQueriesContext(connection) as captured:
        plain.all_tasks_with_status()
        plain.all_tasks_with_status()
    assert sum("wagtailcore_task" in q["sql"] for q in captured.captured_queries) == 2


def test_workflow_state_memo_guards_its_source(monkeypatch):
    from congxa.portal.wagtail_patches import workflow_state_memo

    digests = dict.fromkeys(workflow_state_memo.DIGESTS, "0" * 16)
    monkeypatch.setattr(workflow_state_memo, "DIGESTS", digests)
    with pytest.raises(PatchOutdated, match="mã nguồn"):
        workflow_state_memo.check()
    monkeypatch.setattr(wagtail_patches, "version", lambda name: "99.0.0")
    with pytest.raises(PatchOutdated, match="99.0.0"):
        workflow_state_memo.check()
