"""The demo commune's editorial board (called by `congxa demo` when listed in
congxa.demo.services.CONTENT_APPS)."""

from .services import commune_roles_setup


def seed(*, home_page, site) -> None:
    commune_roles_setup(site=site)
