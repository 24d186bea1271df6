"""Writes of the engagement app: submissions, their handling and personal data."""

from __future__ import annotations

import logging
from datetime import timedelta

from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from . import abuse
from .enums import AnswerStatus, PublicNameMode, QuestionKind, QuestionState
from .models import EngagementSettings, Question
from .tracking import new_tracking_code

logger = logging.getLogger(__name__)


class TransitionError(Exception):
    """The action does not apply to the question in its current state."""


def initials(name: str) -> str:
    """`Nguyễn Văn An` -> `N.V.A.`"""
    letters = [part[0].upper() for part in name.split() if part and part[0].isalpha()]
    return "".join(f"{letter}." for letter in letters)[:20]


def _unique_tracking_code() -> str:
    while True:
        code = new_tracking_code()
        if not Question.objects.filter(tracking_code=code).exists():
            return code


@transaction.atomic
def question_submit(
    *,
    site,
    kind: str,
    name: str,
    phone: str,
    email: str,
    address: str,
    title: str,
    text: str,
    topic=None,
    document_page=None,
    ip: str = "",
) -> Question:
    """Store a citizen's submission; spam-looking text goes straight to spam."""
    now = timezone.now()
    state = (
        QuestionState.SPAM
        if abuse.looks_like_spam(title, text, name, address)
        else QuestionState.NEW
    )
    return Question.objects.create(
        site=site,
        kind=kind,
        state=state,
        topic=topic,
        document_page=document_page,
        title=title,
        text=text,
        name=name,
        phone=phone,
        email=email,
        address=address,
        public_initials=initials(name),
        consent_given=True,
        consent_at=now,
        tracking_code=_unique_tracking_code(),
        ip_hash=abuse.hash_value("ip", ip) if ip else "",
        created_at=now,
    )


def _notify(question: Question, subject: str, body: str) -> None:
    if not question.email:
        return
    try:
        send_mail(subject, body, None, [question.email], fail_silently=False)
    except OSError:
        # A mail server that is down must not undo the official's work.
        logger.exception("Could not notify about question %s", question.pk)


def question_assign(*, question: Question, assignee, user) -> Question:
    if question.state in (QuestionState.SPAM, QuestionState.REJECTED):
        raise TransitionError(_("A rejected or spam question cannot be assigned."))
    question.assigned_to = assignee
    if question.state == QuestionState.NEW:
        question.state = QuestionState.IN_PROGRESS
    question.save()
    log(question, "engagement.assign", user=user)
    return question


@transaction.atomic
def question_answer(
    *, question: Question, text: str, user, public_name_mode: str | None = None
) -> Question:
    """Save the answer as a draft; it waits for approval before anything else."""
    if question.state in (QuestionState.SPAM, QuestionState.REJECTED):
        raise TransitionError(_("A rejected or spam question cannot be answered."))
    if not text.strip():
        raise TransitionError(_("Write the answer first."))
    question.answer_text = text.strip()
    question.answer_status = AnswerStatus.DRAFT
    question.answered_by = user
    question.approved_by = None
    question.approved_at = None
    if public_name_mode in PublicNameMode.values:
        question.public_name_mode = public_name_mode
    if question.state == QuestionState.NEW:
        question.state = QuestionState.IN_PROGRESS
    question.save()
    log(question, "engagement.answer", user=user)
    return question


@transaction.atomic
def question_approve_answer(*, question: Question, user) -> Question:
    """Approve the draft answer: the question is answered and the citizen told."""
    if not user.has_perm("engagement.approve_answer"):
        raise TransitionError(_("You do not have permission to approve answers."))
    if question.answer_status != AnswerStatus.DRAFT or not question.answer_text:
        raise TransitionError(_("There is no draft answer to approve."))
    now = timezone.now()
    question.answer_status = AnswerStatus.APPROVED
    question.approved_by = user
    question.approved_at = now
    question.answered_at = question.answered_at or now
    question.state = QuestionState.ANSWERED
    question.save()
    log(question, "engagement.approve", user=user)
    transaction.on_commit(
        lambda: _notify(
            question,
            _("Your question %(code)s has been answered")
            % {"code": question.display_code},
            _(
                "Hello,\n\nThe commune has answered your submission “%(title)s”.\n\n"
                "%(answer)s\n\nYou can also read it with your tracking code "
                "%(code)s on the portal."
            )
            % {
                "title": question.title,
                "answer": question.answer_text,
                "code": question.display_code,
            },
        )
    )
    return question


