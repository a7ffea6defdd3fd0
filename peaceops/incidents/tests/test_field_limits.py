"""Free-text fields have length limits the user is told about, in the form and in the API; long texts fold."""

# ruff: noqa: F811 (pytest fixtures imported from log_fixtures are parameters of the tests)

import pytest

from peaceops.incidents.limits import LIMITS
from peaceops.incidents.models import Incident
from peaceops.incidents.tests.log_fixtures import client_as, log_world  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db

ENTRY = {"start_date": "2009-06-01", "category": "armed_clash", "location": "Goz Beida", "pcode": "TD0101",
         "description": "Exchange of fire at the market", "reliability": "F", "credibility": "6",
         "classification": "0"}
REPORT = {"start_date": "2009-05-02", "category": "banditry", "latitude": 13.2, "longitude": 20.5, "country": "TCD",
          "description": "Convoy stopped at Farchana"}
HUGE = "x" * 112_000


def test_the_form_tells_the_limit_and_refuses_a_longer_text_keeping_what_was_typed(log_world, client_as):
    client = client_as(log_world.users["watch"])
    assert "At most 10,000 characters." in client.get("/incidents/new/").content.decode()
    before = Incident.objects.count()
    answer = client.post("/incidents/new/", {**ENTRY, "description": HUGE, "side_a": "Rebels"})
    page = answer.content.decode()
    assert answer.status_code == 200 and Incident.objects.count() == before  # nothing half-written
    assert "What happened may hold at most 10,000 characters; this text has 112,000." in page
    assert HUGE in page and 'value="Rebels"' in page  # what was typed stays
    place = client.post("/incidents/new/", {**ENTRY, "location": "P" * 301}).content.decode()
    assert "Place may hold at most 300 characters; this text has 301." in place
    assert client.post("/incidents/new/", {**ENTRY, "description": "y" * LIMITS["description"]}).status_code == 302


def test_the_api_refuses_a_longer_text_naming_the_field_and_the_limit(log_world, api_as):
    client = api_as(log_world.users["watch"])
    before = Incident.objects.count()
    answer = client.post("/api/v1/incidents/", {**REPORT, "description": HUGE}, format="json")
    assert answer.status_code == 400 and Incident.objects.count() == before
    assert "description may hold at most 10,000 characters; this text has 112,000." in answer.content.decode()
    long_place = client.post("/api/v1/incidents/", {**REPORT, "location": "P" * 301}, format="json")
    assert long_place.status_code == 400 and "location may hold at most 300 characters" in long_place.content.decode()
    follow_up = client.post("/api/v1/incidents/", {**REPORT, "follow_up": "f" * 2_001}, format="json")
    assert follow_up.status_code == 400 and "follow_up may hold at most 2,000" in follow_up.content.decode()
    assert client.post("/api/v1/incidents/", REPORT, format="json").status_code == 201


def test_a_long_description_folds_on_the_detail_page(log_world, client_as):
    incident = log_world.records["incidents"]["minurcat_open"]
    client = client_as(log_world.users["watch"])
    incident.description = "A long account. " * 500
    incident.save()
    page = client.get(f"/incidents/{incident.pk}/").content.decode()
    assert '<div class="fold" id="description" data-more="Show more"' in page
    assert "incidents/fold.js" in page and "<script>" not in page
