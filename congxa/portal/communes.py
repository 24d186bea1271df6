"""A commune's life on a deployment: create (or update), disable, enable, move.

One service, called by `congxa commune`, the tests and the bench, so all of
them make a commune the same way. The portal imports no content app: each app
contributes its default sections and its set-up step from `AppConfig.ready`:

    from congxa.portal.communes import DefaultSection, register_default_section

    register_default_section(
        DefaultSection(key="documents", model="documents.DocumentIndexPage",
                       title="Văn bản", slug="van-ban", order=20)
    )

and `register_setup_step(SetupStep(name=..., run=callable(site) -> str))` for
what is not a page (the editorial board, the procedure selection).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from congxa.vi.text import fold

from .enums import CommuneKind, HostKind, Scheme

# A host name as DNS allows it (RFC 1123 labels), lower case, no port.
_LABEL = r"(?!-)[a-z0-9-]{1,63}(?<!-)"
HOSTNAME_RE = re.compile(rf"^(?=.{{1,253}}$){_LABEL}(\.{_LABEL})*$")
KIND_PREFIX = {
    CommuneKind.COMMUNE: "Xã",
    CommuneKind.WARD: "Phường",
    CommuneKind.SPECIAL_ZONE: "Đặc khu",
}


# Registries ---------------------------------------------------------------


@dataclass(frozen=True)
class DefaultSection:
    """A page every new commune gets, under its home page or another section."""

    key: str
    model: str  # "app_label.ModelName"
    title: str  # content, so in Vietnamese
    slug: str
    parent: str | None = None  # key of another section; None: the home page
    order: int = 100
    show_in_menus: bool = True
    fields: tuple[tuple[str, object], ...] = ()


@dataclass(frozen=True)
class SetupStep:
    """Something a commune needs that is not a page; `run(site)` is idempotent
    and returns a line for the report."""

    name: str
    run: Callable[[Site], str]
    order: int = 100


_sections: dict[str, DefaultSection] = {}
_steps: dict[str, SetupStep] = {}


def register_default_section(section: DefaultSection) -> None:
    _sections[section.key] = section


def register_setup_step(step: SetupStep) -> None:
    _steps[step.name] = step


def default_sections() -> list[DefaultSection]:
    """Parents before children, then by order."""
    ordered: list[DefaultSection] = []
    placed: set[str] = set()
    pending = sorted(_sections.values(), key=lambda s: (s.order, s.key))
    while pending:
        ready = [s for s in pending if s.parent is None or s.parent in placed]
        if not ready:  # a parent that nobody registered: put them at the top
            ready = pending
        for section in ready:
            ordered.append(section)
            placed.add(section.key)
        pending = [s for s in pending if s.key not in placed]
    return ordered


def setup_steps() -> list[SetupStep]:
    return sorted(_steps.values(), key=lambda s: (s.order, s.name))


# Input ----------------------------------------------------------------------


@dataclass
class CommuneSpec:
    """What the province says about one commune (a command line or a row)."""

    host: str
    name: str
    kind: str = CommuneKind.COMMUNE
    province: str = ""
    aliases: tuple[str, ...] = ()
    agency: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    scheme: str = Scheme.HTTPS
    # The home page's slug (only the admin's page tree shows it); by default
    # made from the host name.
    home_slug: str = ""

    def __post_init__(self):
        self.host = (self.host or "").strip().lower().rstrip(".")
        self.name = " ".join((self.name or "").split())
        self.kind = (self.kind or "").strip().lower()
        self.aliases = tuple(
            alias.strip().lower().rstrip(".") for alias in self.aliases if alias.strip()
        )


@dataclass(frozen=True)
class SpecError:
    column: str
    message: str


def host_owner(hostname: str) -> Site | None:
    """The site answering on `hostname`, as its host, an alias or a former host."""
    from .models import CommuneHost

    site = Site.objects.filter(hostname=hostname).first()
    if site is not None:
        return site
    other = CommuneHost.objects.filter(hostname=hostname).select_related("site")
    row = other.first()
    return row.site if row else None


def spec_errors(spec: CommuneSpec) -> list[SpecError]:
    """Why this spec cannot be applied, column by column (empty when it can)."""
    errors = []
    if not spec.host:
        errors.append(SpecError("host", _("The host name is missing.")))
    elif not HOSTNAME_RE.match(spec.host):
        errors.append(
            SpecError(
                "host",
                _("“%(host)s” is not a valid host name.") % {"host": spec.host},
            )
        )
    if not spec.name:
        errors.append(SpecError("name", _("The commune's name is missing.")))
    if spec.kind not in CommuneKind.values:
        errors.append(
            SpecError(
                "kind",
                _("Unknown kind “%(kind)s”: use %(kinds)s.")
                % {"kind": spec.kind, "kinds": ", ".join(CommuneKind.values)},
            )
        )
    if spec.scheme not in Scheme.values:
        errors.append(SpecError("scheme", _("The scheme must be https or http.")))
    if spec.email and not re.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", spec.email):
        errors.append(
            SpecError(
                "email",
                _("“%(email)s” is not an e-mail address.") % {"email": spec.email},
            )
        )
    if errors:
        return errors
    own = Site.objects.filter(hostname=spec.host).first()
    for alias in spec.aliases:
        if not HOSTNAME_RE.match(alias):
            errors.append(
                SpecError(
                    "aliases",
                    _("“%(host)s” is not a valid host name.") % {"host": alias},
                )
            )
            continue
        if alias == spec.host:
            errors.append(
                SpecError("aliases", _("An alias cannot be the commune's own host."))
            )
            continue
        owner = host_owner(alias)
        if owner is not None and (own is None or owner.pk != own.pk):
            errors.append(
                SpecError(
                    "aliases",
                    _("The host name “%(host)s” is already used by %(commune)s.")
                    % {"host": alias, "commune": owner.site_name or owner.hostname},
                )
            )
    if own is None:
        owner = host_owner(spec.host)
        if owner is not None:
            errors.append(
                SpecError(
                    "host",
                    _("The host name “%(host)s” is already used by %(commune)s.")
                    % {"host": spec.host, "commune": owner.site_name or owner.hostname},
                )
            )
    return errors


# Results ----------------------------------------------------------------------


@dataclass
class CommuneResult:
    site: Site | None
    created: bool
    made: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.created or bool(self.made)


class _DryRun(Exception):  # noqa: N818 (a signal to roll back, not an error)
    def __init__(self, result):
        self.result = result


class CommuneSpecError(ValueError):
    def __init__(self, errors: list[SpecError]):
        super().__init__("; ".join(f"{e.column}: {e.message}" for e in errors))
        self.errors = errors


# Writes -------------------------------------------------------------------------


# The names congxa gives Wagtail's tree root and root collection (see
# congxa/editorial/migrations/0002_vietnamese_tree_roots.py).
ROOT_PAGE_TITLE = "Tất cả các xã, phường"
ROOT_COLLECTION_NAME = "Thư viện chung"


def ensure_tree_roots() -> Page:
    """The tree root page, root collection and default locale Wagtail's first
    migrations create; recreated when a flushed database lacks them (a
    transactional test after another one, say). Returns the root page."""
    from django.conf import settings
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Collection, Locale

    Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    if Collection.get_first_root_node() is None:
        Collection.add_root(name=ROOT_COLLECTION_NAME)
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(
            instance=Page(title=ROOT_PAGE_TITLE, slug="root", live=True)
        )
    return root


def _home_slug(host: str) -> str:
    return slugify(host.replace(".", "-"))[:200] or "xa"


def _remove_wagtail_welcome(root: Page) -> None:
    """Wagtail's first migration makes a welcome page and a default Site for it;
    a province's deployment has no use for them."""
    for welcome in root.get_children().filter(content_type__app_label="wagtailcore"):
        if not welcome.get_children().exists():
            Site.objects.filter(root_page=welcome).delete()
            welcome.delete()


