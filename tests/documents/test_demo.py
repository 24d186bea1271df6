"""The demo commune's documents and disclosures."""

import pytest
from django.utils import timezone

from congxa.disclosures import demo as disclosures_demo
from congxa.disclosures.models import DisclosureItem, DisclosureSectionPage
from congxa.documents import demo as documents_demo
from congxa.documents.models import LegalDocumentPage

pytestmark = pytest.mark.django_db


def test_demo_seeds_documents_and_disclosures_once(client, site, home):
    assert documents_demo.seed(home_page=home, site=site) == 13
    assert disclosures_demo.seed(home_page=home, site=site) == 4
    assert documents_demo.seed(home_page=home, site=site) == 0
    assert disclosures_demo.seed(home_page=home, site=site) == 0
    assert LegalDocumentPage.objects.count() == 13
    assert DisclosureSectionPage.objects.count() == 4
    assert DisclosureItem.objects.count() == 8

    now = timezone.now()
    periods = [d.comment_period(now) for d in LegalDocumentPage.objects.all()]
    assert periods.count("open") == 1
    assert periods.count("closed") == 1

    menu = client.get("/", HTTP_HOST="vinhthuy.localhost").content.decode()
    assert 'href="/van-ban/"' in menu
    assert 'href="/cong-khai/"' in menu
    listing = client.get("/van-ban/", HTTP_HOST="vinhthuy.localhost")
    assert "15/2025/QĐ-UBND" in listing.content.decode()
    page = LegalDocumentPage.objects.get(number="15/2025/QĐ-UBND")
    attachment = page.attachments.get()
    download = client.get(page.attachment_url(attachment), HTTP_HOST=site.hostname)
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-")
