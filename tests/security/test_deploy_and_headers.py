import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]


def test_check_deploy_passes_in_production_mode_over_https(tmp_path):
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(tmp_path),
        "CONGXA_HTTPS": "1",
        "CONGXA_SECRET_KEY": secrets.token_urlsafe(60),
        "CONGXA_ALLOWED_HOSTS": "vinhthuy.gov.vn",
        "CONGXA_DATA_DIR": str(tmp_path / "data"),
    }
    result = subprocess.run(  # noqa: S603
        [
            sys.executable,
            "-m",
            "congxa.cli",
            "check",
            "--deploy",
            "--fail-level",
            "WARNING",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_without_https_flag_is_flagged_by_check_deploy(tmp_path):
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(tmp_path),
        "CONGXA_SECRET_KEY": secrets.token_urlsafe(60),
        "CONGXA_ALLOWED_HOSTS": "vinhthuy.gov.vn",
        "CONGXA_DATA_DIR": str(tmp_path / "data"),
    }
    result = subprocess.run(  # noqa: S603
        [
            sys.executable,
            "-m",
            "congxa.cli",
            "check",
            "--deploy",
            "--fail-level",
            "WARNING",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert "SECURE_SSL_REDIRECT" in result.stderr + result.stdout


def test_admin_pages_are_not_indexable_and_not_framable(client, django_user_model):
    user = django_user_model.objects.create_superuser("bbt", "bbt@example.vn", "x" * 14)
    client.force_login(user)
    for url in (reverse("wagtailadmin_login"), reverse("wagtailadmin_home")):
        response = client.get(url)
        assert response["X-Robots-Tag"] == "noindex, nofollow"
        assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
        assert response["X-Content-Type-Options"] == "nosniff"


def test_public_page_headers_have_no_inline_script_or_third_party(client, home):
    response = client.get("/", HTTP_HOST="vinhthuy.localhost")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert "http" not in csp
    assert response["Referrer-Policy"]
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_lockout_and_413_pages_carry_security_headers(client, db):
    response = client.post(
        "/admin/login/",
        data=b"x",
        content_type="text/plain",
        CONTENT_LENGTH=str(10**10),
    )
    assert response.status_code == 413
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_cached_public_page_is_still_not_framable(client, home):
    first = client.get("/", HTTP_HOST="vinhthuy.localhost")
    second = client.get("/", HTTP_HOST="vinhthuy.localhost")
    for response in (first, second):
        assert response["X-Frame-Options"] == "DENY"
        assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_admin_live_preview_may_be_framed_by_the_admin_only(
    client, home, django_user_model
):
    user = django_user_model.objects.create_superuser("bbt", "bbt@example.vn", "x" * 14)
    client.force_login(user)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[home.pk])
    response = client.get(url)
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    csp = response["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in csp
    assert "default-src 'self'" in csp
