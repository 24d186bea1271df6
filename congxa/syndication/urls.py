"""Feeds: `/rss/...` in RSS 2.0 and the same paths under `/atom/` in Atom."""

from django.urls import include, path

from .feeds import CommuneAtomFeed, CommuneRssFeed

FEEDS = {"rss": CommuneRssFeed(), "atom": CommuneAtomFeed()}

urlpatterns = [path("", include("congxa.syndication.api.urls"))]
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
