"""Demo content of the leadership app and of the terms of reference: MINURCAT's.

- The DSRSG's terms of reference (scenario.TOR_DSRSG_MINURCAT) in two versions: as appointed, then with the
  duties the text names marked in it (protection of civilians, human rights, rule of law, civil affairs). The
  text still says that working with the neighbouring missions is not among the listed duties (seed 000 §III.B,
  §IV.E.1), so no span is marked inter-mission cooperation and the registry rule keeps its warning.
- A political strategy drawn from seed 000: the mandate (app. 1), the ISF turned exit strategy after Chad
  withdrew its consent in early 2010 (§III.C.4), and the Chad-Sudan tensions that kept the SRSG of MINURCAT
  from visiting UNAMID (§II.A). MINURCAT "did not have a political mandate" (§III.C.4): the objective on
  Chad-Sudan relations has no mandated task, which the mandate health check reports (seed 001), and two tasks
  (human rights and rule of law; the take-over from EUFOR) serve no objective of this exit-minded strategy.
- Three decisions of the leadership, affecting the exit task, the DIS task and the consent risk of part_plans.

That the strategy and the decisions were written down, their dates and wording, and the dates of the terms'
versions are the demo's: each such record says ``demo: fictional`` in its ``source`` and keeps the passage it
rests on. Idempotent: loaded twice, nothing changes.
"""

import datetime as dt

from peaceops.accounts.access import SYSTEM
from peaceops.demo import scenario as sc
from peaceops.demo.loader import _set_m2m, _upsert
from peaceops.leadership import models as lm
from peaceops.mandates.models import MandateTask, PlanRisk
from peaceops.registry.models import Hat, TermsOfReference
from peaceops.registry.services import terms_of_reference_write

COUNTED = (TermsOfReference, lm.PoliticalStrategy, lm.StrategicObjective, lm.Decision)
FICTIONAL = "demo: fictional"

TOR_MARKED = sc.TOR_DSRSG_MINURCAT_MARKED  # the scenario's hat carries the version in force

# (version, text, in force from, what changed, source)
TOR_VERSIONS = (
    (1, sc.TOR_DSRSG_MINURCAT, dt.date(2008, 3, 1), "as appointed",
     f"seed 000 §III.B; §IV.E.1; §III.C.4; version date: {FICTIONAL}"),
    (2, TOR_MARKED, dt.date(2010, 1, 15), "duties named in the text marked",
     f"seed 000 §III.B; §IV.E.1; §III.C.4; version date: {FICTIONAL}"),
)

STRATEGY = {
    "title": "MINURCAT exit strategy: gains consolidated with the Government of Chad by 31 December 2010",
    "summary": "After the Government of Chad withdrew its consent in early 2010, the ISF became the mission's exit "
               "strategy, outlining the responsibilities of the Government of Chad, MINURCAT and the UNCT; the "
               "mandate was revised to work with the Government to consolidate the gains and plan their "
               "sustainability before the mission leaves on 31 December 2010.",
    "adopted_on": dt.date(2010, 5, 25),
    "review_by": dt.date(2010, 9, 30),
    "source": f"seed 000 §III.C.4; app. 1; seed 001 (political strategy); the strategy as a record: {FICTIONAL}",
}

# (title, sequence, actors, leverage, task text prefixes, source)
OBJECTIVES = (
    ("Protection of civilians in eastern Chad taken over by the Government of Chad and the DIS", 1,
     "Government of Chad; DIS; refugees and IDPs; humanitarian workers",
     "MINURCAT selects, trains and mentors the DIS deployed around the refugee camps and towns of eastern Chad",
     ("Contribute to the protection of civilians", "Support the Government of Chad in creating"),
     f"seed 000 app. 1 (MINURCAT); actors and leverage as worded: {FICTIONAL}"),
    ("Gains consolidated and tasks handed over to the Government of Chad and the UNCT before 31 December 2010", 2,
     "Government of Chad; UNCT", "The ISF turned exit strategy: responsibilities of the Government of Chad, "
     "MINURCAT and the UNCT", ("Work with the Government of Chad to consolidate",),
     f"seed 000 §III.C.4; app. 1; wording: {FICTIONAL}"),
    ("Chad-Sudan tensions eased so that MINURCAT and UNAMID can work together along the border", 2,
     "Government of Chad; Government of Sudan; UNAMID",
     "The SRSG informs the Government of Sudan through its embassy in N'Djaména", (),
     f"seed 000 §II.A; §III.C.4 (no political mandate); wording: {FICTIONAL}"),
)

