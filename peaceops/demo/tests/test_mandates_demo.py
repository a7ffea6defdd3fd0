"""The demo's mandates part: MINURCAT's ISF as exit strategy and MONUSCO's stabilisation benchmarks; idempotent."""

import datetime as dt

import pytest

from peaceops.accounts.access import SYSTEM
from peaceops.demo.loader import counts, load_demo
from peaceops.mandates import selectors
from peaceops.mandates.models import Isf, IsfBenchmark, MandateTask, Measurement

pytestmark = pytest.mark.django_db


def test_mandates_demo_loads_once_and_tells_the_seed_story():
    load_demo()
    first = counts()
    histories = [model.history.count() for model in (MandateTask, Isf, IsfBenchmark, Measurement)]
    load_demo()
    assert counts() == first
    assert [model.history.count() for model in (MandateTask, Isf, IsfBenchmark, Measurement)] == histories
    isf = Isf.objects.get(mission__acronym="MINURCAT")
    assert isf.end_date == dt.date(2010, 12, 31) and isf.source == "seed 000 §III.C.4"
    reader = SYSTEM
    readiness = {row["function"]: row for row in selectors.transition_readiness(reader, isf, isf.start_date,
                                                                                isf.end_date)}
    camps = readiness["Security of the refugee camps and key towns of eastern Chad"]
    assert camps["plan"].responsible.acronym == "GOV-TCD"
    assert [b["mission_activity"] for b in camps["benchmarks"]] == [False, True]
    assert 0 < camps["score"] < 1
    exit_task = MandateTask.objects.get(resolution__number=1923)
    assert [t.resolution.number for t in exit_task.waits_for.all()] == [1778]
    assert IsfBenchmark.objects.filter(mission__acronym="MONUSCO").count() == 2
