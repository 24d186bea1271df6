"""`congxa commune …`: a province adds, imports, lists, disables and moves communes.

`nghe_an_communes.csv` holds the first 120 of the 130 commune-level units of
Tỉnh Nghệ An after the 2025 reorganisation (Nghị quyết 202/2025/QH15 and the
Standing Committee's resolutions), as published in the open dataset
thanglequoc/vietnamese-provinces-database; host names are made from the names.
"""

from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook
from wagtail.models import Page, Site, WorkflowPage

from congxa.editorial.models import EditorialBoard
from congxa.portal.communes import canonical_root_url
from congxa.portal.models import Commune, CommuneHost, CommuneSettings
from congxa.procedures.models import ProcedureSelection

HERE = Path(__file__).parent
NGHE_AN = HERE / "nghe_an_communes.csv"
SECTION_SLUGS = {
    "tin-tuc-su-kien",
    "thong-bao",
    "van-ban",
    "thu-tuc-hanh-chinh",
    "gioi-thieu",
    "lich-cong-tac",
    "hoi-dap",
    "phan-anh-kien-nghi",
    "cong-khai",
}


def commune(*args):
    out = StringIO()
    call_command("commune", *args, stdout=out)
    return out.getvalue()


def add_b(*extra):
    return commune(
        "add",
        "--host",
        "xa-b.quangtri.gov.vn",
        "--name",
        "Xã B",
        "--kind",
        "xa",
        "--province",
        "Tỉnh Quảng Trị",
        "--alias",
        "www.xa-b.quangtri.gov.vn",
        *extra,
    )


@pytest.mark.django_db
def test_add_makes_a_whole_commune():
    output = add_b()
    site = Site.objects.get(hostname="xa-b.quangtri.gov.vn")
    assert site.site_name == "Xã B"
    assert site.port == 443
    home = site.root_page.specific
    assert home.title == "Xã B"
    assert SECTION_SLUGS <= set(home.get_children().values_list("slug", flat=True))
    intro = home.get_children().get(slug="gioi-thieu")
    assert set(intro.get_children().values_list("slug", flat=True)) == {
        "co-cau-to-chuc",
        "lien-he",
    }
    schedule = home.get_children().get(slug="lich-cong-tac")
    assert schedule.get_children().get().title == "Lịch tiếp công dân"
    settings = CommuneSettings.objects.get(site=site)
    assert (settings.commune_name, settings.province) == ("Xã B", "Tỉnh Quảng Trị")
    board = EditorialBoard.objects.get(site=site)
    assert board.roles.count() == 4
    assert WorkflowPage.objects.get(page=home).workflow == board.workflow
    assert ProcedureSelection.objects.filter(site=site).exists()
    assert CommuneHost.objects.get(hostname="www.xa-b.quangtri.gov.vn").site == site
    assert Commune.objects.get(site=site).kind == "xa"
    assert "Đã tạo xã “Xã B”" in output
    assert "chuyên mục “Văn bản”" in output
    assert "tạo mới 1" in output


@pytest.mark.django_db
def test_add_again_changes_nothing():
    add_b()
    pages = Page.objects.count()
    groups = Group.objects.count()
    output = add_b()
    assert "không đổi gì" in output
    assert "không đổi 1" in output
    assert Page.objects.count() == pages
    assert Group.objects.count() == groups


@pytest.mark.django_db
def test_dry_run_writes_nothing():
    pages = Page.objects.count()
    output = add_b("--dry-run")
    assert "Sẽ tạo xã “Xã B”" in output
    assert "chạy thử" in output
    assert not Site.objects.filter(hostname="xa-b.quangtri.gov.vn").exists()
    assert Page.objects.count() == pages


