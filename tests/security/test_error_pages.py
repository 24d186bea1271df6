"""Every error status has a Vietnamese page in the site's style, and a refused
request writes one log line, while a real error keeps its traceback."""

import io
import logging

import pytest
from django.test import Client

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.security.urls")]

HOST = "vinhthuy.localhost"


@pytest.fixture
def client():
    # The error handlers answer, as in production, instead of the exception
    # reaching the test.
    return Client(raise_request_exception=False, HTTP_HOST=HOST)


@pytest.fixture
def known_hosts(settings):
    settings.ALLOWED_HOSTS = [HOST]


def assert_site_page(response, status, heading):
    html = response.content.decode()
    assert response.status_code == status
    assert '<html lang="vi">' in html
    assert "congxa.css" in html  # the site's style
    assert "site-header" in html
    assert heading in html
    for english in (
        "Bad Request",
        "Forbidden",
        "CSRF verification failed",
        "Server Error (500)",
    ):
        assert english not in html


def test_unknown_host_is_a_vietnamese_400(client, known_hosts, site):
    response = client.get("/", HTTP_HOST="ke-gian.example")
    assert_site_page(response, 400, "Yêu cầu không hợp lệ")


def test_form_without_csrf_token_is_a_vietnamese_403(site):
    client = Client(enforce_csrf_checks=True, HTTP_HOST=HOST)
    response = client.post("/admin/login/", {"username": "a", "password": "b"})
    assert_site_page(response, 403, "Biểu mẫu đã hết hạn")
    assert "Chưa có gì được lưu" in response.content.decode()


def test_permission_denied_is_a_vietnamese_403(client, site):
    assert_site_page(client.get("/_thu/cam/"), 403, "Không có quyền truy cập")


def test_missing_page_is_a_vietnamese_404(client, site):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_wrong_method_is_a_vietnamese_405_keeping_allow(client, site):
    response = client.post("/_thu/chi-get/")
    assert_site_page(response, 405, "Phương thức không được hỗ trợ")
    assert response["Allow"] == "GET"


def test_oversized_body_is_a_vietnamese_413(client, site, settings):
    settings.CONGXA_MAX_REQUEST_BYTES = 1024
    response = client.post(
        "/admin/login/", data=b"x" * 2048, content_type="application/octet-stream"
    )
    assert_site_page(response, 413, "Tệp quá lớn")


def test_form_over_djangos_memory_limit_is_a_413_not_a_400(client, site, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    response = client.post("/admin/login/", {"username": "a" * 4096, "password": "b"})
    assert_site_page(response, 413, "Yêu cầu quá lớn")


@pytest.mark.parametrize(
    ("status", "heading"),
    [
        (400, "Yêu cầu không hợp lệ"),
        (403, "Không có quyền truy cập"),
        (429, "Quá nhiều yêu cầu"),
        (503, "Dịch vụ tạm thời gián đoạn"),
    ],
)
def test_empty_error_responses_get_their_page(client, site, status, heading):
    assert_site_page(client.get(f"/_thu/trang-thai/{status}/"), status, heading)


def test_server_error_is_a_vietnamese_500(client, site):
    assert_site_page(client.get("/_thu/loi/"), 500, "Lỗi máy chủ")


def test_login_lockout_pages_have_the_site_style(client, site):
    for _ in range(6):
        response = client.post(
            "/admin/login/",
            {"username": "x", "password": "sai"},
            REMOTE_ADDR="10.4.4.4",
        )
    assert response.status_code == 429
    assert "congxa.css" in response.content.decode()


# Quiet logs.


@pytest.fixture
def log_output():
    """What the configured handlers write, whoever logs."""
    stream = io.StringIO()
    handlers = [
        handler
        for name in ("django.security", "django.request", "")
        for handler in logging.getLogger(name).handlers
        # The settings' own handlers, not pytest's capturing ones.
        if type(handler) is logging.StreamHandler
    ]
    previous = [handler.setStream(stream) for handler in handlers]
    yield stream
    for handler, old in zip(handlers, previous, strict=True):
        handler.setStream(old)


def test_unknown_host_writes_one_line_without_traceback(
    client, known_hosts, site, log_output
):
    client.get("/", HTTP_HOST="ke-gian.example")
    lines = log_output.getvalue().splitlines()
    assert len(lines) == 1, lines
    assert "ke-gian.example" in lines[0]
    assert "Traceback" not in log_output.getvalue()


def test_path_tricks_write_one_line_each(client, site, log_output):
    for url in (
        "/media/../congxa.sqlite3",
        "/media/%2e%2e/secret_key",
        "/media/..%2fx",
    ):
        assert client.get(url).status_code in (400, 404)
    output = log_output.getvalue()
    assert "Traceback" not in output
    assert len(output.splitlines()) <= 3


def test_two_hundred_refused_requests_write_two_hundred_lines(
    client, known_hosts, site, log_output
):
    for n in range(200):
        client.get(f"/khong-co-{n}/", HTTP_HOST=f"h{n}.example")
    assert len(log_output.getvalue().splitlines()) == 200


def test_real_error_keeps_its_traceback(client, site, log_output):
    client.get("/_thu/loi/")
    output = log_output.getvalue()
    assert "Traceback" in output
    assert "lỗi thật trong mã" in output


def test_service_down_page_says_which_service(db):
    from congxa.portal.degraded import unavailable_response

    response = unavailable_response("database")
    html = response.content.decode()
    assert response.status_code == 503
    assert "congxa.css" in html
    assert "Dịch vụ tạm thời gián đoạn" in html
    assert "cơ sở dữ liệu" in html


@pytest.fixture
def fresh_writability_check(monkeypatch):
    from congxa.portal import degraded

    monkeypatch.setitem(degraded._writable, "checked_at", float("-inf"))
    yield degraded
    degraded._writable.update(checked_at=float("-inf"), ok=True)


def test_a_data_directory_that_cannot_be_written_answers_503(
    client, site, settings, tmp_path, fresh_writability_check
):
    settings.DATABASE_URL = ""  # embedded mode, whatever database the suite runs on
    assert client.get("/healthz").status_code == 200
    settings.DATA_DIR = tmp_path / "remounted-read-only"  # access(W_OK) fails
    fresh_writability_check._writable["checked_at"] = float("-inf")
    for url in ("/", "/healthz", "/hoi-dap/gui-cau-hoi/"):
        response = client.get(url)
        assert response.status_code == 503, url
        assert response["Retry-After"] == "30"
        assert "chỉ cho phép đọc" in response.content.decode()
    settings.DATA_DIR = tmp_path
    fresh_writability_check._writable["checked_at"] = float("-inf")
    assert client.get("/healthz").status_code == 200


def test_a_province_deployment_does_not_look_at_the_data_directory(
    settings, tmp_path, fresh_writability_check
):
    settings.DATABASE_URL = "postgres://127.0.0.1/congxa"
    settings.DATA_DIR = tmp_path / "absent"
    assert not fresh_writability_check.data_directory_read_only()
