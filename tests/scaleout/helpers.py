"""Requests a province test makes: a citizen's question, an editor's publish."""

from __future__ import annotations

import re
import time

from .services import Browser, form_fields

ASK_PATH = "/hoi-dap/gui-cau-hoi/"
ARTICLE_SNIPPET = """
from congxa.news.models import ArticlePage
page = ArticlePage.objects.live().order_by("-date").first()
print(page.pk, page.url_path.split("/", 2)[2])
"""
PUBLISH_SNIPPET = """
from congxa.news.models import ArticlePage
page = ArticlePage.objects.get(pk={pk})
page.title = {title!r}
page.save_revision().publish()
"""


def article(province) -> tuple[int, str]:
    pk, path = province.shell(ARTICLE_SNIPPET).split()[-2:]
    return int(pk), "/" + path


def publish_title(province, pk: int, title: str, env=None) -> None:
    from .services import manage

    manage(
        env or province.env, "shell", "-c", PUBLISH_SNIPPET.format(pk=pk, title=title)
    )


def question_form(browser: Browser, base: str) -> dict[str, str]:
    status, _, html = browser.request(base + ASK_PATH)
    assert status == 200, html[:1000]
    fields = form_fields(html)
    topic = re.search(r'<select[^>]*name="topic".*?<option value="(\d+)"', html, re.S)
    if topic:
        fields["topic"] = topic.group(1)
    return fields


def ask(browser: Browser, base: str, fields: dict[str, str], title: str):
    """POST a question with the hidden fields a form page handed out."""
    data = {
        **fields,
        "name": "Nguyễn Văn An",
        "phone": "0912 345 678",
        "email": "",
        "address": "Thôn Đông",
        "title": title,
        "text": f"Tôi cần chuẩn bị giấy tờ gì? Mã câu hỏi: {title}.",
        "consent": "on",
        "website": "",
    }
    return browser.request(base + ASK_PATH, data)


def ask_later(browser: Browser, form_base: str, post_base: str, title: str):
    """Form from one host, answer sent to another, after the minimum wait."""
    fields = question_form(browser, form_base)
    time.sleep(3.2)  # congxa.engagement.abuse.MIN_SECONDS_TO_SUBMIT
    return ask(browser, post_base, fields, title)


def questions_titled(province, title: str) -> int:
    return province.sql(
        "SELECT count(*) FROM engagement_question WHERE title = %s", title
    )[0][0]
