"""Alerts crossing a border, replayed on the real ACLED Africa file (January-May 2016).

The "across the border" issue (seed 000 §II.1, §III.C.2): violence on one side of a border must
reach the mission on the other side. The 2016 missions whose host countries the file covers are
built with their real start dates, the shipped Natural Earth shapes give the borders, the file is
imported as shared reference data (mission=None: the importer still links each incident to the
missions whose area holds it on its date, which is what an alert's ``mission_ids`` are), and the
alerts are replayed as of month ends, then fanned out with ``alerts_notify`` as the nightly job does.

What the data shows (default rules, docs/early-warning.md): every cross-border alert is
``toward_border`` (ACLED has no displacement category, and the CAR's ACLED rows move toward no
border); Sudan's violence drifts south toward South Sudan, and South Sudan's north toward Sudan
and west toward the CAR:

- 2016-02-29: Darfur (SDN, UNAMID) toward SSD, mean distance 341 -> 294 km: UNMISS notified;
- 2016-03-31: Kordofan (SDN, UNAMID) toward SSD, 137 -> 96 km: UNMISS notified;
  Warrap (SSD, UNMISS) toward SDN, 181 -> 123 km: UNAMID notified;
- 2016-04-30 and 05-28: Unity (SSD, UNMISS) toward SDN, 160 -> 70 km (nearest 30 km) in April:
  UNAMID notified; Western Bahr el Ghazal (SSD, UNMISS) toward CAF, 218 -> 179 km: MINUSCA notified.

MINUSMA (Mali, whose neighbours hold no mission in this world) is told nothing. Alerts in
Ethiopia (Oromia, Gambela) and the DRC (Orientale) also name UNMISS, but no mission holds their
evidence, so ``alerts_notify`` has no source mission and sends nothing for them (see the docs).
"""

import datetime as dt

import pytest

from peaceops.accounts.access import SYSTEM
from peaceops.analysis import early_warning as ew
from peaceops.analysis.incident_frame import FrameScope, alert_frame, border_context
from peaceops.analysis.selectors_alerts import alerts_as_of
from peaceops.incidents.imports.services import events_import
from peaceops.notifications.models import Notification
from peaceops.notifications.selectors import notifications_for
from peaceops.notifications.services import alerts_notify
from peaceops.registry.importers import SHIPPED_COUNTRY_SHAPES, import_places
from peaceops.registry.models import Country, Mission
from peaceops.testing import make_user

ACLED = "acled/acled_africa_2016-01-01_2016-05-28.csv"
REPLAY = [dt.date(2016, 2, 29), dt.date(2016, 3, 31), dt.date(2016, 4, 30), dt.date(2016, 5, 28)]

# Start dates from the mandating resolutions:
# UNAMID  S/RES/1769 (2007), 31 July 2007 - Darfur, Sudan;
# UNMISS  S/RES/1996 (2011), 9 July 2011 (South Sudan's independence);
# MINUSCA S/RES/2149 (2014), 10 April 2014 - the CAR;
# MINUSMA S/RES/2100 (2013), 25 April 2013 - Mali (the uninvolved mission: no neighbour holds one here).
MISSIONS = [("UNAMID", "SDN", Mission.Kind.HYBRID, dt.date(2007, 7, 31)),
            ("UNMISS", "SSD", Mission.Kind.PEACEKEEPING, dt.date(2011, 7, 9)),
            ("MINUSCA", "CAF", Mission.Kind.PEACEKEEPING, dt.date(2014, 4, 10)),
            ("MINUSMA", "MLI", Mission.Kind.PEACEKEEPING, dt.date(2013, 4, 25))]


@pytest.fixture
def missions(db, shared_data):
    shapes = import_places(SHIPPED_COUNTRY_SHAPES, "natural-earth-geojson", actor=SYSTEM)
    assert shapes.updated + shapes.created >= 50  # creates the ISO 3166 countries, sets their shapes
    countries = {c.iso3: c for c in Country.objects.filter(iso3__in=[m[1] for m in MISSIONS])}
    assert all(countries[iso3].geometry for iso3 in countries) and len(countries) == len(MISSIONS)
    made = {}
    for acronym, iso3, kind, start in MISSIONS:
        made[acronym] = Mission.objects.create(acronym=acronym, name=acronym, kind=kind, start_date=start)
        made[acronym].host_countries.set([countries[iso3]])
    # missions first: the importer links each incident to the missions holding its country on its date
    report = events_import(shared_data / ACLED, "acled", skip_bad=True, user=SYSTEM)
    assert report.created > 6700 and len(report.errors) < 10
    return made


