"""Feeds: `/rss/...` in RSS 2.0 and the same paths under `/atom/` in Atom."""

from django.urls import include, path, re_path

from . import views
from .feeds import CommuneAtomFeed, CommuneRssFeed

FEEDS = {"rss": CommuneRssFeed(), "atom": CommuneAtomFeed()}

urlpatterns = [
    path("", include("congxa.syndication.api.urls")),
    path("du-lieu-mo/", views.open_data, name="open-data"),
    re_path(
        r"^du-lieu-mo/(?P<slug>[a-z-]+)\.(?P<ext>csv|xlsx|json|metadata\.json)$",
        views.open_data_file,
        name="open-data-file",
    ),
    path(
        "tuyen-bo-ve-kha-nang-tiep-can/",
        views.accessibility_statement,
        name="accessibility-statement",
    ),
]
for prefix, feed in FEEDS.items():
    urlpatterns += [
        path(f"{prefix}/", feed, {"kind": "news"}, name=f"feed-{prefix}-news"),
        path(
            f"{prefix}/chuyen-muc/<slug:section_slug>/",
            feed,
            {"kind": "section"},
            name=f"feed-{prefix}-section",
        ),
        path(
            f"{prefix}/van-ban/",
            feed,
            {"kind": "documents"},
            name=f"feed-{prefix}-documents",
        ),
        path(
            f"{prefix}/hoi-dap/",
            feed,
            {"kind": "answers"},
            name=f"feed-{prefix}-answers",
        ),
    ]
