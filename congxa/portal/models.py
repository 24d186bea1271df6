"""The commune's site root, its identity and its footer."""

import copy

from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable, Page

from . import branding
from .cache import generation_memo
from .enums import CommuneKind, HostKind, Scheme
from .home import render_plan


class HomePage(Page):
    """The home page of one commune; the root of its site."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A sentence or two shown under the banner line."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def route(self, request, path_components):
        """Find the deepest page of the path in one query, not two per level.

        Wagtail walks the tree one level at a time (a query for the child, one
        for its specific type). Every page's `url_path` is stored, so the pages
        along the requested path come back in one query; the deepest one routes
        what is left (a RoutablePage's sub-route, or a 404).
        """
        if not path_components:
            return super().route(request, path_components)
        # The pages found are the same for every request until the site's
        # next publish, move or delete: kept per generation (a miss is not).
        page, parent, consumed = generation_memo(
            request,
            "route",
            (self.pk, tuple(path_components)),
            lambda: self._find_deepest(path_components),
        )
        page = copy.copy(page)
        if parent is not None:
            # Treebeard's get_parent() reads this instead of querying.
            page._cached_parent_obj = copy.copy(parent)
        return page.route(request, path_components[consumed:])

    def _find_deepest(self, path_components) -> tuple[Page, Page | None, int]:
        candidates = [
            self.url_path + "/".join(path_components[:depth]) + "/"
            for depth in range(1, len(path_components) + 1)
        ]
        found = list(
            Page.objects.filter(
                url_path__in=candidates, path__startswith=self.path
            ).order_by("-depth")[:2]
        )
        if not found:
            raise Http404
        deepest = found[0]
        parent = None
        if len(found) == 2 and found[1].depth == deepest.depth - 1:
            parent = found[1]
        return deepest.specific, parent, deepest.depth - self.depth

    def json_ld(self, request, url: str) -> dict | None:
        """The home page describes the commune itself."""
        commune = CommuneSettings.for_request(request)
        return commune.json_ld(request) if commune.commune_name else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["main_blocks"] = render_plan(request, self, "main")
        context["side_blocks"] = render_plan(request, self, "side")
        return context


@register_setting(icon="site")
class CommuneSettings(ClusterableModel, BaseSiteSetting):
    """Who runs this portal: shown in the header and the footer of every page."""

    commune_name = models.CharField(
        _("commune name"),
        max_length=120,
        help_text=_("As it is written officially, e.g. “Xã Vĩnh Thủy”."),
    )
    province = models.CharField(_("province"), max_length=120, blank=True)
    agency = models.CharField(
        _("managing agency"),
        max_length=200,
        blank=True,
        help_text=_("Cơ quan chủ quản, e.g. “Ủy ban nhân dân xã Vĩnh Thủy”."),
    )
    person_responsible = models.CharField(
        _("person responsible"),
        max_length=200,
        blank=True,
        help_text=_("Name and position of the person responsible for the portal."),
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("email"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    banner_text = models.CharField(
        _("banner text"),
        max_length=255,
        blank=True,
        help_text=_("A line shown across the top of the home page."),
    )
    primary_colour = models.CharField(
        _("primary colour"),
        max_length=20,
        choices=branding.CHOICES,
        default=branding.DEFAULT,
        help_text=_(
            "The colour of the header and the menu; every colour offered keeps "
            "the text on it readable (WCAG AA contrast)."
        ),
    )
    favicon = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("favicon"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The small icon of the browser tab; a square picture."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("commune_name"),
                FieldPanel("province"),
                FieldPanel("logo"),
                FieldPanel("favicon"),
                FieldPanel("banner_text"),
                FieldPanel("primary_colour"),
            ],
            heading=_("Identity"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("agency"),
                FieldPanel("person_responsible"),
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("email"),
            ],
            heading=_("Footer: managing agency and contact"),
        ),
        InlinePanel("website_links", heading=_("Website links"), label=_("link")),
    ]

    class Meta:
        verbose_name = _("commune settings")
        verbose_name_plural = _("commune settings")

    def __str__(self):
        return self.commune_name or str(self.site)

    def json_ld(self, request) -> dict:
        """schema.org GovernmentOrganization: the commune as search engines see it."""
        home = request.build_absolute_uri("/")
        data = {
            "@type": "GovernmentOrganization",
            "@id": home + "#organization",
            "name": self.agency or self.commune_name,
            "alternateName": self.commune_name,
            "url": home,
        }
        if self.address:
            data["address"] = {
                "@type": "PostalAddress",
                "streetAddress": self.address,
                "addressRegion": self.province,
                "addressCountry": "VN",
            }
        if self.phone:
            data["telephone"] = self.phone
        if self.email:
            data["email"] = self.email
        if self.province:
            data["parentOrganization"] = {
                "@type": "GovernmentOrganization",
                "name": self.province,
            }
        if self.logo_id:
            rendition = self.logo.get_rendition("fill-512x512|format-png")
            data["logo"] = request.build_absolute_uri(rendition.url)
        else:
            from django.templatetags.static import static

            data["logo"] = request.build_absolute_uri(static("congxa/emblem.svg"))
        return data


class WebsiteLink(Orderable):
    """One entry of the “Liên kết website” block."""

    settings = ParentalKey(
        CommuneSettings, on_delete=models.CASCADE, related_name="website_links"
    )
    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("address"))

    panels = [FieldPanel("title"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("website link")
        verbose_name_plural = _("website links")

    def __str__(self):
        return self.title


from .alerts import EmergencyAlert  # noqa: E402, F401


class PendingCacheInvalidation(models.Model):
    """A page-cache generation bump that failed because the cache was down.

    Kept in the database, shared by every host, so the bump is replayed (as one
    deployment-wide bump) when the cache answers again, even if the process that
    published has gone (congxa/portal/cache_backends.py).
    """

    key = models.CharField(max_length=250)
    failed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("pending cache invalidation")
        verbose_name_plural = _("pending cache invalidations")

    def __str__(self):
        return self.key


class Commune(models.Model):
    """What the province knows of one commune's site: its kind, its canonical
    address and whether it is served. Made by `congxa commune add`."""

    site = models.OneToOneField(
        "wagtailcore.Site",
        verbose_name=_("site"),
        on_delete=models.CASCADE,
        related_name="commune",
    )
    kind = models.CharField(
        _("kind"), max_length=10, choices=CommuneKind.choices, default="xa"
    )
    scheme = models.CharField(
        _("scheme"),
        max_length=5,
        choices=Scheme.choices,
        default=Scheme.HTTPS,
        help_text=_("How the public reaches the portal: https in production."),
    )
    canonical_host = models.CharField(
        _("canonical host"),
        max_length=255,
        help_text=_(
            "The address every link generated outside a request uses (sitemap, "
            "e-mails), e.g. “xa-vinhthuy.quangtri.gov.vn”."
        ),
    )
    enabled = models.BooleanField(
        _("served"),
        default=True,
        help_text=_(
            "When off, the public site shows a maintenance page; content and "
            "editors are kept."
        ),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("commune")
        verbose_name_plural = _("communes")
        ordering = ["site__site_name"]
        permissions = [
            # Translators: the province operator's right (quản trị cấp tỉnh).
            ("manage_communes", _("Can see and add every commune of the province"))
        ]

    def __str__(self):
        return self.site.site_name or self.canonical_host


class CommuneHost(models.Model):
    """Another host name of a commune: an alias or a former host, redirected."""

    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("site"),
        on_delete=models.CASCADE,
        related_name="commune_hosts",
    )
    hostname = models.CharField(_("host name"), max_length=255, unique=True)
    kind = models.CharField(
        _("kind"), max_length=10, choices=HostKind.choices, default=HostKind.ALIAS
    )

    class Meta:
        verbose_name = _("commune host name")
        verbose_name_plural = _("commune host names")
        ordering = ["hostname"]

    def __str__(self):
        return self.hostname
