"""Which missions' areas an incident falls in (issue 3, "mission(s) whose area it falls in").

Rule: an incident falls in the area of every mission whose host countries include the
incident's country and whose mandate dates (start_date .. end_date, or open-ended) cover the
incident's start date. An incident without a country falls in no mission's area.

Pure module: no Django imports. Callers pass plain values (ids, dates) so the importer can
assign missions to 100,000s of rows without a query per row, and the entry form, API and
sitrep use the same rule.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class MissionSpan:
    """What the rule needs to know about a mission: its id, host countries and dates."""

    mission_id: int
    country_ids: frozenset[int]
    start_date: date
    end_date: date | None = None

    def covers(self, day: date) -> bool:
        return self.start_date <= day and (self.end_date is None or day <= self.end_date)


class MissionAreas:
    """An index of mission spans by country, for fast repeated lookups during an import."""

    def __init__(self, spans: Iterable[MissionSpan]):
        self._by_country: Mapping[int, list[MissionSpan]] = defaultdict(list)
        for span in spans:
            for country_id in span.country_ids:
                self._by_country[country_id].append(span)

    def missions_for(self, country_id: int | None, start_date: date) -> list[int]:
        """Ids of the missions whose area holds an incident in this country on this day, sorted."""
        if country_id is None:
            return []
        return sorted(span.mission_id for span in self._by_country.get(country_id, ()) if span.covers(start_date))


def missions_for_incident(spans: Sequence[MissionSpan], country_id: int | None, start_date: date) -> list[int]:
    """One-off form of :class:`MissionAreas` for a single incident (entry form, API)."""
    return MissionAreas(spans).missions_for(country_id, start_date)


def spans_from_missions(missions) -> list[MissionSpan]:
    """Build spans from Mission objects with ``host_countries`` prefetched (duck-typed, no Django import)."""
    return [
        MissionSpan(
            mission_id=m.pk,
            country_ids=frozenset(c.pk for c in m.host_countries.all()),
            start_date=m.start_date,
            end_date=m.end_date,
        )
        for m in missions
    ]
