"""The admin's scripts run under the response's nonce: Wagtail's own inline
scripts carry it, and nothing else inline is allowed."""

import gzip
import re

import pytest
from django.urls import reverse

from congxa.documents.factories import DocumentIndexPageFactory
from congxa.portal.admin_scripts import SAME_ORIGIN_SCRIPT

SCRIPT_TAG = re.compile(r"<script\b[^>]*>", re.IGNORECASE)


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("bbt", "bbt@example.vn", "x" * 14)
    client.force_login(user)
    return client


def nonce_of(response) -> str:
    policy = response["Content-Security-Policy"]
    scripts = policy.split("script-src")[1].split(";")[0]
    assert "'unsafe-inline'" not in scripts
    assert "'strict-dynamic'" in scripts
    found = re.search(r"'nonce-([A-Za-z0-9_-]{20,})'", scripts)
    assert found, policy
    return found.group(1)


def executable_script_tags(html: str) -> list[str]:
    return [
        tag
        for tag in SCRIPT_TAG.findall(html)
        if not re.search(r'type="(application/json|text/template)"', tag)
    ]


@pytest.mark.django_db
def test_every_script_of_a_page_form_carries_the_nonce(admin_client, home):
    index = DocumentIndexPageFactory(parent=home)
    url = f"/admin/pages/add/documents/legaldocumentpage/{index.pk}/"
    response = admin_client.get(url)
    assert response.status_code == 200
    nonce = nonce_of(response)
    html = response.content.decode()
    tags = executable_script_tags(html)
    inline = [tag for tag in tags if "src=" not in tag]
    # The document-type chooser, the attachments' inline panel, the dates.
    assert len(inline) >= 4, inline
    assert "initDateChooser" in html
    assert "new InlinePanel" in html
    for tag in tags:
        assert f'nonce="{nonce}"' in tag, tag


@pytest.mark.django_db
def test_each_response_has_its_own_nonce_and_gzip_keeps_it(admin_client, home):
    first = admin_client.get(reverse("wagtailadmin_home"))
    second = admin_client.get(reverse("wagtailadmin_home"), HTTP_ACCEPT_ENCODING="gzip")
    assert nonce_of(first) != nonce_of(second)
    assert second["Content-Encoding"] == "gzip"
    html = gzip.decompress(second.content).decode()
    tags = executable_script_tags(html)
    assert tags
    for tag in tags:
        assert f'nonce="{nonce_of(second)}"' in tag, tag


@pytest.mark.django_db
def test_search_promotion_form_scripts_carry_the_nonce(admin_client, site):
    response = admin_client.get(reverse("wagtailsearchpromotions:add"))
    assert response.status_code == 200
    nonce = nonce_of(response)
    html = response.content.decode()
    assert "createQueryChooser" in html
    for tag in executable_script_tags(html):
        assert f'nonce="{nonce}"' in tag, tag


def test_only_same_origin_script_files_get_the_nonce():
    page = (
        b'<script src="/static/a.js" defer></script>'
        b'<script defer src="/admin/jsi18n/"></script>'
        b'<script src="//cdn.example.com/x.js"></script>'
        b'<script src="https://cdn.example.com/y.js"></script>'
        b"<script>alert(1)</script>"
        b'<img src="/x.png" onerror="alert(2)">'
        b'<script nonce="old" src="/static/b.js"></script>'
    )
    marked = SAME_ORIGIN_SCRIPT.sub(b'<script nonce="N"', page).decode()
    assert marked.count('nonce="N"') == 2
    assert '<script nonce="N" src="/static/a.js" defer>' in marked
    assert '<script nonce="N" defer src="/admin/jsi18n/">' in marked
    assert '<script src="//cdn.example.com/x.js">' in marked
    assert "<script>alert(1)</script>" in marked


@pytest.mark.django_db
def test_public_pages_keep_their_policy_without_nonce(client, home):
    response = client.get("/", HTTP_HOST="vinhthuy.localhost")
    assert "nonce-" not in response["Content-Security-Policy"]
    assert 'nonce="' not in response.content.decode()
