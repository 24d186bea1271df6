"""Emergency banners (storm, flood, outage): shown above every page of a commune.

An alert is live between its start and its end. Pages are cached whole, so the
banner template tag tells the page cache when the next alert of the site starts
or ends (`expire_page_cache_at`), and saving or deleting an alert bumps the
site's generation.
"""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from .site_access import SiteScopedForm


class AlertLevel(models.TextChoices):
    WARNING = "warning", _("Warning")
    DANGER = "danger", _("Danger")


class EmergencyAlertQuerySet(models.QuerySet):
    def for_site(self, site):
        return self.filter(site=site)

    def active(self, moment: datetime | None = None):
        moment = moment or timezone.now()
        return self.filter(starts_at__lte=moment, ends_at__gt=moment)


class EmergencyAlert(models.Model):
    """A banner for one commune, shown on all its pages while it is active."""

    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("commune"),
        on_delete=models.CASCADE,
        related_name="emergency_alerts",
    )
    title = models.CharField(
        _("title"),
        max_length=200,
        help_text=_("Short and direct, e.g. “Cảnh báo bão số 13”."),
    )
    message = models.TextField(
        _("message"),
        max_length=1000,
        help_text=_("What people must know or do, in one or two sentences."),
    )
    level = models.CharField(
        _("level"),
        max_length=10,
        choices=AlertLevel.choices,
        default=AlertLevel.WARNING,
    )
    starts_at = models.DateTimeField(_("shown from"), default=timezone.now)
    ends_at = models.DateTimeField(_("shown until"))
    link = models.URLField(
        _("link"),
        blank=True,
        help_text=_("Optional: an article or page with the details."),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = EmergencyAlertQuerySet.as_manager()

    base_form_class = SiteScopedForm
    panels = [
        FieldPanel("site"),
        FieldPanel("title"),
        FieldPanel("message"),
        FieldPanel("level"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")])],
            heading=_("When it is shown"),
        ),
        FieldPanel("link"),
    ]

    class Meta:
        verbose_name = _("emergency alert")
        verbose_name_plural = _("emergency alerts")
        ordering = ["-starts_at"]
        indexes = [models.Index(fields=["site", "ends_at"])]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must come after the start.")})

    def is_active(self, moment: datetime | None = None) -> bool:
        moment = moment or timezone.now()
        return self.starts_at <= moment < self.ends_at


def banner_state(site, moment: datetime | None = None):
    """(active alerts, the next moment one starts or ends) for a site; one query."""
    moment = moment or timezone.now()
    if site is None:
        return [], None
    active = []
    transitions = []
    for alert in EmergencyAlert.objects.for_site(site).filter(ends_at__gt=moment):
        if alert.starts_at <= moment:
            active.append(alert)
            transitions.append(alert.ends_at)
        else:
            transitions.append(alert.starts_at)
    # Danger first, then the most recent.
    active.sort(key=lambda a: (a.level != AlertLevel.DANGER, -a.starts_at.timestamp()))
    return active, min(transitions, default=None)
