"""`make test` on a fresh machine: missing Debian packages are installed as
root, or named in the one command to run, at once, for anyone else."""

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "system-deps.sh"


def bare_path() -> str:
    """A PATH with the shell's basics and Python, but none of the packages,
    readable by any user."""
    bin_dir = Path(tempfile.mkdtemp(prefix="congxa-bare-path-"))
    bin_dir.chmod(0o755)
    for tool in ("bash", "env", "id", "ls", "python3"):
        (bin_dir / tool).symlink_to(shutil.which(tool))
    return str(bin_dir)


def test_a_normal_user_is_told_the_one_command_to_run():
    result = subprocess.run(  # noqa: S603 (fixed argv)
        [
            shutil.which("runuser"),
            "-u",
            "nobody",
            "--",
            "/usr/bin/env",
            f"PATH={bare_path()}",
            "bash",
            str(SCRIPT),
            "test",
        ],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 1
    assert "sudo apt-get update && sudo apt-get install -y" in result.stderr
    for package in ("chromium", "gettext", "nginx"):
        assert package in result.stderr


def test_nothing_is_printed_when_everything_is_there():
    result = subprocess.run(  # noqa: S603 (fixed argv)
        [shutil.which("bash"), str(SCRIPT), "test"],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
        env={**os.environ},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
