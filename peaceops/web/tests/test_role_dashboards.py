"""The role dashboards: boards by the roles held in the scope, tiles that count only what the reader may read,
each linking to its page filtered, and the day the dashboard opens on (the scenario's in a demo)."""

import datetime as dt
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.http import QueryDict
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from peaceops.accounts.models import Grant
from peaceops.core.classification import Classification
from peaceops.incidents.filters import IncidentFilter
from peaceops.incidents.log.selectors import incidents_for
from peaceops.incidents.models import Incident
from peaceops.registry.models import Assignment
from peaceops.testing import make_user
from peaceops.web import dashboards

DAY = dt.date(2009, 6, 8)
SCENARIO = override_settings(PEACEOPS_TODAY=DAY.isoformat())


@pytest.fixture(autouse=True)
def _scenario(monkeypatch):
    monkeypatch.delenv("PEACEOPS_TODAY", raising=False)
    with SCENARIO:
        yield


def _incident(mission, level, category="armed_clash", day=DAY, **fields):
    incident = Incident.objects.create(owning_mission=mission, classification=level, category=category,
                                       start_date=day, end_date=day, country=mission.host_countries.first(),
                                       location="Abeche", **fields)
    incident.missions.set([mission])
    return incident


@pytest.fixture
def day_world(shell_world):
    """On DAY: MINURCAT logs one incident at each level (two armed clashes, one abduction), one still a draft
    with an open follow-up; UNAMID one; MINURCAT one the day before, placed on the map."""
    w = shell_world
    _incident(w.minurcat, Classification.UNCLASSIFIED, status=Incident.Status.VERIFIED)
    _incident(w.minurcat, Classification.CONFIDENTIAL, follow_up="Confirm the number of wounded")
    _incident(w.minurcat, Classification.STRICTLY_CONFIDENTIAL, category="abduction", status=Incident.Status.VERIFIED)
    _incident(w.unamid, Classification.UNCLASSIFIED, category="banditry")
    _incident(w.minurcat, Classification.UNCLASSIFIED, day=DAY - dt.timedelta(days=1), latitude=13.8, longitude=20.8)
    return w


def _boards(client, **query) -> dict:
    """{board key: {tile key: (figure or None, tile html)}} of the dashboard page."""
    page = client.get(reverse("web:home"), query).content.decode()
    found = {}
    for board, body in re.findall(r'<section class="board"[^>]*data-board="(\w+)">(.*?)</section>', page, re.S):
        tiles = {}
        for key, html in re.findall(r'data-tile="([\w.]+)"[^>]*>(.*?)</article>', body, re.S):
            figure = re.search(r'<span class="tile-value">(\d+)</span>', html)
            tiles[key] = (int(figure.group(1)) if figure else None, html)
        found[board] = tiles
    return found


def _figure(client, board, tile, **query):
    return _boards(client, **query)[board][tile][0]


def _in_region(client, world):
    client.post(reverse("web:choose-scope"), {"scope": f"region:{world.region.id}"})
    return client


# --- boards by role ----------------------------------------------------------------------------------------

def test_each_role_sees_its_own_board(day_world, client_as):
    assert list(_boards(client_as(day_world.users["minurcat"]))) == ["analyst"]  # a JMAC analyst
    assert list(_boards(client_as(day_world.users["unamid"]))) == ["watch"]  # a JOC watch officer
    assert list(_boards(client_as(day_world.users["regional"]))) == ["watch"]  # a viewer reads the day's picture
    assert list(_boards(client_as(day_world.users["admin"]))) == ["watch", "analyst", "planner", "leadership"]


