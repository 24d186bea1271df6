"""Build the demo commune. Idempotent: running it twice changes nothing.

The commune itself is made as every commune is, by
`congxa.portal.communes.commune_create`; this module then adds its demo content.
"""

from __future__ import annotations

import importlib
import secrets

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from wagtail.models import Site

from congxa.news.models import ArticlePage, NewsIndexPage
from congxa.portal.communes import CommuneSpec, commune_create
from congxa.portal.enums import CommuneKind, Scheme
from congxa.portal.factories import generated_jpeg
from congxa.portal.models import CommuneSettings, HomePage, WebsiteLink
from congxa.portal.seeding import child_page, image_titled, publish

from . import content

HOME_SLUG = "vinh-thuy"
DEMO_HOSTNAME = "127.0.0.1"
DEMO_PORT = 8000
HOME_INTRO = (
    "Cổng thông tin điện tử xã Vĩnh Thủy cung cấp thông tin chính thức về hoạt "
    "động của chính quyền xã, thủ tục hành chính, văn bản và lịch công tác."
)
# Apps that contribute demo content through `congxa.<app>.demo.seed()`.
CONTENT_APPS = (
    "documents",
    "procedures",
    "people",
    "engagement",
    "disclosures",
    "editorial",
)


def demo_spec() -> CommuneSpec:
    """Xã Vĩnh Thủy as the province would describe it to `congxa commune add`."""
    return CommuneSpec(
        host=DEMO_HOSTNAME,
        name=content.COMMUNE["commune_name"],
        kind=CommuneKind.COMMUNE,
        province=content.COMMUNE["province"],
        agency=content.COMMUNE["agency"],
        address=content.COMMUNE["address"],
        phone=content.COMMUNE["phone"],
        email=content.COMMUNE["email"],
        scheme=Scheme.HTTP,
        home_slug=HOME_SLUG,
    )


def demo_commune() -> Site:
    """The demo commune, made by the one commune service (site, home page,
    standard sections, settings, collection, editorial board and workflow,
    procedure selection), then served on the demo's port as the default site."""
    site = commune_create(demo_spec()).site
    changed = [
        name
        for name, value in (("port", DEMO_PORT), ("is_default_site", True))
        if getattr(site, name) != value
    ]
    if changed:
        Site.objects.exclude(pk=site.pk).filter(is_default_site=True).update(
            is_default_site=False
        )
        site.port = DEMO_PORT
        site.is_default_site = True
        site.save(update_fields=changed)
    return site


def demo_home_page(site: Site) -> HomePage:
    """The commune's home page, with the demo's welcome text."""
    home = site.root_page.specific
    values = {"title": "Trang chủ", "intro": HOME_INTRO, "seo_title": "Trang chủ"}
    if any(getattr(home, name) != value for name, value in values.items()):
        for name, value in values.items():
            setattr(home, name, value)
        publish(home)
    return home


def demo_settings(site: Site) -> CommuneSettings:
    commune = CommuneSettings.for_site(site)
    changed = False
    for field, value in content.COMMUNE.items():
        if getattr(commune, field) != value:
            setattr(commune, field, value)
            changed = True
    if changed:
        commune.save()
    if not WebsiteLink.objects.filter(settings=commune).exists():
        for order, (title, url) in enumerate(content.WEBSITE_LINKS):
            WebsiteLink.objects.create(
                settings=commune, title=title, url=url, sort_order=order
            )
    return commune


def demo_image(title: str, seed: int):
    return image_titled(title, lambda: generated_jpeg(seed=seed))


def demo_sections(home: HomePage) -> dict[str, NewsIndexPage]:
    return {
        slug: child_page(
            home, NewsIndexPage, slug, title=title, intro=intro, show_in_menus=True
        )
        for slug, title, intro in content.SECTIONS
    }


def demo_articles(sections: dict[str, NewsIndexPage]) -> int:
    created = 0
    articles = [content.sample_article(), *content.ARTICLES]
    for seed, data in enumerate(articles):
        section = sections[data["section"]]
        if ArticlePage.objects.child_of(section).filter(slug=data["slug"]).exists():
            continue
        body = [("paragraph", f"<p>{escape(text)}</p>") for text in data["paragraphs"]]
        image = demo_image(data["image"], seed) if data["image"] else None
        if image is not None and len(body) > 1:
            # A second picture inside the body, with its caption.
            inline = demo_image(f"{data['image']} (ảnh 2)", seed + 100)
            body.insert(1, ("image", {"image": inline, "caption": data["image"]}))
        article = ArticlePage(
            title=data["title"],
            slug=data["slug"],
            date=timezone.make_aware(data["date"]),
            lead=data["lead"],
            body=body,
            signature=data["signature"],
            featured_image=image,
            featured=data["featured"],
        )
        section.add_child(instance=article)
        publish(article)
        created += 1
    return created


def ensure_admin(username: str = "admin") -> str | None:
    """Create the demo's administrator; return its password once, when created."""
    User = get_user_model()
    if User.objects.filter(username=username).exists():
        return None
    password = secrets.token_urlsafe(12)
    User.objects.create_superuser(
        username=username,
        email="vanhanh@congxa.example",
        password=password,
        # The deployment's operator, not an official of the demo commune.
        first_name="Người vận hành hệ thống",
        last_name="",
    )
    return password


@transaction.atomic
def demo_seed() -> dict[str, int]:
    site = demo_commune()
    home = demo_home_page(site)
    demo_settings(site)
    sections = demo_sections(home)
    counts = {"articles": demo_articles(sections)}
    for label in CONTENT_APPS:
        if not apps.is_installed(f"congxa.{label}"):
            continue
        try:
            module = importlib.import_module(f"congxa.{label}.demo")
        except ModuleNotFoundError:
            continue
        module.seed(home_page=home, site=site)
    return counts
