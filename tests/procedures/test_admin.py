"""The catalog and each commune's choice in the Wagtail admin."""

import pytest
from django.urls import reverse

from congxa.procedures.models import AdministrativeProcedure, ProcedureSelection

SNIPPETS = "wagtailsnippets_procedures_administrativeprocedure"


@pytest.fixture
def birth(catalog):
    return AdministrativeProcedure.objects.get(code="1.001193")


@pytest.mark.django_db
def test_admin_lists_the_catalog(admin_client, catalog):
    html = admin_client.get(reverse(f"{SNIPPETS}:list")).content.decode()
    assert "Thủ tục hành chính" in html
    assert "1.001193" in html
    assert "Hòa giải tranh chấp đất đai" in html


@pytest.mark.django_db
def test_admin_searches_the_catalog_by_code(admin_client, catalog):
    response = admin_client.get(reverse(f"{SNIPPETS}:list"), {"q": "1.012812"})
    html = response.content.decode()
    assert "Hòa giải tranh chấp đất đai" in html
    assert "Thủ tục đăng ký khai sinh" not in html


@pytest.mark.django_db
def test_admin_inspects_every_field(admin_client, birth):
    response = admin_client.get(reverse(f"{SNIPPETS}:inspect", args=[birth.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Trình tự thực hiện" in html
    assert "Căn cứ pháp lý" in html
    assert "KQ.G15.000031" in html


@pytest.mark.django_db
def test_admin_edit_keeps_the_code_and_saves_a_correction(admin_client, birth):
    url = reverse(f"{SNIPPETS}:edit", args=[birth.pk])
    steps, documents = birth.steps, birth.documents
    response = admin_client.get(url)
    assert response.status_code == 200
    assert "Mã trên Cổng Dịch vụ công quốc gia" in response.content.decode()

    form = response.context["form"]
    data = {
        name: form[name].value() if form[name].value() is not None else ""
        for name in form.fields
    }
    data["sector"] = "Hộ tịch (sửa)"
    response = admin_client.post(url, data)
    assert response.status_code == 302
    birth.refresh_from_db()
    assert birth.sector == "Hộ tịch (sửa)"
    assert birth.code == "1.001193"
    assert birth.steps == steps
    assert birth.documents == documents


@pytest.mark.django_db
def test_admin_edits_a_communes_choice(admin_client, catalog, site, other_site):
    url = reverse(
        "wagtailsettings:edit", args=["procedures", "procedureselection", site.pk]
    )
    response = admin_client.get(url)
    assert response.status_code == 200
    assert "Thủ tục hiển thị trên cổng này" in response.content.decode()

    land = AdministrativeProcedure.objects.get(code="1.012812")
    response = admin_client.post(
        url,
        {
            "selected_procedures-TOTAL_FORMS": "1",
            "selected_procedures-INITIAL_FORMS": "0",
            "selected_procedures-MIN_NUM_FORMS": "0",
            "selected_procedures-MAX_NUM_FORMS": "1000",
            "selected_procedures-0-procedure": str(land.pk),
            "selected_procedures-0-ORDER": "1",
            "selected_procedures-0-id": "",
            "selected_procedures-0-DELETE": "",
        },
    )
    assert response.status_code == 302
    assert list(AdministrativeProcedure.objects.for_site(site)) == [land]
    assert AdministrativeProcedure.objects.for_site(other_site).count() == 6
    assert ProcedureSelection.for_site(other_site).selected_procedures.count() == 0
