"""``peaceops bench [--quick] [--only NAME] [--allow-missed]``: run the benchmarks in benchmarks/, print their table.

A benchmark is a module ``benchmarks/NAME.py`` with ``run(quick: bool) -> dict``; the dict holds
``table``, a list of ``{"metric", "value", "unit", "target", "met"}`` rows to print, or
``skipped``, the reason it could not run (its data is absent). Each result is written whole to
``benchmarks/results/NAME-<UTC timestamp>.json``. Benchmarks set up their own throwaway data
folders: they never touch the database in PEACEOPS_HOME.

The command exits non-zero when a benchmark raises, misses a target, is skipped, or reports no
figures: a run whose targets are not checked must not pass for one whose targets are met.
``--allow-missed`` lets missed targets and skipped benchmarks through (a run on a busy or partial
machine, for its figures); a benchmark that raises or reports nothing still fails the run.
"""

import datetime as dt
import importlib.util
import json
import time
import traceback
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

import peaceops


def benchmarks_folder() -> Path:
    """benchmarks/ of the project: the working directory's, else the one beside the package (editable install)."""
    for candidate in (Path.cwd() / "benchmarks", Path(peaceops.__file__).resolve().parent.parent / "benchmarks"):
        if candidate.is_dir():
            return candidate
    raise CommandError("no benchmarks/ folder here: run 'peaceops bench' from the project's root")


def discover(folder: Path) -> dict[str, Path]:
    return {path.stem: path for path in sorted(folder.glob("*.py")) if not path.stem.startswith("_")}


def load_module(path: Path):
    spec = importlib.util.spec_from_file_location(f"peaceops_benchmarks.{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    if not callable(getattr(module, "run", None)):
        raise CommandError(f"{path}: a benchmark module must define run(quick: bool) -> dict")
    return module


def write_result(results_folder: Path, name: str, result: dict, when: dt.datetime | None = None) -> Path:
    """Write ``result`` to ``results_folder/NAME-YYYYmmddTHHMMSSZ.json``; return the path."""
    when = when or dt.datetime.now(dt.UTC)
    results_folder.mkdir(parents=True, exist_ok=True)
    path = results_folder / f"{name}-{when.strftime('%Y%m%dT%H%M%SZ')}.json"
    path.write_text(json.dumps({"benchmark": name, "finished": when.isoformat(), **result}, indent=2) + "\n")
    return path


def format_table(name: str, rows: list[dict]) -> str:
    """A plain-text table of a benchmark's rows; 'met' prints as ok / MISSED."""
    header = ("benchmark", "metric", "value", "unit", "target", "")
    lines = [header]
    for row in rows:
        value = row.get("value")
        shown = "-" if value is None else (_number(value) if isinstance(value, float) else str(value))
        met = {True: "ok", False: "MISSED", None: ""}[row.get("met")]
        lines.append((name, row["metric"], shown, row.get("unit", ""), row.get("target", ""), met))
    widths = [max(len(str(line[i])) for line in lines) for i in range(len(header))]
    aligned = []
    for line in lines:
        cells = [str(cell).rjust(width) if column == 2 else str(cell).ljust(width)
                 for column, (cell, width) in enumerate(zip(line, widths, strict=True))]
        aligned.append("  ".join(cells).rstrip())
    aligned.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(aligned)


def outcome(result: dict) -> tuple[str, list[dict]]:
    """(status, rows to print) of one result: status is "met", "missed", "skipped" or "empty".

    A skipped or empty result still gets a row, so the table always says what happened.
    """
    rows = list(result.get("table") or [])
    if result.get("skipped"):
        return "skipped", rows + [{"metric": f"SKIPPED: {result['skipped']}", "value": None}]
    if not rows:
        return "empty", [{"metric": "no figures reported (the benchmark returned no table)", "value": None}]
    return ("missed" if any(row.get("met") is False for row in rows) else "met"), rows


def _number(value: float) -> str:
    return f"{value:,.2f}" if abs(value) < 10 else f"{value:,.1f}"


class Command(BaseCommand):
    help = ("Run the benchmarks in benchmarks/ (each in throwaway data folders), write JSON results, print a "
            "table. Exits 1 when a benchmark fails, misses a target, is skipped (its data is absent) or reports "
            "no figures; --allow-missed lets missed and skipped ones through.")

    def add_arguments(self, parser):
        parser.add_argument("--quick", action="store_true", help="small sizes and few requests (a smoke run)")
        parser.add_argument("--only", metavar="NAME", action="append", help="run only this benchmark (repeatable)")
        parser.add_argument("--results", metavar="DIR", help="where to write results (default benchmarks/results)")
        parser.add_argument("--allow-missed", action="store_true",
                            help="exit 0 even when a target is missed or a benchmark is skipped (a crash or a "
                                 "benchmark with no figures still fails)")

    def handle(self, *args, quick, only, results, allow_missed, **options):
        folder = benchmarks_folder()
        available = discover(folder)
        unknown = sorted(set(only or []) - set(available))
        if unknown:
            raise CommandError(f"no benchmark {', '.join(unknown)}; there are: {', '.join(available) or 'none'}")
        chosen = {name: path for name, path in available.items() if not only or name in only}
        results_folder = Path(results) if results else folder / "results"
        by_status: dict[str, list[str]] = {"met": [], "missed": [], "skipped": [], "empty": [], "failed": []}
        for name, path in chosen.items():
            self.stdout.write(f"running {name}{' (quick)' if quick else ''} ...")
            started = time.perf_counter()
            try:
                result = load_module(path).run(quick)
            except Exception:  # one broken benchmark should not hide the others' figures
                by_status["failed"].append(name)
                self.stderr.write(f"{name} failed:\n{traceback.format_exc()}")
                self.stdout.write(format_table(name, [{"metric": "FAILED: raised (traceback on stderr)",
                                                       "value": None}]))
                continue
            result["duration_s"] = round(time.perf_counter() - started, 1)
            status, rows = outcome(result)
            by_status[status].append(name)
            written = write_result(results_folder, name, result)
            self.stdout.write(format_table(name, rows))
            self.stdout.write(f"{name}: {status}, {result['duration_s']} s, results in {written}\n")
        self.stdout.write(summary(by_status))
        fatal = by_status["failed"] + by_status["empty"]
        tolerated = [] if allow_missed else by_status["missed"] + by_status["skipped"]
        if fatal or tolerated:
            raise CommandError(f"benchmarks did not pass: {summary(by_status)}"
                               + ("" if allow_missed else " (--allow-missed lets missed and skipped ones through)"))


def summary(by_status: dict[str, list[str]]) -> str:
    """'met: a, b; missed: c' over the statuses that have benchmarks."""
    return "; ".join(f"{status}: {', '.join(names)}" for status, names in by_status.items() if names) or "nothing run"
