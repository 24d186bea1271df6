"""Factories for the people app, shared by the tests and the demo content."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from congxa.portal.alerts import AlertLevel, EmergencyAlert

from .enums import ScheduleKind
from .models import (
    CitizenReceptionPage,
    ContactPage,
    EnglishIntroductionPage,
    IntroductionIndexPage,
    IntroductionPage,
    Official,
    OrganisationPage,
    OrganisationUnit,
    ScheduleEntry,
    WorkSchedulePage,
)


class IntroductionIndexPageFactory(wagtail_factories.PageFactory):
    title = "Giới thiệu"
    slug = "gioi-thieu"
    show_in_menus = True

    class Meta:
        model = IntroductionIndexPage


class IntroductionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Giới thiệu chung {n}")
    slug = factory.Sequence(lambda n: f"gioi-thieu-chung-{n}")
    lead = "Khái quát về vị trí địa lý, lịch sử và con người của xã."

    class Meta:
        model = IntroductionPage


class OrganisationPageFactory(wagtail_factories.PageFactory):
    title = "Cơ cấu tổ chức"
    slug = "co-cau-to-chuc"

    class Meta:
        model = OrganisationPage


class ContactPageFactory(wagtail_factories.PageFactory):
    title = "Liên hệ"
    slug = "lien-he"

    class Meta:
        model = ContactPage


class EnglishIntroductionPageFactory(wagtail_factories.PageFactory):
    title = "About the commune (English)"
    slug = "english"

    class Meta:
        model = EnglishIntroductionPage


class WorkSchedulePageFactory(wagtail_factories.PageFactory):
    title = "Lịch công tác"
    slug = "lich-cong-tac"
    show_in_menus = True

    class Meta:
        model = WorkSchedulePage


class CitizenReceptionPageFactory(wagtail_factories.PageFactory):
    title = "Lịch tiếp công dân"
    slug = "lich-tiep-cong-dan"

    class Meta:
        model = CitizenReceptionPage


class OrganisationUnitFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Phòng số {n}")
    functions = "Tham mưu, giúp Ủy ban nhân dân xã."
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = OrganisationUnit


class OfficialFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Nguyễn Văn {chr(65 + n % 26)}{n}")
    position = "Chuyên viên"
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = Official


class ScheduleEntryFactory(factory.django.DjangoModelFactory):
    kind = ScheduleKind.WORK
    date = factory.LazyFunction(timezone.localdate)
    start_time = datetime.time(7, 30)
    content = factory.Sequence(lambda n: f"Họp giao ban số {n}")
    chair = "Đ/c Chủ tịch UBND xã"
    location = "Hội trường UBND xã"

    class Meta:
        model = ScheduleEntry


class EmergencyAlertFactory(factory.django.DjangoModelFactory):
    title = "Cảnh báo mưa lũ"
    message = "Nước sông Bến Hải đang lên, bà con không qua lại ngầm tràn."
    level = AlertLevel.WARNING
    starts_at = factory.LazyFunction(
        lambda: timezone.now() - datetime.timedelta(hours=1)
    )
    ends_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(hours=6))

    class Meta:
        model = EmergencyAlert
