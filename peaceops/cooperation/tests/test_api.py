"""/api/v1/meetings/: a user without a grant for the organiser cannot find a confidential meeting."""

import datetime as dt

import pytest

from peaceops.cooperation.models import Meeting
from peaceops.core.classification import Classification

pytestmark = pytest.mark.django_db

URL = "/api/v1/meetings/"


@pytest.fixture
def confidential(world):
    record = Meeting.objects.create(
        title="Joint threat assessment", level=Meeting.Level.OPERATIONAL, starts_on=dt.date(2009, 12, 10),
        ends_on=dt.date(2009, 12, 11), place="Entebbe", organiser=world.unamid,
        classification=Classification.CONFIDENTIAL, source="seed 000 §IV.C.3",
    )
    record.attending_missions.set([world.minurcat, world.unamid])
    return record


def titles(response):
    return [row["title"] for row in response.json()["results"]]


def test_user_without_a_grant_for_the_organiser_neither_lists_nor_finds_it(world, api_as, confidential):
    client = api_as(world.users["minurcat"])  # attends, but holds no UNAMID grant
    assert titles(client.get(URL)) == []
    assert client.get(f"{URL}{confidential.pk}/").status_code == 404
    assert client.get(f"{URL}{confidential.pk}/history/").status_code == 404


def test_cleared_user_of_the_organiser_reads_it(world, api_as, confidential):
    response = api_as(world.users["unamid"]).get(URL)
    assert titles(response) == ["Joint threat assessment"]
    row = response.json()["results"][0]
    assert row["organiser"] == "UNAMID" and set(row["attending_missions"]) == {"MINURCAT", "UNAMID"}


def test_anonymous_gets_nothing(api_as, confidential):
    assert api_as(None).get(URL).status_code in (401, 403)


def test_writing_needs_the_coordination_role_for_the_organiser(world, api_as):
    body = {"title": "Heads of security", "level": "operational", "starts_on": "2010-02-01",
            "ends_on": "2010-02-01", "organiser": "MINURCAT", "attending_missions": ["MINURCAT"],
            "subjects": ["Security phases"], "classification": 0}
    denied = api_as(world.users["minurcat"]).post(URL, body, format="json")  # analyst: no coordination right
    assert denied.status_code == 403
    assert not Meeting.objects.exists()
    created = api_as(world.users["admin"]).post(URL, body, format="json")
    assert created.status_code == 201, created.json()
    assert Meeting.objects.get().attending_missions.get().acronym == "MINURCAT"


def test_dates_in_the_wrong_order_are_refused_with_the_field_named(world, api_as):
    body = {"title": "Backwards", "level": "strategic", "starts_on": "2010-02-02", "ends_on": "2010-02-01",
            "organiser": "UNAMID"}
    response = api_as(world.users["admin"]).post(URL, body, format="json")
    assert response.status_code == 400
    assert response.json()["field"] == "ends_on"
    assert not Meeting.objects.exists()
