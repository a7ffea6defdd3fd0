"""Political strategy, decision log and the mandate health check against the strategy: the pure rule, the
services (success, denial, bad input), the pages, the API and the SG report section."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from peaceops.accounts.access import SYSTEM
from peaceops.core.classification import Classification
from peaceops.core.errors import DomainError
from peaceops.leadership import health, selectors, services
from peaceops.leadership import models as lm
from peaceops.mandates.models import MandateTask
from peaceops.testing import make_user

DAY = dt.date(2010, 3, 1)


def test_health_flags_tasks_serving_no_objective_and_objectives_with_no_task():
    tasks = [health.TaskFacts(1, "OP 6(a) protection"), health.TaskFacts(2, "OP 6(b) DIS"),
             health.TaskFacts(3, "OP 7 human rights")]
    objectives = [health.ObjectiveFacts(10, "Secure return areas", (1, 2)),
                  health.ObjectiveFacts(11, "Chad-Sudan normalisation", ()),
                  health.ObjectiveFacts(12, "Hidden link only", (99,))]
    findings = health.check(tasks, objectives)
    assert [(f.code, f.subject_id) for f in findings] == [
        ("task_serves_no_objective", 3), ("objective_without_task", 11), ("objective_without_task", 12)]
    assert findings[0].source.startswith("seed 001")
    assert health.check([], []) == []
    assert health.sequence_cycle({1: 2, 2: 3, 3: 1}) and health.sequence_cycle({1: 2, 2: None}) is None


@pytest.fixture
def setup(world):
    tasks = [MandateTask.objects.create(mission=world.minurcat, paragraph=p, text=t) for p, t in (
        ("OP 6(a)(i)", "Contribute to the protection of civilians in danger"),
        ("OP 6(a)(iii)", "Support the Détachement intégré de sécurité"),
        ("OP 6(b)", "Monitor and promote human rights"))]
    secret = MandateTask.objects.create(mission=world.minurcat, paragraph="OP 9", text="Secret task",
                                          classification=Classification.STRICTLY_CONFIDENTIAL)
    other = MandateTask.objects.create(mission=world.unamid, paragraph="OP 1", text="UNAMID task")
    leader = make_user("minurcat-srsg", "leadership", mission=world.minurcat, clearance=Classification.CONFIDENTIAL)
    planner = make_user("minurcat-planner", "planner", mission=world.minurcat, clearance=Classification.CONFIDENTIAL)
    return {"tasks": tasks, "secret": secret, "other": other, "leader": leader, "planner": planner}


@pytest.mark.django_db
def test_strategy_objectives_and_health_read_back(world, setup):
    leader, tasks = setup["leader"], setup["tasks"]
    strategy = services.strategy_adopt(leader, world.minurcat, title="Exit through Chadian ownership",
                                       adopted_on=DAY, summary="Security in the east handed to Chad")
    first = services.objective_add(leader, strategy, title="Secure return areas", actors="Chad, DIS",
                                   leverage="MINURCAT presence", sequence=1, task_ids=[tasks[0].id, tasks[1].id])
    services.objective_add(leader, strategy, title="Chad-Sudan normalisation", sequence=2, after=first)
    checked = selectors.strategy_health(leader, world.minurcat.id)
    assert checked.strategy == strategy
    assert [(f.code, f.message) for f in checked.findings] == [
        ("task_serves_no_objective",
         f"OP 6(b) (#{tasks[2].id}) Monitor and promote human rights serves no objective of the political strategy"),
        ("objective_without_task", "Chad-Sudan normalisation: no mandated task carries this objective")]
    # the strictly confidential task is invisible to this leader: no finding reveals it
    assert all("Secret" not in f.message for f in checked.findings)
    services.objective_link_tasks(leader, first, [t.id for t in tasks])
    assert [f.code for f in selectors.strategy_health(leader, world.minurcat.id).findings] == [
        "objective_without_task"]


@pytest.mark.django_db
def test_denial_and_bad_input_write_nothing(world, setup):
    leader = setup["leader"]
    for user in (setup["planner"], world.users["unamid"], world.users["nobody"]):
        with pytest.raises(PermissionDenied):
            services.strategy_adopt(user, world.minurcat, title="x", adopted_on=DAY)
        with pytest.raises(PermissionDenied):
            services.decision_log(user, world.minurcat, decided_on=DAY, decided_by="SRSG", text="x")
    strategy = services.strategy_adopt(leader, world.minurcat, title="Strategy", adopted_on=DAY)
    with pytest.raises(DomainError, match="tasks: no mandated task #"):
        services.objective_add(leader, strategy, title="Uses another mission's task", task_ids=[setup["other"].id])
    with pytest.raises(DomainError, match=f"tasks: no mandated task #{setup['secret'].id}"):
        services.objective_add(leader, strategy, title="Uses a task above clearance", task_ids=[setup["secret"].id])
    with pytest.raises(DomainError, match="title: required"):
        services.objective_add(leader, strategy, title="  ")
    with pytest.raises(DomainError, match="review_by: before the adoption date"):
        services.strategy_adopt(leader, world.minurcat, title="S", adopted_on=DAY, review_by=dt.date(2009, 1, 1))
    with pytest.raises(DomainError, match="classification: 7 is not a level"):
        services.decision_log(leader, world.minurcat, decided_on=DAY, decided_by="SRSG", text="x", classification=7)
    with pytest.raises(DomainError, match="task: no mandated task"):
        services.decision_log(leader, world.minurcat, decided_on=DAY, decided_by="SRSG", text="x",
                              task_id=setup["other"].id)
    one = services.objective_add(leader, strategy, title="One")
    two = services.objective_add(leader, strategy, title="Two", after=one)
    with pytest.raises(DomainError, match="after: the sequence would loop back to 'One'"):
        services.objective_set_after(leader, one, two)
    assert lm.StrategicObjective.objects.count() == 2 and not lm.Decision.objects.exists()
    assert lm.PoliticalStrategy.objects.count() == 1
    assert lm.StrategicObjective.objects.get(pk=one.pk).after is None


@pytest.mark.django_db
def test_pages_show_health_and_decisions_to_the_cleared_only(world, setup, client):
    leader, tasks = setup["leader"], setup["tasks"]
    strategy = services.strategy_adopt(SYSTEM, world.minurcat, title="Exit strategy", adopted_on=DAY)
    services.objective_add(SYSTEM, strategy, title="Secure return areas", task_ids=[tasks[0].id])
    client.force_login(leader)
    page = client.get(f"/leadership/missions/{world.minurcat.id}/strategy/").content.decode()
    assert "Exit strategy" in page and page.count('data-code="task_serves_no_objective"') == 2
    answer = client.post(f"/leadership/missions/{world.minurcat.id}/decisions/", {
        "decided_on": "2010-03-02", "decided_by": "SRSG", "text": "Prioritise DIS support", "task": tasks[1].id})
    assert answer.status_code == 302
    decision = lm.Decision.objects.get()
    assert (decision.task, decision.decided_on) == (tasks[1], dt.date(2010, 3, 2))
    bad = client.post(f"/leadership/missions/{world.minurcat.id}/decisions/", {
        "decided_on": "soon", "decided_by": "SRSG", "text": "x"})
    assert bad.status_code == 400 and "decided_on: a date is needed" in bad.content.decode()
    log = client.get(f"/leadership/missions/{world.minurcat.id}/decisions/").content.decode()
    assert "Prioritise DIS support" in log and "Log a decision" in log
    client.force_login(setup["planner"])
    assert "Log a decision" not in client.get(f"/leadership/missions/{world.minurcat.id}/decisions/").content.decode()
    assert client.post(f"/leadership/missions/{world.minurcat.id}/decisions/", {
        "decided_on": "2010-03-02", "decided_by": "SRSG", "text": "x"}).status_code == 403
    client.force_login(world.users["unamid"])
    assert client.get(f"/leadership/missions/{world.minurcat.id}/strategy/").status_code == 404
    assert client.get(f"/leadership/missions/{world.minurcat.id}/decisions/").status_code == 404
    assert lm.Decision.objects.count() == 1


@pytest.mark.django_db
def test_api_lists_and_logs_decisions_with_the_same_checks(world, setup, client):
    client.force_login(setup["leader"])
    made = client.post("/api/v1/decisions/", {"mission": world.minurcat.id, "decided_on": "2010-04-01",
                                               "decided_by": "MLT", "text": "Close the Abéché camp",
                                               "task": setup["tasks"][0].id}, content_type="application/json")
    assert made.status_code == 201, made.content
    bad = client.post("/api/v1/decisions/", {"mission": world.minurcat.id, "decided_on": "2010-04-01",
                                              "decided_by": "MLT", "text": "x", "task": setup["other"].id},
                      content_type="application/json")
    assert bad.status_code == 400 and "task" in bad.content.decode()
    client.force_login(world.users["unamid"])
    listing = client.get("/api/v1/decisions/").json()
    assert (listing["results"] if isinstance(listing, dict) else listing) == []
    refused = client.post("/api/v1/decisions/", {"mission": world.minurcat.id, "decided_on": "2010-04-01",
                                                  "decided_by": "MLT", "text": "x"}, content_type="application/json")
    assert refused.status_code == 400  # not their mission: answered as absent
    for odd in ({"mission": {"nested": 1}}, {"mission": world.minurcat.id, "task": [1]},
                {"mission": world.minurcat.id, "risk": "x"}, {"mission": True}):
        answer = client.post("/api/v1/decisions/", {"decided_on": "2010-04-01", "decided_by": "MLT", "text": "x",
                                                    **odd}, content_type="application/json")
        assert answer.status_code == 400, (odd, answer.content)
    assert lm.Decision.objects.count() == 1


@pytest.mark.django_db
def test_sg_report_section_names_the_findings(world, setup):
    from peaceops.leadership import report_sections
    from peaceops.reports.drafting import SG_REPORT, DraftRequest

    strategy = services.strategy_adopt(SYSTEM, world.minurcat, title="Exit strategy", adopted_on=DAY)
    services.objective_add(SYSTEM, strategy, title="Normalisation", sequence=1)
    services.decision_log(SYSTEM, world.minurcat, decided_on=DAY, decided_by="SRSG", text="Engage N'Djamena")
    request = DraftRequest(SG_REPORT, (world.minurcat.id,), dt.date(2010, 1, 1), dt.date(2010, 6, 30),
                           user=setup["leader"])
    [section] = report_sections.sections(request)
    assert "Normalisation: no mandated task carries this objective" in section.body
    assert section.tables[1].rows == (("2010-03-01", "SRSG", "Engage N'Djamena"),)
    outsider = DraftRequest(SG_REPORT, (world.minurcat.id,), dt.date(2010, 1, 1), dt.date(2010, 6, 30),
                            user=world.users["unamid"])
    assert report_sections.sections(outsider) == []
