"""The province operator's admin: every commune in one table, and what only the
province does (add a commune, put its first administrator in place, unlock an
account, reset two-step login). Content stays with each commune's board."""

from __future__ import annotations

from axes.utils import reset as axes_reset
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST
from wagtail.log_actions import log
from wagtail.models import Site

from congxa.accounts import audit
from congxa.accounts.services import two_factor_reset
from congxa.editorial.enums import Role
from congxa.editorial.services import account_create, editor_add
from congxa.portal.communes import (
    CommuneSpec,
    CommuneSpecError,
    SpecError,
    commune_create,
    host_owner,
)
from congxa.portal.site_access import is_province_operator
from congxa.vi.text import fold

from .forms import CommuneAddForm, FirstAdministratorForm
from .selectors import commune_rows

COMMUNE_CREATED = "congxa.commune_created"
SORTS = {
    "name": lambda row: fold(row.name),
    "last_publish": lambda row: (
        row.last_publish
        or timezone.make_aware(timezone.datetime.min.replace(year=1900))
    ),
    "overdue": lambda row: row.overdue_questions,
    "problems": lambda row: row.problems,
    "without_2fa": lambda row: row.editors_without_2fa,
    # Never checked sorts below none flagged.
    "flagged_links": lambda row: -1 if row.flagged_links is None else row.flagged_links,
}
HOST_TAKEN = _lazy("The host name “%(host)s” is already used by %(commune)s.")
FILTERS = (
    "all",
    "problems",
    "empty",
    "overdue",
    "flagged_links",
    "without_2fa",
    "disabled",
)


def _operator(request):
    if not is_province_operator(request.user):
        raise PermissionDenied


def _rows(request):
    rows = commune_rows()
    query = fold(request.GET.get("q", "")).strip()
    if query:
        rows = [r for r in rows if query in fold(r.name) or query in r.host]
    state = request.GET.get("loc", "all")
    predicates = {
        "problems": lambda r: r.problems > 0,
        "empty": lambda r: bool(r.empty_sections),
        "overdue": lambda r: r.overdue_questions > 0,
        "flagged_links": lambda r: bool(r.flagged_links),
        "without_2fa": lambda r: r.editors_without_2fa > 0,
        "disabled": lambda r: not r.enabled,
    }
    if state in predicates:
        rows = [r for r in rows if predicates[state](r)]
    sort = request.GET.get("sap-xep", "name")
    key = SORTS.get(sort.lstrip("-"), SORTS["name"])
    rows.sort(key=key, reverse=sort.startswith("-"))
    return rows, {"q": request.GET.get("q", ""), "loc": state, "sort": sort}


def overview(request):
    _operator(request)
    rows, state = _rows(request)
    if request.GET.get("xuat") == "xlsx":
        from .exports import overview_workbook, xlsx_response

        return xlsx_response(overview_workbook(rows), "cac-xa.xlsx")
    return TemplateResponse(
        request,
        "province/overview.html",
        {"rows": rows, "state": state, "filters": FILTERS, "total": len(rows)},
    )


def commune_add(request):
    _operator(request)
    form = CommuneAddForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        spec = CommuneSpec(
            host=data["host"],
            name=data["name"],
            kind=data["kind"],
            province=data["province"],
            aliases=tuple(data["aliases"].replace(",", " ").split()),
            agency=data["agency"],
            email=data["email"],
        )
        owner = host_owner(spec.host)
        try:
            if owner is not None:
                # The command updates an existing commune; the form only adds.
                raise CommuneSpecError(
                    [
                        SpecError(
                            "host",
                            HOST_TAKEN
                            % {"host": spec.host, "commune": owner.site_name},
                        )
                    ]
                )
            result = commune_create(spec)
        except CommuneSpecError as exc:
            for error in exc.errors:
                field = error.column if error.column in form.fields else None
                form.add_error(field, error.message)
        else:
            log(
                instance=result.site.commune,
                action=COMMUNE_CREATED,
                user=request.user,
                data={"host": spec.host},
            )
            messages.success(
                request,
                _("Commune %(name)s created on %(host)s.")
                % {"name": spec.name, "host": spec.host},
            )
            return redirect("province_administrator", site_id=result.site.pk)
    return TemplateResponse(request, "province/commune_add.html", {"form": form})


