"""Search promotions ("Kết quả được đề xuất") per commune, in Wagtail's own admin.

Wagtail keys a promotion on a `Query`, the query text, shared by every commune;
a promotion belongs to the commune of the page it promotes (the site whose tree
holds the page), so there is nothing to store and nothing to fall out of step:
the admin lists, opens, saves and deletes only the promotions whose page lies in
the user's communes (`congxa.portal.site_access`), its form refuses a page of
another commune, and the public search of a commune shows only promotions of
its own pages (`selectors.promoted`). A promotion is always a page: an external
link belongs to no commune, so the form has no such field.

Wagtail's views are subclassed here and answer Wagtail's own addresses
(`/admin/searchpicks/...`, `wagtailsearchpromotions:*`): `wagtail_hooks`
registers them ahead of Wagtail's, so its menu item, templates and URL finder
lead here. `tests/search/test_promotions_admin.py` checks that every one of
those addresses resolves to a view of this module.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import PermissionDenied
from django.core.paginator import InvalidPage, Paginator
from django.db import transaction
from django.db.models import Max, Prefetch, Q, Sum
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms.models import WagtailAdminModelForm
from wagtail.admin.forms.search import SearchForm
from wagtail.admin.modal_workflow import render_modal_workflow
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.contrib.search_promotions import forms as wagtail_forms
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.contrib.search_promotions.views import settings as wagtail_views
from wagtail.log_actions import log
from wagtail.models import Page, Site

from congxa.portal.site_access import site_access
from congxa.vi.text import fold

from .models import QueryCount

PERMISSIONS = ("add", "change", "delete")


def commune_roots(user) -> list[tuple[str, Site]]:
    """(root path, site) of each commune whose promotions `user` manages."""
    return [(site.root_page.path, site) for site in site_access(user).sites]


def commune_pages_q(user, prefix: str = "") -> Q:
    """Pages inside the user's communes (never the pages above them)."""
    q = Q(pk__in=[])
    for root, _site in commune_roots(user):
        q |= Q(**{f"{prefix}path__startswith": root})
    return q


def promotions_for_user(user):
    """The promotions of the user's communes: those whose page is in one of them
    (a superuser: of every commune)."""
    return SearchPromotion.objects.filter(commune_pages_q(user, prefix="page__"))


def page_promotable(user, page: Page) -> bool:
    return any(page.path.startswith(root) for root, _site in commune_roots(user))


def commune_of(path: str, roots: list[tuple[str, Site]]) -> str:
    for root, site in roots:
        if path.startswith(root):
            return site.site_name or site.hostname
    return ""


def user_may_promote(user) -> bool:
    return any(
        user.has_perm(f"wagtailsearchpromotions.{action}_searchpromotion")
        for action in PERMISSIONS
    )


class CommunePromotionForm(wagtail_forms.SearchPromotionForm):
    """One promoted page: a page of the user's communes, and a description."""

    class Meta(wagtail_forms.SearchPromotionForm.Meta):
        fields = ("query", "page", "description")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["page"].required = True
        self.fields["page"].help_text = _(
            "A page of your commune; it is shown first to visitors of that "
            "commune who search for these words."
        )
        self.fields["description"].help_text = ""
        page = self.instance.page if self.instance.page_id else None
        self.commune = (
            commune_of(page.path, commune_roots(self.for_user))
            if page is not None and self.for_user is not None
            else ""
        )

    def clean(self):
        # Wagtail's own clean() weighs a page against an external link, which
        # this form does not have.
        return WagtailAdminModelForm.clean(self)

    def clean_page(self):
        page = self.cleaned_data.get("page")
        if page is not None and not page_promotable(self.for_user, page):
            raise forms.ValidationError(_("Choose a page of a commune you manage."))
        return page


class CommunePromotionsFormSet(wagtail_forms.SearchPromotionsFormSet):
    form = CommunePromotionForm

    def clean(self):
        # An existing row is looked up among the user's promotions only: one
        # that is not found there (another commune's id) is refused, not saved.
        if any(form.instance.pk is None for form in self.initial_forms):
            raise forms.ValidationError(
                _("Open the form again: one of its results is not your commune's.")
            )
        super().clean()


class CommunesColumn(Column):
    """The communes of the row's promotions (one, for a commune's editor)."""

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        roots = commune_roots(context["request"].user)
        names = []
        for pick in instance.editors_picks.all():
            name = commune_of(pick.page.path, roots)
            if name and name not in names:
                names.append(name)
        context["value"] = ", ".join(names)
        return context


