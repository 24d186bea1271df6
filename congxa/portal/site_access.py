"""Which communes an admin user may manage, and admin views scoped to them.

A user manages a commune (a `Site`) when a group of theirs holds a page
permission anywhere inside that site's page tree, or above it (a permission on
the tree root covers every commune); a superuser manages them all. Non-page
models with a `site` foreign key use `SiteScopedViewSet`, so an editor of
commune A neither lists, opens, edits nor deletes commune B's records, and
can only save a record for a commune of theirs.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import GroupPagePermission, Site
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

_CACHE_ATTRIBUTE = "_congxa_site_ids"


def sites_for_user(user) -> list[Site]:
    """The communes `user` may manage, ordered by name."""
    sites = Site.objects.select_related("root_page").order_by("site_name", "hostname")
    if not user or not user.is_authenticated or not user.is_active:
        return []
    if user.is_superuser:
        return list(sites)
    paths = list(
        GroupPagePermission.objects.filter(group__user=user)
        .values_list("page__path", flat=True)
        .distinct()
    )
    return [
        site
        for site in sites
        if any(
            site.root_page.path.startswith(path) or path.startswith(site.root_page.path)
            for path in paths
        )
    ]


def site_ids_for_user(user) -> set[int]:
    """Primary keys of `sites_for_user`, computed once per user object."""
    cached = getattr(user, _CACHE_ATTRIBUTE, None)
    if cached is None:
        cached = {site.pk for site in sites_for_user(user)}
        if user is not None:
            setattr(user, _CACHE_ATTRIBUTE, cached)
    return cached


class SiteScopedPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, and for one record: only within the user's communes."""

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and (
            instance.site_id in site_ids_for_user(user)
        )

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions) and (
            instance.site_id in site_ids_for_user(user)
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return self.model._default_manager.filter(site__in=site_ids_for_user(user))


class SiteScopedForm(WagtailAdminModelForm):
    """The commune list offers only the user's communes; choices that point to
    other records of the model's app (a unit, a parent unit) are narrowed the
    same way by `site_scoped_fields`."""

    site_scoped_fields: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self, "for_user", None)
        if user is None:
            return
        site_ids = site_ids_for_user(user)
        if "site" in self.fields:
            field = self.fields["site"]
            field.queryset = field.queryset.filter(pk__in=site_ids)
            if not self.instance.pk and len(site_ids) == 1:
                field.initial = next(iter(site_ids))
        for name in self.site_scoped_fields:
            if name in self.fields:
                field = self.fields[name]
                field.queryset = field.queryset.filter(site__in=site_ids)

    def clean_site(self):
        site = self.cleaned_data.get("site")
        user = getattr(self, "for_user", None)
        if site is not None and user is not None:
            if site.pk not in site_ids_for_user(user):
                raise forms.ValidationError(
                    _("You cannot manage the records of this commune.")
                )
        return site


class _ObjectInUserSitesMixin:
    """Opening a record of another commune is a 404, as if it did not exist."""

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if obj.site_id not in site_ids_for_user(self.request.user):
            raise Http404
        return obj


class _ScopedEditView(_ObjectInUserSitesMixin, snippet_views.EditView):
    pass


class _ScopedDeleteView(_ObjectInUserSitesMixin, snippet_views.DeleteView):
    pass


class _ScopedUsageView(_ObjectInUserSitesMixin, snippet_views.UsageView):
    pass


class _ScopedHistoryView(_ObjectInUserSitesMixin, snippet_views.HistoryView):
    pass


class _ScopedInspectView(_ObjectInUserSitesMixin, snippet_views.InspectView):
    pass


class _ScopedCopyView(snippet_views.CopyView):
    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        if obj.site_id not in site_ids_for_user(self.request.user):
            raise PermissionDenied
        return obj


class SiteScopedViewSet(SnippetViewSet):
    """A snippet viewset for a model with a `site` foreign key."""

    edit_view_class = _ScopedEditView
    delete_view_class = _ScopedDeleteView
    usage_view_class = _ScopedUsageView
    history_view_class = _ScopedHistoryView
    inspect_view_class = _ScopedInspectView
    copy_view_class = _ScopedCopyView

    @cached_property
    def permission_policy(self):
        return SiteScopedPermissionPolicy(self.model)

    def get_queryset(self, request):
        return self.model._default_manager.filter(
            site__in=site_ids_for_user(request.user)
        ).select_related("site")
