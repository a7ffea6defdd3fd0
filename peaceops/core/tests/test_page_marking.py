"""Every page carries its classification marking, top and bottom: the highest level of what it shows."""

import re

import pytest
from django.test import Client

from peaceops.core.classification import Classification
from peaceops.incidents.models import Incident

pytestmark = pytest.mark.django_db

BANNER = re.compile(rb'<p class="classification-banner level-(\d)" data-marking="(top|bottom)" role="note">([^<]+)</p>')


def _banners(response):
    return [(int(level), where.decode(), text.decode()) for level, where, text in BANNER.findall(response.content)]


def _incident(world, level):
    incident = Incident.objects.create(owning_mission=world.minurcat, classification=level, category="armed_clash",
                                       start_date="2009-06-01", end_date="2009-06-01", country=world.chad,
                                       location="Abeche")
    incident.missions.set([world.minurcat])
    return incident


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def test_a_page_showing_a_confidential_record_is_marked_confidential_top_and_bottom(world):
    incident = _incident(world, Classification.CONFIDENTIAL)
    response = _client(world.users["minurcat"]).get(f"/incidents/{incident.pk}/")
    assert response.status_code == 200
    assert _banners(response) == [(1, "top", "CONFIDENTIAL"), (1, "bottom", "CONFIDENTIAL")]
    assert response["X-Classification"] == "1"


def test_a_page_with_nothing_classified_is_marked_unclassified(world):
    incident = _incident(world, Classification.UNCLASSIFIED)
    response = _client(world.users["minurcat"]).get(f"/incidents/{incident.pk}/")
    assert [level for level, _where, _text in _banners(response)] == [0, 0]


def test_a_reader_not_cleared_sees_no_higher_marking_than_what_they_may_read(world):
    """The log lists only what the reader may read: a confidential record they cannot see does not mark it."""
    _incident(world, Classification.STRICTLY_CONFIDENTIAL)
    _incident(world, Classification.UNCLASSIFIED)
    viewer = world.users["minurcat"]  # cleared for confidential
    admin_levels = {level for level, _w, _t in _banners(_client(world.users["admin"]).get("/incidents/"))}
    assert admin_levels == {Classification.STRICTLY_CONFIDENTIAL}
    denied = _client(viewer).get("/incidents/")
    assert denied.status_code == 200
    assert all(level < Classification.STRICTLY_CONFIDENTIAL for level, _w, _t in _banners(denied))


def test_the_marking_is_in_the_active_language(world):
    incident = _incident(world, Classification.STRICTLY_CONFIDENTIAL)
    client = _client(world.users['admin'])
    client.cookies["django_language"] = "fr"
    response = client.get(f"/incidents/{incident.pk}/")
    texts = {text for _level, _where, text in _banners(response)}
    assert texts == {"STRICTEMENT CONFIDENTIEL"}, texts


def test_the_login_page_has_no_marking_and_json_is_untouched(world):
    assert _banners(Client().get("/login/")) == []
    response = _client(world.users['admin']).get("/api/v1/incidents/")
    assert b"classification-banner" not in response.content


def test_the_sitrep_page_is_marked_with_the_level_of_the_report_it_shows(world):
    """The sitrep reads columns, not records: its view tells the page the report's level."""
    incident = _incident(world, Classification.CONFIDENTIAL)
    incident.status = "published"
    incident.save()
    response = _client(world.users["minurcat"]).get("/incidents/sitrep/", {"mission": "MINURCAT",
                                                                            "date": "2009-06-01"})
    assert response.status_code == 200
    assert {level for level, _where, _text in _banners(response)} == {Classification.CONFIDENTIAL}
