"""``peaceops bench`` can fail: its exit status on tiny benchmark modules, run as a user runs it.

Each test writes a ``benchmarks/`` folder of one-line benchmarks into a temporary project folder
and runs the real console script there (the command looks for ``benchmarks/`` in the working
directory first).
"""

import os
import subprocess
import sys

import pytest

ROW = '{"metric": "speed", "value": %s, "unit": "s", "target": "< 2", "met": %s}'
MET = 'def run(quick):\n    return {"table": [%s]}\n' % (ROW % (1.0, True))
MISSED = 'def run(quick):\n    return {"table": [%s]}\n' % (ROW % (3.0, False))
SKIPPED = 'def run(quick):\n    return {"skipped": "data folder absent", "table": []}\n'
EMPTY = 'def run(quick):\n    return {"events": 10}\n'
RAISES = 'def run(quick):\n    raise RuntimeError("boom")\n'


def bench(tmp_path, modules: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    folder = tmp_path / "benchmarks"
    folder.mkdir(exist_ok=True)
    for name, code in modules.items():
        (folder / f"{name}.py").write_text(code)
    env = dict(os.environ, PEACEOPS_HOME=str(tmp_path / "home"))
    env.pop("DATABASE_URL", None)
    return subprocess.run([sys.executable, "-m", "peaceops.cli", "bench", *args], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)


def test_all_targets_met_exits_zero_and_prints_the_table(tmp_path):
    done = bench(tmp_path, {"fast": MET})
    assert done.returncode == 0, done.stderr
    assert "speed" in done.stdout and " ok" in done.stdout and "met: fast" in done.stdout
    assert list((tmp_path / "benchmarks" / "results").glob("fast-*.json"))


@pytest.mark.parametrize("code, word", [(MISSED, "MISSED"), (SKIPPED, "SKIPPED: data folder absent")])
def test_a_missed_target_or_a_skipped_benchmark_fails_the_run(tmp_path, code, word):
    done = bench(tmp_path, {"fast": MET, "slow": code})
    assert done.returncode == 1
    assert word in done.stdout  # the table is printed before the run fails
    assert "--allow-missed" in done.stderr


@pytest.mark.parametrize("code", [MISSED, SKIPPED])
def test_allow_missed_lets_missed_and_skipped_through(tmp_path, code):
    done = bench(tmp_path, {"slow": code}, "--allow-missed")
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("code, word", [(EMPTY, "no figures reported"), (RAISES, "FAILED")])
def test_a_benchmark_with_no_figures_or_that_raises_fails_even_when_missed_is_allowed(tmp_path, code, word):
    done = bench(tmp_path, {"broken": code, "fast": MET}, "--allow-missed")
    assert done.returncode == 1
    assert word in done.stdout and "speed" in done.stdout  # the others still ran and printed


def test_only_runs_the_named_benchmark(tmp_path):
    done = bench(tmp_path, {"fast": MET, "slow": MISSED}, "--only", "fast")
    assert done.returncode == 0, done.stderr
    assert "slow" not in done.stdout


def test_incident_import_reports_its_targets_as_table_rows():
    from peaceops.core.management.commands.bench import benchmarks_folder, discover, load_module, outcome

    module = load_module(discover(benchmarks_folder())["incident_import"])
    figures = {"events": 50_000, "import_rows_per_s": 9000, "baseline_rows_per_s": 36000, "ratio": 4.0,
               "ratio_ok": False, "import_errors": 0, "import_maxrss_mb": 300, "maxrss_ok": True}
    rows = module.table_rows({"sqlite": figures})
    assert [row["met"] for row in rows] == [None, None, False, True]
    assert outcome({"table": rows})[0] == "missed"
