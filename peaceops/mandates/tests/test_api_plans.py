"""The plan, the risk register, lessons and assessments through /api/v1/: the same services as the pages, the
same denials and bad-input errors naming the field."""

import datetime as dt

import pytest

from peaceops.accounts.access import SYSTEM
from peaceops.core.classification import Classification
from peaceops.mandates import services
from peaceops.mandates.models import Assessment, IsfBenchmark, LockedPeriod, PlanActivity, PlanRisk
from peaceops.mandates.tests.test_plans import make_library
from peaceops.registry.models import Organisation
from peaceops.testing import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(world):
    isf = services.isf_create(SYSTEM, mission=world.minurcat, country=world.chad, title="MINURCAT ISF",
                              start_date=dt.date(2010, 1, 1), end_date=dt.date(2010, 12, 31))
    objective = services.objective_add(SYSTEM, isf, title="Protection of civilians")
    output = services.output_add(SYSTEM, objective, title="Returns")
    library_output, items = make_library()
    return {
        "isf": isf,
        "output": output,
        "items": items,
        "planner": make_user("planner", "planner", mission=world.minurcat, clearance=Classification.CONFIDENTIAL),
        "unamid_planner": make_user(
            "unamid-planner", "planner", mission=world.unamid, clearance=Classification.CONFIDENTIAL
        ),
    }


def test_library_benchmark_through_the_api_copies_text_and_provenance(world, plan, api_as):
    item = plan["items"]["3.2-b1"]
    answer = api_as(plan["planner"]).post(
        "/api/v1/isf-benchmarks/", {"output": plan["output"].id, "library_item": item.id}, format="json"
    )
    assert answer.status_code == 201, answer.content
    body = answer.json()
    assert (body["text"], body["source"], body["library_item"]) == (item.text, item.source, item.id)
    assert IsfBenchmark.objects.get(pk=body["id"]).mission == world.minurcat
    answer = api_as(plan["planner"]).post(
        "/api/v1/isf-benchmarks/",
        {"output": plan["output"].id, "library_item": plan["items"]["3.2-r1"].id},
        format="json",
    )
    assert answer.status_code == 400 and answer.json()["field"] == "library_item"


def test_activity_with_agency_and_voluntary_budget_then_bad_input(world, plan, api_as):
    unhcr = Organisation.objects.create(name="UNHCR", acronym="UNHCR", kind=Organisation.Kind.UN_AGENCY)
    client = api_as(plan["planner"])
    answer = client.post(
        "/api/v1/plan-activities/",
        {
            "output": plan["output"].id,
            "library_item": plan["items"]["3.2-a1"].id,
            "responsible_organisation": unhcr.id,
            "start_date": "2010-03-01",
            "end_date": "2010-09-30",
        },
        format="json",
    )
    assert answer.status_code == 201, answer.content
    activity = answer.json()
    assert activity["text"] == plan["items"]["3.2-a1"].text and activity["library_text"] == activity["text"]
    answer = client.post(
        "/api/v1/activity-budgets/",
        {"activity": activity["id"], "funding_stream": "voluntary", "amount": "120000", "currency": "eur"},
        format="json",
    )
    assert answer.status_code == 201 and answer.json()["currency"] == "EUR"
    for body, field in (
        ({"amount": "-1", "currency": "USD"}, "amount"),
        ({"amount": "1", "currency": "ABC"}, "currency"),
    ):
        answer = client.post(
            "/api/v1/activity-budgets/",
            {"activity": activity["id"], "funding_stream": "voluntary", **body},
            format="json",
        )
        assert answer.status_code == 400 and answer.json()["field"] == field, answer.content
    answer = client.patch(f"/api/v1/plan-activities/{activity['id']}/", {"end_date": "2011-02-01"}, format="json")
    assert answer.status_code == 400 and answer.json()["field"] == "end_date"
    assert PlanActivity.objects.get().end_date == dt.date(2010, 9, 30)  # nothing half-written
    other = client.post(
        "/api/v1/plan-activities/",
        {"output": plan["output"].id, "text": "Second", "depends_on": [activity["id"]]},
        format="json",
    ).json()
    answer = client.patch(f"/api/v1/plan-activities/{activity['id']}/", {"depends_on": [other["id"]]}, format="json")
    assert answer.status_code == 400 and answer.json()["field"] == "depends_on"
    assert "cycle" in answer.json()["message"]


