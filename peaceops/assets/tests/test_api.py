"""The API: the workflow end to end, denials, and the hidden records of testing.py."""


import pytest

from peaceops.assets.models import AssetRequest, Consent, Loan
from peaceops.assets.testing import hidden_records

pytestmark = pytest.mark.django_db


def _ask(client, pool, **extra):
    start, end = pool["dates"]
    payload = {"owning_mission": "MINURCAT", "asset": pool["heli"].id, "start_date": start.isoformat(),
               "end_date": end.isoformat(), "purpose": "BONUCA to Entebbe", "destination_country": "TCD",
               "seats": 12, "flight_hours": "6.0",
               "cost_shares": [{"mission": "MINURCAT", "percent": "50"}, {"mission": "UNAMID", "percent": "50"}]}
    payload.update(extra)
    return client.post("/api/v1/asset-requests/", payload, format="json")


def test_request_consents_loan_and_cost_report_through_the_api(pool, api_as):
    users = pool["users"]
    answer = _ask(api_as(users["minurcat_planner"]), pool)
    assert answer.status_code == 201, answer.content
    request_id = answer.json()["id"]
    for consent in answer.json()["consents"]:
        user = {"owning_mission": users["unamid_lead"], "paying_mission": users["unamid_lead"],
                "headquarters": users["hq"]}.get(consent["party"],
                                                                                       users["minurcat_lead"])
        reply = api_as(user).post(f"/api/v1/asset-requests/{request_id}/decide/", {
            "consent": consent["id"], "given": True, "given_by_person": "Official (Fictitious)",
            "decided_on": "2009-12-01"}, format="json")
        assert reply.status_code == 200, reply.content
    assert reply.json()["status"] == "approved"
    for user in (users["minurcat_lead"], users["unamid_lead"]):
        loans = api_as(user).get("/api/v1/loans/").json()["results"]
        assert [(row["lender"], row["borrower"]) for row in loans] == [("UNAMID", "MINURCAT")]
    report = api_as(users["hq"]).get("/api/v1/asset-costs/", {"region": "Central Africa and Sudan", "year": 2009})
    assert report.json()["paid"] == {"MINURCAT": "12600.00", "UNAMID": "12600.00"}
    again = _ask(api_as(users["minurcat_planner"]), pool)
    assert again.status_code == 400 and again.json()["field"] == "start_date"


def test_bad_cost_split_is_a_clear_400_and_stores_nothing(pool, api_as):
    answer = _ask(api_as(pool["users"]["minurcat_planner"]), pool,
                  cost_shares=[{"mission": "MINURCAT", "percent": "60"}, {"mission": "UNAMID", "percent": "30"}])
    assert answer.status_code == 400 and answer.json()["field"] == "cost_shares"
    assert not AssetRequest.objects.exists()


def test_consent_by_a_user_without_approve_is_refused(pool, api_as):
    answer = _ask(api_as(pool["users"]["minurcat_planner"]), pool)
    owner = next(c for c in answer.json()["consents"] if c["party"] == "owning_mission")
    reply = api_as(pool["users"]["minurcat_lead"]).post(
        f"/api/v1/asset-requests/{answer.json()['id']}/decide/", {"consent": owner["id"], "given": True}, format="json")
    assert reply.status_code == 403
    assert Consent.objects.get(pk=owner["id"]).decision == "pending" and not Loan.objects.exists()


def test_hidden_records_stay_hidden(world, api_as):
    hidden = hidden_records(world)
    minurcat, unamid = api_as(world.users["minurcat"]), api_as(world.users["unamid"])
    for prefix, record in hidden.items():
        assert record.id not in {row["id"] for row in minurcat.get(f"/api/v1/{prefix}/").json()["results"]}
        assert minurcat.get(f"/api/v1/{prefix}/{record.id}/").status_code == 404
        assert unamid.get(f"/api/v1/{prefix}/{record.id}/").status_code == 200
