"""The long country-month panel and its yearly forecast windows (rolling origin).

The panel joins ``cm_history_1989_2017.parquet`` (UCDP state-based deaths, VIEWS layout, 1989-2017)
and every ``cm_actuals_YYYY.parquet`` of a folder into one history, checked once. A window is a
calendar year Y: the history up to October of Y-1 (month M, the challenge's cut-off) and the
actuals of January..December Y for the countries alive at M. A country born after M (Eritrea
in May 1993) has no history to forecast from, for the model and the benchmarks alike, so it is
left out of that year's scores; a state that ends during Y is scored on the months it lived.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .history import History, read_history, validate_history, year_month_to_month

LONG_HISTORY = "cm_history_1989_2017.parquet"
ACTUALS = re.compile(r"^cm_actuals_(\d{4})\.parquet$")


@dataclass(frozen=True)
class Window:
    year: int
    history: History
    actuals: pd.DataFrame  # month_id, country_id, outcome for the year scored


def panel_files(folder: str) -> list[str]:
    """The long history (when present) and every yearly actuals file, oldest first."""
    names = sorted(os.listdir(folder))
    files = [os.path.join(folder, LONG_HISTORY)] if LONG_HISTORY in names else []
    years = sorted(int(m.group(1)) for m in map(ACTUALS.match, names) if m)
    return files + [os.path.join(folder, f"cm_actuals_{y}.parquet") for y in years]


def load_panel(folder: str) -> History:
    """Every file of ``folder`` as one checked history (a country-month in two files is refused)."""
    files = panel_files(folder)
    if not files:
        raise FileNotFoundError(f"{folder}: neither {LONG_HISTORY} nor cm_actuals_YYYY.parquet files")
    frames = [read_history(path) for path in files]
    frames = [f.reset_index() if any(n is not None for n in f.index.names) else f for f in frames]
    source = f"{folder}/{{{', '.join(os.path.basename(f) for f in files)}}}"
    return validate_history(pd.concat(frames, ignore_index=True), source=source)


def cut(panel: History, last_month: int) -> History:
    """The panel as known at ``last_month``: later months dropped, countries born later left out."""
    column = last_month - panel.first_month
    if column < 0 or column >= panel.counts.shape[1]:
        raise ValueError(f"month {last_month} lies outside the panel ({panel.first_month}..{panel.last_month})")
    born = panel.starts <= column
    ends = panel.ends if panel.ends is not None else np.full(len(panel.country_ids), panel.counts.shape[1] - 1)
    return History(counts=panel.counts[born, :column + 1].copy(), country_ids=panel.country_ids[born],
                   first_month=panel.first_month, starts=panel.starts[born],
                   ends=np.minimum(ends[born], column))


def window(panel: History, year: int) -> Window:
    """Year ``year`` forecast from the panel up to October of ``year - 1``."""
    last_month = year_month_to_month(year - 1, 10)
    history = cut(panel, last_month)
    months = np.arange(year_month_to_month(year, 1), year_month_to_month(year, 12) + 1)
    if months[-1] > panel.last_month:
        raise ValueError(f"year {year}: the panel ends at month {panel.last_month}, before December {year}")
    columns = months - panel.first_month
    valid = panel.valid()
    rows = []
    for country in history.forecast_ids:
        i = int(np.searchsorted(panel.country_ids, country))
        lived = valid[i, columns]
        rows.append(pd.DataFrame({"month_id": months[lived], "country_id": int(country),
                                  "outcome": panel.counts[i, columns[lived]]}))
    actuals = pd.concat(rows, ignore_index=True).sort_values(["month_id", "country_id"], kind="stable")
    return Window(year=year, history=history, actuals=actuals.reset_index(drop=True).astype(np.int64))
