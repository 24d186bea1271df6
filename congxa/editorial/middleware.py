"""Keep a commune's people inside their commune in the admin, and cap uploads."""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import Resolver404, resolve
from wagtail.documents import get_document_model
from wagtail.documents.permissions import (
    permission_policy as document_permission_policy,
)
from wagtail.images import get_image_model
from wagtail.images.permissions import permission_policy as image_permission_policy
from wagtail.models import Page

from congxa.portal.site_access import (
    is_province_operator,
    site_access,
    site_ids_for_user,
    user_administers_site,
    users_sharing_sites,
)

MEDIA_ACTIONS = ["add", "change", "choose", "delete"]


MEDIA_NAMESPACES = {
    "wagtailimages": "image",
    "wagtailimages_chooser": "image",
    "wagtaildocs": "document",
    "wagtaildocs_chooser": "document",
}
# Reports that count or list pages of every commune; for the whole deployment.
DEPLOYMENT_REPORTS = {"page_types_usage", "page_types_usage_results"}


def _media_target(namespace: str, kwargs: dict):
    """(policy, model, instance id) of an image or document admin URL, or None."""
    kind = MEDIA_NAMESPACES.get(namespace)
    if kind == "image" and "image_id" in kwargs:
        return image_permission_policy, get_image_model(), kwargs["image_id"]
    if kind == "image" and "pk" in kwargs:
        return image_permission_policy, get_image_model(), kwargs["pk"]
    if kind == "document":
        object_id = (
            kwargs.get("document_id") or kwargs.get("doc_id") or kwargs.get("pk")
        )
        if object_id:
            return document_permission_policy, get_document_model(), object_id
    return None


PAGE_KWARGS = ("page_id", "parent_page_id", "pk")


def _page_target(match) -> int | None:
    url_name = match.url_name or ""
    if (
        match.namespace == "wagtailadmin_pages"
        or url_name.startswith("wagtailadmin_explore")
        or url_name.startswith("wagtailadmin_choose_page")
    ):
        for name in PAGE_KWARGS:
            if name in match.kwargs:
                return int(match.kwargs[name])
    return None


def _page_in_reach(user, page_id: int) -> bool:
    """A page below one the user has permissions on, or above it (to browse down)."""
    page = Page.objects.filter(pk=page_id).only("path", "depth").first()
    if page is None:
        return True  # Wagtail answers 404 itself
    return site_access(user).page_in_reach(page.path)


def _narrow_choice_field(field, user, *, pages: bool = True) -> None:
    """Offer only what belongs to the user's communes in a filter or form field."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.db.models import Q
    from wagtail.models import Collection, Site, Task, Workflow

    queryset = getattr(field, "queryset", None)
    if queryset is None:
        return
    model = queryset.model
    access = site_access(user)
    if issubclass(model, get_user_model()):
        field.queryset = queryset.filter(pk__in=users_sharing_sites(user).values("pk"))
    elif issubclass(model, Site):
        field.queryset = queryset.filter(pk__in=access.site_ids)
    elif issubclass(model, Workflow):
        field.queryset = queryset.filter(
            workflow_pages__page__path__in=access.root_paths
        ).distinct()
    elif issubclass(model, Task):
        field.queryset = queryset.filter(
            workflow_tasks__workflow__workflow_pages__page__path__in=access.root_paths
        ).distinct()
    elif issubclass(model, Collection):
        field.queryset = queryset.filter(group_permissions__group__user=user).distinct()
    elif issubclass(model, Group):
        q = Q(pk__in=[])
        for root in access.root_paths:
            q |= Q(page_permissions__page__path__startswith=root)
        field.queryset = queryset.filter(q).distinct()
    elif pages and issubclass(model, Page):
        field.queryset = queryset.filter(access.pages_q(ancestors=False))


# The admin user of the request being handled, for the few Wagtail forms that
# are built without the request (the page privacy form's group list).
current_admin_user: ContextVar = ContextVar("congxa_admin_user", default=None)


FORM_SCOPING_PATCH = "editorial.middleware.install_form_scoping"
SET_PRIVACY_DIGEST = "de51477d0659ddca"


def check_form_scoping() -> None:
    """Raise `PatchOutdated` unless Wagtail's privacy view still builds its form
    from the module's `PageViewRestrictionForm` name, the one replaced here."""
    from wagtail.admin.views import page_privacy

    from congxa.portal.wagtail_patches import require_source, require_version

    require_version("wagtail", "7.4", FORM_SCOPING_PATCH)
    require_source(page_privacy.set_privacy, SET_PRIVACY_DIGEST, FORM_SCOPING_PATCH)


