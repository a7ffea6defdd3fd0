"""``peaceops forecast country-month ...`` and ``peaceops forecast evaluate ...``.

country-month: draws for every country alive at the last month of a history file and every month
M+3..M+14 (the VIEWS prediction challenge's layout: month_id 1 = January 1980), from nothing but
that file.
evaluate: the skill table (mean CRPS, ignorance, MIS) of the model and the three VIEWS
benchmarks per calendar year, each forecast from data up to October of the year before; with
``--protocol rolling`` every setting is chosen from what was known at each year's cut-off.
"""

import re
import time

import pandas as pd
from django.core.management.base import BaseCommand, CommandError

from peaceops.analysis import forecasting
from peaceops.analysis.forecasting import evaluation, skill
from peaceops.analysis.forecasting.benchmarks import NAMES as BENCHMARKS
from peaceops.analysis.forecasting.panel import load_panel, window


def _known_country_ids(path: str | None) -> set[int] | None:
    """Country ids from a CSV with a ``country_id`` column (e.g. the challenge's views_country_ids.csv)."""
    if not path:
        return None
    try:
        table = pd.read_csv(path)
    except (OSError, ValueError) as error:
        raise CommandError(f"{path}: cannot read the country id list ({error})") from None
    if "country_id" not in table.columns:
        raise CommandError(f"{path}: no 'country_id' column")
    return set(pd.to_numeric(table["country_id"], errors="coerce").dropna().astype(int))


def _years(tokens: list[str]) -> list[int]:
    """``1993-2022`` or ``2019 2020``: the calendar years to score."""
    years = set()
    for token in tokens:
        found = re.fullmatch(r"(\d{4})(?:-(\d{4}))?", token)
        if not found:
            raise CommandError(f"--years: {token!r} is neither a year nor a range such as 1993-2022")
        first, last = int(found.group(1)), int(found.group(2) or found.group(1))
        if last < first:
            raise CommandError(f"--years: {token!r} ends before it starts")
        years.update(range(first, last + 1))
    return sorted(years)


