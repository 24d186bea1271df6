"""Search URLs, included by the project under `tim-kiem/`."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.search, name="search"),
    path("goi-y/", views.autocomplete, name="search_autocomplete"),
]
