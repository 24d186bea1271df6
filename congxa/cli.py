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


def prepare_data_dir() -> Path:
    """Create the data directory and its secret key, or exit with a clear message."""
    data_dir = Path(os.environ.get("CONGXA_DATA_DIR", "var")).resolve()
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        probe = data_dir / ".write-test"
        probe.write_text("ok", encoding="utf-8")
        probe.unlink()
        key_file = data_dir / "secret_key"
        if not key_file.exists() and not os.environ.get("CONGXA_SECRET_KEY"):
            key_file.write_text(secrets.token_urlsafe(50), encoding="utf-8")
            key_file.chmod(0o600)
    except OSError as exc:
        sys.stderr.write(
            f"Lỗi: không ghi được vào thư mục dữ liệu {data_dir} ({exc.strerror}).\n"
            "Hãy cấp quyền ghi cho thư mục này hoặc chọn thư mục khác bằng "
            "biến môi trường CONGXA_DATA_DIR.\n"
        )
        raise SystemExit(1) from exc
    return data_dir


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
        prepare_data_dir()
        os.environ.setdefault("CONGXA_ALLOWED_HOSTS", DEMO_HOSTS)
    elif verb in {"migrate", "serve", "seed_demo"}:
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
