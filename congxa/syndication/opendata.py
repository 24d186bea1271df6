"""Open-data files of a commune: its documents catalog, its procedures and its
organisation's contacts, as CSV, XLSX and JSON, each with a metadata file.

Built from the database on request and kept by the page cache, which every
publish, unpublish and settings change renews: a file is regenerated on the first
download after a change. Only what the public pages show goes in.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Max
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook
from wagtail.models import Site

from congxa.documents.models import LegalDocumentPage
from congxa.people.models import OrganisationUnit
from congxa.portal.models import CommuneSettings
from congxa.procedures.models import AdministrativeProcedure, ProcedureIndexPage

LICENCE = {
    "name": "Creative Commons Attribution 4.0 (CC BY 4.0)",
    "url": "https://creativecommons.org/licenses/by/4.0/",
}
FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}


@dataclass(frozen=True)
class Field:
    name: str
    title: str
    type: str = "string"


@dataclass(frozen=True)
class Dataset:
    slug: str
    title: str
    description: str
    fields: tuple[Field, ...]
    rows: Callable[[HttpRequest, Site], list[dict]]
    modified: Callable[[Site], datetime | date | None]


def _public_documents(site: Site):
    return (
        LegalDocumentPage.objects.live()
        .public()
        .descendant_of(site.root_page)
        .select_related("document_type", "field")
    )


def document_rows(request: HttpRequest, site: Site) -> list[dict]:
    return [
        {
            "number": page.number,
            "document_type": str(page.document_type),
            "summary": page.title,
            "issuing_body": page.issuing_body,
            "field": str(page.field) if page.field_id else "",
            "issue_date": page.issue_date,
            "effective_date": page.effective_date,
            "expiry_date": page.expiry_date,
            "status": page.current_status_label(),
            "signer": page.signer,
            "url": page.get_full_url(request),
        }
        for page in _public_documents(site).order_by("-issue_date", "-pk")
    ]


def procedure_rows(request: HttpRequest, site: Site) -> list[dict]:
    index = (
        ProcedureIndexPage.objects.live().public().descendant_of(site.root_page).first()
    )
    base = index.get_full_url(request) if index else ""
    return [
        {
            "code": procedure.code,
            "name": procedure.name,
            "sector": procedure.sector,
            "level": procedure.level,
            "competent_agency": procedure.competent_agency,
            "implementing_agency": procedure.implementing_agency,
            "online_service_level": procedure.online_service_level,
            "national_portal_url": procedure.detail_url,
            "url": f"{base}{procedure.code}/" if base else "",
        }
        for procedure in AdministrativeProcedure.objects.for_site(site).order_by(
            "sector", "name", "code"
        )
    ]


def contact_rows(request: HttpRequest, site: Site) -> list[dict]:
    commune = CommuneSettings.for_site(site)
    rows = [
        {
            "unit": commune.agency or commune.commune_name,
            "parent_unit": "",
            "address": commune.address,
            "phone": commune.phone,
            "email": commune.email,
        }
    ]
    units = (
        OrganisationUnit.objects.for_site(site)
        .select_related("parent")
        .order_by("sort_order", "name", "pk")
    )
    rows += [
        {
            "unit": unit.name,
            "parent_unit": unit.parent.name if unit.parent_id else "",
            "address": unit.address,
            "phone": unit.phone,
            "email": unit.email,
        }
        for unit in units
    ]
    return rows


def _latest(*values):
    present = [v for v in values if v is not None]
    return max(present) if present else None


DATASETS: dict[str, Dataset] = {
    dataset.slug: dataset
    for dataset in (
        Dataset(
            slug="danh-muc-van-ban",
            title=_("Documents catalog"),
            description=_(
                "Legal and administrative documents published on the portal: "
                "number, type, summary, issuer, dates and status."
            ),
            fields=(
                Field("number", _("Number and symbol")),
                Field("document_type", _("Document type")),
                Field("summary", _("Summary")),
                Field("issuing_body", _("Issuing body")),
                Field("field", _("Field")),
                Field("issue_date", _("Issue date"), "date"),
                Field("effective_date", _("Effective date"), "date"),
                Field("expiry_date", _("Expiry date"), "date"),
                Field("status", _("Status")),
                Field("signer", _("Signer")),
                Field("url", _("Address on the portal"), "url"),
            ),
            rows=document_rows,
            modified=lambda site: _public_documents(site).aggregate(
                latest=Max("last_published_at")
            )["latest"],
        ),
        Dataset(
            slug="thu-tuc-hanh-chinh",
            title=_("Administrative procedures"),
            description=_(
                "The administrative procedures the commune handles, with their "
                "code on the National Public Service Portal."
            ),
            fields=(
                Field("code", _("Procedure code")),
                Field("name", _("Procedure name")),
                Field("sector", _("Procedure field")),
                Field("level", _("Implementation level")),
                Field("competent_agency", _("Competent authority")),
                Field("implementing_agency", _("Implementing agency")),
                Field("online_service_level", _("Online public service level")),
                Field(
                    "national_portal_url",
                    _("On the National Public Service Portal"),
                    "url",
                ),
                Field("url", _("Address on the portal"), "url"),
            ),
            rows=procedure_rows,
            modified=lambda site: AdministrativeProcedure.objects.for_site(
                site
            ).aggregate(latest=Max("updated_at"))["latest"],
        ),
        Dataset(
            slug="danh-ba-co-quan",
            title=_("Organisation contacts"),
            description=_(
                "Addresses, phone numbers and e-mails of the commune and its units."
            ),
            fields=(
                Field("unit", _("Unit")),
                Field("parent_unit", _("Parent unit")),
                Field("address", _("Address")),
                Field("phone", _("Phone")),
                Field("email", _("Email"), "email"),
            ),
            rows=contact_rows,
            modified=lambda site: OrganisationUnit.objects.for_site(site).aggregate(
                latest=Max("updated_at")
            )["latest"],
        ),
    )
}


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


def modified_date(dataset: Dataset, site: Site) -> date:
    moment = dataset.modified(site)
    if moment is None:
        return timezone.localdate()
    if isinstance(moment, datetime):
        return timezone.localtime(moment).date()
    return moment


def metadata(dataset: Dataset, request: HttpRequest, site: Site) -> dict:
    """The dataset described as open-data portals register it (DCAT terms)."""
    commune = CommuneSettings.for_site(site)
    base = request.build_absolute_uri(f"/du-lieu-mo/{dataset.slug}")
    return {
        "identifier": base,
        "title": str(dataset.title),
        "description": str(dataset.description),
        "publisher": commune.agency or commune.commune_name,
        "spatial": ", ".join(p for p in (commune.commune_name, commune.province) if p),
        "language": "vi",
        "license": LICENCE,
        "modified": modified_date(dataset, site).isoformat(),
        "fields": [
            {"name": f.name, "title": str(f.title), "type": f.type}
            for f in dataset.fields
        ],
        "distributions": [
            {"format": ext.upper(), "mediaType": media, "url": f"{base}.{ext}"}
            for ext, media in FORMATS.items()
        ],
    }


def as_csv(dataset: Dataset, rows: list[dict]) -> bytes:
    """UTF-8 with a byte-order mark, so spreadsheet programs read Vietnamese."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([field.name for field in dataset.fields])
    for row in rows:
        writer.writerow([_cell(row[field.name]) for field in dataset.fields])
    return ("\ufeff" + buffer.getvalue()).encode()


def as_xlsx(dataset: Dataset, rows: list[dict], modified: date) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = dataset.slug[:31]
    sheet.append([str(field.title) for field in dataset.fields])
    for row in rows:
        sheet.append([row[field.name] for field in dataset.fields])
    stamp = datetime.combine(modified, datetime.min.time())
    workbook.properties.created = workbook.properties.modified = stamp
    workbook.properties.title = str(dataset.title)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def as_json(rows: list[dict]) -> bytes:
    return json.dumps(
        [{key: _cell(value) for key, value in row.items()} for row in rows],
        ensure_ascii=False,
        indent=1,
    ).encode()


def render(dataset: Dataset, ext: str, request: HttpRequest, site: Site) -> bytes:
    rows = dataset.rows(request, site)
    if ext == "csv":
        return as_csv(dataset, rows)
    if ext == "xlsx":
        return as_xlsx(dataset, rows, modified_date(dataset, site))
    return as_json(rows)
