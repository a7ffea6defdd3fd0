"""Every route of the inbox, as the receiver, a viewer and an uninvolved mission: what each sees and may do.

The receiver's pages and API never carry the incidents' text (their place or description), before or after
a release: a notification speaks of counts, and a released incident is read on its own page."""

import pytest

from peaceops.accounts.access import SYSTEM
from peaceops.notifications import services
from peaceops.notifications.models import InformationRequest, Release
from peaceops.notifications.tests.conftest import SECRET_PLACE, SECRET_TEXT

pytestmark = pytest.mark.django_db


@pytest.fixture
def n(scene):
    return services.alert_notify(SYSTEM, scene.alert)[0]


def _clean(body: bytes):
    text = body.decode()
    assert SECRET_PLACE not in text and "CANARY-DESCRIPTION" not in text and SECRET_TEXT not in text


def test_the_receiver_reads_the_inbox_and_the_header_count(scene, n, client):
    client.force_login(scene.users["jmac_unamid"])
    page = client.get("/notifications/")
    assert page.status_code == 200 and b"Sila" in page.content
    assert b'id="unread-notifications">1<' in page.content
    _clean(page.content)
    detail = client.get(f"/notifications/{n.pk}/")
    assert detail.status_code == 200 and b"displacement: 3" in detail.content
    _clean(detail.content)
    assert b'id="unread-notifications">0<' in client.get("/notifications/").content  # opened: read
    assert client.get("/notifications/?kind=surge").content.count(b"Sila") == 0
    assert client.post(f"/notifications/{n.pk}/acknowledge/").status_code == 302
    assert b"Sila" in client.get("/notifications/?state=acknowledged").content


def test_pages_of_an_uninvolved_mission_are_404(scene, n, client):
    asked = services.information_request_create(scene.users["jmac_unamid"], n)
    client.force_login(scene.users["jmac_monuc"])
    assert b"Sila" not in client.get("/notifications/").content
    for url in (f"/notifications/{n.pk}/", f"/notifications/requests/{asked.pk}/"):
        assert client.get(url).status_code == 404, url
    for url in (f"/notifications/{n.pk}/acknowledge/", f"/notifications/{n.pk}/ask/",
                f"/notifications/requests/{asked.pk}/release/", f"/notifications/requests/{asked.pk}/decline/"):
        assert client.post(url, {"ids": [scene.incidents[0].pk], "reason": "x"}).status_code == 404, url
    assert not Release.objects.exists() and InformationRequest.objects.get().status == "open"


def test_a_viewer_may_not_ask_nor_release_on_pages(scene, n, client):
    client.force_login(scene.users["viewer_unamid"])
    assert client.post(f"/notifications/{n.pk}/ask/").status_code == 403
    asked = services.information_request_create(scene.users["jmac_unamid"], n)
    client.force_login(scene.users["viewer_minurcat"])
    assert client.post(f"/notifications/requests/{asked.pk}/release/",
                       {"ids": [scene.incidents[0].pk]}).status_code == 403
    assert client.post(f"/notifications/requests/{asked.pk}/decline/", {"reason": "no"}).status_code == 403
    assert not Release.objects.exists()


def test_the_page_flow_ask_then_release(scene, n, client):
    client.force_login(scene.users["jmac_unamid"])
    answer = client.post(f"/notifications/{n.pk}/ask/", {"question": "Numbers?"})
    asked = InformationRequest.objects.get()
    assert answer.status_code == 302 and answer["Location"] == f"/notifications/requests/{asked.pk}/"
    client.force_login(scene.users["jmac_minurcat"])
    page = client.get(f"/notifications/requests/{asked.pk}/")
    assert b"Release chosen incidents" in page.content
    client.post(f"/notifications/requests/{asked.pk}/release/", {"ids": [scene.incidents[2].pk]})
    assert Release.objects.get().incident_ids == [scene.incidents[2].pk]
    client.force_login(scene.users["jmac_unamid"])
    detail = client.get(f"/notifications/{n.pk}/")
    assert f"#{scene.incidents[2].pk}".encode() in detail.content
    _clean(detail.content)
    _clean(client.get(f"/notifications/requests/{asked.pk}/").content)


