"""The plan under each ISF output (activities, resources, preconditions, risks), the risk register and
lessons shared between missions: success, denial and bad input, read back through the selectors."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.test import override_settings

from peaceops.accounts.access import SYSTEM
from peaceops.cooperation.models import SharingAgreement
from peaceops.core.classification import Classification
from peaceops.mandates import selectors, services
from peaceops.mandates.models import (
    ActivityBudget,
    FrameworkItem,
    FrameworkObjective,
    FrameworkOutput,
    IsfOutput,
    PlanActivity,
    PlanRisk,
)
from peaceops.mandates.services import BudgetLine, MandateError
from peaceops.registry.models import Organisation
from peaceops.testing import make_user

pytestmark = pytest.mark.django_db

TODAY = dt.date(2010, 6, 15)


def make_library():
    """A library output of seed 004 with one activity, one precondition and two risks (text made up)."""
    objective = FrameworkObjective.objects.create(ref="obj-3", number=3, title="A secure environment")
    output = FrameworkOutput.objects.create(objective=objective, ref="out-3.2", number="3.2",
                                              title="Disarmament, demobilisation and reintegration")
    items = {}
    for ref, kind, text in (("3.2-a1", "activity", "Register and verify ex-combatants"),
                            ("3.2-p1", "precondition", "A peace agreement with the armed groups"),
                            ("3.2-r1", "risk", "Reintegration unfunded while disarmament runs"),
                            ("3.2-r2", "risk", "Armed groups re-recruit demobilised fighters"),
                            ("3.2-b1", "benchmark", "Ex-combatants reintegrated"),
                            ("3.2-c1", "consideration", "Fund reintegration before disarmament starts")):
        items[ref] = FrameworkItem.objects.create(objective=objective, output=output, ref=ref, kind=kind,
                                                    text=text, section="3.2", source=f"seed 004 §3.2, line {ref}")
    return output, items


@pytest.fixture
def plan(world):
    isf = services.isf_create(SYSTEM, mission=world.minurcat, country=world.chad, title="MINURCAT ISF",
                              start_date=dt.date(2010, 1, 1), end_date=dt.date(2010, 12, 31))
    objective = services.objective_add(SYSTEM, isf, title="Protection of civilians")
    library_output, items = make_library()
    unhcr = Organisation.objects.create(name="UN High Commissioner for Refugees", acronym="UNHCR",
                                        kind=Organisation.Kind.UN_AGENCY)
    planner = make_user("planner", "planner", mission=world.minurcat, clearance=Classification.CONFIDENTIAL)
    return {"isf": isf, "objective": objective, "library_output": library_output, "items": items, "unhcr": unhcr,
            "planner": planner}


def test_adopting_a_library_output_copies_its_items_with_provenance(world, plan):
    output = services.library_output_adopt(plan["planner"], plan["objective"], plan["library_output"],
                                           risk_owner="DSRSG/RC/HC", risk_review_on=dt.date(2010, 9, 1))
    assert output.library_output == plan["library_output"] and output.title == plan["library_output"].title
    activity = output.activities.get()
    assert (activity.text, activity.library_item, activity.source) == (
        "Register and verify ex-combatants", plan["items"]["3.2-a1"], "seed 004 §3.2, line 3.2-a1")
    assert output.preconditions.get().status == "unknown"
    risks = list(output.risks.order_by("id"))
    assert [r.text for r in risks] == ["Reintegration unfunded while disarmament runs",
                                       "Armed groups re-recruit demobilised fighters"]
    assert all(r.owner == "DSRSG/RC/HC" and r.score is None and r.library_item for r in risks)
    assert not output.benchmarks.exists()  # benchmarks are picked one by one
    # a later library version shows the differences
    item = plan["items"]["3.2-r1"]
    item.text = "Reintegration unfunded while disarmament and demobilisation run"
    item.save()
    assert [i.text for i in selectors.library_changes(plan["planner"], plan["isf"])] == [risks[0].text]


def test_activity_for_an_agency_with_a_voluntary_budget(world, plan):
    output = services.output_add(plan["planner"], plan["objective"], title="Returns")
    first = services.activity_add(plan["planner"], output, text="Intercommunity dialogue",
                                  start_date=dt.date(2010, 2, 1), end_date=dt.date(2010, 5, 31))
    second = services.activity_add(
        plan["planner"], output, text="Support voluntary returns", responsible_organisation=plan["unhcr"],
        partners=[plan["unhcr"]], staff=4, start_date=dt.date(2010, 6, 1), end_date=dt.date(2010, 12, 31),
        depends_on=[first], budget=[BudgetLine("voluntary", "250000", "usd"), BudgetLine("assessed", 10, "XAF", True)])
    assert second.responsible == plan["unhcr"] and list(second.depends_on.all()) == [first]
    lines = sorted((b.funding_stream, b.amount, b.currency) for b in second.budget_lines.all())
    assert lines == [("assessed", Decimal("10.00"), "XAF"), ("voluntary", Decimal("250000.00"), "USD")]
    summary = selectors.resources(plan["planner"], isf=plan["isf"])
    assert [(r["currency"], r["planned"], r["unsecured"]) for r in summary] == [
        ("XAF", Decimal("10.00"), 0), ("USD", Decimal("250000.00"), Decimal("250000.00"))]


@pytest.mark.parametrize("fields, field", [
    ({"start_date": dt.date(2009, 12, 31)}, "start_date"),
    ({"end_date": dt.date(2011, 1, 1)}, "end_date"),
    ({"start_date": dt.date(2010, 5, 1), "end_date": dt.date(2010, 4, 1)}, "end_date"),
    ({"budget": [BudgetLine("voluntary", -5, "USD")]}, "amount"),
    ({"budget": [BudgetLine("voluntary", 5, "DOL")]}, "currency"),
    ({"budget": [BudgetLine("gift", 5, "USD")]}, "funding_stream"),
    ({"text": "  "}, "text"),
])
def test_bad_activities_name_the_field_and_store_nothing(world, plan, fields, field):
    output = services.output_add(SYSTEM, plan["objective"], title="Returns")
    fields = {"text": "Support returns", **fields}
    with pytest.raises(MandateError) as error:
        services.activity_add(plan["planner"], output, **fields)
    assert error.value.field == field
    assert not PlanActivity.objects.exists() and not ActivityBudget.objects.exists()


def test_sequencing_cycle_is_refused(world, plan):
    output = services.output_add(SYSTEM, plan["objective"], title="Returns")
    a = services.activity_add(plan["planner"], output, text="a")
    b = services.activity_add(plan["planner"], output, text="b", depends_on=[a])
    c = services.activity_add(plan["planner"], output, text="c", depends_on=[b])
    with pytest.raises(MandateError, match="cycle") as error:
        services.activity_set_depends_on(plan["planner"], a, [c])
    assert error.value.field == "depends_on"
    assert not a.depends_on.exists()
    with pytest.raises(MandateError, match="itself"):
        services.activity_update(plan["planner"], a, {"depends_on": [a]})


@pytest.mark.parametrize("fields, field", [
    ({"owner": ""}, "owner"), ({"review_on": None}, "review_on"), ({"likelihood": 6}, "likelihood"),
    ({"impact": 0}, "impact"),
])
def test_bad_risks_name_the_field(world, plan, fields, field):
    output = services.output_add(SYSTEM, plan["objective"], title="Returns")
    with pytest.raises(MandateError) as error:
        services.risk_add(plan["planner"], output, **{"text": "Chad withdraws its consent", "owner": "SRSG",
                                                      "review_on": dt.date(2010, 7, 1), **fields})
    assert error.value.field == field
    assert not PlanRisk.objects.exists()


def test_adoption_without_a_risk_owner_stores_nothing(world, plan):
    with pytest.raises(MandateError) as error:
        services.library_output_adopt(plan["planner"], plan["objective"], plan["library_output"], risk_owner="",
                                      risk_review_on=dt.date(2010, 9, 1))
    assert error.value.field == "owner"
    assert not IsfOutput.objects.exists()


def test_another_missions_planner_and_an_uncleared_reader_are_refused(world, plan):
    output = services.output_add(SYSTEM, plan["objective"], title="Returns", classification=Classification.CONFIDENTIAL)
    unamid_planner = make_user("unamid-planner", "planner", mission=world.unamid, clearance=Classification.CONFIDENTIAL)
    viewer = make_user("viewer", "viewer", mission=world.minurcat, clearance=Classification.CONFIDENTIAL)
    low_planner = make_user("low-planner", "planner", mission=world.minurcat, clearance=Classification.UNCLASSIFIED)
    for user in (unamid_planner, viewer, low_planner):
        with pytest.raises(PermissionDenied):
            services.activity_add(user, output, text="Intrude")
        with pytest.raises(PermissionDenied):
            services.risk_add(user, output, text="Intrude", owner="x", review_on=TODAY)
    for user in (unamid_planner, viewer):  # the objective is unclassified: the low planner may adopt into it
        with pytest.raises(PermissionDenied):
            services.library_output_adopt(user, plan["objective"], plan["library_output"], risk_owner="x",
                                          risk_review_on=TODAY)
    assert not PlanActivity.objects.exists() and not PlanRisk.objects.exists()
    services.risk_add(plan["planner"], output, text="Chad withdraws consent", owner="SRSG", review_on=TODAY)
    assert selectors.risk_register(low_planner, mission_ids=[world.minurcat.id], today=TODAY) == []
    assert selectors.risk_register(unamid_planner, today=TODAY) == []


def test_register_escalates_by_score_and_overdue_review(world, plan):
    output = services.output_add(SYSTEM, plan["objective"], title="Returns")
    low = services.risk_add(plan["planner"], output, text="Rains delay returns", owner="UNHCR", likelihood=2,
                            impact=3, review_on=dt.date(2010, 9, 1))
    high = services.risk_add(plan["planner"], output, text="Chad withdraws consent", owner="SRSG",
                             likelihood=2, impact=5, review_on=dt.date(2010, 9, 1))
    stale = services.risk_add(plan["planner"], output, text="Bandits attack convoys", owner="Force Commander",
                              likelihood=1, impact=2, review_on=dt.date(2010, 6, 1))
    register = selectors.risk_register(plan["planner"], isf=plan["isf"], today=TODAY)
    assert [(row.risk.id, row.reasons) for row in register] == [(stale.id, ("review_overdue",)), (high.id, ()),
                                                                 (low.id, ())]
    services.risk_update(plan["planner"], high, {"likelihood": 4})  # 4 x 5 = 20: above 15
    register = selectors.risk_register(plan["planner"], mission_ids=[world.minurcat.id], today=TODAY)
    assert [(row.risk.id, row.score, row.reasons) for row in register][:2] == [
        (high.id, 20, ("score",)), (stale.id, 2, ("review_overdue",))]
    with override_settings(PEACEOPS_RISK_THRESHOLD=25):
        assert selectors.risk_register(plan["planner"], isf=plan["isf"], today=TODAY)[0].risk.id == stale.id
    svg = selectors.heat_map_svg(register, "Risks")
    assert svg.startswith("<svg") and "likelihood 4, impact 5: 1" in svg
    with pytest.raises(MandateError) as error:
        services.risk_update(plan["planner"], high, {"owner": " "})
    assert error.value.field == "owner"
    high.refresh_from_db()
    assert high.owner == "SRSG"


def test_lessons_are_read_by_a_neighbour_under_a_sharing_agreement(world, plan):
    ddr = services.lesson_record(SYSTEM, mission=world.unamid, title="Community-based reintegration",
                                 subject="ddr", what_worked="Local committees", recorded_on=dt.date(2010, 3, 1))
    services.lesson_record(SYSTEM, mission=world.unamid, title="Referral pathways", subject="violence_women_children")
    minurcat_planner = plan["planner"]
    assert list(selectors.lessons_for(minurcat_planner)) == []
    output = services.output_add(SYSTEM, plan["objective"], title="DDR")
    with pytest.raises(MandateError) as error:
        services.activity_add(minurcat_planner, output, text="Reintegrate", lessons=[ddr])
    assert error.value.field == "lessons"
    SharingAgreement.objects.create(sharer=world.unamid, receiver=world.minurcat, subject="lessons",
                                    categories=["ddr"], starts_on=dt.date(2010, 1, 1))
    minurcat_planner = type(minurcat_planner).objects.get(pk=minurcat_planner.pk)  # access is per request
    assert list(selectors.lessons_for(minurcat_planner)) == [ddr]
    assert list(selectors.lessons_for(minurcat_planner, query="committees")) == [ddr]
    assert list(selectors.lessons_for(minurcat_planner, query="absent")) == []
    activity = services.activity_add(minurcat_planner, output, text="Reintegrate", lessons=[ddr])
    assert list(activity.lessons.all()) == [ddr]
    with pytest.raises(PermissionDenied):  # reading is not writing: the neighbour cannot change it
        services.lesson_update(minurcat_planner, ddr, {"title": "Changed"})
    with pytest.raises(MandateError) as error:
        services.lesson_record(SYSTEM, mission=world.unamid, title="x", subject="gossip")
    assert error.value.field == "subject"


def test_sg_report_section_lists_unsecured_funds_and_escalated_risks(world, plan):
    from peaceops.mandates.report_sections import sections
    from peaceops.reports.drafting import DraftRequest

    output = services.output_add(SYSTEM, plan["objective"], title="Returns")
    services.activity_add(SYSTEM, output, text="Support returns", responsible_organisation=plan["unhcr"],
                          budget=[BudgetLine("voluntary", "250000", "USD")])
    services.risk_add(SYSTEM, output, text="Chad withdraws consent", owner="SRSG", likelihood=4, impact=5,
                      review_on=dt.date(2011, 1, 1))
    services.risk_add(SYSTEM, output, text="Rains", owner="UNHCR", likelihood=1, impact=1,
                      review_on=dt.date(2011, 1, 1))
    request = DraftRequest(kind="sg_report", mission_ids=(world.minurcat.id,), start=dt.date(2010, 1, 1),
                           end=dt.date(2010, 12, 31), user=plan["planner"])
    section = {s.key: s for s in sections(request)}["mandates.shortfalls.MINURCAT"]
    assert section.title == "Resource shortfalls and risks: MINURCAT"
    funds, risks = section.tables
    assert funds.rows == (("Voluntary contributions", "USD", "250,000.00", "250,000.00"),)
    assert risks.rows == (("Chad withdraws consent", "Returns", "20", "SRSG", "2011-01-01", "score"),)
    # another mission's planner drafts nothing of MINURCAT
    other = make_user("unamid-planner", "planner", mission=world.unamid, clearance=Classification.CONFIDENTIAL)
    assert sections(DraftRequest(kind="sg_report", mission_ids=(world.minurcat.id,), start=dt.date(2010, 1, 1),
                                 end=dt.date(2010, 12, 31), user=other)) == []



def test_a_risk_reaching_the_threshold_is_notified_to_its_missions_leadership_once(world, plan):
    from peaceops.notifications.models import Notification
    from peaceops.notifications.selectors import notifications_for

    output = services.output_add(plan["planner"], plan["objective"], title="Returns")
    risk = services.risk_add(plan["planner"], output, text="Host state withdraws consent", owner="SRSG",
                             review_on=dt.date(2030, 1, 1), likelihood=2, impact=3)
    assert not Notification.objects.exists()  # 6: below the threshold, review not due
    services.risk_update(plan["planner"], risk, {"likelihood": 4, "impact": 5})
    services.risk_update(plan["planner"], risk, {"owner": "DSRSG"})  # same reason, same score: nothing new
    (notice,) = Notification.objects.all()
    assert notice.kind == "risk_escalated" and "20/25" in notice.title and notice.recipient == world.minurcat
    leader = make_user("leader-x", "leadership", mission=world.minurcat, clearance=Classification.STRICTLY_CONFIDENTIAL)
    assert list(notifications_for(leader)) == [notice]
    assert not notifications_for(make_user("leader-y", "leadership", mission=world.unamid,
                                           clearance=Classification.STRICTLY_CONFIDENTIAL)).exists()
