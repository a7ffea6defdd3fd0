"""An alert that names a mission to notify reaches that mission's users, and only what they may know of it."""

import pytest
from django.core import mail

from peaceops.accounts.access import SYSTEM, visible
from peaceops.core.errors import Denied
from peaceops.incidents.models import Incident
from peaceops.notifications import selectors, services
from peaceops.notifications.models import Notification
from peaceops.notifications.tests.conftest import SECRET_PLACE, SECRET_TEXT, fresh

pytestmark = pytest.mark.django_db


def test_the_alert_reaches_the_notified_mission_once_with_counts_not_text(scene):
    made = services.alert_notify(SYSTEM, scene.alert)
    assert [n.recipient for n in made] == [scene.world.unamid]
    again = services.alert_notify(SYSTEM, scene.alert)  # idempotent by alert key and mission
    assert [n.pk for n in again] == [made[0].pk] and Notification.objects.count() == 1
    n = Notification.objects.get()
    assert (n.kind, n.admin1, n.country, n.score) == ("displacement", "Sila", "TCD", 6.5)
    assert n.counts == {"attack_on_civilians": 1, "displacement": 3}
    assert n.source_mission == scene.world.minurcat
    reader = scene.users["jmac_unamid"]
    assert list(selectors.notifications_for(reader)) == [n]
    assert selectors.readable_evidence(reader, n) == []  # counts, not the incidents
    assert selectors.unread_count(reader) == 1


def test_an_uninvolved_mission_sees_nothing(scene):
    services.alert_notify(SYSTEM, scene.alert)
    assert not selectors.notifications_for(scene.users["jmac_monuc"]).exists()
    assert selectors.unread_count(scene.users["jmac_monuc"]) == 0


def test_the_owning_missions_analyst_fans_out_but_a_viewer_or_another_mission_does_not(scene):
    assert services.alert_notify(scene.users["viewer_minurcat"], scene.alert) == []
    assert services.alert_notify(scene.users["jmac_monuc"], scene.alert) == []
    assert not Notification.objects.exists()
    assert len(services.alert_notify(scene.users["jmac_minurcat"], scene.alert)) == 1


def test_read_and_acknowledge_are_per_user_and_filter_the_inbox(scene):
    n = services.alert_notify(SYSTEM, scene.alert)[0]
    jmac, viewer = scene.users["jmac_unamid"], scene.users["viewer_unamid"]
    services.notification_acknowledge(jmac, n)
    assert selectors.unread_count(jmac) == 0 and selectors.unread_count(viewer) == 1
    assert list(selectors.notifications_for(jmac, state="acknowledged")) == [n]
    assert not selectors.notifications_for(viewer, state="acknowledged").exists()
    assert not selectors.notifications_for(jmac, kind="surge").exists()
    with pytest.raises(Denied):
        services.notification_acknowledge(scene.users["jmac_monuc"], n)


def test_mail_goes_to_the_notified_missions_users_with_an_address_when_a_server_is_set(scene, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.EMAIL_HOST = ""
    services.alert_notify(SYSTEM, scene.alert)
    assert mail.outbox == []  # no server named: the inbox only
    Notification.objects.all().delete()
    settings.EMAIL_HOST = "smtp.mission.example"
    services.alert_notify(SYSTEM, scene.alert)
    services.alert_notify(SYSTEM, scene.alert)  # not mailed twice
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["jmac@unamid.example"] and "Sila" in message.subject
    assert SECRET_PLACE not in message.body and SECRET_TEXT not in message.body
    assert "displacement: 3" in message.body


def test_system_fan_out_from_the_alerts_command(scene, monkeypatch):
    from django.core.management import call_command

    from peaceops.analysis import early_warning

    monkeypatch.setattr(early_warning, "compute_alerts", lambda *a, **k: [scene.alert])
    call_command("alerts", "--as-of", "2009-06-30", "--notify", stdout=open("/dev/null", "w"))
    assert Notification.objects.filter(recipient=scene.world.unamid).count() == 1


def test_the_alerts_command_shows_the_reader_what_it_was_notified_of(scene, capsys):
    import json

    from django.core.management import call_command

    n = services.alert_notify(SYSTEM, scene.alert)[0]
    call_command("alerts", "--as-of", "2009-06-30", "--user", "jmac_unamid", "--json")
    shown = json.loads(capsys.readouterr().out)
    mine = [a for a in shown if a.get("notification")]
    assert [a["key"] for a in mine] == [n.alert_key] and mine[0]["evidence_ids"] == []
    assert SECRET_PLACE not in json.dumps(shown)


def test_released_incidents_only_become_readable(scene):
    n = services.alert_notify(SYSTEM, scene.alert)[0]
    reader = scene.users["jmac_unamid"]
    asked = services.information_request_create(reader, n, question="Where are they heading?")
    services.incidents_release_for_request(scene.users["jmac_minurcat"], asked, incident_ids=[scene.incidents[0].pk])
    readable = set(visible(Incident.objects.all(), fresh(reader)).values_list("pk", flat=True))
    assert scene.incidents[0].pk in readable
    assert not readable & {i.pk for i in scene.incidents[1:]}
    assert selectors.readable_evidence(fresh(reader), n) == [scene.incidents[0].pk]
    monuc = fresh(scene.users["jmac_monuc"])
    assert not visible(Incident.objects.filter(pk=scene.incidents[0].pk), monuc).exists()
