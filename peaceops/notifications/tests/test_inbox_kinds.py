"""The inbox's kind filter offers the kinds of alert the reader's notifications carry (the notifications app
does not import the analysis app's list of kinds), and filters by any kind asked for."""

import pytest

from peaceops.accounts.access import SYSTEM
from peaceops.notifications import selectors, services

pytestmark = pytest.mark.django_db


def test_the_kinds_offered_are_those_of_the_readers_notifications(scene, client):
    services.alert_notify(SYSTEM, scene.alert)
    receiver, outsider = scene.users["jmac_unamid"], scene.users["jmac_monuc"]
    assert selectors.notification_kinds(receiver) == [scene.alert.kind]
    assert selectors.notification_kinds(outsider) == []
    client.force_login(receiver)
    page = client.get("/notifications/").content.decode()
    assert f'<option value="{scene.alert.kind}"' in page
    assert "Sila" in client.get(f"/notifications/?kind={scene.alert.kind}").content.decode()
    assert "Sila" not in client.get("/notifications/?kind=no_such_kind").content.decode()
