"""Demo content of inter-mission cooperation, from seed 000.

- The Entebbe meetings (loaded by loader._meetings from scenario.MEETINGS) get their attendance,
  decision and actions: on 7-8 June 2009 the missions "agreed to meet three times a year, sharing
  responsibility for arranging subsequent meetings"; the next was held on 10-11 December 2009 and no
  further one is reported (seed 000 §III.B), so the agreed cadence shows as slipped. MONUC and the
  Joint Mediation Team sent nobody to the first meeting (§III.B). The collaboration MINURCAT
  spearheaded at the second meeting "received no follow-up" (§III.C.1): an overdue action.
- The Force Commanders' meetings organised by OMA were "regular bi-annual meetings between the Force
  Commanders of all four DPKO missions" (§III.C.2). The seed gives no dates: the demo places them in
  May and November 2009 and 2010 and says so in each record.
- The DSS security-section exchanges: "daily contact among the heads of these sections or their key
  staff, fully encouraged by the Department of Security and Safety (DSS) ... and critical information was
  sent across the border regions" (§III.C.2). Shown as focal points (heads of security sections) and an
  information-sharing agreement each way between MINURCAT and UNAMID for security incidents, with
  threat assessments too (§IV.C.3 recommends a joint quarterly regional security threat assessment).
  The seed reports no signed agreement: the record says it formalises the practice §III.C.1 asks for
  ("identify mission focal points and establish systematic forms of information sharing").
- Contractors: §III.C.4 asks how contractors who failed in Darfur come to be offered similar jobs in
  Chad. A fictitious contractor, a failing UNAMID evaluation and the warning MINURCAT now reads.
"""

import datetime as dt

from peaceops.accounts.access import SYSTEM
from peaceops.accounts.records import record_delete
from peaceops.accounts.roles import Action
from peaceops.cooperation.models import (
    ActionItem,
    Attendance,
    Contract,
    ContractEvaluation,
    ContractorWarning,
    FocalPoint,
    Meeting,
    MeetingCadence,
    MeetingDecision,
    SharingAgreement,
)
from peaceops.core.classification import Classification
from peaceops.demo.loader import _set_m2m, _upsert
from peaceops.registry.models import Organisation

COUNTED = (MeetingCadence, Attendance, MeetingDecision, ActionItem, SharingAgreement, FocalPoint, Contract,
           ContractEvaluation, ContractorWarning)

FIRST = ("First inter-mission meeting, Entebbe", dt.date(2009, 6, 7))
SECOND = ("Second inter-mission meeting, Entebbe (MONUC Support Base)", dt.date(2009, 12, 10))

# seed 000 §III.B: "Senior mission leadership, as well as representatives from Political Affairs, Mission
# Analysis, Security, UNPOL, the Force and Mission Support, attended the June 2009 meeting."
FIRST_ROLES = ("Senior mission leadership", "Political Affairs", "Mission Analysis (JMAC)", "Security", "UNPOL",
               "Force", "Mission Support")

MONUC_LAST_DAY = dt.date(2010, 6, 30)
FORCE_COMMANDERS = (dt.date(2009, 5, 12), dt.date(2009, 11, 10), dt.date(2010, 5, 11), dt.date(2010, 11, 9))
SECURITY_CATEGORIES = ["armed_clash", "attack_on_civilians", "attack_on_un_humanitarian", "banditry", "abduction"]


def _meeting(title, day) -> Meeting:
    return Meeting.objects.get(title=title, starts_on=day)


def _entebbe(missions) -> None:
    first, second = _meeting(*FIRST), _meeting(*SECOND)
    for acronym in ("MINURCAT", "UNAMID"):
        for role in FIRST_ROLES:
            _upsert(Attendance, {"meeting": first, "mission": missions[acronym], "role": role}, {"present": True},
                    f"cooperation attendance {acronym} {role}")
    _upsert(Attendance, {"meeting": first, "mission": missions["MONUC"], "role": "Senior mission leadership"},
            {"present": False}, "cooperation attendance MONUC")
    decided = _upsert(MeetingDecision, {"meeting": first, "text": "Meet three times a year, sharing responsibility "
                                        "for arranging subsequent meetings (seed 000 §III.B)."}, {},
                      "cooperation decision Entebbe 1")
    _upsert(ActionItem, {"meeting": first, "text": "Arrange the next inter-mission meeting (first expected in Sudan)."},
            {"decision": decided, "owner_mission": missions["UNAMID"], "owner_role": "Office of the SRSG",
             "due_on": dt.date(2009, 10, 8), "closed_on": dt.date(2009, 12, 10),
             "outcome": "Held in Entebbe on 10-11 December 2009: the Government of Sudan granted no visas for "
                        "Khartoum (seed 000 §III.B)."}, "cooperation action Entebbe 1")
    _upsert(ActionItem, {"meeting": second, "text": "Follow up the joint regional issue MINURCAT spearheaded."},
            {"owner_mission": missions["MINURCAT"], "owner_role": "Office of the SRSG", "due_on": dt.date(2010, 4, 10),
             "outcome": "No follow-up as MINURCAT turned to its withdrawal from Chad (seed 000 §III.C.1)."},
            "cooperation action Entebbe 2")


