"""Introduction, organisation, officials and schedules of a commune."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from congxa.portal.cache import expire_page_cache_at
from congxa.portal.site_access import SiteScopedForm
from congxa.portal.site_owned import SiteOwned

from . import selectors
from .blocks import RICH_TEXT_FEATURES, IntroductionBodyBlock
from .enums import ScheduleKind
from .forms import OfficialForm, OrganisationUnitForm


def _expire_at_midnight(request) -> None:
    """What is "today" on the page turns over at the next local midnight."""
    tomorrow = timezone.localdate() + timedelta(days=1)
    expire_page_cache_at(
        request,
        timezone.make_aware(datetime.combine(tomorrow, time.min)),
    )


# Pages ---------------------------------------------------------------------


class IntroductionIndexPage(Page):
    """The “Giới thiệu” section: lists its pages."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = [
        "people.IntroductionPage",
        "people.OrganisationPage",
        "people.ContactPage",
        "people.EnglishIntroductionPage",
        "people.WorkSchedulePage",
        "people.CitizenReceptionPage",
    ]

    class Meta:
        verbose_name = _("introduction section")
        verbose_name_plural = _("introduction sections")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = self.get_children().live().public().specific()
        return context


class IntroductionPage(Page):
    """One overview page: history, geography, population, socio-economy..."""

    lead = models.TextField(
        _("lead"), blank=True, help_text=_("A sentence or two shown in lists.")
    )
    body = StreamField(IntroductionBodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("lead"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
    ]
    parent_page_types = ["people.IntroductionIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("introduction page")
        verbose_name_plural = _("introduction pages")

    @property
    def description(self) -> str:
        return self.search_description or Truncator(self.lead).chars(160)


class OrganisationPage(Page):
    """“Cơ cấu tổ chức”: the commune's leaders, units and officials."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["people.IntroductionIndexPage", "portal.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("organisation page")
        verbose_name_plural = _("organisation pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.organisation(site=self.get_site()))
        return context


class ContactPage(Page):
    """“Liên hệ”: the commune's address and its contact for information requests."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["people.IntroductionIndexPage", "portal.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("contact page")
        verbose_name_plural = _("contact pages")

    def json_ld(self, request, url: str) -> dict | None:
        """The contact page describes the commune as an organisation."""
        from congxa.portal.models import CommuneSettings

        commune = CommuneSettings.for_request(request)
        return commune.json_ld(request) if commune.commune_name else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        site = self.get_site()
        context["information_contacts"] = selectors.information_contacts(site=site)
        context["units"] = selectors.units_with_contacts(site=site)
        return context


class EnglishIntroductionPage(Page):
    """The organisation's functions and contacts in English (Decree 42, Art. 7(2))."""

    body = StreamField(
        IntroductionBodyBlock(),
        verbose_name=_("body (in English)"),
        blank=True,
        help_text=_("Functions, duties and how to contact the commune, in English."),
    )

    content_panels = [*Page.content_panels, FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    parent_page_types = ["people.IntroductionIndexPage", "portal.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("English introduction page")
        verbose_name_plural = _("English introduction pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        site = self.get_site()
        context["leaders"] = selectors.leaders(site=site)
        context["information_contacts"] = selectors.information_contacts(site=site)
        return context


class WorkSchedulePage(Page):
    """“Lịch công tác”: one week of the commune's schedule, `?week=2026-W48`."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["portal.HomePage", "people.IntroductionIndexPage"]
    subpage_types = ["people.CitizenReceptionPage"]

    class Meta:
        verbose_name = _("work schedule page")
        verbose_name_plural = _("work schedule pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        monday = selectors.week_start(request.GET.get("week"), today=today)
        context["week"] = selectors.schedule_week(
            site=self.get_site(), monday=monday, today=today
        )
        context["reception_page"] = (
            CitizenReceptionPage.objects.child_of(self).live().public().first()
        )
        _expire_at_midnight(request)
        return context


class CitizenReceptionPage(Page):
    """“Lịch tiếp công dân”: the fixed reception days and the coming sessions."""

    intro = RichTextField(
        _("regular reception"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_(
            "The fixed rules: who receives citizens, on which days, where, and "
            "what to bring."
        ),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = [
        "people.WorkSchedulePage",
        "people.IntroductionIndexPage",
        "portal.HomePage",
    ]
    subpage_types = []

    class Meta:
        verbose_name = _("citizen reception page")
        verbose_name_plural = _("citizen reception pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        site = self.get_site()
        context["upcoming"] = selectors.reception_entries(site=site, today=today)
        context["recent"] = selectors.reception_entries(
            site=site, today=today, past=True
        )
        context["today"] = today
        _expire_at_midnight(request)
        return context


# Records of one commune ------------------------------------------------------


class OrganisationUnit(SiteOwned):
    """A body of the commune: Đảng ủy, HĐND, UBND, a department, a centre."""

    name = models.CharField(_("name"), max_length=200)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
    )
    functions = models.TextField(
        _("functions and duties"),
        blank=True,
        help_text=_("What the unit does, in a few lines."),
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("email"), blank=True)
    sort_order = models.PositiveIntegerField(
        _("display order"), default=100, help_text=_("Smaller numbers come first.")
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    base_form_class = OrganisationUnitForm
    panels = [
        FieldPanel("site"),
        FieldPanel("name"),
        FieldPanel("parent", widget=forms.Select),
        FieldPanel("functions"),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("email")],
            heading=_("Contact"),
        ),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = _("organisation unit")
        verbose_name_plural = _("organisation units")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.parent_id is None:
            return
        if self.site_id and self.parent.site_id != self.site_id:
            raise ValidationError(
                {"parent": _("The parent unit must belong to the same commune.")}
            )
        ancestor = self.parent
        seen = set()
        while ancestor is not None and ancestor.pk not in seen:
            if self.pk and ancestor.pk == self.pk:
                raise ValidationError(
                    {"parent": _("A unit cannot be placed under itself.")}
                )
            seen.add(ancestor.pk)
            ancestor = ancestor.parent


class Official(SiteOwned):
    """A leader or official of the commune, as listed in the directory."""

    name = models.CharField(_("full name"), max_length=120)
    position = models.CharField(
        _("position"),
        max_length=200,
        help_text=_("E.g. “Phó Bí thư Thường trực Đảng ủy”."),
    )
    position_en = models.CharField(
        _("position in English"),
        max_length=200,
        blank=True,
        help_text=_(
            "Shown on the English page, e.g. “Chairman of the People's Committee”."
        ),
    )
    unit = models.ForeignKey(
        OrganisationUnit,
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="officials",
    )
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("official email"), blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_leader = models.BooleanField(
        _("commune leader"),
        default=False,
        help_text=_("Listed under “Lãnh đạo xã” with a photo."),
    )
    is_information_contact = models.BooleanField(
        _("contact for information requests"),
        default=False,
        help_text=_(
            "The person who provides information on request (đầu mối cung cấp "
            "thông tin), shown on the organisation and contact pages."
        ),
    )
    sort_order = models.PositiveIntegerField(
        _("display order"), default=100, help_text=_("Smaller numbers come first.")
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    base_form_class = OfficialForm
    panels = [
        FieldPanel("site"),
        FieldPanel("name"),
        FieldPanel("position"),
        FieldPanel("position_en"),
        FieldPanel("unit", widget=forms.Select),
        FieldPanel("photo"),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("email")], heading=_("Contact")
        ),
        MultiFieldPanel(
            [
                FieldPanel("is_leader"),
                FieldPanel("is_information_contact"),
                FieldPanel("sort_order"),
            ],
            heading=_("Display"),
        ),
    ]

    class Meta:
        verbose_name = _("official")
        verbose_name_plural = _("officials")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return f"{self.name} - {self.position}"

    def clean(self):
        super().clean()
        if self.unit_id and self.site_id and self.unit.site_id != self.site_id:
            raise ValidationError(
                {"unit": _("The unit must belong to the same commune.")}
            )


class ScheduleEntry(SiteOwned):
    """One item of the weekly schedule, or a citizen reception session."""

    kind = models.CharField(
        _("kind"),
        max_length=10,
        choices=ScheduleKind.choices,
        default=ScheduleKind.WORK,
    )
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("start time"))
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    content = models.TextField(_("content"), max_length=2000)
    chair = models.CharField(
        _("chaired by"),
        max_length=200,
        blank=True,
        help_text=_("Who chairs or receives, e.g. “Đ/c Lê Thanh Hải”."),
    )
    participants = models.TextField(_("participants"), max_length=1000, blank=True)
    location = models.CharField(_("location"), max_length=255, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    base_form_class = SiteScopedForm
    panels = [
        FieldPanel("site"),
        FieldPanel("kind"),
        FieldRowPanel(
            [FieldPanel("date"), FieldPanel("start_time"), FieldPanel("end_time")]
        ),
        FieldPanel("content"),
        FieldPanel("chair"),
        FieldPanel("participants"),
        FieldPanel("location"),
    ]

    class Meta:
        verbose_name = _("schedule entry")
        verbose_name_plural = _("schedule entries")
        ordering = ["date", "start_time"]
        indexes = [models.Index(fields=["site", "date"])]

    def __str__(self):
        return f"{self.date:%d/%m/%Y} {self.start_time:%H:%M} - {self.content[:60]}"

    def clean(self):
        super().clean()
        if self.end_time and self.start_time and self.end_time <= self.start_time:
            raise ValidationError(
                {"end_time": _("The end time must come after the start time.")}
            )
