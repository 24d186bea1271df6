"""Views of the portal that are not Wagtail pages."""

import posixpath

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.db import connection
from django.http import Http404, HttpResponse
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


def error_page(status: int, template: str | None = None) -> HttpResponse:
    """A Vietnamese error page in the site's style, rendered without the request:
    it must work for an unknown host, without a session and without a database."""
    body = loader.get_template(template or f"{status}.html").render({})
    response = HttpResponse(body, status=status)
    response["Cache-Control"] = "no-store"
    return response


def bad_request(request, exception=None):
    # Django reports a body over DATA_UPLOAD_MAX_MEMORY_SIZE (or too many
    # fields) as a suspicious request; to the person it is "too large".
    if isinstance(exception, RequestDataTooBig):
        return error_page(413)
    return error_page(400)


def permission_denied(request, exception=None):
    return error_page(403)


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a form sent without its token, or with an old one."""
    return error_page(403, "403_csrf.html")


def page_not_found(request, exception=None):
    template = loader.get_template("404.html")
    return HttpResponse(template.render({}, request), status=404)


def server_error(request):
    # Rendered without a request context: the error may lie in a context
    # processor or the database.
    return error_page(500)