# (decided on, decided by, text, task text prefix or "", risk text prefix or "", source)
DECISIONS = (
    (dt.date(2010, 5, 26), "Mission Leadership Team, MINURCAT",
     "Turn the ISF into the exit strategy: the responsibilities of the Government of Chad, MINURCAT and the UNCT "
     "for each task handed over.", "Work with the Government of Chad to consolidate", "",
     f"seed 000 §III.C.4; date and wording: {FICTIONAL}"),
    (dt.date(2010, 6, 1), "SRSG, MINURCAT",
     "Keep the DIS training and mentoring first among the tasks until the handover, as the DIS takes over the "
     "security of the camps.", "Support the Government of Chad in creating", "",
     f"seed 000 app. 1; date and wording: {FICTIONAL}"),
    (dt.date(2010, 6, 1), "SRSG, MINURCAT",
     "Review the risk of a further withdrawal of consent with the Government of Chad every month until the mission "
     "leaves.", "", "The Government of Chad withdraws its consent",
     f"seed 000 §III.C.4; date and wording: {FICTIONAL}"),
)


def _terms(mission) -> None:
    hat = Hat.objects.filter(post__mission=mission, post__function="dsrsg", role="dsrsg").first()
    if hat is None:
        return
    for version, text, valid_from, note, source in TOR_VERSIONS:
        stored = hat.terms_versions.filter(version=version).first()
        if stored is None:
            terms_of_reference_write(SYSTEM, hat, text, valid_from=valid_from, note=note, source=source)
    latest = hat.terms_versions.order_by("-version").first()
    if latest is not None and hat.terms_of_reference != latest.text:
        # the scenario writes the version in force (TOR_DSRSG_MINURCAT_MARKED); a store where someone wrote a
        # later version keeps it
        Hat.objects.filter(pk=hat.pk).update(terms_of_reference=latest.text)


def _task(mission, prefix: str):
    return MandateTask.objects.filter(mission=mission, text__startswith=prefix).first() if prefix else None


def load(context) -> None:
    mission = context.missions.get("MINURCAT")
    if mission is None:
        return
    _terms(mission)
    strategy = _upsert(lm.PoliticalStrategy, {"mission": mission, "title": STRATEGY["title"]},
                       {key: value for key, value in STRATEGY.items() if key != "title"}, "leadership strategy")
    previous = None
    for title, sequence, actors, leverage, prefixes, source in OBJECTIVES:
        objective = _upsert(lm.StrategicObjective, {"strategy": strategy, "title": title},
                            {"mission": mission, "sequence": sequence, "actors": actors, "leverage": leverage,
                             "after": previous if sequence > 1 and previous and previous.sequence < sequence
                             else None, "source": source}, f"leadership objective {title[:30]!r}")
        _set_m2m(objective.tasks, [task for task in (_task(mission, p) for p in prefixes) if task])
        if sequence == 1:
            previous = objective
    for decided_on, decided_by, text, task, risk, source in DECISIONS:
        risk_record = PlanRisk.objects.filter(mission=mission, text__startswith=risk).first() if risk else None
        _upsert(lm.Decision, {"mission": mission, "decided_on": decided_on, "text": text},
                {"decided_by": decided_by, "task": _task(mission, task), "risk": risk_record, "source": source},
                f"leadership decision {decided_on}")
