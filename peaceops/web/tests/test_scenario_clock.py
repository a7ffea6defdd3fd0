"""The scenario clock: with PEACEOPS_TODAY set, pages open on the scenario's date and say so in a banner."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.test import override_settings

from peaceops.accounts.access import compute_access
from peaceops.cooperation.models import SharingAgreement
from peaceops.cooperation.selectors import active_agreements
from peaceops.core import clock
from peaceops.core.classification import Classification
from peaceops.registry import selectors as registry_selectors
from peaceops.registry.models import Assignment, Person, Post

SCENARIO = override_settings(PEACEOPS_TODAY="2009-06-30")
REAL_DATE = override_settings(PEACEOPS_TODAY="")


@pytest.fixture(autouse=True)
def _no_scenario_in_the_environment(monkeypatch):
    monkeypatch.delenv("PEACEOPS_TODAY", raising=False)


def test_the_clock_follows_the_setting():
    with SCENARIO:
        assert clock.scenario_day() == dt.date(2009, 6, 30) and clock.today() == dt.date(2009, 6, 30)
    with REAL_DATE:
        assert clock.scenario_day() is None and clock.today() > dt.date(2020, 1, 1)


def test_sitrep_page_opens_on_the_scenario_day_under_a_banner(world, client):
    client.force_login(world.users["minurcat"])
    with SCENARIO:
        page = client.get("/incidents/sitrep/", {"mission": "MINURCAT"}).content.decode()
    assert 'name="date" value="2009-06-30"' in page
    assert 'class="scenario-banner"' in page and "Scenario: 30 June 2009 (PEACEOPS_TODAY)" in page


def test_no_banner_without_a_scenario(world, client):
    client.force_login(world.users["minurcat"])
    with REAL_DATE:
        page = client.get("/incidents/sitrep/", {"mission": "MINURCAT"}).content.decode()
        assert "scenario-banner" not in page
        assert f'value="{clock.today().isoformat()}"' in page


def test_the_login_page_shows_the_banner_too(db, client):
    with SCENARIO:
        assert "Scenario: 30 June 2009" in client.get("/login/").content.decode()


def test_agreements_in_force_on_the_scenario_day(world):
    # In force from 2009 to the end of 2010: in force on the scenario's day, long ended on today's.
    SharingAgreement.objects.create(
        sharer=world.unamid,
        receiver=world.minurcat,
        subject="incidents",
        up_to=Classification.UNCLASSIFIED,
        starts_on=dt.date(2009, 1, 1),
        ends_on=dt.date(2010, 12, 31),
    )
    with SCENARIO:
        assert active_agreements().count() == 1
        shared = compute_access(world.users["minurcat"]).shared
        assert any(g.subject == "incidents" and g.mission_id == world.unamid.pk for g in shared)
    with REAL_DATE:
        assert active_agreements().count() == 0
        assert not any(g.subject == "incidents" for g in compute_access(world.users["minurcat"]).shared)


def test_leadership_holders_on_the_scenario_day(world):
    srsg = Post.objects.create(mission=world.minurcat, title="Special Representative", function=Post.Function.SRSG)
    then = Person.objects.create(name="Victor da Silva Angelo", owning_mission=world.minurcat)
    Assignment.objects.create(person=then, post=srsg, start_date=dt.date(2008, 1, 1), end_date=dt.date(2010, 12, 31))
    with SCENARIO:
        structure = registry_selectors.mission_structure(world.users["admin"], world.minurcat)
        post = next(p for p in structure.posts if p.pk == srsg.pk)
        assert [a.person.name for a in post.current_assignments] == ["Victor da Silva Angelo"]
    with REAL_DATE:
        structure = registry_selectors.mission_structure(world.users["admin"], world.minurcat)
        post = next(p for p in structure.posts if p.pk == srsg.pk)
        assert post.current_assignments == []


def test_the_demo_keeps_its_scenario_day_for_later_runs(db, settings, tmp_path, monkeypatch):
    settings.SCENARIO_TODAY_FILE = tmp_path / "scenario_today"
    settings.PEACEOPS_TODAY = ""
    monkeypatch.setattr("peaceops.demo.loader.load_demo", lambda: {})
    monkeypatch.setattr("peaceops.registry.services.countries_load", lambda: 0)
    call_command("demo", "--no-serve", verbosity=0, stdout=open(tmp_path / "out", "w"))
    assert settings.SCENARIO_TODAY_FILE.read_text().strip() == "2009-06-30"
    assert clock.today() == dt.date(2009, 6, 30)
    call_command("demo", "--no-serve", "--today", "", verbosity=0, stdout=open(tmp_path / "out", "w"))
    assert not settings.SCENARIO_TODAY_FILE.exists() and clock.scenario_day() is None
