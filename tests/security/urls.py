"""The portal's URLs plus a few views that fail on purpose, for the error pages."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.urls import path
from django.views.decorators.http import require_GET

from congxa.urls import handler400, handler403, handler404, handler500  # noqa: F401
from congxa.urls import urlpatterns as portal_urlpatterns


def broken(request):
    raise RuntimeError("lỗi thật trong mã")


def forbidden(request):
    raise PermissionDenied


@require_GET
def get_only(request):
    return HttpResponse("ok")


def empty_status(request, status):
    return HttpResponse(status=status)


urlpatterns = [
    path("_thu/loi/", broken),
    path("_thu/cam/", forbidden),
    path("_thu/chi-get/", get_only),
    path("_thu/trang-thai/<int:status>/", empty_status),
    *portal_urlpatterns,
]
