"""Demo content of the mandates module: MINURCAT's ISF as its exit strategy and MONUSCO's stabilisation benchmarks.

Written from the seeds:

- MINURCAT (seed 000 app. 1): mandated "to contribute to the protection of civilians (including IDPs, refugees and
  humanitarian workers), to promote human rights and the rule of law, widen the humanitarian space"; it "provided
  support to the Government of Chad to create a Chadian police/gendarme force, the Détachement Intégré de Securité
  (DIS)", whose officers "are deployed around the main refugee camps and the key towns of eastern Chad"; resolution
  1861 (14 January 2009) authorised it to take over the military component from EUFOR; resolution 1923 (25 May
  2010) revised the mandate "to focus on working with the Government of Chad to consolidate gains achieved to date
  and to help develop plans for their sustainability", the mission ending on 31 December 2010.
- Seed 000 §III.C.4: the ISF aligned MINURCAT and the UNCT on "the key milestones necessary for the mission to
  achieve in order to start phasing out, and what tasks would be handed over to the UNCT"; after Chad withdrew its
  consent "the ISF was transformed into an exit strategy for the mission, in particular outlining the
  responsibilities of the Government of Chad, MINURCAT, and the UNCT".
- Seed 000 §III.C.1: the return of IDPs to their villages of origin is "one of the main benchmarks of the mission".
- MONUSCO (seed 000 app. 1 and §III.C.4): "protection of civilians, humanitarian personnel and human rights
  defenders under imminent threat of physical violence", support to "the Government of the DRC in its stabilization
  and peace consolidation efforts"; the ISF "outlines key benchmarks for consolidation of peace in the country".

The seeds give no figures: the few measurements below are invented to show the dashboard and say so in their
indicator's data source. Idempotent (loader._upsert); every record cites its passage.
"""

import datetime as dt

from peaceops.accounts.access import SYSTEM
from peaceops.demo.loader import _set_m2m, _upsert
from peaceops.mandates.framework_library import load_library
from peaceops.mandates.models import (
    FrameworkObjective,
    HandoverPlan,
    Indicator,
    IndicatorTarget,
    Isf,
    IsfBenchmark,
    IsfObjective,
    IsfOutput,
    MandateTask,
    Measurement,
)
from peaceops.mandates.services import framework_import, period_totals_refresh
from peaceops.registry.models import Resolution

COUNTED = (MandateTask, Isf, IsfObjective, IsfOutput, IsfBenchmark, Indicator, Measurement,
           HandoverPlan)
INVENTED = "demo figures, invented to show the dashboard (the seeds give no figures)"
S000_APP1 = "seed 000 app. 1"


def _task(mission, resolution_number, text, priority, source, reviewed_on=None):
    resolution = Resolution.objects.filter(number=resolution_number).first()
    return _upsert(MandateTask, {"mission": mission, "text": text},
                   {"resolution": resolution, "priority": priority, "source": source, "reviewed_on": reviewed_on},
                   f"mandates task {text[:30]!r}")


def _tree(isf, objective_title, responsible, output_title, benchmarks, label):
    """benchmarks: (text, function, measures_mission_activity, indicator or None)."""
    objective = _upsert(IsfObjective, {"isf": isf, "title": objective_title},
                        {"mission": isf.mission, "responsible_organisation": responsible}, label)
    output = _upsert(IsfOutput, {"objective": objective, "title": output_title}, {"mission": isf.mission}, label)
    made = []
    for text, function, activity, indicator in benchmarks:
        benchmark = _upsert(IsfBenchmark, {"output": output, "text": text},
                            {"mission": isf.mission, "transition": bool(function), "function": function,
                             "measures_mission_activity": activity}, label)
        made.append(benchmark)
        if indicator:
            _indicator(benchmark, indicator, label)
    return made


def _indicator(benchmark, spec, label):
    name, unit, baseline, target, rule, measurements = spec
    indicator = _upsert(Indicator, {"benchmark": benchmark, "name": name},
                        {"mission": benchmark.mission, "unit": unit, "baseline": baseline, "area_rule": "sum",
                         "period_rule": rule, "disaggregation": ["sex"], "data_source": INVENTED}, label)
    _upsert(IndicatorTarget, {"indicator": indicator, "period": dt.date(2010, 12, 1)},
            {"mission": benchmark.mission, "value": target}, label)
    periods = set()
    for period, sex, value in measurements:
        _upsert(Measurement, {"indicator": indicator, "period": period, "area": None, "sex": sex, "age": ""},
                {"mission": benchmark.mission, "value": value, "unit": unit}, label)
        periods.add(period)
    period_totals_refresh(indicator.id, periods)


