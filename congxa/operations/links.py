"""External links in a commune's published content, grouped by domain."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.db import models
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, Site

from .models import LinkAllowList, LinkCheck

URL = re.compile(r"""https?://[^\s"'<>\\)\]]+""", re.IGNORECASE)


@dataclass
class DomainLinks:
    domain: str
    allowed: bool
    # (page title or setting name, admin or public address, link)
    occurrences: list[tuple[str, str, str]] = field(default_factory=list)


def _text_values(instance) -> list[str]:
    values = []
    for model_field in instance._meta.concrete_fields:
        value = getattr(instance, model_field.attname, None)
        if value in (None, ""):
            continue
        if isinstance(model_field, StreamField):
            values.append(json.dumps(model_field.get_prep_value(value)))
        elif isinstance(
            model_field, RichTextField | models.TextField | models.CharField
        ):
            values.append(str(value))
    return values


def external_links(site: Site) -> dict[str, DomainLinks]:
    """Every external link in the live pages and the settings of a site."""
    allow_list = LinkAllowList.for_site(site)
    own_hosts = {site.hostname.lower()}
    by_domain: dict[str, DomainLinks] = {}
    found: dict[str, list[tuple[str, str, str]]] = defaultdict(list)

    pages = Page.objects.live().descendant_of(site.root_page, inclusive=True).specific()
    for page in pages:
        for text in _text_values(page):
            for url in URL.findall(text):
                found[url].append((page.title, page.get_url() or "", url))
    from congxa.portal.models import CommuneSettings

    commune = CommuneSettings.objects.filter(site=site).first()
    if commune is not None:
        for link in commune.website_links.all():
            found[link.url].append((link.title, "", link.url))
    for url, occurrences in found.items():
        domain = (urlsplit(url).hostname or "").lower()
        if not domain or domain in own_hosts:
            continue
        entry = by_domain.setdefault(
            domain, DomainLinks(domain=domain, allowed=allow_list.allows(domain))
        )
        entry.occurrences.extend(occurrences)
    return dict(sorted(by_domain.items(), key=lambda item: (item[1].allowed, item[0])))


def link_check_store(site: Site, domains: dict[str, DomainLinks]) -> LinkCheck:
    """Keep the result of `external_links(site)` as the commune's last check."""
    from django.utils import timezone

    flagged = [entry for entry in domains.values() if not entry.allowed]
    check, _ = LinkCheck.objects.update_or_create(
        site=site,
        defaults={
            "checked_at": timezone.now(),
            "flagged_links": sum(len(entry.occurrences) for entry in flagged),
            "flagged_domains": sorted(entry.domain for entry in flagged),
        },
    )
    return check