def replay(day):
    frame = alert_frame(SYSTEM, FrameScope(as_of=day))
    return ew.compute_alerts(frame, day, borders=border_context(day))


def crossing(alerts, names):
    """(kind, country, admin1, own missions, notified missions, neighbour) of the alerts naming a neighbour."""
    return {(a.kind, a.country, a.admin1, tuple(names[m] for m in a.mission_ids),
             tuple(names[m] for m in a.notified_mission_ids), a.detail.get("neighbour"))
            for a in alerts if a.notified_mission_ids and a.mission_ids}


@pytest.mark.django_db
def test_violence_moving_toward_a_border_names_the_mission_across_it(missions):
    names = {m.pk: acronym for acronym, m in missions.items()}
    by_day = {day: replay(day) for day in REPLAY}
    seen = {day: crossing(alerts, names) for day, alerts in by_day.items()}
    assert seen[dt.date(2016, 2, 29)] == {("toward_border", "SDN", "Darfur", ("UNAMID",), ("UNMISS",), "SSD")}
    assert seen[dt.date(2016, 3, 31)] == {("toward_border", "SDN", "Kordofan", ("UNAMID",), ("UNMISS",), "SSD"),
                                          ("toward_border", "SSD", "Warrap", ("UNMISS",), ("UNAMID",), "SDN")}
    april = {("toward_border", "SSD", "Unity", ("UNMISS",), ("UNAMID",), "SDN"),
             ("toward_border", "SSD", "Western Bahr el Ghazal", ("UNMISS",), ("MINUSCA",), "CAF")}
    assert seen[dt.date(2016, 4, 30)] == april and seen[dt.date(2016, 5, 28)] == april

    unity = next(a for a in by_day[dt.date(2016, 4, 30)] if a.admin1 == "Unity" and a.notified_mission_ids)
    assert unity.detail["shift_km"] > 80 and unity.detail["nearest_km"] < 35  # 159.5 -> 70.1 km, nearest 29.8
    # the uninvolved mission is named by no alert, its own or a neighbour's
    minusma = missions["MINUSMA"].pk
    assert not [a for alerts in by_day.values() for a in alerts if minusma in a.notified_mission_ids]


@pytest.mark.django_db
def test_the_neighbours_analysts_see_the_notifications_and_nobody_else_does(missions):
    for day in REPLAY:  # the nightly job, replayed month end by month end
        alerts_notify(SYSTEM, replay(day), as_of=day)
    alerts_notify(SYSTEM, replay(REPLAY[-1]), as_of=REPLAY[-1])  # re-running adds nothing
    assert Notification.objects.count() == 5

    def seen_by(acronym):
        user = make_user(f"analyst_{acronym.lower()}", "analyst", mission=missions[acronym])
        return user, {(n.kind, n.country, n.admin1, n.source_mission.acronym, n.recipient.acronym)
                      for n in notifications_for(user)}

    _, unmiss = seen_by("UNMISS")
    assert unmiss == {("toward_border", "SDN", "Darfur", "UNAMID", "UNMISS"),
                      ("toward_border", "SDN", "Kordofan", "UNAMID", "UNMISS")}
    unamid_analyst, unamid = seen_by("UNAMID")
    assert unamid == {("toward_border", "SSD", "Warrap", "UNMISS", "UNAMID"),
                      ("toward_border", "SSD", "Unity", "UNMISS", "UNAMID")}
    _, minusca = seen_by("MINUSCA")
    assert minusca == {("toward_border", "SSD", "Western Bahr el Ghazal", "UNMISS", "MINUSCA")}
    _, minusma = seen_by("MINUSMA")
    assert minusma == set()

    # UNAMID's own alert list (the mission's view) carries the neighbour's alert it was notified of
    shown = alerts_as_of(unamid_analyst, dt.date(2016, 4, 30), mission="UNAMID")
    unity = [s.alert for s in shown if s.alert.admin1 == "Unity"]
    assert unity and missions["UNAMID"].pk in unity[0].notified_mission_ids
