"""The demo true to its seeds: MINURCAT's full plan under one output (activities, resources, risks, one above the
escalation threshold), BONUCA's DDR lesson shared with MINURCAT, MONUSCO (not MONUC) at the Force Commanders'
meeting of 9 November 2010, and the invented helicopter request marked as such; idempotent."""

import datetime as dt
from pathlib import Path

import pytest

from peaceops.accounts.access import SYSTEM
from peaceops.assets.models import AssetRequest
from peaceops.cooperation.models import Meeting
from peaceops.demo import part_plans
from peaceops.demo.loader import counts, load_demo
from peaceops.mandates import selectors
from peaceops.mandates.models import IsfOutput
from peaceops.testing import make_user

pytestmark = pytest.mark.django_db

SEED_000 = next((Path(__file__).resolve().parents[3].parent / "shared" / "seeds").glob("000_*.txt"), None)


def test_demo_plan_lessons_and_corrected_facts():
    load_demo()
    first = counts()
    histories = [model.history.count() for model in part_plans.COUNTED]
    load_demo()
    assert counts() == first
    assert [model.history.count() for model in part_plans.COUNTED] == histories

    output = IsfOutput.objects.get(title=part_plans.OUTPUT_TITLE)
    activities = {a.text: a for a in output.activities.all()}
    assert len(activities) == 3
    returns = activities["Support the voluntary return of IDPs to their villages of origin"]
    assert returns.responsible_organisation.acronym == "UNHCR"
    assert {b.funding_stream for b in returns.budget_lines.all()} == {"voluntary", "trust_fund"}
    assert [a.text for a in returns.depends_on.all()] == [
        "Inter-community dialogue and confidence-building with traditional and local leaders in the areas of return"]
    assert all("demo: fictional" in a.source and a.source.startswith("seed 00") for a in activities.values())
    register = selectors.risk_register(SYSTEM, isf=output.objective.isf, today=dt.date(2010, 1, 1))
    assert [(row.score, row.reasons) for row in register] == [(20, ("score",)), (12, ())]

    lesson = returns.lessons.get()
    assert lesson.mission.acronym == "BONUCA" and lesson.subject == "ddr"
    planner = make_user("demo-planner", "planner", mission=output.mission)
    assert list(selectors.lessons_for(planner, "Vakaga")) == [lesson]  # shared by BONUCA's agreement

    # MONUC ended on 30 June 2010: the November 2010 Force Commanders' meeting has MONUSCO (seed 000 app. 1)
    for meeting in Meeting.objects.filter(series="force_commanders"):
        attending = set(meeting.attending_missions.values_list("acronym", flat=True))
        present = set(meeting.attendance.values_list("mission__acronym", flat=True))
        congo = "MONUC" if meeting.starts_on <= dt.date(2010, 6, 30) else "MONUSCO"
        assert congo in attending and congo in present, meeting.starts_on
        assert ({"MONUC", "MONUSCO"} - {congo}).isdisjoint(attending | present)

    refused = AssetRequest.objects.get(status="refused")
    assert refused.source.startswith("demo: fictional") and "seed 000 §II.B.5" in refused.source
    if SEED_000 is not None:  # the passage cited holds the position the demo illustrates
        assert "should not share assets" in SEED_000.read_text()
