"""The search index: one row per searchable item, and the vocabulary it holds.

The engine-specific index (an SQLite FTS5 table, or PostgreSQL tsvector columns) is
created by the migration and fed from the `*_index` and `*_exact` columns, which
hold the folded and exact-diacritic terms made by `congxa.vi.text`.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    """A searchable item (a live page, a shared procedure) as the search box sees it."""

    key = models.CharField(_("key"), max_length=120, unique=True)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    # Empty for items shared by every commune (the province's procedures).
    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("site"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    kind = models.CharField(_("kind"), max_length=40)
    title = models.TextField(_("title"))
    body = models.TextField(_("text"), blank=True)
    url = models.CharField(_("address"), max_length=2000)
    date = models.DateTimeField(_("date"), null=True, blank=True)
    # `s<site id>`, `s0` when shared: lets SQLite's FTS index narrow to one commune.
    scope = models.CharField(max_length=20, blank=True)
    title_index = models.TextField(blank=True)
    body_index = models.TextField(blank=True)
    title_exact = models.TextField(blank=True)
    body_exact = models.TextField(blank=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        indexes = [
            models.Index(fields=["site", "kind"]),
            # Covers what ranking reads per match (SQLite names it in INDEXED BY),
            # so matches never touch the wide rows holding the text.
            models.Index(fields=["id", "kind", "date"], name="congxa_search_rank"),
        ]

    def __str__(self):
        return self.title


class SearchTerm(models.Model):
    """A folded word of the index and how many entries hold it.

    Query understanding reads it: a Telex word is decoded, and a typo corrected,
    only into a word the index holds.
    """

    term = models.CharField(_("term"), max_length=40, primary_key=True)
    documents = models.PositiveIntegerField(_("documents"), default=0)

    class Meta:
        verbose_name = _("search term")
        verbose_name_plural = _("search terms")

    def __str__(self):
        return self.term
