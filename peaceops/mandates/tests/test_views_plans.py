"""The plan pages: adopting a library output from the builder, activities with budgets, risks rated above the
threshold and escalated on the plan, the register and the dashboard; lessons; denials and bad input."""

import datetime as dt

import pytest

from peaceops.accounts.access import SYSTEM
from peaceops.cooperation.models import SharingAgreement
from peaceops.core.classification import Classification
from peaceops.mandates import services
from peaceops.mandates.models import IsfOutput, Lesson, PlanActivity, PlanRisk
from peaceops.mandates.tests.test_plans import make_library
from peaceops.registry.models import Organisation
from peaceops.testing import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(world):
    isf = services.isf_create(SYSTEM, mission=world.minurcat, country=world.chad, title="MINURCAT ISF",
                              start_date=dt.date(2010, 1, 1), end_date=dt.date(2010, 12, 31))
    objective = services.objective_add(SYSTEM, isf, title="Protection of civilians")
    library_output, items = make_library()
    unhcr = Organisation.objects.create(name="UN High Commissioner for Refugees", acronym="UNHCR",
                                        kind=Organisation.Kind.UN_AGENCY)
    hidden_isf = services.isf_create(SYSTEM, mission=world.unamid, country=world.sudan, title="UNAMID ISF",
                                     classification=Classification.CONFIDENTIAL)
    hidden_output = services.output_add(SYSTEM, services.objective_add(SYSTEM, hidden_isf, title="x"), title="y")
    services.risk_add(SYSTEM, hidden_output, text="UNAMID secret risk", owner="JSR", review_on=dt.date(2009, 1, 1),
                      likelihood=5, impact=5)
    return {"isf": isf, "objective": objective, "library_output": library_output, "unhcr": unhcr,
            "hidden_output": hidden_output,
            "planner": make_user("planner", "planner", mission=world.minurcat, clearance=Classification.CONFIDENTIAL)}


def test_planner_adopts_assigns_rates_and_sees_the_escalation(client, world, plan):
    client.force_login(plan["planner"])
    answer = client.post(f"/mandates/isf/{plan['isf'].pk}/", {
        "op": "adopt", "objective": plan["objective"].pk, "library_output": plan["library_output"].pk,
        "risk_owner": "DSRSG/RC/HC", "risk_review_on": "2099-01-01"}, follow=True)
    assert "Adopted with 1 activities and 2 risks." in answer.content.decode()
    output = IsfOutput.objects.get(library_output=plan["library_output"])
    url = f"/mandates/output/{output.pk}/plan/"
    answer = client.post(url, {"op": "activity", "text": "Support voluntary returns",
                               "responsible_organisation": plan["unhcr"].pk, "start_date": "2010-06-01",
                               "end_date": "2010-12-31", "funding_stream": "voluntary", "amount": "250000",
                               "currency": "USD"}, follow=True)
    page = answer.content.decode()
    assert "Saved." in page and "250,000.00 USD · Voluntary contributions" in page
    activity = output.activities.get(text="Support voluntary returns")
    assert activity.responsible == plan["unhcr"]
    risk = output.risks.order_by("id").first()
    answer = client.post(url, {"op": "rate", "risk": risk.pk, "likelihood": "4", "impact": "5"}, follow=True)
    page = answer.content.decode()
    assert "escalated to leadership" in page and "<svg" in page
    assert "Fund reintegration before disarmament starts" in page  # the library's consideration for the output
    register = client.get("/mandates/risks/").content.decode()
    assert risk.text in register and "UNAMID secret risk" not in register
    dashboard = client.get(f"/mandates/isf/{plan['isf'].pk}/dashboard/").content.decode()
    assert "Risks escalated to leadership (1)" in dashboard and risk.text in dashboard


@pytest.mark.parametrize("data, field", [
    ({"op": "activity", "text": "Late", "start_date": "2011-02-01"}, "start_date"),
    ({"op": "activity", "text": "Dear", "amount": "-3", "currency": "USD", "funding_stream": "assessed"}, "amount"),
    ({"op": "activity", "text": "Odd", "amount": "3", "currency": "XYZ", "funding_stream": "assessed"}, "currency"),
    ({"op": "risk", "text": "Ownerless", "review_on": "2010-05-01"}, "owner"),
    ({"op": "risk", "text": "Undated", "owner": "SRSG"}, "review_on"),
    ({"op": "risk", "text": "Wild", "owner": "SRSG", "review_on": "2010-05-01", "likelihood": "x"}, "likelihood"),
])
def test_bad_input_names_the_field_and_stores_nothing(client, plan, data, field):
    output = services.output_add(SYSTEM, plan["objective"], title="Returns")
    client.force_login(plan["planner"])
    answer = client.post(f"/mandates/output/{output.pk}/plan/", data, follow=True)
    assert f"field {field}:" in answer.content.decode()
    assert not PlanActivity.objects.exists() and not PlanRisk.objects.filter(output=output).exists()


def test_readers_and_other_missions_are_refused(client, world, plan):
    output = services.output_add(SYSTEM, plan["objective"], title="Returns")
    secret = world.records["minurcat_strictly_confidential"]["component"]
    services.activity_add(SYSTEM, output, text="Escort returns", responsible_component=secret)
    client.force_login(world.users["minurcat"])  # an analyst: reads MINURCAT, does not plan
    page = client.get(f"/mandates/output/{output.pk}/plan/")
    assert page.status_code == 200 and "Escort returns" in page.content.decode()
    assert secret.name not in page.content.decode()  # the component is above the analyst's clearance
    assert client.post(f"/mandates/output/{output.pk}/plan/", {"op": "activity", "text": "x"}).status_code == 403
    assert client.get(f"/mandates/output/{plan['hidden_output'].pk}/plan/").status_code == 404
    client.force_login(
        make_user("unamid-planner", "planner", mission=world.unamid, clearance=Classification.CONFIDENTIAL)
    )
    assert client.get(f"/mandates/output/{output.pk}/plan/").status_code == 404
    assert client.post(f"/mandates/output/{output.pk}/plan/", {"op": "activity", "text": "x"}).status_code == 404
    assert list(PlanActivity.objects.values_list("text", flat=True)) == ["Escort returns"]


def test_lessons_page_shows_shared_lessons_and_records_new_ones(client, world, plan):
    services.lesson_record(SYSTEM, mission=world.unamid, title="Community-based reintegration", subject="ddr")
    services.lesson_record(
        SYSTEM, mission=world.unamid, title="Secret referral pathways", subject="violence_women_children"
    )
    client.force_login(plan["planner"])
    assert "Community-based reintegration" not in client.get("/mandates/lessons/").content.decode()
    SharingAgreement.objects.create(
        sharer=world.unamid,
        receiver=world.minurcat,
        subject="lessons",
        categories=["ddr"],
        starts_on=dt.date(2010, 1, 1),
    )
    page = client.get("/mandates/lessons/", {"q": "reintegration"}).content.decode()
    assert "Community-based reintegration" in page and "Secret referral pathways" not in page
    answer = client.post(
        "/mandates/lessons/",
        {"title": "Returns need escorts", "subject": "cross_border_returns", "what_worked": "Joint patrols"},
        follow=True,
    )
    assert "Lesson recorded." in answer.content.decode()
    assert Lesson.objects.get(title="Returns need escorts").mission == world.minurcat
    client.force_login(world.users["minurcat"])
    assert client.post("/mandates/lessons/", {"title": "x", "subject": "ddr"}).status_code == 403
