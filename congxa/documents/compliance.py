"""Legal documents in the compliance overview."""

from django.utils.translation import gettext_lazy as _

from congxa.portal.compliance import PageCategory, register_compliance_category


def register() -> None:
    register_compliance_category(
        PageCategory(
            name="documents",
            label=_("Legal documents"),
            model="documents.LegalDocumentPage",
            date_field="issue_date",
            parent_model="documents.DocumentIndexPage",
            order=20,
            add_label=_("Add a legal document"),
        )
    )
