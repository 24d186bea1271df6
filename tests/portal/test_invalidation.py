"""Every trigger of `congxa/portal/invalidation.py`: what it bumps, and only once."""

from collections import Counter
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from wagtail.models import PageViewRestriction

from congxa.documents.factories import (
    DocumentTypeFactory,
    LegalDocumentAttachmentFactory,
    LegalDocumentPageFactory,
    PdfDocumentFactory,
)
from congxa.engagement import services as engagement_services
from congxa.engagement.enums import AnswerStatus, QuestionState
from congxa.engagement.models import Question, Topic
from congxa.engagement.tracking import new_tracking_code
from congxa.news.factories import ArticlePageFactory, NewsIndexPageFactory
from congxa.people.factories import (
    EmergencyAlertFactory,
    OfficialFactory,
    OrganisationUnitFactory,
    ScheduleEntryFactory,
)
from congxa.portal import invalidation
from congxa.portal.factories import ImageFactory
from congxa.portal.models import CommuneSettings, WebsiteLink
from congxa.procedures.models import (
    AdministrativeProcedure,
    ProcedureSelection,
    SelectedProcedure,
)

pytestmark = pytest.mark.django_db

SAMPLES = Path(__file__).resolve().parents[1] / "procedures" / "samples"
ALL = invalidation.GLOBAL_GENERATION_KEY


def key(site):
    return invalidation.generation_key(site.pk)


@pytest.fixture
def bumps(django_capture_on_commit_callbacks):
    """Run `action` as one committed change; return the generations written."""

    def run(action):
        written = Counter()

        def record(sender, key, **kwargs):
            written[key] += 1

        invalidation.generation_bumped.connect(record)
        try:
            with django_capture_on_commit_callbacks(execute=True):
                action()
        finally:
            invalidation.generation_bumped.disconnect(record)
        return written

    return run


@pytest.fixture
def section(home):
    return NewsIndexPageFactory(parent=home, title="Tin tức", slug="tin-tuc")


@pytest.fixture
def article(section):
    return ArticlePageFactory(parent=section, title="Bão số 12", slug="bao")


def test_publish_bumps_its_site_once(bumps, site, article):
    article.title = "Bão số 12 đã vào bờ"
    assert bumps(lambda: article.save_revision().publish()) == {key(site): 1}


def test_draft_bumps_nothing(bumps, article):
    article.title = "Bản nháp"
    assert bumps(article.save_revision) == {}


def test_unpublish_bumps_its_site(bumps, site, article):
    assert bumps(article.unpublish) == {key(site): 1}


def test_deleting_a_section_bumps_its_site_once(bumps, site, section, article):
    ArticlePageFactory.create_batch(3, parent=section)
    assert bumps(section.delete) == {key(site): 1}


def test_one_commune_publishing_leaves_the_other(bumps, site, other_site, article):
    theirs = NewsIndexPageFactory(parent=other_site.root_page, slug="tb")
    assert bumps(lambda: theirs.save_revision().publish()) == {key(other_site): 1}


def test_move_between_communes_bumps_both(bumps, site, other_site, article):
    target = NewsIndexPageFactory(parent=other_site.root_page, slug="tb")
    assert bumps(lambda: article.move(target, pos="last-child")) == {
        key(site): 1,
        key(other_site): 1,
    }


def test_move_of_a_restricted_page_bumps_every_site(bumps, home, section, article):
    PageViewRestriction.objects.create(
        page=section, restriction_type=PageViewRestriction.LOGIN
    )
    target = NewsIndexPageFactory(parent=home, slug="khac")
    assert bumps(lambda: section.move(target, pos="last-child")) == {ALL: 1}


def test_view_restriction_bumps_every_site(bumps, section):
    def restrict():
        PageViewRestriction.objects.create(
            page=section, restriction_type=PageViewRestriction.LOGIN
        )

    assert bumps(restrict) == {ALL: 1}


def test_site_change_bumps_every_site(bumps, site):
    site.site_name = "Xã Vĩnh Thủy mới"
    assert bumps(site.save) == {ALL: 1}


def test_commune_settings_and_their_links_bump_once(bumps, site):
    settings = CommuneSettings.objects.get(site=site)

    def edit():
        with transaction.atomic():
            settings.phone = "0233 3999 888"
            settings.save()
            WebsiteLink.objects.create(
                settings=settings, title="Cổng dịch vụ công", url="https://dvc.vn"
            )
            WebsiteLink.objects.create(
                settings=settings, title="Tỉnh", url="https://quangtri.gov.vn"
            )

    settings_key = invalidation.SETTINGS_GENERATION_KEY.format(site_id=site.pk)
    assert bumps(edit) == {key(site): 1, settings_key: 1}


@pytest.mark.parametrize(
    "make",
    [
        lambda site: EmergencyAlertFactory(site=site),
        lambda site: OrganisationUnitFactory(site=site),
        lambda site: OfficialFactory(site=site),
        lambda site: ScheduleEntryFactory(site=site),
        lambda site: Topic.objects.create(name="Đất đai", slug="dat-dai", site=site),
    ],
    ids=["alert", "unit", "official", "schedule", "topic"],
)
def test_commune_records_bump_their_site(bumps, site, other_site, make):
    assert bumps(lambda: make(site)) == {key(site): 1}
    record = make(other_site)
    assert bumps(record.delete) == {key(other_site): 1}


