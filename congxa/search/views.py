"""The portal's search page, scoped to the request's commune."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render
from wagtail.models import Page, Site

MAX_QUERY_LENGTH = 200


def clean_query(raw: str) -> str:
    """Printable text only, whitespace collapsed, length capped."""
    printable = "".join(ch if ch.isprintable() else " " for ch in raw)
    return " ".join(printable.split())[:MAX_QUERY_LENGTH]


def search(request):
    query = clean_query(request.GET.get("q", ""))
    site = Site.find_for_request(request)
    results = None
    if query and site is not None:
        pages = Page.objects.live().public().descendant_of(site.root_page)
        paginator = Paginator(pages.search(query), 10)
        try:
            results = paginator.page(request.GET.get("page") or 1)
        except PageNotAnInteger:
            results = paginator.page(1)
        except EmptyPage:
            results = paginator.page(paginator.num_pages)
    return render(
        request,
        "search/search.html",
        {"search_query": query, "results": results},
    )
