"""Writes and their bad-input rules: sequencing cycles, targets without baselines, locked periods, units,
zero denominators; assessments that re-prioritise tasks; the roll-up through the selectors."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from peaceops.accounts.access import SYSTEM
from peaceops.mandates import selectors, services
from peaceops.mandates.models import Indicator, Measurement, PeriodTotal
from peaceops.mandates.services import MandateError, MeasurementRow
from peaceops.mandates.testing import make_isf
from peaceops.registry.models import AdminArea

pytestmark = pytest.mark.django_db


@pytest.fixture
def isf(world):
    return make_isf(world.minurcat, world.chad)


def test_sequencing_cycle_is_refused_and_nothing_changes(world, isf):
    first = isf["task"]
    second = services.task_create(SYSTEM, mission=world.minurcat, text="Hand over the camps", waits_for=[first])
    third = services.task_create(SYSTEM, mission=world.minurcat, text="Withdraw", waits_for=[second])
    with pytest.raises(MandateError, match="cycle") as error:
        services.task_set_waits_for(SYSTEM, first, [third])
    assert error.value.field == "waits_for"
    assert list(first.waits_for.all()) == []
    assert selectors.blocked_tasks([second, third]) == {second.id: [first], third.id: [second]}


def test_target_without_baseline_is_refused(world, isf):
    benchmark = isf["benchmark"]
    with pytest.raises(MandateError) as error:
        services.indicator_add(SYSTEM, benchmark, name="Returns", targets={dt.date(2010, 6, 1): 5})
    assert error.value.field == "baseline"
    assert not Indicator.objects.filter(name="Returns").exists()


def test_measurement_rules(world, isf):
    indicator = isf["indicator"]
    services.period_lock(SYSTEM, isf["isf"], dt.date(2010, 1, 15))
    rows = [MeasurementRow(period=dt.date(2010, 2, 1), value=10),
            MeasurementRow(period=dt.date(2010, 1, 1), value=10, line=3)]
    with pytest.raises(MandateError, match="locked") as error:
        services.measurements_record(SYSTEM, indicator, rows)
    assert (error.value.line, error.value.field) == (3, "period")
    assert not Measurement.objects.exists()  # nothing half-way
    with pytest.raises(MandateError, match="does not match") as error:
        services.measurements_record(SYSTEM, indicator, [MeasurementRow(period=dt.date(2010, 2, 1), value=1,
                                                                      unit="officers")])
    assert error.value.field == "unit"
    ratio = services.indicator_add(SYSTEM, isf["benchmark"], name="Girls per boy in school", kind="ratio")
    with pytest.raises(MandateError, match="zero") as error:
        services.measurements_record(SYSTEM, ratio, [MeasurementRow(period=dt.date(2010, 2, 1), numerator=3,
                                                                  denominator=0)])
    assert error.value.field == "denominator"


def test_measurements_fold_into_period_totals_and_roll_up(world, isf):
    east = AdminArea.objects.create(pcode="TD01", name="Ouaddaï", level=1, country=world.chad)
    south = AdminArea.objects.create(pcode="TD02", name="Salamat", level=1, country=world.chad)
    indicator = isf["indicator"]
    services.measurements_record(SYSTEM, indicator, [
        MeasurementRow(period=dt.date(2010, 3, 1), value=30, area_id=east.id),
        MeasurementRow(period=dt.date(2010, 3, 1), value=20, area_id=south.id),
        MeasurementRow(period=dt.date(2010, 3, 1), value=12, area_id=east.id, sex="f"),
        MeasurementRow(period=dt.date(2010, 4, 1), value=80, area_id=east.id)])
    total = PeriodTotal.objects.get(indicator=indicator, period=dt.date(2010, 3, 1))
    assert (total.areas, total.value_sum) == (2, 50)  # the sex breakdown is not a third area
    rolled = selectors.isf_rollup(world.users["admin"], isf["isf"], dt.date(2010, 1, 1), dt.date(2010, 3, 31))
    assert rolled.result.value.tolist() == [50]
    assert rolled.result.objective_progress.tolist() == [0.5]
    assert selectors.breakdown(world.users["admin"], indicator, dt.date(2010, 3, 1)) == {
        "sex": [("f", 12.0)], "area": [("Ouaddaï", 30.0), ("Salamat", 20.0)]}
    # a correction replaces the value and its total
    services.measurements_record(SYSTEM, indicator, [MeasurementRow(period=dt.date(2010, 3, 1), value=70,
                                                                  area_id=east.id)])
    assert PeriodTotal.objects.get(indicator=indicator, period=dt.date(2010, 3, 1)).value_sum == 90


def test_assessment_reprioritises_a_task_with_history(world, isf):
    task = isf["task"]
    assessment = services.assessment_record(SYSTEM, isf["isf"], period_start=dt.date(2010, 1, 1),
                                            period_end=dt.date(2010, 3, 31), narrative="Police deployment late",
                                            decisions=[(task, "high", "the exit depends on it")])
    task.refresh_from_db()
    assert task.priority == "high"
    decision = assessment.decisions.get()
    assert (decision.old_priority, decision.new_priority) == ("medium", "high")
    assert [h.priority for h in task.history.order_by("history_date")][-2:] == ["medium", "high"]


def test_writes_need_edit_plans_for_the_mission(world, isf):
    # the MINURCAT analyst reads but does not plan; the UNAMID officer has no MINURCAT grant at all
    for user in (world.users["minurcat"], world.users["unamid"]):
        with pytest.raises(PermissionDenied):
            services.task_set_priority(user, isf["task"], "low")


def test_health_checks_and_shortfall(world, isf):
    services.task_create(SYSTEM, mission=world.minurcat, text="Protect civilians", capabilities_needed={
        "helicopters": 18}, capabilities_held={"helicopters": 10})
    findings = {f.code: f for f in selectors.mandate_health(world.users["admin"], world.minurcat.id)}
    assert findings["task_count"].message == "2 mandated tasks"
    assert len(findings["no_priority"].tasks) == 1 and len(findings["no_owner"].tasks) == 2
    assert len(findings["no_benchmark"].tasks) == 1 and "never reviewed" in findings["review_overdue"].message
    assert findings["capability_gap"].message.startswith("helicopters: tasks need 18, the mission holds 10")


def test_transition_readiness_flags_mission_activity(world, isf):
    services.handover_plan_set(SYSTEM, isf["isf"], function="Policing the camps", status="underway")
    services.benchmark_add(SYSTEM, isf["output"], text="Patrols run by MINURCAT", transition=True,
                           function="Policing the camps", measures_mission_activity=True)
    services.measurements_record(SYSTEM, isf["indicator"], [MeasurementRow(period=dt.date(2010, 12, 1), value=80)])
    rows = selectors.transition_readiness(world.users["admin"], isf["isf"], dt.date(2010, 1, 1), dt.date(2010, 12, 31))
    assert [row["function"] for row in rows] == ["Policing the camps"]
    assert rows[0]["score"] == pytest.approx(0.8) and rows[0]["plan"].status == "underway"
    assert [b["mission_activity"] for b in rows[0]["benchmarks"]] == [False, True]


def test_sg_report_sections(world, isf):
    from peaceops.mandates.report_sections import sections
    from peaceops.reports.drafting import DraftRequest

    services.task_create(SYSTEM, mission=world.minurcat, text="Fly patrols", capabilities_needed={"helicopters": 18},
                         capabilities_held={"helicopters": 10})
    services.handover_plan_set(SYSTEM, isf["isf"], function="Policing the camps")
    services.measurements_record(SYSTEM, isf["indicator"], [MeasurementRow(period=dt.date(2010, 6, 1), value=30)])
    request = DraftRequest(kind="sg_report", mission_ids=(world.minurcat.id,), start=dt.date(2010, 1, 1),
                           end=dt.date(2010, 12, 31), user=world.users["minurcat"])
    found = {section.key: section for section in sections(request)}
    assert set(found) == {"mandates.implementation.MINURCAT", "mandates.shortfalls.MINURCAT",
                          "mandates.transition.MINURCAT"}
    assert found["mandates.implementation.MINURCAT"].tables[0].rows[0][2:4] == ("30%", "red")
    assert found["mandates.shortfalls.MINURCAT"].tables[0].rows[0][0] == "helicopters"
    assert sections(DraftRequest(kind="threat_assessment", mission_ids=(world.minurcat.id,),
                                 start=dt.date(2010, 1, 1), end=dt.date(2010, 12, 31), user=None)) == []
    # the UNAMID officer holds no MINURCAT grant: nothing of MINURCAT in their draft
    assert sections(DraftRequest(kind="sg_report", mission_ids=(world.minurcat.id,), start=dt.date(2010, 1, 1),
                                 end=dt.date(2010, 12, 31), user=world.users["unamid"])) == []
