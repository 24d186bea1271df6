# ruff: noqa: E501 (HTML and feed samples read better on one line each)
import csv
import shutil
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from congxa.news.factories import NewsIndexPageFactory
from congxa.news.models import ArticlePage
from tests.legacy.server import LegacySite
from tests.legacy.sitegen import MIRROR_DIR, STORIES

HOST = "vinhthuy.localhost"


@pytest.fixture
def sections(home):
    return {
        slug: NewsIndexPageFactory(parent=home, title=title, slug=slug)
        for slug, title in [
            ("tin-tuc-su-kien", "Tin tức - Sự kiện"),
            ("thong-bao", "Thông báo"),
            ("xay-dung-dang", "Xây dựng Đảng"),
        ]
    }


def run(*args, **options) -> str:
    out = StringIO()
    call_command(
        "import_site", *args, site=HOST, stdout=out, stderr=StringIO(), **options
    )
    return out.getvalue()


def test_mirror_is_imported_into_sections_with_pictures_and_redirects(
    sections, tmp_path, client
):
    report = tmp_path / "report.csv"
    output = run(
        str(MIRROR_DIR),
        publish=True,
        report=str(report),
        state_file=str(tmp_path / "s"),
    )
    assert "Đã nhập: 6" in output
    articles = ArticlePage.objects.live().exclude(source_url="")
    assert articles.count() == 6
    notice = articles.get(title=STORIES[2].title)
    assert notice.get_parent().slug == "thong-bao"
    party = articles.get(title=STORIES[0].title)
    assert party.get_parent().slug == "xay-dung-dang"
    assert party.signature == "BBT" and party.view_count == 1284
    assert party.date.isoformat() == "2026-02-11T14:40:00+00:00"
    [image] = [b for b in party.body if b.block_type == "image"]
    assert image.value["caption"] == STORIES[0].captions[0]
    assert image.value["image"].contextual_alt_text == STORIES[0].captions[0]
    # Seven pictures in the pages, three of them the same file: stored as five.
    assert get_image_model().objects.count() == 5
    assert get_document_model().objects.count() == 1
    assert 'linktype="document"' in str(notice.body.raw_data)
    # Lists keep the old order.
    section = sections["tin-tuc-su-kien"]
    dates = list(section.articles().values_list("date", flat=True))
    assert dates == sorted(dates, reverse=True)
    # Old links keep working.
    assert Redirect.objects.count() == 6
    response = client.get("/news/bai-viet-1.html", HTTP_HOST=HOST)
    assert response.status_code == 301
    assert response["Location"].endswith(party.url_path.split("/", 2)[2])
    page = client.get(party.url, HTTP_HOST=HOST)
    html = page.content.decode()
    assert "Lượt xem: 1284" in html
    assert party.featured_image_id == image.value["image"].pk
    assert html.count("article__figure") == 0  # the picture is shown once, in the body
    listing = client.get(section.url, HTTP_HOST=HOST).content.decode()
    assert listing.count("card__image") >= 4
    rows = list(csv.reader(report.open(encoding="utf-8-sig")))
    assert rows[0][1] == "Tình trạng"
    assert len(rows) == 8
    first = [r for r in rows if r[0] == "/news/bai-viet-1.html"][0]
    assert first[9] == "/" + party.url_path.split("/", 2)[2]
    skipped = [r for r in rows if r[0] == "/news/"][0]
    assert "Không có tin bài" in skipped[8]


def test_second_run_changes_nothing(sections, tmp_path):
    run(str(MIRROR_DIR), publish=True, state_file=str(tmp_path / "s"))
    revisions = [a.latest_revision_id for a in ArticlePage.objects.order_by("pk")]
    output = run(str(MIRROR_DIR), publish=True, state_file=str(tmp_path / "s"))
    assert "không đổi: 6" in output
    assert [
        a.latest_revision_id for a in ArticlePage.objects.order_by("pk")
    ] == revisions
    assert get_image_model().objects.count() == 5


