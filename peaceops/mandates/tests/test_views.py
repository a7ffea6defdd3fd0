"""The mandates pages: what they show, what they change, and whom they refuse."""


import pytest

from peaceops.accounts.access import SYSTEM
from peaceops.core.classification import Classification
from peaceops.jobs.testing import post_and_run
from peaceops.mandates import services
from peaceops.mandates.models import FrameworkItem, FrameworkObjective, IsfBenchmark, IsfObjective, Measurement
from peaceops.mandates.testing import make_isf
from peaceops.registry.models import AdminArea

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(world):
    records = make_isf(world.minurcat, world.chad)
    hidden = make_isf(world.unamid, world.sudan, classification=Classification.CONFIDENTIAL, title="UNAMID secret ISF")
    planner = __import__("peaceops.testing", fromlist=["make_user"]).make_user(
        "planner", "planner", mission=world.minurcat, clearance=Classification.CONFIDENTIAL)
    return {**records, "hidden": hidden, "planner": planner}


def test_pages_need_a_login(client, plan):
    for url in ("/mandates/", "/mandates/library/", "/mandates/isf/", f"/mandates/isf/{plan['isf'].pk}/dashboard/"):
        assert client.get(url).status_code == 302


def test_hidden_isf_pages_are_404_for_the_minurcat_user(client, world, plan):
    client.force_login(world.users["minurcat"])
    hidden = plan["hidden"]
    for url in (f"/mandates/isf/{hidden['isf'].pk}/", f"/mandates/isf/{hidden['isf'].pk}/dashboard/",
                f"/mandates/isf/{hidden['isf'].pk}/assessment/", f"/mandates/isf/{hidden['isf'].pk}/transition/",
                f"/mandates/indicator/{hidden['indicator'].pk}/measurements/"):
        assert client.get(url).status_code == 404, url
    page = client.get("/mandates/isf/").content.decode()
    assert "UNAMID secret ISF" not in page and plan["isf"].title in page


def test_readers_may_not_write(client, world, plan):
    client.force_login(world.users["minurcat"])  # an analyst: reads MINURCAT, does not plan
    isf = plan["isf"]
    answer = client.post(f"/mandates/isf/{isf.pk}/", {"op": "objective", "title": "Sneaky"})
    assert answer.status_code == 403
    answer = client.post(f"/mandates/indicator/{plan['indicator'].pk}/measurements/", {"period": "2010-02",
                                                                                       "value": "3"})
    assert answer.status_code == 403
    answer = client.post("/mandates/", {"task": plan["task"].pk, "priority": "low"})
    assert answer.status_code == 403
    assert not IsfObjective.objects.filter(title="Sneaky").exists() and not Measurement.objects.exists()
    plan["task"].refresh_from_db()
    assert plan["task"].priority == "medium"


def test_planner_enters_measurements_and_sees_the_dashboard(client, world, plan):
    AdminArea.objects.create(pcode="TD01", name="Ouaddaï", level=1, country=world.chad)
    client.force_login(plan["planner"])
    url = f"/mandates/indicator/{plan['indicator'].pk}/measurements/"
    answer = client.post(url, {"period": "2010-03", "area": "TD01", "value": "40", "unit": "posts"}, follow=True)
    assert answer.status_code == 200 and "Measurement saved" in answer.content.decode()
    client.post(url, {"period": "2010-03", "area": "TD01", "sex": "f", "value": "12"})
    answer = client.post(url, {"period": "2010-03", "value": "1", "unit": "litres"}, follow=True)
    assert "does not match" in answer.content.decode()
    dashboard = client.get(f"/mandates/isf/{plan['isf'].pk}/dashboard/?start=2010-01-01&end=2010-12-31")
    page = dashboard.content.decode()
    assert "<svg" in page and "By sex" in page and "By area" in page and "40%" in page
    assert "green: at least 75%" in page


def test_upload_names_file_line_and_field_and_stores_nothing(client, world, plan, tmp_path):
    client.force_login(plan["planner"])
    url = f"/mandates/indicator/{plan['indicator'].pk}/measurements/"
    path = tmp_path / "posts.csv"
    path.write_text("period,value,unit\n2010-01,5,posts\n2010-02,6,litres\n")
    with open(path, "rb") as handle:
        page = post_and_run(client, url, {"file": handle}).content.decode()  # the import job's page
    assert "posts.csv, line 3, field unit" in page and "Nothing was stored" in page
    assert not Measurement.objects.exists()


def test_assessment_page_changes_a_priority(client, world, plan):
    client.force_login(plan["planner"])
    task = plan["task"]
    answer = client.post(f"/mandates/isf/{plan['isf'].pk}/assessment/", {
        "period_start": "2010-01-01", "period_end": "2010-03-31", "narrative": "Late deployment",
        f"priority_{task.pk}": "high", f"reason_{task.pk}": "exit depends on it"}, follow=True)
    assert "1 priorities changed" in answer.content.decode()
    task.refresh_from_db()
    assert task.priority == "high"


def test_mandate_page_shows_health_and_sequencing(client, world, plan):
    services.task_create(SYSTEM, mission=world.minurcat, text="Withdraw the force", paragraph="OP 9",
                         waits_for=[plan["task"]])
    client.force_login(world.users["minurcat"])
    page = client.get("/mandates/").content.decode()
    assert "without a priority" in page and "OP 6" in page and 'class="tag blocked"' in page


def test_library_search(client, world, plan):
    objective = FrameworkObjective.objects.create(ref="004/3", number=3, title="Security")
    FrameworkItem.objects.create(objective=objective, ref="004/3.2/B-S-1", kind="benchmark", horizon="short",
                                   text="National police deployed in key areas", source="seed 004 §3.2.2")
    FrameworkItem.objects.create(objective=objective, ref="004/3.2/A-1", kind="activity", text="Train police")
    client.force_login(plan["planner"])
    page = client.get("/mandates/library/", {"q": "police deployed", "output": plan["output"].pk}).content.decode()
    assert "004/3.2/B-S-1" in page and "Train police" not in page and "Add to the output" in page
    client.post(f"/mandates/isf/{plan['isf'].pk}/", {"op": "benchmark", "output": plan["output"].pk,
                                                     "library_item": FrameworkItem.objects.get(kind="benchmark").pk})
    added = IsfBenchmark.objects.get(library_item__ref="004/3.2/B-S-1")
    assert added.text == "National police deployed in key areas" and added.horizon == "short"


def test_pages_in_french(client, world, plan):
    import html

    from django.utils import translation

    client.force_login(plan["planner"])
    client.post("/i18n/setlang/", {"language": "fr", "next": "/mandates/"})
    try:
        mandate = html.unescape(client.get("/mandates/").content.decode())
        dashboard = html.unescape(client.get(f"/mandates/isf/{plan['isf'].pk}/dashboard/").content.decode())
        builder = html.unescape(client.get(f"/mandates/isf/{plan['isf'].pk}/").content.decode())
    finally:
        translation.deactivate()
    assert "Tâches prescrites" in mandate and "Contrôles du mandat" in mandate and "Mandated tasks" not in mandate
    assert "Tableau de bord" in dashboard and "Objectifs" in dashboard
    assert "Ajouter un indicateur" in builder and "Choisir des critères dans la bibliothèque" in builder
