"""Build the demo commune. Idempotent: running it twice changes nothing."""

from __future__ import annotations

import importlib
import secrets

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from congxa.news.models import ArticlePage, NewsIndexPage
from congxa.portal.factories import ensure_tree_roots, generated_jpeg
from congxa.portal.models import CommuneSettings, HomePage, WebsiteLink

from . import content

HOME_SLUG = "vinh-thuy"
DEMO_HOSTNAME = "127.0.0.1"
DEMO_PORT = 8000
# Apps that contribute demo content through `congxa.<app>.demo.seed()`.
CONTENT_APPS = (
    "documents",
    "procedures",
    "people",
    "engagement",
    "disclosures",
    "editorial",
)


def _publish(page: Page) -> None:
    page.save_revision().publish()


def demo_home_page() -> HomePage:
    """The demo commune's home page, replacing Wagtail's welcome page."""
    home = HomePage.objects.filter(slug=HOME_SLUG).first()
    if home is not None:
        return home
    root = ensure_tree_roots()
    home = HomePage(
        title="Trang chủ",
        slug=HOME_SLUG,
        intro="Cổng thông tin điện tử xã Vĩnh Thủy cung cấp thông tin chính thức "
        "về hoạt động của chính quyền xã, thủ tục hành chính, văn bản và lịch "
        "công tác.",
        seo_title="Trang chủ",
    )
    root.add_child(instance=home)
    _publish(home)
    # Wagtail's initial migration made a welcome page; the demo does not need it.
    for welcome in (
        root.get_children()
        .exclude(pk=home.pk)
        .filter(content_type__app_label="wagtailcore")
    ):
        welcome.delete()
    return home


def demo_site(home: HomePage) -> Site:
    site = Site.objects.filter(root_page=home).first()
    if site is None:
        site = Site.objects.filter(is_default_site=True).first() or Site()
    site.hostname = DEMO_HOSTNAME
    site.port = DEMO_PORT
    site.root_page = home
    site.site_name = content.COMMUNE["commune_name"]
    site.is_default_site = True
    site.save()
    return site


def demo_settings(site: Site) -> CommuneSettings:
    commune = CommuneSettings.for_site(site)
    for field, value in content.COMMUNE.items():
        setattr(commune, field, value)
    if not commune.logo_id:
        commune.logo = None
    commune.save()
    if not WebsiteLink.objects.filter(settings=commune).exists():
        for order, (title, url) in enumerate(content.WEBSITE_LINKS):
            WebsiteLink.objects.create(
                settings=commune, title=title, url=url, sort_order=order
            )
    return commune


def demo_image(title: str, seed: int):
    Image = get_image_model()
    image = Image.objects.filter(title=title).first()
    if image is None:
        image = Image(title=title, description=title)
        image.file = generated_jpeg(seed=seed)
        image.save()
    return image


def demo_sections(home: HomePage) -> dict[str, NewsIndexPage]:
    sections = {}
    for slug, title, intro in content.SECTIONS:
        section = NewsIndexPage.objects.child_of(home).filter(slug=slug).first()
        if section is None:
            section = NewsIndexPage(
                title=title, slug=slug, intro=intro, show_in_menus=True
            )
            home.add_child(instance=section)
            _publish(section)
        sections[slug] = section
    return sections


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
        _publish(article)
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
    home = demo_home_page()
    site = demo_site(home)
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
