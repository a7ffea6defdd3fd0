"""Test helpers of peaceops.mandates, shared with the project-wide security tests."""

import datetime as dt

from peaceops.accounts.access import SYSTEM
from peaceops.core.classification import Classification
from peaceops.mandates import services
from peaceops.mandates.models import Measurement, Priority


def make_isf(mission, country, *, classification=Classification.UNCLASSIFIED, title="ISF"):
    """A small ISF: one objective, output, benchmark (a transition one) and indicator with a baseline and target,
    and one mandated task linked to the benchmark. Returns a dict of the records."""
    isf = services.isf_create(SYSTEM, mission=mission, country=country, title=title, classification=classification)
    objective = services.objective_add(SYSTEM, isf, title="A secure environment for civilians")
    output = services.output_add(SYSTEM, objective, title="National police deployed in the east")
    task = services.task_create(SYSTEM, mission=mission, text="Train and deploy the national police unit",
                                paragraph="OP 6", priority=Priority.MEDIUM, classification=classification)
    benchmark = services.benchmark_add(SYSTEM, output, text="Police posts held by national police", transition=True,
                                       function="Policing the camps", tasks=[task])
    indicator = services.indicator_add(SYSTEM, benchmark, name="Police posts staffed", unit="posts", baseline=0,
                                       disaggregation=["sex", "area"], targets={dt.date(2010, 12, 1): 100})
    return {"isf": isf, "objective": objective, "output": output, "benchmark": benchmark, "indicator": indicator,
            "task": task}


def hidden_records(world) -> dict:
    """One UNAMID record per secured API route of this app, above the MINURCAT user's clearance,
    keyed by route prefix (accounts/tests/test_api_security.py probes each one)."""
    records = make_isf(world.unamid, world.sudan, classification=Classification.CONFIDENTIAL, title="UNAMID hidden ISF")
    measurement = services.measurements_record(SYSTEM, records["indicator"], [
        services.MeasurementRow(period=dt.date(2010, 1, 1), value=5)])
    assert measurement["created"] == 1
    assessment = services.assessment_record(SYSTEM, records["isf"], period_start=dt.date(2010, 1, 1),
                                            period_end=dt.date(2010, 3, 31), narrative="hidden")
    plan = services.handover_plan_set(SYSTEM, records["isf"], function="Hidden function")
    activity = services.activity_add(SYSTEM, records["output"], text="Hidden activity",
                                     budget=[services.BudgetLine("voluntary", 1000, "USD")])
    document = services.document_add(SYSTEM, mission=world.unamid, title="Hidden strategy",
                                     classification=Classification.CONFIDENTIAL)
    answer = services.checklist_item_answer(SYSTEM, mission=world.unamid, item_code="004-2.1.1-poc-strategy",
                                            status="met", evidence={"evidence_document": document})
    return {
        "mission-documents": document,
        "checklist-answers": answer,
        "plan-activities": activity,
        "activity-budgets": activity.budget_lines.get(),
        "plan-preconditions": services.precondition_add(SYSTEM, records["output"], text="Hidden precondition"),
        "plan-risks": services.risk_add(SYSTEM, records["output"], text="Hidden risk", owner="JSR",
                                        review_on=dt.date(2010, 6, 1), likelihood=5, impact=5),
        "lessons": services.lesson_record(SYSTEM, mission=world.unamid, title="Hidden lesson", subject="ddr",
                                          classification=Classification.CONFIDENTIAL),
        "mandate-tasks": records["task"],
        "isfs": records["isf"],
        "isf-objectives": records["objective"],
        "isf-outputs": records["output"],
        "isf-benchmarks": records["benchmark"],
        "indicators": records["indicator"],
        "measurements": Measurement.objects.get(indicator=records["indicator"]),
        "assessments": assessment,
        "handover-plans": plan,
    }
