"""Requests for information and releases: who may ask, who may answer, what crosses and what is refused."""

import pytest
from django.core.exceptions import ValidationError

from peaceops.accounts.access import SYSTEM, can_read_record
from peaceops.core.classification import Classification
from peaceops.core.errors import Denied
from peaceops.notifications import selectors, services
from peaceops.notifications.models import InformationRequest, Release
from peaceops.notifications.tests.conftest import fresh
from peaceops.testing import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def asked(scene):
    n = services.alert_notify(SYSTEM, scene.alert)[0]
    return services.information_request_create(scene.users["jmac_unamid"], n)


def test_asking_defaults_to_the_alerts_evidence_and_both_missions_see_the_request(scene, asked):
    assert asked.evidence_ids == sorted(i.pk for i in scene.incidents)
    assert (asked.requesting_mission, asked.owning_mission) == (scene.world.unamid, scene.world.minurcat)
    for who in ("jmac_unamid", "viewer_unamid", "jmac_minurcat", "viewer_minurcat"):
        assert list(selectors.requests_for(scene.users[who])) == [asked], who
    assert not selectors.requests_for(scene.users["jmac_monuc"]).exists()


def test_a_viewer_cannot_ask_and_another_mission_cannot_ask_about_it(scene):
    n = services.alert_notify(SYSTEM, scene.alert)[0]
    with pytest.raises(Denied):
        services.information_request_create(scene.users["viewer_unamid"], n)
    with pytest.raises(Denied):
        services.information_request_create(scene.users["jmac_monuc"], n)
    assert not InformationRequest.objects.exists()


def test_the_notified_missions_watch_officer_asks_its_planner_does_not(scene):
    """Alerts arrive at the JOC around the clock (seed 000 app. 2): its officers ask, as the JMAC's analysts do."""
    n = services.alert_notify(SYSTEM, scene.alert)[0]
    officer = make_user("joc_unamid", "officer", mission=scene.world.unamid, clearance=Classification.CONFIDENTIAL)
    planner = make_user("planner_unamid", "planner", mission=scene.world.unamid, clearance=Classification.CONFIDENTIAL)
    with pytest.raises(Denied):
        services.information_request_create(planner, n)
    asked = services.information_request_create(officer, n, question="Where exactly?")
    assert asked.requesting_mission == scene.world.unamid and asked.requested_by == officer


def test_asking_for_records_the_owner_does_not_hold_names_the_field(scene):
    n = services.alert_notify(SYSTEM, scene.alert)[0]
    with pytest.raises(ValidationError) as error:
        services.information_request_create(scene.users["jmac_unamid"], n, evidence_ids=[scene.other.pk, 99999999])
    assert "evidence_ids" in error.value.message_dict
    assert "MINURCAT holds no incident" in error.value.message_dict["evidence_ids"][0]
    with pytest.raises(ValidationError) as error:
        services.information_request_create(scene.users["jmac_unamid"], n, evidence_ids=["x"])
    assert "evidence_ids" in error.value.message_dict


def test_the_owner_releases_chosen_incidents_with_history(scene, asked):
    owner = scene.users["jmac_minurcat"]
    chosen = scene.incidents[1]
    made = services.incidents_release_for_request(owner, asked, incident_ids=[chosen.pk], note="for the border patrol")
    asked.refresh_from_db()
    assert asked.status == "released" and asked.answered_by == owner
    assert made.incident_ids == [chosen.pk] and made.released_by == owner
    assert list(made.history.values_list("history_type", "history_user__username")) == [("+", "minurcat")]
    assert [h.status for h in asked.history.order_by("history_date")] == ["open", "released"]
    assert can_read_record(fresh(scene.users["jmac_unamid"]), chosen)
    assert not can_read_record(fresh(scene.users["jmac_unamid"]), scene.incidents[0])
    assert list(selectors.releases_for(scene.users["viewer_unamid"])) == [made]
    assert not selectors.releases_for(scene.users["jmac_monuc"]).exists()
    with pytest.raises(ValidationError):  # answered once
        services.information_request_decline(owner, asked, reason="too late")


def test_releasing_an_incident_of_another_mission_is_refused(scene, asked):
    with pytest.raises(Denied) as error:
        services.incidents_release_for_request(scene.users["jmac_minurcat"], asked, incident_ids=[scene.other.pk])
    assert error.value.field == "incident_ids" and str(scene.other.pk) in str(error.value)
    assert not Release.objects.exists()


def test_only_the_owning_missions_analyst_answers(scene, asked):
    for who in ("viewer_minurcat", "jmac_unamid", "jmac_monuc"):
        with pytest.raises(Denied):
            services.incidents_release_for_request(scene.users[who], asked, incident_ids=[scene.incidents[0].pk])
        with pytest.raises(Denied):
            services.information_request_decline(scene.users[who], asked, reason="no")
    assert not Release.objects.exists()


def test_declining_needs_a_reason(scene, asked):
    owner = scene.users["jmac_minurcat"]
    with pytest.raises(ValidationError) as error:
        services.information_request_decline(owner, asked, reason="  ")
    assert "reason" in error.value.message_dict
    services.information_request_decline(owner, asked, reason="The sources would be exposed.")
    asked.refresh_from_db()
    assert (asked.status, asked.reason) == ("declined", "The sources would be exposed.")
    assert not can_read_record(fresh(scene.users["jmac_unamid"]), scene.incidents[0])