@transaction.atomic
def question_publish(
    *, question: Question, user, public_name_mode: str | None = None
) -> Question:
    if not user.has_perm("engagement.approve_answer"):
        raise TransitionError(_("You do not have permission to publish."))
    if question.kind == QuestionKind.DRAFT_COMMENT:
        raise TransitionError(_("Comments on drafts are not published."))
    if question.answer_status != AnswerStatus.APPROVED:
        raise TransitionError(
            _("Only a question with an approved answer can be published.")
        )
    if public_name_mode in PublicNameMode.values:
        question.public_name_mode = public_name_mode
    question.is_published = True
    question.published_at = question.published_at or timezone.now()
    question.save()
    log(question, "engagement.publish", user=user)
    return question


@transaction.atomic
def question_unpublish(*, question: Question, user) -> Question:
    question.is_published = False
    question.save()
    log(question, "engagement.unpublish", user=user)
    return question


@transaction.atomic
def question_reject(*, question: Question, reason: str, user) -> Question:
    reason = reason.strip()
    if not reason:
        raise TransitionError(_("Give the reason for the rejection."))
    question.state = QuestionState.REJECTED
    question.rejection_reason = reason
    question.is_published = False
    question.save()
    log(question, "engagement.reject", user=user)
    transaction.on_commit(
        lambda: _notify(
            question,
            _("Your submission %(code)s was not accepted")
            % {"code": question.display_code},
            _("Hello,\n\nThe commune could not accept “%(title)s”.\nReason: %(reason)s")
            % {"title": question.title, "reason": reason},
        )
    )
    return question


@transaction.atomic
def question_mark_spam(*, question: Question, user) -> Question:
    question.state = QuestionState.SPAM
    question.is_published = False
    question.save()
    log(question, "engagement.spam", user=user)
    return question


@transaction.atomic
def question_update_text(*, question: Question, title: str, text: str, topic, user):
    """An official tidies the wording (removing personal details, say)."""
    question.title = title
    question.text = text
    question.topic = topic
    question.save()
    log(question, "wagtail.edit", user=user)
    return question


def contact_erase(*, question: Question, user=None, action="engagement.erase") -> None:
    """Erase the personal data of one submission; the anonymised text stays."""
    question.name = ""
    question.phone = ""
    question.email = ""
    question.address = ""
    question.ip_hash = ""
    question.erased_at = timezone.now()
    question.save()
    log(question, action, user=user)


def retention_cutoff(now, months: int):
    """Contact details of submissions answered (or received) before this go."""
    return now - timedelta(days=round(months * 30.44))


def expired_contacts(now=None):
    """Submissions whose contact details are past their commune's retention period."""
    now = now or timezone.now()
    months_by_site = dict(
        EngagementSettings.objects.values_list("site_id", "retention_months")
    )
    default_months = EngagementSettings._meta.get_field("retention_months").default
    pending = Question.objects.filter(erased_at__isnull=True).annotate(
        retention_start=Coalesce("answered_at", "created_at")
    )
    site_ids = set(pending.values_list("site_id", flat=True).distinct())
    condition = Q(pk__in=[])
    for site_id in site_ids:
        months = months_by_site.get(site_id, default_months)
        condition |= Q(
            site_id=site_id, retention_start__lte=retention_cutoff(now, months)
        )
    return pending.filter(condition).order_by("pk")


def erase_expired_contacts(*, dry_run: bool = False, now=None) -> int:
    expired = list(expired_contacts(now).values_list("pk", flat=True))
    if dry_run:
        return len(expired)
    for pk in expired:
        with transaction.atomic():
            question = Question.objects.select_for_update().get(pk=pk)
            contact_erase(question=question, action="engagement.retention_erase")
    return len(expired)