class Command(BaseCommand):
    help = "Country-month forecasts in the VIEWS prediction challenge layout, and their skill against its benchmarks."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        cm = sub.add_parser("country-month", help="forecast months M+3..M+14 for every country in a history file")
        cm.add_argument("--history", required=True,
                        help="parquet with month_id, country_id, outcome (columns or index)")
        cm.add_argument("--last-month", type=int, required=True,
                        help="M: the last month_id of data used (1 = Jan 1980)")
        cm.add_argument("--draws", type=int, default=1000)
        cm.add_argument("--seed", type=int, default=0)
        cm.add_argument("--out", required=True, help="parquet to write: month_id, country_id, draw, outcome")
        cm.add_argument("--country-ids", help="optional CSV with a country_id column; ids not in it are refused")
        ev = sub.add_parser("evaluate", help="skill table of the model and the VIEWS benchmarks per year")
        ev.add_argument("--actuals", required=True,
                        help="folder with cm_history_1989_2017.parquet and/or cm_actuals_YYYY.parquet files")
        ev.add_argument("--years", nargs="+", required=True, help="years or ranges: 1993-2022, or 2019 2020")
        ev.add_argument("--draws", type=int, default=1000)
        ev.add_argument("--seeds", "--seed", type=int, nargs="+", default=[0],
                        help="one or more seeds; the table is printed for the first, the pooled line for each")
        ev.add_argument("--protocol", choices=("fixed", "rolling"), default="rolling",
                        help="rolling: for each year, every setting chosen from data known at its cut-off "
                             "(the honest protocol); fixed: the default parameters for every year")
        ev.add_argument("--failures", action="store_true",
                        help="also print the five country-months that cost most in each window the model loses")
        ev.add_argument("--write-skill", action="store_true",
                        help="store the pooled figures (first seed) for the dashboard's skill statement")

    def handle(self, *args, action, **options):
        if action == "country-month":
            self._country_month(**options)
        else:
            self._evaluate(**options)

    def _country_month(self, history, last_month, draws, seed, out, country_ids, **options):
        if draws < 1:
            raise CommandError("--draws must be at least 1")
        started = time.perf_counter()
        try:
            frame = forecasting.read_history(history)
            result = forecasting.forecast_country_months(frame, last_month, draws, seed, source=history,
                                                         known_country_ids=_known_country_ids(country_ids))
        except forecasting.HistoryError as error:
            raise CommandError(str(error)) from None
        try:
            result.to_parquet(out, index=False)
        except OSError as error:
            raise CommandError(f"{out}: {error.strerror or error}") from None
        self.stderr.write(f"wrote {out}: {result.country_id.nunique()} countries x months "
                          f"{result.month_id.min()}..{result.month_id.max()} x {draws} draws "
                          f"in {time.perf_counter() - started:.1f} s")

    def _evaluate(self, actuals, years, draws, seeds, protocol, failures, write_skill, **options):
        years = _years(years)
        started = time.perf_counter()
        runs = {}
        try:
            panel = load_panel(actuals)
            for seed in seeds:
                if protocol == "rolling":
                    runs[seed] = evaluation.rolling(panel, years, draws, seed)
                else:
                    runs[seed] = {year: evaluation.WindowResult(year, evaluation.DEFAULT, evaluation.score_window(
                        window(panel, year), draws, seed)) for year in years}
        except (forecasting.HistoryError, FileNotFoundError, ValueError) as error:
            raise CommandError(str(error)) from None
        results = runs[seeds[0]]
        header = f"{'year':<6}{'setting':<75}" + "".join(
            f"{name + ' CRPS/IGN/MIS':>30}" for name in ("model", *BENCHMARKS)) + f"{'ratio':>8}"
        lines = [f"protocol {protocol}, {draws} draws, seed {seeds[0]}", header]
        for year, result in results.items():
            table = evaluation.skill_table(result.scores)
            cells = "".join(f"{row.crps:>12.3f}{row.ignorance:>7.3f}{row.mis:>11.1f}" for _, row in table.iterrows())
            lines.append(f"{year:<6}{result.params.label():<75}{cells}{evaluation.relative_crps(table):>8.3f}")
        table = evaluation.pooled(results)
        cells = "".join(f"{row.crps:>12.3f}{row.ignorance:>7.3f}{row.mis:>11.1f}" for _, row in table.iterrows())
        check = evaluation.check_targets(results)
        lines.append(f"{'pooled':<44}{cells}{check.pooled_ratio:>8.3f}")
        lines.append(f"pooled CRPS / best benchmark {check.pooled_ratio:.3f} (target <= 0.93); worst window "
                     f"{check.worst_window:.3f} (target <= 1.05); windows <= 0.97: {check.windows_at_most(0.97)} of "
                     f"{len(results)} (target >= 20); IGN {check.ignorance[0]:.3f} vs best {check.ignorance[1]:.3f}; "
                     f"MIS {check.mis[0]:.1f} vs best {check.mis[1]:.1f}")
        ratios = {seed: evaluation.check_targets(run) for seed, run in runs.items()}
        for seed, seed_check in ratios.items():
            lines.append(f"seed {seed}: pooled ratio {seed_check.pooled_ratio:.4f}, worst window "
                         f"{seed_check.worst_window:.3f}, windows <= 0.97: {seed_check.windows_at_most(0.97)}, "
                         f"IGN {seed_check.ignorance[0]:.3f}, MIS {seed_check.mis[0]:.1f}")
        if failures:
            for year, result in results.items():
                if check.window_ratios[year] > 0.97:
                    worst = evaluation.costliest(result)
                    lines.append(f"{year} (ratio {check.window_ratios[year]:.3f}): costliest country-months")
                    lines += [f"    month {int(r.month_id)} country {int(r.country_id)}: {int(r.outcome)} deaths, "
                              f"model {r.model:.1f} vs {worst.columns[4]} {r.iloc[4]:.1f}" for _, r in worst.iterrows()]
        if write_skill:
            path = skill.write(skill.summary(results, {seed: c.pooled_ratio for seed, c in ratios.items()}))
            lines.append(f"wrote {path}: {skill.statement(skill.read(path))}")
        lines.append(f"{time.perf_counter() - started:.0f} s")
        self.stdout.write("\n".join(lines))
