"""Refresh the stored country-month forecasts from the incidents (UCDP state-based deaths).

The history is the UCDP GED events in the database (dataset "ucdp-ged" as the importer names it, type of violence 1,
"State-based conflict": peaceops.incidents.taxonomy.UCDP_TYPE_NAMES), best estimate of deaths,
summed per country and calendar month of the event's start, every month from the first event to
the last history month (zero where nothing happened: the forecaster refuses gaps rather than
guessing). It runs through the forecaster (peaceops.analysis.forecasting) and stores the mean,
median, p10 and p90 per country-month (CountryForecast). The country id given to the forecaster is
the registry's Country id: the forecaster uses nothing but the history, so any stable id serves.
UCDP is public data, so the whole database is read, not one user's view.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from django.db.models import Sum
from django.db.models.functions import ExtractMonth, ExtractYear

from peaceops.analysis import forecasting
from peaceops.analysis.models import month_id_of
from peaceops.analysis.services import forecasts_store
from peaceops.core import clock
from peaceops.incidents.imports.formats.ucdp import DATASET as UCDP_DATASET
from peaceops.incidents.models import Incident
from peaceops.incidents.taxonomy import UCDP_TYPE_NAMES

STATE_BASED = UCDP_TYPE_NAMES[1]


class ForecastRefreshError(Exception):
    """Nothing to forecast from (no UCDP state-based event up to the last month)."""


def state_based_history(last_month: int, country_ids=None) -> pd.DataFrame:
    """``month_id, country_id, outcome``: every month from the first event to ``last_month`` per country."""
    events = Incident.objects.filter(dataset=UCDP_DATASET, source_category=STATE_BASED, country__isnull=False)
    if country_ids is not None:
        events = events.filter(country_id__in=list(country_ids))
    rows = (events.annotate(year=ExtractYear("start_date"), month=ExtractMonth("start_date"))
            .values("country_id", "year", "month").annotate(deaths=Sum("deaths_best")).order_by())
    sums = {}
    for row in rows:
        month_id = (row["year"] - 1980) * 12 + row["month"]
        if month_id <= last_month:
            sums[(month_id, row["country_id"])] = sums.get((month_id, row["country_id"]), 0) + int(row["deaths"] or 0)
    if not sums:
        raise ForecastRefreshError(f"no UCDP state-based event up to month {last_month}: nothing to forecast from")
    first = min(month for month, _ in sums)
    countries = sorted({country for _, country in sums})
    months = range(first, last_month + 1)
    return pd.DataFrame({
        "month_id": [m for m in months for _ in countries],
        "country_id": [c for _ in months for c in countries],
        "outcome": [sums.get((m, c), 0) for m in months for c in countries],
    })


def forecasts_refresh(*, actor, last_month: int | None = None, draws: int = 1000, seed: int = 0,
                      country_ids=None, today: dt.date | None = None) -> int:
    """Forecast M+3..M+14 from the history up to ``last_month`` (default: the month before the latest event)."""
    today = today or clock.today()
    if last_month is None:
        events = Incident.objects.filter(dataset=UCDP_DATASET, source_category=STATE_BASED)
        latest = events.order_by("-start_date").first()
        if latest is None:
            raise ForecastRefreshError("no UCDP state-based event in the database: import UCDP GED first")
        last_month = month_id_of(latest.start_date)
    history = state_based_history(last_month, country_ids)
    draws_df = forecasting.forecast_country_months(history, last_month, draws=draws, seed=seed, source="incidents")
    summaries = forecasting.summarise(draws_df).to_dict("records")
    return forecasts_store(actor=actor, summaries=summaries, run_on=today, last_history_month=last_month, draws=draws)
