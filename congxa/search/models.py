"""The search index: one row per searchable item, and the vocabulary it holds.

The engine-specific index (an SQLite FTS5 table, or PostgreSQL tsvector columns) is
created by the migration and fed from the `*_index` and `*_exact` columns, which
hold the folded and exact-diacritic terms made by `congxa.vi.text`.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import BaseLogEntry, BaseLogEntryManager

from .forms import SynonymForm


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


class SynonymQuerySet(models.QuerySet):
    def for_site(self, site):
        return self.filter(site=site)


class Synonym(models.Model):
    """A commune's own entry of the synonym list ("Từ đồng nghĩa").

    Without a commune, an entry of the province's shared list, under every
    commune's own entries and above the dictionary shipped with congxa.
    Applied at query time: nothing is re-indexed when an entry changes.
    """

    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("commune"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Empty: shared by every commune of the province."),
    )
    phrases = models.CharField(
        _("what people type"),
        max_length=500,
        help_text=_(
            "One or more ways of writing it, separated by commas, e.g. "
            "“làm sổ đỏ, sổ hồng, bìa đỏ”. Diacritics and capitals do not matter."
        ),
    )
    meanings = models.CharField(
        _("what to search for"),
        max_length=500,
        help_text=_(
            "The words the pages use, e.g. “giấy chứng nhận quyền sử dụng đất”; "
            "several meanings separated by semicolons."
        ),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = SynonymQuerySet.as_manager()

    base_form_class = SynonymForm
    panels = [FieldPanel("site"), FieldPanel("phrases"), FieldPanel("meanings")]

    class Meta:
        verbose_name = _("synonym")
        verbose_name_plural = _("synonyms")
        ordering = ["phrases"]

    def __str__(self):
        return f"{self.phrases} = {self.meanings}"

    def entry(self):
        from .synonyms import parse_line

        return parse_line(f"{self.phrases.replace('=', ' ')} = {self.meanings}")


class QueryCount(models.Model):
    """How many times a day a commune's search box was asked one query.

    Only the folded words of the query are kept: never who asked, no address,
    no session, no account. Kept `RETENTION_DAYS` days (`purge_search_queries`).
    """

    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("commune"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    day = models.DateField(_("day"))
    query = models.CharField(_("query"), max_length=200)
    searches = models.PositiveIntegerField(_("searches"), default=0)
    results = models.PositiveIntegerField(_("results"), default=0)

    class Meta:
        verbose_name = _("search query count")
        verbose_name_plural = _("search query counts")
        constraints = [
            models.UniqueConstraint(
                fields=["site", "day", "query"], name="congxa_search_query_day"
            )
        ]
        indexes = [models.Index(fields=["day"], name="congxa_search_query_purge")]

    def __str__(self):
        return self.query


class ProvinceSynonym(Synonym):
    """The province's shared synonyms: `Synonym` rows without a commune."""

    panels = [FieldPanel("phrases"), FieldPanel("meanings")]

    class Meta:
        proxy = True
        verbose_name = _("province synonym")
        verbose_name_plural = _("province synonyms")

    def save(self, *args, **kwargs):
        self.site = None
        super().save(*args, **kwargs)


class PromotionLogEntryManager(BaseLogEntryManager):
    """Log entries of search promotions, seen only by the people of the
    promotion's commune (Wagtail's own log shows a model's entries to anyone
    holding a permission on the model, whatever the commune)."""

    def log_action(self, instance, action, **kwargs):
        from wagtail.models import Page, Site

        path = (
            Page.objects.filter(pk=instance.page_id)
            .values_list("path", flat=True)
            .first()
        )
        site_id = None
        if path:
            for pk, root in Site.objects.values_list("pk", "root_page__path"):
                if path.startswith(root):
                    site_id = pk
                    break
        kwargs.update(object_id=str(instance.pk), site_id=site_id)
        return super().log_action(instance, action, **kwargs)

    def for_instance(self, instance):
        return self.filter(object_id=str(instance.pk))

    def viewable_by_user(self, user):
        from congxa.portal.site_access import site_ids_for_user

        if user.is_superuser:
            return self.all()
        if not any(
            user.has_perm(f"wagtailsearchpromotions.{action}_searchpromotion")
            for action in ("add", "change", "delete")
        ):
            return self.none()
        return self.filter(site__in=site_ids_for_user(user))


class PromotionLogEntry(BaseLogEntry):
    """What happened to a search promotion, and the commune it belonged to."""

    object_id = models.CharField(max_length=255, db_index=True)
    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("commune"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = PromotionLogEntryManager()

    class Meta(BaseLogEntry.Meta):
        ordering = ["-timestamp", "-id"]
        verbose_name = _("search promotion log entry")
        verbose_name_plural = _("search promotion log entries")

    def __str__(self):
        return f"{self.action} {self.label}"
