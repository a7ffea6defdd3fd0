"""``peaceops forecast country-month ...`` and ``peaceops forecast evaluate ...`` (issue 4, part 3).

country-month: draws for every country in a history file and every month M+3..M+14 (the VIEWS
prediction challenge's layout: month_id 1 = January 1980), from nothing but that file.
evaluate: the skill table (mean CRPS, ignorance, MIS) of the model and the three VIEWS
benchmarks per calendar year, each forecast from data up to October of the year before.
"""

import time

import pandas as pd
from django.core.management.base import BaseCommand, CommandError

from peaceops.analysis import forecasting
from peaceops.analysis.forecasting import evaluation


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
        ev.add_argument("--actuals", required=True, help="folder with cm_actuals_YYYY.parquet files")
        ev.add_argument("--years", type=int, nargs="+", required=True)
        ev.add_argument("--draws", type=int, default=1000)
        ev.add_argument("--seed", type=int, default=0)
        ev.add_argument("--protocol", choices=("fixed", "prequential"), default="fixed",
                        help="fixed: the default parameters; prequential: for each year, parameters chosen "
                             "on the earlier years only (the honest protocol, slower)")

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

    def _evaluate(self, actuals, years, draws, seed, protocol, **options):
        lines = [f"{'year':<6}{'forecaster':<15}{'CRPS':>10}{'IGN':>8}{'MIS':>11}   model CRPS lower by"]
        try:
            if protocol == "prequential":
                tables = {year: table for year, (_, table) in
                          evaluation.prequential(actuals, sorted(years), draws, seed).items()}
            else:
                tables = evaluation.evaluate(actuals, years, draws, seed)
        except (forecasting.HistoryError, FileNotFoundError, ValueError) as error:
            raise CommandError(str(error)) from None
        for year, table in tables.items():
            gains = evaluation.crps_gain(table)
            for name, row in table.iterrows():
                gain = "" if name == "model" else f"{gains[name]:+.1f}%"
                lines.append(f"{year:<6}{name:<15}{row.crps:>10.3f}{row.ignorance:>8.3f}{row.mis:>11.1f}   {gain}")
        self.stdout.write("\n".join(lines))
