"""Views of the portal that are not Wagtail pages."""

import posixpath

from django.conf import settings
from django.db import connection
from django.http import Http404, HttpResponse, HttpResponseServerError
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.static import serve


@never_cache
def healthz(request):
    """Liveness for a load balancer: the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


# Served only through their own gated routes (congxa/urls.py), never from here.
GATED_MEDIA_FOLDERS = ("documents/", "original_images/")


def media(request, path):
    # `images/../documents/x.pdf` must not reach a gated folder by another name.
    normalised = posixpath.normpath(path.replace("\\", "/")).lstrip("/")
    if (
        normalised != path
        or normalised.startswith("..")
        or normalised.lower().startswith(GATED_MEDIA_FOLDERS)
    ):
        raise Http404
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = "public, max-age=604800"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def page_not_found(request, exception=None):
    template = loader.get_template("404.html")
    return HttpResponse(template.render({}, request), status=404)


def server_error(request):
    # Rendered without a request context: the error may lie in a context
    # processor or the database.
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({}))
