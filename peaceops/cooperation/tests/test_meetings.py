"""Meetings: valid dates and subjects, and read by clearance for the organising mission."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from peaceops.accounts.access import visible
from peaceops.cooperation.models import Meeting
from peaceops.core.classification import Classification

pytestmark = pytest.mark.django_db


def meeting(world, **values):
    fields = {"title": "Security focal points", "level": Meeting.Level.OPERATIONAL, "starts_on": dt.date(2009, 6, 7),
              "ends_on": dt.date(2009, 6, 8), "place": "Entebbe", "organiser": world.unamid,
              "source": "seed 000 §III.B", **values}
    record = Meeting(**fields)
    record.full_clean()
    record.save()
    return record


def test_a_meeting_cannot_end_before_it_starts(world):
    with pytest.raises(ValidationError) as error:
        meeting(world, ends_on=dt.date(2009, 6, 6))
    assert "ends_on" in error.value.message_dict
    assert not Meeting.objects.exists()


def test_subjects_must_be_a_list_of_texts(world):
    with pytest.raises(ValidationError) as error:
        meeting(world, subjects="security")
    assert "subjects" in error.value.message_dict
    meeting(world, subjects=["Joint mapping of armed groups", "Security phases at the border"])


def test_attending_missions_are_kept_with_history(world):
    record = meeting(world)
    record.attending_missions.set([world.minurcat, world.unamid])
    assert set(record.attending_missions.values_list("acronym", flat=True)) == {"MINURCAT", "UNAMID"}
    assert record.history.count() >= 1


def test_visibility_follows_the_organiser_and_classification(world):
    confidential = meeting(world, classification=Classification.CONFIDENTIAL)
    shared = meeting(world, title="Open meeting", organiser=None)
    assert set(visible(Meeting.objects.all(), world.users["minurcat"])) == {shared}  # no UNAMID grant
    assert set(visible(Meeting.objects.all(), world.users["unamid"])) == {confidential, shared}
    assert set(visible(Meeting.objects.all(), world.users["regional"])) == {shared}  # region, unclassified only
    assert set(visible(Meeting.objects.all(), world.users["nobody"])) == {shared}  # shared reference data