def test_another_missions_planner_and_a_viewer_are_refused(world, plan, api_as):
    viewer = make_user("viewer", "viewer", mission=world.minurcat, clearance=Classification.CONFIDENTIAL)
    body = {"output": plan["output"].id, "text": "Intrude"}
    assert api_as(plan["unamid_planner"]).post("/api/v1/plan-activities/", body, format="json").status_code == 400
    assert api_as(viewer).post("/api/v1/plan-activities/", body, format="json").status_code == 403
    risk = {"output": plan["output"].id, "text": "x", "owner": "SRSG", "review_on": "2010-07-01"}
    assert api_as(viewer).post("/api/v1/plan-risks/", risk, format="json").status_code == 403
    assert not PlanActivity.objects.exists() and not PlanRisk.objects.exists()


def test_risks_and_the_register(world, plan, api_as):
    client = api_as(plan["planner"])
    answer = client.post(
        "/api/v1/plan-risks/",
        {"output": plan["output"].id, "text": "Chad withdraws consent", "review_on": "2010-07-01", "owner": ""},
        format="json",
    )
    assert answer.status_code == 400 and answer.json()["field"] == "owner"
    answer = client.post(
        "/api/v1/plan-risks/",
        {
            "output": plan["output"].id,
            "text": "Chad withdraws consent",
            "owner": "SRSG",
            "review_on": "2099-07-01",
            "likelihood": 9,
        },
        format="json",
    )
    assert answer.status_code == 400 and answer.json()["field"] == "likelihood"
    answer = client.post(
        "/api/v1/plan-risks/",
        {
            "output": plan["output"].id,
            "text": "Chad withdraws consent",
            "owner": "SRSG",
            "review_on": "2099-07-01",
            "likelihood": 4,
            "impact": 4,
        },
        format="json",
    )
    assert answer.status_code == 201
    register = client.get("/api/v1/plan-risks/register/", {"isf": plan["isf"].id}).json()
    assert [(r["score"], r["escalated"], r["reasons"]) for r in register] == [(16, True, ["score"])]
    assert api_as(plan["unamid_planner"]).get("/api/v1/plan-risks/register/").json() == []


def test_assessment_decisions_through_the_api_reprioritise_and_lock(world, plan, api_as):
    task = services.task_create(SYSTEM, mission=world.minurcat, text="Train the DIS", priority="low")
    client = api_as(plan["planner"])
    answer = client.post(
        "/api/v1/assessments/",
        {
            "isf": plan["isf"].id,
            "period_start": "2010-01-01",
            "period_end": "2010-02-28",
            "narrative": "Q1",
            "decisions": [{"task": task.id, "new_priority": "high", "reason": "DIS is the exit"}],
            "lock_periods": True,
        },
        format="json",
    )
    assert answer.status_code == 201, answer.content
    task.refresh_from_db()
    assert task.priority == "high"
    assert answer.json()["decisions"] == [
        {"task": task.id, "new_priority": "high", "reason": "DIS is the exit", "old_priority": "low"}
    ]
    assert set(LockedPeriod.objects.values_list("period", flat=True)) == {dt.date(2010, 1, 1), dt.date(2010, 2, 1)}
    hidden = services.task_create(SYSTEM, mission=world.unamid, text="UNAMID task")
    answer = client.post(
        "/api/v1/assessments/",
        {
            "isf": plan["isf"].id,
            "period_start": "2010-03-01",
            "period_end": "2010-03-31",
            "decisions": [{"task": hidden.id, "new_priority": "high"}],
        },
        format="json",
    )
    assert answer.status_code == 400 and answer.json()["field"] == "decisions"
    assert Assessment.objects.count() == 1
