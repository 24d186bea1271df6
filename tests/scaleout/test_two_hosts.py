"""Two app hosts on one PostgreSQL, Redis and S3 server, behind nginx."""

import re
import uuid

from congxa.portal.factories import generated_jpeg

from .conftest import ADMIN_PASSWORD, ADMIN_USER
from .helpers import article, ask_later, publish_title, questions_titled
from .services import Browser, form_fields, get


def test_publish_on_one_host_is_served_by_the_other_at_the_next_request(province):
    a, b = province.hosts
    pk, path = article(province)
    for host in (a, b):  # both hosts have the page in their caches
        get(host.url + path)
        status, headers, _ = get(host.url + path)
        assert status == 200
        assert headers["X-Cache"] == "HIT"
    title = f"Tin đã sửa trên máy A {uuid.uuid4().hex[:6]}"
    publish_title(province, pk, title, env=a.env)
    status, headers, body = get(b.url + path)
    assert status == 200
    assert title in body.decode()
    assert headers["X-Cache"] == "MISS"
    assert title in get(a.url + path)[2].decode()


def test_image_uploaded_through_one_host_is_served_through_the_other(province):
    a, b = province.hosts
    editor = Browser()
    editor.login(a.url, ADMIN_USER, ADMIN_PASSWORD)
    status, _, html = editor.request(a.url + "/admin/images/add/")
    assert status == 200
    fields = form_fields(html)
    collection = re.search(r'name="collection".*?<option value="(\d+)"', html, re.S)
    title = f"Ảnh hai máy {uuid.uuid4().hex[:6]}"
    picture = generated_jpeg(seed=7)
    picture.seek(0)
    status, headers, html = editor.upload(
        a.url + "/admin/images/add/",
        {
            "csrfmiddlewaretoken": fields["csrfmiddlewaretoken"],
            "title": title,
            **({"collection": collection.group(1)} if collection else {}),
        },
        {"file": ("anh-hai-may.jpg", picture.read(), "image/jpeg")},
    )
    assert status == 302, html[:3000]
    (image_id,) = province.sql(
        "SELECT id FROM wagtailimages_image WHERE title = %s", title
    )[0]

    # Host B, same session, shows it, with a rendition it makes from S3.
    status, _, html = editor.request(b.url + f"/admin/images/{image_id}/")
    assert status == 200
    sources = re.findall(r'<img[^>]+src="([^"]+)"', html)
    stored = [src for src in sources if src.startswith(province.s3.endpoint)]
    assert stored, sources
    for url in stored:
        status, headers, body = get(url)  # anonymous, as a visitor's browser
        assert status == 200
        assert headers["Content-Type"].startswith("image/")
        assert (
            body[:3] == b"\xff\xd8\xff" or body[:4] == b"RIFF" or body[:4] == b"\x89PNG"
        )
    assert "/province/images/" in " ".join(stored)


def test_form_token_made_on_one_host_is_accepted_by_the_other(province):
    a, b = province.hosts
    title = f"Câu hỏi qua hai máy {uuid.uuid4().hex[:8]}"
    status, headers, html = ask_later(Browser(), a.url, b.url, title)
    assert status == 200, html[:2000]  # the "received" page, with a tracking code
    assert questions_titled(province, title) == 1


def test_session_survives_alternating_hosts(province):
    a, b = province.hosts
    editor = Browser()
    editor.login(a.url, ADMIN_USER, ADMIN_PASSWORD)
    for host in (b, a, b, a, b, a):
        status, _, html = editor.request(host.url + "/admin/")
        assert status == 200, (host.url, html[:300])
        assert "tinh-admin" in html or "Bảng điều khiển" in html or "dashboard" in html


def test_session_survives_through_nginx(province):
    editor = Browser()
    editor.login(province.nginx, ADMIN_USER, ADMIN_PASSWORD)
    for _ in range(6):  # nginx alternates between the two hosts
        status, headers, _ = editor.request(province.nginx + "/admin/")
        assert status == 200
        assert headers["X-Proxy-Cache"] == "BYPASS"
