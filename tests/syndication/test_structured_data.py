"""JSON-LD read by extruct (what search engines parse), Open Graph and Twitter
tags, and the sitemap against the sitemaps.org schema."""

from pathlib import Path
from urllib.parse import urlsplit

import extruct
import pytest
from lxml import etree

SITEMAP_XSD = Path(__file__).with_name("sitemap.xsd")
BASE = "http://vinhthuy.localhost"

REQUIRED = {
    "GovernmentOrganization": {"name", "url", "address", "telephone", "email", "logo"},
    "NewsArticle": {
        "headline",
        "datePublished",
        "dateModified",
        "author",
        "publisher",
        "url",
    },
    "Legislation": {
        "name",
        "legislationIdentifier",
        "legislationType",
        "legislationPassedBy",
        "legislationDate",
        "legislationDateOfApplicability",
        "legislationLegalForce",
    },
    "GovernmentService": {"name", "serviceOperator", "audience", "url"},
    "BreadcrumbList": {"itemListElement"},
}


def path_of(page) -> str:
    return urlsplit(page.url).path


def json_ld(get, url) -> dict[str, dict]:
    response = get(url)
    assert response.status_code == 200, url
    data = extruct.extract(
        response.content.decode(), base_url=BASE + url, syntaxes=["json-ld"]
    )["json-ld"]
    by_type = {}
    for item in data:
        assert item["@context"] == "https://schema.org"
        by_type[item["@type"]] = item
    for type_name, item in by_type.items():
        missing = REQUIRED.get(type_name, set()) - set(item)
        assert not missing, f"{url}: {type_name} lacks {missing}"
    return by_type


def page_urls(commune) -> dict[str, str]:
    return {
        "home": "/",
        "section": path_of(commune.section),
        "article": path_of(commune.article),
        "documents": path_of(commune.documents),
        "document": path_of(commune.decision),
        "procedures": path_of(commune.procedures),
        "procedure": path_of(commune.procedures) + "1.001193/",
        "questions": path_of(commune.qa_page),
        "contact": path_of(commune.contact),
    }


EXPECTED = {
    "home": "GovernmentOrganization",
    "article": "NewsArticle",
    "document": "Legislation",
    "procedure": "GovernmentService",
    "contact": "GovernmentOrganization",
}


@pytest.mark.parametrize(
    "kind",
    [
        "home",
        "section",
        "article",
        "documents",
        "document",
        "procedures",
        "procedure",
        "questions",
        "contact",
    ],
)
def test_every_page_kind_has_its_json_ld_and_breadcrumbs(commune, get, kind):
    by_type = json_ld(get, page_urls(commune)[kind])
    assert "BreadcrumbList" in by_type
    if kind in EXPECTED:
        assert EXPECTED[kind] in by_type


def test_article_json_ld_names_the_signature_and_the_commune(commune, get):
    article = json_ld(get, commune.image_article.url)["NewsArticle"]
    assert article["headline"] == commune.image_article.title
    assert article["author"] == {"@type": "Person", "name": "BBT"}
    assert article["publisher"]["name"] == "Ủy ban nhân dân xã Vĩnh Thủy"
    assert article["datePublished"].endswith("+07:00")
    assert article["image"][0].startswith(BASE + "/media/")
    crumbs = json_ld(get, commune.article.url)["BreadcrumbList"]["itemListElement"]
    assert [c["name"] for c in crumbs] == [
        "Trang chủ",
        "Tin tức - Sự kiện",
        commune.article.title,
    ]
    assert crumbs[-1]["item"] == BASE + path_of(commune.article)


def test_legislation_json_ld_has_number_issuer_dates_and_force(commune, get):
    law = json_ld(get, commune.decision.url)["Legislation"]
    assert law["legislationIdentifier"] == "15/2025/QĐ-UBND"
    assert law["legislationType"] == "Quyết định"
    assert law["legislationPassedBy"]["name"] == "Ủy ban nhân dân xã Vĩnh Thủy"
    assert law["legislationDate"] == "2025-03-12"
    assert law["legislationDateOfApplicability"] == "2025-03-22"
    assert law["legislationLegalForce"] == "InForce"


def test_procedure_json_ld_links_the_online_service(commune, get):
    url = path_of(commune.procedures) + "1.001193/"
    service = json_ld(get, url)["GovernmentService"]
    assert service["identifier"] == "1.001193"
    assert service["availableChannel"]["serviceUrl"].startswith("https://")
    crumbs = json_ld(get, url)["BreadcrumbList"]["itemListElement"]
    assert crumbs[-1]["name"] == service["name"]


def test_organisation_json_ld_has_address_and_parent(commune, get):
    organisation = json_ld(get, "/")["GovernmentOrganization"]
    assert organisation["address"]["streetAddress"].startswith("Thôn Duy Viên")
    assert organisation["parentOrganization"]["name"] == "Tỉnh Quảng Trị"
    assert organisation["email"] == "ubnd.vinhthuy@quangtri.gov.vn"


def test_json_ld_cannot_break_out_of_its_script(commune, get):
    commune.article.title = "Tin </script><script>alert(1)</script>"
    commune.article.save_revision().publish()
    html = get(commune.article.url).content.decode()
    assert "<script>alert(1)" not in html
    assert json_ld(get, commune.article.url)["NewsArticle"]["headline"].startswith(
        "Tin </script>"
    )


@pytest.mark.parametrize("kind", ["home", "article", "document", "procedure"])
def test_open_graph_and_twitter_tags_on_every_page_kind(commune, get, kind):
    url = page_urls(commune)[kind]
    data = extruct.extract(
        get(url).content.decode(), base_url=BASE + url, syntaxes=["opengraph"]
    )["opengraph"]
    properties = dict(data[0]["properties"])
    for name in ("og:type", "og:title", "og:description", "og:url", "og:locale"):
        assert properties.get(name), f"{url}: no {name}"
    assert properties["og:url"] == BASE + url
    html = get(url).content.decode()
    assert '<meta name="twitter:card"' in html
    assert '<meta name="twitter:title"' in html


def test_article_with_image_has_a_large_card(commune, get):
    html = get(commune.image_article.url).content.decode()
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert '<meta property="og:image" content="http://vinhthuy.localhost/media/' in html


def test_articles_and_documents_have_share_links_and_print(commune, get):
    for url in (commune.article.url, commune.decision.url):
        html = get(url).content.decode()
        assert "https://www.facebook.com/sharer/sharer.php?u=http%3A%2F%2F" in html
        assert "https://button-share.zalo.me/share_external?" in html
        assert "Nguồn:" in html or "Địa chỉ:" in html
    assert "data-print" in get(commune.article.url).content.decode()


def test_sitemap_validates_against_the_sitemaps_schema(commune, get):
    response = get("/sitemap.xml")
    assert response.status_code == 200
    schema = etree.XMLSchema(etree.parse(str(SITEMAP_XSD)))
    document = etree.fromstring(response.content)
    assert schema.validate(document), schema.error_log
    locations = [
        loc.text
        for loc in document.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    ]
    assert BASE + path_of(commune.article) in locations
    assert BASE + path_of(commune.private_article) not in locations
