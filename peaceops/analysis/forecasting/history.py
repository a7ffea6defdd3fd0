"""Reading and checking a country-month history before anything is forecast from it.

The layout is the VIEWS prediction challenge's: ``month_id`` (1 = January 1980), ``country_id``
(VIEWS/GW country ids), ``outcome`` (UCDP state-based deaths, "best"), as columns or as the index.
The forecaster refuses rather than guesses: every problem is reported
with the file, the row (1-based, in file order) and the field.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

COLUMNS = ("month_id", "country_id", "outcome")


class HistoryError(ValueError):
    """A history the forecaster will not use; the message names file, row and field."""

    def __init__(self, source: str, message: str, row: int | None = None, field: str | None = None):
        where = source
        if row is not None:
            where += f", row {row}"
        if field is not None:
            where += f", field {field!r}"
        super().__init__(f"{where}: {message}")
        self.source, self.row, self.field = source, row, field


@dataclass(frozen=True)
class History:
    """A checked history: one row per country, one column per month, no gaps (integers >= 0).

    A country lives from its first to its last row, without a missing month in between. States
    begin (South Sudan, 2011) and end (the USSR, 1991): cells outside a country's life hold 0 and
    are masked off by ``starts`` and ``ends``. Only the countries alive at the last month are
    forecast (``alive``); the others still teach the panel how conflicts evolve.
    """

    counts: np.ndarray  # shape (countries, months), int64
    country_ids: np.ndarray  # shape (countries,)
    first_month: int
    starts: np.ndarray  # index into months where each country's series begins
    ends: np.ndarray | None = None  # index of each country's last month (None: every country reaches the last)

    @property
    def last_month(self) -> int:
        return self.first_month + self.counts.shape[1] - 1

    @property
    def alive(self) -> np.ndarray:
        """Boolean per country: it has a row for the last month, so it is forecast."""
        if self.ends is None:
            return np.ones(len(self.country_ids), dtype=bool)
        return self.ends == self.counts.shape[1] - 1

    @property
    def forecast_ids(self) -> np.ndarray:
        return self.country_ids[self.alive]

    def valid(self) -> np.ndarray:
        """Boolean (countries, months): the cell lies within the country's life."""
        columns = np.arange(self.counts.shape[1])[None, :]
        ends = np.full(len(self.country_ids), self.counts.shape[1] - 1) if self.ends is None else self.ends
        return (columns >= self.starts[:, None]) & (columns <= ends[:, None])

    def series(self, i: int) -> np.ndarray:
        end = None if self.ends is None else int(self.ends[i]) + 1
        return self.counts[i, self.starts[i]:end]


def month_to_year_month(month_id: int) -> tuple[int, int]:
    """month_id 1 = January 1980 (the challenge's calendar)."""
    return 1980 + (month_id - 1) // 12, (month_id - 1) % 12 + 1


def year_month_to_month(year: int, month: int) -> int:
    return (year - 1980) * 12 + month


def read_history(path: str) -> pd.DataFrame:
    """Read a parquet history file (index or columns); errors name the file."""
    try:
        frame = pd.read_parquet(path)
    except FileNotFoundError:
        raise HistoryError(str(path), "file not found") from None
    except Exception as exc:  # pyarrow raises several types for a file that is not parquet
        raise HistoryError(str(path), f"not a readable parquet file ({exc.__class__.__name__}: {exc})") from None
    return frame


def _as_columns(frame: pd.DataFrame, source: str) -> pd.DataFrame:
    index_names = [n for n in frame.index.names if n is not None]
    if index_names:
        frame = frame.reset_index()
    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        raise HistoryError(source, f"missing column(s) {', '.join(missing)}; expected {', '.join(COLUMNS)} "
                                   "as columns or index", field=missing[0])
    return frame.loc[:, list(COLUMNS)].reset_index(drop=True)


