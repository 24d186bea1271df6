"""What Wagtail's first migrations name in English is renamed in Vietnamese."""

import pytest
from wagtail.models import Collection, Page, Task, Workflow

from congxa.portal.factories import ROOT_COLLECTION_NAME, ROOT_PAGE_TITLE

pytestmark = pytest.mark.django_db


def test_tree_root_and_root_collection_have_vietnamese_names():
    assert Page.get_first_root_node().title == ROOT_PAGE_TITLE
    assert Collection.get_first_root_node().name == ROOT_COLLECTION_NAME


def test_default_workflow_is_not_called_moderators_approval():
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert not Task.objects.filter(name="Moderators approval").exists()
    assert Workflow.objects.filter(name__startswith="Quy trình duyệt mặc định").exists()
