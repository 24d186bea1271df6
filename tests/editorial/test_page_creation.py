"""One create form makes one page, though Wagtail's autosave and the writer's
click both post it to the create view (`congxa/editorial/page_creation.py`)."""

import re

import pytest
from django.urls import reverse
from wagtail.models import Page

from congxa.news.models import ArticlePage

from .test_slugs import article_data

pytestmark = pytest.mark.django_db

TITLE = "Xã tổ chức tiêm phòng cho đàn gia súc"
SLUG = "xa-to-chuc-tiem-phong-cho-dan-gia-suc"
# What Wagtail's autosave controller (w-autosave) sends: the form's fields, with
# no `action-*` button, and this header.
AUTOSAVE = {"HTTP_ACCEPT": "application/json"}


def create_url(section) -> str:
    return reverse("wagtailadmin_pages:add", args=["news", "articlepage", section.pk])


def opened_form(client, section, title: str = TITLE) -> dict:
    """The article form as the browser posts it: with the hidden fields the
    create view rendered (the form's token among them)."""
    html = client.get(create_url(section)).content.decode()
    data = article_data(title)
    for tag in re.findall(r'<input[^>]*type="hidden"[^>]*>', html):
        name = re.search(r'name="([^"]+)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if name and value and name.group(1).startswith("congxa_"):
            data[name.group(1)] = value.group(1)
    return data


def submitted(data: dict) -> dict:
    return {**data, "action-submit": "1"}


def articles(section):
    return ArticlePage.objects.child_of(section).order_by("pk")


def test_submit_after_an_autosave_of_the_same_form_makes_one_page(
    client, section, writer
):
    client.force_login(writer)
    data = opened_form(client, section)
    autosave = client.post(create_url(section), data, **AUTOSAVE)
    assert autosave.json()["success"]
    # The click came before the autosave's answer: the form still posts here.
    response = client.post(create_url(section), submitted(data))
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_explore", args=[section.pk])
    assert [page.slug for page in articles(section)] == [SLUG]
    assert articles(section).get().workflow_in_progress


def test_autosave_after_the_submit_of_the_same_form_makes_no_page(
    client, section, writer
):
    client.force_login(writer)
    data = opened_form(client, section)
    client.post(create_url(section), submitted(data))
    autosave = client.post(create_url(section), data, **AUTOSAVE)
    # Nothing alarming for the writer, whose submit went through.
    assert autosave.status_code == 200 and autosave.json()["success"]
    page = articles(section).get()
    assert page.slug == SLUG and page.workflow_in_progress
    assert page.revisions.count() == 1


def test_save_draft_after_an_autosave_saves_the_same_page(client, section, writer):
    client.force_login(writer)
    data = opened_form(client, section)
    client.post(create_url(section), data, **AUTOSAVE)
    data["lead"] = "Tóm tắt đã sửa."
    response = client.post(create_url(section), data)
    page = articles(section).get()
    assert response.status_code == 302
    assert response.url.startswith(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert page.get_latest_revision_as_object().lead == "Tóm tắt đã sửa."


def test_an_autosave_retried_after_a_lost_answer_saves_the_same_page(
    client, section, writer
):
    client.force_login(writer)
    data = opened_form(client, section)
    client.post(create_url(section), data, **AUTOSAVE)
    data["lead"] = "Tóm tắt mới hơn."
    retry = client.post(create_url(section), data, **AUTOSAVE).json()
    page = articles(section).get()
    assert retry["success"] and retry["url"] == reverse(
        "wagtailadmin_pages:edit", args=[page.pk]
    )
    assert page.get_latest_revision_as_object().lead == "Tóm tắt mới hơn."


def test_two_forms_with_one_title_still_make_two_pages(client, section, writer):
    client.force_login(writer)
    for data in (opened_form(client, section), opened_form(client, section)):
        client.post(create_url(section), data, **AUTOSAVE)
        client.post(create_url(section), submitted(data))
    assert [page.slug for page in articles(section)] == [SLUG, f"{SLUG}-2"]


def test_autosave_that_took_a_free_address_tells_the_form(client, section, writer):
    """The form's next post goes to the edit view: it must carry the address the
    page got, not the taken one the browser folded from the title."""
    client.force_login(writer)
    client.post(create_url(section), submitted(opened_form(client, section)))
    data = opened_form(client, section)
    answer = client.post(create_url(section), data, **AUTOSAVE).json()
    assert answer["field_updates"]["slug"] == f"{SLUG}-2"
    page = Page.objects.get(pk=answer["pk"])
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data.update(answer["field_updates"])
    data.pop("congxa_create_token")
    data["overwrite_revision_id"] = str(answer["revision_id"])
    assert client.post(edit, data, **AUTOSAVE).json()["success"]


def test_a_form_without_a_token_is_wagtails(client, section, writer):
    client.force_login(writer)
    client.post(create_url(section), submitted(article_data(TITLE)))
    assert articles(section).get().slug == SLUG


def test_the_edit_form_has_no_token(client, section, writer):
    client.force_login(writer)
    client.post(create_url(section), opened_form(client, section))
    page = articles(section).get()
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content
    assert b"congxa_create_token" not in html
