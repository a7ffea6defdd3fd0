"""A correction made from an older version of a report is refused, on the form and through the API.

The audit's lost update on the incident log: a second person saving what they opened before the
first person's change must not silently overwrite it. The form carries the version it was opened
on in a hidden field; the API answers an ETag and refuses a stale If-Match with 412 and the
current values.
"""

# ruff: noqa: F811 (pytest fixtures imported from log_fixtures are parameters of the tests)

import html
import re

import pytest

from peaceops.incidents.log.services import incident_update
from peaceops.incidents.models import Incident
from peaceops.incidents.tests.log_fixtures import client_as, log_world  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db


def form_as_opened(page: str) -> dict:
    """The values of the edit form's inputs as the page was served (what the browser would send back)."""
    fields = {}
    for tag in re.findall(r"<input[^>]*>", page):
        name, value = re.search(r'name="([^"]+)"', tag), re.search(r'value="([^"]*)"', tag)
        if name and 'type="checkbox"' not in tag:
            fields[name.group(1)] = html.unescape(value.group(1)) if value else ""
    for name, body in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', page, re.S):
        fields[name] = html.unescape(body.strip())
    for name, body in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', page, re.S):
        chosen = re.search(r'<option value="([^"]*)"[^>]*selected', body)
        fields[name] = chosen.group(1) if chosen else ""
    return fields


def test_a_form_opened_before_another_correction_is_refused_and_keeps_that_correction(log_world, client_as):
    report = log_world.records["incidents"]["minurcat_open"]
    client = client_as(log_world.users["watch"])
    opened = form_as_opened(client.get(f"/incidents/{report.pk}/edit/").content.decode())
    assert opened["version"], "the form carries the version it was opened on"

    # meanwhile a colleague corrects the place
    incident_update(user=log_world.users["minurcat"], incident=Incident.objects.get(pk=report.pk),
                    fields={"location": "Goz Beida market"})

    answer = client.post(f"/incidents/{report.pk}/edit/", {**opened, "description": "Clash at dawn"})
    assert answer.status_code == 200  # the form again, with the reason
    assert "Someone saved a correction of this report since you opened it" in answer.content.decode()
    stored = Incident.objects.get(pk=report.pk)
    assert (stored.location, stored.description) == ("Goz Beida market", "Clash near Goz Beida")

    reopened = form_as_opened(client.get(f"/incidents/{report.pk}/edit/").content.decode())
    assert client.post(f"/incidents/{report.pk}/edit/", {**reopened, "description": "Clash at dawn"}).status_code == 302
    stored.refresh_from_db()
    assert (stored.location, stored.description) == ("Goz Beida market", "Clash at dawn")


def test_an_api_change_from_an_old_etag_is_refused_with_412_and_the_current_values(log_world, api_as):
    report = log_world.records["incidents"]["minurcat_open"]
    url = f"/api/v1/incidents/{report.pk}/"
    first, second = api_as(log_world.users["minurcat"]), api_as(log_world.users["watch"])
    etag = first.get(url)["ETag"]
    assert second.get(url)["ETag"] == etag

    changed = first.patch(url, {"location": "Goz Beida market"}, format="json", HTTP_IF_MATCH=etag)
    assert changed.status_code == 200, changed.json()
    stale = second.patch(url, {"description": "Clash at dawn"}, format="json", HTTP_IF_MATCH=etag)
    assert stale.status_code == 412
    body = stale.json()
    assert body["code"] == "precondition_failed" and body["current"]["location"] == "Goz Beida market"
    assert stale["ETag"] == changed["ETag"]
    assert second.delete(url, HTTP_IF_MATCH=etag).status_code == 412
    assert Incident.objects.get(pk=report.pk).description == "Clash near Goz Beida"

    retried = second.patch(url, {"description": "Clash at dawn"}, format="json", HTTP_IF_MATCH=stale["ETag"])
    assert retried.status_code == 200, retried.json()
    stored = Incident.objects.get(pk=report.pk)
    assert (stored.location, stored.description) == ("Goz Beida market", "Clash at dawn")
