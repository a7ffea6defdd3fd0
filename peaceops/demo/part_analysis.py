"""Demo content of the JMAC module: armed groups of seed 000, the phase IV/III border of §III.C.2, an escalated alert.

- Armed groups: the Chadian armed opposition groups based in Darfur, the JEM and the LRA (seed 000
  §II.B.2: "The JEM in Darfur and the Chadian armed opposition groups are better organized than
  others. The Lord's Resistance Army (LRA) is also active in the region"), with the names the
  datasets use for them (UCDP side names, ACLED actor names) as aliases, linked to the demo's actors.
- Security phases (seed 000 §III.C.2): "Where MINURCAT classified Eastern Chad as a Phase IV security
  threat, UNAMID put their side of the border on a Phase III alert". The seed gives no date; the demo
  sets both from 1 January 2009, during the period both missions were deployed along that border.
- An alert review: the strongest alert UNAMID's JMAC sees on 30 June 2009 (the end of the quarter the
  demo threat assessment covers), escalated with a note to share it with the neighbouring mission
  before the joint assessment. The alerts are recomputed by the early-warning rules; should a rule
  change leave UNAMID without an alert that day, MINURCAT's strongest alert (that day, else on
  15 December 2009, the kidnapping near Iriba) is escalated by the demo administrator instead.
"""

import datetime as dt

from django.contrib.auth import get_user_model

from peaceops.accounts.access import SYSTEM
from peaceops.analysis import selectors_alerts, services
from peaceops.analysis.models import AlertReview, ArmedGroup, SecurityLevel
from peaceops.analysis.selectors_alerts import alerts_as_of
from peaceops.core.classification import Classification
from peaceops.demo.loader import _upsert
from peaceops.notifications.services import alerts_notify
from peaceops.registry.models import AdminArea

COUNTED = (ArmedGroup, SecurityLevel, AlertReview)

GROUPS = (
    ("Chadian armed opposition groups", "CAOG",
     "Chadian rebel movements based in Darfur, to be moved away from the border under the 2009 agreement.",
     ["Chadian rebels", "UFR", "UFDD", "RFC"], "seed 000 §II.A, §II.B.2"),
    ("Justice and Equality Movement", "JEM",
     "Darfuri rebel movement that used refugee camps in Chad for rest, recuperation and recruitment.",
     ["JEM", "JEM: Justice and Equality Movement"], "seed 000 §II.B.2"),
    ("Lord's Resistance Army", "LRA",
     "Small scattered groups in the border areas of Uganda, the DRC, Sudan and the CAR, possibly moving north "
     "towards Darfur.",
     ["LRA", "LRA: Lord's Resistance Army"], "seed 000 §II.B.2"),
)

# Stored for the areas the seed names, not whole countries: "Eastern Chad" is MINURCAT's part of Chad
# along the border (the Ouaddaï, Wadi Fira and Sila regions), and UNAMID's "side of the border" the
# Darfur states along it (admin-1 areas the package ships; peaceops/demo/scenario_areas.py).
PHASES = (("MINURCAT", "TCD", ("Ouaddaï", "Wadi Fira", "Sila"), 4, "Eastern Chad classified Phase IV by MINURCAT."),
          ("UNAMID", "SDN", ("Western Darfur", "Central Darfur", "North Darfur"), 3,
           "UNAMID put its side of the border on a Phase III alert."))
PHASES_FROM = dt.date(2009, 1, 1)  # the seed gives no date: demo: assumption (both missions deployed there)
PHASES_SOURCE = "seed 000 §III.C.2; areas: scenario_areas; start date: demo: assumption"

# (reviewer, mission, date): the first that shows an alert is used.
REVIEW_CANDIDATES = (("jmac.unamid", "UNAMID", dt.date(2009, 6, 30)), ("admin", "MINURCAT", dt.date(2009, 6, 30)),
                     ("admin", "MINURCAT", dt.date(2009, 12, 15)))
REVIEW_NOTE = ("Share with the neighbouring mission's JMAC and raise at the joint threat assessment "
               "(seed 000 §IV.C.3).")


def load(context) -> None:
    for name, acronym, description, aliases, source in GROUPS:
        group = _upsert(ArmedGroup, {"name": name}, {"acronym": acronym, "description": description,
                                                     "aliases": aliases, "source": source,
                                                     "classification": Classification.UNCLASSIFIED},
                        f"part_analysis GROUPS {name!r}")
        services.armed_group_link_actors(group)
    for acronym, iso3, names, level, note in PHASES:
        mission = context.missions[acronym]
        # the whole-country phases an earlier demo stored give way to the areas' (loading again is safe)
        SecurityLevel.objects.filter(owning_mission=mission, system=SecurityLevel.System.UN_PHASE,
                                     country=context.countries[iso3], admin_area=None,
                                     valid_from=PHASES_FROM).delete()
        for area in AdminArea.objects.filter(country=context.countries[iso3], level=1, name__in=names):
            _upsert(SecurityLevel, {"owning_mission": mission, "system": SecurityLevel.System.UN_PHASE,
                                    "admin_area": area, "valid_from": PHASES_FROM},
                    {"level": level, "note": note, "source": PHASES_SOURCE,
                     "classification": Classification.UNCLASSIFIED}, f"part_analysis PHASES {acronym!r} {area.name}")
    _escalated_review(context)
    _notify_scenario_alerts()


SCENARIO_DAY = dt.date(2009, 6, 30)  # the demo's default day (docs/demo.md)


def _notify_scenario_alerts() -> None:
    """The nightly job's run on the scenario day: every alert reaches the missions it names (their inbox), so a
    fresh demo shows the cross-border channel working (seed 000 §II.B.1: the flow one mission foresaw)."""
    alerts_notify(SYSTEM, [shown.alert for shown in alerts_as_of(SYSTEM, SCENARIO_DAY)], as_of=SCENARIO_DAY)


def _escalated_review(context) -> None:
    if AlertReview.objects.filter(note=REVIEW_NOTE).exists():
        return
    for username, mission, day in REVIEW_CANDIDATES:
        reviewer = get_user_model().objects.get(username=username)
        shown = selectors_alerts.alerts_as_of(reviewer, day, mission=mission)
        if shown:
            services.alert_review_by_key(reviewer, key=shown[0].alert.key, as_of=day, action="escalate",
                                         note=REVIEW_NOTE, mission=mission)
            return
