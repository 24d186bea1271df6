"""deploy/nginx.conf, run by Debian's nginx in front of `congxa serve`."""

import re
import time

from .servers import http_get, nginx_in_front, served


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