def first_administrator(request, site_id: int):
    _operator(request)
    site = get_object_or_404(Site, pk=site_id, editorial_board__isnull=False)
    form = FirstAdministratorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        User = get_user_model()
        data = form.cleaned_data
        user = User.objects.filter(username=data["username"]).first()
        password = None
        if user is None and not data["create"]:
            form.add_error(
                "username",
                _(
                    "There is no account “%(username)s”. Check the spelling, or "
                    "tick “Create a new account”."
                )
                % {"username": data["username"]},
            )
        elif user is not None and user.is_superuser:
            form.add_error("username", _("A superuser needs no commune role."))
        else:
            if user is None:
                user, password = account_create(
                    username=data["username"],
                    email=data["email"],
                    full_name=data["full_name"],
                )
            editor_add(user=user, site=site, role=Role.ADMIN, actor=request.user)
            if password:
                messages.warning(
                    request,
                    _(
                        "Account %(username)s created. Temporary password, shown "
                        "only once: %(password)s"
                    )
                    % {"username": user.username, "password": password},
                )
            messages.success(
                request,
                _("%(username)s now has the role %(role)s.")
                % {"username": user.username, "role": Role.ADMIN.label},
            )
            return redirect("province_overview")
    return TemplateResponse(
        request, "province/first_administrator.html", {"form": form, "site": site}
    )


def _board_member(site_id: int, user_id: int):
    User = get_user_model()
    user = User.objects.filter(
        pk=user_id, groups__board_role__board__site_id=site_id
    ).first()
    if user is None:
        raise Http404
    return user


@require_POST
def account_unlock(request, site_id: int, user_id: int):
    _operator(request)
    user = _board_member(site_id, user_id)
    axes_reset(username=user.get_username())
    audit.account_event_log(
        user=user, action=audit.UNLOCKED, request=request, actor=request.user
    )
    messages.success(request, _("Login unlocked."))
    return redirect("province_commune", site_id=site_id)


@require_POST
def account_two_factor_reset(request, site_id: int, user_id: int):
    _operator(request)
    user = _board_member(site_id, user_id)
    two_factor_reset(user=user, actor=request.user, request=request)
    messages.success(
        request,
        _("Two-step login of %(username)s reset: it is set up again at next login.")
        % {"username": user.username},
    )
    return redirect("province_commune", site_id=site_id)


def commune_detail(request, site_id: int):
    """One commune's people, for the province: roles, two-step login, locks."""
    _operator(request)
    site = get_object_or_404(Site, pk=site_id)
    from axes.models import AccessAttempt
    from django_otp.plugins.otp_totp.models import TOTPDevice

    User = get_user_model()
    members = list(
        User.objects.filter(groups__board_role__board__site=site)
        .distinct()
        .order_by("username")
    )
    with_2fa = set(
        TOTPDevice.objects.filter(user__in=members, confirmed=True).values_list(
            "user_id", flat=True
        )
    )
    from django.conf import settings

    locked = set(
        AccessAttempt.objects.filter(
            username__in=[m.username for m in members],
            failures_since_start__gte=getattr(settings, "AXES_FAILURE_LIMIT", 5),
        ).values_list("username", flat=True)
    )
    people = [
        {"user": m, "two_factor": m.pk in with_2fa, "locked": m.username in locked}
        for m in members
    ]
    row = next(iter(commune_rows([site])), None)
    return TemplateResponse(
        request,
        "province/commune_detail.html",
        {"site": site, "row": row, "people": people},
    )
