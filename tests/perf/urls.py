"""The project's URLs plus two public views the page cache must never store."""

from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import path
from django.views.decorators.cache import cache_control

from congxa.urls import urlpatterns as project_urlpatterns


def sets_cookie(request):
    response = HttpResponse("<p>Một trang đặt cookie</p>")
    response.set_cookie("visitor", "1")
    return response


def csrf_form(request):
    return HttpResponse(
        '<form method="post"><input type="hidden" name="csrfmiddlewaretoken" '
        f'value="{get_token(request)}"></form>'
    )


@cache_control(private=True)
def private_page(request):
    return HttpResponse("<p>Riêng tư</p>")


urlpatterns = [
    path("_perf/cookie/", sets_cookie),
    path("_perf/form/", csrf_form),
    path("_perf/private/", private_page),
    *project_urlpatterns,
]
