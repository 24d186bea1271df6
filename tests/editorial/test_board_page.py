from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import ModelLogEntry

from congxa.editorial.enums import Role


def test_commune_admin_adds_a_new_writer_from_the_board_page(
    client, commune_admin, site, board
):
    client.force_login(commune_admin)
    url = reverse("editorial_board", args=[site.pk])
    page = client.get(url).content.decode()
    assert "Xã Vĩnh Thủy - Phóng viên" in page
    assert "Thêm thành viên ban biên tập" in page
    response = client.post(
        url,
        {
            "username": "tranthib",
            "role": Role.WRITER,
            "email": "b@vt.gov.vn",
            "full_name": "Trần Thị Bích",
            "create": "on",
        },
        follow=True,
    )
    html = response.content.decode()
    assert "Đã tạo tài khoản tranthib" in html
    user = get_user_model().objects.get(username="tranthib")
    assert (user.last_name, user.first_name) == ("Trần Thị", "Bích")
    assert user.get_full_name() == "Trần Thị Bích"
    assert board.roles.get(role=Role.WRITER).group.user_set.filter(pk=user.pk).exists()
    entry = ModelLogEntry.objects.get(
        action="congxa.role_granted", object_id=str(user.pk)
    )
    assert entry.user == commune_admin


def test_commune_admin_unlocks_a_member_and_it_is_audited(
    client, commune_admin, writer, site
):
    client.force_login(commune_admin)
    url = reverse("editorial_member_unlock", args=[site.pk, writer.pk])
    response = client.post(url, follow=True)
    assert "Đã mở khóa đăng nhập." in response.content.decode()
    entry = ModelLogEntry.objects.get(
        action="congxa.unlocked", object_id=str(writer.pk)
    )
    assert entry.user == commune_admin


def test_commune_admin_cannot_touch_people_of_another_commune(
    client, commune_admin, site, other_site, other_board
):
    from congxa.editorial.services import editor_add

    stranger = get_user_model().objects.create_user("nguoi-xa-khac", password="x" * 14)
    editor_add(user=stranger, site=other_site, role=Role.WRITER)
    client.force_login(commune_admin)
    response = client.post(
        reverse("editorial_member_remove", args=[site.pk, stranger.pk, Role.WRITER])
    )
    assert response.status_code == 404
    response = client.post(
        reverse(
            "editorial_member_remove", args=[other_site.pk, stranger.pk, Role.WRITER]
        )
    )
    assert response.status_code == 404
    assert stranger.groups.exists()


def test_writer_does_not_get_the_board_page(client, writer, site):
    client.force_login(writer)
    response = client.get(reverse("editorial_board", args=[site.pk]))
    assert response.status_code == 404


def test_a_mistyped_user_name_creates_no_account(client, commune_admin, site, board):
    client.force_login(commune_admin)
    users = get_user_model().objects.count()
    response = client.post(
        reverse("editorial_board", args=[site.pk]),
        {"username": "phongvein", "role": Role.WRITER},
    )
    assert response.status_code == 200
    assert "Không có tài khoản “phongvein”" in response.content.decode()
    assert get_user_model().objects.count() == users


def test_board_form_refuses_a_person_of_another_commune(
    client, commune_admin, site, board, other_site, other_board
):
    from tests.editorial.conftest import make_member

    stranger = make_member(other_site, Role.WRITER, "phongviengiolinh")
    client.force_login(commune_admin)
    response = client.post(
        reverse("editorial_board", args=[site.pk]),
        {"username": stranger.username, "role": Role.WRITER},
    )
    html = response.content.decode()
    assert "Bạn không thể thêm tài khoản “phongviengiolinh”" in html
    assert "Gio Linh" not in html
    assert (
        not board.roles.get(role=Role.WRITER)
        .group.user_set.filter(pk=stranger.pk)
        .exists()
    )
