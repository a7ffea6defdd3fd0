"""Demo content of the plan under an ISF output, the risk register and lessons shared between missions.

MINURCAT's output "Intercommunity dialogue easing the return of IDPs" (part_mandates) gets a full plan:

- Activities from the seeds: inter-community dialogue and confidence-building by Civil Affairs (seed 000 §III.C.3,
  §IV.A.3), the return of IDPs to their villages of origin, "one of the main benchmarks of the mission" (seed 000
  §III.C.1), with UNHCR, and DIS security around the camps and key towns of eastern Chad (seed 000 app. 1).
  Who does what is the seeds'; the staff numbers, amounts, currencies and dates are invented and say so
  ("demo: fictional" in their source).
- Risks from the seeds: Chad withdrawing its consent (it did, in early 2010, and the ISF became an exit strategy:
  seed 000 §III.C.4), rated above the escalation threshold; armed groups and banditry across the border (seed 000
  §II.B.1-2). The ratings, owners and review dates are the demo's.
- A lesson BONUCA learned on DDR in the CAR: its programme in Vakaga "required a security environment that
  MINURCAT had not been mandated to implement, nor had the means to guarantee" (seed 000 §III.C.4), the kind of
  experience seed 000 §IV.A.2 asks missions to document and share; BONUCA shares its lessons with MINURCAT under
  an agreement the seed recommends but does not report (demo: fictional).

Idempotent (loader._upsert); every record cites its passage.
"""

import datetime as dt
from decimal import Decimal

from peaceops.cooperation.models import SharingAgreement
from peaceops.demo.loader import _set_m2m, _upsert
from peaceops.mandates.models import (
    ActivityBudget,
    FundingStream,
    IsfOutput,
    Lesson,
    PlanActivity,
    PlanPrecondition,
    PlanRisk,
)
from peaceops.registry.models import Component

FICTIONAL = "demo: fictional"
COUNTED = (PlanActivity, ActivityBudget, PlanPrecondition, PlanRisk, Lesson)

ISF_TITLE = "MINURCAT and UNCT Integrated Strategic Framework, Chad: exit strategy 2010"
OUTPUT_TITLE = "Intercommunity dialogue easing the return of IDPs (seed 000 §III.C.1)"


def _activity(output, text, values, label):
    return _upsert(PlanActivity, {"output": output, "text": text}, {"mission": output.mission, **values}, label)


def _budget(activity, stream, amount, currency, secured):
    _upsert(ActivityBudget, {"activity": activity, "funding_stream": stream},
            {"mission": activity.mission, "amount": Decimal(amount), "currency": currency, "secured": secured},
            f"plans budget {activity.text[:30]!r} {stream}")


def _lessons(context):
    missions = context.missions
    if "BONUCA" not in missions:
        return None
    lesson = _upsert(Lesson, {"mission": missions["BONUCA"], "title": "DDR in Vakaga needs a security guarantee "
                                                                       "someone is mandated to give"}, {
        "subject": Lesson.Subject.DDR,
        "context": "The DDR programme in the CAR was BONUCA's top priority; it ran in the Vakaga region, an area of "
                   "operations of MINURCAT.",
        "what_did_not": "The programme required a security environment that MINURCAT had not been mandated to "
                        "implement, nor had the means to guarantee; DPA and DPKO did not consult each other on "
                        "it in an organised fashion.",
        "what_worked": "",
        "evidence": "seed 000 §III.C.4 (HQ operational disjunctions)",
        "recorded_on": dt.date(2009, 6, 7),
        "source": f"seed 000 §III.C.4; §IV.A.2; recorded on: {FICTIONAL}"}, "plans lesson BONUCA DDR")
    _upsert(SharingAgreement, {"sharer": missions["BONUCA"], "receiver": missions["MINURCAT"], "subject": "lessons"},
            {"starts_on": dt.date(2009, 6, 7), "categories": [],
             "source": f"seed 000 §IV.A.2 (recommended); the agreement: {FICTIONAL}"}, "plans lessons agreement")
    return lesson


