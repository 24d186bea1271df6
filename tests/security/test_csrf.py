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


def test_lookup_form_checks_its_token_in_the_backend(site, home):
    """wapiti 3.3 flags /hoi-dap/tra-cuu/ when its replayed request and the one
    with the token replaced by "wapiti" get the same page: both are refused
    with the one CSRF page. Here the real token passes and "wapiti" does not."""
    import re

    from congxa.engagement.models import QuestionIndexPage

    page = QuestionIndexPage(title="Hỏi đáp", slug="hoi-dap")
    home.add_child(instance=page)
    page.save_revision().publish()
    client = Client(enforce_csrf_checks=True, HTTP_HOST="vinhthuy.localhost")
    form = client.get("/hoi-dap/tra-cuu/").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    data = {"code": "default", "contact": "default"}
    genuine = client.post("/hoi-dap/tra-cuu/", {**data, "csrfmiddlewaretoken": token})
    forged = client.post("/hoi-dap/tra-cuu/", {**data, "csrfmiddlewaretoken": "wapiti"})
    assert genuine.status_code == 404  # looked up: no such question
    assert forged.status_code == 403
    assert "Biểu mẫu đã hết hạn" in forged.content.decode()
