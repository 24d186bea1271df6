"""The “Hỏi đáp” queue, fields, dashboard and data requests in the Wagtail admin."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from congxa.portal.admin_menu import PermittedMenuItem

from . import admin_views
from .models import Question, Topic
from .selectors import questions_for_user, sites_for_user


class QuestionIndexView(IndexView):
    def get_base_queryset(self):
        return questions_for_user(self.request.user).select_related("topic", "site")


class QuestionHistoryView(HistoryView):
    def get_base_object_queryset(self):
        return questions_for_user(self.request.user)


class QuestionViewSet(ModelViewSet):
    """The queue per commune; editing is the handling page with its actions."""

    model = Question
    icon = "help"
    menu_label = _("Questions")
    add_to_admin_menu = False
    name = "engagement_question"
    index_view_class = QuestionIndexView
    history_view_class = QuestionHistoryView
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = [
        "title",
        Column("display_code", label=_("tracking code")),
        "kind",
        "state",
        "topic",
        "site",
        DateColumn("created_at", label=_("received at")),
    ]
    list_filter = ["state", "kind", "topic", "answer_status", "is_published"]
    search_fields = ["title", "tracking_code"]
    ordering = ["-created_at"]

    def get_common_view_kwargs(self, **kwargs):
        # Citizens create questions and erasure replaces deletion: no add/delete.
        return super().get_common_view_kwargs(
            **{"add_url_name": None, "delete_url_name": None, **kwargs}
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("edit/<int:pk>/", admin_views.question_process, name="edit"),
            path("history/<int:pk>/", self.history_view, name="history"),
            path(
                "history-results/<int:pk>/",
                self.history_results_view,
                name="history_results",
            ),
        ]


class TopicIndexView(IndexView):
    def get_base_queryset(self):
        sites = sites_for_user(self.request.user)
        queryset = Topic.objects.select_related("site")
        if sites is None:
            return queryset
        return queryset.filter(site__in=sites) | queryset.filter(site__isnull=True)


class TopicViewSet(ModelViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Question fields")
    add_to_admin_menu = False
    name = "engagement_topic"
    index_view_class = TopicIndexView
    list_display = ["name", "slug", "site", "sort_order"]
    form_fields = ["name", "slug", "site", "sort_order"]
    copy_view_enabled = False
    inspect_view_enabled = False


class EngagementGroup(ModelViewSetGroup):
    menu_label = _("Questions and answers")
    menu_icon = "help"
    menu_order = 250
    items = (QuestionViewSet, TopicViewSet)


@hooks.register("register_admin_viewset")
def register_viewsets():
    return EngagementGroup()


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "engagement/dashboard/",
            admin_views.dashboard_view,
            name="engagement_dashboard",
        ),
        path(
            "engagement/dashboard/export/",
            admin_views.dashboard_export,
            name="engagement_dashboard_export",
        ),
        path(
            "engagement/draft-comments/<int:page_id>/export/",
            admin_views.draft_comments_export,
            name="engagement_draft_comments_export",
        ),
        path(
            "engagement/data-request/",
            admin_views.data_request,
            name="engagement_data_request",
        ),
    ]


def _handles_questions(user) -> bool:
    return user.has_perm("engagement.change_question")


@hooks.register("register_admin_menu_item")
def register_dashboard_menu_item():
    return PermittedMenuItem(
        _("Questions dashboard"),
        reverse("engagement_dashboard"),
        shown=_handles_questions,
        icon_name="doc-full",
        order=251,
    )


@hooks.register("register_admin_menu_item")
def register_data_request_menu_item():
    return PermittedMenuItem(
        _("Personal-data requests"),
        reverse("engagement_data_request"),
        shown=_handles_questions,
        icon_name="user",
        order=252,
    )


@hooks.register("register_log_actions")
def register_log_actions(actions):
    for action, label, message in (
        ("engagement.assign", _("Assign"), _("Assigned to an official")),
        ("engagement.answer", _("Answer"), _("Answer written")),
        ("engagement.approve", _("Approve answer"), _("Answer approved")),
        (
            "engagement.publish",
            pgettext_lazy("citizen question", "Publish"),
            _("Published on the portal"),
        ),
        (
            "engagement.unpublish",
            pgettext_lazy("citizen question", "Unpublish"),
            _("Removed from the portal"),
        ),
        ("engagement.reject", _("Reject"), _("Rejected")),
        ("engagement.spam", _("Mark as spam"), _("Marked as spam")),
        ("engagement.erase", _("Erase contact details"), _("Contact details erased")),
        (
            "engagement.retention_erase",
            _("Erase after retention period"),
            _("Contact details erased after the retention period"),
        ),
        ("engagement.data_access", _("Data request: view"), _("Citizen's data viewed")),
        (
            "engagement.data_export",
            _("Data request: export"),
            _("Citizen's data exported"),
        ),
    ):
        actions.register_action(action, label, message)
