from django.urls import reverse
from wagtail.models import ModelLogEntry, PageLogEntry

from congxa.news.factories import ArticlePageFactory, NewsIndexPageFactory
from congxa.portal.models import CommuneSettings


def test_unpublish_and_delete_are_logged_with_user_and_address(
    client, admin_user, site
):
    section = NewsIndexPageFactory(parent=site.root_page)
    article = ArticlePageFactory(parent=section, title="Bài sẽ gỡ")
    client.force_login(admin_user)
    client.post(
        reverse("wagtailadmin_pages:unpublish", args=[article.pk]),
        REMOTE_ADDR="10.1.2.3",
    )
    entry = PageLogEntry.objects.get(page=article, action="wagtail.unpublish")
    assert entry.user == admin_user
    assert entry.data["address"] == "10.1.2.3"
    client.post(
        reverse("wagtailadmin_pages:delete", args=[article.pk]), REMOTE_ADDR="10.1.2.4"
    )
    deleted = PageLogEntry.objects.get(action="wagtail.delete")
    assert deleted.data["address"] == "10.1.2.4"


def test_settings_change_is_logged_with_address(client, admin_user, site):
    client.force_login(admin_user)
    url = reverse("wagtailsettings:edit", args=["portal", "communesettings", site.pk])
    client.post(
        url,
        {
            "commune_name": "Xã Vĩnh Thủy",
            "province": "Tỉnh Quảng Trị",
            "primary_colour": "red",
            "website_links-TOTAL_FORMS": "0",
            "website_links-INITIAL_FORMS": "0",
            "website_links-MIN_NUM_FORMS": "0",
            "website_links-MAX_NUM_FORMS": "1000",
        },
        REMOTE_ADDR="10.9.8.7",
    )
    settings = CommuneSettings.for_site(site)
    entry = ModelLogEntry.objects.get(object_id=str(settings.pk), action="wagtail.edit")
    assert entry.data["address"] == "10.9.8.7"
