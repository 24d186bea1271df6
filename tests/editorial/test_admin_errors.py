"""The admin's 403 and 404 pages are Vietnamese pages inside the admin."""

import pytest

from tests.i18n.english import english_words, visible_text

pytestmark = pytest.mark.django_db


def test_forbidden_admin_page_is_vietnamese_inside_the_admin(
    client, commune_admin, other_site, other_board
):
    # Another commune's settings: a bare English "403 Forbidden" before.
    client.force_login(commune_admin)
    url = f"/admin/settings/portal/communesettings/{other_site.pk}/"
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    assert response.status_code == 403
    assert "Bạn không mở được trang này" in html
    assert "wagtail-sidebar-props" in html  # the admin's menu is still there
    assert "403 Forbidden" not in html
    assert english_words(visible_text(html)) == []


def test_missing_admin_page_is_vietnamese_inside_the_admin(client, writer):
    client.force_login(writer)
    response = client.get("/admin/pages/987654/edit/", HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    assert response.status_code == 404
    assert "Không tìm thấy trang" in html
    assert english_words(visible_text(html)) == []


def test_missing_admin_page_for_a_visitor_offers_the_login(client, site):
    response = client.get("/admin/khong-co-trang-nay/")
    assert response.status_code in (302, 404)
    if response.status_code == 404:
        assert "Đăng nhập" in response.content.decode()


def test_public_missing_page_keeps_the_commune_page(client, site):
    response = client.get("/khong-co-trang-nay/", HTTP_HOST="vinhthuy.localhost")
    assert response.status_code == 404
    assert 'class="error-page"' in response.content.decode()


def test_public_forbidden_page_is_the_commune_page(rf, site):
    from django.contrib.auth.models import AnonymousUser

    from congxa.editorial.views import permission_denied

    request = rf.get("/cong-khai/", HTTP_HOST="vinhthuy.localhost")
    request.user = AnonymousUser()
    response = permission_denied(request)
    assert response.status_code == 403
    html = response.content.decode()
    assert "wagtail-sidebar-props" not in html
    assert english_words(visible_text(html)) == []
