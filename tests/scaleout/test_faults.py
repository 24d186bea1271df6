"""Parts of the province fail during requests: status codes before, during and
after, and nothing submitted before the fault is lost. Each test restores what it
stopped. Bounded: every wait has a deadline."""

from __future__ import annotations

import re
import signal
import threading
import time
import uuid

from .conftest import ADMIN_PASSWORD, ADMIN_USER
from .helpers import (
    article,
    ask_later,
    publish_title,
    questions_titled,
)
from .services import Browser, form_fields, get, wait_until

RETRY = 6  # a little more than the cache backend's RETRY_SECONDS


def statuses(urls: list[str]) -> list[int]:
    return [get(url, timeout=20)[0] for url in urls]


def submit(province, host_url: str, tag: str) -> str:
    title = f"Câu hỏi {tag} {uuid.uuid4().hex[:8]}"
    status, _, html = ask_later(Browser(), host_url, host_url, title)
    assert status == 200, (tag, status, html[:500])
    return title


def warm(url: str) -> None:
    get(url)
    assert get(url)[1]["X-Cache"] == "HIT"


def test_redis_stopped_during_requests(province):
    a, b = province.hosts
    pk, path = article(province)
    before = submit(province, a.url, "trước khi Redis dừng")
    warm(a.url + path)
    assert statuses([a.url + path, b.url + "/", a.url + "/admin/login/"]) == [200] * 3

    province.redis.stop()
    try:
        # Pages from the database, uncached; forms and the admin work.
        during = [get(a.url + path), get(b.url + path), get(b.url + "/")]
        assert [r[0] for r in during] == [200, 200, 200]
        assert during[0][1]["X-Cache"] == "MISS"
        assert get(a.url + "/admin/login/")[0] == 200
        editor = Browser()
        editor.login(b.url, ADMIN_USER, ADMIN_PASSWORD)
        assert editor.request(a.url + "/admin/")[0] == 200
        during_question = submit(province, b.url, "trong lúc Redis dừng")
        title = f"Sửa trong lúc Redis dừng {uuid.uuid4().hex[:6]}"
        publish_title(province, pk, title, env=a.env)
        assert title in get(b.url + path)[2].decode()
    finally:
        province.redis.start()

    time.sleep(RETRY)
    for host in (a, b):
        for _ in range(2):  # after the back-off, the cache is used again
            status, headers, body = get(host.url + path)
            assert status == 200
            assert title in body.decode()
    assert get(a.url + path)[1]["X-Cache"] == "HIT"
    for question in (before, during_question):
        assert questions_titled(province, question) == 1
    # One warning a minute per process, not one per request.
    for host in (a, b):
        warnings = host.output().count("không trả lời")
        assert 1 <= warnings <= 4, host.output()[-3000:]


def test_publish_during_a_partition_leaves_no_stale_page(province):
    """Redis cut off (its data kept): a publish then must show once it is back."""
    a, b = province.hosts
    pk, path = article(province)
    for host in (a, b):
        warm(host.url + path)
    province.redis_relay.cut()
    try:
        title = f"Sửa trong lúc mất kết nối {uuid.uuid4().hex[:6]}"
        publish_title(province, pk, title, env=a.env)
        pending = province.sql("SELECT count(*) FROM portal_pendingcacheinvalidation")
        assert pending[0][0] >= 1  # the failed bump is on record
        assert title in get(b.url + path)[2].decode()
    finally:
        province.redis_relay.start()
    # At once, from every worker of both hosts, including those that saw no
    # error (no request during the cut): Redis still holds the old page and
    # the old generation numbers, but the publish waited for every lease on
    # them to run out, so the first read finds the record and moves the epoch.
    for _ in range(4):
        for host in (a, b):
            status, _, body = get(host.url + path)
            assert status == 200
            assert title in body.decode(), host.url
    assert province.sql("SELECT count(*) FROM portal_pendingcacheinvalidation") == [
        (0,)
    ]


