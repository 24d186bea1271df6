"""The admin's Content-Security-Policy, on its main screens."""

import re

import pytest
from django.urls import reverse

from congxa.documents.factories import DocumentIndexPageFactory
from congxa.news.factories import ArticlePageFactory, NewsIndexPageFactory

pytestmark = pytest.mark.django_db

REQUIRED = {
    "default-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
}


def directives(csp: str) -> dict[str, str]:
    return {
        part.split()[0]: " ".join(part.split()[1:])
        for part in (p.strip() for p in csp.split(";"))
        if part
    }


@pytest.fixture
def screens(site, home):
    section = NewsIndexPageFactory(parent=home, slug="tin-tuc")
    article = ArticlePageFactory(parent=section)
    documents = DocumentIndexPageFactory(parent=home)
    return [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_explore", args=[home.pk]),
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        reverse(
            "wagtailadmin_pages:add",
            args=["documents", "legaldocumentpage", documents.pk],
        ),
        reverse("wagtailimages:index"),
        reverse("wagtailimages:add_multiple"),
        reverse("wagtaildocs:index"),
        reverse("wagtailimages_chooser:choose"),
        reverse("wagtailusers_users:index"),
        reverse("wagtailsettings:edit", args=["portal", "communesettings", site.pk]),
        reverse("accounts_locked_logins"),
    ]


def test_main_admin_screens_carry_the_strict_policy(client, admin_user, screens):
    client.force_login(admin_user)
    for url in screens:
        response = client.get(url)
        assert response.status_code == 200, url
        found = directives(response["Content-Security-Policy"])
        for name, value in REQUIRED.items():
            assert found.get(name) == value, (url, name, found.get(name))
        assert found["frame-ancestors"] in {"'self'", "'none'"}
        # Nothing from another origin, anywhere in the policy.
        assert not re.search(r"https?:|\*", response["Content-Security-Policy"]), url


def test_login_page_carries_the_strict_policy(client, db):
    found = directives(
        client.get(reverse("wagtailadmin_login"))["Content-Security-Policy"]
    )
    for name, value in REQUIRED.items():
        assert found[name] == value


def test_admin_is_framed_by_nobody_but_its_own_preview(client, admin_user, screens):
    client.force_login(admin_user)
    found = directives(
        client.get(reverse("wagtailadmin_home"))["Content-Security-Policy"]
    )
    assert found["frame-ancestors"] == "'none'"


def test_public_pages_keep_their_own_stricter_policy(client, home):
    found = directives(
        client.get("/", HTTP_HOST="vinhthuy.localhost")["Content-Security-Policy"]
    )
    assert found["script-src"] == "'self'"
    assert found["style-src"] == "'self'"
    assert found["frame-ancestors"] == "'none'"
