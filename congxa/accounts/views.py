"""The two-factor set-up and check pages and the locked logins, in the admin."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from . import lockout, services
from .forms import TokenForm


def _next_url(request) -> str:
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return "wagtailadmin_home"


@never_cache
@sensitive_post_parameters("token")
def two_factor_setup(request):
    if services.has_two_factor(request.user):
        if request.user.is_verified():
            messages.info(request, _("Two-step verification is already on."))
            return redirect("wagtailadmin_home")
        return redirect("accounts_two_factor_verify")
    device = services.pending_device(request.user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = services.two_factor_confirm(
            request=request, device=device, token=form.cleaned_data["token"]
        )
        if codes is not None:
            return TemplateResponse(
                request,
                "accounts/recovery_codes.html",
                {"codes": codes, "next": _next_url(request)},
            )
        form.add_error("token", _("This code is not right. Try the current one."))
    return TemplateResponse(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "qr_svg": services.device_qr_svg(device),
            "secret": services.device_secret(device),
            "next": request.GET.get("next", ""),
        },
    )


@never_cache
@sensitive_post_parameters("token")
def two_factor_verify(request):
    if not services.has_two_factor(request.user):
        return redirect("accounts_two_factor_setup")
    if request.user.is_verified():
        return redirect(_next_url(request))
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if services.two_factor_verify(
            request=request, token=form.cleaned_data["token"]
        ):
            return redirect(_next_url(request))
        form.add_error(
            "token", _("This code is not right, or it has been used already.")
        )
    return TemplateResponse(
        request,
        "accounts/two_factor_verify.html",
        {"form": form, "next": request.GET.get("next", "")},
    )


@never_cache
def locked_logins(request):
    """The logins locked now, for whoever may unlock them, with an unlock button."""
    if not lockout.may_unlock(request.user):
        raise PermissionDenied
    rows = lockout.locked_logins(request.user)
    if request.method == "POST":
        username = request.POST.get("username", "")
        address = request.POST.get("address", "")
        allowed = {(row.username, row.address) for row in rows}
        if (username, address) not in allowed:
            raise PermissionDenied
        lockout.lockout_release(
            username=username, address=address, actor=request.user, request=request
        )
        messages.success(
            request,
            _("Login of “%(username)s” from %(address)s unlocked.")
            % {"username": username, "address": address},
        )
        return redirect("accounts_locked_logins")
    return TemplateResponse(request, "accounts/locked_logins.html", {"rows": rows})