@pytest.mark.django_db
def test_wagtail_default_groups_and_workflow_lose_their_rights():
    root = Page.get_first_root_node()
    editors = Group.objects.filter(name="Editors").first()
    if editors is None:  # a flushed database: put Wagtail's defaults back
        from wagtail.models import GroupPagePermission, Workflow

        editors = Group.objects.create(name="Editors")
        from django.contrib.auth.models import Permission

        GroupPagePermission.objects.create(
            group=editors,
            page=root,
            permission=Permission.objects.get(codename="add_page"),
        )
        workflow = Workflow.objects.create(name="Moderators approval")
        WorkflowPage.objects.create(page=root, workflow=workflow)
    from django.contrib.auth import get_user_model

    someone = get_user_model().objects.create_user("nguoicu", password="x" * 12)
    editors.user_set.add(someone)
    add_b()
    editors.refresh_from_db()
    assert not editors.page_permissions.exists()
    assert not editors.permissions.exists()
    assert not WorkflowPage.objects.filter(page=root).exists()
    assert not Group.objects.filter(name="Moderators").exists()
    add_b()  # still idempotent


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--host", "xã b.vn", "--name", "Xã B"], "không phải là tên miền hợp lệ"),
        (["--host=-b.vn", "--name", "Xã B"], "không phải là tên miền hợp lệ"),
        (["--host", "b.vn", "--name", "Xã B", "--kind", "huyen"], "Loại “huyen”"),
        (["--host", "b.vn", "--name", ""], "Thiếu tên xã"),
        (
            ["--host", "b.vn", "--name", "Xã B", "--email", "khong-phai-thu"],
            "không phải là địa chỉ thư điện tử",
        ),
    ],
)
def test_bad_input_is_refused_in_vietnamese(args, expected):
    sites = Site.objects.count()
    with pytest.raises(CommandError) as error:
        commune("add", *args)
    assert expected in str(error.value)
    assert "Cột “" in str(error.value)
    assert Site.objects.count() == sites


@pytest.mark.django_db
def test_host_or_alias_of_another_commune_is_refused():
    add_b()
    with pytest.raises(CommandError, match="đã được dùng cho Xã B"):
        commune("add", "--host", "www.xa-b.quangtri.gov.vn", "--name", "Xã C")
    with pytest.raises(CommandError, match="đã được dùng cho Xã B"):
        commune(
            "add",
            "--host",
            "xa-c.quangtri.gov.vn",
            "--name",
            "Xã C",
            "--alias",
            "xa-b.quangtri.gov.vn",
        )
    assert not Site.objects.filter(hostname="xa-c.quangtri.gov.vn").exists()


@pytest.mark.django_db(transaction=True)
def test_import_of_a_real_province_list_creates_them_all_and_lists_them():
    output = commune("import", str(NGHE_AN), "--province", "Tỉnh Nghệ An")
    assert "tạo mới 120, cập nhật 0, không đổi 0, lỗi 0" in output
    assert Commune.objects.count() == 120
    ward = Site.objects.get(hostname="phuongthanhvinh.nghean.gov.vn")
    assert ward.site_name == "Phường Thành Vinh"
    assert ward.commune.kind == "phuong"
    assert (
        CommuneSettings.objects.get(site=ward).agency
        == "Ủy ban nhân dân phường Thành Vinh"
    )
    assert CommuneHost.objects.filter(hostname="www.xavantu.nghean.gov.vn").exists()
    listing = commune("list")
    assert "Tổng: 120 xã." in listing
    assert "phuongthanhvinh.nghean.gov.vn" in listing
    as_csv = commune("list", "--format", "csv")
    assert as_csv.splitlines()[0].startswith("Tên miền,Tên,Trạng thái")
    assert "Xã Đông Lộc" in as_csv
    again = commune("import", str(NGHE_AN), "--province", "Tỉnh Nghệ An")
    assert "tạo mới 0, cập nhật 0, không đổi 120, lỗi 0" in again


def write_csv(tmp_path, text: str, encoding="utf-8") -> Path:
    path = tmp_path / "ds.csv"
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.django_db
def test_import_reports_bad_rows_and_keeps_the_good_ones(tmp_path):
    path = write_csv(
        tmp_path,
        "name,kind,host,aliases\n"
        "Xã Một,xa,xa-mot.vn,\n"
        "Xã Hai,huyen,xa-hai.vn,\n"
        "Xã Ba,xa,xa mot.vn,\n"
        "Xã Bốn,Phường,xa-mot.vn,\n"
        "Xã Năm,đặc khu,xa-nam.vn,www.xa-nam.vn\n",
    )
    out = StringIO()
    with pytest.raises(CommandError, match="3 dòng có lỗi"):
        call_command("commune", "import", str(path), stdout=out)
    report = out.getvalue()
    assert "Dòng 3, cột “kind”: Loại “huyen”" in report
    assert "Dòng 4, cột “host”: “xa mot.vn” không phải là tên miền hợp lệ" in report
    assert "Dòng 5, cột “host”: trùng tên miền với dòng 2" in report
    assert "tạo mới 2, cập nhật 0, không đổi 0, lỗi 3" in report
    assert set(Commune.objects.values_list("site__hostname", flat=True)) == {
        "xa-mot.vn",
        "xa-nam.vn",
    }
    assert Commune.objects.get(site__hostname="xa-nam.vn").kind == "dac-khu"


