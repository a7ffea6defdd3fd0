"""The entry form's checks: clearance, dates, place, coordinates inside the country; the list's filter form."""

# ruff: noqa: F811 (pytest fixtures imported from log_fixtures are parameters of the tests)

import datetime as dt
import re

import pytest

from peaceops.incidents.log.forms import outside_shape
from peaceops.incidents.models import Incident
from peaceops.incidents.tests.log_fixtures import client_as, log_world  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db

# A rough box around Chad, enough to tell N'Djamena from Paris.
CHAD_SHAPE = {"type": "Polygon", "coordinates": [[[13.5, 7.5], [24.0, 7.5], [24.0, 23.4], [13.5, 23.4], [13.5, 7.5]]]}
ENTRY = {"start_date": "2009-06-01", "category": "armed_clash", "location": "Goz Beida", "pcode": "TD0101",
         "description": "Exchange of fire at the market", "reliability": "F", "credibility": "6",
         "classification": "0"}


@pytest.fixture
def scenario_day(settings):
    settings.PEACEOPS_TODAY = "2009-06-30"


def _options(html: str, name: str) -> list[str]:
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S).group(1)
    return re.findall(r'<option value="([^"]*)"', select)


def test_the_list_filter_offers_any_classification_first_so_an_unchanged_form_hides_nothing(log_world, client_as):
    client = client_as(log_world.users["minurcat"])
    page = client.get("/incidents/").content.decode()
    assert _options(page, "classification")[0] == ""
    # what pressing Filter without touching anything sends: every field empty
    sent = {name: "" for name in ("start", "end", "actor", "mission", "country", "admin1", "classification",
                                  "dataset", "bbox")}
    filtered = client.get("/incidents/", sent).content.decode()
    assert "Abduction of two drivers" in filtered  # confidential, and still listed
    only_open = client.get("/incidents/", {**sent, "classification": "0"}).content.decode()
    assert "Abduction of two drivers" not in only_open and "Clash near Goz Beida" in only_open


def test_the_form_offers_only_the_levels_the_user_is_cleared_for(log_world, client_as):
    page = client_as(log_world.users["watch"]).get("/incidents/new/").content.decode()
    assert _options(page, "classification") == ["0", "1"]  # confidential clearance: no strictly confidential


def test_a_level_above_the_clearance_is_refused_on_the_form_and_what_was_typed_stays(log_world, client_as):
    answer = client_as(log_world.users["watch"]).post("/incidents/new/", {**ENTRY, "classification": "2"})
    assert answer.status_code == 200
    html = answer.content.decode()
    assert 'id="error-classification"' in html
    assert "Exchange of fire at the market" in html and 'value="Goz Beida"' in html
    assert not Incident.objects.filter(description=ENTRY["description"]).exists()


def test_a_service_refusal_is_a_form_error_not_a_bare_403(log_world, client_as, monkeypatch):
    from peaceops.incidents.log import forms as log_forms
    # a form that would offer every level (as before): the service's own check must still answer on the form
    monkeypatch.setattr(log_forms.IncidentForm, "_offer_cleared_levels", lambda self: None)
    answer = client_as(log_world.users["watch"]).post("/incidents/new/", {**ENTRY, "classification": "2"})
    assert answer.status_code == 200
    html = answer.content.decode()
    assert "above your clearance" in html and "Exchange of fire at the market" in html


def test_dates_after_the_scenario_day_are_refused(log_world, client_as, scenario_day):
    client = client_as(log_world.users["watch"])
    page = client.post("/incidents/new/", {**ENTRY, "start_date": "2031-01-01"}).content.decode()
    assert 'id="error-start_date"' in page and "after today (2009-06-30)" in page
    page = client.post("/incidents/new/", {**ENTRY, "end_date": "2009-07-01"}).content.decode()
    assert 'id="error-end_date"' in page
    assert client.post("/incidents/new/", {**ENTRY, "start_date": "2009-06-30"}).status_code == 302