def load(context) -> None:
    mission = context.missions["MINURCAT"]
    output = IsfOutput.objects.filter(objective__isf__mission=mission, objective__isf__title=ISF_TITLE,
                                        title=OUTPUT_TITLE).first()
    if output is None:  # part_mandates builds it
        return
    orgs = context.orgs
    lesson = _lessons(context)
    civil = Component.objects.filter(mission=mission, name="Civil Affairs").first()
    dialogue = _activity(output, "Inter-community dialogue and confidence-building with traditional and local "
                                 "leaders in the areas of return", {
        "responsible_component": civil, "staff": 12, "start_date": dt.date(2010, 1, 15),
        "end_date": dt.date(2010, 6, 30), "source": f"seed 000 §III.C.3; §IV.A.3; staff and dates: {FICTIONAL}"},
        "plans activity dialogue")
    _budget(dialogue, FundingStream.ASSESSED, "180000", "USD", True)
    returns = _activity(output, "Support the voluntary return of IDPs to their villages of origin", {
        "responsible_organisation": orgs["UNHCR"], "staff": 8, "start_date": dt.date(2010, 4, 1),
        "end_date": dt.date(2010, 12, 31),
        "source": f"seed 000 §III.C.1; seed 003 §2.4.4 (UNHCR); staff, amounts and dates: {FICTIONAL}"},
        "plans activity returns")
    _set_m2m(returns.partners, [orgs["GOV-TCD"], orgs["UNCT-TCD"]])
    _set_m2m(returns.depends_on, [dialogue])
    _budget(returns, FundingStream.VOLUNTARY, "1250000", "USD", False)
    _budget(returns, FundingStream.TRUST_FUND, "300000", "EUR", True)
    escorts = _activity(output, "DIS security around the camps, key towns and return sites of eastern Chad", {
        "responsible_organisation": orgs["DIS"], "staff": 60, "start_date": dt.date(2010, 3, 1),
        "end_date": dt.date(2010, 12, 31), "source": f"seed 000 app. 1; staff, amounts and dates: {FICTIONAL}"},
        "plans activity DIS")
    _set_m2m(escorts.partners, [orgs["GOV-TCD"]])
    _budget(escorts, FundingStream.ASSESSED, "2400000", "USD", True)
    if lesson is not None:
        _set_m2m(returns.lessons, [lesson])
    _upsert(PlanPrecondition, {"output": output, "text": "Security in the areas of return, provided by the DIS and "
                                                           "the Government of Chad"},
            {"mission": mission, "status": PlanPrecondition.Status.PARTLY_MET,
             "source": f"seed 000 app. 1; §III.C.1; status: {FICTIONAL}"}, "plans precondition security")
    _upsert(PlanRisk, {"output": output, "text": "The Government of Chad withdraws its consent to the mission "
                                                   "before the DIS and the UNCT can take over"},
            {"mission": mission, "likelihood": 4, "impact": 5, "owner": "SRSG and Head of MINURCAT",
             "mitigation": "Turn the ISF into an exit strategy setting out the responsibilities of the Government "
                           "of Chad, MINURCAT and the UNCT (seed 000 §III.C.4).",
             "review_on": dt.date(2010, 3, 31),
             "source": f"seed 000 §III.C.4; rating, owner and review date: {FICTIONAL}"}, "plans risk consent")
    _upsert(PlanRisk, {"output": output, "text": "Armed groups and banditry across the Chad-Sudan border attack "
                                                   "returnees and humanitarian workers"},
            {"mission": mission, "likelihood": 3, "impact": 4, "owner": "Force Commander, MINURCAT",
             "mitigation": "Joint mapping of armed groups across the border with UNAMID (seed 000 §IV.A.1).",
             "review_on": dt.date(2010, 6, 30),
             "source": f"seed 000 §II.B.1-2; §IV.A.1; rating, owner and review date: {FICTIONAL}"},
            "plans risk border")
