"""Consistent, timestamped archives of the database and the media, and back."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess  # noqa: S404 (pg_dump and pg_restore, with fixed arguments)
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.db import connections

FORMAT_VERSION = 1
SQLITE_NAME = "database.sqlite3"
PG_NAME = "database.pgdump"
MANIFEST = "manifest.json"
# Files a fresh data directory may already hold before a restore.
RESTORE_TOLERATED = {"secret_key", "congxa.env"}


class BackupError(Exception):
    """A message in Vietnamese for the person running the command."""


@dataclass
class BackupResult:
    path: Path
    engine: str
    media_files: int
    size: int


def _engine(alias: str = "default") -> str:
    vendor = connections[alias].vendor
    if vendor not in {"sqlite", "postgresql"}:
        raise BackupError(f"Chưa hỗ trợ sao lưu cơ sở dữ liệu loại {vendor}.")
    return vendor


def _pg_env(db: dict) -> dict[str, str]:
    env = dict(os.environ)
    for key, variable in (
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
    ):
        if db.get(key):
            env[variable] = str(db[key])
    return env


def _run(command: list[str], env: dict[str, str]) -> None:
    tool = shutil.which(command[0])
    if tool is None:
        raise BackupError(
            f"Không tìm thấy chương trình {command[0]}: cài gói postgresql-client."
        )
    result = subprocess.run(  # noqa: S603 (arguments are ours, no shell)
        [tool, *command[1:]], env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BackupError(f"{command[0]} báo lỗi: {result.stderr.strip()}")


def _dump_database(engine: str, target: Path) -> None:
    connection = connections["default"]
    if engine == "sqlite":
        # The online backup API copies a consistent snapshot while the portal
        # keeps serving; copying the file (and its WAL) would not be safe.
        source = sqlite3.connect(str(connection.settings_dict["NAME"]))
        destination = sqlite3.connect(str(target))
        try:
            with destination:
                source.backup(destination)
        finally:
            destination.close()
            source.close()
    else:
        db = connection.settings_dict
        _run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--file",
                str(target),
                db["NAME"],
            ],
            _pg_env(db),
        )


def _media_files(media_root: Path) -> list[Path]:
    if not media_root.is_dir():
        return []
    return sorted(path for path in media_root.rglob("*") if path.is_file())


def _object_storage():
    """The media storage when it is object storage (CONGXA_MEDIA_URL), else None."""
    from django.core.files.storage import storages

    storage = storages["default"]
    if not hasattr(storage, "bucket"):
        return None
    return storage


def _object_prefix(storage) -> str:
    return f"{storage.location.strip('/')}/" if storage.location else ""


def _storage_error(exc: Exception) -> BackupError:
    return BackupError(f"Không đọc/ghi được kho lưu trữ tệp (S3): {exc}")


def _add_bucket_objects(tar: tarfile.TarFile, storage, work: Path) -> int:
    """Every object under the media prefix, as media/<name> in the archive."""
    from botocore.exceptions import BotoCoreError, ClientError

    prefix = _object_prefix(storage)
    count = 0
    try:
        for summary in storage.bucket.objects.filter(Prefix=prefix):
            name = summary.key[len(prefix) :]
            if not name or name.endswith("/"):
                continue
            local = work / "object"
            storage.bucket.download_file(summary.key, str(local))
            tar.add(local, arcname=f"media/{name}")
            local.unlink()
            count += 1
    except (BotoCoreError, ClientError, OSError) as exc:
        raise _storage_error(exc) from exc
    return count


def _restore_bucket_objects(tar: tarfile.TarFile, storage) -> int:
    from botocore.exceptions import BotoCoreError, ClientError

    prefix = _object_prefix(storage)
    try:
        if any(True for _ in storage.bucket.objects.filter(Prefix=prefix).limit(1)):
            raise BackupError(
                f"Kho lưu trữ đích (bucket {storage.bucket_name}, tiền tố "
                f"{prefix or '/'}) không trống: khôi phục chỉ ghi vào chỗ trống để "
                "không ghi đè tệp đang có."
            )
        count = 0
        for member in tar:
            if not member.isfile() or not member.name.startswith("media/"):
                continue
            name = member.name.removeprefix("media/")
            if name.startswith("/") or ".." in Path(name).parts:
                raise BackupError(f"Tên tệp không hợp lệ trong bản sao lưu: {name}")
            # The same object parameters as an upload: public images, private
            # documents.
            storage.bucket.upload_fileobj(
                tar.extractfile(member),
                prefix + name,
                ExtraArgs=storage._get_write_parameters(prefix + name),
            )
            count += 1
    except (BotoCoreError, ClientError) as exc:
        raise _storage_error(exc) from exc
    return count


def backup_create(*, output_dir: Path, now: datetime | None = None) -> BackupResult:
    """Write `congxa-backup-YYYYmmdd-HHMMSS.tar.gz` into output_dir."""
    engine = _engine()
    now = now or datetime.now()
    output_dir.mkdir(parents=True, exist_ok=True)
    archive = output_dir / f"congxa-backup-{now:%Y%m%d-%H%M%S}.tar.gz"
    media_root = Path(settings.MEDIA_ROOT)
    object_storage = _object_storage()
    media = [] if object_storage is not None else _media_files(media_root)
    with tempfile.TemporaryDirectory(prefix="congxa-backup-") as work:
        database = Path(work) / (SQLITE_NAME if engine == "sqlite" else PG_NAME)
        _dump_database(engine, database)
        partial = archive.with_suffix(".part")
        tar = tarfile.open(partial, "w:gz")
        try:
            # Objects first: the manifest counts them.
            media_count = (
                _add_bucket_objects(tar, object_storage, Path(work))
                if object_storage is not None
                else len(media)
            )
        except BaseException:
            tar.close()
            partial.unlink(missing_ok=True)
            raise
        manifest = Path(work) / MANIFEST
        manifest.write_text(
            json.dumps(
                {
                    "format": FORMAT_VERSION,
                    "created": now.isoformat(),
                    "engine": engine,
                    "database": database.name,
                    "media_files": media_count,
                    "media_storage": "s3" if object_storage is not None else "disk",
                },
                indent=2,
            ),
            encoding="utf-8",
        )
        with tar:
            tar.add(manifest, arcname=MANIFEST)
            tar.add(database, arcname=database.name)
            for path in media:
                tar.add(path, arcname=f"media/{path.relative_to(media_root)}")
        partial.chmod(0o600)
        partial.rename(archive)
    return BackupResult(
        path=archive,
        engine=engine,
        media_files=media_count,
        size=archive.stat().st_size,
    )


def _read_manifest(tar: tarfile.TarFile) -> dict:
    try:
        member = tar.extractfile(MANIFEST)
    except KeyError as exc:
        raise BackupError("Tệp này không phải là bản sao lưu của congxa.") from exc
    manifest = json.load(member)
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError("Bản sao lưu thuộc định dạng khác, không khôi phục được.")
    return manifest


def restore_into(*, archive: Path, data_dir: Path) -> dict:
    """Restore an archive into an empty data directory (and, for PostgreSQL, an
    empty database). Refuses anything that would overwrite data."""
    if not archive.is_file():
        raise BackupError(f"Không tìm thấy tệp sao lưu {archive}.")
    if data_dir.exists() and any(
        entry.name not in RESTORE_TOLERATED for entry in data_dir.iterdir()
    ):
        raise BackupError(
            f"Thư mục dữ liệu {data_dir} không trống: khôi phục chỉ ghi vào thư mục "
            "trống để không ghi đè dữ liệu đang có."
        )
    with tarfile.open(archive, "r:gz") as tar:
        manifest = _read_manifest(tar)
        engine = manifest["engine"]
        if engine != _engine():
            raise BackupError(
                f"Bản sao lưu là của {engine}, nhưng cấu hình hiện tại dùng "
                f"{_engine()}: đặt DATABASE_URL cho khớp."
            )
        if (
            engine == "postgresql"
            and connections["default"].introspection.table_names()
        ):
            raise BackupError(
                "Cơ sở dữ liệu PostgreSQL đích không trống: tạo một cơ sở dữ liệu "
                "mới và đặt DATABASE_URL trỏ tới nó."
            )
        object_storage = _object_storage()
        members = None
        if object_storage is not None:
            # Into the bucket (refused unless it is empty there), not the disk.
            _restore_bucket_objects(tar, object_storage)
            members = [m for m in tar.getmembers() if not m.name.startswith("media/")]
        data_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(
            prefix="congxa-restore-", dir=data_dir
        ) as work:
            # The "data" filter refuses absolute paths, links out of the
            # directory and device files.
            tar.extractall(work, members=members, filter="data")
            work_path = Path(work)
            if (work_path / "media").is_dir():
                (work_path / "media").rename(data_dir / "media")
            database = work_path / manifest["database"]
            if engine == "sqlite":
                database.rename(data_dir / "congxa.sqlite3")
            else:
                db = connections["default"].settings_dict
                _run(
                    [
                        "pg_restore",
                        "--no-owner",
                        "--exit-on-error",
                        "--dbname",
                        db["NAME"],
                        str(database),
                    ],
                    _pg_env(db),
                )
    return manifest