def test_a_place_is_required(log_world, client_as):
    client = client_as(log_world.users["watch"])
    nowhere = {**ENTRY, "pcode": "", "location": ""}
    page = client.post("/incidents/new/", nowhere).content.decode()
    assert 'id="error-location"' in page and "Say where it happened" in page
    page = client.post("/incidents/new/", {**nowhere, "location": "Goz Beida"}).content.decode()
    assert 'id="error-location"' in page  # a name alone, without its country, places nothing
    assert client.post("/incidents/new/", {**nowhere, "location": "Goz Beida", "country": "TCD"}).status_code == 302
    assert client.post("/incidents/new/", {**nowhere, "description": "By coordinates", "latitude": "12.2",
                                           "longitude": "21.4"}).status_code == 302


def test_coordinates_outside_the_country_are_questioned_and_kept_only_when_confirmed(log_world, client_as):
    log_world.chad.geometry = CHAD_SHAPE
    log_world.chad.save()
    client = client_as(log_world.users["watch"])
    in_paris = {**ENTRY, "pcode": "", "country": "TCD", "latitude": "48.85", "longitude": "2.35"}
    page = client.post("/incidents/new/", in_paris).content.decode()
    assert 'id="error-latitude"' in page and "lie outside Chad" in page
    assert 'name="place_confirmed"' in page
    assert not Incident.objects.filter(description=ENTRY["description"]).exists()
    # the country can come from the P-code as well
    page = client.post("/incidents/new/", {**in_paris, "country": "", "pcode": "TD0101"}).content.decode()
    assert "lie outside Chad" in page
    assert client.post("/incidents/new/", {**in_paris, "place_confirmed": "on"}).status_code == 302
    assert client.post("/incidents/new/", {**in_paris, "description": "Abeche", "latitude": "13.83",
                                           "longitude": "20.83"}).status_code == 302


def test_outside_shape_allows_the_border_and_a_missing_shape():
    assert not outside_shape(CHAD_SHAPE, 12.1, 15.05)  # N'Djamena
    assert not outside_shape(CHAD_SHAPE, 12.0, 24.1)  # on the simplified border, within the tolerance
    assert outside_shape(CHAD_SHAPE, 48.85, 2.35)
    assert not outside_shape(None, 48.85, 2.35) and not outside_shape({"type": "Nonsense"}, 1, 1)


def test_coordinates_outside_the_missions_area_on_the_day_are_questioned(log_world, client_as, scenario_day):
    """Inside Chad but outside MINURCAT's eastern area of responsibility: asked, kept only when confirmed."""
    from peaceops.accounts.access import SYSTEM
    from peaceops.registry.services_areas import mission_area_create

    log_world.chad.geometry = CHAD_SHAPE
    log_world.chad.save()
    east = {"type": "Polygon", "coordinates": [[[19.0, 10.0], [24.0, 10.0], [24.0, 16.0], [19.0, 16.0], [19.0, 10.0]]]}
    mission_area_create(SYSTEM, log_world.minurcat, name="Eastern Chad", valid_from=dt.date(2008, 1, 1),
                        geometry=east, reassign=False)
    client = client_as(log_world.users["watch"])
    ndjamena = {**ENTRY, "pcode": "", "country": "TCD", "latitude": "12.1", "longitude": "15.05"}
    page = client.post("/incidents/new/", ndjamena).content.decode()
    assert "lie outside MINURCAT&#x27;s area of responsibility on 2009-06-01" in page or \
        "lie outside MINURCAT's area of responsibility on 2009-06-01" in page
    assert not Incident.objects.filter(description=ENTRY["description"]).exists()
    assert client.post("/incidents/new/", {**ndjamena, "place_confirmed": "on"}).status_code == 302
    abeche = {**ndjamena, "description": "In the east", "latitude": "13.83", "longitude": "20.83"}
    assert client.post("/incidents/new/", abeche).status_code == 302
    # before the area existed the host country decides alone
    assert client.post("/incidents/new/", {**ndjamena, "description": "Earlier", "start_date": "2007-06-01"}
                       ).status_code == 302
