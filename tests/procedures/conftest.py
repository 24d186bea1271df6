"""Fixtures for the procedures tests: sample files, an imported catalog, the page."""

from pathlib import Path

import pytest

from congxa.procedures.importers import read_procedure_file
from congxa.procedures.models import ProcedureIndexPage
from congxa.procedures.services import procedures_save_records

SAMPLES = Path(__file__).resolve().parent / "samples"


@pytest.fixture
def samples() -> Path:
    return SAMPLES


@pytest.fixture
def catalog(db):
    """The six sample procedures, all of level "Cấp xã"."""
    procedures_save_records(records=read_procedure_file(SAMPLES / "procedures.json"))


def add_procedures_page(home, **kwargs) -> ProcedureIndexPage:
    page = ProcedureIndexPage(
        title="Thủ tục hành chính", slug="thu-tuc-hanh-chinh", **kwargs
    )
    home.add_child(instance=page)
    return page


@pytest.fixture
def procedures_page(home):
    return add_procedures_page(home, show_in_menus=True)
