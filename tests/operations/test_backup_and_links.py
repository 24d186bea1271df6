import sqlite3
import tarfile
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from congxa.news.factories import ArticlePageFactory, NewsIndexPageFactory
from congxa.operations.models import LinkAllowList
from congxa.portal.models import CommuneSettings, WebsiteLink
from tests.editorial.conftest import tiny_jpeg


@pytest.mark.django_db(transaction=True)
def test_backup_then_restore_round_trips_content_and_media(site, tmp_path, settings):
    from wagtail.images import get_image_model

    settings.MEDIA_ROOT = str(tmp_path / "media")
    section = NewsIndexPageFactory(parent=site.root_page, title="Tin tức")
    ArticlePageFactory(parent=section, title="Bài sao lưu")
    image = get_image_model().objects.create(title="Ảnh", file=tiny_jpeg("sao-luu.jpg"))
    call_command("backup", output=str(tmp_path / "backups"))
    archive = next((tmp_path / "backups").glob("congxa-backup-*.tar.gz"))
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert "manifest.json" in names
    assert f"media/{image.file.name}" in names

    if connection.vendor == "sqlite":
        target = tmp_path / "restored"
        call_command("restore", str(archive), data_dir=str(target))
        restored = sqlite3.connect(target / "congxa.sqlite3")
        titles = {
            row[0] for row in restored.execute("select title from wagtailcore_page")
        }
        restored.close()
        assert "Bài sao lưu" in titles
        assert (target / "media" / image.file.name).read_bytes() == Path(
            image.file.path
        ).read_bytes()
    else:
        # PostgreSQL: restore into a fresh, empty database.
        import psycopg

        db = connection.settings_dict
        name = f"{db['NAME']}_restore"
        params = {"host": db["HOST"], "port": db["PORT"] or 5432, "user": db["USER"]}
        with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
            admin.execute(f'CREATE DATABASE "{name}"')
        try:
            from django.db import connections

            from congxa.operations import backup

            original = connections["default"].settings_dict["NAME"]
            connections["default"].close()
            connections["default"].settings_dict["NAME"] = name
            try:
                backup.restore_into(archive=archive, data_dir=tmp_path / "restored")
            finally:
                connections["default"].close()
                connections["default"].settings_dict["NAME"] = original
            with psycopg.connect(dbname=name, **params) as restored:
                titles = {
                    row[0]
                    for row in restored.execute("select title from wagtailcore_page")
                }
            assert "Bài sao lưu" in titles
            assert (tmp_path / "restored" / "media" / image.file.name).exists()
        finally:
            with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}"')


def test_restore_refuses_a_non_empty_data_dir(tmp_path, db):
    target = tmp_path / "data"
    target.mkdir()
    (target / "congxa.sqlite3").write_bytes(b"du lieu dang co")
    archive = tmp_path / "a.tar.gz"
    with tarfile.open(archive, "w:gz"):
        pass
    with pytest.raises(CommandError, match="không trống"):
        call_command("restore", str(archive), data_dir=str(target))
    assert (target / "congxa.sqlite3").read_bytes() == b"du lieu dang co"


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path, db):
    archive = tmp_path / "a.tar.gz"
    with tarfile.open(archive, "w:gz"):
        pass
    with pytest.raises(CommandError, match="không phải là bản sao lưu"):
        call_command("restore", str(archive), data_dir=str(tmp_path / "empty"))


def test_check_links_flags_domains_outside_the_allow_list(site, other_site, capsys):
    section = NewsIndexPageFactory(parent=site.root_page)
    ArticlePageFactory(
        parent=section,
        title="Tin có liên kết lạ",
        body=[
            (
                "paragraph",
                '<p><a href="https://nhacai-uy-tin.example/khuyen-mai">xem</a> '
                '<a href="https://quangtri.gov.vn/tin">tỉnh</a></p>',
            )
        ],
    )
    ArticlePageFactory(
        parent=section,
        title="Bản nháp",
        live=False,
        lead="https://nhap-chua-dang.example/",
    )
    WebsiteLink.objects.create(
        settings=CommuneSettings.for_site(site),
        title="Cổng dịch vụ công",
        url="https://dichvucong.gov.vn/",
    )
    call_command("check_links", site="vinhthuy.localhost")
    out = capsys.readouterr().out
    assert "[NGOÀI DANH SÁCH] nhacai-uy-tin.example: 1 liên kết" in out
    assert "Tin có liên kết lạ" in out
    assert "[ĐƯỢC PHÉP] quangtri.gov.vn" in out
    assert "[ĐƯỢC PHÉP] dichvucong.gov.vn" in out
    assert "nhap-chua-dang" not in out


def test_check_links_fails_for_a_scheduled_task_when_flagged(site, capsys):
    section = NewsIndexPageFactory(parent=site.root_page)
    ArticlePageFactory(parent=section, lead="Xem https://casino.example/ ngay")
    with pytest.raises(CommandError, match="ngoài danh sách cho phép"):
        call_command("check_links", fail_on_flagged=True)


def test_allow_list_is_per_commune(site, other_site):
    mine = LinkAllowList.for_site(site)
    mine.domains = "gov.vn\nbaoquangtri.vn"
    mine.save()
    assert mine.allows("www.baoquangtri.vn")
    assert not LinkAllowList.for_site(other_site).allows("baoquangtri.vn")
    assert not mine.allows("baoquangtri.vn.evil.example")
