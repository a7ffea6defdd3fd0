"""The sitrep benchmark's own pieces on a small store: its data load, and that its hand-written SQL
computes the same figures as the report (so the ratio it prints compares like with like)."""

import importlib.util
from pathlib import Path

import pytest

BENCHMARK = Path(__file__).resolve().parents[3] / "benchmarks" / "sitrep.py"


@pytest.fixture
def bench():
    spec = importlib.util.spec_from_file_location("sitrep_benchmark", BENCHMARK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_benchmark_sql_and_sitrep_agree(db, bench):
    import datetime as dt

    data = bench.generate(3000, seed=3)
    assert data["incidents"] == 3000
    # a day with incidents in the small store, so the comparison is not trivially 0 == 0
    from peaceops.incidents.models import Incident

    day = Incident.objects.values_list("start_date", flat=True).order_by("start_date")[1500]
    figures = bench.measure(data, repeat=1, day=day)
    for case in ("mission-day", "region-day"):
        assert figures[case]["same_figures"], case
    assert figures["region-day"]["incidents_of_day"] >= 1
    assert isinstance(day, dt.date)