def _question(site, **fields):
    now = timezone.now()
    values = {
        "title": "Làm giấy khai sinh",
        "text": "Cần giấy tờ gì?",
        "name": "Nguyễn Văn An",
        "public_initials": "N.V.A.",
        "consent_given": True,
        "consent_at": now,
        "tracking_code": new_tracking_code(),
        "state": QuestionState.ANSWERED,
        "answer_text": "Mang giấy chứng sinh đến bộ phận một cửa.",
        "answer_status": AnswerStatus.APPROVED,
        "answered_at": now,
        "approved_at": now,
    }
    values.update(fields)
    return Question.objects.create(site=site, **values)


def test_private_question_bumps_nothing(bumps, site):
    assert bumps(lambda: _question(site)) == {}


def test_question_published_then_unpublished_bumps_once_each(bumps, site, admin_user):
    question = _question(site)
    publish = bumps(
        lambda: engagement_services.question_publish(question=question, user=admin_user)
    )
    assert publish == {key(site): 1}
    question = Question.objects.get(pk=question.pk)
    unpublish = bumps(
        lambda: engagement_services.question_unpublish(
            question=question, user=admin_user
        )
    )
    assert unpublish == {key(site): 1}
    # Private again: further edits show nowhere.
    question.title = "Sửa lại"
    assert bumps(question.save) == {}


def test_public_question_deleted_bumps_its_site(bumps, site):
    question = _question(site, is_published=True, published_at=timezone.now())
    assert bumps(question.delete) == {key(site): 1}


def test_catalog_change_bumps_every_site(bumps, site):
    procedure = AdministrativeProcedure(code="1.000001", name="Đăng ký khai sinh")
    assert bumps(procedure.save) == {ALL: 1}


def test_procedure_import_bumps_once_at_the_end(bumps, site):
    files = [SAMPLES / "procedures.json", SAMPLES / "procedures.csv"]
    written = bumps(lambda: call_command("import_procedures", *map(str, files)))
    assert AdministrativeProcedure.objects.count() > 2
    assert written == {ALL: 1}


def test_procedure_chosen_by_a_commune_bumps_that_commune(bumps, site, other_site):
    procedure = AdministrativeProcedure.objects.create(code="1.000002", name="Kết hôn")
    selection = ProcedureSelection.for_site(other_site)
    assert bumps(
        lambda: SelectedProcedure.objects.create(
            selection=selection, procedure=procedure
        )
    ) == {key(other_site): 1}


def test_document_type_bumps_every_site(bumps, site):
    made = bumps(lambda: DocumentTypeFactory(name="Hướng dẫn mới", slug="hd-moi"))
    assert made == {ALL: 1}


@pytest.fixture
def attached(site, home):
    """A Wagtail document attached to a legal document of commune A."""
    page = LegalDocumentPageFactory(parent=home)
    attachment = LegalDocumentAttachmentFactory(page=page)
    page.save_revision().publish()  # the reference index is kept by the page
    return attachment.document


def test_document_change_bumps_only_the_communes_using_it(
    bumps, site, other_site, attached
):
    attached.title = "Tệp đã đổi tên"
    assert bumps(attached.save) == {key(site): 1}
    unused = PdfDocumentFactory()
    unused.title = "Không trang nào dùng"
    assert bumps(unused.save) == {}


def test_image_deleted_bumps_the_communes_using_it(bumps, site, article):
    image = ImageFactory()
    article.featured_image = image
    article.save_revision().publish()
    assert bumps(image.delete) == {key(site): 1}


def test_file_size_filled_in_while_rendering_bumps_nothing(bumps, attached):
    attached.file_size = None
    attached.save(update_fields=["file_size"])
    assert bumps(attached.get_file_size) == {}


def test_image_change_bumps_only_the_communes_using_it(bumps, site, other_site, home):
    image = ImageFactory()
    theirs = NewsIndexPageFactory(parent=other_site.root_page, slug="tb")
    ArticlePageFactory(parent=theirs, featured_image=image)
    image.title = "Ảnh bão số 12"
    assert bumps(image.save) == {key(other_site): 1}


def test_image_of_a_commune_record_bumps_that_commune(bumps, site):
    image = ImageFactory()
    OfficialFactory(site=site, photo=image)
    image.title = "Ảnh chân dung"
    assert bumps(image.save) == {key(site): 1}


def test_deferred_writes_each_generation_once_at_the_end(bumps, site, other_site):
    written_inside = []

    def bulk():
        with invalidation.deferred():
            for number in range(5):
                AdministrativeProcedure.objects.create(
                    code=f"2.00000{number}", name=f"Thủ tục {number}"
                )
                EmergencyAlertFactory(site=site)
                with invalidation.deferred():  # nested: still one at the end
                    EmergencyAlertFactory(site=other_site)
            written_inside.append(invalidation._state.deferred.copy())

    written = bumps(bulk)
    assert written == {ALL: 1, key(site): 1, key(other_site): 1}
    assert written_inside == [{ALL, key(site), key(other_site)}]


def test_rolled_back_change_bumps_nothing(bumps, site):
    def failing():
        try:
            with transaction.atomic():
                EmergencyAlertFactory(site=site)
                raise RuntimeError
        except RuntimeError:
            pass

    assert bumps(failing) == {}
    # A later change in the same test still bumps.
    assert bumps(lambda: EmergencyAlertFactory(site=site)) == {key(site): 1}
