"""Editors create and edit articles and commune settings in the Wagtail admin."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from congxa.news.factories import ArticlePageFactory, NewsIndexPageFactory
from congxa.news.models import ArticlePage
from congxa.portal.factories import ImageFactory
from congxa.portal.models import CommuneSettings

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("bientap", "bt@example.com", "x")
    client.force_login(user)
    return client


@pytest.fixture
def section(home):
    return NewsIndexPageFactory(parent=home, title="Tin tức - Sự kiện", slug="tin-tuc")


def test_editor_creates_and_publishes_an_article_with_every_field(
    admin_client, section
):
    image = ImageFactory(title="Hội nghị")
    url = reverse("wagtailadmin_pages:add", args=("news", "articlepage", section.pk))
    data = nested_form_data(
        {
            "title": "Hội nghị tổng kết năm 2025",
            "slug": "hoi-nghi-tong-ket",
            "lead": "Sáng nay, xã tổ chức hội nghị tổng kết.",
            "body": streamfield(
                [
                    ("paragraph", rich_text("<p>Đoạn thứ nhất của bài.</p>")),
                    (
                        "image",
                        {
                            "image": {
                                "image": image.pk,
                                "alt_text": "Ảnh",
                                "decorative": False,
                            },
                            "caption": "Toàn cảnh hội nghị",
                        },
                    ),
                ]
            ),
            "signature": "BBT",
            "date": "2026-02-11 21:40",
            "featured_image": image.pk,
            "featured": "on",
            "action-publish": "publish",
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    article = ArticlePage.objects.get(slug="hoi-nghi-tong-ket")
    assert article.live
    assert article.lead == "Sáng nay, xã tổ chức hội nghị tổng kết."
    assert article.signature == "BBT"
    assert article.featured and article.featured_image == image
    html = admin_client.get(article.url).content.decode()
    assert "Đoạn thứ nhất của bài." in html
    assert "Toàn cảnh hội nghị" in html


def test_editor_edits_an_article(admin_client, section):
    article = ArticlePageFactory(parent=section, title="Tiêu đề cũ")
    url = reverse("wagtailadmin_pages:edit", args=(article.pk,))
    response = admin_client.get(url)
    assert response.status_code == 200
    data = nested_form_data(
        {
            "title": "Tiêu đề mới",
            "slug": article.slug,
            "lead": article.lead,
            "body": streamfield([]),
            "signature": "Minh Đức",
            "date": "2026-03-01 08:00",
            "action-publish": "publish",
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Tiêu đề mới"
    assert article.signature == "Minh Đức"


def test_editor_changes_the_commune_settings(admin_client, site):
    url = reverse("wagtailsettings:edit", args=("portal", "communesettings", site.pk))
    assert admin_client.get(url).status_code == 200
    data = nested_form_data(
        {
            "commune_name": "Xã Vĩnh Thủy",
            "province": "Tỉnh Quảng Trị",
            "agency": "UBND xã Vĩnh Thủy",
            "person_responsible": "Ông Lê Thanh Hải",
            "address": "Thôn Linh Hải",
            "phone": "0233 3826 123",
            "email": "ubnd@vinhthuy.gov.vn",
            "banner_text": "Chào mừng năm mới",
            "primary_colour": "red",
            "website_links-TOTAL_FORMS": "2",
            "website_links-INITIAL_FORMS": "0",
            "website_links-MIN_NUM_FORMS": "0",
            "website_links-MAX_NUM_FORMS": "1000",
            "website_links-0-title": "Cổng Dịch vụ công",
            "website_links-0-url": "https://dichvucong.gov.vn",
            "website_links-0-ORDER": "1",
            "website_links-1-title": "Chính phủ",
            "website_links-1-url": "https://chinhphu.vn",
            "website_links-1-ORDER": "2",
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    settings = CommuneSettings.for_site(site)
    assert settings.banner_text == "Chào mừng năm mới"
    assert [link.title for link in settings.website_links.all()] == [
        "Cổng Dịch vụ công",
        "Chính phủ",
    ]


def test_bad_settings_input_is_refused_in_vietnamese(admin_client, site):
    url = reverse("wagtailsettings:edit", args=("portal", "communesettings", site.pk))
    data = nested_form_data(
        {
            "commune_name": "",
            "email": "khong-phai-email",
            "website_links-TOTAL_FORMS": "0",
            "website_links-INITIAL_FORMS": "0",
            "website_links-MIN_NUM_FORMS": "0",
            "website_links-MAX_NUM_FORMS": "1000",
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Trường này là bắt buộc." in html
    assert "Nhập địa chỉ email." in html
    assert CommuneSettings.for_site(site).commune_name == "Xã Vĩnh Thủy"


def test_the_article_type_is_offered_only_inside_a_news_section(admin_client, home):
    url = reverse("wagtailadmin_pages:add", args=("news", "articlepage", home.pk))
    response = admin_client.get(url, follow=True)
    assert response.redirect_chain or response.status_code == 403
    assert "Xóa" not in response.content.decode()  # not the page editor
    assert Page.objects.type(ArticlePage).count() == 0
