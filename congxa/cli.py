"""The `congxa` command: a thin front to the management commands.

    congxa demo                 migrate, load the demo commune, serve it
    congxa serve [--port N] [--workers N]
    congxa import-procedures PATH
    congxa <any manage.py command>

Verbs may be written with dashes; they map to the management command with
underscores (`rebuild-search` -> `rebuild_search`).
"""

from __future__ import annotations

import os
import secrets
import sys
from pathlib import Path

DEMO_HOSTS = "127.0.0.1,localhost,[::1]"
# The configuration a data directory records for itself (see congxa/settings.py).
ENV_FILE = "congxa.env"
ENV_FILE_HEADER = (
    "# Written by `congxa demo`: this data directory is a demo on this machine.\n"
    "# Every `congxa` command run with it uses these values unless the environment\n"
    "# sets them. A production deployment sets its variables in the environment\n"
    "# instead (the same CONGXA_SECRET_KEY on every host) and has no such file.\n"
)


def data_dir_path() -> Path:
    return Path(os.environ.get("CONGXA_DATA_DIR", "var").strip() or "var").resolve()


def prepare_data_dir() -> Path:
    """Create the data directory, or exit with a clear message if it cannot be
    written to."""
    data_dir = data_dir_path()
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        probe = data_dir / ".write-test"
        probe.write_text("ok", encoding="utf-8")
        probe.unlink()
    except OSError as exc:
        sys.stderr.write(
            f"Lỗi: không ghi được vào thư mục dữ liệu {data_dir} ({exc.strerror}).\n"
            "Hãy cấp quyền ghi cho thư mục này hoặc chọn thư mục khác bằng "
            "biến môi trường CONGXA_DATA_DIR.\n"
        )
        raise SystemExit(1) from exc
    return data_dir


def record_demo_configuration(data_dir: Path) -> None:
    """Give a demo data directory its own key and local host names, once.

    Only the demo does this: a production command never invents a key (two hosts
    would then sign with two keys)."""
    env_file = data_dir / ENV_FILE
    if env_file.exists():
        return
    legacy_key_file = data_dir / "secret_key"  # demos made before congxa.env
    if legacy_key_file.exists():
        key = legacy_key_file.read_text(encoding="utf-8").strip()
    else:
        key = secrets.token_urlsafe(50)
    try:
        descriptor = os.open(env_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as out:
            out.write(ENV_FILE_HEADER)
            out.write(f"CONGXA_SECRET_KEY={key}\n")
            out.write(f"CONGXA_ALLOWED_HOSTS={DEMO_HOSTS}\n")
    except OSError as exc:
        sys.stderr.write(
            f"Lỗi: không ghi được tệp cấu hình {env_file} ({exc.strerror}).\n"
        )
        raise SystemExit(1) from exc
    legacy_key_file.unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congxa.settings")
    if not argv or argv[0] in {"-h", "--help", "help"}:
        sys.stdout.write(__doc__ or "")
        argv = argv[1:] or []
        if not argv:
            return
    verb = argv[0].replace("-", "_")
    if verb == "demo":
        # The demo runs on this machine only: its own key, local host names.
        record_demo_configuration(prepare_data_dir())
    elif verb in {"migrate", "serve", "seed_demo", "import_site"}:
        prepare_data_dir()

    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(["congxa", verb, *argv[1:]])
    except ImproperlyConfigured as exc:
        sys.stderr.write(f"Lỗi cấu hình: {exc}\n")
        raise SystemExit(2) from exc
    except Exception as exc:
        # A full or read-only disk, or a database or storage that is down: one
        # Vietnamese line and a non-zero exit, not a traceback.
        from congxa.portal.degraded import command_outage_message

        message = command_outage_message(exc)
        if message is None:
            raise
        sys.stderr.write(f"Lỗi: {message} ({exc})\n")
        raise SystemExit(1) from exc


if __name__ == "__main__":
    main()
