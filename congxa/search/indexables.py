"""The models search knows by name, registered without importing their apps.

Search sits on the top floor: it may know every content app, but looks their
models up through the app registry so an app that is not installed is skipped.
Any other page is indexed generically; any model with `search_document()` is
indexed by what that method returns.
"""

from django.apps import apps
from wagtail.models import Page

from .registry import PageAdapter, SelfDescribedAdapter, registry

# Facet of the generic pages of each content app.
APP_KINDS = {"news": "news", "documents": "documents", "procedures": "procedures"}


def _model(label: str):
    app_label, model_name = label.split(".")
    if not apps.is_installed(f"congxa.{app_label}"):
        return None
    try:
        return apps.get_model(app_label, model_name)
    except LookupError:
        return None


def register_known_models() -> None:
    article = _model("news.ArticlePage")
    if article is not None:
        registry.register(article, PageAdapter(kind="news", date_field="date"))
    for model in apps.get_models():
        if registry.adapter_for(model) not in (None, registry.page_adapter):
            continue
        kind = APP_KINDS.get(model._meta.app_label, "pages")
        if callable(getattr(model, "search_document", None)):
            registry.register(model, SelfDescribedAdapter(kind=kind))
        elif issubclass(model, Page) and kind != "pages" and model is not Page:
            registry.register(model, PageAdapter(kind=kind))