def test_changed_page_is_updated(sections, tmp_path):
    mirror = tmp_path / "mirror"
    shutil.copytree(MIRROR_DIR, mirror)
    run(str(mirror), state_file=str(tmp_path / "s"))
    page = mirror / "news" / "bai-viet-1.html"
    page.write_bytes(
        page.read_bytes().replace("lá chắn".encode(), "tấm lá chắn".encode())
    )
    output = run(str(mirror), state_file=str(tmp_path / "s"))
    assert "cập nhật: 1" in output and "không đổi: 5" in output
    assert ArticlePage.objects.count() == 6


def test_drafts_by_default(sections, tmp_path):
    run(str(MIRROR_DIR), state_file=str(tmp_path / "s"))
    assert ArticlePage.objects.count() == 6
    assert not ArticlePage.objects.live().exists()


def test_dry_run_changes_nothing(sections, tmp_path):
    output = run(str(MIRROR_DIR), dry_run=True)
    assert "Chạy thử" in output and "Đã nhập: 6" in output
    assert "đã nhập: /news/bai-viet-1.html -> " + STORIES[0].title in output
    assert not ArticlePage.objects.exists()
    assert not Redirect.objects.exists()
    assert not get_image_model().objects.exists()


def test_unknown_section_in_mapping_stops_before_anything(sections, tmp_path):
    mapping = tmp_path / "map.yaml"
    mapping.write_text(
        "default: tin-tuc-su-kien\nrules:\n  - {path: /news/, section: khong-co}\n"
    )
    with pytest.raises(CommandError, match="Chuyên mục không có"):
        run(str(MIRROR_DIR), mapping=str(mapping))
    assert not ArticlePage.objects.exists()


def test_csv_mapping_and_map_option(sections, tmp_path):
    mapping = tmp_path / "map.csv"
    mapping.write_text(
        "pattern,section\n/thong-bao/,thong-bao\n*,xay-dung-dang\n", encoding="utf-8"
    )
    run(str(MIRROR_DIR), mapping=str(mapping), state_file=str(tmp_path / "s"))
    parents = {a.get_parent().slug for a in ArticlePage.objects.all()}
    assert parents == {"thong-bao", "xay-dung-dang"}


