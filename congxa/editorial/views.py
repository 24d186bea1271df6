"""The commune administrator's pages: the editorial board and its audit log."""

from __future__ import annotations

from axes.utils import reset as axes_reset
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.log_actions import registry as log_registry
from wagtail.models import ModelLogEntry, PageLogEntry, Site

from congxa.accounts import audit
from congxa.portal import views as portal_views

from . import manuals, selectors, services
from .enums import Role
from .forms import MemberAddForm
from .models import EditorialBoard

AUDIT_LOG_LIMIT = 200


def _administered_site(request, site_id: int) -> Site:
    site = get_object_or_404(Site, pk=site_id, editorial_board__isnull=False)
    if not selectors.user_administers_site(request.user, site.pk):
        # Not found rather than forbidden: another commune's board is not
        # confirmed to exist.
        raise Http404
    return site


def board_index(request):
    if request.user.is_superuser:
        sites = Site.objects.filter(editorial_board__isnull=False)
    else:
        sites = selectors.sites_for_user(request.user, role=Role.ADMIN)
    sites = list(sites.order_by("hostname"))
    if not sites:
        raise PermissionDenied
    if len(sites) == 1:
        return redirect("editorial_board", site_id=sites[0].pk)
    return TemplateResponse(request, "editorial/board_index.html", {"sites": sites})


def board(request, site_id: int):
    site = _administered_site(request, site_id)
    form = MemberAddForm(request.POST or None, site=site, actor=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        user = form.user
        if user is None:
            user, password = services.account_create(
                username=data["username"],
                email=data["email"],
                full_name=data["full_name"],
            )
            messages.warning(
                request,
                _(
                    "Account %(username)s created. Temporary password, shown only "
                    "once: %(password)s"
                )
                % {"username": user.username, "password": password},
            )
        services.editor_add(
            user=user, site=site, role=Role(data["role"]), actor=request.user
        )
        messages.success(
            request,
            _("%(username)s now has the role %(role)s.")
            % {"username": user.username, "role": Role(data["role"]).label},
        )
        return redirect("editorial_board", site_id=site.pk)
    return TemplateResponse(
        request,
        "editorial/board.html",
        {
            "site": site,
            "commune": services.commune_name(site),
            "roles": selectors.board_members(site),
            "form": form,
        },
    )


def _member(site: Site, user_id: int):
    User = get_user_model()
    if user_id not in selectors.board_member_ids(site):
        raise Http404
    return User.objects.get(pk=user_id)


@require_POST
def member_remove(request, site_id: int, user_id: int, role: str):
    site = _administered_site(request, site_id)
    user = _member(site, user_id)
    services.editor_remove(user=user, site=site, role=Role(role), actor=request.user)
    messages.success(request, _("Role removed."))
    return redirect("editorial_board", site_id=site.pk)


@require_POST
def member_unlock(request, site_id: int, user_id: int):
    site = _administered_site(request, site_id)
    user = _member(site, user_id)
    axes_reset(username=user.get_username())
    audit.account_event_log(
        user=user, action=audit.UNLOCKED, request=request, actor=request.user
    )
    messages.success(request, _("Login unlocked."))
    return redirect("editorial_board", site_id=site.pk)


def audit_log(request, site_id: int):
    """What happened in this commune: its pages, its settings, its people."""
    site = _administered_site(request, site_id)
    home = site.root_page
    page_entries = PageLogEntry.objects.filter(
        Q(page__path__startswith=home.path) | Q(page_id=home.pk)
    ).select_related("user")[:AUDIT_LOG_LIMIT]
    User = get_user_model()
    member_ids = [str(pk) for pk in selectors.board_member_ids(site)]
    settings_filters = Q()
    board_settings = EditorialBoard.objects.get(site=site)
    for model in services.site_settings_models():
        content_type = ContentType.objects.get_for_model(model)
        ids = [
            str(pk)
            for pk in model.objects.filter(site=site).values_list("pk", flat=True)
        ]
        settings_filters |= Q(content_type=content_type, object_id__in=ids)
    model_entries = ModelLogEntry.objects.filter(
        Q(
            content_type=ContentType.objects.get_for_model(User),
            object_id__in=member_ids,
        )
        | settings_filters
    ).select_related("user")[:AUDIT_LOG_LIMIT]
    entries = sorted(
        [*page_entries, *model_entries], key=lambda entry: entry.timestamp, reverse=True
    )[:AUDIT_LOG_LIMIT]
    rows = [
        {
            "timestamp": entry.timestamp,
            "user": entry.user,
            "action": log_registry.get_action_label(entry.action),
            "object": entry.label,
            "address": (entry.data or {}).get("address", ""),
        }
        for entry in entries
    ]
    return TemplateResponse(
        request,
        "editorial/audit_log.html",
        {
            "site": site,
            "commune": services.commune_name(site),
            "rows": rows,
            "board": board_settings,
        },
    )


MANUAL_LABELS = {
    "huong-dan-su-dung": gettext_lazy("User manual"),
    "huong-dan-quan-tri": gettext_lazy("Administrator manual"),
}


def _manual(name: str) -> manuals.Manual:
    if name not in manuals.MANUALS:
        raise Http404
    try:
        return manuals.read_manual(name)
    except manuals.ManualError as exc:
        raise Http404(str(exc)) from exc


def manual(request, name: str):
    """A manual inside the admin, in the Help menu."""
    document = _manual(name)
    # The admin's header shows the title: the body starts after it.
    body = manuals.with_image_urls(
        document.body.split("</h1>", 1)[-1],
        lambda image: reverse("editorial_manual_image", args=[image]),
    )
    return TemplateResponse(
        request,
        "editorial/manual.html",
        {
            "manual": document,
            "body": mark_safe(body),  # noqa: S308 (our own Markdown, in the repository)
            "toc": mark_safe(document.toc),  # noqa: S308
            "others": [
                (other, MANUAL_LABELS[other])
                for other in manuals.MANUALS
                if other != name
            ],
        },
    )


def manual_print(request, name: str):
    """The printable manual: one HTML page, screenshots inside."""
    return HttpResponse(manuals.standalone_html(_manual(name)))


def manual_image(request, image: str):
    path = manuals.DEFAULT_SOURCE / "img" / image
    if not manuals.IMAGE_NAME.fullmatch(image) or not path.is_file():
        raise Http404
    return FileResponse(path.open("rb"), content_type="image/png")


ADMIN_PREFIXES = ("/admin/", "/django-admin/")


def _admin_error(request, status: int, heading, message):
    base = (
        "wagtailadmin/base.html"
        if request.user.is_authenticated
        else "wagtailadmin/admin_base.html"
    )
    return TemplateResponse(
        request,
        "editorial/admin_error.html",
        {"base_template": base, "heading": heading, "message": message},
        status=status,
    )


def permission_denied(request, exception=None):
    """403 in Vietnamese: inside the admin's frame on admin addresses."""
    if request.path.startswith(ADMIN_PREFIXES):
        return _admin_error(
            request,
            403,
            _("You cannot open this page"),
            _(
                "Your account does not have the right to see or change this. If "
                "you need it for your work, ask your commune's administrator."
            ),
        )
    return portal_views.permission_denied(request, exception)


def page_not_found(request, exception=None):
    """404: inside the admin's frame on admin addresses, the commune's page else."""
    if request.path.startswith(ADMIN_PREFIXES):
        return _admin_error(
            request,
            404,
            _("Page not found"),
            _(
                "The address you followed does not exist in the administration, "
                "or what it showed has been removed."
            ),
        )
    return portal_views.page_not_found(request, exception)
