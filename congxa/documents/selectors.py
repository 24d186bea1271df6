"""Reads for the public document list: filters, the list's own search, paging."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import HttpRequest
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from congxa.portal.cache import expire_page_cache_at
from congxa.portal.pagination import paginate
from congxa.vi.text import fold

from .models import LIST_PER_PAGE, DocumentField, DocumentType

MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 8


class DocumentFilterForm(forms.Form):
    """The list's filters; an invalid value is dropped, never an error page."""

    q = forms.CharField(
        label=_("Number, symbol or summary"), required=False, max_length=200
    )
    type = forms.ChoiceField(label=_("Document type"), required=False)
    field = forms.ChoiceField(label=_("Field"), required=False)
    issuer = forms.ChoiceField(label=_("Issuing body"), required=False)
    year = forms.TypedChoiceField(
        label=_("Year"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, data, *, types, fields, issuers, years):
        super().__init__(data)
        everything = ("", _("All"))
        self.fields["type"].choices = [everything] + [(t.slug, t.name) for t in types]
        self.fields["field"].choices = [everything] + [(f.slug, f.name) for f in fields]
        self.fields["issuer"].choices = [everything] + [(i, i) for i in issuers]
        self.fields["year"].choices = [everything] + [(y, y) for y in years]

    def valid_values(self) -> dict[str, Any]:
        """The values that passed, each on its own: one bad filter spoils no other."""
        self.is_valid()
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if value not in (None, "")
        }


def clean_query(raw: str) -> str:
    printable = "".join(ch if ch.isprintable() else " " for ch in raw or "")
    return " ".join(printable.split())[:MAX_QUERY_LENGTH]


def filter_documents(queryset, values: dict[str, Any], types_by_slug, fields_by_slug):
    if "type" in values:
        queryset = queryset.filter(document_type=types_by_slug[values["type"]])
    if "field" in values:
        queryset = queryset.filter(field=fields_by_slug[values["field"]])
    if "issuer" in values:
        queryset = queryset.filter(issuing_body=values["issuer"])
    if "year" in values:
        queryset = queryset.filter(issue_date__year=values["year"])
    query = clean_query(values.get("q", ""))
    for word in fold(query).split()[:MAX_QUERY_WORDS]:
        queryset = queryset.filter(search_text__contains=word)
    return queryset


def document_list_context(request: HttpRequest, index_page) -> dict[str, Any]:
    """Everything the “Văn bản” list renders, in a fixed number of queries."""
    all_documents = index_page.documents()
    types = list(DocumentType.objects.all())
    fields = list(DocumentField.objects.all())
    # Issuers and years in one query: the distinct pairs are few.
    pairs = set(
        all_documents.order_by()
        .values_list("issuing_body", "issue_date__year")
        .distinct()
    )
    issuers = sorted({issuer for issuer, _year in pairs if issuer})
    years = sorted({year for _issuer, year in pairs if year}, reverse=True)
    form = DocumentFilterForm(
        request.GET, types=types, fields=fields, issuers=issuers, years=years
    )
    values = form.valid_values()
    documents = filter_documents(
        all_documents,
        values,
        {t.slug: t for t in types},
        {f.slug: f for f in fields},
    )
    page_obj = paginate(request, documents, LIST_PER_PAGE)
    now = timezone.now()
    moments = [m for m in (d.next_change_at(now) for d in page_obj) if m]
    if moments:
        expire_page_cache_at(request, min(moments))
    query = {k: v for k, v in values.items() if k != "q"}
    if values.get("q"):
        query["q"] = clean_query(values["q"])
    return {
        "documents": page_obj,
        "filter_form": form,
        "filtered": bool(values),
        "extra_query": ("&" + urlencode(query)) if query else "",
        "today": timezone.localdate(),
        "now": now,
    }
