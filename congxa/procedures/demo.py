"""Demo content: the procedures page of the demo commune and the sample catalog."""

from __future__ import annotations

from pathlib import Path

from wagtail.models import Page, Site

from congxa.portal.seeding import child_page

from .importers import read_procedure_file
from .models import ProcedureIndexPage
from .services import procedures_save_records

# Real commune-level procedures from the National Public Service Portal,
# shipped with the package so the demo needs no file outside it.
SAMPLE_FILE = Path(__file__).resolve().parent / "fixtures" / "procedures.json"
SLUG = "thu-tuc-hanh-chinh"


def seed(home_page: Page, site: Site) -> None:
    """Import the sample procedures and add the procedures page; safe to run again."""
    procedures_save_records(records=read_procedure_file(SAMPLE_FILE))
    child_page(
        home_page,
        ProcedureIndexPage,
        SLUG,
        title="Thủ tục hành chính",
        show_in_menus=True,
        intro=(
            "Các thủ tục hành chính cấp xã theo Cổng Dịch vụ công quốc gia: "
            "trình tự, thành phần hồ sơ, thời hạn, phí, lệ phí và đường dẫn "
            "nộp hồ sơ trực tuyến."
        ),
        search_description=(
            "Thủ tục hành chính cấp xã: trình tự thực hiện, thành phần hồ sơ, "
            "thời hạn giải quyết, phí, lệ phí và nộp hồ sơ trực tuyến."
        ),
    )
