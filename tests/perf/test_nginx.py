"""deploy/nginx.conf, run by Debian's nginx in front of `congxa serve`."""

import re
import time

from .servers import free_port, http_get, manage, nginx_in_front, served


def test_nginx_in_front_of_the_app(served_demo):
    data_dir, _, path = served_demo
    with served(data_dir) as app_url, nginx_in_front(app_url, data_dir) as url:
        # A public page comes through, compressed, then from nginx's cache.
        status, headers, body = http_get(url + path, {"Accept-Encoding": "gzip"})
        assert status == 200
        assert headers["Content-Encoding"] == "gzip"
        assert headers["X-Proxy-Cache"] in {"MISS", "EXPIRED", "STALE", "UPDATING"}
        for _ in range(20):
            status, headers, body = http_get(url + path)
            if headers["X-Proxy-Cache"] == "HIT":
                break
            time.sleep(0.1)
        assert headers["X-Proxy-Cache"] == "HIT"
        assert "Cổng thông tin" in body.decode() or "Vĩnh Thủy" in body.decode()

        # Static files come from the data directory, by nginx, for a year.
        css = re.search(r'href="(/static/[^"]+\.css)"', body.decode()).group(1)
        status, headers, _ = http_get(url + css, {"Accept-Encoding": "gzip"})
        assert status == 200
        assert headers["Content-Type"].startswith("text/css")
        assert "max-age=31536000" in headers["Cache-Control"]
        assert "immutable" in headers["Cache-Control"]
        assert headers["Content-Encoding"] == "gzip"  # the .gz copy, ready made
        # The app adds a Permissions-Policy to all it serves: this came from nginx.
        assert "Permissions-Policy" not in headers
        assert "Permissions-Policy" in http_get(app_url + css)[1]

        # An editor (session cookie) always reaches the app.
        for _ in range(2):
            status, headers, _ = http_get(url + path, {"Cookie": "sessionid=abc"})
            assert status == 200
            assert headers["X-Proxy-Cache"] == "BYPASS"

        # The admin is never cached.
        status, headers, _ = http_get(url + "/admin/login/")
        assert status == 200
        assert headers["X-Proxy-Cache"] == "BYPASS"


PUBLISH = """
from congxa.news.models import ArticlePage
page = ArticlePage.objects.get(pk={pk})
page.title = {title!r}
page.save_revision().publish()
"""


def test_micro_cache_follows_a_publish_within_a_second(served_demo):
    data_dir, pk, path = served_demo
    with served(data_dir) as app_url, nginx_in_front(app_url, data_dir) as url:
        for _ in range(3):
            http_get(url + path)
        assert http_get(url + path)[1]["X-Proxy-Cache"] in {"HIT", "UPDATING"}
        new_title = "Cập nhật khẩn: nước lũ đang lên"
        manage(data_dir, "shell", "-c", PUBLISH.format(pk=pk, title=new_title))
        # nginx keeps a page 1 s; past that the copy is refreshed from the app in
        # the background (requests meanwhile get the old copy). Bounded poll:
        # the figure itself is measured by bench/spike.py, not asserted here.
        seen = []
        for _ in range(50):
            status, headers, body = http_get(url + path)
            seen.append(headers["X-Proxy-Cache"])
            if new_title in body.decode():
                break
            time.sleep(0.2)
        assert new_title in body.decode(), seen
        # Past the update, every answer has it.
        for _ in range(5):
            assert new_title in http_get(url + path)[2].decode()


def test_site_stays_readable_from_the_mirror_when_the_app_is_down(
    served_demo, tmp_path
):
    data_dir, _, path = served_demo
    mirror = tmp_path / "mirror"
    output = manage(
        data_dir,
        "export_static",
        "--site",
        "127.0.0.1",
        "--output",
        str(mirror / "127.0.0.1"),
    )
    assert "lỗi 0" in output
    tmp_path.chmod(0o755)  # nginx's workers read the mirror
    port = free_port()
    app_url = f"http://127.0.0.1:{port}"
    with nginx_in_front(app_url, data_dir, mirror_dir=mirror, wait=False) as url:
        with served(data_dir, port=port):
            status, headers, _ = http_get(url + path)
            assert status == 200
            assert "X-Congxa-Mirror" not in headers
        # Every app process stopped.
        status, headers, body = http_get(url + path)
        assert status == 200  # nginx's stale copy, or the mirror
        home_status, home_headers, home = http_get(url + "/van-ban/")
        assert home_status == 200
        assert home_headers["X-Congxa-Mirror"] == "1"
        text = home.decode()
        assert "Văn bản" in text
        assert "biểu mẫu" in text  # the notice: forms are unavailable
        # Pagination, a procedure's page and a document's file come from it too.
        procedure = re.search(r'href="(/thu-tuc-hanh-chinh/[^"/?#]+/)"', text)
        if procedure is None:
            listing = http_get(url + "/thu-tuc-hanh-chinh/")[2].decode()
            procedure = re.search(r'href="(/thu-tuc-hanh-chinh/[^"/?#]+/)"', listing)
        assert http_get(url + procedure.group(1))[0] == 200
        file_link = re.search(r'href="(/van-ban/[^"]+/tep/\d+/)"', text) or re.search(
            r'href="(/documents/[^"]+)"', text
        )
        if file_link is not None:
            status, headers, body = http_get(url + file_link.group(1))
            assert status == 200
            assert body.startswith(b"%PDF")
        # The static files the pages use still come from nginx.
        css = re.search(r'href="(/static/[^"]+\.css)"', text).group(1)
        assert http_get(url + css)[0] == 200
        # An address the mirror does not have: unavailable, not a broken page.
        assert http_get(url + "/khong-co-trang-nay/")[0] == 503

        # The app comes back: pages come from it again.
        with served(data_dir, port=port):
            for _ in range(30):
                status, headers, _ = http_get(url + "/van-ban/")
                if "X-Congxa-Mirror" not in headers:
                    break
                time.sleep(0.2)
            assert status == 200
            assert "X-Congxa-Mirror" not in headers


WITHDRAWN_SNIPPET = """
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from congxa.documents.models import LegalDocumentAttachment, LegalDocumentPage
Document = get_document_model()
withdrawn = Document(title="Dự thảo đã rút")
withdrawn.file.save("du-thao-da-rut.pdf", ContentFile(b"%PDF-1.4 rut lai"), save=True)
live = LegalDocumentAttachment.objects.filter(
    page__in=LegalDocumentPage.objects.live().public()
).select_related("document").first().document
print(withdrawn.url, withdrawn.file.name, live.url, live.file.name)
"""


def test_nginx_never_serves_a_withdrawn_document_from_disk(served_demo):
    from .servers import manage

    data_dir, _, _ = served_demo
    out = manage(data_dir, "shell", "-c", WITHDRAWN_SNIPPET).split()[-4:]
    withdrawn_url, withdrawn_name, live_url, live_name = out
    assert (data_dir / "media" / withdrawn_name).exists()
    with served(data_dir) as app_url, nginx_in_front(app_url, data_dir) as url:
        for path in (withdrawn_url, "/media/" + withdrawn_name):
            status, headers, body = http_get(url + path)
            assert status == 404, path
            assert b"rut lai" not in body
            assert headers.get("X-Proxy-Cache") is None  # the app answered
        for path in (live_url, "/media/" + live_name):
            status, headers, body = http_get(url + path)
            assert status == 200, path
            assert body.startswith(b"%PDF-")
            # Twice, and never from nginx's page cache.
            status, headers, _ = http_get(url + path)
            assert headers.get("X-Proxy-Cache") is None
