"""load_demo() builds the Central Africa and Sudan scenario once, whatever the number of runs."""

import datetime as dt
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import TestCase

from peaceops.accounts.access import visible
from peaceops.cooperation.models import Meeting
from peaceops.demo import scenario, scenario_incidents
from peaceops.demo.loader import DemoError, counts, load_demo
from peaceops.incidents.models import Actor, Incident, IncidentActor, IncidentSource
from peaceops.registry.models import (
    Component,
    Hat,
    Mission,
    MissionResolution,
    Organisation,
    Person,
    Post,
    ReportingLine,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    load_demo()
    return {u.username: get_user_model().objects.get(username=u.username) for u in scenario.DEMO_USERS}


def history_sizes():
    models = (Mission, Organisation, Post, Hat, ReportingLine, Person, Meeting, Incident, IncidentSource, Actor)
    return [model.history.count() for model in models]


def incident_links():
    return (IncidentActor.objects.count(), IncidentSource.objects.count(), Incident.missions.through.objects.count(),
            sorted(IncidentActor.objects.values_list("pk", flat=True)))


def test_loading_twice_changes_nothing(demo):
    first, history, links = counts(), history_sizes(), incident_links()
    assert load_demo() == first
    assert history_sizes() == history  # no record was even re-saved
    assert incident_links() == links  # actor links, sources and area missions were left alone too
    assert Incident.objects.filter(dataset="demo").count() == len(scenario_incidents.INCIDENTS)


def test_a_demo_incident_changed_by_hand_is_put_back_without_duplicates(demo):
    incident = Incident.objects.get(dataset="demo", external_id="seed000-2009-05-eastern-chad-attack")
    incident.description = "edited"
    incident.save()
    incident.sources.all().delete()
    incident.actor_links.all().delete()
    incident.missions.clear()
    load_demo()
    incident.refresh_from_db()
    assert incident.description.startswith("Sudan-based Chadian rebels")
    assert list(incident.sources.values_list("name", "reliability", "credibility")) == [("seed 000 §II.A", "B", 2)]
    assert incident.actor_links.count() == 2
    assert list(incident.missions.values_list("acronym", flat=True)) == ["MINURCAT"]
    assert Incident.objects.filter(dataset="demo").count() == len(scenario_incidents.INCIDENTS)


def test_an_actor_of_the_same_name_from_elsewhere_is_used_as_it_is():
    imported = Actor.objects.create(name="Lord's Resistance Army", kind=Actor.Kind.OTHER, aliases=["Kony's men"])
    load_demo()
    imported.refresh_from_db()
    assert (imported.kind, imported.aliases) == (Actor.Kind.OTHER, ["Kony's men"])
    assert Actor.objects.filter(name="Lord's Resistance Army").count() == 1
    assert IncidentActor.objects.filter(actor=imported).exists()


def test_a_bad_fact_is_named_and_nothing_is_stored(monkeypatch):
    broken = scenario.MISSIONS[0].__class__(**{**scenario.MISSIONS[2].__dict__, "end_date": dt.date(2001, 1, 1)})
    monkeypatch.setattr(scenario, "MISSIONS", (*scenario.MISSIONS[:2], broken, *scenario.MISSIONS[3:]))
    with pytest.raises(DemoError, match=r"MISSIONS 'MINURCAT': end_date"):
        load_demo()
    assert not Organisation.objects.exists() and not Mission.objects.exists()


def test_a_bad_incident_is_named_and_nothing_is_stored(monkeypatch):
    first = scenario_incidents.INCIDENTS[0]
    broken = first.__class__(**{**first.__dict__, "end": dt.date(2007, 1, 1)})
    monkeypatch.setattr(scenario_incidents, "INCIDENTS", (broken, *scenario_incidents.INCIDENTS[1:]))
    with pytest.raises(DemoError, match=rf"INCIDENTS '{first.key}': end_date"):
        load_demo()
    assert not Incident.objects.exists() and not Mission.objects.exists()


def test_demo_command_loads_and_prints_the_logins():
    out = StringIO()
    call_command("demo", "--no-serve", stdout=out)
    call_command("demo", "--no-serve", stdout=out)
    text = out.getvalue()
    for user in scenario.DEMO_USERS:
        assert f"{user.username}" in text and user.password in text
    assert Mission.objects.count() == 7
    assert get_user_model().objects.get(username="joc.minurcat").check_password("demo-joc-minurcat")


class TestDemoScenario(TestCase):
    """Read-only checks of one loaded scenario (loaded once for the class: it takes about a second)."""

    @classmethod
    def setUpTestData(cls):
        load_demo()

    @property
    def users(self):
        return {u.username: get_user_model().objects.get(username=u.username) for u in scenario.DEMO_USERS}

    def test_the_five_missions_and_their_resolutions_are_there_with_appendix_1_dates(self):
        assert set(Mission.objects.values_list("acronym", flat=True)) == {
            "BONUCA", "BINUCA", "MINURCAT", "MONUC", "MONUSCO", "UNAMID", "UNMIS"}
        established = {
            (link.mission.acronym, link.resolution.number, link.resolution.adopted_on)
            for link in MissionResolution.objects.filter(action="establishes")
        }
        assert established == {
            ("UNMIS", 1590, dt.date(2005, 3, 24)), ("UNAMID", 1769, dt.date(2007, 7, 31)),
            ("MINURCAT", 1778, dt.date(2007, 9, 25)), ("MONUSCO", 1925, dt.date(2010, 5, 28)),
        }
        minurcat = Mission.objects.get(acronym="MINURCAT")
        assert list(minurcat.resolutions.order_by("number").values_list("number", "adopted_on")) == [
            (1778, dt.date(2007, 9, 25)), (1861, dt.date(2009, 1, 14)), (1923, dt.date(2010, 5, 25))]
        assert (minurcat.start_date, minurcat.end_date) == (dt.date(2007, 9, 25), dt.date(2010, 12, 31))
        assert set(minurcat.host_countries.values_list("iso3", flat=True)) == {"TCD", "CAF"}
        assert minurcat.lead_department.acronym == "DPKO"
        assert Mission.objects.get(acronym="BINUCA").lead_department.acronym == "DPA"
        assert Mission.objects.get(acronym="UNAMID").kind == Mission.Kind.HYBRID

    def test_successors_follow_appendix_1(self):
        assert Mission.objects.get(acronym="BONUCA").successor.acronym == "BINUCA"
        assert Mission.objects.get(acronym="MONUC").successor.acronym == "MONUSCO"
        assert Mission.objects.get(acronym="MONUSCO").start_date == dt.date(2010, 7, 1)
        assert set(Mission.objects.get(acronym="MINURCAT").regions.values_list("name", flat=True)) == {
            "Central Africa and Sudan"}

    def test_every_seeded_record_names_its_source(self):
        for model in (Mission, Organisation, Post, Person, Meeting, Component):
            assert not model.objects.filter(source="").exists(), model.__name__

    def test_a_dsrsg_also_rc_and_hc_and_none_holds_inter_mission_cooperation(self):
        unmis_deputy = Post.objects.get(mission__acronym="UNMIS", hats__role="hc")
        assert set(unmis_deputy.hats.values_list("role", flat=True)) == {"dsrsg", "rc", "hc", "rr"}
        assert unmis_deputy.lines_up.filter(kind="dotted", to_organisation__acronym="OCHA").exists()
        for hat in Hat.objects.filter(role="dsrsg"):
            assert "inter_mission_cooperation" not in hat.responsibilities, hat

    def test_the_2009_entebbe_meetings(self):
        june, december = Meeting.objects.filter(series="").order_by("starts_on")  # not OMA's Force Commanders' meetings
        assert (june.starts_on, june.ends_on) == (dt.date(2009, 6, 7), dt.date(2009, 6, 8))
        assert (december.starts_on, december.ends_on) == (dt.date(2009, 12, 10), dt.date(2009, 12, 11))
        assert "MONUC" not in june.attending_missions.values_list("acronym", flat=True)
        assert "Entebbe" in december.place

    def test_minurcat_officer_sees_minurcat_up_to_confidential_and_nothing_of_unamid(self):
        demo = self.users
        officer = demo["joc.minurcat"]
        posts = visible(Post.objects.all(), officer)
        assert set(posts.values_list("mission__acronym", flat=True)) == {"MINURCAT"}
        assert posts.filter(function="jmac", classification=1).exists()  # MINURCAT's confidential JMAC chief post
        assert not visible(Post.objects.filter(mission__acronym="UNAMID"), officer).exists()
        people = set(visible(Person.objects.all(), officer).values_list("name", flat=True))
        assert "Alpha Fictitious" in people and "Bravo Fictitious" not in people  # strictly confidential
        assert "Charlie Fictitious" not in people  # UNAMID

    def test_unamid_analyst_sees_unamid_strictly_confidential_only(self):
        demo = self.users
        analyst = demo["jmac.unamid"]
        people = set(visible(Person.objects.all(), analyst).values_list("name", flat=True))
        assert {"Charlie Fictitious", "Delta Fictitious"} <= people
        assert not people & {"Alpha Fictitious", "Bravo Fictitious", "Echo Fictitious"}

    def test_regional_planner_and_viewer_see_every_mission_unclassified_only(self):
        demo = self.users
        for username in ("planner.region", "viewer"):
            posts = visible(Post.objects.all(), demo[username])
            assert posts.count() == Post.objects.filter(classification=0).count()
            assert posts.values("mission").distinct().count() == 7

    def test_leadership_admin_and_guest(self):
        demo = self.users
        leader_posts = visible(Post.objects.all(), demo["leader.unmis"])
        assert set(leader_posts.values_list("mission__acronym", flat=True)) == {"UNMIS"}
        assert "Echo Fictitious" in visible(Person.objects.all(), demo["leader.unmis"]).values_list("name", flat=True)
        assert visible(Person.objects.all(), demo["admin"]).count() == Person.objects.count()
        guest = demo["guest"]
        assert not visible(Post.objects.all(), guest).exists()
        assert list(visible(Person.objects.all(), guest).values_list("name", flat=True)) == ["Thabo Mbeki"]
