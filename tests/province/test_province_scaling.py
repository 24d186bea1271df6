"""The province view costs the same number of queries at 1 and at 10 communes,
and shows each commune's flagged external links from its stored link check."""

from io import BytesIO, StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from congxa.news.factories import ArticlePageFactory
from congxa.news.models import NewsIndexPage
from congxa.operations.models import LinkCheck
from congxa.portal.communes import CommuneSpec, commune_create
from congxa.portal.compliance import compliance_overview
from congxa.procedures.models import (
    AdministrativeProcedure,
    ProcedureSelection,
    SelectedProcedure,
)
from congxa.province.selectors import commune_rows
from congxa.province.services import operator_add
from tests.editorial.test_admin_scaling import screen_queries


@pytest.fixture
def operator(db):
    user = get_user_model().objects.create_user("tinh", password="mat-khau-dai-12345")
    operator_add(user=user)
    return user


@pytest.fixture
def catalog(db):
    return [
        AdministrativeProcedure.objects.create(
            code=f"1.00{n}", name=f"Thủ tục {n}", level="Cấp xã"
        )
        for n in range(3)
    ] + [
        AdministrativeProcedure.objects.create(
            code="2.001", name="Thủ tục cấp tỉnh", level="Cấp tỉnh"
        )
    ]


def add_communes(first: int, count: int, catalog):
    sites = []
    for n in range(first, first + count):
        site = commune_create(CommuneSpec(host=f"xa-{n}.vn", name=f"Xã Số {n}")).site
        if n % 2:
            # Every other commune chose its procedures (one of them province-level).
            selection = ProcedureSelection.for_site(site)
            for procedure in (catalog[0], catalog[3]):
                SelectedProcedure.objects.create(
                    selection=selection, procedure=procedure
                )
        LinkCheck.objects.create(
            site=site,
            checked_at="2026-11-30T06:15:00Z",
            flagged_links=n,
            flagged_domains=[f"la-{n}.example"] if n else [],
        )
        sites.append(site)
    return sites


def overview_queries(client) -> int:
    url = reverse("province_overview")
    client.get(url)  # Wagtail re-reads its site root paths once
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(screen_queries(captured))


def test_province_view_queries_same_for_1_and_10_communes(client, operator, catalog):
    add_communes(0, 1, catalog)
    client.force_login(operator)
    one = overview_queries(client)
    add_communes(1, 9, catalog)
    ten = overview_queries(client)
    assert ten == one
    html = client.get(reverse("province_overview")).content.decode()
    assert "Xã Số 0" in html and "Xã Số 9" in html


def test_procedure_compliance_matches_each_communes_choice(db, catalog):
    sites = add_communes(0, 4, catalog)
    with CaptureQueriesContext(connection) as few:
        overview = dict(compliance_overview(sites[:1]))
    with CaptureQueriesContext(connection) as many:
        overview = dict(compliance_overview(sites))
    assert len(many) == len(few)
    for n, site in enumerate(sites):
        procedures = next(s for s in overview[site] if s.name == "procedures")
        # A choice: its own two procedures; no choice: the three commune-level ones.
        assert procedures.count == (2 if n % 2 else 3), n
        assert procedures.newest is not None


def test_flagged_links_column_sort_filter_and_export(client, operator, catalog):
    sites = add_communes(0, 3, catalog)
    never = commune_create(CommuneSpec(host="xa-moi.vn", name="Xã Mới")).site
    client.force_login(operator)
    url = reverse("province_overview")
    html = client.get(url).content.decode()
    # The column (its sort link) and its filter; the words through the catalog.
    assert "sap-xep=-flagged_links" in html and 'value="flagged_links"' in html
    with translation.override("vi"):
        assert translation.gettext("Flagged external links") in html
        assert translation.gettext("not checked") in html
    assert "la-2.example" in html
    html = client.get(url, {"sap-xep": "-flagged_links"}).content.decode()
    assert html.index("Xã Số 2") < html.index("Xã Số 1") < html.index("Xã Số 0")
    assert html.index("Xã Số 0") < html.index("Xã Mới")
    html = client.get(url, {"loc": "flagged_links"}).content.decode()
    assert "Xã Số 1" in html and "Xã Số 2" in html
    assert "Xã Số 0" not in html and "Xã Mới" not in html
    response = client.get(url, {"xuat": "xlsx", "sap-xep": "name"})
    rows = list(
        load_workbook(BytesIO(response.content)).active.iter_rows(values_only=True)
    )
    column = rows[0].index("Liên kết ngoài bị đánh dấu")
    by_host = {row[1]: row for row in rows[1:]}
    assert by_host[sites[2].hostname][column] == 2
    assert by_host[sites[2].hostname][column + 1] == "la-2.example"
    assert by_host[never.hostname][column] in (None, "")


def test_check_links_stores_the_result_the_province_view_shows(db, catalog):
    site = commune_create(CommuneSpec(host="xa-lien-ket.vn", name="Xã Liên Kết")).site
    section = NewsIndexPage.objects.get(
        url_path__startswith=site.root_page.url_path, slug="tin-tuc-su-kien"
    )
    ArticlePageFactory(
        parent=section,
        lead="Xem https://nhacai.example/a và https://nhacai.example/b, "
        "https://quangtri.gov.vn/ và https://casino.example/",
    )
    ArticlePageFactory(parent=section, live=False, lead="https://nhap.example/")
    call_command("check_links", site="xa-lien-ket.vn", stdout=StringIO())
    check = LinkCheck.objects.get(site=site)
    assert check.flagged_links == 3
    assert check.flagged_domains == ["casino.example", "nhacai.example"]
    (row,) = commune_rows([site])
    assert row.flagged_links == 3
    assert row.flagged_domains == ["casino.example", "nhacai.example"]
    assert row.problems >= 3
    # A later check that finds nothing clears the flag.
    section.get_children().live().first().specific.unpublish()
    call_command("check_links", site="xa-lien-ket.vn", stdout=StringIO())
    check.refresh_from_db()
    assert (check.flagged_links, check.flagged_domains) == (0, [])
