"""Every commune at once, for the province operator and `congxa commune list`.

A fixed number of queries whatever the number of communes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.auth import get_user_model
from django.db.models import Count, Max
from django.db.models.functions import Substr
from django.utils import timezone
from wagtail.models import Page, Site

from congxa.portal.communes import canonical_root_url
from congxa.portal.compliance import ComplianceState, compliance_overview
from congxa.portal.models import Commune


@dataclass
class CommuneRow:
    site: Site
    host: str
    name: str
    url: str
    kind: str
    enabled: bool
    pages: int = 0
    last_publish: datetime | None = None
    open_questions: int = 0
    overdue_questions: int = 0
    empty_sections: list[str] = field(default_factory=list)
    stale_sections: list[str] = field(default_factory=list)
    editors: int = 0
    editors_without_2fa: int = 0
    locked_accounts: int = 0
    # From the last `congxa check-links` (None: never checked).
    flagged_links: int | None = None
    flagged_domains: list[str] = field(default_factory=list)
    links_checked_at: datetime | None = None

    @property
    def state(self) -> str:
        return "hoạt động" if self.enabled else "tạm ngừng"

    @property
    def compliance(self) -> str:
        if not self.empty_sections and not self.stale_sections:
            return "đủ"
        parts = []
        if self.empty_sections:
            parts.append(f"{len(self.empty_sections)} mục trống")
        if self.stale_sections:
            parts.append(f"{len(self.stale_sections)} mục cũ")
        return ", ".join(parts)

    @property
    def problems(self) -> int:
        return (
            len(self.empty_sections)
            + len(self.stale_sections)
            + self.overdue_questions
            + self.editors_without_2fa
            + (self.flagged_links or 0)
        )


def _page_stats(sites: list[Site]) -> dict[int, dict]:
    roots = {site.root_page.path: site.pk for site in sites}
    result: dict[int, dict] = {}
    for depth in {site.root_page.depth for site in sites}:
        length = depth * Page.steplen
        prefixes = [path for path in roots if len(path) == length]
        rows = (
            Page.objects.annotate(root_path=Substr("path", 1, length))
            .filter(root_path__in=prefixes)
            .values("root_path")
            .annotate(count=Count("pk"), newest=Max("last_published_at"))
            .order_by()
        )
        for row in rows:
            result[roots[row["root_path"]]] = row
    return result


def _question_stats(sites: list[Site]) -> tuple[dict[int, int], dict[int, int]]:
    from congxa.engagement.enums import QuestionKind
    from congxa.engagement.models import EngagementSettings, Question
    from congxa.engagement.selectors import OPEN_STATES, subtract_working_days

    site_ids = [site.pk for site in sites]
    due = dict(
        EngagementSettings.objects.filter(site_id__in=site_ids).values_list(
            "site_id", "answer_due_working_days"
        )
    )
    default_due = EngagementSettings._meta.get_field(
        "answer_due_working_days"
    ).get_default()
    today = timezone.localdate()
    opened: dict[int, int] = {}
    overdue: dict[int, int] = {}
    cutoffs: dict[int, datetime] = {}
    for site_id, created_at in (
        Question.objects.filter(site_id__in=site_ids, state__in=OPEN_STATES)
        .exclude(kind=QuestionKind.DRAFT_COMMENT)
        .values_list("site_id", "created_at")
    ):
        opened[site_id] = opened.get(site_id, 0) + 1
        if site_id not in cutoffs:
            day = subtract_working_days(today, due.get(site_id, default_due))
            cutoffs[site_id] = timezone.make_aware(
                datetime.combine(day, datetime.min.time())
            )
        if created_at < cutoffs[site_id]:
            overdue[site_id] = overdue.get(site_id, 0) + 1
    return opened, overdue


def _editor_stats(sites: list[Site]) -> tuple[dict, dict, dict]:
    from axes.models import AccessAttempt
    from django.conf import settings
    from django_otp.plugins.otp_totp.models import TOTPDevice

    User = get_user_model()
    members: dict[int, set[int]] = {}
    for site_id, user_id in User.objects.filter(
        groups__board_role__board__site__in=sites, is_active=True
    ).values_list("groups__board_role__board__site_id", "pk"):
        members.setdefault(site_id, set()).add(user_id)
    all_ids = set().union(*members.values()) if members else set()
    with_2fa = set(
        TOTPDevice.objects.filter(user_id__in=all_ids, confirmed=True).values_list(
            "user_id", flat=True
        )
    )
    usernames = dict(
        User.objects.filter(pk__in=all_ids).values_list("pk", User.USERNAME_FIELD)
    )
    limit = getattr(settings, "AXES_FAILURE_LIMIT", 5)
    locked_names = set(
        AccessAttempt.objects.filter(
            username__in=list(usernames.values()), failures_since_start__gte=limit
        ).values_list("username", flat=True)
    )
    editors = {site_id: len(ids) for site_id, ids in members.items()}
    without = {site_id: len(ids - with_2fa) for site_id, ids in members.items()}
    locked = {
        site_id: sum(1 for pk in ids if usernames.get(pk) in locked_names)
        for site_id, ids in members.items()
    }
    return editors, without, locked


def _link_stats(sites: list[Site]) -> dict[int, object]:
    """The stored link check of each commune (one query)."""
    from congxa.operations.models import LinkCheck

    return {check.site_id: check for check in LinkCheck.objects.filter(site__in=sites)}


def commune_rows(sites: list[Site] | None = None) -> list[CommuneRow]:
    """One row per commune, ordered by name."""
    if sites is None:
        sites = list(
            Site.objects.select_related("root_page").order_by("site_name", "hostname")
        )
    if not sites:
        return []
    records = {c.site_id: c for c in Commune.objects.filter(site__in=sites)}
    pages = _page_stats(sites)
    opened, overdue = _question_stats(sites)
    editors, without_2fa, locked = _editor_stats(sites)
    compliance = dict(compliance_overview(sites))
    links = _link_stats(sites)
    rows = []
    for site in sites:
        commune = records.get(site.pk)
        site._congxa_commune = commune or False
        statuses = compliance.get(site, [])
        stats = pages.get(site.pk, {})
        link_check = links.get(site.pk)
        rows.append(
            CommuneRow(
                site=site,
                host=site.hostname,
                name=site.site_name or site.hostname,
                url=canonical_root_url(site),
                kind=commune.kind if commune else "",
                enabled=commune.enabled if commune else True,
                pages=stats.get("count", 0),
                last_publish=stats.get("newest"),
                open_questions=opened.get(site.pk, 0),
                overdue_questions=overdue.get(site.pk, 0),
                empty_sections=[
                    str(s.label) for s in statuses if s.state == ComplianceState.EMPTY
                ],
                stale_sections=[
                    str(s.label) for s in statuses if s.state == ComplianceState.STALE
                ],
                editors=editors.get(site.pk, 0),
                editors_without_2fa=without_2fa.get(site.pk, 0),
                locked_accounts=locked.get(site.pk, 0),
                flagged_links=link_check.flagged_links if link_check else None,
                flagged_domains=link_check.flagged_domains if link_check else [],
                links_checked_at=link_check.checked_at if link_check else None,
            )
        )
    return rows
