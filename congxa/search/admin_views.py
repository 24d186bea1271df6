"""Search in the admin: the query counts report and "promote a page" from a row."""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max, Sum
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.widgets import AdminPageChooser
from wagtail.log_actions import log
from wagtail.models import Page

from congxa.portal.site_access import site_ids_for_user, sites_for_user

from .models import QueryCount
from .promotions import page_promotable
from .services import QUERY_RETENTION_DAYS

REPORT_ROWS = 200


def query_rows(*, site_ids, days: int = QUERY_RETENTION_DAYS):
    """Queries of the communes, summed over `days`: those that found nothing
    first, then the most asked."""
    since = timezone.localdate() - timedelta(days=days)
    return (
        QueryCount.objects.filter(site__in=site_ids, day__gte=since)
        .values("site_id", "site__site_name", "site__hostname", "query")
        .annotate(searches=Sum("searches"), results=Max("results"), last_day=Max("day"))
        .order_by("results", "-searches", "query")[:REPORT_ROWS]
    )


class QueryReportView(WagtailAdminTemplateMixin, TemplateView):
    """What the commune's visitors searched for, per day summed; nothing else."""

    template_name = "search/admin/query_report.html"
    page_title = gettext_lazy("Search queries")
    header_icon = "search"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("congxa_search.view_querycount"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        site_ids = site_ids_for_user(self.request.user)
        rows = []
        for row in query_rows(site_ids=site_ids):
            found = row["results"] > 0
            rows.append(
                {
                    **row,
                    "found": found,
                    "synonym_url": reverse("wagtailsnippets_congxa_search_synonym:add")
                    + "?"
                    + urlencode({"phrases": row["query"], "site": row["site_id"]}),
                    "promote_url": reverse("congxa_search_promote")
                    + "?"
                    + urlencode({"q": row["query"], "site": row["site_id"]}),
                }
            )
        context["rows"] = rows
        context["can_promote"] = self.request.user.has_perm(
            "wagtailsearchpromotions.add_searchpromotion"
        )
        context["can_add_synonym"] = self.request.user.has_perm(
            "congxa_search.add_synonym"
        )
        context["days"] = QUERY_RETENTION_DAYS
        context["sites"] = sites_for_user(self.request.user)
        return context


class PromoteForm(forms.Form):
    query = forms.CharField(label=gettext_lazy("Query"), max_length=255)
    page = forms.ModelChoiceField(
        label=gettext_lazy("Page"),
        queryset=Page.objects.filter(depth__gt=1),
        widget=AdminPageChooser(),
    )
    description = forms.CharField(
        label=gettext_lazy("Description"), required=False, widget=forms.Textarea
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_page(self):
        page = self.cleaned_data["page"]
        if not page_promotable(self.user, page):
            raise forms.ValidationError(_("Choose a page of a commune you manage."))
        return page

    def clean(self):
        cleaned = super().clean()
        from wagtail.contrib.search_promotions.models import SearchPromotion
        from wagtail.search.utils import normalise_query_string

        query, page = cleaned.get("query"), cleaned.get("page")
        if query and page is not None:
            taken = SearchPromotion.objects.filter(
                query__query_string=normalise_query_string(query), page=page
            )
            if taken.exists():
                self.add_error(
                    "page",
                    forms.ValidationError(
                        _("This page is already promoted for these words.")
                    ),
                )
        return cleaned


class PromoteView(WagtailAdminTemplateMixin, FormView):
    """Pin a page of the commune to a query ("Kết quả được đề xuất")."""

    template_name = "search/admin/promote.html"
    page_title = gettext_lazy("Promote a page")
    header_icon = "pick"
    form_class = PromoteForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("wagtailsearchpromotions.add_searchpromotion"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_initial(self):
        return {"query": self.request.GET.get("q", "")[:255]}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        from wagtail.contrib.search_promotions.models import Query, SearchPromotion

        query = Query.get(form.cleaned_data["query"])
        last = query.editors_picks.aggregate(last=Max("sort_order"))["last"]
        order = 0 if last is None else last + 1
        with transaction.atomic():
            promotion = SearchPromotion.objects.create(
                query=query,
                page=form.cleaned_data["page"],
                description=form.cleaned_data["description"],
                sort_order=order,
            )
            log(promotion, "wagtail.create", user=self.request.user)
        messages.success(
            self.request,
            _("“%(page)s” is now promoted for “%(query)s”.")
            % {"page": form.cleaned_data["page"].title, "query": query.query_string},
        )
        return redirect("congxa_search_queries")
