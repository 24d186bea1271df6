"""The officials' views in the Wagtail admin: handling, dashboard, data requests."""

from __future__ import annotations

import json

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.admin import messages
from wagtail.log_actions import log
from wagtail.models import GroupPagePermission, Site

from . import exports, services
from .admin_forms import (
    AnswerForm,
    AssignForm,
    DataRequestForm,
    EditTextForm,
    RejectForm,
)
from .models import Question
from .selectors import (
    dashboard,
    drafts_with_comments,
    question_lookup,
    questions_for_user,
    sites_for_user,
)


def _require(request, perm: str = "engagement.change_question") -> None:
    if not request.user.has_perm(perm):
        raise PermissionDenied


def officials_of(site):
    """Users who can handle this commune's questions (for assignment)."""
    User = get_user_model()
    root = site.root_page
    group_ids = GroupPagePermission.objects.filter(
        Q(page__path__startswith=root.path)
        | Q(page__depth__lt=root.depth, page__pk__in=root.get_ancestors())
    ).values("group_id")
    return (
        User.objects.filter(is_active=True)
        .filter(Q(is_superuser=True) | Q(groups__in=group_ids))
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def scoped_question(request, pk: int) -> Question:
    """A question of one of the user's communes, or 404 (no hint it exists)."""
    return get_object_or_404(
        questions_for_user(request.user).select_related(
            "site", "topic", "assigned_to", "answered_by", "approved_by"
        ),
        pk=pk,
    )


ACTIONS = {
    "assign",
    "answer",
    "approve",
    "publish",
    "unpublish",
    "reject",
    "spam",
    "edit",
    "erase",
}


@require_http_methods(["GET", "POST"])
def question_process(request, pk: int):
    _require(request)
    question = scoped_question(request, pk)
    users = officials_of(question.site)
    forms = {
        "assign": AssignForm(
            users=users, initial={"assignee": question.assigned_to_id}
        ),
        "answer": AnswerForm(
            initial={
                "answer_text": question.answer_text,
                "public_name_mode": question.public_name_mode,
            }
        ),
        "edit": EditTextForm(
            site=question.site,
            initial={
                "title": question.title,
                "text": question.text,
                "topic": question.topic_id,
            },
        ),
        "reject": RejectForm(initial={"reason": question.rejection_reason}),
    }
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action not in ACTIONS:
            messages.error(request, _("Unknown action."))
            return redirect(request.path)
        result = _apply(request, question, action, users)
        if result is None:
            return redirect(request.path)
        forms[action] = result
    can_approve = request.user.has_perm("engagement.approve_answer")
    return render(
        request,
        "engagement/admin/question_process.html",
        {
            "question": question,
            "forms": forms,
            "can_approve": can_approve,
            "page_title": question.title,
            "header_icon": "help",
            "index_url": reverse("engagement_question:index"),
            "history_url": reverse("engagement_question:history", args=[question.pk]),
        },
    )


def _apply(request, question, action, users):
    """Run one action; the bound form on invalid input, None once done."""
    user = request.user
    try:
        if action == "assign":
            form = AssignForm(request.POST, users=users)
            if not form.is_valid():
                return form
            services.question_assign(
                question=question, assignee=form.cleaned_data["assignee"], user=user
            )
            messages.success(request, _("Assigned."))
        elif action == "answer":
            form = AnswerForm(request.POST)
            if not form.is_valid():
                return form
            services.question_answer(
                question=question,
                text=form.cleaned_data["answer_text"],
                public_name_mode=form.cleaned_data["public_name_mode"],
                user=user,
            )
            messages.success(request, _("Answer saved; it now awaits approval."))
        elif action == "edit":
            form = EditTextForm(request.POST, site=question.site)
            if not form.is_valid():
                return form
            services.question_update_text(
                question=question,
                title=form.cleaned_data["title"],
                text=form.cleaned_data["text"],
                topic=form.cleaned_data["topic"],
                user=user,
            )
            messages.success(request, _("Question updated."))
        elif action == "approve":
            services.question_approve_answer(question=question, user=user)
            messages.success(request, _("Answer approved."))
        elif action == "publish":
            services.question_publish(question=question, user=user)
            messages.success(request, _("Published on the portal."))
        elif action == "unpublish":
            services.question_unpublish(question=question, user=user)
            messages.success(request, _("Removed from the portal."))
        elif action == "reject":
            form = RejectForm(request.POST)
            if not form.is_valid():
                return form
            services.question_reject(
                question=question, reason=form.cleaned_data["reason"], user=user
            )
            messages.success(request, _("Rejected."))
        elif action == "spam":
            services.question_mark_spam(question=question, user=user)
            messages.success(request, _("Marked as spam."))
        elif action == "erase":
            services.contact_erase(question=question, user=user)
            messages.success(request, _("Contact details erased."))
    except services.TransitionError as exc:
        messages.error(request, str(exc))
    return None


def _user_sites(request) -> list[Site]:
    sites = sites_for_user(request.user)
    if sites is None:
        sites = list(Site.objects.order_by("hostname", "port"))
    return sites


def _chosen_site(request) -> tuple[Site | None, list[Site]]:
    sites = _user_sites(request)
    chosen = None
    raw = request.GET.get("site", "")
    if raw.isdigit():
        chosen = next((site for site in sites if site.pk == int(raw)), None)
    if chosen is None and sites:
        chosen = sites[0]
    return chosen, sites


def dashboard_view(request):
    _require(request)
    site, sites = _chosen_site(request)
    if site is None:
        raise PermissionDenied
    stats = dashboard(site)
    return render(
        request,
        "engagement/admin/dashboard.html",
        {
            "site": site,
            "sites": sites,
            "stats": stats,
            "drafts": drafts_with_comments([site]),
            "page_title": _("Questions dashboard"),
            "header_icon": "doc-full",
        },
    )


def dashboard_export(request):
    _require(request)
    site, _sites = _chosen_site(request)
    if site is None:
        raise PermissionDenied
    return exports.xlsx_response(
        exports.dashboard_workbook(site, dashboard(site)),
        f"hoi-dap-{timezone.localdate().isoformat()}.xlsx",
    )


def draft_comments_export(request, page_id: int):
    _require(request)
    site, _sites = _chosen_site(request)
    if site is None:
        raise PermissionDenied
    workbook = exports.draft_comments_workbook(site, page_id)
    if workbook is None:
        raise Http404
    return exports.xlsx_response(workbook, f"gop-y-du-thao-{page_id}.xlsx")


def _personal_data(question: Question) -> dict:
    return {
        "ma_tra_cuu": question.display_code,
        "loai": question.get_kind_display(),
        "trang_thai": question.get_state_display(),
        "ho_ten": question.name,
        "dien_thoai": question.phone,
        "email": question.email,
        "dia_chi": question.address,
        "tieu_de": question.title,
        "noi_dung": question.text,
        "linh_vuc": question.topic.name if question.topic else "",
        "dong_y_luc": question.consent_at.isoformat() if question.consent_at else "",
        "gui_luc": question.created_at.isoformat(),
        "tra_loi": question.answer_text if question.answer_status == "approved" else "",
        "da_xoa_lien_he_luc": question.erased_at.isoformat()
        if question.erased_at
        else "",
    }


@require_http_methods(["GET", "POST"])
def data_request(request):
    """See, export or erase one citizen's data: tracking code plus contact, logged."""
    _require(request)
    form = DataRequestForm(request.POST or None)
    question = None
    not_found = False
    if request.method == "POST" and form.is_valid():
        for site in _user_sites(request):
            question = question_lookup(
                site,
                code=form.cleaned_data["code"],
                contact=form.cleaned_data["contact"],
            )
            if question is not None:
                break
        if question is None:
            not_found = True
        else:
            step = request.POST.get("step", "view")
            if step == "export":
                log(question, "engagement.data_export", user=request.user)
                response = HttpResponse(
                    json.dumps(_personal_data(question), ensure_ascii=False, indent=2),
                    content_type="application/json; charset=utf-8",
                )
                response["Content-Disposition"] = (
                    f'attachment; filename="du-lieu-{question.tracking_code}.json"'
                )
                return response
            if step == "erase":
                services.contact_erase(question=question, user=request.user)
                messages.success(
                    request,
                    _("The citizen's contact details have been erased and logged."),
                )
                return redirect(reverse("engagement_data_request"))
            log(question, "engagement.data_access", user=request.user)
    return render(
        request,
        "engagement/admin/data_request.html",
        {
            "form": form,
            "question": question,
            "data": _personal_data(question) if question else None,
            "not_found": not_found,
            "page_title": _("Personal-data requests"),
            "header_icon": "user",
        },
    )
