"""The computed analyses for one user: alerts as of a date (with their reviews), trends, hotspots.

Each reads the incident frame of the incidents the user may read (peaceops.analysis.incident_frame,
visibility applied there) and hands it to the pure modules (early_warning, trends). An alert is
never stored: it is recomputed for a date, so the replay page shows what the JMAC would have seen
then (computed strictly from what was known at the date, without hindsight); reviews are merged by key.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from django.db.models import Q
from django.utils.translation import gettext as _

from peaceops.accounts.access import access_for
from peaceops.analysis import early_warning, incident_frame, trends
from peaceops.analysis.selectors import reviews_by_key
from peaceops.registry.models import Country, Mission


class AnalysisInputError(ValueError):
    """A request the analyses cannot answer (unknown mission or country, bad unit); names the field."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


def mission_for(user, acronym: str) -> Mission:
    """A mission by acronym among those the user holds a grant for (unknown and forbidden look alike)."""
    allowed = access_for(user).mission_ids
    missions = Mission.objects.filter(acronym__iexact=acronym)
    if allowed is not None:
        missions = missions.filter(id__in=allowed)
    mission = missions.first()
    if mission is None:
        raise AnalysisInputError("mission", _("No mission %(acronym)s among yours.") % {"acronym": acronym})
    return mission


def _country(iso3: str) -> Country:
    country = Country.objects.filter(Q(iso3__iexact=iso3) | Q(iso2__iexact=iso3)).first()
    if country is None:
        raise AnalysisInputError("country", _("Unknown country %(code)s (give ISO3).") % {"code": iso3})
    return country


def _scope(user, country: str | None, mission: str | None, as_of: dt.date | None) -> incident_frame.FrameScope:
    countries = (_country(country).iso3,) if country else ()
    mission_ids = (mission_for(user, mission).pk,) if mission else ()
    return incident_frame.FrameScope(countries=countries, mission_ids=mission_ids, as_of=as_of)


def frame_for(user, *, country: str | None = None, mission: str | None = None, as_of: dt.date | None = None):
    """The incidents the user may read (optionally one country's or one mission's area) as an IncidentFrame."""
    return incident_frame.load_incident_frame(user, _scope(user, country, mission, as_of))


# --- alerts ------------------------------------------------------------------------------------------------

@dataclasses.dataclass
class ShownAlert:
    """An alert as computed, with the country row and its reviews by the user's readable missions."""

    alert: object
    country: Country | None
    reviews: list

    @property
    def status(self) -> str:
        return self.reviews[0].status if self.reviews else "open"


def alerts_computed(user, as_of: dt.date, *, country: str | None = None) -> list:
    """The early-warning alerts as of the day, computed from the incidents the user may read."""
    scope = _scope(user, country, None, as_of)
    frame = incident_frame.alert_frame(user, scope)
    if not len(frame):
        return []
    return early_warning.compute_alerts(frame, as_of, borders=incident_frame.border_context(as_of))


def alerts_shown(user, computed: list, *, mission: str | None = None) -> list[ShownAlert]:
    """Computed alerts as a user reads them: a mission's (when one is named), with their country and reviews."""
    if mission:
        # A mission sees the alerts in its area and those it is notified of by its neighbours.
        mission_id = mission_for(user, mission).pk
        computed = [a for a in computed if mission_id in tuple(a.mission_ids) + tuple(a.notified_mission_ids)]
    countries = {c.iso3: c for c in Country.objects.filter(iso3__in={a.country for a in computed})}
    reviews = reviews_by_key(user, [a.key for a in computed])
    return [ShownAlert(a, countries.get(a.country), sorted(reviews.get(a.key, []), key=lambda r: r.reviewed_at or
                                                             dt.datetime.min.replace(tzinfo=dt.UTC),
                                                             reverse=True))
            for a in computed]


def alerts_as_of(user, as_of: dt.date, *, country: str | None = None, mission: str | None = None) -> list[ShownAlert]:
    """The alerts as of the day, as the user reads them. A read only: opening the alerts page or API also
    tells the neighbours (services.alerts_seen)."""
    return alerts_shown(user, alerts_computed(user, as_of, country=country), mission=mission)


def alert_snapshot(shown: ShownAlert) -> dict:
    """What a review stores of an alert (services.alert_review)."""
    alert = shown.alert
    return {"key": alert.key, "kind": alert.kind, "country_id": shown.country.pk if shown.country else None,
            "admin1": alert.admin1 or "", "admin2": alert.admin2 or "", "score": float(alert.score),
            "since": alert.since, "evidence_ids": [int(i) for i in alert.evidence_ids],
            "mission_ids": [int(m) for m in alert.mission_ids],
            "notified_mission_ids": [int(m) for m in alert.notified_mission_ids]}


