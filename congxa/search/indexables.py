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
    for model in apps.get_models():
        if registry.adapter_for(model) not in (None, registry.page_adapter):
            continue
        kind = APP_KINDS.get(model._meta.app_label, "pages")
        if callable(getattr(model, "search_document", None)):
            registry.register(model, SelfDescribedAdapter(kind=kind))
        elif issubclass(model, Page) and kind != "pages" and model is not Page:
            registry.register(model, PageAdapter(kind=kind))
