"""The global search (web/search.py, core/search.py, each app's search.py): what a reader finds, never more.

Every kind of record is planted at several missions and levels with one shared odd word; a reader must
find those they are cleared for and not one of the others, by any word of them, on the page and the API.
"""

import datetime as dt

import pytest

from peaceops.coordination.models import Activity, Sector
from peaceops.core import search
from peaceops.core.classification import Classification
from peaceops.incidents.models import Actor, Incident, IncidentActor
from peaceops.mandates.models import Lesson
from peaceops.registry.models import AdminArea, Organisation
from peaceops.reports.models import Report, ReportSection

pytestmark = pytest.mark.django_db
DAY = dt.date(2009, 6, 1)


@pytest.fixture
def planted(world):
    """Records holding the word "zanzibarite" at MINURCAT (confidential: the analyst may read it) and hidden from
    the analyst: strictly confidential at MINURCAT, and confidential at UNAMID."""
    ngo = Organisation.objects.create(name="Aid Zanzibarite Trust", acronym="AZT", kind="ngo")
    sector = Sector.objects.create(code="ZZH", name_en="Health", name_fr="Santé")
    AdminArea.objects.create(pcode="TD99", name="Zanzibarite Plain", level=1, country=world.chad)
    made = {}
    for mission, level, tag in ((world.minurcat, Classification.CONFIDENTIAL, "seen"),
                                (world.minurcat, Classification.STRICTLY_CONFIDENTIAL, "toohigh"),
                                (world.unamid, Classification.CONFIDENTIAL, "othermission")):
        country = world.chad if mission == world.minurcat else world.sudan
        incident = Incident.objects.create(owning_mission=mission, classification=level, category="armed_clash",
                                           start_date=DAY, end_date=DAY, country=country,
                                           description=f"Zanzibarite convoy {tag}word attacked")
        actor = Actor.objects.create(name=f"Zanzibarite {tag}brigade", kind=Actor.Kind.ARMED_GROUP)
        IncidentActor.objects.create(incident=incident, actor=actor, side="a")
        report = Report.objects.create(kind=Report.Kind.THREAT_ASSESSMENT, title=f"Assessment {tag}title",
                                       classification=level, owning_mission=mission,
                                       period_start=DAY, period_end=DAY)
        ReportSection.objects.create(report=report, key="k", title="Situation", body=f"Zanzibarite {tag}body")
        Activity.objects.create(organisation=ngo, sector=sector, country=country, title=f"Zanzibarite {tag}clinic",
                                owning_mission=mission, classification=level)
        Lesson.objects.create(mission=mission, classification=level, title=f"Zanzibarite {tag}lesson",
                              subject=Lesson.Subject.OTHER)
        made[tag] = incident
    # A section above the analyst's clearance in a report they may read must not make that report match.
    open_report = Report.objects.create(kind=Report.Kind.THREAT_ASSESSMENT, title="Quarterly open",
                                        classification=Classification.UNCLASSIFIED, owning_mission=world.minurcat,
                                        period_start=DAY, period_end=DAY)
    ReportSection.objects.create(report=open_report, key="s", title="Secret annex", body="sealedsecretword",
                                 classification=Classification.STRICTLY_CONFIDENTIAL)
    return made


def _found(client, query):
    """The results part of the page (the query itself is echoed in the boxes and the language form)."""
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    page = response.content.decode()
    return page[page.index("<main"):page.index("</main>")].split("</form>", 1)[1]


def test_a_reader_finds_every_kind_they_may_read_grouped_with_counts(world, planted, client_as):
    page = _found(client_as(world.users["minurcat"]), "zanzibarite")
    for kind in ("Incidents", "Actors", "Places", "Reports", "3W activities", "Lessons shared between missions"):
        assert kind in page, kind
    assert "seenword" in page and "Zanzibarite seenbrigade" in page and "Zanzibarite Plain" in page
    assert "Assessment seentitle" in page and "Zanzibarite seenclinic" in page and "Zanzibarite seenlesson" in page
    assert f'href="/incidents/{planted["seen"].pk}/"' in page
    assert '<span class="item-marking level-1">CONFIDENTIAL</span>' in page  # each hit carries its own marking
    words, groups = search.search(world.users["minurcat"], "zanzibarite")
    counts = {group.key: group.count for group in groups}
    assert counts == {"incidents": 1, "actors": 1, "places": 1, "reports": 1, "activities": 1, "lessons": 1}