def _integer_column(frame: pd.DataFrame, field: str, source: str, minimum: int) -> np.ndarray:
    values = pd.to_numeric(frame[field], errors="coerce").to_numpy(dtype=float)
    bad = np.isnan(values)
    if bad.any():
        row = int(np.flatnonzero(bad)[0])
        raise HistoryError(source, f"{frame[field].iloc[row]!r} is not a number", row=row + 1, field=field)
    bad = values != np.floor(values)
    if bad.any():
        row = int(np.flatnonzero(bad)[0])
        raise HistoryError(source, f"{values[row]!r} is not a whole number (counts of deaths are integers)",
                           row=row + 1, field=field)
    bad = values < minimum
    if bad.any():
        row = int(np.flatnonzero(bad)[0])
        raise HistoryError(source, f"{values[row]:g} is below {minimum}", row=row + 1, field=field)
    return values.astype(np.int64)


def validate_history(frame: pd.DataFrame, last_month: int | None = None, source: str = "history",
                     known_country_ids: set[int] | None = None) -> History:
    """Check a history and return it up to ``last_month`` (default: its last month).

    Refused: missing columns; non-numeric, non-integer or negative values; duplicate
    country-months; unknown country ids (when ``known_country_ids`` is given); a country whose
    months have a gap between its first and its last row; ``last_month`` beyond the data or
    before it. Accepted: a country that starts late or ends early (a state that begins or ends),
    even one that begins and ends within the history.
    """
    frame = _as_columns(frame, source)
    if frame.empty:
        raise HistoryError(source, "the history has no rows")
    months = _integer_column(frame, "month_id", source, minimum=1)
    countries = _integer_column(frame, "country_id", source, minimum=1)
    outcome = _integer_column(frame, "outcome", source, minimum=0)
    if known_country_ids is not None:
        unknown = ~np.isin(countries, np.fromiter(known_country_ids, dtype=np.int64))
        if unknown.any():
            row = int(np.flatnonzero(unknown)[0])
            raise HistoryError(source, f"unknown country id {countries[row]}", row=row + 1, field="country_id")
    keys = pd.DataFrame({"m": months, "c": countries})
    duplicated = keys.duplicated().to_numpy()
    if duplicated.any():
        row = int(np.flatnonzero(duplicated)[0])
        raise HistoryError(source, f"country {countries[row]} month {months[row]} appears twice",
                           row=row + 1, field="month_id")
    data_last = int(months.max())
    if last_month is None:
        last_month = data_last
    if last_month > data_last:
        raise HistoryError(source, f"last month {last_month} is beyond the data, which ends at month {data_last}",
                           field="month_id")
    keep = months <= last_month
    if not keep.any():
        raise HistoryError(source, f"last month {last_month} is before the data, which starts at month "
                                   f"{int(months.min())}", field="month_id")
    return _to_matrix(months[keep], countries[keep], outcome[keep], np.flatnonzero(keep), last_month, source)


def _to_matrix(months, countries, outcome, rows, last_month, source) -> History:
    first = int(months.min())
    width = last_month - first + 1
    ids = np.unique(countries)
    position = np.searchsorted(ids, countries)
    counts = np.full((len(ids), width), -1, dtype=np.int64)
    counts[position, months - first] = outcome
    starts = np.zeros(len(ids), dtype=np.int64)
    ends = np.zeros(len(ids), dtype=np.int64)
    for i, country in enumerate(ids):
        present = counts[i] >= 0
        start = int(np.argmax(present))
        end = width - 1 - int(np.argmax(present[::-1]))
        holes = np.flatnonzero(~present[start:end + 1])
        if holes.size:
            missing = first + start + int(holes[0])
            own_rows = rows[countries == country]
            raise HistoryError(source, f"gap: country {country} has no row for month {missing} "
                                       f"(its rows start at row {int(own_rows.min()) + 1}; a country needs "
                                       f"every month from its first row to its last)",
                               field="month_id")
        starts[i], ends[i] = start, end
    counts[counts < 0] = 0
    return History(counts=counts, country_ids=ids, first_month=first, starts=starts, ends=ends)
