"""Reads for the public pages: each takes the site and costs a fixed few queries."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Prefetch
from wagtail.images import get_image_model

from congxa.vi.dates import long_date, weekday_name

from .enums import ScheduleKind

PHOTO_SPEC = "fill-240x300"
RECEPTION_UPCOMING_LIMIT = 30
RECEPTION_RECENT_LIMIT = 10
_WEEK_RE = re.compile(r"^\s*(\d{4})-?W(\d{1,2})\s*$", re.IGNORECASE)
# Weeks outside these years are certainly typing mistakes; they also keep date
# arithmetic away from year 1 and 9999.
MIN_YEAR, MAX_YEAR = 2000, 2100


def parse_iso_week(value: str | None) -> date | None:
    """The Monday of `2026-W48` (or `2026W48`), None when it is not a real week."""
    if not value:
        return None
    match = _WEEK_RE.match(value)
    if not match:
        return None
    year, week = int(match.group(1)), int(match.group(2))
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return date.fromisocalendar(year, week, 1)
    except ValueError:
        return None


def week_start(value: str | None, *, today: date) -> date:
    """The Monday of the requested week; the current week when the value is bad."""
    return parse_iso_week(value) or today - timedelta(days=today.weekday())


def iso_week(value: date) -> str:
    year, week, _ = value.isocalendar()
    return f"{year}-W{week:02d}"


@dataclass
class ScheduleDay:
    day: date
    is_today: bool
    entries: list = field(default_factory=list)

    @property
    def label(self) -> str:
        return long_date(self.day)

    @property
    def weekday(self) -> str:
        return weekday_name(self.day)


@dataclass
class ScheduleWeek:
    monday: date
    today: date
    days: list[ScheduleDay]

    @property
    def sunday(self) -> date:
        return self.monday + timedelta(days=6)

    @property
    def number(self) -> int:
        return self.monday.isocalendar()[1]

    @property
    def param(self) -> str:
        return iso_week(self.monday)

    @property
    def previous_param(self) -> str:
        return iso_week(self.monday - timedelta(days=7))

    @property
    def next_param(self) -> str:
        return iso_week(self.monday + timedelta(days=7))

    @property
    def has_previous(self) -> bool:
        return (self.monday - timedelta(days=7)).year >= MIN_YEAR

    @property
    def has_next(self) -> bool:
        return (self.monday + timedelta(days=7)).isocalendar()[0] <= MAX_YEAR

    @property
    def is_current(self) -> bool:
        return self.monday <= self.today <= self.sunday

    @property
    def is_empty(self) -> bool:
        return not any(day.entries for day in self.days)


def schedule_week(*, site, monday: date, today: date) -> ScheduleWeek:
    """Monday to Friday always, the weekend only when something is scheduled."""
    from .models import ScheduleEntry

    entries = []
    if site is not None:
        entries = list(
            ScheduleEntry.objects.for_site(site)
            .filter(date__range=(monday, monday + timedelta(days=6)))
            .order_by("date", "start_time", "pk")
        )
    days = [
        ScheduleDay(day=monday + timedelta(days=i), is_today=False) for i in range(7)
    ]
    for entry in entries:
        days[(entry.date - monday).days].entries.append(entry)
    for day in days:
        day.is_today = day.day == today
    shown = [d for d in days if d.day.weekday() < 5 or d.entries or d.is_today]
    return ScheduleWeek(monday=monday, today=today, days=shown)


def reception_entries(*, site, today: date, past: bool = False) -> list:
    """Coming citizen reception sessions (from today), or the most recent past ones."""
    from .models import ScheduleEntry

    if site is None:
        return []
    queryset = ScheduleEntry.objects.for_site(site).filter(
        kind=ScheduleKind.CITIZEN_RECEPTION
    )
    if past:
        return list(
            queryset.filter(date__lt=today).order_by("-date", "-start_time")[
                :RECEPTION_RECENT_LIMIT
            ]
        )
    return list(
        queryset.filter(date__gte=today).order_by("date", "start_time")[
            :RECEPTION_UPCOMING_LIMIT
        ]
    )


def _officials(site):
    from .models import Official

    photos = get_image_model().objects.prefetch_renditions(PHOTO_SPEC)
    return (
        Official.objects.for_site(site)
        .select_related("unit")
        .prefetch_related(Prefetch("photo", queryset=photos))
        .order_by("sort_order", "name", "pk")
    )


def leaders(*, site) -> list:
    if site is None:
        return []
    return list(_officials(site).filter(is_leader=True))


def information_contacts(*, site) -> list:
    if site is None:
        return []
    return list(_officials(site).filter(is_information_contact=True))


def units_with_contacts(*, site) -> list:
    """Units that give a phone, an email or an address, in display order."""
    from .models import OrganisationUnit

    if site is None:
        return []
    return [
        unit
        for unit in OrganisationUnit.objects.for_site(site)
        if unit.phone or unit.email or unit.address
    ]


@dataclass
class UnitNode:
    unit: object
    depth: int
    officials: list = field(default_factory=list)


def organisation(*, site) -> dict:
    """Leaders, the unit tree (flattened, with depth) with each unit's officials,
    officials in no unit, and the contacts for information requests."""
    from .models import OrganisationUnit

    if site is None:
        return {
            "leaders": [],
            "unit_tree": [],
            "unassigned": [],
            "information_contacts": [],
        }
    units = list(OrganisationUnit.objects.for_site(site))
    officials = list(_officials(site))
    by_unit: dict[int | None, list] = {}
    for official in officials:
        by_unit.setdefault(official.unit_id, []).append(official)
    children: dict[int | None, list] = {}
    known = {unit.pk for unit in units}
    for unit in units:
        parent = unit.parent_id if unit.parent_id in known else None
        children.setdefault(parent, []).append(unit)

    tree: list[UnitNode] = []
    visited: set[int] = set()

    def walk(parent_id, depth):
        for unit in children.get(parent_id, []):
            if unit.pk in visited:
                continue
            visited.add(unit.pk)
            tree.append(UnitNode(unit, min(depth, 3), by_unit.get(unit.pk, [])))
            walk(unit.pk, depth + 1)

    walk(None, 0)
    for unit in units:  # a loop of parents that slipped past validation
        if unit.pk not in visited:
            tree.append(UnitNode(unit, 0, by_unit.get(unit.pk, [])))
    return {
        "leaders": [o for o in officials if o.is_leader],
        "unit_tree": tree,
        "unassigned": by_unit.get(None, []),
        "information_contacts": [o for o in officials if o.is_information_contact],
    }
