"""Through the API: a sharing agreement opens UNAMID's incidents to MINURCAT and its withdrawal closes them at once."""

import datetime as dt

import pytest

from peaceops.cooperation.models import SharingAgreement
from peaceops.core.classification import Classification
from peaceops.incidents.models import Incident
from peaceops.testing import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def clash(world):
    return Incident.objects.create(
        owning_mission=world.unamid,
        classification=Classification.CONFIDENTIAL,
        category="armed_clash",
        status="verified",
        start_date=dt.date(2009, 6, 1),
        end_date=dt.date(2009, 6, 1),
        location="El Geneina",
    )


@pytest.fixture
def chief(world):
    return make_user("unamid_chief", "leadership", mission=world.unamid, clearance=Classification.CONFIDENTIAL)


AGREEMENT = {
    "sharer": "UNAMID",
    "receiver": "MINURCAT",
    "subject": "incidents",
    "categories": ["armed_clash"],
    "up_to": 1,
    "starts_on": "2009-01-01",
    "source": "seed 000 §III.C.1",
}


def incident_ids(client):
    response = client.get("/api/v1/incidents/")
    assert response.status_code == 200
    return [row["id"] for row in response.json()["results"]]


def test_a_withdrawn_sharing_agreement_removes_access_at_once(world, api_as, clash, chief):
    reader, leader = api_as(world.users["minurcat"]), api_as(chief)
    assert incident_ids(reader) == []
    signed = leader.post("/api/v1/sharing-agreements/", AGREEMENT, format="json")
    assert signed.status_code == 201, signed.json()
    assert incident_ids(reader) == [clash.id]
    assert reader.get(f"/api/v1/incidents/{clash.id}/").status_code == 200
    assert reader.patch(f"/api/v1/incidents/{clash.id}/", {"location": "x"}, format="json").status_code == 403
    withdrawn = leader.post(
        f"/api/v1/sharing-agreements/{signed.json()['id']}/withdraw/", {"reason": "ended"}, format="json"
    )
    assert withdrawn.status_code == 200 and withdrawn.json()["withdrawn_at"]
    assert incident_ids(reader) == []
    assert reader.get(f"/api/v1/incidents/{clash.id}/").status_code == 404
    history = leader.get(f"/api/v1/sharing-agreements/{signed.json()['id']}/history/").json()
    assert [entry["history_type"] for entry in history] == ["~", "+"]
    assert history[0]["user"] == "unamid_chief"


def test_the_receiver_cannot_sign_or_withdraw_for_the_sharer(world, api_as, chief):
    minurcat_chief = make_user(
        "minurcat_chief", "leadership", mission=world.minurcat, clearance=Classification.CONFIDENTIAL
    )
    denied = api_as(minurcat_chief).post("/api/v1/sharing-agreements/", AGREEMENT, format="json")
    assert denied.status_code == 403
    assert not SharingAgreement.objects.exists()
    agreement = SharingAgreement.objects.create(
        sharer=world.unamid, receiver=world.minurcat, subject="incidents", starts_on=dt.date(2009, 1, 1)
    )
    # the receiver does not read the sharer's agreement through the API: not found, so not withdrawable
    assert api_as(minurcat_chief).post(f"/api/v1/sharing-agreements/{agreement.id}/withdraw/").status_code == 404
    assert api_as(chief).delete(f"/api/v1/sharing-agreements/{agreement.id}/").status_code == 405


def test_sharing_above_ones_own_clearance_is_refused_with_the_field_named(world, api_as, chief):
    response = api_as(chief).post("/api/v1/sharing-agreements/", {**AGREEMENT, "up_to": 2}, format="json")
    assert response.status_code == 400
    assert response.json()["field"] == "up_to"
    assert not SharingAgreement.objects.exists()