def test_postgres_stopped_and_restarted(province):
    a, b = province.hosts
    pk, path = article(province)
    before = submit(province, a.url, "trước khi PostgreSQL dừng")
    for host in (a, b):
        warm(host.url + path)
    browser = Browser()
    form_page = browser.request(a.url + "/hoi-dap/gui-cau-hoi/")[2]

    province.postgres.stop()
    try:
        # Cached pages still served; everything else: 503, in Vietnamese.
        for host in (a, b):
            status, headers, _ = get(host.url + path)
            assert status == 200
            assert headers["X-Cache"] == "HIT"
        for url in (
            b.url + "/tim-kiem/?q=thu+tuc",
            a.url + "/healthz",
            a.url + "/admin/",
        ):
            status, headers, body = get(url)
            text = body.decode()
            assert status == 503, (url, status)
            assert headers["Retry-After"] == "30"
            assert "tạm thời gián đoạn" in text.lower()
            assert "Traceback" not in text
        status, _, text = browser.request(
            a.url + "/hoi-dap/gui-cau-hoi/", {**form_fields(form_page), "title": "x"}
        )
        assert status == 503
        assert "cơ sở dữ liệu" in text
    finally:
        province.postgres.start()

    # Recovery without a restart of the app.
    def recovered():
        return statuses([a.url + "/healthz", b.url + "/healthz"]) == [200, 200]

    wait_until(recovered, 30, "hosts answering after PostgreSQL restart")
    assert statuses([a.url + "/tim-kiem/?q=thu+tuc", b.url + "/admin/login/"]) == [
        200,
        200,
    ]
    after = submit(province, b.url, "sau khi PostgreSQL chạy lại")
    for question in (before, after):
        assert questions_titled(province, question) == 1


def _upload(editor: Browser, base: str, title: str):
    from congxa.portal.factories import generated_jpeg

    status, _, html = editor.request(base + "/admin/images/add/")
    assert status == 200
    picture = generated_jpeg(seed=11)
    picture.seek(0)
    collection = re.search(r'name="collection".*?<option value="(\d+)"', html, re.S)
    return editor.upload(
        base + "/admin/images/add/",
        {
            "csrfmiddlewaretoken": form_fields(html)["csrfmiddlewaretoken"],
            "title": title,
            **({"collection": collection.group(1)} if collection else {}),
        },
        {"file": ("anh.jpg", picture.read(), "image/jpeg")},
    )


def test_object_storage_unreachable(province):
    a, b = province.hosts
    editor = Browser()
    editor.login(a.url, ADMIN_USER, ADMIN_PASSWORD)
    kept = f"Ảnh trước sự cố {uuid.uuid4().hex[:6]}"
    assert _upload(editor, a.url, kept)[0] == 302
    pages = [a.url + "/", b.url + "/"]
    assert statuses(pages) == [200, 200]

    province.s3.relay.cut()
    try:
        # Pages render (their image URLs need no call to the storage).
        assert statuses(pages) == [200, 200]
        assert get(b.url + "/?khong-luu-dem=1")[0] == 200
        lost = f"Ảnh trong sự cố {uuid.uuid4().hex[:6]}"
        status, headers, html = _upload(editor, b.url, lost)
        assert status == 503
        assert "Kho lưu trữ tệp tạm thời gián đoạn" in html
        assert "Traceback" not in html
        assert province.sql(
            "SELECT count(*) FROM wagtailimages_image WHERE title = %s", lost
        ) == [(0,)]  # nothing half-saved
    finally:
        province.s3.relay.start()

    assert _upload(editor, b.url, f"Ảnh sau sự cố {uuid.uuid4().hex[:6]}")[0] == 302
    ((image_id,),) = province.sql(
        "SELECT id FROM wagtailimages_image WHERE title = %s", kept
    )
    assert editor.request(a.url + f"/admin/images/{image_id}/")[0] == 200


def test_worker_killed_mid_request(province):
    a, _ = province.hosts
    pk, path = article(province)
    before = submit(province, a.url, "trước khi tiến trình bị giết")
    workers = a.worker_pids()
    assert len(workers) == 2
    results: list[int] = []

    def read(url):
        try:
            results.append(get(url, timeout=30)[0])
        except Exception:  # noqa: BLE001 (the killed worker's connection)
            results.append(0)

    # Requests in flight through nginx while one of host A's workers dies.
    threads = [
        threading.Thread(target=read, args=(province.nginx + f"/tim-kiem/?q=x{i}",))
        for i in range(12)
    ]
    for thread in threads:
        thread.start()
    time.sleep(0.05)
    import os

    os.kill(workers[0], signal.SIGKILL)
    for thread in threads:
        thread.join(60)
    # nginx retries an idempotent request on the other host: no visitor error.
    assert results.count(200) == len(threads), results

    wait_until(lambda: len(a.worker_pids()) == 2, 60, "gunicorn replacing the worker")
    assert workers[0] not in a.worker_pids()
    assert statuses([a.url + path, a.url + "/healthz"]) == [200, 200]
    after = submit(province, a.url, "sau khi tiến trình bị giết")
    for question in (before, after):
        assert questions_titled(province, question) == 1
