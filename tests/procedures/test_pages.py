"""Public pages: the list by field, the detail of a procedure, each commune's choice."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from congxa.procedures.importers import read_procedure_file
from congxa.procedures.models import (
    AdministrativeProcedure,
    ProcedureSelection,
    SelectedProcedure,
)
from congxa.procedures.services import procedures_save_records
from congxa.search.engines import SETTINGS_PREFIXES

from .conftest import SAMPLES, add_procedures_page

LIST_URL = "/thu-tuc-hanh-chinh/"
BIRTH_URL = "/thu-tuc-hanh-chinh/1.001193/"


def html_of(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def choose(site, *codes):
    selection = ProcedureSelection.for_site(site)
    for order, code in enumerate(codes):
        SelectedProcedure.objects.create(
            selection=selection,
            procedure=AdministrativeProcedure.objects.get(code=code),
            sort_order=order,
        )


@pytest.mark.django_db
def test_list_groups_procedures_by_field_with_counts(client, catalog, procedures_page):
    html = html_of(client.get(LIST_URL))
    assert "<title>Thủ tục hành chính - Xã Vĩnh Thủy</title>" in html
    assert 'Hộ tịch <span class="procedure-count">(2)</span>' in html
    assert "Tất cả lĩnh vực (6)" in html
    assert "Thủ tục đăng ký khai sinh" in html
    assert f'href="{BIRTH_URL}"' in html
    assert "Thủ tục hành chính: trình tự thực hiện, thành phần hồ sơ" in html


@pytest.mark.django_db
def test_filter_by_field_lists_that_field_only(client, catalog, procedures_page):
    html = html_of(client.get(LIST_URL, {"field": "Đất đai"}))
    assert "Hòa giải tranh chấp đất đai" in html
    assert "Thủ tục đăng ký khai sinh" not in html
    assert "<title>Đất đai - Thủ tục hành chính - Xã Vĩnh Thủy</title>" in html


@pytest.mark.parametrize("value", ["abc", "", "' OR 1=1 --", "x" * 5000, "Hộ tịch\x00"])
@pytest.mark.django_db
def test_nonsense_field_shows_every_procedure(client, catalog, procedures_page, value):
    html = html_of(client.get(LIST_URL, {"field": value}))
    assert "Thủ tục đăng ký khai sinh" in html
    assert "Hòa giải tranh chấp đất đai" in html


@pytest.mark.django_db
def test_detail_shows_every_part_of_the_procedure(client, catalog, procedures_page):
    html = html_of(client.get(BIRTH_URL))
    assert "<title>Thủ tục đăng ký khai sinh - Xã Vĩnh Thủy</title>" in html
    assert "Thủ tục hành chính 1.001193 (Hộ tịch, Cấp xã)" in html
    # Steps as a numbered list.
    assert '<ol class="procedure-steps">' in html
    assert html.count("<li>", html.index("procedure-steps")) >= 18
    # Channels with time and fee.
    assert "Cách thức thực hiện, thời hạn và phí, lệ phí" in html
    assert "<td>Trực tuyến</td><td>1</td><td>Miễn phí</td>" in html
    # Documents grouped by heading, with quantities.
    assert "Thành phần hồ sơ" in html
    assert "<h3>Giấy tờ phải nộp</h3>" in html
    assert "<h3>Giấy tờ phải xuất trình</h3>" in html
    assert "<td>1 bản chính</td>" in html
    # Legal basis, results, who and where.
    assert "Căn cứ pháp lý" in html
    assert "<td>60/2014/QH13</td><td>Luật 60/2014/QH13</td>" in html
    assert "Giấy khai sinh" in html
    assert "mã KQ.G15.000031" in html
    assert "Đối tượng thực hiện" in html
    # Online submission at the national portal.
    assert "Nộp hồ sơ trực tuyến" in html
    assert 'href="https://dichvucong.gov.vn/thu-tuc-hanh-chinh/' in html


@pytest.mark.django_db
def test_detail_shows_two_fees_of_the_same_channel(client, catalog, procedures_page):
    html = html_of(client.get("/thu-tuc-hanh-chinh/2.000815/"))
    assert "2,000 Việt Nam Đồng(/trang)" in html
    assert "10 USD(/bản)" in html


@pytest.mark.parametrize("code", ["9.999999", "..", "1.001193x"])
@pytest.mark.django_db
def test_unknown_code_is_not_found(client, catalog, procedures_page, code):
    assert client.get(f"/thu-tuc-hanh-chinh/{code}/").status_code == 404


@pytest.mark.django_db
def test_procedure_not_at_commune_level_is_not_shown_by_default(
    client, catalog, procedures_page, tmp_path
):
    path = tmp_path / "province.json"
    path.write_text(
        '{"ma_thu_tuc": "2.002000", "ten_thu_tuc": "Thủ tục cấp tỉnh",'
        ' "cap_thuc_hien": "Cấp tỉnh"}',
        encoding="utf-8",
    )
    procedures_save_records(records=read_procedure_file(path))
    assert "Thủ tục cấp tỉnh" not in html_of(client.get(LIST_URL))
    assert client.get("/thu-tuc-hanh-chinh/2.002000/").status_code == 404


@pytest.mark.django_db
def test_commune_choice_does_not_affect_another_commune(
    client, catalog, site, home, other_site
):
    add_procedures_page(home)
    add_procedures_page(other_site.root_page.specific)
    choose(site, "1.012812")

    html_a = html_of(client.get(LIST_URL))
    assert "Hòa giải tranh chấp đất đai" in html_a
    assert "Thủ tục đăng ký khai sinh" not in html_a
    assert client.get(BIRTH_URL).status_code == 404

    html_b = html_of(client.get(LIST_URL, HTTP_HOST="giolinh.localhost"))
    assert "Thủ tục đăng ký khai sinh" in html_b
    assert "Hòa giải tranh chấp đất đai" in html_b
    assert client.get(BIRTH_URL, HTTP_HOST="giolinh.localhost").status_code == 200


@pytest.mark.django_db
def test_empty_catalog_says_so(client, procedures_page):
    html = html_of(client.get(LIST_URL))
    assert "Xã chưa công bố thủ tục hành chính nào." in html


def _statements(client, url) -> list[str]:
    """The SQL a request runs, without the savepoints of the test's transaction
    and the cache backend's check for lost writes, made every few seconds
    whatever the page (congxa/portal/cache_backends.py)."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [
        query["sql"]
        for query in queries
        if not query["sql"].startswith(
            ("SAVEPOINT", "RELEASE SAVEPOINT", "SET LOCAL", *SETTINGS_PREFIXES)
        )
        and '"portal_pendingcacheinvalidation"' not in query["sql"]
    ]


