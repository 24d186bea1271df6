"""Reads of the engagement app. Every selector takes the commune's site."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import Count, Q
from django.utils import timezone
from wagtail.models import Site

from .enums import QuestionKind, QuestionState
from .models import EngagementSettings, Question, Topic
from .tracking import normalize_tracking_code

OPEN_STATES = (QuestionState.NEW, QuestionState.IN_PROGRESS)


def published_questions(site, *, topic: Topic | None = None):
    questions = (
        Question.objects.for_site(site)
        .published()
        .select_related("topic")
        .order_by("-answered_at", "-pk")
    )
    if topic is not None:
        questions = questions.filter(topic=topic)
    return questions


def topics_with_published(site) -> list[Topic]:
    """The fields that have at least one published question, for the filter."""
    return list(
        Topic.objects.for_site(site)
        .filter(
            questions__in=Question.objects.for_site(site).published(),
        )
        .distinct()
        .order_by("sort_order", "name")
    )


def question_lookup(site, *, code: str, contact: str) -> Question | None:
    """The submission a citizen may see: right code and right contact, this site."""
    code = normalize_tracking_code(code) or ""
    contact = (contact or "").strip()
    if not code or not contact:
        return None
    question = (
        Question.objects.for_site(site)
        .filter(tracking_code=code, erased_at__isnull=True)
        .select_related("topic")
        .first()
    )
    if question is None:
        return None
    if contact.lower() == (question.email or "").lower() and question.email:
        return question
    if question.phone and contact == question.phone:
        return question
    return None


def sites_for_user(user) -> list[Site] | None:
    """Sites whose questions a user handles; None means all (superusers).
    Answered by the portal's site access, like every admin scope question."""
    from congxa.portal.site_access import site_access

    access = site_access(user)
    if access.all_sites:
        return None
    return list(access.sites)


def questions_for_user(user):
    sites = sites_for_user(user)
    questions = Question.objects.all()
    if sites is None:
        return questions
    return questions.filter(site__in=sites)


def subtract_working_days(day: date, count: int) -> date:
    """The date `count` working days (Monday to Friday) before `day`."""
    while count > 0:
        day -= timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def overdue_questions(site, *, now: datetime | None = None):
    """Open questions received more than the allowed working days ago."""
    now = now or timezone.now()
    days = EngagementSettings.for_site(site).answer_due_working_days
    cutoff_day = subtract_working_days(timezone.localdate(now), days)
    cutoff = timezone.make_aware(datetime.combine(cutoff_day, datetime.min.time()))
    return (
        Question.objects.for_site(site)
        .filter(state__in=OPEN_STATES, created_at__lt=cutoff)
        .exclude(kind=QuestionKind.DRAFT_COMMENT)
        .select_related("topic", "assigned_to")
        .order_by("created_at")
    )


@dataclass
class Dashboard:
    total: int = 0
    by_state: list[tuple[str, int]] = field(default_factory=list)
    by_topic: list[tuple[str, int]] = field(default_factory=list)
    by_kind: list[tuple[str, int]] = field(default_factory=list)
    overdue: list[Question] = field(default_factory=list)
    answered: int = 0
    average_days: float | None = None
    due_days: int = 0


def dashboard(site, *, now: datetime | None = None) -> Dashboard:
    from django.utils.translation import gettext as _

    questions = Question.objects.for_site(site)
    state_counts = dict(
        questions.values_list("state").annotate(n=Count("pk")).order_by()
    )
    kind_counts = dict(questions.values_list("kind").annotate(n=Count("pk")).order_by())
    topic_counts = (
        questions.exclude(state=QuestionState.SPAM)
        .values_list("topic__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "topic__name")
    )
    durations = [
        (answered - created).total_seconds()
        for created, answered in questions.filter(
            answered_at__isnull=False
        ).values_list("created_at", "answered_at")
    ]
    return Dashboard(
        total=sum(state_counts.values()),
        by_state=[
            (label, state_counts.get(value, 0))
            for value, label in QuestionState.choices
        ],
        by_kind=[
            (label, kind_counts.get(value, 0)) for value, label in QuestionKind.choices
        ],
        by_topic=[(name or _("No field"), n) for name, n in topic_counts],
        overdue=list(overdue_questions(site, now=now)),
        answered=len(durations),
        average_days=(
            round(sum(durations) / len(durations) / 86400, 1) if durations else None
        ),
        due_days=EngagementSettings.for_site(site).answer_due_working_days,
    )


def draft_comments(site, document_page_id: int):
    return (
        Question.objects.for_site(site)
        .filter(kind=QuestionKind.DRAFT_COMMENT, document_page_id=document_page_id)
        .exclude(state=QuestionState.SPAM)
        .order_by("created_at", "pk")
    )


def drafts_with_comments(sites):
    """Draft documents that received comments, with counts, for the export list."""
    questions = Question.objects.filter(
        kind=QuestionKind.DRAFT_COMMENT, document_page__isnull=False
    )
    if sites is not None:
        questions = questions.filter(site__in=sites)
    return (
        questions.values("site_id", "document_page_id", "document_page__title")
        .annotate(n=Count("pk", filter=~Q(state=QuestionState.SPAM)))
        .order_by("document_page__title")
    )
