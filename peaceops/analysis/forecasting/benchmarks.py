"""The three VIEWS benchmarks as exact distributions, from the same history as the model.

- zero: all mass on 0 deaths;
- last historical value as Poisson: Poisson with rate = the country's last month;
- conflictology: the country's own last 12 months, each with weight 1/12 (the challenge draws
  from them; here the exact empirical distribution is scored). With fewer than 12 months of
  history it uses what there is.
Every benchmark forecasts the same distribution for each of the 12 months ahead.
"""

from __future__ import annotations

from .distributions import Discrete, empirical, poisson
from .history import History

CONFLICTOLOGY_MONTHS = 12
NAMES = ("zero", "last_poisson", "conflictology")


def benchmark_distributions(history: History) -> dict[str, dict[int, Discrete]]:
    """{benchmark name: {country_id: distribution}}."""
    out: dict[str, dict[int, Discrete]] = {name: {} for name in NAMES}
    for i, country in enumerate(history.country_ids):
        series = history.series(i)
        out["zero"][int(country)] = Discrete.point(0.0)
        out["last_poisson"][int(country)] = poisson(float(series[-1]))
        out["conflictology"][int(country)] = empirical(series[-CONFLICTOLOGY_MONTHS:])
    return out
