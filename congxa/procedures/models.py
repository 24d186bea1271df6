"""The shared catalog of administrative procedures and each commune's choice from it."""

from __future__ import annotations

from django.db import models
from django.http import Http404
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    MultipleChooserPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable, Page, Site

# Procedures a commune shows when it has chosen none: those done at commune level.
DEFAULT_LEVEL = "Cấp xã"


class AdministrativeProcedureQuerySet(models.QuerySet):
    def for_site(self, site: Site | None) -> AdministrativeProcedureQuerySet:
        """What a commune shows: its own choice, or every commune-level procedure."""
        if site is None:
            return self.none()
        chosen = SelectedProcedure.objects.filter(selection__site=site)
        # One query either way: the commune's choice if it made one, else the
        # commune-level procedures.
        return self.filter(
            models.Exists(chosen.filter(procedure=models.OuterRef("pk")))
            | (models.Q(level__icontains=DEFAULT_LEVEL) & ~models.Exists(chosen))
        )


class AdministrativeProcedure(models.Model):
    """One procedure of the National Public Service Portal, shared by every commune.

    Imported (``import_procedures``), never retyped: a re-import overwrites it.
    """

    code = models.CharField(
        _("procedure code"),
        max_length=50,
        unique=True,
        help_text=_("The national code, e.g. 1.001193."),
    )
    # Names run past 255 characters (2.000815 has 266).
    name = models.TextField(_("procedure name"))
    sector = models.TextField(_("procedure field"), blank=True, db_index=True)
    level = models.TextField(_("implementation level"), blank=True)
    procedure_type = models.TextField(_("procedure type"), blank=True)
    decision_number = models.TextField(_("announcing decision"), blank=True)
    target_groups = models.TextField(_("who may apply"), blank=True)
    competent_agency = models.TextField(_("competent authority"), blank=True)
    receiving_address = models.TextField(_("where to submit"), blank=True)
    authorised_agency = models.TextField(_("authorised agency"), blank=True)
    coordinating_agency = models.TextField(_("coordinating agency"), blank=True)
    implementing_agency = models.TextField(_("implementing agency"), blank=True)
    related_procedures = models.TextField(_("related procedures"), blank=True)
    steps = models.JSONField(_("steps"), default=list, blank=True)
    channels = models.JSONField(
        _("ways to submit"),
        default=list,
        blank=True,
        help_text=_("Rows of {hinh_thuc, thoi_han, phi_le_phi, mo_ta}."),
    )
    documents = models.JSONField(
        _("required documents"),
        default=list,
        blank=True,
        help_text=_("Rows of {nhom, ten_giay_to, mau_don, so_luong}."),
    )
    legal_basis = models.JSONField(
        _("legal basis"),
        default=list,
        blank=True,
        help_text=_("Rows of {ten_van_ban, so_ky_hieu}."),
    )
    results = models.JSONField(
        _("procedure results"),
        default=list,
        blank=True,
        help_text=_("Rows of {ten, ma}."),
    )
    conditions = models.TextField(_("requirements and conditions"), blank=True)
    online_service_level = models.CharField(
        _("online public service level"), max_length=50, blank=True
    )
    detail_url = models.URLField(
        _("page on the National Public Service Portal"), max_length=500, blank=True
    )
    raw_text = models.TextField(_("page text as crawled"), blank=True)
    created_at = models.DateTimeField(_("imported on"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = AdministrativeProcedureQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("code", read_only=True), FieldPanel("sector")]),
        FieldPanel("name"),
        MultiFieldPanel(
            [
                FieldPanel("level"),
                FieldPanel("procedure_type"),
                FieldPanel("decision_number"),
                FieldPanel("online_service_level"),
                FieldPanel("detail_url"),
            ],
            heading=_("Classification"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("target_groups"),
                FieldPanel("competent_agency"),
                FieldPanel("receiving_address"),
                FieldPanel("authorised_agency"),
                FieldPanel("coordinating_agency"),
                FieldPanel("implementing_agency"),
                FieldPanel("related_procedures"),
                FieldPanel("conditions"),
            ],
            heading=_("Who and where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("steps"),
                FieldPanel("channels"),
                FieldPanel("documents"),
                FieldPanel("legal_basis"),
                FieldPanel("results"),
            ],
            heading=_("Procedure tables (as imported)"),
        ),
    ]

    class Meta:
        verbose_name = _("administrative procedure")
        verbose_name_plural = _("administrative procedures")
        ordering = ["sector", "name"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    def documents_by_group(self) -> list[tuple[str, list[dict]]]:
        """Required documents in portal order, grouped by their heading (``nhom``)."""
        groups: list[tuple[str, list[dict]]] = []
        for item in self.documents:
            heading = item.get("nhom", "")
            if not groups or groups[-1][0] != heading:
                groups.append((heading, []))
            groups[-1][1].append(item)
        return groups

    def target_group_list(self) -> list[str]:
        return [part.strip() for part in self.target_groups.split(",") if part.strip()]

    def is_online(self) -> bool:
        return any(row.get("hinh_thuc") == "Trực tuyến" for row in self.channels)

    def json_ld(self, request, url: str) -> dict:
        """schema.org GovernmentService: operator, audience and the online link."""
        data = {
            "@type": "GovernmentService",
            "name": self.name,
            "identifier": self.code,
            "url": url,
            "serviceType": self.sector or self.procedure_type,
            "provider": {
                "@type": "GovernmentOrganization",
                "name": self.competent_agency or self.implementing_agency,
            },
            "serviceOperator": {
                "@type": "GovernmentOrganization",
                "name": self.implementing_agency or self.competent_agency,
            },
            "areaServed": {"@type": "Country", "name": "Việt Nam"},
        }
        if self.target_groups:
            data["audience"] = {
                "@type": "Audience",
                "audienceType": ", ".join(self.target_group_list()),
            }
        if self.detail_url:
            data["availableChannel"] = {
                "@type": "ServiceChannel",
                "serviceUrl": self.detail_url,
                "name": "Cổng Dịch vụ công quốc gia",
            }
        return data


@register_setting(icon="list-ul")
class ProcedureSelection(ClusterableModel, BaseSiteSetting):
    """Which procedures of the shared catalog a commune shows on its portal."""

    panels = [
        MultipleChooserPanel(
            "selected_procedures",
            chooser_field_name="procedure",
            heading=_("Procedures shown on this portal"),
            help_text=_(
                "Leave empty to show every procedure whose level includes “Cấp xã”."
            ),
        )
    ]

    class Meta:
        verbose_name = _("procedures shown")
        verbose_name_plural = _("procedures shown")

    def __str__(self) -> str:
        return gettext("Procedures shown on %(site)s") % {"site": self.site}


class SelectedProcedure(Orderable):
    selection = ParentalKey(
        ProcedureSelection, on_delete=models.CASCADE, related_name="selected_procedures"
    )
    procedure = models.ForeignKey(
        AdministrativeProcedure,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("procedure"),
    )

    panels = [FieldPanel("procedure")]

    class Meta(Orderable.Meta):
        verbose_name = _("procedure shown")
        verbose_name_plural = _("procedures shown")
        constraints = [
            models.UniqueConstraint(
                fields=["selection", "procedure"], name="unique_selected_procedure"
            )
        ]


class ProcedureIndexPage(RoutablePageMixin, Page):
    """The commune's list of procedures by field, and each procedure's detail."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("administrative procedures page")
        verbose_name_plural = _("administrative procedures pages")

    def procedures(self, request) -> AdministrativeProcedureQuerySet:
        return AdministrativeProcedure.objects.for_site(Site.find_for_request(request))

    @path("")
    def procedure_list(self, request):
        from .selectors import procedure_list_context

        context = procedure_list_context(
            self.procedures(request), request.GET.get("field", "")
        )
        context["base_url"] = self.get_url(request)
        return self.render(request, context_overrides=context)

    @re_path(r"^(?P<code>[0-9A-Za-z][0-9A-Za-z._-]{0,49})/$")
    def procedure_detail(self, request, code: str):
        procedure = self.procedures(request).filter(code=code).first()
        if procedure is None:
            raise Http404
        return self.render(
            request,
            template="procedures/procedure_detail.html",
            context_overrides={
                "procedure": procedure,
                "json_ld_subject": procedure,
                "base_url": self.get_url(request),
            },
        )
