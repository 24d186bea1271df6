"""Admin users of one commune, and the people pages of commune A."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from congxa.people.factories import (
    CitizenReceptionPageFactory,
    IntroductionIndexPageFactory,
    WorkSchedulePageFactory,
)

PEOPLE_MODELS = ("official", "organisationunit", "scheduleentry")


def commune_editor(site, username="bientap.a", models=PEOPLE_MODELS, app="people"):
    """A user whose group may edit pages of `site` and the given snippet models."""
    group = Group.objects.create(name=f"Biên tập {site.hostname} {username}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for model in models:
        for action in ("add", "change", "delete", "view"):
            group.permissions.add(
                Permission.objects.get(
                    content_type__app_label=app, codename=f"{action}_{model}"
                )
            )
    for action in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=site.root_page,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=action
            ),
        )
    user = get_user_model().objects.create_user(username, f"{username}@example.com")
    user.groups.add(group)
    return user


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("quantri", "qt@example.com", "x")
    client.force_login(user)
    return client


@pytest.fixture
def editor_client(client, site):
    client.force_login(commune_editor(site))
    return client


@pytest.fixture
def intro_index(home):
    return IntroductionIndexPageFactory(parent=home)


@pytest.fixture
def schedule_page(home):
    return WorkSchedulePageFactory(parent=home)


@pytest.fixture
def reception_page(schedule_page):
    return CitizenReceptionPageFactory(parent=schedule_page)


@pytest.fixture
def site_client(client, site):
    """An anonymous visitor of commune A."""
    client.defaults["HTTP_HOST"] = site.hostname
    return client
