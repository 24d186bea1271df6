"""One way to cut a public list into pages, for every list of the portal."""

from __future__ import annotations

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.http import Http404, HttpRequest


def paginate(request: HttpRequest, queryset, per_page: int) -> Page:
    """The page `?page=` asks for.

    A missing, non-numeric or non-positive number gives the first page (links
    and typos land somewhere useful); a number past the end is a 404, because
    that address does not exist.
    """
    paginator = Paginator(queryset, per_page)
    number = request.GET.get("page") or 1
    if str(number).lstrip("-").isdigit() and int(number) < 1:
        number = 1
    try:
        return paginator.page(number)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage as exc:
        raise Http404 from exc
