"""Search in the admin: synonyms per commune, the province's list, query counts."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, UpdatedAtColumn
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from congxa.portal.site_access import SiteScopedViewSet

from . import promotions
from .admin_views import PromoteView, QueryReportView
from .models import ProvinceSynonym, Synonym


class SynonymCreateView(CreateView):
    """Opened from a row of the query report: the query comes filled in."""

    def get_initial_form_instance(self):
        instance = super().get_initial_form_instance() or self.model()
        instance.phrases = self.request.GET.get("phrases", "")[:500]
        site_id = self.request.GET.get("site", "")
        if site_id.isdigit():
            instance.site_id = int(site_id)
        return instance


class SynonymViewSet(SiteScopedViewSet):
    model = Synonym
    icon = "search"
    menu_label = _("Synonyms")
    menu_name = "search-synonyms"
    add_view_class = SynonymCreateView
    copy_view_enabled = False
    list_display = [
        "phrases",
        "meanings",
        Column("site", label=_("commune")),
        UpdatedAtColumn(),
    ]
    search_fields = ["phrases", "meanings"]
    ordering = ["phrases"]


class ProvinceSynonymPolicy(ModelPermissionPolicy):
    """Only superusers (the province's operators) edit the shared list."""

    def user_has_permission(self, user, action):
        return bool(user and user.is_active and user.is_superuser)

    def user_has_any_permission(self, user, actions):
        return self.user_has_permission(user, None)


class ProvinceSynonymViewSet(SnippetViewSet):
    model = ProvinceSynonym
    icon = "search"
    menu_label = _("Province synonyms")
    menu_name = "search-province-synonyms"
    copy_view_enabled = False
    list_display = ["phrases", "meanings", UpdatedAtColumn()]
    search_fields = ["phrases", "meanings"]
    ordering = ["phrases"]

    @property
    def permission_policy(self):
        return ProvinceSynonymPolicy(self.model)

    def get_queryset(self, request):
        return ProvinceSynonym.objects.filter(site__isnull=True)


register_snippet(SynonymViewSet)
register_snippet(ProvinceSynonymViewSet)


@hooks.register("register_admin_urls")
def register_search_urls():
    return [
        path(
            "search-queries/", QueryReportView.as_view(), name="congxa_search_queries"
        ),
        path(
            "search-queries/promote/",
            PromoteView.as_view(),
            name="congxa_search_promote",
        ),
    ]


@hooks.register("register_admin_urls", order=-1)
def register_commune_promotion_urls():
    """Wagtail's own promotion addresses, answered by the views scoped to the
    user's communes (`promotions.py`); registered ahead of Wagtail's, so every
    link to `wagtailsearchpromotions:*` lands here."""
    return [
        path("searchpicks/", promotions.IndexView.as_view()),
        path(
            "searchpicks/results/",
            promotions.IndexView.as_view(results_only=True),
        ),
        path("searchpicks/add/", promotions.CreateView.as_view()),
        path("searchpicks/<int:query_id>/", promotions.EditView.as_view()),
        path("searchpicks/<int:query_id>/delete/", promotions.DeleteView.as_view()),
        path("searchpicks/queries/chooser/", promotions.chooser),
        path("searchpicks/queries/chooser/results/", promotions.chooser_results),
    ]


@hooks.register("register_log_actions")
def register_promotion_log(actions):
    """A promotion's log entries carry its commune, and only that commune's
    people (and superusers) see them in the site history."""
    from wagtail.contrib.search_promotions.models import SearchPromotion

    from .models import PromotionLogEntry

    actions.register_model(SearchPromotion, PromotionLogEntry)


class QueryReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("congxa_search.view_querycount")


@hooks.register("register_reports_menu_item")
def register_query_report_menu_item():
    return QueryReportMenuItem(
        _("Search queries"),
        reverse("congxa_search_queries"),
        name="search-queries",
        icon_name="search",
        order=800,
    )


@hooks.register("construct_reports_menu")
def hide_global_search_terms_report(request, menu_items):
    """Wagtail's "Search terms" report counts every commune together; the
    commune's own "Thống kê từ khóa tìm kiếm" above replaces it."""
    menu_items[:] = [item for item in menu_items if item.name != "search-terms"]
