"""The “Dữ liệu mở” page and its files, read back as a data portal reads them."""

import csv
import io
import json

from openpyxl import load_workbook

DATASETS = ("danh-muc-van-ban", "thu-tuc-hanh-chinh", "danh-ba-co-quan")


def test_open_data_page_offers_every_dataset_in_every_format(commune, get):
    html = get("/du-lieu-mo/").content.decode()
    assert "Dữ liệu mở" in html
    for slug in DATASETS:
        for ext in ("csv", "xlsx", "json", "metadata.json"):
            assert f"/du-lieu-mo/{slug}.{ext}" in html
    assert "CC BY 4.0" in html


def test_metadata_describes_title_publisher_licence_date_and_fields(commune, get):
    meta = get("/du-lieu-mo/danh-muc-van-ban.metadata.json").json()
    assert meta["title"] == "Danh mục văn bản"
    assert meta["publisher"] == "Ủy ban nhân dân xã Vĩnh Thủy"
    assert meta["license"]["url"] == "https://creativecommons.org/licenses/by/4.0/"
    assert len(meta["modified"]) == 10
    assert [f["name"] for f in meta["fields"]][:3] == [
        "number",
        "document_type",
        "summary",
    ]
    assert {d["format"] for d in meta["distributions"]} == {"CSV", "XLSX", "JSON"}


def test_documents_csv_has_public_documents_only(commune, get):
    response = get("/du-lieu-mo/danh-muc-van-ban.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [row["number"] for row in rows] == ["15/2025/QĐ-UBND"]
    assert rows[0]["issue_date"] == "2025-03-12"
    assert rows[0]["url"] == "http://vinhthuy.localhost/van-ban/quy-che-dat-cong-ich/"


def test_procedures_xlsx_opens_with_vietnamese_headers(commune, get):
    response = get("/du-lieu-mo/thu-tuc-hanh-chinh.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:2] == ("Mã thủ tục", "Tên thủ tục")
    assert "1.001193" in [row[0] for row in rows[1:]]


def test_contacts_json_lists_the_commune_and_its_units(commune, get):
    records = json.loads(get("/du-lieu-mo/danh-ba-co-quan.json").content)
    assert records[0]["unit"] == "Ủy ban nhân dân xã Vĩnh Thủy"
    assert records[1]["email"] == commune.unit.email
    assert "Nguyễn Văn An" not in json.dumps(records, ensure_ascii=False)


def test_files_are_regenerated_after_publishing(
    commune, get, django_capture_on_commit_callbacks
):
    url = "/du-lieu-mo/danh-muc-van-ban.json"
    assert len(json.loads(get(url).content)) == 1
    assert get(url)["X-Cache"] == "HIT"
    with django_capture_on_commit_callbacks(execute=True):
        commune.decision.number = "16/2025/QĐ-UBND"
        commune.decision.save_revision().publish()
    assert json.loads(get(url).content)[0]["number"] == "16/2025/QĐ-UBND"


def test_unknown_dataset_or_format_is_not_found(commune, get):
    assert get("/du-lieu-mo/khong-co.csv").status_code == 404
    assert get("/du-lieu-mo/danh-muc-van-ban.pdf", follow=True).status_code == 404


def test_accessibility_statement_says_how_to_report_a_barrier(commune, get):
    html = get("/tuyen-bo-ve-kha-nang-tiep-can/").content.decode()
    assert "Tuyên bố về khả năng tiếp cận" in html
    assert "Báo một rào cản" in html
    assert "mailto:ubnd.vinhthuy@quangtri.gov.vn" in html
    assert 'href="/tuyen-bo-ve-kha-nang-tiep-can/"' in get("/").content.decode()
