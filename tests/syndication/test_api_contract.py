"""schemathesis, run against the served demo from the published OpenAPI
description: no server error and no response outside the description."""

import shutil
import subprocess
import sys
from pathlib import Path

import feedparser
from openapi_spec_validator import validate


def schemathesis() -> str:
    found = shutil.which("schemathesis", path=str(Path(sys.executable).parent))
    assert found, "schemathesis is not installed (pip install -r requirements.lock)"
    return found


def test_schemathesis_finds_no_server_error_nor_schema_violation(live_demo, tmp_path):
    result = subprocess.run(  # noqa: S603 (fixed argv)
        [
            schemathesis(),
            "run",
            live_demo.url + "/api/v1/openapi.json",
            "--checks",
            "all",
            "--max-examples",
            "25",
            "--seed",
            "14",
            "--generation-deterministic",
            "--report-dir",
            str(tmp_path),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-4000:]
    assert "No issues found" in result.stdout


def test_served_description_validates(live_demo):
    import json
    import urllib.request

    with urllib.request.urlopen(  # noqa: S310 (the test server)
        live_demo.url + "/api/v1/openapi.json", timeout=30
    ) as response:
        validate(json.load(response))


def test_served_feeds_parse(live_demo):
    for path in ("/rss/", "/atom/", "/rss/van-ban/", "/rss/hoi-dap/"):
        feed = feedparser.parse(live_demo.url + path)
        assert not feed.bozo, (path, feed.get("bozo_exception"))
        assert feed.entries, path
