"""`congxa import-site --site HOST SOURCE...`: move an old portal's articles in."""

from __future__ import annotations

import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from wagtail.models import Site

from congxa.legacy.fetching import USER_AGENT, ImportState, PoliteFetcher
from congxa.legacy.mapping import (
    MappingError,
    SectionMapping,
    load_mapping,
    parse_option,
)
from congxa.legacy.profiles import ProfileError, profile_named
from congxa.legacy.progress import Progress
from congxa.legacy.report import REASONS, STATUS_LABELS, ReportWriter, reason_text
from congxa.legacy.services import (
    STATUSES,
    ImportOptions,
    Outcome,
    SiteImporter,
    Status,
    page_cache_batch,
    site_sections,
)
from congxa.legacy.sources import SourceFailure, allowed_hosts_of, expand_sources
from congxa.vi.text import fold


class Command(BaseCommand):
    help = (
        "Import the articles of a commune's old portal (saved pages, sitemap, RSS, "
        "URL list or WordPress export) as news articles."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "sources", nargs="+", help="Folders, files or URLs to import."
        )
        parser.add_argument(
            "--site", required=True, help="Host name of the commune's site."
        )
        parser.add_argument("--profile", help="Platform profile name or YAML file.")
        parser.add_argument(
            "--mapping", help="YAML or CSV file: old path/breadcrumb to section."
        )
        parser.add_argument(
            "--map", action="append", default=[], metavar="PATTERN=SECTION",
            help="One mapping rule; may be repeated.",
        )  # fmt: skip
        parser.add_argument(
            "--default-section", help="Slug of the default news section."
        )
        parser.add_argument(
            "--publish", action="store_true", help="Publish, not drafts."
        )
        parser.add_argument("--dry-run", action="store_true", help="Change nothing.")
        parser.add_argument(
            "--resume", action="store_true", help="Skip pages already done."
        )
        parser.add_argument("--state-file", help="Where the resumable state is kept.")
        parser.add_argument(
            "--report", help="Write the report to this .csv or .xlsx file."
        )
        parser.add_argument(
            "--delay", type=float, default=1.0, help="Seconds between requests."
        )
        parser.add_argument(
            "--timeout", type=float, default=20.0, help="Seconds per request."
        )
        parser.add_argument(
            "--retries", type=int, default=3, help="Retries on 5xx/time-out."
        )
        parser.add_argument(
            "--user-agent", default=USER_AGENT, help="User-Agent header."
        )
        parser.add_argument(
            "--allow-host",
            action="append",
            default=[],
            help="Another host that may be fetched.",
        )
        parser.add_argument(
            "--max-size", type=float, default=10.0, help="Page size limit, MB."
        )
        parser.add_argument(
            "--no-redirects",
            action="store_true",
            help="Make no redirects from old paths.",
        )

    # -- set-up ------------------------------------------------------------------

    def _site(self, host: str) -> Site:
        hostname, _sep, port = host.partition(":")
        sites = Site.objects.filter(hostname__iexact=hostname)
        if port.isdigit():
            sites = sites.filter(port=int(port))
        site = sites.order_by("-is_default_site", "pk").first()
        if site is None:
            known = ", ".join(Site.objects.values_list("hostname", flat=True)) or "-"
            raise CommandError(
                _("No commune site has the host name %(host)s (sites: %(known)s).")
                % {"host": host, "known": known}
            )
        return site

    def _mapping(self, options) -> SectionMapping:
        try:
            mapping = (
                load_mapping(Path(options["mapping"]))
                if options["mapping"]
                else SectionMapping()
            )
            mapping.rules.extend(parse_option(value) for value in options["map"])
        except MappingError as exc:
            raise CommandError(
                _("The section mapping cannot be read (%(detail)s).")
                % {"detail": exc.detail}
            ) from exc
        if options["default_section"]:
            mapping.default = options["default_section"]
        return mapping

    def _check_sections(self, mapping: SectionMapping, sections: dict) -> None:
        unknown = sorted(
            s for s in mapping.sections if s not in sections and fold(s) not in sections
        )
        if unknown:
            slugs = sorted({section.slug for section in sections.values()})
            raise CommandError(
                _(
                    "Unknown section in the mapping: %(unknown)s "
                    "(sections of this site: %(known)s)."
                )
                % {"unknown": ", ".join(unknown), "known": ", ".join(slugs) or "-"}
            )

    def _state_path(self, options, site: Site) -> Path:
        if options["state_file"]:
            return Path(options["state_file"])
        data_dir = Path(
            getattr(settings, "CONGXA_DATA_DIR", None)
            or os.environ.get("CONGXA_DATA_DIR", "var")
        )
        return data_dir / f"import-site-{site.hostname}.jsonl"

    # -- run -----------------------------------------------------------------------

    def handle(self, *args, **options):
        site = self._site(options["site"])
        sections = site_sections(site)
        if not sections:
            raise CommandError(
                _("The site %(host)s has no news section to import into.")
                % {"host": site.hostname}
            )
        mapping = self._mapping(options)
        self._check_sections(mapping, sections)
        if mapping.default:
            default = sections.get(mapping.default) or sections[fold(mapping.default)]
        else:
            default = min(sections.values(), key=lambda s: s.path)
        profile = None
        if options["profile"]:
            try:
                profile = profile_named(options["profile"])
            except ProfileError as exc:
                raise CommandError(
                    _("Unknown platform profile: %(detail)s") % {"detail": exc}
                ) from exc
        for name in ("delay", "timeout", "max_size"):
            if options[name] < 0:
                raise CommandError(
                    _("--%(name)s must not be negative.")
                    % {"name": name.replace("_", "-")}
                )

        max_bytes = int(options["max_size"] * 1024 * 1024)
        fetcher = PoliteFetcher(
            allowed_hosts=allowed_hosts_of(options["sources"])
            | {h.lower() for h in options["allow_host"]},
            delay=options["delay"],
            timeout=options["timeout"],
            retries=max(0, options["retries"]),
            user_agent=options["user_agent"],
            max_bytes=max_bytes,
        )
        dry_run = options["dry_run"]
        state_path = self._state_path(options, site)
        if not options["resume"] and not dry_run and state_path.exists():
            state_path.unlink()
        state = ImportState(None if dry_run else state_path)
        if options["resume"] and dry_run:
            state = ImportState(state_path)
            state.path = None
        importer = SiteImporter(
            ImportOptions(
                site=site,
                default_section=default,
                sections=sections,
                mapping=mapping,
                publish=options["publish"],
                dry_run=dry_run,
                redirects=not options["no_redirects"],
                profile=profile,
                max_bytes=max_bytes,
            ),
            fetcher,
        )
        report = ReportWriter(Path(options["report"]) if options["report"] else None)
        counts = dict.fromkeys(STATUSES, 0)
        resumed = 0
        try:
            sources = options["sources"]
            if any(s.startswith(("http://", "https://")) for s in sources):
                # Sitemaps and feeds are fetched once; their entries are kept.
                items = list(expand_sources(sources, fetcher, max_bytes))
                total = len(items)
            else:
                # Saved files: counted, then streamed, so memory stays flat.
                total = sum(1 for _item in expand_sources(sources, fetcher, max_bytes))
                items = expand_sources(sources, fetcher, max_bytes)
            progress = Progress(self.stdout, total, label=_("pages/s"))
            with page_cache_batch(site):
                for item in items:
                    if isinstance(item, SourceFailure):
                        outcome = Outcome(
                            source=item.key,
                            status=Status.FAILED,
                            reason=item.code,
                            detail=item.detail,
                        )
                    elif options["resume"] and state.is_done(item.key):
                        resumed += 1
                        progress.step()
                        continue
                    else:
                        outcome = importer.import_page(item)
                        state.record(item.key, outcome.status)
                    counts[outcome.status] += 1
                    report.add(outcome)
                    # A dry run says what would happen to each page.
                    self._print_outcome(outcome, options["verbosity"] + dry_run)
                    progress.step()
            progress.finish()
        finally:
            report.close()
            state.close()
            fetcher.close()
        self._summary(counts, resumed, dry_run, options["report"])
        if counts[Status.FAILED]:
            raise CommandError(
                _("%(count)d source pages failed; their reasons are in the report.")
                % {"count": counts[Status.FAILED]}
            )

    def _print_outcome(self, outcome: Outcome, verbosity: int) -> None:
        if outcome.status == Status.FAILED:
            self.stderr.write(
                f"{outcome.source}: {reason_text(outcome.reason, outcome.detail)}"
            )
        elif verbosity >= 2:
            status = STATUS_LABELS.get(outcome.status, outcome.status)
            line = f"{status}: {outcome.source} -> {outcome.title}"
            if outcome.reason in REASONS:
                line += f" ({reason_text(outcome.reason, outcome.detail)})"
            self.stdout.write(line)

    def _summary(
        self, counts: dict, resumed: int, dry_run: bool, report_path: str | None
    ) -> None:
        prefix = (_("Dry run, nothing was saved.") + " ") if dry_run else ""
        self.stdout.write(
            prefix
            + _(
                "Imported: %(imported)d, updated: %(updated)d, "
                "unchanged: %(unchanged)d, skipped: %(skipped)d, failed: %(failed)d."
            )
            % counts
        )
        if resumed:
            self.stdout.write(
                _("Already done in an earlier run: %(count)d.") % {"count": resumed}
            )
        if report_path:
            self.stdout.write(_("Report: %(path)s") % {"path": report_path})
