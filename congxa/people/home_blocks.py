"""What the people app shows on a commune's home page."""

from datetime import timedelta

from django.utils import timezone
from wagtail.models import Site

from congxa.portal.home import HomeBlock, home_child_of_type, register_home_block

from . import selectors

TODAY_LIMIT = 5


def schedule_today_context(request, home_page):
    """Today's schedule, with a link to the week; nothing when the commune has
    no schedule page."""
    from .models import WorkSchedulePage

    schedule_page = home_child_of_type(request, home_page, WorkSchedulePage) or (
        WorkSchedulePage.objects.descendant_of(home_page).live().public().first()
    )
    if schedule_page is None:
        return None
    site = Site.find_for_request(request)
    today = timezone.localdate()
    week = selectors.schedule_week(
        site=site, monday=today - timedelta(days=today.weekday()), today=today
    )
    entries = next((d.entries for d in week.days if d.is_today), [])
    return {
        "page": schedule_page,
        "today": today,
        "entries": entries[:TODAY_LIMIT],
    }


def information_contact_context(request, home_page):
    site = Site.find_for_request(request)
    contacts = selectors.information_contacts(site=site)
    return {"contacts": contacts} if contacts else None


def register() -> None:
    register_home_block(
        HomeBlock(
            name="people-schedule-today",
            template="people/includes/home_schedule_today.html",
            get_context=schedule_today_context,
            area="side",
            order=20,
        )
    )
    register_home_block(
        HomeBlock(
            name="people-information-contact",
            template="people/includes/home_information_contact.html",
            get_context=information_contact_context,
            area="side",
            order=80,
        )
    )