def test_a_user_holding_several_roles_sees_the_boards_of_each(day_world, client_as):
    user = make_user("two-hats", "officer", mission=day_world.minurcat, clearance=Classification.CONFIDENTIAL)
    Grant.objects.create(user=user, role="planner", mission=day_world.minurcat, clearance=Classification.UNCLASSIFIED)
    boards = _boards(client_as(user))
    assert list(boards) == ["watch", "planner"]
    assert {"incidents.today", "incidents.follow_ups", "incidents.map48", "incidents.sitrep",
            "analysis.alerts"} <= set(boards["watch"])
    assert {"mandates.isf", "mandates.overdue", "mandates.health"} <= set(boards["planner"])


def test_a_grant_on_another_mission_opens_no_board_here(day_world, client_as):
    """A leader of UNAMID who is an officer in MINURCAT sees the watch board on MINURCAT, not the leadership's."""
    user = make_user("leader-elsewhere", "leadership", mission=day_world.unamid)
    Grant.objects.create(user=user, role="officer", mission=day_world.minurcat, clearance=Classification.UNCLASSIFIED)
    client = client_as(user)
    client.post(reverse("web:choose-scope"), {"scope": f"mission:{day_world.minurcat.id}"})
    assert list(_boards(client)) == ["watch"]


def test_every_app_offers_its_tiles_through_its_dashboard_module():
    offered = {function.__module__ for _board, function in dashboards.providers()}
    assert offered == {f"peaceops.{app}.dashboard" for app in
                       ("analysis", "assets", "incidents", "mandates", "notifications", "reports")}


# --- counts never pass the reader's clearance ---------------------------------------------------------------

def test_the_days_incidents_are_counted_up_to_the_readers_clearance(day_world, client_as):
    admin = client_as(day_world.users["admin"])
    admin.post(reverse("web:choose-scope"), {"scope": f"mission:{day_world.minurcat.id}"})
    assert _figure(admin, "watch", "incidents.today") == 3  # every level; not UNAMID's

    unamid = client_as(day_world.users["unamid"])  # cleared to strictly confidential, but in UNAMID only
    assert _figure(unamid, "watch", "incidents.today") == 1

    viewer = _in_region(client_as(day_world.users["regional"]), day_world)
    boards = _boards(viewer)
    assert boards["watch"]["incidents.today"][0] == 2  # the unclassified ones of both missions
    assert "Abduction" not in boards["watch"]["incidents.today"][1]  # the strictly confidential category


def test_follow_ups_and_the_sitrep_status_stop_at_the_clearance(day_world, client_as):
    admin = client_as(day_world.users["admin"])
    admin.post(reverse("web:choose-scope"), {"scope": f"mission:{day_world.minurcat.id}"})
    boards = _boards(admin)["watch"]
    assert boards["incidents.follow_ups"][0] == 1 and "Confirm" not in boards["incidents.follow_ups"][1]
    assert "1 of 3 incidents still to verify" in boards["incidents.sitrep"][1]

    viewer = _in_region(client_as(day_world.users["regional"]), day_world)
    boards = _boards(viewer)["watch"]
    assert boards["incidents.follow_ups"][0] == 0  # the follow-up is on a confidential incident
    assert "every incident of the day verified" not in boards["incidents.sitrep"][1]  # UNAMID's draft
    assert "1 of 2 incidents still to verify" in boards["incidents.sitrep"][1]


def test_the_map_of_48_hours_places_only_readable_incidents(day_world, client_as):
    admin = client_as(day_world.users["admin"])
    admin.post(reverse("web:choose-scope"), {"scope": f"mission:{day_world.minurcat.id}"})
    figure, html = _boards(admin)["watch"]["incidents.map48"]
    assert figure == 4 and html.count("<circle") == 1  # four in 48 hours, one of them with coordinates
    assert "start=2009-06-07" in html and "end=2009-06-08" in html


# --- links with the filter applied ---------------------------------------------------------------------------

