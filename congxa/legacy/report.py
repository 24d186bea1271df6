"""The import report a commune official reads: one row per source page.

Rows are written as they come (CSV, or XLSX in openpyxl's write-only mode), so
a 5,000-page import never keeps the report in memory.
"""

from __future__ import annotations

import csv
from pathlib import Path

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .services import Outcome, Status

STATUS_LABELS = {
    Status.IMPORTED: gettext_lazy("imported"),
    Status.UPDATED: gettext_lazy("updated"),
    Status.UNCHANGED: gettext_lazy("unchanged"),
    Status.SKIPPED: gettext_lazy("skipped"),
    Status.FAILED: gettext_lazy("failed"),
}
REASONS = {
    "no_article": gettext_lazy(
        "No article on this page (a list, a search page or an empty page)."
    ),
    "no_title": gettext_lazy("No headline found on this page."),
    "not_html": gettext_lazy(
        "The file is not a web page (binary content with an .html name)."
    ),
    "too_large": gettext_lazy("The page is too large to import."),
    "unreadable": gettext_lazy("The file could not be read."),
    "missing": gettext_lazy("The file or folder does not exist."),
    "http_error": gettext_lazy(
        "The old site answered with an error (HTTP %(detail)s)."
    ),
    "timeout": gettext_lazy("The old site did not answer in time, even after retries."),
    "connection": gettext_lazy("Could not connect to the old site."),
    "redirect_loop": gettext_lazy("The address redirects in a loop or too many times."),
    "robots": gettext_lazy(
        "The old site's robots.txt does not allow fetching this address."
    ),
    "host_not_allowed": gettext_lazy(
        "The address is on another site (%(detail)s): "
        "only the hosts of the sources given are fetched."
    ),
    "bad_url": gettext_lazy("Not a web address."),
    "not_xml": gettext_lazy("The sitemap or feed is not valid XML."),
    "unknown_xml": gettext_lazy(
        "The XML file is neither a sitemap, a feed nor a WordPress export."
    ),
    "internal": gettext_lazy("Unexpected error while saving: %(detail)s"),
}
WARNINGS = {
    "no_date_file": gettext_lazy("No date found, used the file's date."),
    "no_date_now": gettext_lazy("No date found, used today's date."),
    "no_title": gettext_lazy("No headline found."),
    "image_invalid": gettext_lazy(
        "A picture is not an image and was left out: %(detail)s"
    ),
    "asset_missing": gettext_lazy(
        "A picture or file is missing from the saved folder: %(detail)s"
    ),
    "asset_host": gettext_lazy(
        "A picture or file is on another site and was not fetched: %(detail)s"
    ),
    "asset_fetch": gettext_lazy("A picture or file could not be fetched: %(detail)s"),
    "asset_too_large": gettext_lazy("A picture or file is too large: %(detail)s"),
    "attachment_invalid": gettext_lazy(
        "An attached file is not a document and was left out: %(detail)s"
    ),
}


def reason_text(code: str, detail: str = "") -> str:
    message = REASONS.get(code) or WARNINGS.get(code)
    if message is None:
        return f"{code} {detail}".strip()
    text = str(message)
    return text % {"detail": detail} if "%(detail)s" in text else text


def headers() -> list[str]:
    return [
        _("Source"),
        _("Status"),
        _("Title"),
        _("Date"),
        _("Section"),
        _("Paragraphs"),
        _("Pictures"),
        _("Warnings"),
        _("Reason"),
        _("New address"),
    ]


def row(outcome: Outcome) -> list:
    date = formats.date_format(outcome.date, "d/m/Y H:i") if outcome.date else ""
    warnings = "; ".join(reason_text(code, detail) for code, detail in outcome.warnings)
    reason = reason_text(outcome.reason, outcome.detail) if outcome.reason else ""
    return [
        outcome.source,
        str(STATUS_LABELS.get(outcome.status, outcome.status)),
        outcome.title,
        date,
        outcome.section,
        outcome.paragraphs,
        max(outcome.images, 0),
        warnings,
        reason,
        outcome.page_path,
    ]


class ReportWriter:
    """Appends rows to a .csv or .xlsx file; `None` path writes nothing."""

    def __init__(self, path: Path | None):
        self.path = path
        self._csv_handle = None
        self._csv = None
        self._book = None
        self._sheet = None
        if path is None:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix.lower() == ".xlsx":
            from openpyxl import Workbook

            self._book = Workbook(write_only=True)
            self._sheet = self._book.create_sheet(_("Import report"))
            self._sheet.append(headers())
        else:
            # utf-8-sig: Excel opens it with the Vietnamese letters right.
            self._csv_handle = path.open("w", encoding="utf-8-sig", newline="")
            self._csv = csv.writer(self._csv_handle)
            self._csv.writerow(headers())

    def add(self, outcome: Outcome) -> None:
        if self._sheet is not None:
            self._sheet.append(row(outcome))
        elif self._csv is not None:
            self._csv.writerow(row(outcome))

    def close(self) -> None:
        if self._book is not None:
            self._book.save(self.path)
            self._book = None
        if self._csv_handle is not None:
            self._csv_handle.close()
            self._csv_handle = None
