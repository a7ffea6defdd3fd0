"""Asset requests reach the inboxes of the missions they concern (the cross-border inbox, peaceops.notifications):
the lending mission learns a request awaits its consent, the requesting mission learns the outcome."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from peaceops.assets import services
from peaceops.assets.models import Consent
from peaceops.assets.tests.test_services import _consent_all, _request
from peaceops.notifications import selectors as inbox
from peaceops.notifications.models import Notification

pytestmark = pytest.mark.django_db


def _titles(user):
    return [n.title for n in inbox.notifications_for(user)]


def test_the_lending_mission_is_told_a_request_awaits_its_consent_and_the_requester_is_not(pool):
    world, users = pool["world"], pool["users"]
    _request(pool)
    notice = Notification.objects.get(kind="asset_requested")
    assert (notice.recipient, notice.source_mission) == (world.unamid, world.minurcat)
    assert "MINURCAT asks for Mi-8 helicopter UNAMID-01" in notice.title
    assert any("asks for Mi-8" in title for title in _titles(users["unamid_lead"]))
    assert not any("asks for" in title for title in _titles(users["minurcat_lead"]))  # not its inbox


def test_the_requesting_mission_learns_the_loan_is_approved_once(pool):
    request = _request(pool)
    _consent_all(pool, request)
    approved = Notification.objects.filter(kind="asset_approved")
    assert [(n.recipient, n.title) for n in approved] == [
        (pool["world"].minurcat, "Asset loan approved: Mi-8 helicopter UNAMID-01 (every consent given)")]
    assert any("loan approved" in title for title in _titles(pool["users"]["minurcat_lead"]))
    assert not any("loan approved" in title for title in _titles(pool["users"]["unamid_lead"]))


def test_a_refusal_is_sent_to_the_requesting_mission(pool):
    request = _request(pool)
    sudan = request.consents.get(party=Consent.Party.HOST_GOVERNMENT, country=pool["world"].sudan)
    services.consent_decide(
        user=pool["users"]["minurcat_lead"],
        consent=sudan,
        given=False,
        person="Government of Sudan",
        on=dt.date(2009, 12, 2),
    )
    refused = Notification.objects.get(kind="asset_refused")
    assert refused.recipient == pool["world"].minurcat
    assert refused.title.startswith("Asset request refused: Mi-8 helicopter UNAMID-01")


def test_a_refused_request_sends_nothing(pool):
    """A user who may not request for the mission is refused before anything is written or sent."""
    with pytest.raises(PermissionDenied):
        _request(pool, user=pool["users"]["unamid_lead"])
    assert not Notification.objects.exists()