def wagtail_defaults_remove() -> list[str]:
    """Empty Wagtail's default “Editors”/“Moderators” groups of every right and
    detach its default workflow from the tree root, so one wrong group
    membership cannot open every commune. Idempotent."""
    from django.contrib.auth.models import Group
    from wagtail.models import (
        GroupCollectionPermission,
        GroupPagePermission,
        WorkflowPage,
    )

    done = []
    root = Page.get_first_root_node()
    for group in Group.objects.filter(name__in=["Editors", "Moderators"]):
        if group.user_set.exists():
            removed = GroupPagePermission.objects.filter(group=group).delete()[0]
            removed += GroupCollectionPermission.objects.filter(group=group).delete()[0]
            if group.permissions.exists():
                group.permissions.clear()
                removed += 1
            if removed:
                done.append(
                    _("rights removed from group “%(name)s”") % {"name": group.name}
                )
        else:
            group.delete()
            done.append(_("group “%(name)s” deleted") % {"name": group.name})
    if root is not None:
        for link in WorkflowPage.objects.filter(page=root).select_related("workflow"):
            link.delete()
            done.append(
                _("workflow “%(name)s” detached from the tree root")
                % {"name": link.workflow.name}
            )
    return done


def _apply_settings(site: Site, spec: CommuneSpec) -> bool:
    from .models import CommuneSettings

    commune_settings, created = CommuneSettings.objects.get_or_create(
        site=site, defaults={"commune_name": spec.name}
    )
    values = {
        "commune_name": spec.name,
        "province": spec.province,
        "agency": spec.agency,
        "address": spec.address,
        "phone": spec.phone,
        "email": spec.email,
    }
    changed = created
    for name, value in values.items():
        if value and getattr(commune_settings, name) != value:
            setattr(commune_settings, name, value)
            changed = True
    if changed:
        commune_settings.save()
    return changed


