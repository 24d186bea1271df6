"""Every editable text field, attacked through the admin; every public parameter."""

import json

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from congxa.news.factories import ArticlePageFactory, NewsIndexPageFactory
from congxa.news.models import ArticlePage
from congxa.portal.models import CommuneSettings, HomePage

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "<!--<script>alert(1)</script>-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    "<svg onload=alert(1)><script>alert(1)</script></svg>",
    "' OR 1=1; DROP TABLE wagtailcore_page; --",
    "a\x00b",
    "Đ" * 20000,
]


def raw_in(html: str) -> bool:
    """The page carries a live attack (unescaped markup) rather than text."""
    lowered = html.lower()
    return any(
        marker in lowered
        for marker in ("<script>alert", "<img src=x onerror", "<svg onload",
                       'href="javascript:')
    )  # fmt: skip


@pytest.fixture
def admin(client, django_user_model):
    user = django_user_model.objects.create_superuser("bbt", "bbt@example.vn", "x" * 14)
    client.force_login(user)
    return user


@pytest.fixture
def article(site):
    section = NewsIndexPageFactory(parent=site.root_page, title="Tin tức")
    return ArticlePageFactory(parent=section, title="Bài gốc", lead="Sapo gốc")


def article_data(article, **fields):
    data = {
        "title": article.title,
        "slug": article.slug,
        "lead": article.lead,
        "signature": article.signature,
        "seo_title": "",
        "search_description": "",
        "date": "2026-02-11 21:40",
        "body": streamfield([("paragraph", rich_text("<p>Thân bài.</p>"))]),
        "comments": inline_formset([]),
        **fields,
    }
    return {**nested_form_data(data), "action-publish": "1"}


ARTICLE_FIELDS = [
    "title",
    "lead",
    "signature",
    "seo_title",
    "search_description",
    "slug",
]


@pytest.mark.parametrize("field", ARTICLE_FIELDS)
def test_article_text_fields_refuse_or_neutralise_attacks(
    client, admin, article, field
):
    url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    for payload in PAYLOADS:
        before = ArticlePage.objects.get(pk=article.pk)
        response = client.post(url, article_data(before, **{field: payload}))
        assert response.status_code in (200, 302), payload
        after = ArticlePage.objects.get(pk=article.pk)
        if response.status_code == 200:
            # Refused with a message; nothing saved is lost.
            assert "error" in response.content.decode()
            assert after.title == before.title and after.lead == before.lead
        public = client.get(after.url, HTTP_HOST="vinhthuy.localhost")
        assert public.status_code == 200
        assert not raw_in(public.content.decode()), (field, payload)
    client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))


def test_nul_byte_and_oversized_title_are_refused_with_a_message(
    client, admin, article
):
    url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    for payload in ("a\x00b", "Đ" * 20000):
        response = client.post(url, article_data(article, title=payload))
        assert response.status_code == 200
        assert ArticlePage.objects.get(pk=article.pk).title == "Bài gốc"


def crafted_contentstate(text: str, url: str) -> str:
    """Draftail's format, written by hand as a crafted POST would send it."""
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "a1b2c",
                    "type": "unstyled",
                    "text": text,
                    "depth": 0,
                    "inlineStyleRanges": [],
                    "entityRanges": [{"offset": 0, "length": 4, "key": 0}],
                    "data": {},
                }
            ],
            "entityMap": {
                "0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": url}}
            },
        }
    )


def test_rich_text_body_attacks_are_stored_clean(client, admin, article):
    url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    for payload in PAYLOADS[:6]:
        body = streamfield(
            [
                (
                    "paragraph",
                    crafted_contentstate(f"Thân {payload}", "javascript:alert(1)"),
                )
            ]
        )
        client.post(url, article_data(article, body=body))
        page = ArticlePage.objects.get(pk=article.pk)
        html = client.get(page.url, HTTP_HOST="vinhthuy.localhost").content.decode()
        assert not raw_in(html), payload


@pytest.mark.parametrize("field", ["title", "intro", "seo_title", "search_description"])
def test_home_page_fields_refuse_or_neutralise_attacks(client, admin, home, field):
    url = reverse("wagtailadmin_pages:edit", args=[home.pk])
    for payload in PAYLOADS:
        data = nested_form_data(
            {
                "title": home.title,
                "slug": home.slug,
                "intro": "Giới thiệu",
                "seo_title": "",
                "search_description": "",
                "comments": inline_formset([]),
                field: payload,
            }
        )
        response = client.post(url, {**data, "action-publish": "1"})
        assert response.status_code in (200, 302)
        html = client.get("/", HTTP_HOST="vinhthuy.localhost").content.decode()
        assert not raw_in(html), (field, payload)
    assert HomePage.objects.get(pk=home.pk).live


SETTINGS_FIELDS = [
    "commune_name",
    "province",
    "agency",
    "person_responsible",
    "address",
    "phone",
    "banner_text",
]


@pytest.mark.parametrize("field", SETTINGS_FIELDS)
def test_commune_settings_fields_refuse_or_neutralise_attacks(
    client, admin, site, home, field
):
    url = reverse("wagtailsettings:edit", args=["portal", "communesettings", site.pk])
    for payload in PAYLOADS:
        data = nested_form_data(
            {
                "commune_name": "Xã Vĩnh Thủy",
                "email": "ubnd@vinhthuy.gov.vn",
                "website_links": inline_formset(
                    [{"title": payload[:200], "url": "https://quangtri.gov.vn/"}]
                ),
                field: payload,
            }
        )
        response = client.post(url, data)
        assert response.status_code in (200, 302)
        html = client.get("/", HTTP_HOST="vinhthuy.localhost").content.decode()
        assert not raw_in(html), (field, payload)
    assert CommuneSettings.for_site(site).commune_name


def test_website_link_refuses_javascript_and_data_urls(client, admin, site):
    url = reverse("wagtailsettings:edit", args=["portal", "communesettings", site.pk])
    for bad in ("javascript:alert(1)", "data:text/html,<script>alert(1)</script>"):
        data = nested_form_data(
            {
                "commune_name": "Xã Vĩnh Thủy",
                "website_links": inline_formset([{"title": "Lạ", "url": bad}]),
            }
        )
        response = client.post(url, data)
        assert response.status_code == 200
        assert not CommuneSettings.for_site(site).website_links.exists()


PUBLIC_PAYLOADS = [
    *PAYLOADS[:7],
    "%00",
    "1' AND SLEEP(5)--",
    "-1",
    "99999999999999999999",
]


def test_public_get_parameters_never_break_or_reflect(client, article):
    urls = ["/", article.get_parent().url, article.url, "/tim-kiem/"]
    for url in urls:
        for name in ("q", "page", "type", "year", "field", "sort"):
            for payload in PUBLIC_PAYLOADS:
                response = client.get(
                    url, {name: payload}, HTTP_HOST="vinhthuy.localhost"
                )
                assert response.status_code in (200, 301, 302, 400, 404), (url, name)
                assert not raw_in(response.content.decode(errors="replace")), (
                    url,
                    name,
                    payload,
                )
