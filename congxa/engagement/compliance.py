"""Questions and answers in the compliance overview: answers published."""

from django.utils.translation import gettext_lazy as _

from congxa.portal.compliance import SnippetCategory, register_compliance_category


def register() -> None:
    register_compliance_category(
        SnippetCategory(
            name="questions",
            label=_("Questions and answers"),
            model="engagement.Question",
            date_field="answered_at",
            filters={"is_published": True},
            order=60,
        )
    )
