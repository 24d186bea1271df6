"""Feeds read by a real feed parser, checked against the RSS 2.0 and Atom rules."""

import email.utils
import re
from datetime import datetime

import feedparser
import pytest
from lxml import etree

ATOM = "{http://www.w3.org/2005/Atom}"
FEEDS = ["/rss/", "/rss/chuyen-muc/tin-tuc/", "/rss/van-ban/", "/rss/hoi-dap/"]
RFC3339 = re.compile(
    r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"
)


def parsed(get, url):
    response = get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, f"{url}: {feed.get('bozo_exception')}"
    return response, feed


@pytest.mark.parametrize("url", FEEDS)
def test_rss_feed_has_the_required_elements_and_rfc822_dates(commune, get, url):
    response, feed = parsed(get, url)
    assert response["Content-Type"].startswith("application/rss+xml")
    assert feed.version == "rss20"
    root = etree.fromstring(response.content)
    channel = root.find("channel")
    for name in ("title", "link", "description"):
        assert channel.findtext(name), f"{url}: channel has no {name}"
    assert channel.findtext("language") == "vi"
    items = channel.findall("item")
    assert items, url
    for item in items:
        assert item.findtext("title") and item.findtext("link")
        pub_date = item.findtext("pubDate")
        parsed_date = email.utils.parsedate_to_datetime(pub_date)
        assert parsed_date.tzinfo is not None
        assert pub_date.endswith("+0700")  # Asia/Ho_Chi_Minh


@pytest.mark.parametrize("url", [u.replace("/rss/", "/atom/") for u in FEEDS])
def test_atom_feed_has_the_required_elements_and_rfc3339_dates(commune, get, url):
    response, feed = parsed(get, url)
    assert response["Content-Type"].startswith("application/atom+xml")
    assert feed.version == "atom10"
    root = etree.fromstring(response.content)
    for name in ("id", "title", "updated"):
        assert root.findtext(ATOM + name), f"{url}: feed has no {name}"
    assert RFC3339.match(root.findtext(ATOM + "updated"))
    assert root.find(ATOM + "author/" + ATOM + "name") is not None
    entries = root.findall(ATOM + "entry")
    assert entries
    for entry in entries:
        for name in ("id", "title", "updated"):
            assert entry.findtext(ATOM + name), f"{url}: entry has no {name}"
        assert RFC3339.match(entry.findtext(ATOM + "updated"))
        assert entry.find(ATOM + "link").get("href").startswith("http://")


def test_news_feed_has_vietnamese_titles_summaries_and_the_image(commune, get):
    _response, feed = parsed(get, "/rss/")
    assert feed.feed.title == "Tin tức - Xã Vĩnh Thủy"
    titles = [entry.title for entry in feed.entries]
    assert commune.article.title in titles
    entry = next(e for e in feed.entries if e.title == commune.article.title)
    assert entry.summary == commune.article.lead
    assert entry.link == "http://vinhthuy.localhost/tin-tuc/hoi-nghi-tong-ket/"
    published = datetime(*entry.published_parsed[:6])
    assert abs((published - commune.article.date.replace(tzinfo=None)).days) <= 1
    with_image = next(e for e in feed.entries if e.title == commune.image_article.title)
    (enclosure,) = with_image.enclosures
    assert enclosure.type == "image/jpeg"
    assert int(enclosure.length) > 0
    assert enclosure.href.startswith("http://vinhthuy.localhost/media/")


def test_feeds_never_carry_drafts_or_private_pages(commune, get):
    for url in ("/rss/", "/atom/", "/rss/chuyen-muc/tin-tuc/"):
        body = get(url).content.decode()
        assert commune.private_article.title not in body
        assert commune.draft_article.title not in body


def test_answers_feed_has_published_answers_without_personal_data(commune, get):
    response, feed = parsed(get, "/rss/hoi-dap/")
    assert [e.title for e in feed.entries] == [commune.answer.title]
    assert feed.entries[0].link.endswith(f"/hoi-dap/{commune.answer.pk}/")
    body = response.content.decode()
    assert commune.unpublished.title not in body
    for personal in ("Nguyễn Văn An", "0912345678", "an.nguyen@example.com"):
        assert personal not in body


def test_documents_feed_names_type_and_number(commune, get):
    _response, feed = parsed(get, "/atom/van-ban/")
    assert feed.entries[0].title.startswith("Quyết định 15/2025/QĐ-UBND: Về việc")


def test_unknown_section_feed_is_not_found(commune, get):
    assert get("/rss/chuyen-muc/khong-co/").status_code == 404


def test_other_commune_feed_does_not_show_this_communes_news(
    commune, other_site, client
):
    response = client.get("/rss/", HTTP_HOST="giolinh.localhost")
    assert response.status_code == 200
    assert commune.article.title not in response.content.decode()


def test_feed_is_renewed_after_publishing(
    commune, get, django_capture_on_commit_callbacks
):
    assert get("/rss/").status_code == 200
    assert get("/rss/")["X-Cache"] == "HIT"
    with django_capture_on_commit_callbacks(execute=True):
        commune.draft_article.save_revision().publish()
    body = get("/rss/").content.decode()
    assert commune.draft_article.title in body


def test_pages_announce_their_feeds(commune, get):
    html = get(commune.article.url).content.decode()
    assert 'type="application/rss+xml" title="Tin tức (RSS)" href="/rss/"' in html
    assert 'href="/rss/chuyen-muc/tin-tuc/"' in html
    assert 'href="/atom/chuyen-muc/tin-tuc/"' in html
    assert 'href="/rss/van-ban/"' in get(commune.decision.url).content.decode()
