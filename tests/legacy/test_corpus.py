# ruff: noqa: E501 (HTML and feed samples read better on one line each)
"""The extractor against the corpus: every field scored, thresholds kept here."""

from collections import defaultdict
from pathlib import Path

import pytest

from congxa.legacy.decoding import decode_bytes
from congxa.legacy.extraction import NoArticle, extract_article
from congxa.legacy.profiles import GENERIC
from congxa.legacy.scoring import Score, corpus_pages, field_results, from_article
from tests.legacy.sitegen import FAMILIES

CORPUS = Path(__file__).resolve().parent / "corpus"
FIELDS_THRESHOLD = 0.95


def _score(profile=None) -> dict[str, Score]:
    scores: dict[str, Score] = defaultdict(Score)
    for path, want in corpus_pages(CORPUS):
        html = decode_bytes(path.read_bytes())
        article = extract_article(html, f"http://xa.example/{path.name}", profile)
        scores[want["family"]].add(field_results(from_article(article), want))
        scores["all"].add(field_results(from_article(article), want))
    return scores


def test_every_family_is_in_the_corpus():
    families = {want["family"] for _, want in corpus_pages(CORPUS)}
    # The six platform families, and pages of layouts no profile knows.
    assert families == {*FAMILIES, "generic"}


def test_fields_right_over_the_corpus():
    scores = _score()
    assert scores["all"].fields_right >= FIELDS_THRESHOLD
    for family in (*FAMILIES, "generic"):
        assert scores[family].fields_right >= 0.9, family


def test_no_furniture_in_any_body():
    assert _score()["all"].no_furniture == 1.0


def test_generic_rules_alone_hold_up():
    """Unknown layouts get the general rules only: they must still do well."""
    scores = _score(GENERIC)
    assert scores["all"].fields_right >= 0.9
    assert scores["all"].no_furniture == 1.0


def test_profiles_are_detected_from_fingerprints():
    for path, want in corpus_pages(CORPUS):
        article = extract_article(decode_bytes(path.read_bytes()), "http://xa.example/")
        if want["family"] in FAMILIES:
            assert article.profile == want["family"], path.name


@pytest.mark.parametrize(
    "html",
    [
        "",
        "<html><body><ul>"
        + "".join(f'<li><a href="/t/{n}">Tin {n}</a></li>' for n in range(30))
        + "</ul></body></html>",
        "<html><body><form><input name=q></form><p>Không tìm thấy kết quả.</p></body></html>",
    ],
)
def test_pages_without_article(html):
    with pytest.raises(NoArticle):
        extract_article(html)


def test_header_today_date_and_wrong_metadata_lose_to_the_visible_date():
    html = """<html><head><title>Xem chi tiết bài viết</title>
    <meta property="article:published_time" content="2020-01-01T00:00:00+07:00"></head><body>
    <div class="top"><span>Hôm nay: Thứ Ba, 01/12/2026</span></div>
    <div class="content"><h1>Đại hội Chi bộ thôn Linh Hải nhiệm kỳ 2025 - 2027</h1>
    <div class="info">15/03/2024 - 09:05</div>
    <p>Chi bộ thôn Linh Hải đã tổ chức thành công đại hội nhiệm kỳ 2025 - 2027 với sự tham dự của 40 đảng viên.</p>
    <p>Đại hội đã bầu Ban Chi ủy gồm 3 đồng chí và bầu đồng chí Nguyễn Văn Nam giữ chức Bí thư Chi bộ.</p>
    <p>Nguyễn Hòa</p></div></body></html>"""
    article = extract_article(html)
    assert article.title == "Đại hội Chi bộ thôn Linh Hải nhiệm kỳ 2025 - 2027"
    assert article.published.isoformat() == "2024-03-15T09:05:00"
    assert article.signature == "Nguyễn Hòa"
    assert len(article.paragraphs) == 2


