"""Citizens' questions, feedback and comments on drafts, and the pages that take them.

Submissions are not pages: they hold personal data, and nothing of them is public
until an official publishes the question with an approved answer.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Page

from congxa.portal.site_owned import (
    SharedOrSiteOwnedQuerySet,
    SiteOwned,
    SiteOwnedQuerySet,
)

from .enums import AnswerStatus, PublicNameMode, QuestionKind, QuestionState
from .tracking import format_tracking_code


class TopicQuerySet(SharedOrSiteOwnedQuerySet):
    pass


class Topic(models.Model):
    """A field a question is about (lĩnh vực): hộ tịch, đất đai, ..."""

    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("commune site"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Leave empty to offer this field to every commune."),
    )
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, allow_unicode=False)
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    objects = TopicQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("site"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = _("question field")
        verbose_name_plural = _("question fields")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["site", "slug"], name="topic_site_slug")
        ]

    def __str__(self):
        return self.name


class QuestionQuerySet(SiteOwnedQuerySet):
    def published(self):
        """What the public may read: published, with an approved answer."""
        return self.filter(
            is_published=True,
            answer_status=AnswerStatus.APPROVED,
            state=QuestionState.ANSWERED,
        ).exclude(kind=QuestionKind.DRAFT_COMMENT)


class Question(SiteOwned):
    """One submission from a citizen: a question, feedback or a draft comment."""

    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=QuestionKind.choices,
        default=QuestionKind.QUESTION,
    )
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=QuestionState.choices,
        default=QuestionState.NEW,
        db_index=True,
    )
    topic = models.ForeignKey(
        Topic,
        verbose_name=_("field"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions",
    )
    document_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("draft document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("content"))
    # Personal data: erased after the retention period or on request.
    name = models.CharField(_("full name"), max_length=100, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    email = models.EmailField(_("email"), blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    ip_hash = models.CharField(_("address hash"), max_length=64, blank=True)
    public_initials = models.CharField(_("initials"), max_length=20, blank=True)
    public_name_mode = models.CharField(
        _("name shown publicly"),
        max_length=10,
        choices=PublicNameMode.choices,
        default=PublicNameMode.INITIALS,
    )
    consent_given = models.BooleanField(_("consent given"), default=False)
    consent_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    tracking_code = models.CharField(_("tracking code"), max_length=10, unique=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    answer_text = models.TextField(_("answer"), blank=True)
    answer_status = models.CharField(
        _("answer status"),
        max_length=10,
        choices=AnswerStatus.choices,
        default=AnswerStatus.NONE,
        blank=True,
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answer approved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("answer approved at"), null=True, blank=True)
    is_published = models.BooleanField(_("published"), default=False)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    created_at = models.DateTimeField(_("received at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    erased_at = models.DateTimeField(
        _("contact details erased at"), null=True, blank=True
    )

    objects = QuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("citizen's question")
        verbose_name_plural = _("questions and feedback")
        ordering = ["-created_at", "-pk"]
        permissions = [("approve_answer", _("Can approve and publish answers"))]
        indexes = [
            models.Index(fields=["site", "state"]),
            models.Index(fields=["site", "is_published", "answered_at"]),
        ]

    def __str__(self):
        return f"{self.display_code} – {self.title}"

    @property
    def display_code(self) -> str:
        return format_tracking_code(self.tracking_code)

    @property
    def public_name(self) -> str:
        if self.public_name_mode == PublicNameMode.HIDDEN:
            return ""
        return self.public_initials

    @property
    def is_public(self) -> bool:
        return (
            self.is_published
            and self.answer_status == AnswerStatus.APPROVED
            and self.state == QuestionState.ANSWERED
            and self.kind != QuestionKind.DRAFT_COMMENT
        )

    @property
    def has_contact(self) -> bool:
        return bool(self.name or self.phone or self.email or self.address)

    @property
    def summary(self) -> str:
        return Truncator(" ".join(self.text.split())).chars(160)

    def feed_item(self, request, url: str) -> dict:
        """A published answer in a news reader: public fields only, no contacts."""
        return {
            "title": self.title,
            "link": url,
            "description": Truncator(" ".join(self.answer_text.split())).chars(400),
            "pubdate": self.published_at or self.answered_at or self.created_at,
            "updateddate": self.updated_at,
            "categories": [self.topic.name] if self.topic_id else [],
        }

    def search_document(self) -> dict | None:
        """What the site search may index: public fields only, never contacts."""
        if not self.is_public:
            return None
        index_page = (
            QuestionIndexPage.objects.live()
            .public()
            .descendant_of(self.site.root_page)
            .first()
        )
        if index_page is None:
            return None
        return {
            # Scoped to its own commune: never shown in another's search.
            "site": self.site_id,
            "kind": "questions",
            "title": self.title,
            "body": f"{self.text}\n{self.answer_text}",
            "url": index_page.url
            + index_page.reverse_subpage("detail", args=[self.pk]),
            "date": self.answered_at or self.created_at,
        }


@register_setting(icon="help")
class EngagementSettings(BaseSiteSetting):
    """How a commune handles questions, feedback and the personal data in them."""

    retention_months = models.PositiveIntegerField(
        _("retention period (months)"),
        default=24,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text=_(
            "Contact details are erased this many months after the answer "
            "(or after receipt when there is no answer)."
        ),
    )
    answer_due_working_days = models.PositiveIntegerField(
        _("answer due within (working days)"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(90)],
    )
    rate_limit_per_address = models.PositiveIntegerField(
        _("submissions per hour from one network address"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(1000)],
    )
    rate_limit_per_contact = models.PositiveIntegerField(
        _("submissions per day from one phone or email"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(1000)],
    )
    challenge_after = models.PositiveIntegerField(
        _("ask a check question after this many submissions"),
        default=2,
        validators=[MaxValueValidator(1000)],
        help_text=_("0 asks it every time."),
    )
    data_controller = models.CharField(
        _("data controller"),
        max_length=255,
        blank=True,
        help_text=_("Empty: the managing agency in the commune settings."),
    )
    data_request_contact = models.TextField(
        _("contact for personal-data requests"),
        blank=True,
        help_text=_(
            "How citizens ask to see or erase their data (office, phone, email). "
            "Empty: the commune's address, phone and email."
        ),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("retention_months"),
                FieldPanel("data_controller"),
                FieldPanel("data_request_contact"),
            ],
            heading=_("Personal data"),
        ),
        MultiFieldPanel([FieldPanel("answer_due_working_days")], heading=_("Handling")),
        MultiFieldPanel(
            [
                FieldPanel("rate_limit_per_address"),
                FieldPanel("rate_limit_per_contact"),
                FieldPanel("challenge_after"),
            ],
            heading=_("Abuse protection"),
        ),
    ]

    class Meta:
        verbose_name = _("questions and personal data")
        verbose_name_plural = _("questions and personal data")


class SubmissionPageMixin(RoutablePageMixin):
    """Routes shared by the pages that take submissions: lookup and privacy notice."""

    submission_kind = QuestionKind.QUESTION

    @path("tra-cuu/", name="lookup")
    def lookup_route(self, request):
        from .views import lookup

        return lookup(request, self)

    @path("chinh-sach-du-lieu/", name="privacy")
    def privacy_route(self, request):
        from .views import privacy_notice

        return privacy_notice(request, self)


class QuestionIndexPage(SubmissionPageMixin, Page):
    """“Hỏi đáp”: published questions and answers, and the form to ask one."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("questions and answers page")
        verbose_name_plural = _("questions and answers pages")

    @path("", name="list")
    def list_route(self, request):
        from .views import question_list

        return question_list(request, self)

    @path("gui-cau-hoi/", name="ask")
    def ask_route(self, request):
        from .views import submission_form

        return submission_form(request, self, kind=QuestionKind.QUESTION)

    @re_path(r"^(?P<pk>[0-9]{1,12})/$", name="detail")
    def detail_route(self, request, pk):
        from .views import question_detail

        return question_detail(request, self, int(pk))

    @re_path(r"^gop-y-du-thao/(?P<page_id>[0-9]{1,12})/$", name="draft_comment")
    def draft_comment_route(self, request, page_id):
        from .views import draft_comment_form

        return draft_comment_form(request, self, int(page_id))


class FeedbackPage(SubmissionPageMixin, Page):
    """“Phản ánh, kiến nghị”: feedback on administrative matters."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("feedback page")
        verbose_name_plural = _("feedback pages")

    @path("", name="form")
    def form_route(self, request):
        from .views import submission_form

        return submission_form(request, self, kind=QuestionKind.FEEDBACK)
