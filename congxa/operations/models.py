"""Per-commune settings for the operational checks."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

DEFAULT_ALLOWED_DOMAINS = "gov.vn\nchinhphu.vn\ndichvucong.gov.vn"


@register_setting(icon="link")
class LinkAllowList(BaseSiteSetting):
    """The domains this commune's content may link to without being flagged."""

    domains = models.TextField(
        _("allowed domains"),
        blank=True,
        default=DEFAULT_ALLOWED_DOMAINS,
        help_text=_(
            "One domain per line. A domain also allows its subdomains: "
            "“gov.vn” allows “quangtri.gov.vn”."
        ),
    )

    panels = [FieldPanel("domains")]

    class Meta:
        verbose_name = _("allowed link domains")
        verbose_name_plural = _("allowed link domains")

    def domain_list(self) -> list[str]:
        return [
            line.strip().lower().lstrip("*.").rstrip(".")
            for line in self.domains.splitlines()
            if line.strip() and not line.strip().startswith("#")
        ]

    def allows(self, domain: str) -> bool:
        domain = domain.lower().rstrip(".")
        return any(
            domain == allowed or domain.endswith("." + allowed)
            for allowed in self.domain_list()
        )


class LinkCheck(models.Model):
    """The last link check of a commune (`congxa check-links`), kept so the
    province view shows it for every commune without reading their content."""

    site = models.OneToOneField(
        "wagtailcore.Site", on_delete=models.CASCADE, related_name="link_check"
    )
    checked_at = models.DateTimeField(_("checked at"))
    # Links (occurrences) to a domain outside the commune's allow-list.
    flagged_links = models.PositiveIntegerField(_("flagged external links"), default=0)
    # Those domains, sorted.
    flagged_domains = models.JSONField(_("flagged domains"), default=list, blank=True)

    class Meta:
        verbose_name = _("link check")
        verbose_name_plural = _("link checks")

    def __str__(self) -> str:
        return f"{self.site_id}: {self.flagged_links}"
