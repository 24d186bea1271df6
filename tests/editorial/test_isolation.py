"""A writer of commune A cannot see or change anything of commune B."""

import pytest
from django.urls import reverse

from congxa.news.factories import ArticlePageFactory
from congxa.operations.models import LinkAllowList
from congxa.portal.models import CommuneSettings


@pytest.fixture
def other_article(other_section):
    return ArticlePageFactory(parent=other_section, title="Tin của Gio Linh")


def test_writer_cannot_edit_other_communes_page(client, writer, other_article):
    client.force_login(writer)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[other_article.pk]))
    assert response.status_code in (403, 404)


def test_writer_cannot_add_page_under_other_commune(client, writer, other_section):
    client.force_login(writer)
    url = reverse(
        "wagtailadmin_pages:add", args=["news", "articlepage", other_section.pk]
    )
    response = client.get(url)
    assert response.status_code in (403, 404)


def test_writer_cannot_publish_other_communes_page(client, writer, other_article):
    client.force_login(writer)
    response = client.post(
        reverse("wagtailadmin_pages:unpublish", args=[other_article.pk])
    )
    assert response.status_code in (403, 404)
    other_article.refresh_from_db()
    assert other_article.live


def test_writer_cannot_edit_other_communes_image(client, writer, other_image):
    client.force_login(writer)
    response = client.get(reverse("wagtailimages:edit", args=[other_image.pk]))
    assert response.status_code == 403


def test_writer_cannot_edit_other_communes_document(client, writer, other_document):
    client.force_login(writer)
    response = client.get(reverse("wagtaildocs:edit", args=[other_document.pk]))
    assert response.status_code == 403


def test_writer_does_not_see_other_communes_images(client, writer, other_image, board):
    client.force_login(writer)
    response = client.get(reverse("wagtailimages:index"))
    assert "Ảnh Gio Linh" not in response.content.decode()


def test_writer_cannot_open_any_settings(client, writer, other_site, site):
    client.force_login(writer)
    for target in (site, other_site):
        settings = CommuneSettings.for_site(target)
        url = reverse(
            "wagtailsettings:edit", args=["portal", "communesettings", settings.pk]
        )
        assert client.get(url).status_code == 403


def test_commune_admin_edits_own_settings_but_not_other_communes(
    client, commune_admin, site, other_site, other_board
):
    client.force_login(commune_admin)
    own = reverse("wagtailsettings:edit", args=["portal", "communesettings", site.pk])
    other = reverse(
        "wagtailsettings:edit", args=["portal", "communesettings", other_site.pk]
    )
    assert client.get(own).status_code == 200
    assert client.get(other).status_code == 403
    allow_list = reverse(
        "wagtailsettings:edit", args=["operations", "linkallowlist", other_site.pk]
    )
    assert client.get(allow_list).status_code == 403
    LinkAllowList.for_site(site)


def test_commune_admin_cannot_change_other_communes_settings_by_post(
    client, commune_admin, other_site, other_board
):
    client.force_login(commune_admin)
    url = reverse(
        "wagtailsettings:edit", args=["portal", "communesettings", other_site.pk]
    )
    response = client.post(url, {"commune_name": "Đã bị sửa"})
    assert response.status_code == 403
    assert CommuneSettings.for_site(other_site).commune_name == "Xã Gio Linh"


def test_writer_explorer_shows_only_own_commune(client, writer, section, other_section):
    client.force_login(writer)
    response = client.get(reverse("wagtailadmin_explore", args=[other_section.pk]))
    assert response.status_code in (302, 403, 404)
    if response.status_code == 302:
        assert str(other_section.pk) not in response["Location"]


def test_commune_admin_of_a_cannot_open_board_of_b(
    client, commune_admin, other_site, other_board
):
    client.force_login(commune_admin)
    response = client.get(reverse("editorial_board", args=[other_site.pk]))
    assert response.status_code == 404
    response = client.get(reverse("editorial_audit_log", args=[other_site.pk]))
    assert response.status_code == 404