def alert_json(shown: ShownAlert) -> dict:
    alert = shown.alert
    return {"key": alert.key, "kind": alert.kind, "country": alert.country, "admin1": alert.admin1,
            "admin2": alert.admin2, "score": round(float(alert.score), 3),
            "since": alert.since.isoformat() if alert.since else None,
            "evidence_ids": [int(i) for i in alert.evidence_ids],
            "mission_ids": [int(m) for m in alert.mission_ids],
            "notified_mission_ids": [int(m) for m in alert.notified_mission_ids],
            "status": shown.status,
            "reviews": [{"id": r.pk, "status": r.status, "note": r.note, "mission": r.owning_mission_id,
                         "by": r.reviewed_by.username if r.reviewed_by else None,
                         "at": r.reviewed_at.isoformat() if r.reviewed_at else None} for r in shown.reviews]}


# --- trends and hotspots -----------------------------------------------------------------------------------

def _check_unit(unit: str) -> None:
    if unit not in trends.UNITS:
        raise AnalysisInputError("unit", _("Choose a unit among: %(units)s.") % {"units": ", ".join(trends.UNITS)})


def trends_as_of(user, as_of: dt.date, *, unit: str = "admin1", freq: str = "month", grouping: str | None = None,
                 country: str | None = None, mission: str | None = None, first: dt.date | None = None):
    _check_unit(unit)
    if freq not in trends.FREQS:
        raise AnalysisInputError("freq", _("Choose month or week."))
    if grouping not in trends.GROUPINGS:
        raise AnalysisInputError("by", _("Choose category, actor or nothing."))
    frame = frame_for(user, country=country, mission=mission, as_of=as_of)
    return trends.trend_table(frame, as_of, unit=unit, freq=freq, grouping=grouping, first=first,
                              regions_of_mission=_regions_of_mission() if unit == "region" else None)


def _regions_of_mission() -> dict[int, list[str]]:
    """Mission id -> names of its regions (registry facts), for trends per region."""
    regions: dict[int, list[str]] = {}
    for mission_id, name in Mission.regions.through.objects.values_list("mission_id", "region__name"):
        regions.setdefault(mission_id, []).append(name)
    return regions


def hotspots_as_of(user, as_of: dt.date, *, unit: str = "admin1", country: str | None = None,
                   mission: str | None = None):
    _check_unit(unit)
    frame = frame_for(user, country=country, mission=mission, as_of=as_of)
    return trends.hotspots(frame, as_of, unit=unit)


def trends_json(table) -> dict:
    return {"freq": table.freq, "unit": table.unit_kind, "by": table.grouping,
            "periods": [p.isoformat() for p in table.periods],
            "rows": [{"unit": r.unit, "group": r.group, "counts": list(r.counts), "deaths": list(r.deaths)}
                     for r in table.rows]}


def hotspot_json(h) -> dict:
    return {"unit": h.unit, "period": h.period.isoformat(), "count": h.count, "expected": round(h.expected, 3),
            "p_value": h.p_value, "q_value": h.q_value, "is_hotspot": h.is_hotspot}


def divergence_json(d) -> dict:
    def side(span, evidence):
        return {"record": span.record_id, "area": span.area.name, "country": span.area.country,
                "mission": span.mission_id, "system": span.system, "level": span.level,
                "valid_from": span.valid_from.isoformat(),
                "valid_to": span.valid_to.isoformat() if span.valid_to else None, "evidence_ids": list(evidence)}
    return {"start": d.start.isoformat(), "end": d.end.isoformat() if d.end else None, "difference": d.difference,
            "first": side(d.first, d.evidence_first), "second": side(d.second, d.evidence_second)}


UNREADABLE = "the level on the other side is not readable"


def unreadable_json(u) -> dict:
    """A readable level facing a neighbour's level the reader may not read: never "agree", never its value."""
    mine = u.side
    return {"start": u.start.isoformat(), "end": u.end.isoformat() if u.end else None, "difference": None,
            "first": {"record": mine.record_id, "area": mine.area.name, "country": mine.area.country,
                      "mission": mine.mission_id, "system": mine.system, "level": mine.level,
                      "valid_from": mine.valid_from.isoformat(),
                      "valid_to": mine.valid_to.isoformat() if mine.valid_to else None},
            "second": {"area": u.other_area.name, "country": u.other_area.country, "mission": u.other_mission_id,
                       "level": None, "readable": False},
            "note": UNREADABLE}