def test_main_column_named_right_and_link_lists_in_the_body():
    paragraphs = "".join(
        f"<p>Đoạn thứ {n} của bài viết về công tác cải cách hành chính tại xã, "
        "với nhiều kết quả đáng ghi nhận trong năm qua.</p>"
        for n in range(1, 4)
    )
    links = "".join(
        f'<li><a href="/t/{n}">Tin số {n} của xã</a></li>' for n in range(5)
    )
    html = f"""<html><body><div class="left"><ul class="menu"><li><a href="/">Trang chủ</a></li></ul></div>
    <div class="right"><div class="box"><h2 class="title">Xã đẩy mạnh cải cách hành chính năm 2025</h2>
    <div class="date">Thứ Ba, 05/08/2025 08:00</div>
    <div class="right content">{paragraphs}<ul>{links}</ul><p class="right">Văn phòng UBND xã</p></div>
    </div></div></body></html>"""
    article = extract_article(html)
    assert article.title == "Xã đẩy mạnh cải cách hành chính năm 2025"
    assert len(article.paragraphs) == 3
    assert article.signature == "Văn phòng UBND xã"
    assert "Tin số" not in article.body_text


def test_only_the_header_today_date_is_no_date():
    from datetime import datetime

    from congxa.vi.dates import weekday_name

    today = datetime.now()
    html = f"""<html><body><div class="wrap"><span>{weekday_name(today)}, {today:%d/%m/%Y}</span></div>
    <div><h1>Xã tổ chức lễ phát động Tết trồng cây đời đời nhớ ơn Bác Hồ</h1>
    <p>Sáng nay, xã tổ chức lễ phát động Tết trồng cây với sự tham gia của đông đảo đoàn viên thanh niên.</p>
    <p>Đã có hơn 2.000 cây xanh được trồng dọc các tuyến đường liên thôn và trong khuôn viên trường học.</p>
    </div></body></html>"""
    article = extract_article(html)
    assert article.published is None
    assert "no_date" in article.warnings


def test_site_name_heading_is_not_the_headline():
    html = """<html><head><title>Chi tiết tin - Phường Đông Lương, tỉnh Quảng Trị</title></head><body>
    <div id="top"><h1>Phường Đông Lương, tỉnh Quảng Trị</h1></div>
    <div class="main"><div class="tieude_tin">Phường Đông Lương tổ chức ngày hội đại đoàn kết toàn dân tộc</div>
    <div class="ngay">Cập nhật lúc: 10:15 | 18/11/2024</div>
    <div class="noi_dung"><p>Sáng 18/11, khu phố 3 phường Đông Lương tổ chức ngày hội đại đoàn kết toàn dân tộc năm 2024.</p>
    <p>Ngày hội có nhiều hoạt động văn hóa, thể thao sôi nổi thu hút đông đảo người dân tham gia.</p>
    <p><em>Hồng Nhung</em></p></div></div></body></html>"""
    article = extract_article(html)
    assert (
        article.title == "Phường Đông Lương tổ chức ngày hội đại đoàn kết toàn dân tộc"
    )
    assert article.published.isoformat() == "2024-11-18T10:15:00"
    assert article.signature == "Hồng Nhung"


def test_category_page_with_teasers_is_no_article():
    items = "".join(
        f'<div class="item"><h3><a href="/tin/{n}">Tin hoạt động số {n} của Ủy ban nhân dân xã trong tháng</a></h3>'
        f"<p>Tóm tắt nội dung của tin số {n}, kể lại những việc chính quyền xã đã làm trong tuần qua.</p></div>"
        for n in range(8)
    )
    html = f"<html><head><title>Tin tức</title></head><body><h1>Tin tức</h1><div class='list'>{items}</div></body></html>"
    with pytest.raises(NoArticle):
        extract_article(html)


def test_generic_library_reads_what_the_rules_find_nothing_in():
    from congxa.legacy.extraction import generic_library_html

    html = """<html><head><title>Hội nghị triển khai công tác năm 2025 - Xã An Phú</title></head><body>
    <span><b>Hội nghị triển khai công tác năm 2025</b></span><br><span>15/01/2025</span><br>
    <span>Ngày 15/1, UBND xã tổ chức hội nghị triển khai nhiệm vụ công tác năm 2025 với sự tham dự của cán bộ, công chức.</span><br><br>
    <span>Hội nghị đã thống nhất các chỉ tiêu chủ yếu về phát triển kinh tế - xã hội, quốc phòng, an ninh trong năm.</span></body></html>"""
    holder = generic_library_html(html)
    assert "Hội nghị đã thống nhất" in holder.text_content()
    article = extract_article(html)
    assert article.title == "Hội nghị triển khai công tác năm 2025"
    assert article.published.isoformat() == "2025-01-15T00:00:00"
    assert any("Hội nghị đã thống nhất" in p.text for p in article.paragraphs)
