"""Country-month forecast skill against the three VIEWS benchmarks, rolling origin 1993-2022.

The panel is ``cm_history_1989_2017.parquet`` joined with every ``cm_actuals_YYYY.parquet``. For each
year 1993..2022 the history is cut at October of the year before; the model's settings are chosen
from what was known at that cut-off only (``evaluation.rolling``); the model forecasts
January..December (1000 draws) and is scored from its draws, the benchmarks (zero, last value as
Poisson, conflictology) from their exact distributions, from the same history in the same run.
Targets: pooled CRPS <= 0.93x the best benchmark's; every window <= 1.05x; <= 0.97x in at least 20
of 30; pooled ignorance and MIS no worse than the best benchmark's; at five seeds. Also timed: one
1000-draw forecast for every country.

Needs ../shared/data/views (relative to the project folder). ``--quick``: one seed, 200 draws.
Run with ``peaceops bench [--quick] [--only forecast_skill]``.
"""

import os
import platform
import time
from pathlib import Path

NAME = "forecast_skill"
YEARS = range(1993, 2023)
SEEDS = (0, 1, 2, 3, 4)
VIEWS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "views"


def run(quick: bool) -> dict:
    from peaceops.analysis.forecasting import evaluation
    from peaceops.analysis.forecasting.panel import load_panel

    draws = 200 if quick else 1000
    seeds = SEEDS[:1] if quick else SEEDS
    if not VIEWS.is_dir():
        # Reported as skipped, which ``peaceops bench`` counts as a failure unless --allow-missed.
        return {"name": NAME, "skipped": f"{VIEWS} not found", "table": []}
    panel = load_panel(str(VIEWS))
    table, by_seed, windows, seconds = [], {}, {}, {}
    for seed in seeds:
        started = time.perf_counter()
        results = evaluation.rolling(panel, YEARS, draws=draws, seed=seed)
        seconds[seed] = round(time.perf_counter() - started, 1)
        check = evaluation.check_targets(results)
        by_seed[seed] = {"pooled_ratio": round(check.pooled_ratio, 4), "worst_window": round(check.worst_window, 4),
                         "windows_at_most_0_97": check.windows_at_most(0.97),
                         "ignorance": [round(x, 4) for x in check.ignorance], "mis": [round(x, 2) for x in check.mis],
                         "rolling_s": seconds[seed]}
        if seed == seeds[0]:
            for year, result in results.items():
                skill = evaluation.skill_table(result.scores)
                windows[year] = {"setting": result.params.label(), "scores": skill.round(4).to_dict("index"),
                                 "ratio_to_best_benchmark": round(check.window_ratios[year], 4)}
                table.append({"metric": f"{year} model / zero / Poisson / conflictology CRPS ({result.params.label()})",
                              "unit": "", "value": " / ".join(f"{v:.3f}" for v in skill.crps),
                              "target": "model <= 1.05x best", "met": check.window_ratios[year] <= 1.05})
    pooled = [c["pooled_ratio"] for c in by_seed.values()]
    table += [
        {"metric": "pooled CRPS / best benchmark (min-max over seeds)", "unit": "",
         "value": f"{min(pooled):.4f}-{max(pooled):.4f}", "target": "<= 0.93", "met": max(pooled) <= 0.93},
        {"metric": "worst window CRPS / best benchmark (max over seeds)", "unit": "",
         "value": max(c["worst_window"] for c in by_seed.values()), "target": "<= 1.05",
         "met": all(c["worst_window"] <= 1.05 for c in by_seed.values())},
        {"metric": "windows <= 0.97x best benchmark (min over seeds)", "unit": "of 30",
         "value": min(c["windows_at_most_0_97"] for c in by_seed.values()), "target": ">= 20",
         "met": all(c["windows_at_most_0_97"] >= 20 for c in by_seed.values())},
        {"metric": "pooled ignorance, MIS no worse than the best benchmark (every seed)", "unit": "",
         "value": "; ".join(f"{c['ignorance'][0]:.3f}/{c['mis'][0]:.1f}" for c in by_seed.values()),
         "target": f"<= {by_seed[seeds[0]]['ignorance'][1]:.3f} / {by_seed[seeds[0]]['mis'][1]:.1f}",
         "met": all(c["ignorance"][0] <= c["ignorance"][1] and c["mis"][0] <= c["mis"][1] for c in by_seed.values())},
    ]
    forecast_s = _time_one_forecast(draws)
    table.append({"metric": f"forecast every country x 12 months x {draws} draws", "value": round(forecast_s, 2),
                  "unit": "s", "target": "< 60 s", "met": forecast_s < 60})
    return {"name": NAME, "quick": quick, "draws": draws, "seeds": by_seed, "windows": windows,
            "forecast_s": round(forecast_s, 3), "rolling_s": seconds,
            "environment": {"python": platform.python_version(), "cpus": os.cpu_count(),
                            "load_average": [round(x, 2) for x in os.getloadavg()]},
            "table": table}


def _time_one_forecast(draws: int) -> float:
    import pandas as pd

    from peaceops.analysis.forecasting import forecast_country_months
    from peaceops.analysis.forecasting.history import year_month_to_month
    from peaceops.analysis.forecasting.panel import panel_files

    files = [f for f in panel_files(str(VIEWS)) if not f.endswith("cm_actuals_2022.parquet")]
    history = pd.concat([pd.read_parquet(f).reset_index() for f in files], ignore_index=True)
    started = time.perf_counter()
    forecast_country_months(history, year_month_to_month(2021, 10), draws=draws, seed=0)
    return time.perf_counter() - started


if __name__ == "__main__":
    import json
    import sys

    print(json.dumps(run("--quick" in sys.argv), indent=1, default=str))
