"""The admin's site history lists a commune's own records only (patch
`model_log_scope`): another commune's people and schedule stay out of it."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.log_actions import log

from congxa.people.factories import OfficialFactory, ScheduleEntryFactory
from congxa.search.models import Synonym

pytestmark = pytest.mark.django_db

HISTORY = "wagtailadmin_reports:site_history"


@pytest.fixture
def records(site, other_site, board, other_board):
    made = {
        "own official": OfficialFactory(site=site, name="Lê Văn Thuần"),
        "other official": OfficialFactory(site=other_site, name="Hoàng Thị Gấm"),
        "own synonym": Synonym.objects.create(
            site=site, phrases="so hong", meanings="giấy chứng nhận Vĩnh Thủy"
        ),
        "other synonym": Synonym.objects.create(
            site=other_site, phrases="so do", meanings="giấy chứng nhận Gio Linh"
        ),
        "other entry": ScheduleEntryFactory(
            site=other_site, content="Họp giao ban xã Gio Linh"
        ),
    }
    for instance in made.values():
        log(instance, "wagtail.create")
    return made


def test_an_editor_sees_the_history_of_their_own_commune_only(client, editor, records):
    # Wagtail shows a model's history to whoever may change that model.
    assert editor.has_perm("congxa_search.change_synonym")
    client.force_login(editor)
    html = client.get(reverse(HISTORY)).content.decode()
    assert "giấy chứng nhận Vĩnh Thủy" in html
    assert "Gio Linh" not in html
    editor.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="people",
            codename__in=["change_official", "change_scheduleentry"],
        )
    )
    editor = get_user_model().objects.get(pk=editor.pk)  # permissions re-read
    html = client.get(reverse(HISTORY)).content.decode()
    assert "Lê Văn Thuần" in html
    assert "Hoàng Thị Gấm" not in html
    assert "Gio Linh" not in html


def test_a_deleted_record_of_another_commune_stays_out(client, editor, records):
    other = records["other synonym"]
    log(other, "wagtail.delete")
    other.delete()
    client.force_login(editor)
    html = client.get(reverse(HISTORY)).content.decode()
    assert "giấy chứng nhận Vĩnh Thủy" in html
    assert "Gio Linh" not in html


def test_the_superuser_sees_every_commune(client, records):
    client.force_login(
        get_user_model().objects.create_superuser("su", password="mat-khau-dai-12345")
    )
    html = client.get(reverse(HISTORY)).content.decode()
    for name in ("Lê Văn Thuần", "Hoàng Thị Gấm", "giấy chứng nhận Gio Linh"):
        assert name in html