def _grow_catalog(extra: int) -> None:
    base = read_procedure_file(SAMPLES / "procedures.json")
    records = []
    for number in range(extra):
        record = dict(base[number % len(base)])
        record["ma_thu_tuc"] = f"9.{number:06d}"
        record["linh_vuc"] = f"Lĩnh vực {number % 7}"
        records.append(record)
    procedures_save_records(records=records)


@pytest.mark.django_db
def test_query_count_is_small_and_independent_of_catalog_size(
    client, catalog, procedures_page, settings
):
    # Measure the pages themselves, not the page cache.
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if "cache" not in m.lower()]
    urls = [LIST_URL, f"{LIST_URL}?field=H%E1%BB%99%20t%E1%BB%8Bch", BIRTH_URL, "/"]
    client.get(LIST_URL)  # warm per-process caches (site root paths)
    small = [_statements(client, url) for url in urls]
    _grow_catalog(60)
    large = [_statements(client, url) for url in urls]
    for url, before, after in zip(urls, small, large, strict=True):
        extra = [sql for sql in after if sql not in before]
        assert len(before) == len(after), (url, extra)
    assert max(len(statements) for statements in small[:3]) <= 10


@pytest.mark.django_db
def test_import_refreshes_cached_pages(
    client, catalog, procedures_page, tmp_path, django_capture_on_commit_callbacks
):
    assert "Đăng ký khai sinh (mới)" not in html_of(client.get(LIST_URL))
    path = tmp_path / "renamed.json"
    path.write_text(
        '{"ma_thu_tuc": "1.001193", "ten_thu_tuc": "Đăng ký khai sinh (mới)",'
        ' "cap_thuc_hien": "Cấp xã", "linh_vuc": "Hộ tịch"}',
        encoding="utf-8",
    )
    with django_capture_on_commit_callbacks(execute=True):
        procedures_save_records(records=read_procedure_file(path))
    assert "Đăng ký khai sinh (mới)" in html_of(client.get(LIST_URL))
