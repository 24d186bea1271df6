from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import GroupPagePermission, WorkflowPage

from congxa.editorial.enums import Role
from congxa.editorial.models import EditorialBoard
from congxa.editorial.services import commune_roles_setup


def test_setup_creates_four_vietnamese_groups_collection_and_workflow(site, capsys):
    call_command("setup_commune_roles", site="vinhthuy.localhost")
    out = capsys.readouterr().out
    board = EditorialBoard.objects.get(site=site)
    names = sorted(
        Group.objects.filter(board_role__board=board).values_list("name", flat=True)
    )
    assert names == [
        "Xã Vĩnh Thủy - Biên tập viên",
        "Xã Vĩnh Thủy - Phóng viên",
        "Xã Vĩnh Thủy - Quản trị xã",
        "Xã Vĩnh Thủy - Trưởng ban biên tập",
    ]
    assert board.collection.name == "Xã Vĩnh Thủy"
    assert WorkflowPage.objects.get(page=site.root_page).workflow == board.workflow
    tasks = [task.name for task in board.workflow.tasks]
    assert tasks == [
        "Xã Vĩnh Thủy - Biên tập viên duyệt",
        "Xã Vĩnh Thủy - Trưởng ban biên tập duyệt và xuất bản",
    ]
    assert "Xong: 1 xã." in out


def test_setup_twice_changes_nothing(site):
    first = commune_roles_setup(site=site)
    counts = (Group.objects.count(), GroupPagePermission.objects.count())
    second = commune_roles_setup(site=site)
    assert first.pk == second.pk
    assert (Group.objects.count(), GroupPagePermission.objects.count()) == counts


def test_only_the_approver_role_can_publish(site, board):
    publishers = set(
        GroupPagePermission.objects.filter(
            page=site.root_page, permission__codename="publish_page"
        ).values_list("group__board_role__role", flat=True)
    )
    assert publishers == {Role.APPROVER, Role.ADMIN}


def test_add_editor_command_creates_account_and_puts_it_in_role(site, board, capsys):
    call_command(
        "add_editor",
        "nguyenvana",
        site="vinhthuy.localhost",
        role="writer",
        create=True,
    )
    out = capsys.readouterr().out
    assert "Đã thêm “nguyenvana” vào nhóm “Xã Vĩnh Thủy - Phóng viên”" in out
    assert "mật khẩu tạm" in out
    group = board.roles.get(role=Role.WRITER).group
    assert group.user_set.filter(username="nguyenvana").exists()


def test_add_editor_refuses_a_commune_without_a_board(site, capsys):
    import pytest
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="chưa có ban biên tập"):
        call_command("add_editor", "x", site="vinhthuy.localhost", role="writer")


def test_role_grant_is_in_the_audit_log(site, board, writer):
    from wagtail.models import ModelLogEntry

    entry = ModelLogEntry.objects.get(
        action="congxa.role_granted", object_id=str(writer.pk)
    )
    assert entry.data["group"] == "Xã Vĩnh Thủy - Phóng viên"


def test_add_editor_never_creates_an_account_without_create(site, board):
    import pytest
    from django.contrib.auth import get_user_model
    from django.core.management.base import CommandError

    users = get_user_model().objects.count()
    with pytest.raises(CommandError) as error:
        call_command(
            "add_editor", "nguyenvna", site="vinhthuy.localhost", role="writer"
        )
    assert "Không có tài khoản “nguyenvna”" in str(error.value)
    assert "--create" in str(error.value)
    assert get_user_model().objects.count() == users


def test_add_editor_splits_a_vietnamese_name(site, board):
    from django.contrib.auth import get_user_model

    call_command(
        "add_editor",
        "tranthiphong",
        site="vinhthuy.localhost",
        role="writer",
        create=True,
        name="Trần Thị Phóng",
    )
    user = get_user_model().objects.get(username="tranthiphong")
    assert (user.first_name, user.last_name) == ("Phóng", "Trần Thị")
    assert user.get_full_name() == "Trần Thị Phóng"


def test_editors_keep_their_communes_synonyms_and_read_its_search_counts(site, client):
    from django.contrib.auth import get_user_model

    from congxa.editorial.services import editor_add

    commune_roles_setup(site=site)
    writer = get_user_model().objects.create_user("viet", password="x" * 12)
    editor = get_user_model().objects.create_user("bien", password="x" * 12)
    editor_add(site=site, user=writer, role=Role.WRITER)
    editor_add(site=site, user=editor, role=Role.EDITOR)
    assert editor.has_perm("congxa_search.add_synonym")
    assert editor.has_perm("congxa_search.view_querycount")
    assert not writer.has_perm("congxa_search.add_synonym")
    client.force_login(editor)
    assert client.get("/admin/search-queries/").status_code == 200
