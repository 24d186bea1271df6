"""Keep a commune's people inside their commune in the admin, and cap uploads."""

from __future__ import annotations

from collections.abc import Callable

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

from .selectors import user_administers_site

MEDIA_ACTIONS = ["add", "change", "choose", "delete"]


def _media_target(namespace: str, kwargs: dict):
    """(policy, instance id) of an image or document admin URL, or None."""
    if namespace == "wagtailimages" and "image_id" in kwargs:
        return image_permission_policy, get_image_model(), kwargs["image_id"]
    if namespace == "wagtaildocs":
        object_id = kwargs.get("document_id") or kwargs.get("doc_id")
        if object_id:
            return document_permission_policy, get_document_model(), object_id
    return None


PAGE_KWARGS = ("page_id", "parent_page_id", "pk")


def _page_target(match) -> int | None:
    if match.namespace == "wagtailadmin_pages" or (match.url_name or "").startswith(
        "wagtailadmin_explore"
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
    roots = Page.objects.filter(group_permissions__group__user=user).only("path")
    return any(
        page.path.startswith(root.path) or root.path.startswith(page.path)
        for root in roots
    )


class CommuneScopeMiddleware:
    """Refuse admin URLs that name another commune's pages, settings or media.

    Wagtail scopes pages by page permissions and lists media by collection
    permissions, but per-site settings are guarded by a model permission for
    every site, and a guessed page, image or document ID is answered with a
    redirect and a message. Here another commune's page is a 404 (its existence
    is not confirmed) and its settings or media a 403.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            request.path_info.startswith("/admin/")
            and user is not None
            and user.is_authenticated
            and not user.is_superuser
        ):
            self.check(request, user)
        return self.get_response(request)

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
