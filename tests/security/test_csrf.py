"""State-changing admin requests without a CSRF token are refused."""

import pytest
from django.test import Client
from django.urls import reverse

from congxa.news.factories import ArticlePageFactory, NewsIndexPageFactory
from congxa.news.models import ArticlePage


@pytest.fixture
def csrf_client(django_user_model):
    user = django_user_model.objects.create_superuser("bbt", "bbt@example.vn", "x" * 14)
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def test_admin_posts_without_token_are_403_and_change_nothing(csrf_client, site):
    section = NewsIndexPageFactory(parent=site.root_page)
    article = ArticlePageFactory(parent=section, title="Bài gốc")
    targets = [
        (reverse("wagtailadmin_pages:edit", args=[article.pk]), {"title": "Sửa"}),
        (reverse("wagtailadmin_pages:delete", args=[article.pk]), {}),
        (reverse("wagtailadmin_pages:unpublish", args=[article.pk]), {}),
        (
            reverse(
                "wagtailsettings:edit", args=["portal", "communesettings", site.pk]
            ),
            {"commune_name": "Bị sửa"},
        ),
        (reverse("wagtailusers_users:add"), {"username": "ke-gian"}),
        (reverse("accounts_two_factor_setup"), {"token": "123456"}),
        (reverse("wagtailimages:add"), {"title": "x"}),
    ]
    for url, data in targets:
        assert csrf_client.post(url, data).status_code == 403, url
    article = ArticlePage.objects.get(pk=article.pk)
    assert article.title == "Bài gốc" and article.live


def test_login_form_without_token_is_refused(db):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/admin/login/", {"username": "a", "password": "b"})
    assert response.status_code == 403
