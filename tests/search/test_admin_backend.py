"""Wagtail's own search (the admin's) finds Vietnamese typed without diacritics."""

import pytest
from django.core.management import call_command
from wagtail.models import Page

from .conftest import add_article

pytestmark = pytest.mark.django_db

BACKEND = {"default": {"BACKEND": "congxa.search.backends"}}


@pytest.fixture
def vietnamese_backend(settings):
    settings.WAGTAILSEARCH_BACKENDS = BACKEND


def found(query, method="search"):
    return [page.title for page in getattr(Page.objects.live(), method)(query)]


def test_admin_search_finds_dang_ky(vietnamese_backend, site, section):
    add_article(section, "Hướng dẫn Đăng ký khai sinh")
    add_article(section, "Thông báo lịch tiếp công dân")
    assert found("dang ky") == ["Hướng dẫn Đăng ký khai sinh"]
    assert found("Đăng ký") == ["Hướng dẫn Đăng ký khai sinh"]
    assert found("tiep cong dan") == ["Thông báo lịch tiếp công dân"]


def test_admin_autocomplete_folds_too(vietnamese_backend, site, section):
    add_article(section, "Hướng dẫn Đăng ký khai sinh")
    assert found("dang k", "autocomplete") == ["Hướng dẫn Đăng ký khai sinh"]


def test_admin_search_of_punctuation_is_empty(vietnamese_backend, site, section):
    add_article(section, "Hướng dẫn Đăng ký khai sinh")
    assert found('"*') == []


def test_update_index_folds_existing_content(vietnamese_backend, site, section):
    add_article(section, "Ủy ban Kiểm tra Đảng ủy xã")
    call_command("update_index", verbosity=0)
    assert found("dang uy") == ["Ủy ban Kiểm tra Đảng ủy xã"]


def test_admin_listing_search_finds_dang_ky(
    vietnamese_backend, admin_client, site, section
):
    add_article(section, "Hướng dẫn Đăng ký khai sinh")
    html = admin_client.get("/admin/pages/search/", {"q": "dang ky"}).content.decode()
    assert "Hướng dẫn Đăng ký khai sinh" in html
