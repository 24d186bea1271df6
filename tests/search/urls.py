"""The project's URLs with the search app's own, until the project includes them."""

from django.urls import include, path

from congxa.urls import urlpatterns as project_urlpatterns

urlpatterns = [
    path("tim-kiem/", include("congxa.search.urls")),
    *project_urlpatterns,
]