def test_api_routes_for_receiver_viewer_owner_and_uninvolved(scene, n, api_as):
    receiver = api_as(scene.users["jmac_unamid"])
    listed = receiver.get("/api/v1/notifications/")
    assert listed.status_code == 200 and [row["key"] for row in listed.json()["results"]] == [n.alert_key]
    _clean(listed.content)
    row = receiver.get(f"/api/v1/notifications/{n.pk}/").json()
    assert row["counts"] == {"attack_on_civilians": 1, "displacement": 3} and row["readable_evidence_ids"] == []
    assert receiver.get("/api/v1/notifications/?state=unread").json()["count"] == 1
    assert receiver.post(f"/api/v1/notifications/{n.pk}/acknowledge/").json()["acknowledged"] is True
    assert receiver.get("/api/v1/notifications/?state=unread").json()["count"] == 0

    assert api_as(scene.users["viewer_unamid"]).post(f"/api/v1/notifications/{n.pk}/ask/").status_code == 403
    bad = receiver.post(f"/api/v1/notifications/{n.pk}/ask/", {"evidence_ids": [scene.other.pk]}, format="json")
    assert bad.status_code == 400 and bad.json()["field"] == "evidence_ids", bad.json()
    made = receiver.post(f"/api/v1/notifications/{n.pk}/ask/", {"question": "?"}, format="json")
    assert made.status_code == 201
    rfi = made.json()["id"]

    outsider = api_as(scene.users["jmac_monuc"])
    assert outsider.get("/api/v1/notifications/").json()["count"] == 0
    assert outsider.get("/api/v1/information-requests/").json()["count"] == 0
    for url in (f"/api/v1/notifications/{n.pk}/", f"/api/v1/information-requests/{rfi}/",
                f"/api/v1/information-requests/{rfi}/history/"):
        assert outsider.get(url).status_code == 404, url
    for url in (f"/api/v1/notifications/{n.pk}/ask/", f"/api/v1/notifications/{n.pk}/acknowledge/",
                f"/api/v1/information-requests/{rfi}/release/", f"/api/v1/information-requests/{rfi}/decline/"):
        assert outsider.post(url, {"incident_ids": [scene.incidents[0].pk], "reason": "x"},
                             format="json").status_code == 404, url

    viewer = api_as(scene.users["viewer_minurcat"])
    assert viewer.post(f"/api/v1/information-requests/{rfi}/release/", {"incident_ids": [scene.incidents[0].pk]},
                       format="json").status_code == 403
    owner = api_as(scene.users["jmac_minurcat"])
    other = owner.post(f"/api/v1/information-requests/{rfi}/release/", {"incident_ids": [scene.other.pk]},
                       format="json")
    assert other.status_code == 403 and other.json()["field"] == "incident_ids"
    assert owner.post(f"/api/v1/information-requests/{rfi}/decline/", {"reason": ""},
                      format="json").json()["field"] == "reason"
    released = owner.post(f"/api/v1/information-requests/{rfi}/release/",
                          {"incident_ids": [scene.incidents[0].pk]}, format="json")
    assert released.status_code == 201
    release_id = released.json()["id"]
    assert receiver.get(f"/api/v1/releases/{release_id}/").status_code == 200
    assert len(receiver.get(f"/api/v1/releases/{release_id}/history/").json()) == 1
    assert outsider.get(f"/api/v1/releases/{release_id}/").status_code == 404
    assert receiver.get(f"/api/v1/notifications/{n.pk}/").json()["readable_evidence_ids"] == [scene.incidents[0].pk]
    assert receiver.get(f"/api/v1/incidents/{scene.incidents[0].pk}/").status_code == 200
    assert receiver.get(f"/api/v1/incidents/{scene.incidents[1].pk}/").status_code == 404
    _clean(receiver.get(f"/api/v1/notifications/{n.pk}/").content)


def test_the_inbox_sorts_pages_and_keeps_more_than_two_hundred(scene, n, client):
    """Sortable columns, page size and page jump (core.listing); the inbox was cut at 200 before."""
    unamid = n.recipient
    for number in range(230):
        services.mission_notify(SYSTEM, recipient=unamid, key=f"test:{number}", kind="test",
                                title=f"Notice {number:03d}")
    client.force_login(scene.users["jmac_unamid"])
    last = client.get("/notifications/?kind=test&sort=title&page=99&page_size=100").content.decode()
    assert "Notice 229" in last and "Notice 199" not in last  # page 3 of 3, clamped from 99
    first = client.get("/notifications/?kind=test&sort=-title&page_size=25").content.decode()
    assert "Notice 229" in first and "Notice 000" not in first
    odd = client.get("/notifications/?sort=nonsense&page=-1&page_size=1000000000")
    assert odd.status_code == 200