def _ensure_sections(home: Page) -> list[str]:
    made = []
    pages: dict[str, Page] = {}
    for section in default_sections():
        parent = pages.get(section.parent) if section.parent else home
        if parent is None:
            parent = home
        existing = parent.get_children().filter(slug=section.slug).first()
        if existing is not None:
            pages[section.key] = existing
            continue
        try:
            model = apps.get_model(section.model)
        except LookupError:
            continue
        page = model(
            title=section.title,
            slug=section.slug,
            show_in_menus=section.show_in_menus,
            **dict(section.fields),
        )
        parent.add_child(instance=page)
        pages[section.key] = page
        made.append(_("section “%(title)s”") % {"title": section.title})
    return made


def _ensure_aliases(site: Site, aliases: Iterable[str]) -> list[str]:
    from .models import CommuneHost

    made = []
    for alias in aliases:
        row, created = CommuneHost.objects.get_or_create(
            hostname=alias, defaults={"site": site, "kind": HostKind.ALIAS}
        )
        if created:
            made.append(_("alias %(host)s") % {"host": alias})
    return made


def site_with_home(
    *, host: str, name: str, port: int, default: bool, home_slug: str = ""
) -> Site:
    """A home page under the tree root and the Site answering on `host` for
    it: what every other piece of a commune hangs on. Used by `commune_create`
    and by the tests' `create_commune_site`."""
    from .models import HomePage

    root = ensure_tree_roots()
    home = HomePage(title=name, slug=home_slug or _home_slug(host))
    if root.get_children().filter(slug=home.slug).exists():
        home.slug = f"{home.slug}-{Site.objects.count() + 1}"
    root.add_child(instance=home)
    return Site.objects.create(
        hostname=host,
        port=port,
        root_page=home,
        site_name=name,
        is_default_site=default,
    )


def _port_for(scheme: str) -> int:
    return 443 if scheme == Scheme.HTTPS else 80


def _apply(spec: CommuneSpec) -> CommuneResult:
    from .models import Commune

    made: list[str] = []
    root = ensure_tree_roots()
    site = Site.objects.filter(hostname=spec.host).select_related("root_page").first()
    created = site is None
    if created:
        _remove_wagtail_welcome(root)
        site = site_with_home(
            host=spec.host,
            name=spec.name,
            port=_port_for(spec.scheme),
            default=not Site.objects.filter(is_default_site=True).exists(),
            home_slug=spec.home_slug,
        )
        made.append(_("site %(host)s and its home page") % {"host": spec.host})
    elif site.site_name != spec.name:
        site.site_name = spec.name
        site.save(update_fields=["site_name"])
        made.append(_("name “%(name)s”") % {"name": spec.name})
    commune, commune_created = Commune.objects.get_or_create(
        site=site,
        defaults={
            "kind": spec.kind,
            "scheme": spec.scheme,
            "canonical_host": spec.host,
        },
    )
    if not commune_created and commune.kind != spec.kind:
        commune.kind = spec.kind
        commune.save(update_fields=["kind"])
        made.append(_("kind"))
    if _apply_settings(site, spec) and not created:
        made.append(_("commune settings"))
    made += _ensure_sections(site.root_page)
    made += _ensure_aliases(site, spec.aliases)
    for step in setup_steps():
        line = step.run(site)
        if line and created:
            made.append(line)
    made += wagtail_defaults_remove()
    return CommuneResult(site=site, created=created, made=made)


