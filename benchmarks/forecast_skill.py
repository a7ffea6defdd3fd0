"""Country-month forecast skill against the three VIEWS benchmarks (issue 4, part 3).

For each calendar year 2019..2022: the history is every ``cm_actuals_YYYY.parquet`` before it, cut
at October of the year before; the model forecasts January..December (1000 draws, seed 0) and is
scored from its draws; the benchmarks (zero, last value as Poisson, conflictology) from their
exact distributions, from the same history in the same run. Target: a mean CRPS at least 3%
below every benchmark's in every year. Also timed: one 1000-draw forecast for every country.

Needs ../shared/data/views (relative to the project folder). ``--quick``: 200 draws.
Run with ``peaceops bench [--quick] [--only forecast_skill]``.
"""

import os
import platform
import time
from pathlib import Path

NAME = "forecast_skill"
YEARS = (2019, 2020, 2021, 2022)
TARGET_GAIN_PERCENT = 3.0
VIEWS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "views"


def run(quick: bool) -> dict:
    from peaceops.analysis.forecasting import evaluation

    draws = 200 if quick else 1000
    if not VIEWS.is_dir():
        return {"name": NAME, "skipped": f"{VIEWS} not found", "table": []}
    table, windows = [], {}
    for year in YEARS:
        window = evaluation.load_window(str(VIEWS), year)
        started = time.perf_counter()
        skill = evaluation.skill_table(evaluation.score_window(window, draws=draws, seed=0))
        seconds = time.perf_counter() - started
        gains = evaluation.crps_gain(skill)
        windows[year] = {"scores": skill.round(4).to_dict("index"), "crps_gain_percent": gains,
                         "forecast_and_score_s": round(seconds, 2), "history_months": window.history.counts.shape[1]}
        for name in skill.index:
            row = skill.loc[name]
            table.append({"metric": f"{year} {name}: CRPS / IGN / MIS", "unit": "",
                          "value": f"{row.crps:.3f} / {row.ignorance:.3f} / {row.mis:.1f}",
                          "target": "" if name == "model" else f"model CRPS >= {TARGET_GAIN_PERCENT}% lower",
                          "met": None if name == "model" else gains[name] >= TARGET_GAIN_PERCENT})
    started = time.perf_counter()
    honest = evaluation.prequential(str(VIEWS), YEARS, draws=draws, seed=0)
    prequential_s = time.perf_counter() - started
    for year, (params, skill) in honest.items():
        gains = evaluation.crps_gain(skill)
        windows[year]["prequential"] = {"parameters": params.__dict__, "scores": skill.round(4).to_dict("index"),
                                        "crps_gain_percent": gains}
        table.append({"metric": f"{year} prequential model: CRPS / IGN / MIS (gain over zero / Poisson / "
                                "conflictology)", "unit": "",
                      "value": f"{skill.loc['model', 'crps']:.3f} / {skill.loc['model', 'ignorance']:.3f} / "
                               f"{skill.loc['model', 'mis']:.1f} ({' / '.join(f'{g:+.1f}%' for g in gains.values())})",
                      "target": f">= {TARGET_GAIN_PERCENT}% lower than each",
                      "met": min(gains.values()) >= TARGET_GAIN_PERCENT})
    forecast_s = _time_one_forecast(draws)
    table.append({"metric": f"forecast every country x 12 months x {draws} draws", "value": round(forecast_s, 2),
                  "unit": "s", "target": "seconds", "met": forecast_s < 10})
    return {"name": NAME, "quick": quick, "draws": draws, "windows": windows, "forecast_s": round(forecast_s, 3),
            "prequential_s": round(prequential_s, 1),
            "environment": {"python": platform.python_version(), "cpus": os.cpu_count(),
                            "load_average": [round(x, 2) for x in os.getloadavg()]},
            "table": table}


def _time_one_forecast(draws: int) -> float:
    import pandas as pd

    from peaceops.analysis.forecasting import forecast_country_months
    from peaceops.analysis.forecasting.history import year_month_to_month

    history = pd.concat([pd.read_parquet(VIEWS / f"cm_actuals_{y}.parquet") for y in (2018, 2019, 2020, 2021)])
    started = time.perf_counter()
    forecast_country_months(history, year_month_to_month(2021, 10), draws=draws, seed=0)
    return time.perf_counter() - started


if __name__ == "__main__":
    import json
    import sys

    print(json.dumps(run("--quick" in sys.argv), indent=1, default=str))