class IndexView(wagtail_views.IndexView):
    """The queries with a promotion of the user's communes, each with only
    those promotions, and the commune they belong to."""

    columns = [
        TitleColumn(
            "query_string",
            label=gettext_lazy("Search term(s)"),
            width="35%",
            url_name="wagtailsearchpromotions:edit",
            sort_key="query_string",
        ),
        wagtail_views.SearchPromotionColumn(
            "editors_picks", label=gettext_lazy("Promoted results"), width="40%"
        ),
        CommunesColumn("communes", label=gettext_lazy("Commune"), accessor="pk"),
    ]

    def get_base_queryset(self):
        scoped = promotions_for_user(self.request.user)
        return Query.objects.filter(pk__in=scoped.values("query_id")).prefetch_related(
            Prefetch("editors_picks", queryset=scoped.select_related("page"))
        )


class ScopedFormSetMixin:
    """The promotions of the query that are the user's, nothing else: another
    commune's promotion of the same words is neither shown, changed, moved to
    new words nor deleted."""

    def get_queryset(self):
        scoped = promotions_for_user(self.request.user)
        return Query.objects.filter(pk__in=scoped.values("query_id"))

    @cached_property
    def searchpicks_formset(self):
        user = self.request.user
        kwargs = {
            "instance": self.object,
            "queryset": promotions_for_user(user).select_related("page"),
            "form_kwargs": {"for_user": user},
        }
        if self.request.method == "POST":
            return CommunePromotionsFormSet(self.request.POST, **kwargs)
        return CommunePromotionsFormSet(**kwargs)


class CreateView(ScopedFormSetMixin, wagtail_views.CreateView):
    def get_initial(self):
        # Opened from a row of the query report: the words come filled in.
        return {**super().get_initial(), "query_string": self.request.GET.get("q", "")}

    def save_searchpicks(self, query, new_query):
        # Words already promoted by this commune: the new pages come after them.
        before = (
            promotions_for_user(self.request.user)
            .filter(query=new_query)
            .aggregate(last=Max("sort_order"))["last"]
        )
        super().save_searchpicks(query, new_query)
        if before is not None:
            for offset, pick in enumerate(self.searchpicks_formset.new_objects, 1):
                pick.sort_order = before + offset
                pick.save(update_fields=["sort_order"])


class EditView(ScopedFormSetMixin, wagtail_views.EditView):
    pass


class DeleteView(wagtail_views.DeleteView):
    """Deletes the user's promotions of these words, not another commune's."""

    def get_queryset(self):
        scoped = promotions_for_user(self.request.user)
        return Query.objects.filter(pk__in=scoped.values("query_id"))

    def delete_action(self):
        picks = promotions_for_user(self.request.user).filter(query=self.object)
        with transaction.atomic():
            for pick in picks.select_related("page", "query"):
                log(pick, "wagtail.delete")
            picks.delete()


CHOOSER_PER_PAGE = 10


def chooser(request, get_results: bool = False):
    """ "Choose from popular search terms": what visitors of the user's communes
    searched for (the counted, folded words), most searched first."""
    if not user_may_promote(request.user):
        raise PermissionDenied
    rows = (
        QueryCount.objects.filter(site__in=site_access(request.user).site_ids)
        .values("query")
        .annotate(hits=Sum("searches"))
        .order_by("-hits", "query")
    )
    searchform = SearchForm(request.GET if "q" in request.GET else None)
    if searchform.is_valid():
        words = " ".join(fold(searchform.cleaned_data["q"]).split())
        rows = rows.filter(query__icontains=words)
    paginator = Paginator(
        [
            {"id": number, "query_string": row["query"], "hits": row["hits"]}
            for number, row in enumerate(rows[:500], 1)
        ],
        per_page=CHOOSER_PER_PAGE,
    )
    try:
        queries = paginator.page(request.GET.get("p", 1))
    except InvalidPage as exc:
        raise Http404 from exc
    if get_results:
        return TemplateResponse(
            request,
            "wagtailsearchpromotions/queries/chooser/results.html",
            {"queries": queries},
        )
    return render_modal_workflow(
        request,
        "wagtailsearchpromotions/queries/chooser/chooser.html",
        None,
        {"queries": queries, "searchform": searchform},
        json_data={"step": "chooser"},
    )


def chooser_results(request):
    return chooser(request, get_results=True)