@pytest.mark.django_db
def test_import_without_a_required_column_creates_nothing(tmp_path):
    path = write_csv(tmp_path, "name,host\nXã Một,xa-mot.vn\n")
    with pytest.raises(CommandError, match="Dòng 1: thiếu cột kind"):
        commune("import", str(path))
    assert not Commune.objects.exists()


@pytest.mark.django_db
def test_import_of_a_non_utf8_csv_names_the_row(tmp_path):
    path = write_csv(
        tmp_path,
        "name,kind,host\nXa Mot,xa,xa-mot.vn\nXã Hà,xa,xa-ha.vn\n",
        encoding="latin-1",
    )
    with pytest.raises(CommandError) as error:
        commune("import", str(path))
    assert "Dòng 3, cột 1: tệp không phải UTF-8" in str(error.value)
    assert not Commune.objects.exists()


@pytest.mark.django_db
def test_import_reads_xlsx_with_vietnamese_headers(tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Tên", "Loại", "Tên miền", "Cơ quan chủ quản", "Điện thoại"])
    sheet.append(["Phường Vinh Phú", "phường", "vinhphu.vn", "UBND phường", "0238"])
    path = tmp_path / "ds.xlsx"
    workbook.save(path)
    output = commune("import", str(path), "--dry-run")
    assert "tạo mới 1" in output
    assert not Commune.objects.exists()
    commune("import", str(path))
    settings = CommuneSettings.objects.get(site__hostname="vinhphu.vn")
    assert (settings.agency, settings.phone) == ("UBND phường", "0238")


@pytest.mark.django_db
def test_disable_shows_the_maintenance_page_and_keeps_everything(client):
    add_b("--scheme", "http")
    pages = Page.objects.count()
    assert client.get("/", HTTP_HOST="xa-b.quangtri.gov.vn").status_code == 200
    output = commune("disable", "xa-b.quangtri.gov.vn")
    assert "tạm ngừng" in output
    response = client.get("/van-ban/", HTTP_HOST="xa-b.quangtri.gov.vn")
    assert response.status_code == 503
    assert "Cổng thông tin đang bảo trì" in response.content.decode()
    assert "Xã B" in response.content.decode()
    assert Page.objects.count() == pages
    commune("enable", "xa-b.quangtri.gov.vn")
    assert client.get("/", HTTP_HOST="xa-b.quangtri.gov.vn").status_code == 200


@pytest.mark.django_db
def test_disable_an_unknown_host_fails():
    with pytest.raises(CommandError, match="Không có xã nào với tên miền"):
        commune("disable", "khong-co.vn")


@pytest.mark.django_db
def test_alias_and_former_host_redirect_to_the_commune(client):
    add_b()
    response = client.get("/van-ban/?trang=2", HTTP_HOST="www.xa-b.quangtri.gov.vn")
    assert response.status_code == 301
    assert response["Location"] == "https://xa-b.quangtri.gov.vn/van-ban/?trang=2"
    output = commune("move", "xa-b.quangtri.gov.vn", "b.quangtri.gov.vn")
    assert "chuyển hướng" in output
    response = client.get("/van-ban/", HTTP_HOST="xa-b.quangtri.gov.vn")
    assert response.status_code == 301
    assert response["Location"] == "https://b.quangtri.gov.vn/van-ban/"
    site = Site.objects.get(hostname="b.quangtri.gov.vn")
    assert canonical_root_url(Site.objects.get(pk=site.pk)) == (
        "https://b.quangtri.gov.vn"
    )
    alias = client.get("/", HTTP_HOST="www.xa-b.quangtri.gov.vn")
    assert alias["Location"] == "https://b.quangtri.gov.vn/"


@pytest.mark.django_db
def test_move_to_a_host_in_use_is_refused():
    add_b()
    commune("add", "--host", "xa-c.vn", "--name", "Xã C")
    with pytest.raises(CommandError, match="đã được dùng cho Xã C"):
        commune("move", "xa-b.quangtri.gov.vn", "xa-c.vn")
    assert Site.objects.filter(hostname="xa-b.quangtri.gov.vn").exists()