def commune_create(spec: CommuneSpec, *, dry_run: bool = False) -> CommuneResult:
    """Create the commune `spec` names, or bring an existing one up to it.

    All or nothing; running it again changes nothing. With `dry_run`, the work
    is done and rolled back, so the report says exactly what would be made.
    """
    errors = spec_errors(spec)
    if errors:
        raise CommuneSpecError(errors)
    try:
        with transaction.atomic():
            result = _apply(spec)
            if dry_run:
                raise _DryRun(result)
    except _DryRun as rollback:
        result = rollback.result
        result.site = None
    return result


def _commune_for_host(hostname: str):
    from .models import Commune

    commune = (
        Commune.objects.filter(site__hostname=hostname.strip().lower())
        .select_related("site")
        .first()
    )
    if commune is None:
        raise LookupError(hostname)
    return commune


@transaction.atomic
def commune_set_enabled(*, hostname: str, enabled: bool) -> bool:
    """Serve a commune's public site again, or show the maintenance page in its
    place. Nothing is deleted. Returns whether anything changed."""
    commune = _commune_for_host(hostname)
    if commune.enabled == enabled:
        return False
    commune.enabled = enabled
    # Saving the commune bumps its site's generation (invalidation.py).
    commune.save(update_fields=["enabled"])
    return True


@transaction.atomic
def commune_host_change(*, hostname: str, new_hostname: str) -> Site:
    """Move a commune to a new host; the old one redirects there."""
    from .models import CommuneHost

    commune = _commune_for_host(hostname)
    new_hostname = new_hostname.strip().lower().rstrip(".")
    if not HOSTNAME_RE.match(new_hostname):
        raise CommuneSpecError(
            [
                SpecError(
                    "host",
                    _("“%(host)s” is not a valid host name.") % {"host": new_hostname},
                )
            ]
        )
    owner = host_owner(new_hostname)
    if owner is not None and owner.pk != commune.site_id:
        raise CommuneSpecError(
            [
                SpecError(
                    "host",
                    _("The host name “%(host)s” is already used by %(commune)s.")
                    % {"host": new_hostname, "commune": owner.site_name},
                )
            ]
        )
    site = commune.site
    old = site.hostname
    if old == new_hostname:
        return site
    CommuneHost.objects.filter(hostname=new_hostname).delete()
    site.hostname = new_hostname
    site.save(update_fields=["hostname"])
    if commune.canonical_host in (old, ""):
        commune.canonical_host = new_hostname
        commune.save(update_fields=["canonical_host"])
    CommuneHost.objects.update_or_create(
        hostname=old, defaults={"site": site, "kind": HostKind.FORMER}
    )
    # The Site's save bumped every site's generation (invalidation.py).
    return site


# Reads ----------------------------------------------------------------------------


def canonical_root_url(site: Site) -> str:
    """The root URL of a commune as the public reaches it, for every absolute
    URL made outside a request (sitemap entries, e-mails, feeds): the scheme and
    host set by `congxa commune add`, never the port the Site was created with.
    A site without a commune record falls back to Wagtail's `root_url`, with
    https when the deployment is served over HTTPS."""
    from .models import Commune

    commune = getattr(site, "_congxa_commune", None)
    if commune is None:
        commune = Commune.objects.filter(site_id=site.pk).first()
        site._congxa_commune = commune or False
    if commune:
        return f"{commune.scheme}://{commune.canonical_host or site.hostname}"
    if getattr(settings, "HTTPS", False) and site.port in (80, 443):
        return f"https://{site.hostname}"
    return site.root_url


def commune_display_name(name: str, kind: str) -> str:
    """“Xã Vĩnh Thủy” from a bare “Vĩnh Thủy”; a full name is kept as it is."""
    prefix = KIND_PREFIX.get(kind, "")
    if not prefix or fold(name).startswith(fold(prefix) + " "):
        return name
    return f"{prefix} {name}"
