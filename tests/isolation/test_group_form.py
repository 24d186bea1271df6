"""Wagtail's group list and form never open to a commune's people.

They name every commune (a checkbox per site for each per-site setting, every
collection) and grow with them: 133 KB at 1 commune, 144 KB at 10 for a
commune administrator given the group permissions. Refused, they cost the
same at 1 and 10 communes; superusers keep them.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from congxa.editorial.enums import Role
from tests.editorial.conftest import make_member
from tests.editorial.test_admin_scaling import add_communes, screen_queries


def measure(client, url):
    client.get(url)  # Wagtail re-reads its site root paths once
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response, len(screen_queries(captured))


@pytest.mark.parametrize("granted", [False, True])
def test_commune_administrator_never_gets_the_group_form(db, client, granted):
    own = add_communes(0, 1)[0]
    admin = make_member(own, Role.ADMIN, "quantri")
    group = own.editorial_board.roles.get(role=Role.ADMIN).group
    if granted:
        # Even someone given Wagtail's group permissions by hand.
        admin.user_permissions.add(
            *Permission.objects.filter(
                content_type__app_label="auth",
                codename__in=["add_group", "change_group", "view_group"],
            )
        )
    client.force_login(admin)
    urls = [
        reverse("wagtailusers_groups:index"),
        reverse("wagtailusers_groups:edit", args=[group.pk]),
        reverse("wagtailusers_groups:add"),
    ]
    one = [measure(client, url) for url in urls]
    add_communes(1, 9)
    ten = [measure(client, url) for url in urls]
    for (response, count), (response_ten, count_ten) in zip(one, ten, strict=True):
        assert response.status_code in (302, 403)
        assert response_ten.status_code == response.status_code
        assert count_ten == count
        assert len(response_ten.content) == len(response.content)
        assert "Xã Số 5" not in response_ten.content.decode()
    posted = client.post(urls[1], {"name": "Đổi tên"})
    assert posted.status_code in (302, 403)
    group.refresh_from_db()
    assert group.name != "Đổi tên"


def test_superuser_keeps_the_group_form(db, client):
    own = add_communes(0, 1)[0]
    group = own.editorial_board.roles.get(role=Role.ADMIN).group
    client.force_login(
        get_user_model().objects.create_superuser("su", password="mat-khau-dai-12345")
    )
    response = client.get(reverse("wagtailusers_groups:edit", args=[group.pk]))
    assert response.status_code == 200
    assert group.name in response.content.decode()