def install_form_scoping() -> None:
    """Narrow the page privacy form's groups to the user's communes."""
    from wagtail.admin.views import page_privacy

    check_form_scoping()
    base = page_privacy.PageViewRestrictionForm
    if getattr(base, "_congxa_scoped", False):
        return

    class ScopedPageViewRestrictionForm(base):
        _congxa_scoped = True

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            user = current_admin_user.get()
            if user is not None and "groups" in self.fields:
                _narrow_choice_field(self.fields["groups"], user, pages=False)

    page_privacy.PageViewRestrictionForm = ScopedPageViewRestrictionForm


class CommuneScopeMiddleware:
    """Keep a commune's people inside their commune in the admin.

    Wagtail scopes pages by page permissions and lists media by collection
    permissions, but a guessed page, image or document ID is answered with a
    redirect and a message, the page chooser browses every tree, and the filter
    panels list every site, workflow and person. Here another commune's page is
    a 404 (its existence is not confirmed), its settings or media a 403, the
    deployment-wide reports are for superusers and the province, and every
    filter panel and site switcher offers only the user's communes. Which
    communes a user may reach is answered by `portal.site_access`.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def _scoped(self, request) -> bool:
        user = getattr(request, "user", None)
        return (
            request.path_info.startswith("/admin/")
            and user is not None
            and user.is_authenticated
            and not user.is_superuser
        )

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not self._scoped(request):
            return self.get_response(request)
        self.check(request, request.user)
        token = current_admin_user.set(request.user)
        try:
            return self.get_response(request)
        finally:
            current_admin_user.reset(token)

    def check(self, request: HttpRequest, user) -> None:
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return
        namespace = match.namespace
        if namespace == "wagtailsettings" and "pk" in match.kwargs:
            if not user_administers_site(user, match.kwargs["pk"]):
                raise PermissionDenied
            return
        if namespace == "wagtailadmin_workflows":
            # Workflows and their tasks are set up per commune by the
            # commune command; their lists name every commune.
            raise PermissionDenied
        if namespace == "wagtailusers_groups":
            # Groups are set up per commune by the commune command; a commune
            # administrator manages its people with the board form. Wagtail's
            # group list and form (a checkbox per site for each per-site
            # setting, every collection) name every commune and grow with
            # them, even for someone given the group permissions.
            raise PermissionDenied
        if namespace == "wagtailadmin_reports" and match.url_name in (
            DEPLOYMENT_REPORTS
        ):
            if not is_province_operator(user):
                raise PermissionDenied
            return
        page_id = _page_target(match)
        if page_id is not None and not _page_in_reach(user, page_id):
            raise Http404
        target = _media_target(namespace, match.kwargs)
        if target is not None:
            policy, model, object_id = target
            instance = model.objects.filter(pk=object_id).first()
            if instance is not None and not policy.user_has_any_permission_for_instance(
                user, MEDIA_ACTIONS, instance
            ):
                raise PermissionDenied

    def process_template_response(self, request, response):
        if not self._scoped(request) or not response.context_data:
            return response
        context = response.context_data
        filters = context.get("filters")
        form = getattr(filters, "form", None)
        if form is not None:
            for field in form.fields.values():
                _narrow_choice_field(field, request.user)
        # The privacy form's groups, a page's settings: same narrowing.
        page_form = context.get("form")
        if page_form is not None and hasattr(page_form, "fields"):
            for field in page_form.fields.values():
                _narrow_choice_field(field, request.user, pages=False)
        switcher = context.get("site_switcher")
        if switcher is not None and "site" in switcher.fields:
            endings = tuple(f"/{pk}/" for pk in site_ids_for_user(request.user))
            field = switcher.fields["site"]
            field.choices = [
                (url, label)
                for url, label in field.choices
                if str(url).endswith(endings)
            ]
        return response


class RequestSizeLimitMiddleware:
    """Answer 413 to a request body over CONGXA_MAX_REQUEST_BYTES before reading it.

    Django spools uploads to disk, so a huge upload does not fill memory, but it
    would still be read whole before Wagtail's size check. Production also sets
    the same cap in the reverse proxy (nginx `client_max_body_size`).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = getattr(settings, "CONGXA_MAX_REQUEST_BYTES", 64 * 1024 * 1024)
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > limit:
            response = render(
                request,
                "editorial/request_too_large.html",
                {"limit_mb": limit // (1024 * 1024)},
                status=413,
            )
            # The body is not read; the connection must not be reused for it.
            response["Connection"] = "close"
            return response
        return self.get_response(request)