def test_the_framework_library_and_people_are_found(world, client_as):
    from peaceops.mandates.models import FrameworkItem, FrameworkObjective, ItemKind

    objective = FrameworkObjective.objects.create(ref="T", number=9, title="Test chapter")
    FrameworkItem.objects.create(objective=objective, ref="T-1", kind=ItemKind.values[0],
                                 title="Security sector reform", text="Quixotic benchmark text")
    page = _found(client_as(world.users["minurcat"]), "quixotic")
    assert "Framework library" in page and "Security sector reform" in page
    page = _found(client_as(world.users["minurcat"]), "MINURCAT person")
    assert "MINURCAT person confidential" in page and "MINURCAT person strictly_confidential" not in page


@pytest.mark.parametrize("word", ["toohigh", "othermission", "zanzibarite toohigh", "sealedsecretword",
                                  "UNAMID person"])
def test_nothing_of_a_mission_or_level_not_cleared_is_found_by_any_word(world, planted, client_as, api_as, word):
    for suffix in ("word", "brigade", "title", "body", "clinic", "lesson", ""):
        query = f"{word}{suffix}"
        page = _found(client_as(world.users["minurcat"]), query)
        assert "search-group" not in page, query
        data = api_as(world.users["minurcat"]).get("/api/v1/search/", {"q": query}).json()
        assert data["groups"] == [], (query, data["groups"])


def test_those_cleared_find_what_the_analyst_does_not(world, planted, api_as):
    data = api_as(world.users["admin"]).get("/api/v1/search/", {"q": "zanzibarite"}).json()
    counts = {group["key"]: group["count"] for group in data["groups"]}
    [incidents] = [group for group in data["groups"] if group["key"] == "incidents"]
    assert sorted(hit["marking"] for hit in incidents["hits"]) == ["CONFIDENTIAL", "CONFIDENTIAL",
                                                                   "STRICTLY CONFIDENTIAL"]
    assert counts["incidents"] == 3 and counts["reports"] == 3 and counts["actors"] == 3
    unamid = api_as(world.users["unamid"]).get("/api/v1/search/", {"q": "othermissionword"}).json()
    assert [group["key"] for group in unamid["groups"]] == ["incidents"]


def test_signed_out_and_ungranted_readers_find_nothing(world, planted, client, api_as):
    assert client.get("/search/", {"q": "zanzibarite"}).status_code == 302  # to the login page
    assert client.get("/api/v1/search/", {"q": "zanzibarite"}).status_code in (401, 403)
    data = api_as(world.users["nobody"]).get("/api/v1/search/", {"q": "zanzibarite seen"}).json()
    assert [group["key"] for group in data["groups"]] in ([], ["places"])  # places are public reference data


@pytest.mark.parametrize("query", ["", "   ", "a", "x" * 5000, "' OR 1=1 --", "%", "_", "\\",
                                   "<script>alert(1)</script>", "\x00zanz", "zanzibarite\r\n\t<b>", "😀 zanzibarite",
                                   "a " * 300])
def test_odd_queries_answer_a_normal_page(world, planted, client_as, api_as, query):
    response = client_as(world.users["minurcat"]).get("/search/", {"q": query})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode() and "<b>" not in _found(response.client, query)
    response = api_as(world.users["minurcat"]).get("/api/v1/search/", {"q": query})
    assert response.status_code == 200
    assert len(response.json()["words"]) <= search.MAX_WORDS


def test_percent_and_underscore_are_plain_characters(world, planted, client_as):
    assert search.search(world.users["admin"], "%")[1] == []
    assert search.search(world.users["admin"], "__")[1] == []


def test_the_box_is_on_every_page_and_the_results_page_in_french(world, planted, client_as):
    client = client_as(world.users["minurcat"])
    assert 'role="search"' in client.get("/registry/missions/").content.decode()
    client.cookies["django_language"] = "fr"
    page = client.get("/search/", {"q": "zanzibarite"}, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Recherche" in page and "Incidents" in page
