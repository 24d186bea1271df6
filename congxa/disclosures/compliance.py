"""Public disclosures in the compliance overview."""

from django.utils.translation import gettext_lazy as _

from congxa.portal.compliance import PageCategory, register_compliance_category


def register() -> None:
    register_compliance_category(
        PageCategory(
            name="disclosures",
            label=_("Public disclosures (plans, budget, investment)"),
            model="disclosures.DisclosureSectionPage",
            parent_model="disclosures.DisclosureIndexPage",
            order=70,
            # Budget and plans are disclosed yearly.
            stale_days=365,
            add_label=_("Add a disclosure section"),
        )
    )
