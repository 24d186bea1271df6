"""`congxa export-static`: every public page as a file, incrementally."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from congxa.documents.factories import (
    LegalDocumentAttachmentFactory,
    LegalDocumentPageFactory,
)
from congxa.news.factories import ArticlePageFactory, NewsIndexPageFactory
from congxa.operations.mirror import MANIFEST, output_path

pytestmark = pytest.mark.django_db

HOST = "vinhthuy.localhost"
NOTICE = "các biểu mẫu (gửi câu hỏi, phản ánh, tìm kiếm) tạm thời không sử dụng được"


@pytest.fixture
def section(home):
    section = NewsIndexPageFactory(
        parent=home, title="Tin tức", slug="tin-tuc", show_in_menus=True
    )
    ArticlePageFactory.create_batch(11, parent=section)  # two pages of ten
    return section


@pytest.fixture
def article(section):
    return ArticlePageFactory(parent=section, title="Bão số 12", slug="bao-so-12")


@pytest.fixture
def attachment(home):
    page = LegalDocumentPageFactory(parent=home, slug="quyet-dinh-15")
    attachment = LegalDocumentAttachmentFactory(page=page)
    page.save_revision().publish()
    return attachment


def export(output, *args):
    out = StringIO()
    call_command(
        "export_static", "--site", HOST, "--output", str(output), *args, stdout=out
    )
    return out.getvalue()


def test_every_public_page_is_written_with_its_address(
    tmp_path, client, section, article, attachment
):
    summary = export(tmp_path)
    assert "lỗi 0" in summary
    for address in ("/", section.url, article.url, "/tin-tuc/?page=2"):
        path = tmp_path / output_path(address.replace("http://" + HOST, ""))
        assert path.is_file(), address
    assert (tmp_path / "tin-tuc" / "index-page-2.html").is_file()
    # The mirrored page is the page, with the notice at the top of the body.
    mirrored = (tmp_path / "tin-tuc" / "bao-so-12" / "index.html").read_text()
    served = client.get("/tin-tuc/bao-so-12/", HTTP_HOST=HOST).content.decode()
    assert NOTICE in mirrored
    assert (
        mirrored.replace(
            mirrored[mirrored.index('<p class="mirror-notice"') :].split("</p>")[0]
            + "</p>",
            "",
        )
        == served
    )
    # The document's file, and the styles the pages use.
    files = list(tmp_path.glob("quyet-dinh-15/tep/*/index.pdf"))
    assert files and files[0].read_bytes().startswith(b"%PDF")
    assert list(tmp_path.glob("static/congxa/congxa*.css"))


def test_second_export_writes_only_what_changed(tmp_path, article, publish_page):
    export(tmp_path)
    again = export(tmp_path)
    assert "Đã ghi 0," in again
    article.title = "Bão số 12 đã đi qua"
    publish_page(article)
    changed = export(tmp_path)
    written = int(changed.split("Đã ghi ")[1].split(",")[0])
    # The article, its section's pages and the home page; not the whole site.
    assert 0 < written < len(json.loads((tmp_path / MANIFEST).read_text()))
    assert (
        "Bão số 12 đã đi qua" in (tmp_path / "tin-tuc/bao-so-12/index.html").read_text()
    )


def test_unpublished_page_leaves_the_mirror(tmp_path, article, publish_page):
    export(tmp_path)
    assert (tmp_path / "tin-tuc/bao-so-12/index.html").is_file()
    publish_page(article, unpublish=True)
    assert "đã xóa 1" in export(tmp_path)
    assert not (tmp_path / "tin-tuc/bao-so-12/index.html").exists()


def test_dry_run_writes_nothing(tmp_path, article):
    summary = export(tmp_path / "out", "--dry-run")
    assert "Chạy thử" in summary
    assert not (tmp_path / "out").exists()


def test_unknown_site_is_refused_in_vietnamese(tmp_path, site):
    with pytest.raises(CommandError, match="Không có trang xã nào với tên miền"):
        call_command(
            "export_static", "--site", "khong-co.localhost", "--output", str(tmp_path)
        )


def test_output_that_is_a_file_is_refused(tmp_path, site):
    target = tmp_path / "tep"
    target.write_text("x")
    with pytest.raises(CommandError, match="không phải là thư mục"):
        call_command("export_static", "--site", HOST, "--output", str(target))
    assert target.read_text() == "x"


@pytest.fixture
def publish_page(django_capture_on_commit_callbacks):
    def run(page, unpublish=False):
        with django_capture_on_commit_callbacks(execute=True):
            page.unpublish() if unpublish else page.save_revision().publish()

    return run
