"""The home page block and the demo content."""

import json

import pytest

from congxa.procedures import demo
from congxa.procedures.models import AdministrativeProcedure, ProcedureIndexPage


@pytest.mark.django_db
def test_home_side_block_links_to_the_procedures_page(client, catalog, procedures_page):
    html = client.get("/").content.decode()
    assert '<h2 class="side-block__title" id="side-procedures">' in html
    assert "Tất cả thủ tục hành chính" in html
    assert 'href="/thu-tuc-hanh-chinh/"' in html
    assert 'href="/thu-tuc-hanh-chinh/1.001193/"' in html


@pytest.mark.django_db
def test_home_has_no_procedures_block_without_the_page(client, catalog, home):
    assert "side-procedures" not in client.get("/").content.decode()


@pytest.mark.django_db
def test_demo_seed_is_idempotent(client, site, home):
    demo.seed(home_page=home, site=site)
    demo.seed(home_page=home, site=site)
    page = ProcedureIndexPage.objects.get()
    assert page.slug == "thu-tuc-hanh-chinh"
    assert page.show_in_menus
    fixture = json.loads(demo.SAMPLE_FILE.read_text(encoding="utf-8"))
    assert AdministrativeProcedure.objects.count() == len(fixture)
    html = client.get("/thu-tuc-hanh-chinh/1.001193/").content.decode()
    assert "Thủ tục đăng ký khai sinh" in html
    assert "Nộp hồ sơ trực tuyến" in html
