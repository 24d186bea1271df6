"""What a commune owns that is not a page: one foreign key, one queryset.

Pages belong to a commune through the page tree; every other record a commune
owns (a question, an official, a schedule entry, ...) carries a `site` foreign
key, always under that name, and is read through `for_site(site)` so a selector
never forgets the commune (STYLE: "Selectors always take the site").
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class SiteOwnedQuerySet(models.QuerySet):
    def for_site(self, site):
        """The records of this commune."""
        return self.filter(site=site)


class SharedOrSiteOwnedQuerySet(models.QuerySet):
    def for_site(self, site):
        """The records of this commune and those shared by every commune."""
        return self.filter(Q(site=site) | Q(site__isnull=True))


class SiteOwned(models.Model):
    """A record of one commune."""

    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("commune"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    objects = SiteOwnedQuerySet.as_manager()

    class Meta:
        abstract = True
