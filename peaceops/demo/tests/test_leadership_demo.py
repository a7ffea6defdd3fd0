"""The demo's MINURCAT leadership records: the DSRSG's terms of reference in two versions with marked duties (and
still no inter-mission cooperation, as seed 000 §III.B says), a political strategy the mandate health check
reads, and decisions affecting a task and a risk; idempotent."""

import pytest

from peaceops.demo import part_leadership
from peaceops.demo.loader import counts, load_demo
from peaceops.leadership import models as lm
from peaceops.leadership import selectors
from peaceops.registry import selectors as registry
from peaceops.registry.models import Hat, Mission
from peaceops.testing import make_user

pytestmark = pytest.mark.django_db


def test_minurcat_terms_strategy_and_decisions():
    load_demo()
    first = counts()
    histories = [model.history.count() for model in (lm.PoliticalStrategy, lm.StrategicObjective, lm.Decision)]
    load_demo()
    assert counts() == first
    assert [model.history.count() for model in (lm.PoliticalStrategy, lm.StrategicObjective, lm.Decision)] == histories

    minurcat = Mission.objects.get(acronym="MINURCAT")
    hat = Hat.objects.get(post__mission=minurcat, post__function="dsrsg", role="dsrsg")
    versions = list(hat.terms_versions.order_by("version"))
    assert [v.version for v in versions] == [1, 2] and versions[0].duties == []
    assert versions[1].duties == ["protection_of_civilians", "human_rights", "rule_of_law", "civil_affairs"]
    assert hat.terms_of_reference == versions[1].text == part_leadership.TOR_MARKED
    admin = make_user("demo-test-admin", "administrator", clearance=2)
    codes = {w.code for w in registry.mission_structure(admin, minurcat).warnings}
    assert "no_dsrsg_for_inter_mission_cooperation" in codes  # seed 000 §III.B: nobody held it

    checked = selectors.strategy_health(admin, minurcat.id)
    assert checked.strategy.title == part_leadership.STRATEGY["title"]
    found = [(f.code, f.message.split(" serves")[0].split(":")[0]) for f in checked.findings]
    assert [code for code, _ in found].count("task_serves_no_objective") == 2
    assert ("objective_without_task",
            "Chad-Sudan tensions eased so that MINURCAT and UNAMID can work together along the border") in found
    decisions = list(selectors.decisions_for(admin, minurcat.id))
    assert len(decisions) == 3 and sum(1 for d in decisions if d.task_id) == 2
    assert sum(1 for d in decisions if d.risk_id) == 1
    assert all("demo: fictional" in d.source and d.source.startswith("seed 000") for d in decisions)
