"""Helpers of the admin's browser tests: a commune with its board, logging in."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from wagtail.models import Collection, Locale, Page, Site

from congxa.editorial.enums import Role
from congxa.editorial.services import commune_roles_setup, editor_add
from congxa.portal.factories import (
    ROOT_COLLECTION_NAME,
    ROOT_PAGE_TITLE,
    create_commune_site,
)

PASSWORD = "mat-khau-rat-dai-2026"
MEMBERS = (
    ("phongvien", Role.WRITER, "Nguyễn Văn Phong"),
    ("bientap", Role.EDITOR, "Lê Thị Biên"),
    ("truongban", Role.APPROVER, "Trần Văn Trưởng"),
    ("quantri", Role.ADMIN, "Phạm Thị Quản"),
)


def reset_tree_roots() -> None:
    """A transactional test starts from an emptied database: Wagtail's tree root
    and root collection (made by its data migrations) are put back, and the
    default site of those migrations (localhost:80) gives way to the commune."""
    Site.objects.all().delete()
    Locale.objects.get_or_create(language_code="vi")
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title=ROOT_PAGE_TITLE, slug="root"))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name=ROOT_COLLECTION_NAME)


def commune_with_board(name: str = "Xã Vĩnh Thủy"):
    """A commune on `localhost`, its roles, and one person in each role."""
    reset_tree_roots()
    site = create_commune_site(name=name, hostname="localhost", default=True)
    site.root_page.save_revision().publish()
    commune_roles_setup(site=site)
    User = get_user_model()
    for username, role, full_name in MEMBERS:
        family, given = full_name.rsplit(" ", 1)
        user = User.objects.create_user(
            username,
            f"{username}@vinhthuy.gov.vn",
            PASSWORD,
            last_name=family,
            first_name=given,
        )
        editor_add(user=user, site=site, role=role)
    return site


def log_in(page, base_url: str, username: str, password: str = PASSWORD) -> None:
    page.goto(base_url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_load_state()
