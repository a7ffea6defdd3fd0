"""Date fields under French: the browser's date input gets and sends ISO dates."""

import datetime as dt
import re

from django import forms
from django.utils import translation

from peaceops.core.widgets import IsoDateInput


class PeriodForm(forms.Form):
    start = forms.DateField(widget=IsoDateInput())


def test_a_date_field_shows_and_takes_iso_under_french():
    with translation.override("fr"):
        shown = str(PeriodForm(initial={"start": dt.date(2026, 7, 1)})["start"])
        assert 'type="date"' in shown and 'value="2026-07-01"' in shown, shown
        assert not re.search(r"\d\d/\d\d/\d{4}", shown)
        posted = PeriodForm({"start": "2026-07-01"})
        assert posted.is_valid() and posted.cleaned_data["start"] == dt.date(2026, 7, 1)
        again = str(PeriodForm({"start": "2026-07-01"})["start"])
        assert 'value="2026-07-01"' in again
    with translation.override("en"):
        assert 'value="2026-07-01"' in str(PeriodForm(initial={"start": dt.date(2026, 7, 1)})["start"])
