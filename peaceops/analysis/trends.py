"""Counts and fatalities over time, and hotspots against each area's own history (pure: no Django).

Documented in docs/early-warning.md. JMAC identifies trends and early-warning
indicators (seed 000, appendix 2; seed 002, early warning).

Units of analysis: ``country``, ``admin1`` (country + admin-1 name as imported), ``admin2``,
``grid`` (PRIO-GRID 0.5 degree cells), ``mission`` (missions whose area holds the incident; an
incident in two missions' areas counts in both) and ``region`` (through a mission -> regions
mapping the caller passes), or ``all``.

Grid: PRIO-GRID 0.5 degree, ``gid = row * 720 + col + 1`` with ``row = floor((lat + 90) / 0.5)``
and ``col = floor((lon + 180) / 0.5)`` (gid 1 is the south-west corner cell), exactly as UCDP
computes the ``priogrid_gid`` it ships with GED events, so our cells and imported data agree
without any extra dependency (H3 would need a library and would not match UCDP's cells).

Periods: ``month`` (calendar months) and ``week`` (ISO weeks starting Monday), by the incident's
start date (when it happened), among incidents *reported* on or before ``as_of``.

Hotspot test: see :func:`hotspots`.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from peaceops.analysis.frame import IncidentFrame, to_day

FREQS = ("month", "week")
UNITS = ("all", "country", "admin1", "admin2", "grid", "mission", "region")
GROUPINGS = (None, "category", "actor")
GRID_DEGREES = 0.5
GRID_COLUMNS = 720
EPOCH_MONDAY = np.datetime64("1970-01-05", "D")


# --------------------------------------------------------------------------- periods and cells


def period_of(days: np.ndarray, freq: str) -> np.ndarray:
    """Integer period numbers of datetime64[D] values: months since 1970-01, or weeks since the
    Monday 1970-01-05 (ISO weeks)."""
    if freq == "month":
        return days.astype("datetime64[M]").astype(np.int64)
    if freq == "week":
        return (days - EPOCH_MONDAY).astype(np.int64) // 7
    raise ValueError(f"unknown period {freq!r}: use one of {', '.join(FREQS)}")


def period_start(period: int, freq: str) -> dt.date:
    """First day of a period number from :func:`period_of`."""
    if freq == "month":
        return np.datetime64(int(period), "M").astype("datetime64[D]").astype(dt.date)
    return (EPOCH_MONDAY + np.timedelta64(int(period) * 7, "D")).astype(dt.date)


def last_complete_period(as_of: dt.date, freq: str) -> int:
    """The latest period that has ended on or before ``as_of``."""
    day = to_day(as_of)
    current = int(period_of(np.array([day]), freq)[0])
    next_start = to_day(period_start(current + 1, freq))
    return current if day + np.timedelta64(1, "D") == next_start else current - 1


def prio_grid_gid(latitude: np.ndarray, longitude: np.ndarray) -> np.ndarray:
    """PRIO-GRID cell ids (0.5 degree; UCDP's ``priogrid_gid``) of coordinates; 0 where unknown."""
    lat = np.asarray(latitude, dtype=np.float64)
    lon = np.asarray(longitude, dtype=np.float64)
    known = ~(np.isnan(lat) | np.isnan(lon))
    row = np.floor((np.clip(lat, -90, 89.999999) + 90) / GRID_DEGREES)
    col = np.floor((np.clip(lon, -180, 179.999999) + 180) / GRID_DEGREES)
    gid = np.where(known, row * GRID_COLUMNS + col + 1, 0)
    return np.nan_to_num(gid).astype(np.int64)


def area_codes(frame: IncidentFrame, level: int, extra: Sequence[np.ndarray] = ()
               ) -> tuple[np.ndarray, list[tuple[str, str, str]]]:
    """Code per incident of its area (country, admin1[, admin2], plus any ``extra`` columns such as
    the dataset) and the area names by code."""
    parts = [frame.country, frame.admin1] + ([frame.admin2] if level >= 2 else []) + list(extra)
    codes = np.zeros(len(frame), dtype=np.int64)
    for column in parts:
        column_codes, uniques = pd.factorize(column)
        codes = codes * (len(uniques) + 1) + column_codes
    codes, first = _factorize_first(codes)
    names = [(frame.country[i], frame.admin1[i], frame.admin2[i] if level >= 2 else "") for i in first]
    return codes, names


def _factorize_first(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Dense codes of ``values`` and, per code, the position of its first occurrence."""
    codes, uniques = pd.factorize(values)
    first = np.full(len(uniques), -1, dtype=np.int64)
    order = np.arange(len(values))[::-1]
    first[codes[order]] = order
    return codes.astype(np.int64), first


# --------------------------------------------------------------------------- trends


@dataclass(frozen=True)
class TrendRow:
    """One series: counts and fatalities per period for one unit (and one category or actor)."""

    unit: str
    group: str
    counts: tuple[int, ...]
    deaths: tuple[int, ...]


@dataclass(frozen=True)
class TrendTable:
    """Series over the same periods (``periods`` are the first days of each period)."""

    freq: str
    unit_kind: str
    grouping: str | None
    periods: tuple[dt.date, ...]
    rows: tuple[TrendRow, ...]


def unit_labels(frame: IncidentFrame, unit: str,
                regions_of_mission: Mapping[int, Sequence[str]] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(incident positions, unit label) pairs for a unit of analysis; an incident may appear
    under several units (missions, regions) or none (no coordinates for ``grid``)."""
    rows = np.arange(len(frame))
    if unit == "all":
        return rows, np.full(len(frame), "all", dtype=object)
    if unit == "country":
        return rows, frame.country
    if unit in ("admin1", "admin2"):
        level = 1 if unit == "admin1" else 2
        codes, names = area_codes(frame, level)
        labels = np.array([" / ".join(p for p in name if p) for name in names] or [""], dtype=object)
        return rows, labels[codes] if len(frame) else np.empty(0, dtype=object)
    if unit == "grid":
        gid = prio_grid_gid(frame.latitude, frame.longitude)
        known = gid > 0
        return rows[known], gid[known].astype(str).astype(object)
    if unit == "mission":
        return frame.mission_row, frame.mission_id.astype(str).astype(object)
    if unit == "region":
        links = zip(frame.mission_row.tolist(), frame.mission_id.tolist(), strict=True)
        pairs = [(row, region) for row, mission in links
                 for region in (regions_of_mission or {}).get(mission, ())]
        pairs = sorted(set(pairs))
        return (np.array([p[0] for p in pairs], dtype=np.int64),
                np.array([p[1] for p in pairs], dtype=object))
    raise ValueError(f"unknown unit {unit!r}: use one of {', '.join(UNITS)}")


def trend_table(frame: IncidentFrame, as_of: dt.date, *, unit: str = "admin1", freq: str = "month",
                grouping: str | None = None, first: dt.date | None = None,
                regions_of_mission: Mapping[int, Sequence[str]] | None = None) -> TrendTable:
    """Counts and fatalities (``deaths_best``) per period for every unit (and category or actor)
    among incidents reported on or before ``as_of``, from ``first`` (default: the earliest) to the
    period holding ``as_of``. Periods with nothing are zeros, so series line up."""
    if grouping not in GROUPINGS:
        raise ValueError(f"unknown grouping {grouping!r}: use category, actor or nothing")
    known = frame.known_at(as_of)
    if first is not None:
        known = known.select(known.start_date >= to_day(first))
    last = int(period_of(np.array([to_day(as_of)]), freq)[0])
    if not len(known):
        return TrendTable(freq, unit, grouping, (), ())
    periods_of_rows = period_of(known.start_date, freq)
    start = int(periods_of_rows.min()) if first is None else int(period_of(np.array([to_day(first)]), freq)[0])
    rows, labels = unit_labels(known, unit, regions_of_mission)
    if grouping == "category":
        groups = known.category[rows]
    elif grouping == "actor":
        rows, labels, groups = _expand_actors(known, rows, labels)
    else:
        groups = np.full(len(rows), "", dtype=object)
    table = pd.DataFrame({"unit": labels, "group": groups, "period": periods_of_rows[rows],
                          "deaths": known.deaths_best[rows]})
    table = table[(table.period >= start) & (table.period <= last)]
    summed = table.groupby(["unit", "group", "period"], sort=True).agg(count=("deaths", "size"),
                                                                        deaths=("deaths", "sum"))
    width = last - start + 1
    series = []
    for (unit_label, group), block in summed.groupby(level=[0, 1], sort=True):
        counts = np.zeros(width, dtype=np.int64)
        deaths = np.zeros(width, dtype=np.int64)
        positions = block.index.get_level_values(2).to_numpy() - start
        counts[positions] = block["count"].to_numpy()
        deaths[positions] = block["deaths"].to_numpy()
        series.append(TrendRow(str(unit_label), str(group), tuple(counts.tolist()), tuple(deaths.tolist())))
    periods = tuple(period_start(p, freq) for p in range(start, last + 1))
    return TrendTable(freq, unit, grouping, periods, tuple(series))


def _expand_actors(frame: IncidentFrame, rows: np.ndarray, labels: np.ndarray):
    """Repeat each (incident, unit) pair once per actor of the incident (incidents without one
    count under "")."""
    by_row: dict[int, list[str]] = {}
    for row, name in zip(frame.actor_row.tolist(), frame.actor_name.tolist(), strict=True):
        by_row.setdefault(row, []).append(name)
    out_rows, out_labels, out_groups = [], [], []
    for row, label in zip(rows.tolist(), labels.tolist(), strict=True):
        for name in by_row.get(row, [""]):
            out_rows.append(row)
            out_labels.append(label)
            out_groups.append(name)
    return (np.array(out_rows, dtype=np.int64), np.array(out_labels, dtype=object),
            np.array(out_groups, dtype=object))


# --------------------------------------------------------------------------- exceedance tests


def poisson_upper_tail(k: int, mean: float) -> float:
    """P(X >= k) for X ~ Poisson(mean), summed from the tail side so tiny values keep precision."""
    if k <= 0:
        return 1.0
    if mean <= 0:
        return 0.0
    return _upper_tail(k, mean, math.sqrt(mean), lambda i: i * math.log(mean) - mean - _lgamma(i + 1))


def negative_binomial_upper_tail(k: int, mean: float, variance: float) -> float:
    """P(X >= k) for a negative binomial with this mean and variance (> mean); Poisson otherwise."""
    if variance <= mean or mean <= 0:
        return poisson_upper_tail(k, mean)
    if k <= 0:
        return 1.0
    size = mean * mean / (variance - mean)
    prob = size / (size + mean)
    log_prob, log_fail = math.log(prob), math.log1p(-prob)

    def log_pmf(i: np.ndarray) -> np.ndarray:
        return _lgamma(i + size) - _lgamma(size) - _lgamma(i + 1) + size * log_prob + i * log_fail

    return _upper_tail(k, mean, math.sqrt(variance), log_pmf)


def _lgamma(values):
    values = np.asarray(values, dtype=np.float64)
    return np.vectorize(math.lgamma, otypes=[np.float64])(values) if values.ndim else math.lgamma(float(values))


def _upper_tail(k: int, mean: float, sd: float, log_pmf) -> float:
    if k <= mean:  # the tail is large: one minus the (short) lower sum is precise enough
        lower = np.exp(log_pmf(np.arange(0, k, dtype=np.float64))).sum()
        return float(min(1.0, max(0.0, 1.0 - lower)))
    span = int(60 * sd + 200)
    terms = np.exp(log_pmf(np.arange(k, k + span, dtype=np.float64)))
    return float(min(1.0, terms.sum()))


def benjamini_hochberg(p_values: Sequence[float]) -> np.ndarray:
    """Benjamini-Hochberg adjusted p-values (q-values), in the input order."""
    p = np.asarray(p_values, dtype=np.float64)
    if not len(p):
        return p
    order = np.argsort(p)
    ranked = p[order] * len(p) / np.arange(1, len(p) + 1)
    adjusted = np.minimum.accumulate(ranked[::-1])[::-1]
    q = np.empty_like(p)
    q[order] = np.minimum(adjusted, 1.0)
    return q


# --------------------------------------------------------------------------- hotspots


@dataclass(frozen=True)
class Hotspot:
    """One unit's latest period tested against its own earlier periods."""

    unit: str
    period: dt.date
    count: int
    expected: float
    variance: float
    p_value: float
    q_value: float
    is_hotspot: bool


def hotspots(frame: IncidentFrame, as_of: dt.date, *, unit: str = "admin1", freq: str = "month",
             min_history: int = 6, history: int = 24, q: float = 0.05, min_count: int = 3,
             regions_of_mission: Mapping[int, Sequence[str]] | None = None) -> list[Hotspot]:
    """Units whose count in the latest complete period is unusually high for them.

    Test (seed 002, early warning): for each unit, the count of incidents in the
    latest period that ended on or before ``as_of`` is compared with the unit's own previous
    ``history`` periods (at most; zeros included from the unit's first incident on). Mean and
    variance come from those periods; the one-sided p-value is P(X >= count) under a negative
    binomial with that mean and variance (conflict counts are overdispersed: a Poisson test would
    flag every ordinary fluctuation), or a Poisson when the history shows no overdispersion. The
    mean is floored at 0.5 / periods so a unit with a quiet history can still be tested. Units
    with fewer than ``min_history`` earlier periods are not tested (no baseline to speak of).
    Because hundreds of areas are tested at once, the p-values are adjusted with
    Benjamini-Hochberg and a unit is a hotspot when its q-value is at most ``q`` (false
    discovery rate 5%: a JMAC can live with one in twenty flagged areas being ordinary, while a
    family-wise Bonferroni control would miss real surges in large missions) and its count is at
    least ``min_count``. Sorted by p-value.
    """
    latest = last_complete_period(as_of, freq)
    table = trend_table(frame, as_of, unit=unit, freq=freq, regions_of_mission=regions_of_mission)
    if not table.periods:
        return []
    offset = int(period_of(np.array([to_day(table.periods[0])]), freq)[0])
    latest_index = latest - offset
    results = []
    for row in table.rows:
        counts = np.asarray(row.counts)
        nonzero = np.flatnonzero(counts)
        if latest_index < 0 or not len(nonzero):
            continue
        begin = max(int(nonzero[0]), latest_index - history)
        past = counts[begin:latest_index]
        if len(past) < min_history:
            continue
        observed = int(counts[latest_index])
        mean = max(float(past.mean()), 0.5 / len(past))
        variance = float(past.var(ddof=1)) if len(past) > 1 else mean
        p_value = negative_binomial_upper_tail(observed, mean, variance)
        results.append((row.unit, observed, mean, variance, p_value))
    q_values = benjamini_hochberg([r[4] for r in results])
    period = period_start(latest, freq)
    found = [Hotspot(unit_label, period, observed, mean, variance, p_value, float(q_value),
                     bool(q_value <= q and observed >= min_count))
             for (unit_label, observed, mean, variance, p_value), q_value in zip(results, q_values, strict=True)]
    return sorted(found, key=lambda h: (h.p_value, h.unit))
