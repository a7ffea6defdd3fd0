"""Country-month forecasts in the layout of the VIEWS prediction challenge.

Pure (numpy/pandas only, no Django). The entry points the rest of the app uses:
:func:`forecast_country_months` (draws for every country alive at the last month of a history,
months M+3..M+14), :func:`summarise` (mean, median, p10, p90 per country-month) and
:func:`skill.statement` (the forecaster's measured skill in plain words).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import skill
from .history import History, HistoryError, read_history, validate_history
from .model import DEFAULT, HORIZONS, ModelParameters, forecast_draws

__all__ = ["HistoryError", "History", "ModelParameters", "forecast_country_months", "summarise",
           "draws_frame", "read_history", "validate_history", "skill"]


def draws_frame(history: History, draws: np.ndarray) -> pd.DataFrame:
    """Long layout month_id, country_id, draw, outcome from an array (countries, horizons, draws)."""
    countries, horizons, n = draws.shape
    months = history.last_month + np.array(HORIZONS)
    return pd.DataFrame({
        "month_id": np.repeat(np.tile(months, countries), n).astype(np.int64),
        "country_id": np.repeat(history.forecast_ids, horizons * n).astype(np.int64),
        "draw": np.tile(np.arange(n), countries * horizons).astype(np.int64),
        "outcome": draws.reshape(-1).astype(np.int64),
    }).sort_values(["month_id", "country_id", "draw"], kind="stable").reset_index(drop=True)


def forecast_country_months(history: pd.DataFrame, last_month: int, draws: int = 1000, seed: int = 0,
                            params: ModelParameters = DEFAULT, source: str = "history",
                            known_country_ids: set[int] | None = None) -> pd.DataFrame:
    """Forecast draws for every country alive at ``last_month`` and every month last_month+3..last_month+14
    (a state that ended earlier is left out; its months still inform the panel analogues).

    ``history`` holds month_id, country_id, outcome (columns or index); it is checked first and
    a :class:`HistoryError` names the row and field of anything the forecaster refuses.
    """
    if draws < 1:
        raise ValueError("draws must be at least 1")
    checked = validate_history(history, last_month, source=source, known_country_ids=known_country_ids)
    return draws_frame(checked, forecast_draws(checked, draws, seed, params))


def summarise(draws_df: pd.DataFrame) -> pd.DataFrame:
    """Per country-month: mean, median, p10 and p90 of the draws (for dashboards and reports)."""
    grouped = draws_df.groupby(["month_id", "country_id"])["outcome"]
    out = pd.DataFrame({
        "mean": grouped.mean(),
        "median": grouped.median(),
        "p10": grouped.quantile(0.10),
        "p90": grouped.quantile(0.90),
    })
    return out.reset_index()
