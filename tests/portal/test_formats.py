from datetime import date, datetime

from django import forms
from django.utils import translation


class WhenForm(forms.Form):
    day = forms.DateField()
    moment = forms.DateTimeField()


def test_dates_typed_day_first_are_read_day_first():
    with translation.override("vi"):
        form = WhenForm({"day": "01/02/2026", "moment": "11/02/2026 21:40"})
        assert form.is_valid(), form.errors
    assert form.cleaned_data["day"] == date(2026, 2, 1)
    assert form.cleaned_data["moment"].replace(tzinfo=None) == datetime(
        2026, 2, 11, 21, 40
    )


def test_a_day_past_twelve_is_accepted():
    with translation.override("vi"):
        assert WhenForm({"day": "15/01/2026", "moment": "2026-01-15 08:00"}).is_valid()