def test_bad_pages_fail_alone_with_reasons(sections, tmp_path):
    folder = tmp_path / "site"
    shutil.copytree(MIRROR_DIR / "news", folder / "news")
    shutil.copytree(MIRROR_DIR / "uploads", folder / "uploads")
    (folder / "news" / "anh.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(3000))
    (folder / "news" / "hong.html").write_bytes(b"<html><body><div><p>Xin ch")
    (folder / "news" / "lon.html").write_bytes(b"<html><body>" + b"<p>x</p>" * 300_000)
    (folder / "uploads" / "news" / "bai-viet-1-0.jpg").write_bytes(
        b"<html>not a picture</html>"
    )
    report = tmp_path / "r.xlsx"
    with pytest.raises(CommandError, match="2 trang"):
        run(
            str(folder),
            report=str(report),
            max_size=2.0,
            state_file=str(tmp_path / "s"),
        )
    assert ArticlePage.objects.count() == 5
    sheet = load_workbook(report).active
    rows = {r[0]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert "không phải là trang web" in rows["/news/anh.html"][8]
    assert "quá lớn" in rows["/news/lon.html"][8]
    assert rows["/news/hong.html"][1] == "bỏ qua"
    assert "không phải là ảnh" in rows["/news/bai-viet-1.html"][7]


def test_resume_skips_pages_done(sections, tmp_path):
    state = tmp_path / "state.jsonl"
    run(str(MIRROR_DIR), state_file=str(state))
    ArticlePage.objects.all().delete()
    output = run(str(MIRROR_DIR), state_file=str(state), resume=True)
    assert "Đã xong ở lần chạy trước: 7" in output
    assert not ArticlePage.objects.exists()


def test_sitemap_over_http(sections, tmp_path):
    legacy = LegacySite().start()
    try:
        output = run(
            f"{legacy.base}/sitemap.xml",
            delay=0.0,
            publish=True,
            state_file=str(tmp_path / "s"),
        )
    finally:
        legacy.stop()
    assert "Đã nhập: 6" in output
    assert get_image_model().objects.count() == 5
    assert ArticlePage.objects.filter(
        source_url=f"{legacy.base}/news/bai-viet-1.html"
    ).exists()


def test_failing_urls_are_reported(sections, tmp_path):
    legacy = LegacySite().start()
    urls = tmp_path / "urls.txt"
    urls.write_text(
        "\n".join(
            f"{legacy.base}{p}"
            for p in [
                "/news/bai-viet-1.html",
                "/error.html",
                "/loop-a.html",
                "/binary.html",
            ]
        )
    )
    try:
        with pytest.raises(CommandError, match="3 trang"):
            run(str(urls), delay=0.0, retries=0, state_file=str(tmp_path / "s"))
    finally:
        legacy.stop()
    assert ArticlePage.objects.count() == 1


WXR = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Xã cũ</title>
<item><title>Thông báo lịch tiêm chủng mở rộng tháng 4</title>
<link>http://xacu.example/2024/04/lich-tiem-chung/</link><dc:creator>tramyte</dc:creator>
<category domain="category" nicename="thong-bao"><![CDATA[Thông báo]]></category>
<content:encoded><![CDATA[Trạm Y tế xã thông báo lịch tiêm chủng mở rộng tháng 4 năm 2024 cho trẻ em dưới 5 tuổi.

Thời gian tiêm từ ngày 10 đến ngày 12 hằng tháng, tại Trạm Y tế xã.

<strong>Trạm Y tế xã</strong>]]></content:encoded>
<wp:post_id>12</wp:post_id><wp:post_date>2024-04-02 08:30:00</wp:post_date>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
<item><title>Giới thiệu</title><link>http://xacu.example/gioi-thieu/</link>
<content:encoded><![CDATA[Trang giới thiệu]]></content:encoded>
<wp:status>publish</wp:status><wp:post_type>page</wp:post_type></item>
</channel></rss>"""


def test_wordpress_export(sections, tmp_path):
    export = tmp_path / "export.xml"
    export.write_text(WXR, encoding="utf-8")
    run(str(export), state_file=str(tmp_path / "s"))
    [article] = ArticlePage.objects.all()
    assert article.title == "Thông báo lịch tiêm chủng mở rộng tháng 4"
    assert article.get_parent().slug == "thong-bao"
    assert article.signature == "Trạm Y tế xã"
    assert article.date.isoformat() == "2024-04-02T01:30:00+00:00"
    assert Redirect.objects.get().old_path == "/2024/04/lich-tiem-chung"


def test_unknown_site_and_profile(sections):
    with pytest.raises(CommandError, match="Không có trang xã nào"):
        call_command(
            "import_site", str(MIRROR_DIR), site="nowhere.example", stdout=StringIO()
        )
    with pytest.raises(CommandError, match="hồ sơ nền tảng"):
        run(str(MIRROR_DIR), profile="joomla")


def test_page_cache_is_invalidated_once_per_import(
    sections, tmp_path, django_capture_on_commit_callbacks
):
    from congxa.portal.invalidation import generation_bumped

    keys = []

    def seen(sender, key, **kwargs):
        keys.append(key)

    generation_bumped.connect(seen)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            run(str(MIRROR_DIR), publish=True, state_file=str(tmp_path / "s"))
    finally:
        generation_bumped.disconnect(seen)
    site_key = f"congxa:gen:site:{sections['thong-bao'].get_site().pk}"
    assert keys.count(site_key) == 1
