"""People's names in Vietnamese order wherever Django and Wagtail show them.

Written for Django 5.2. `AbstractUser.get_full_name` puts `first_name` (the
given name) before `last_name`: "Phóng Trần Thị" for Trần Thị Phóng. The Wagtail
admin shows people through it (the users list, the board, workflow history, the
audit log), and congxa has no custom user model to override it in, so the
method is replaced by one that puts the family name first (`congxa.vi.names`).
"""

from __future__ import annotations

from congxa.vi.names import full_name

from . import require_source, require_version

NAME = "user_full_name"
DJANGO = "5.2"
GET_FULL_NAME_DIGEST = "6a1c5839ad7c3346"


def vietnamese_full_name(user) -> str:
    return full_name(user.first_name or "", user.last_name or "")


def check() -> None:
    from django.contrib.auth.models import AbstractUser

    require_version("Django", DJANGO, NAME)
    original = getattr(
        AbstractUser.get_full_name, "congxa_original", AbstractUser.get_full_name
    )
    require_source(original, GET_FULL_NAME_DIGEST, NAME)


def apply() -> None:
    from django.contrib.auth.models import AbstractUser

    if not hasattr(AbstractUser.get_full_name, "congxa_original"):
        vietnamese_full_name.congxa_original = AbstractUser.get_full_name
        AbstractUser.get_full_name = vietnamese_full_name
