"""The public “Văn bản” list and document pages."""

import datetime
import re

import pytest
from django.utils import timezone

from congxa.documents.enums import DocumentStatus
from congxa.documents.factories import (
    DocumentIndexPageFactory,
    LegalDocumentAttachmentFactory,
    LegalDocumentPageFactory,
)

from .conftest import HOST, OTHER_HOST

pytestmark = pytest.mark.django_db


def path_of(page):
    return page.relative_url(page.get_site())


def get(client, url, host=HOST):
    return client.get(url, HTTP_HOST=host)


def test_list_shows_documents_newest_issue_date_first(client, decision, plan):
    response = get(client, "/van-ban/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "15/2025/QĐ-UBND" in html
    assert "09/KH-UBND" in html
    assert html.index("15/2025/QĐ-UBND") < html.index("09/KH-UBND")
    assert "Quyết định" in html
    assert "12-3-2025" in html


def test_list_has_title_and_meta_description(client, decision):
    html = get(client, "/van-ban/").content.decode()
    assert "<title>Văn bản - Xã Vĩnh Thủy</title>" in html
    assert '<meta name="description" content="' in html
    assert 'content=""' not in html


def test_list_filters_by_type(client, decision, plan):
    html = get(client, "/van-ban/?type=ke-hoach").content.decode()
    assert "09/KH-UBND" in html
    assert "15/2025/QĐ-UBND" not in html


def test_list_filters_by_field(client, decision, plan):
    html = get(client, "/van-ban/?field=dat-dai").content.decode()
    assert "15/2025/QĐ-UBND" in html
    assert "09/KH-UBND" not in html


def test_list_filters_by_issuer(client, decision, plan):
    url = "/van-ban/?issuer=Ban+Chỉ+huy+phòng+chống+thiên+tai+xã"
    html = get(client, url).content.decode()
    assert "09/KH-UBND" in html
    assert "15/2025/QĐ-UBND" not in html


def test_list_filters_by_year(client, decision, plan):
    html = get(client, "/van-ban/?year=2024").content.decode()
    assert "09/KH-UBND" in html
    assert "15/2025/QĐ-UBND" not in html


def test_list_offers_only_years_that_have_documents(client, decision, plan):
    html = get(client, "/van-ban/").content.decode()
    assert '<option value="2024">2024</option>' in html
    assert '<option value="2025">2025</option>' in html
    assert '<option value="2023">' not in html


@pytest.mark.parametrize(
    "query",
    [
        "year=abc",
        "year=99999999999999999999",
        "type=khong-co",
        "field=%00",
        "issuer=Nobody",
        "page=abc",
        "year=2025&type[]=x",
        "q=" + "x" * 500,
    ],
)
def test_nonsense_filters_never_fail(client, decision, plan, query):
    response = get(client, f"/van-ban/?{query}")
    assert response.status_code == 200
    # A bad filter is dropped: the list is shown unfiltered.
    assert "15/2025/QĐ-UBND" in response.content.decode() or "x" * 200 in query


def test_page_past_the_end_is_not_found(client, decision):
    assert get(client, "/van-ban/?page=9").status_code == 404


def test_search_matches_number_and_symbol(client, decision, plan):
    html = get(client, "/van-ban/?q=15/2025").content.decode()
    assert "15/2025/QĐ-UBND" in html
    assert "09/KH-UBND" not in html


def test_search_matches_summary_without_diacritics(client, decision, plan):
    html = get(client, "/van-ban/?q=dat+cong+ich").content.decode()
    assert "15/2025/QĐ-UBND" in html
    assert "09/KH-UBND" not in html


def test_search_matches_with_diacritics_and_any_case(client, decision, plan):
    html = get(client, "/van-ban/?q=THIÊN+TAI").content.decode()
    assert "09/KH-UBND" in html
    assert "15/2025/QĐ-UBND" not in html


def test_search_with_no_match_says_so(client, decision):
    html = get(client, "/van-ban/?q=không+có+văn+bản+này").content.decode()
    assert "15/2025/QĐ-UBND" not in html
    assert 'class="empty"' in html


def test_pagination_keeps_the_filters(client, index, ke_hoach):
    for _n in range(17):
        LegalDocumentPageFactory(parent=index, document_type=ke_hoach)
    html = get(client, "/van-ban/?type=ke-hoach").content.decode()
    assert "?page=2&amp;type=ke-hoach" in html
    second = get(client, "/van-ban/?page=2&type=ke-hoach")
    assert second.status_code == 200


def _count_list_queries(client, url):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert get(client, url).status_code == 200
    return len(queries)


def test_list_queries_do_not_grow_with_the_number_of_documents(
    client, index, ke_hoach, dat_dai
):
    url = "/van-ban/?type=ke-hoach&year=2025&q=ke+hoach"
    LegalDocumentPageFactory(parent=index, document_type=ke_hoach, field=dat_dai)
    get(client, url)  # warm Wagtail's per-process caches
    few = _count_list_queries(client, url)
    for _n in range(20):
        LegalDocumentPageFactory(parent=index, document_type=ke_hoach, field=dat_dai)
    many = _count_list_queries(client, url)
    assert many == few
    # The base template (site, settings, menu, banner) takes about ten of them.
    assert many <= 20


def test_detail_shows_every_field(client, decision):
    response = get(client, decision.url)
    html = response.content.decode()
    assert response.status_code == 200
    for text in (
        "Quyết định",
        "15/2025/QĐ-UBND",
        "Về việc ban hành Quy chế quản lý đất công ích xã Vĩnh Thủy",
        "Ủy ban nhân dân xã Vĩnh Thủy",
        "Đất đai",
        "12-3-2025",
        "22-3-2025",
        "Chủ tịch Lê Văn Hùng",
        "Quyết định 15-2025-QĐ-UBND.pdf",
    ):
        assert text in html


def test_detail_has_meta_description_from_type_number_and_summary(client, decision):
    html = get(client, decision.url).content.decode()
    assert (
        '<meta name="description" content="Quyết định 15/2025/QĐ-UBND Về việc' in html
    )


def test_detail_shows_replacement_both_ways(client, decision, index, quyet_dinh):
    newer = LegalDocumentPageFactory(
        parent=index, document_type=quyet_dinh, number="30/2026/QĐ-UBND"
    )
    decision.replaced_by = newer
    decision.save_revision().publish()
    html = get(client, decision.url).content.decode()
    assert "30/2026/QĐ-UBND" in html
    assert f'href="{path_of(newer)}"' in html
    newer_html = get(client, newer.url).content.decode()
    assert "15/2025/QĐ-UBND" in newer_html


def test_detail_can_be_printed_without_javascript(client, decision):
    html = get(client, decision.url).content.decode()
    assert 'href="?print=1"' in html
    assert 'class="print-only' in html
    assert decision.full_url in html
    printed = get(client, decision.url + "?print=1")
    printed_html = printed.content.decode()
    assert printed.status_code == 200
    assert 'class="print-view"' in printed_html
    assert '<meta name="robots" content="noindex">' in printed_html
    # Only data (JSON-LD) and the one self-hosted script; nothing inline runs.
    for tag in re.findall(r"<script[^>]*>", printed_html):
        assert 'type="application/ld+json"' in tag or 'src="/static/congxa/' in tag
    assert "style=" not in printed_html


def test_download_has_content_type_and_vietnamese_file_name(client, decision):
    attachment = decision.attachments.get()
    response = get(client, decision.attachment_url(attachment))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert 'filename="Quyet dinh 15-2025-QD-UBND.pdf"' in disposition
    assert (
        "filename*=UTF-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%2015-2025-Q%C4%90-UBND.pdf"
        in disposition
    )
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_download_of_unknown_attachment_is_not_found(client, decision, plan):
    attachment = decision.attachments.get()
    url = plan.url + f"tep/{attachment.pk}/"
    assert get(client, url).status_code == 404
    assert get(client, decision.url + "tep/999999/").status_code == 404


def test_download_of_unpublished_document_is_not_found(client, decision):
    attachment = decision.attachments.get()
    url = decision.attachment_url(attachment)
    decision.unpublish()
    assert get(client, url).status_code == 404


def test_file_label_is_added_to_the_download_name(client, decision):
    annex = LegalDocumentAttachmentFactory(page=decision, title="Phụ lục")
    response = get(client, decision.attachment_url(annex))
    assert (
        "Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%2015-2025-Q%C4%90-UBND%20-%20Ph%E1%BB%A5%20l%E1%BB%A5c.pdf"
        in (response["Content-Disposition"])
    )


def test_open_draft_for_comment_says_so_until_its_closing_time(client, index):
    now = timezone.now()
    draft = LegalDocumentPageFactory(
        parent=index,
        number="",
        status=DocumentStatus.DRAFT_FOR_COMMENT,
        comment_opens_at=now - datetime.timedelta(days=2),
        comment_closes_at=now + datetime.timedelta(days=5),
    )
    html = get(client, draft.url).content.decode()
    assert 'id="gop-y"' in html
    assert "comment-period--open" in html
    assert timezone.localtime(draft.comment_closes_at).strftime("%H:%M") in html
    assert "badge--open" in get(client, "/van-ban/").content.decode()


def test_other_commune_cannot_see_documents(client, decision, other_site):
    other_home = other_site.root_page.specific
    other_index = DocumentIndexPageFactory(parent=other_home)
    LegalDocumentPageFactory(parent=other_index, number="77/QĐ-UBND-GL")
    own = get(client, "/van-ban/").content.decode()
    other = get(client, "/van-ban/", host=OTHER_HOST).content.decode()
    assert "15/2025/QĐ-UBND" in own and "77/QĐ-UBND-GL" not in own
    assert "77/QĐ-UBND-GL" in other and "15/2025/QĐ-UBND" not in other
    # Commune A's document and file are not reachable through commune B's host.
    attachment = decision.attachments.get()
    path = decision.attachment_url(attachment)
    assert get(client, decision.url, host=OTHER_HOST).status_code == 404
    assert get(client, path, host=OTHER_HOST).status_code == 404


def test_home_page_shows_new_documents(client, decision, plan):
    html = get(client, "/").content.decode()
    assert "15/2025/QĐ-UBND" in html
    assert f'href="{path_of(decision)}"' in html


def test_home_page_of_other_commune_shows_none_of_them(client, decision, other_site):
    html = get(client, "/", host=OTHER_HOST).content.decode()
    assert "15/2025/QĐ-UBND" not in html
