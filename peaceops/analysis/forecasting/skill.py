"""The forecaster's measured skill, as ``peaceops forecast evaluate --write-skill`` stored it.

The rolling evaluation (:func:`.evaluation.rolling`) writes ``skill.json`` beside this module; the
dashboard and the threat assessment read it to tell a reader, in plain words, how much the
forecasts they see are worth. Nothing here is typed in by hand: no file, no statement.
"""

from __future__ import annotations

import json
from pathlib import Path

from .benchmarks import NAMES as BENCHMARKS
from .evaluation import check_targets, interval_coverage, pooled

SKILL_FILE = Path(__file__).with_name("skill.json")


def summary(results, seeds_pooled_ratio: dict[int, float] | None = None) -> dict:
    """The figures a reader needs, from :func:`.evaluation.rolling`'s results (one seed)."""
    table = pooled(results)
    years = sorted(results)
    model = float(table.loc["model", "crps"])
    conflictology = float(table.loc["conflictology", "crps"])
    best = min(BENCHMARKS, key=lambda name: table.loc[name, "crps"])
    check = check_targets(results)
    return {
        "first_year": years[0], "last_year": years[-1], "windows": len(years),
        "country_months": int(sum((r.scores.forecaster == "model").sum() for r in results.values())),
        "model_crps": round(model, 4),
        "benchmark_crps": {name: round(float(table.loc[name, "crps"]), 4) for name in BENCHMARKS},
        "best_benchmark": best,
        "crps_lower_than_conflictology_percent": round(100 * (1 - model / conflictology), 1),
        "crps_lower_than_best_benchmark_percent": round(100 * (1 - check.pooled_ratio), 1),
        "windows_better_than_best_benchmark": check.windows_at_most(1.0),
        "p10_p90_coverage_percent": round(100 * interval_coverage(results), 1),
        "pooled_ratio_by_seed": {str(k): round(v, 4) for k, v in (seeds_pooled_ratio or {}).items()},
    }


def write(figures: dict, path: Path = SKILL_FILE) -> Path:
    path.write_text(json.dumps(figures, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return path


def read(path: Path = SKILL_FILE) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def statement(figures: dict | None = None) -> str | None:
    """One sentence for a reader who is not a forecaster (None when no evaluation was stored)."""
    figures = read() if figures is None else figures
    if not figures:
        return None
    lower = figures["crps_lower_than_conflictology_percent"]
    comparison = f"{lower:g}% lower" if lower >= 0 else f"{-lower:g}% higher"
    return (f"In {figures['windows']} past years ({figures['first_year']}-{figures['last_year']}), forecasting each "
            f"year from data up to the October before, this forecaster's error was {comparison} than repeating "
            f"the last 12 months; its 80% range (p10-p90) held the actual count in "
            f"{figures['p10_p90_coverage_percent']:g}% of country-months.")
