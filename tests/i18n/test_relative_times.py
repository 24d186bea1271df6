"""Relative times in the admin read "3 phút trước", not "3 minutes trước"."""

from datetime import timedelta

import pytest
from django.contrib.humanize.templatetags.humanize import naturaltime
from django.utils import timezone, translation
from wagtail.admin.templatetags.wagtailadmin_tags import timesince_simple


@pytest.mark.parametrize(
    ("ago", "simple", "natural"),
    [
        (timedelta(seconds=8), "vừa xong", "8 giây trước"),
        (timedelta(minutes=3), "3 phút trước", "3 phút trước"),
        (timedelta(hours=5), "5 giờ trước", "5 giờ trước"),
        (timedelta(days=3), "3 ngày trước", "3 ngày trước"),
        (timedelta(days=15), "2 tuần trước", "2 tuần, 1 ngày trước"),
        (timedelta(days=400), "1 năm trước", "1 năm, 1 tháng trước"),
    ],
)
def test_relative_time_is_vietnamese(ago, simple, natural):
    moment = timezone.now() - ago
    with translation.override("vi"):
        assert timesince_simple(moment).replace("\xa0", " ") == simple
        assert naturaltime(moment).replace("\xa0", " ") == natural
