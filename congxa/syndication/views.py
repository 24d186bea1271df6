"""The “Dữ liệu mở” page and its files, and the accessibility statement."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from wagtail.models import Site

from . import opendata


def _site(request) -> Site:
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    return site


def open_data(request):
    site = _site(request)
    datasets = [
        (dataset, opendata.metadata(dataset, request, site))
        for dataset in opendata.DATASETS.values()
    ]
    return render(request, "syndication/open_data.html", {"datasets": datasets})


def open_data_file(request, slug: str, ext: str):
    dataset = opendata.DATASETS.get(slug)
    if dataset is None or (ext not in opendata.FORMATS and ext != "metadata.json"):
        raise Http404
    site = _site(request)
    if ext == "metadata.json":
        body = opendata.json.dumps(
            opendata.metadata(dataset, request, site), ensure_ascii=False, indent=1
        ).encode()
        content_type = "application/json"
    else:
        body = opendata.render(dataset, ext, request, site)
        content_type = opendata.FORMATS[ext]
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{slug}.{ext}"'
    return response


def accessibility_statement(request):
    return render(request, "syndication/accessibility_statement.html")
