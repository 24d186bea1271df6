"""The models search knows by name, registered without importing their apps.

Search sits on the top floor: it may know every content app, but looks their
models up through the app registry so an app that is not installed is skipped.
Any other page is indexed generically; any model with `search_document()` is
indexed by what that method returns.
"""

from __future__ import annotations

from django.apps import apps
from wagtail.models import Page, Site

from .registry import Adapter, Document, PageAdapter, SelfDescribedAdapter, registry

# Facet of the generic pages of each content app.
APP_KINDS = {
    "news": "news",
    "documents": "documents",
    "procedures": "procedures",
    "engagement": "questions",
}


def _model(label: str):
    app_label, model_name = label.split(".")
    if not apps.is_installed(f"congxa.{app_label}"):
        return None
    try:
        return apps.get_model(app_label, model_name)
    except LookupError:
        return None


def _rows_text(rows) -> str:
    """Text of the imported procedure tables (lists of dicts of strings)."""
    if not isinstance(rows, list):
        return ""
    return "\n".join(
        " ".join(str(value) for value in row.values() if value)
        if isinstance(row, dict)
        else str(row)
        for row in rows
    )


class ProcedureAdapter(Adapter):
    """The province's procedure records: shared by every commune (no site).

    A result links to the procedure on the commune's own procedures page when
    that commune shows it, otherwise to its page on the National Public Service
    Portal.
    """

    kind = "procedures"

    def document(self, procedure, locator):
        body = "\n".join(
            part
            for part in [
                procedure.code,
                procedure.sector,
                procedure.level,
                procedure.target_groups,
                procedure.competent_agency,
                procedure.implementing_agency,
                procedure.conditions,
                _rows_text(procedure.steps),
                _rows_text(procedure.channels),
                _rows_text(procedure.documents),
                _rows_text(procedure.legal_basis),
                _rows_text(procedure.results),
            ]
            if part
        )
        return Document(
            title=procedure.name,
            body=body,
            url=procedure.detail_url or "",
            site_id=None,
            kind=self.kind,
            date=procedure.updated_at,
        )

    def resolve_urls(self, site: Site | None, pks: list[int]) -> dict[int, str]:
        """Procedure pk -> the address a visitor of `site` should follow."""
        procedure_model = _model("procedures.AdministrativeProcedure")
        index_model = _model("procedures.ProcedureIndexPage")
        rows = procedure_model.objects.filter(pk__in=pks).values_list(
            "pk", "code", "detail_url"
        )
        urls = {pk: detail_url for pk, _code, detail_url in rows}
        if site is None or index_model is None:
            return urls
        index = (
            index_model.objects.live()
            .descendant_of(site.root_page)
            .only("url_path")
            .first()
        )
        if index is None:
            return urls
        shown = set(
            procedure_model.objects.for_site(site)
            .filter(pk__in=pks)
            .values_list("pk", flat=True)
        )
        base = "/" + index.url_path[len(site.root_page.url_path) :]
        for pk, code, _detail_url in rows:
            if pk in shown:
                urls[pk] = f"{base}{code}/"
        return urls


class OrganisationAdapter(PageAdapter):
    """The organisation page, with who holds which office and how to reach them.

    Officials and units are records of the people app, shown on this page by
    its template: indexed here so `phó chủ tịch ubnd` or `số điện thoại công an
    xã` finds the page. Kept in step by `signals` when a record changes.
    """

    officials = True

    def body(self, page):
        text = super().body(page)
        site = page.get_site()
        if site is None:
            return text
        return "\n".join(
            part for part in [text, people_text(site, self.officials)] if part
        )


class ContactAdapter(OrganisationAdapter):
    """The contact page: the units' addresses and phone numbers."""

    officials = False


def people_text(site: Site, with_officials: bool = True) -> str:
    """Units (name, duties, address, phone, email) and officials (name, position,
    unit, phone), as sentences a search matches."""
    unit_model = _model("people.OrganisationUnit")
    official_model = _model("people.Official")
    if unit_model is None or official_model is None:
        return ""
    lines = []
    for unit in unit_model.objects.filter(site=site).order_by("sort_order", "name"):
        contact = [
            f"Địa chỉ: {unit.address}" if unit.address else "",
            f"Số điện thoại: {unit.phone}" if unit.phone else "",
            f"Email: {unit.email}" if unit.email else "",
        ]
        lines.append(
            ". ".join(p for p in [unit.name, unit.functions, *contact] if p) + "."
        )
    if with_officials:
        officials = official_model.objects.filter(site=site).select_related("unit")
        for official in officials.order_by("sort_order", "name"):
            parts = [official.name, official.position]
            if official.unit_id:
                parts.append(official.unit.name)
            if official.phone:
                parts.append(f"số điện thoại {official.phone}")
            if official.email:
                parts.append(f"email {official.email}")
            lines.append(", ".join(parts) + ".")
    return "\n".join(lines)


def register_known_models() -> None:
    article = _model("news.ArticlePage")
    if article is not None:
        registry.register(article, PageAdapter(kind="news", date_field="date"))
    document = _model("documents.LegalDocumentPage")
    if document is not None:
        registry.register(
            document, PageAdapter(kind="documents", date_field="issue_date")
        )
    procedure = _model("procedures.AdministrativeProcedure")
    if procedure is not None:
        registry.register(procedure, ProcedureAdapter())
    organisation = _model("people.OrganisationPage")
    if organisation is not None:
        registry.register(organisation, OrganisationAdapter())
    contact = _model("people.ContactPage")
    if contact is not None:
        registry.register(contact, ContactAdapter())
    for model in apps.get_models():
        if registry.adapter_for(model) not in (None, registry.page_adapter):
            continue
        kind = APP_KINDS.get(model._meta.app_label, "pages")
        if callable(getattr(model, "search_document", None)):
            registry.register(model, SelfDescribedAdapter(kind=kind))
        elif issubclass(model, Page) and kind != "pages" and model is not Page:
            registry.register(model, PageAdapter(kind=kind))