def _cadences(region) -> None:
    _upsert(MeetingCadence, {"region": region, "level": "strategic", "since": dt.date(2009, 6, 8)},
            {"every_months": 4, "description": "Agreed at the first Entebbe meeting: three times a year",
             "source": "seed 000 §III.B"}, "cooperation cadence strategic")
    _upsert(MeetingCadence, {"region": region, "level": "strategic", "since": dt.date(2008, 11, 12),
                             "series": "force_commanders"},
            {"every_months": 6, "description": "Force Commanders' meetings organised by OMA, bi-annual",
             "source": "seed 000 §III.C.2 (start illustrative)"}, "cooperation cadence Force Commanders")
    # seed 000 §IV.C.2 recommends the operational level every second month; the demo starts it with the
    # security sections' exchanges of 2010 so that its slip shows as well.
    _upsert(MeetingCadence, {"region": region, "level": "operational", "since": dt.date(2010, 1, 1)},
            {"every_months": 2, "description": "Heads of section, as seed 000 §IV.C.2 recommends",
             "source": "seed 000 §IV.C.2"}, "cooperation cadence operational")


def _force_commanders(missions) -> None:
    for day in FORCE_COMMANDERS:
        meeting = _upsert(Meeting, {"title": "Force Commanders' meeting (OMA)", "starts_on": day}, {
            "level": "strategic", "ends_on": day, "place": "", "organiser": None,
            "subjects": ["Relations of the host countries with the UN Force and with national armies",
                         "Dealing with the non-state armed groups in the areas of responsibility"],
            "attendance_notes": "Force Commanders of the four DPKO missions; BONUCA had no military component. "
                                "Seed 000 gives the cadence (bi-annual) and not the dates: these are illustrative.",
            "outcome_summary": "Well appreciated by the Force Commanders; seed 000 §IV.D.3 recommends integrating "
                               "them with the inter-mission meetings to avoid 'meeting overload'.",
            "source": "seed 000 §III.C.2; §IV.D.3", "classification": Classification.UNCLASSIFIED,
            "series": "force_commanders",
        }, "cooperation Force Commanders")
        # MONUC ended on 30 June 2010 and MONUSCO took over on 1 July 2010 (resolution 1925; seed 000 app. 1):
        # a meeting after that day has MONUSCO's Force Commander, not MONUC's.
        congo = "MONUC" if day <= MONUC_LAST_DAY else "MONUSCO"
        attending = ("MINURCAT", "UNAMID", "UNMIS", congo)
        _set_m2m(meeting.attending_missions, [missions[a] for a in attending])
        for stale in Attendance.objects.filter(meeting=meeting, role="Force Commander").exclude(
                mission__acronym__in=attending):
            record_delete(SYSTEM, Action.ADMINISTER, stale)  # an earlier load's attendance by the wrong mission
        for acronym in attending:
            _upsert(Attendance, {"meeting": meeting, "mission": missions[acronym], "role": "Force Commander"},
                    {"present": True}, f"cooperation FC attendance {acronym}")


def _security_sections(missions) -> None:
    source = "seed 000 §III.C.1; §III.C.2; §IV.C.3"
    for acronym in ("MINURCAT", "UNAMID"):
        _upsert(FocalPoint, {"mission": missions[acronym], "subject": "incidents", "role": "Head of Security Section"},
                {"name": "", "contact": "", "source": source}, f"cooperation focal point {acronym}")
        _upsert(FocalPoint, {"mission": missions[acronym], "subject": "threat_assessments",
                             "role": "Chief, JMAC"}, {"source": "seed 000 §IV.C.1-3"},
                f"cooperation focal point JMAC {acronym}")
    for sharer, receiver in (("UNAMID", "MINURCAT"), ("MINURCAT", "UNAMID")):
        for subject, categories in (("incidents", SECURITY_CATEGORIES), ("threat_assessments", [])):
            _upsert(SharingAgreement, {"sharer": missions[sharer], "receiver": missions[receiver], "subject": subject},
                    {"categories": categories, "up_to": Classification.CONFIDENTIAL,
                     "starts_on": dt.date(2009, 6, 8), "ends_on": dt.date(2010, 12, 31), "source": source},
                    f"cooperation agreement {sharer}-{receiver} {subject}")


def _contractors(missions) -> None:
    firm = _upsert(Organisation, {"name": "Fictitious Regional Logistics Contractor"},
                   {"acronym": "FRLC", "kind": Organisation.Kind.OTHER,
                    "source": "seed 000 §III.C.4 (fictitious contractor)"}, "cooperation contractor")
    darfur = _upsert(Contract, {"contractor": firm, "mission": missions["UNAMID"], "service": "Camp construction"},
                     {"starts_on": dt.date(2008, 3, 1), "ends_on": dt.date(2009, 2, 28),
                      "source": "seed 000 §III.C.4 (illustrative)"}, "cooperation contract UNAMID")
    _upsert(ContractEvaluation, {"contract": darfur, "evaluated_on": dt.date(2009, 3, 15)},
            {"score": 1, "evaluator": "Chief of Mission Support (Fictitious)",
             "notes": "Failed to operate effectively in Darfur."}, "cooperation evaluation UNAMID")
    _upsert(ContractorWarning, {"contractor": firm, "issued_by": missions["UNAMID"], "issued_on": dt.date(2009, 3, 15)},
            {"contract": darfur, "text": "Scored 1/5 for camp construction in Darfur: failed to operate effectively.",
             "source": "seed 000 §III.C.4"}, "cooperation warning UNAMID")
    _upsert(Contract, {"contractor": firm, "mission": missions["MINURCAT"], "service": "Camp construction"},
            {"starts_on": dt.date(2009, 6, 1), "source": "seed 000 §III.C.4 (illustrative)"},
            "cooperation contract MINURCAT")


def load(context) -> None:
    missions = context.missions
    _cadences(context.region)
    _entebbe(missions)
    _force_commanders(missions)
    _security_sections(missions)
    _contractors(missions)