def test_a_category_row_opens_the_log_filtered_to_the_same_rows(day_world, client_as):
    user = day_world.users["admin"]
    admin = client_as(user)
    admin.post(reverse("web:choose-scope"), {"scope": f"mission:{day_world.minurcat.id}"})
    html = _boards(admin)["watch"]["incidents.today"][1]
    row = re.search(r'<a href="([^"]+)">Armed clash</a> <span class="tile-row-value">(\d+)</span>', html)
    url = row.group(1).replace("&amp;", "&")
    assert urlsplit(url).path == reverse("incidents:list")
    query = parse_qs(urlsplit(url).query)
    assert query == {"start": ["2009-06-08"], "end": ["2009-06-08"], "category": ["armed_clash"],
                     "mission": ["MINURCAT"]}
    params = QueryDict(urlsplit(url).query)
    assert IncidentFilter(params, queryset=incidents_for(user)).qs.count() == int(row.group(2)) == 2
    assert admin.get(url).status_code == 200


def test_the_follow_ups_tile_opens_the_sitrep_of_the_day(day_world, client_as):
    client = client_as(day_world.users["unamid"])
    html = _boards(client)["watch"]["incidents.follow_ups"][1]
    assert "/incidents/sitrep/?date=2009-06-08&amp;mission=UNAMID" in html


# --- the day ----------------------------------------------------------------------------------------------------

def test_the_dashboard_opens_on_the_scenario_day_and_takes_another(day_world, client_as):
    client = client_as(day_world.users["unamid"])
    page = client.get(reverse("web:home")).content.decode()
    assert 'name="day" value="2009-06-08"' in page and "Back to today" not in page
    assert _figure(client, "watch", "incidents.today", day="2009-06-09") == 0
    assert "Back to today" in client.get(reverse("web:home"), {"day": "2009-06-09"}).content.decode()


@pytest.mark.parametrize("value", ["bad", "0001-01-01", "9999-12-31", "2009-13-01"])
def test_an_odd_day_is_a_400_inside_the_layout(day_world, client_as, value):
    response = client_as(day_world.users["unamid"]).get(reverse("web:home"), {"day": value})
    assert response.status_code == 400
    page = response.content.decode()
    assert "“day”" in page and 'class="topbar"' in page


def test_leadership_holders_are_those_of_the_dashboards_day(day_world, client_as):
    srsg = day_world.records["leadership"]["srsg"]
    Assignment.objects.filter(post=srsg).update(start_date=dt.date(2008, 1, 1), end_date=dt.date(2010, 2, 28))
    client = client_as(day_world.users["admin"])
    client.post(reverse("web:choose-scope"), {"scope": f"mission:{day_world.minurcat.id}"})

    def leadership(**query) -> str:
        page = client.get(reverse("web:home"), query).content.decode()
        return re.search(r'<h2 id="h-lead">.*?</section>', page, re.S).group(0)

    assert "Victor da Silva Angelo" in leadership()  # 2009-06-08, the scenario's day
    assert "Victor da Silva Angelo" not in leadership(day="2011-01-01")  # he had left
    assert "Victor da Silva Angelo" not in leadership(day="2007-12-31")  # not yet arrived


# --- other boards --------------------------------------------------------------------------------------------

def test_the_planner_and_leadership_boards_render_on_an_empty_scope(day_world, client_as):
    client = client_as(day_world.users["admin"])
    boards = _boards(client)
    assert {"mandates.risks", "reports.approvals", "reports.late", "notifications.inbox",
            "assets.consents"} <= set(boards["leadership"])
    assert "No Integrated Strategic Framework in force that day." in boards["planner"]["mandates.isf"][1]
    assert {"analysis.review", "analysis.hotspots", "analysis.trends", "analysis.forecasts",
            "notifications.requests"} <= set(boards["analyst"])


def test_the_tiles_speak_french(day_world, client_as):
    client = client_as(day_world.users["unamid"])
    with translation.override("fr"):
        page = client.get(reverse("web:home"), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Incidents du jour par catégorie" in page and "Suivis à faire" in page
    assert "Incidents of the day by category" not in page
