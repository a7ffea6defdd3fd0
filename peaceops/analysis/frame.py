"""The incidents an analysis works on, as numpy columns (pure: no Django).

An :class:`IncidentFrame` is what :mod:`peaceops.analysis.incident_frame` reads from the
database for one user (visibility already applied) and what the pure analyses
(:mod:`peaceops.analysis.trends`, :mod:`peaceops.analysis.early_warning`) take. Columns rather
than model instances: the early-warning benchmark computes alerts over 1,000,000 incidents in
under 2 s, which rules out a Python object per incident.

Incident-to-many links (actors, missions whose area holds the incident) are kept in long form:
one row per link, ``*_row`` holding the position of the incident in the frame.

``report_date`` is the date the incident became known: its ``reported_on``, or its end date for
datasets that carry no report date (UCDP GED, ACLED). Every as-of analysis reads only rows with
``report_date <= as_of``: a replay must show what was known at the date, not what was learned later.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields

import numpy as np

# Actor kinds (peaceops.incidents.models.Actor.Kind values) that are not armed actors; every
# other kind (state, armed group, militia, other/unknown: most imported armed groups) is one.
UNARMED_ACTOR_KINDS = frozenset({"civilians", "protesters", "un", "humanitarian"})

INCIDENT_COLUMNS = ("id", "report_date", "start_date", "country", "admin1", "admin2", "latitude", "longitude",
                    "category", "deaths_best", "dataset")
ACTOR_COLUMNS = ("actor_row", "actor_id", "actor_name", "actor_kind")
MISSION_COLUMNS = ("mission_row", "mission_id")


def to_day(value: dt.date | str | np.datetime64) -> np.datetime64:
    """A date (or ``YYYY-MM-DD``) as numpy ``datetime64[D]``."""
    return np.datetime64(value, "D")


@dataclass(frozen=True, eq=False)
class IncidentFrame:
    """Incidents as parallel numpy columns; one position per incident.

    - ``id`` int64: Incident primary key (the evidence an alert cites);
    - ``report_date``, ``start_date`` datetime64[D];
    - ``country`` (ISO3, "" when unknown), ``admin1``, ``admin2`` (names as imported), ``category``
      (peaceops.incidents.taxonomy.Category values): object arrays of str;
    - ``latitude``, ``longitude`` float64 (NaN when unknown);
    - ``deaths_best`` int64;
    - ``dataset`` (Incident.dataset: "joc", "ucdp-ged", "acled"...) object array of str: datasets
      name areas their own way and start at different dates, so baselines are kept per dataset;
    - actors, long form: ``actor_row`` (position of the incident) int64, ``actor_id`` int64,
      ``actor_name``, ``actor_kind`` object arrays of str;
    - missions whose area holds the incident, long form: ``mission_row`` int64, ``mission_id`` int64.
    """

    id: np.ndarray
    report_date: np.ndarray
    start_date: np.ndarray
    country: np.ndarray
    admin1: np.ndarray
    admin2: np.ndarray
    latitude: np.ndarray
    longitude: np.ndarray
    category: np.ndarray
    deaths_best: np.ndarray
    dataset: np.ndarray
    actor_row: np.ndarray
    actor_id: np.ndarray
    actor_name: np.ndarray
    actor_kind: np.ndarray
    mission_row: np.ndarray
    mission_id: np.ndarray

    def __len__(self) -> int:
        return len(self.id)

    @classmethod
    def empty(cls) -> IncidentFrame:
        return cls.from_records([])

    @classmethod
    def from_records(cls, records: Iterable[Mapping]) -> IncidentFrame:
        """Build a frame from dicts (tests, small imports): keys as the columns, plus ``actors``
        (a list of ``(actor_id, name, kind)``) and ``missions`` (a list of mission ids).
        ``report_date`` defaults to ``end_date``, then to ``start_date``."""
        records = list(records)
        columns: dict[str, list] = {name: [] for name in INCIDENT_COLUMNS + ACTOR_COLUMNS + MISSION_COLUMNS}
        for row, record in enumerate(records):
            start = record["start_date"]
            report = record.get("report_date") or record.get("end_date") or start
            columns["id"].append(record["id"])
            columns["report_date"].append(to_day(report))
            columns["start_date"].append(to_day(start))
            for name in ("country", "admin1", "admin2"):
                columns[name].append(record.get(name) or "")
            lat, lon = record.get("latitude"), record.get("longitude")
            columns["latitude"].append(np.nan if lat is None else float(lat))
            columns["longitude"].append(np.nan if lon is None else float(lon))
            columns["category"].append(record.get("category") or "other")
            columns["deaths_best"].append(int(record.get("deaths_best") or 0))
            columns["dataset"].append(record.get("dataset") or "joc")
            for actor_id, name, kind in record.get("actors", ()):
                columns["actor_row"].append(row)
                columns["actor_id"].append(actor_id)
                columns["actor_name"].append(name)
                columns["actor_kind"].append(kind)
            for mission_id in record.get("missions", ()):
                columns["mission_row"].append(row)
                columns["mission_id"].append(mission_id)
        return cls.from_columns(columns)

    @classmethod
    def from_columns(cls, columns: Mapping[str, Iterable]) -> IncidentFrame:
        """Build a frame from sequences (lists or arrays), converting each to its dtype."""
        kinds = {"id": np.int64, "report_date": "datetime64[D]", "start_date": "datetime64[D]",
                 "latitude": np.float64, "longitude": np.float64, "deaths_best": np.int64,
                 "actor_row": np.int64, "actor_id": np.int64, "mission_row": np.int64, "mission_id": np.int64}
        values = {}
        for field in fields(cls):
            column = columns[field.name]
            dtype = kinds.get(field.name, object)
            if dtype is object:
                array = np.empty(len(column), dtype=object)
                array[:] = list(column)
            else:
                array = np.asarray(column, dtype=dtype)
            values[field.name] = array
        frame = cls(**values)
        frame.check()
        return frame

    def check(self) -> None:
        """Raise ValueError when the columns disagree in length or links point outside the frame."""
        size = len(self.id)
        for name in INCIDENT_COLUMNS:
            if len(getattr(self, name)) != size:
                raise ValueError(f"column {name} has {len(getattr(self, name))} rows, id has {size}")
        for group in (ACTOR_COLUMNS, MISSION_COLUMNS):
            lengths = {len(getattr(self, name)) for name in group}
            if len(lengths) != 1:
                raise ValueError(f"columns {', '.join(group)} differ in length")
        for name in ("actor_row", "mission_row"):
            rows = getattr(self, name)
            if len(rows) and (rows.min() < 0 or rows.max() >= size):
                raise ValueError(f"{name} points outside the frame")

    def select(self, mask: np.ndarray) -> IncidentFrame:
        """The sub-frame of the rows where ``mask`` is true, links renumbered."""
        mask = np.asarray(mask, dtype=bool)
        new_position = np.cumsum(mask) - 1
        values = {name: getattr(self, name)[mask] for name in INCIDENT_COLUMNS}
        for row_name, group in (("actor_row", ACTOR_COLUMNS), ("mission_row", MISSION_COLUMNS)):
            rows = getattr(self, row_name)
            keep = mask[rows] if len(rows) else np.zeros(0, dtype=bool)
            for name in group:
                values[name] = getattr(self, name)[keep]
            values[row_name] = new_position[rows[keep]]
        return IncidentFrame(**values)

    def known_at(self, as_of: dt.date | np.datetime64) -> IncidentFrame:
        """The incidents reported on or before ``as_of`` (what the JMAC could know that day)."""
        return self.select(self.report_date <= to_day(as_of))

    def concat(self, other: IncidentFrame) -> IncidentFrame:
        """This frame followed by ``other`` (link rows of ``other`` shifted)."""
        values = {}
        for name in INCIDENT_COLUMNS + ACTOR_COLUMNS + MISSION_COLUMNS:
            values[name] = np.concatenate([getattr(self, name), getattr(other, name)])
        values["actor_row"] = np.concatenate([self.actor_row, other.actor_row + len(self)]).astype(np.int64)
        values["mission_row"] = np.concatenate([self.mission_row, other.mission_row + len(self)]).astype(np.int64)
        return IncidentFrame(**values)

    def missions_of_rows(self, rows: np.ndarray) -> list[int]:
        """Sorted ids of the missions whose area holds any of the incidents at ``rows``."""
        if not len(self.mission_row):
            return []
        hit = np.isin(self.mission_row, rows)
        return sorted(int(m) for m in np.unique(self.mission_id[hit]))
