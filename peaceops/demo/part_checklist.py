"""Demo content of the integration checklist: MINURCAT's, as its DSRSG (demo user ``dsrsg.minurcat``) sees it.

The registry answers what the demo structure shows by itself (a complete leadership team, JOC and JMAC, lines to
the SRSG, the ISF of part_mandates); the items it cannot show are answered with records that rest on seed 000:

- standing coordination with the UN country team: the DSRSG's coordination line to the RC/HC for Chad, who sat
  outside the mission, which "did not have a political mandate, nor was it an integrated mission" (seed 000
  §III.C.4): partly in place;
- an implementation plan with responsibilities: the ISF turned exit strategy, "outlining the responsibilities of
  the Government of Chad, MINURCAT, and the UNCT" (seed 000 §III.C.4): partly in place;
- outreach to national and local organisations: Civil Affairs ran intercommunity dialogue (seed 000 §III.C.3):
  partly in place;
- protocols for a common vision with the UNCT: not in place, as the mission was not integrated (§III.C.4).

Everything else stays a gap (no protection-of-civilians strategy, no DSRSG/RC/HC, no communications strategy
is recorded in the seeds). That leadership answered the checklist at all, and the date, are the demo's
("demo: fictional" in each note). Idempotent: an answer already given is left as it is.
"""

import datetime as dt

from django.contrib.auth import get_user_model

from peaceops.demo.loader import _upsert
from peaceops.mandates import services
from peaceops.mandates.models import ChecklistAnswer, MissionDocument
from peaceops.registry.models import Post, ReportingLine

COUNTED = (MissionDocument, ChecklistAnswer)
USERNAME = "dsrsg.minurcat"  # scenario.DEMO_USERS
ANSWERED_ON = dt.date(2010, 5, 3)  # demo: fictional (after the consent was withdrawn, before the drawdown)
FICTIONAL = "demo: fictional answer"


def load(context) -> None:
    mission = context.missions.get("MINURCAT")
    dsrsg = get_user_model().objects.filter(username=USERNAME).first()
    if mission is None or dsrsg is None:
        return
    exit_strategy = _upsert(MissionDocument, {"mission": mission, "title": (
        "ISF turned exit strategy: responsibilities of the Government of Chad, MINURCAT and the UNCT")}, {
        "summary": "The ISF aligned the mission and the UNCT on the milestones to start phasing out and the tasks "
                   "to hand over to the UNCT; after Chad withdrew its consent it became the exit strategy.",
        "source": "seed 000 §III.C.4"}, "checklist MINURCAT exit strategy")
    coordination = ReportingLine.objects.filter(from_post__mission=mission, from_post__function="dsrsg",
                                                kind="coordination", to_organisation__acronym="UNCT-TCD").first()
    civil = Post.objects.filter(mission=mission, title="Chief, Civil Affairs").first()
    answers = [
        ("004-1.4.5-implementation-plan", "partial", {"evidence_document": exit_strategy},
         "Responsibilities of the Government, the mission and the UNCT, written for the exit (seed 000 §III.C.4)."),
        ("004-1.4.6-coordination", "partial", {"evidence_line": coordination},
         "The DSRSG coordinates with the RC/HC for Chad, who heads the UNCT outside the mission (seed 000 "
         "§III.C.4)."),
        ("003-3.4.4-f-outreach", "partial", {"evidence_post": civil},
         "Civil Affairs runs intercommunity dialogue and confidence-building (seed 000 §III.C.3)."),
        ("004-1.3-protocols", "not_met", {},
         "MINURCAT is not an integrated mission: no DSRSG/RC/HC, no protocol with the UNCT (seed 000 §III.C.4)."),
    ]
    for code, status, evidence, note in answers:
        if any(record is None for record in evidence.values()):
            continue  # a scenario without that record: the item stays a gap
        stored = ChecklistAnswer.objects.filter(mission=mission, item_code=code).first()
        if stored is not None and stored.status == status and stored.note == f"{note} {FICTIONAL}.":
            continue  # loaded before: no second history row
        services.checklist_item_answer(dsrsg, mission=mission, item_code=code, status=status, evidence=evidence,
                                       note=f"{note} {FICTIONAL}.", answered_on=ANSWERED_ON)
