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
from django.db.models import Q
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import GroupPagePermission, Page, Site
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views import chooser as snippet_chooser_views
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

_CACHE_ATTRIBUTE = "_congxa_site_access"
PROVINCE_PERMISSION = "portal.manage_communes"


class SiteAccess:
    """What one user may reach, computed once per user object (so once per
    request): the communes they manage and their trees' root paths."""

    def __init__(self, user):
        self.user = user
        self.all_sites = bool(user and user.is_active and user.is_superuser)
        if not user or not user.is_authenticated or not user.is_active:
            self.sites: list[Site] = []
        else:
            sites = list(
                Site.objects.select_related("root_page").order_by(
                    "site_name", "hostname"
                )
            )
            if self.all_sites:
                self.sites = sites
            else:
                paths = set(
                    GroupPagePermission.objects.filter(group__user=user)
                    .values_list("page__path", flat=True)
                    .distinct()
                )
                self.sites = [
                    site
                    for site in sites
                    if any(
                        site.root_page.path.startswith(path)
                        or path.startswith(site.root_page.path)
                        for path in paths
                    )
                ]
        self.site_ids = {site.pk for site in self.sites}
        self.root_paths = [site.root_page.path for site in self.sites]

    def page_in_reach(self, path: str) -> bool:
        """Inside one of the user's communes, or above one (to browse down)."""
        if self.all_sites:
            return True
        return any(
            path.startswith(root) or root.startswith(path) for root in self.root_paths
        )

    def pages_q(self, *, ancestors: bool = True) -> Q:
        """Pages of the user's communes (and the pages above them)."""
        if self.all_sites:
            return Q()
        q = Q(pk__in=[])
        above: set[str] = set()
        for root in self.root_paths:
            q |= Q(path__startswith=root)
            if ancestors:
                above.update(
                    root[:end] for end in range(Page.steplen, len(root), Page.steplen)
                )
        if above:
            q |= Q(path__in=sorted(above))
        return q


def site_access(user) -> SiteAccess:
    cached = getattr(user, _CACHE_ATTRIBUTE, None) if user is not None else None
    if cached is None:
        cached = SiteAccess(user)
        if user is not None:
            setattr(user, _CACHE_ATTRIBUTE, cached)
    return cached


def sites_for_user(user) -> list[Site]:
    """The communes `user` may manage, ordered by name: those where a group of
    theirs holds a page permission in (or above) the site's tree; a superuser
    manages them all. A province operator manages none by that role alone."""
    return list(site_access(user).sites)


def site_ids_for_user(user) -> set[int]:
    return site_access(user).site_ids


def page_in_reach(user, page) -> bool:
    return site_access(user).page_in_reach(page.path)


def is_province_operator(user) -> bool:
    """“Quản trị cấp tỉnh”: sees every commune's state, adds communes and their
    first administrator; not a superuser, and no content rights by itself."""
    return bool(
        user
        and user.is_authenticated
        and user.is_active
        and (user.is_superuser or user.has_perm(PROVINCE_PERMISSION))
    )


def user_administers_site(user, site_id: int) -> bool:
    """A commune administrator: manages the commune and may change its settings
    there (a per-site permission on the commune settings)."""
    if user.is_superuser:
        return True
    if int(site_id) not in site_ids_for_user(user):
        return False
    from wagtail.models import GroupSitePermission

    return GroupSitePermission.objects.filter(
        group__user=user,
        site_id=site_id,
        permission__content_type__app_label="portal",
        permission__codename="change_communesettings",
    ).exists()


def users_sharing_sites(user):
    """The people a user may see named in the admin: members of the groups that
    hold rights in the user's communes (everyone for a superuser)."""
    from django.contrib.auth import get_user_model

    User = get_user_model()
    if site_access(user).all_sites:
        return User.objects.all()
    access = site_access(user)
    q = Q(pk__in=[])
    for root in access.root_paths:
        q |= Q(page__path__startswith=root)
    group_ids = GroupPagePermission.objects.filter(q).values("group_id")
    return User.objects.filter(Q(groups__in=group_ids) | Q(pk=user.pk)).distinct()


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


class _ScopedChooseMixin:
    def get_object_list(self):
        return (
            super()
            .get_object_list()
            .filter(site__in=site_ids_for_user(self.request.user))
        )


class _ScopedChooseView(_ScopedChooseMixin, snippet_chooser_views.ChooseView):
    pass


class _ScopedChooseResultsView(
    _ScopedChooseMixin, snippet_chooser_views.ChooseResultsView
):
    pass


class _ScopedChosenView(snippet_chooser_views.SnippetChosenView):
    def get_object(self, pk):
        obj = super().get_object(pk)
        if obj.site_id not in site_ids_for_user(self.request.user):
            raise Http404
        return obj


class SiteScopedChooserViewSet(snippet_chooser_views.SnippetChooserViewSet):
    """The snippet chooser (a leader in a block, say) lists only the user's
    communes' records."""

    choose_view_class = _ScopedChooseView
    choose_results_view_class = _ScopedChooseResultsView
    chosen_view_class = _ScopedChosenView


class SiteScopedViewSet(SnippetViewSet):
    """A snippet viewset for a model with a `site` foreign key."""

    chooser_viewset_class = SiteScopedChooserViewSet

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
