"""The people app's share of the compliance overview."""

from django.utils.translation import gettext_lazy as _

from congxa.portal.compliance import (
    PageCategory,
    SnippetCategory,
    register_compliance_category,
)

# A weekly schedule whose newest entry is a fortnight old is not being kept.
SCHEDULE_STALE_DAYS = 14


def register() -> None:
    register_compliance_category(
        PageCategory(
            name="introduction",
            label=_("Introduction of the commune"),
            model="people.IntroductionPage",
            parent_model="people.IntroductionIndexPage",
            order=15,
            stale_days=365,
            add_label=_("Add an introduction page"),
        )
    )
    register_compliance_category(
        SnippetCategory(
            name="organisation",
            label=_("Organisation and officials"),
            model="people.Official",
            date_field="updated_at",
            order=40,
            stale_days=365,
            add_label=_("Add an official"),
        )
    )
    register_compliance_category(
        SnippetCategory(
            name="work-schedule",
            label=_("Work schedule"),
            model="people.ScheduleEntry",
            date_field="date",
            filters={"kind": "work"},
            order=50,
            stale_days=SCHEDULE_STALE_DAYS,
            add_label=_("Add a schedule entry"),
        )
    )
    register_compliance_category(
        SnippetCategory(
            name="citizen-reception",
            label=_("Citizen reception schedule"),
            model="people.ScheduleEntry",
            date_field="date",
            filters={"kind": "reception"},
            order=55,
            add_label=_("Add a reception session"),
        )
    )