def _minurcat(context):
    mission = context.missions["MINURCAT"]
    orgs = context.orgs
    protect = _task(mission, 1778, "Contribute to the protection of civilians, including IDPs, refugees and "
                    "humanitarian workers", "high", S000_APP1, dt.date(2010, 5, 25))
    dis = _task(mission, 1778, "Support the Government of Chad in creating, selecting, training and mentoring the "
                "Détachement Intégré de Sécurité (DIS)", "high", S000_APP1, dt.date(2010, 5, 25))
    _task(mission, 1778, "Promote human rights and the rule of law", "medium", S000_APP1, dt.date(2010, 5, 25))
    _task(mission, 1861, "Take over the military component from EUFOR (assumed on 15 March 2009)", "medium",
          S000_APP1, dt.date(2009, 1, 14))
    exit_task = _task(mission, 1923, "Work with the Government of Chad to consolidate the gains achieved and develop "
                      "plans for their sustainability before the mission ends on 31 December 2010", "high",
                      f"{S000_APP1}; seed 000 §III.C.4", dt.date(2010, 5, 25))
    _set_m2m(exit_task.waits_for, [dis])  # the handover waits for a DIS able to take over (seed 000 app. 1)

    isf = _upsert(Isf, {"mission": mission, "title": "MINURCAT and UNCT Integrated Strategic Framework, Chad: "
                                                       "exit strategy 2010"},
                  {"country": context.countries["TCD"], "start_date": dt.date(2010, 1, 1),
                   "end_date": dt.date(2010, 12, 31), "source": "seed 000 §III.C.4"}, "mandates MINURCAT ISF")
    camps = "Security of the refugee camps and key towns of eastern Chad"
    security = _tree(isf, "Protection of civilians in eastern Chad, handed over to the Government of Chad",
                     orgs["GOV-TCD"], "The DIS deployed around the main refugee camps and key towns", [
                         ("DIS officers deployed around the main refugee camps and key towns, sustained by the "
                          "Government of Chad", camps, False,
                          ("DIS officers deployed", "officers", 0, 850, "last",
                           [(dt.date(2010, 3, 1), "", 400), (dt.date(2010, 6, 1), "", 520),
                            (dt.date(2010, 9, 1), "", 610), (dt.date(2010, 9, 1), "f", 45),
                            (dt.date(2010, 9, 1), "m", 565)])),
                         ("MINURCAT escorts of humanitarian workers", camps, True, None),
                     ], "mandates MINURCAT ISF security")
    _set_m2m(security[0].tasks, [dis, protect])
    _tree(isf, "Return of displaced populations to their villages of origin", orgs["UNHCR"],
          "Intercommunity dialogue easing the return of IDPs (seed 000 §III.C.1)", [
              ("IDPs returned to their villages of origin", "Humanitarian space and returns", False,
               ("IDPs returned", "people", 0, 20000, "sum",
                [(dt.date(2010, 4, 1), "", 1500), (dt.date(2010, 7, 1), "", 2500),
                 (dt.date(2010, 7, 1), "f", 1300), (dt.date(2010, 7, 1), "m", 1200)])),
          ], "mandates MINURCAT ISF returns")
    for function, org, status in ((camps, "GOV-TCD", "underway"),
                                  ("Humanitarian space and returns", "UNCT-TCD", "planned")):
        _upsert(HandoverPlan, {"isf": isf, "function": function},
                {"mission": mission, "responsible_organisation": orgs[org], "status": status,
                 "due_on": dt.date(2010, 12, 31),
                 "notes": "ISF as exit strategy: responsibilities of the Government of Chad, MINURCAT and the UNCT "
                          "(seed 000 §III.C.4)"}, "mandates MINURCAT handover")


def _monusco(context):
    mission = context.missions["MONUSCO"]
    protect = _task(mission, 1925, "Protect civilians, humanitarian personnel and human rights defenders under "
                    "imminent threat of physical violence", "high", S000_APP1, dt.date(2010, 5, 28))
    stabilise = _task(mission, 1925, "Support the Government of the DRC in its stabilization and peace consolidation "
                      "efforts", "high", S000_APP1, dt.date(2010, 5, 28))
    isf = _upsert(Isf, {"mission": mission, "title": "MONUSCO and UNCT Integrated Strategic Framework, DRC: "
                                                       "stabilisation benchmarks"},
                  {"country": context.countries["COD"], "start_date": dt.date(2010, 7, 1),
                   "end_date": dt.date(2011, 10, 31), "source": "seed 000 §III.C.4; app. 1"},
                  "mandates MONUSCO ISF")
    made = _tree(isf, "Stabilisation and peace consolidation with the Government of the DRC",
                 context.orgs["GOV-COD"], "Key benchmarks for the consolidation of peace (seed 000 §III.C.4)", [
                     ("Civilians, humanitarian personnel and human rights defenders protected by national "
                      "authorities", "Protection of civilians", False, None),
                     ("State authority restored in the areas stabilised", "Stabilisation", False, None),
                 ], "mandates MONUSCO ISF")
    _set_m2m(made[0].tasks, [protect])
    _set_m2m(made[1].tasks, [stabilise])


def _framework_library() -> None:
    """Seed 004's framework library, for planners to build from (the fixture shipped with the app).

    Loaded once: a library already stored (the demo's, or one imported by hand) is left as it is.
    """
    if not FrameworkObjective.objects.exists():
        framework_import(load_library(), actor=SYSTEM)


def load(context) -> None:
    _framework_library()
    _minurcat(context)
    if "MONUSCO" in context.missions and "COD" in context.countries:
        _monusco(context)
