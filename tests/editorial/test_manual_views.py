"""The manuals in the admin's Help menu, instead of Wagtail's English guide."""

import json
import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def sidebar_help_items(html: str) -> list[dict]:
    props = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>',
        html,
        re.S,
    ).group(1)
    found = []

    def walk(node):
        if isinstance(node, dict):
            args = node.get("_args") or [{}]
            if isinstance(args[0], dict) and args[0].get("name") == "help":
                found.extend(args[1])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(json.loads(props))
    return found


def test_help_menu_lists_the_vietnamese_manuals(client, writer):
    client.force_login(writer)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "guide.wagtail.org" not in html
    text = json.dumps(sidebar_help_items(html), ensure_ascii=False)
    assert "Hướng dẫn sử dụng" in text and "Hướng dẫn quản trị" in text
    assert "/admin/huong-dan/huong-dan-su-dung/" in text
    assert "Editor Guide" not in text and "What's new" not in text


def test_manual_page_shows_sections_and_screenshots(client, writer):
    client.force_login(writer)
    response = client.get(reverse("editorial_manual", args=["huong-dan-su-dung"]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Hướng dẫn sử dụng cổng thông tin điện tử xã, phường" in html
    assert "Viết và gửi duyệt một tin bài có ảnh" in html
    images = re.findall(r'src="(/admin/huong-dan/anh/[^"]+)"', html)
    assert images
    picture = client.get(images[0])
    assert picture.status_code == 200 and picture["Content-Type"] == "image/png"


def test_printable_manual_is_one_page_with_its_pictures(client, commune_admin):
    client.force_login(commune_admin)
    url = reverse("editorial_manual_print", args=["huong-dan-quan-tri"])
    html = client.get(url).content.decode()
    assert '<html lang="vi">' in html and "data:image/png;base64," in html


def test_unknown_manual_or_picture_is_not_found(client, writer):
    client.force_login(writer)
    assert client.get("/admin/huong-dan/khong-co/").status_code == 404
    assert client.get("/admin/huong-dan/anh/khong-co.png").status_code == 404
    assert client.get("/admin/huong-dan/anh/..huong-dan-su-dung.md").status_code == 404
    traversal = client.get("/admin/huong-dan/anh/..%2Fhuong-dan-su-dung.md")
    assert traversal.status_code != 200


def test_manual_needs_a_login(client, db):
    response = client.get(reverse("editorial_manual", args=["huong-dan-su-dung"]))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_dashboard_points_to_the_manual_not_the_wagtail_guide(client, writer):
    client.force_login(writer)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("editorial_manual", args=["huong-dan-su-dung"]) in html
    assert "editor guide" not in html.lower()
