"""Cooperation pages: slips and overdue actions shown, hidden meetings and their parts absent, benchmarks measured."""

import datetime as dt

import pytest

from peaceops.cooperation import models
from peaceops.core.classification import Classification
from peaceops.registry.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def minurcat_client(client, world):
    client.force_login(world.users["minurcat"], backend="django.contrib.auth.backends.ModelBackend")
    return client


@pytest.fixture
def records(world):
    # seed 000 §III.B: agreed in June 2009 to meet three times a year; met again only in December 2009.
    models.MeetingCadence.objects.create(region=world.region, level="strategic", every_months=4,
                                         since=dt.date(2009, 6, 8), description="Agreed at the first Entebbe meeting",
                                         source="seed 000 §III.B")
    entebbe = models.Meeting.objects.create(title="First inter-mission meeting, Entebbe", level="strategic",
                                            starts_on=dt.date(2009, 6, 7), ends_on=dt.date(2009, 6, 8),
                                            subjects=["Security", "Access to common assets"])
    entebbe.attending_missions.set([world.minurcat, world.unamid])
    models.Attendance.objects.create(meeting=entebbe, mission=world.minurcat, role="Head of Security")
    models.MeetingDecision.objects.create(meeting=entebbe, text="Meet three times a year")
    models.ActionItem.objects.create(meeting=entebbe, text="Arrange the next meeting", owner_mission=world.minurcat,
                                     due_on=dt.date(2009, 10, 8))
    secret = models.Meeting.objects.create(title="Zzsecret UNAMID planning", level="operational",
                                           organiser=world.unamid, classification=Classification.CONFIDENTIAL,
                                           starts_on=dt.date(2009, 7, 1), ends_on=dt.date(2009, 7, 1))
    models.ActionItem.objects.create(meeting=secret, text="Zzsecret action", owner_mission=world.minurcat,
                                     due_on=dt.date(2009, 8, 1), classification=Classification.CONFIDENTIAL)
    firm = Organisation.objects.create(name="Fictitious Air Ltd", kind=Organisation.Kind.OTHER)
    contract = models.Contract.objects.create(contractor=firm, mission=world.unamid, service="Zzsecret air",
                                              starts_on=dt.date(2008, 1, 1), classification=Classification.CONFIDENTIAL)
    models.ContractorWarning.objects.create(contractor=firm, issued_by=world.unamid, contract=contract,
                                            issued_on=dt.date(2009, 3, 1), text="Failed air services in Darfur",
                                            classification=Classification.CONFIDENTIAL)
    models.ContractorWarning.objects.create(
        contractor=firm,
        issued_by=world.unamid,
        issued_on=dt.date(2009, 3, 2),
        text="Zzsecret strictly",
        classification=Classification.STRICTLY_CONFIDENTIAL,
    )
    return {"entebbe": entebbe, "secret": secret}


def test_meetings_page_shows_the_slip_and_the_overdue_action_but_not_hidden_meetings(minurcat_client, records):
    page = minurcat_client.get("/cooperation/?today=2010-06-01").content.decode()
    assert "First inter-mission meeting, Entebbe" in page
    assert "slipped" in page and "2009-10-08" in page  # next due after June 2009 by the agreed cadence
    assert "Arrange the next meeting" in page
    assert "Zzsecret" not in page


def test_a_country_team_meeting_apart_from_the_strategic_ones_is_flagged(minurcat_client, world, records):
    for title, day in (
        ("UNCT coordination, N'Djamena", dt.date(2009, 9, 1)),
        ("UNCT coordination, Entebbe", dt.date(2009, 6, 8)),
    ):
        meeting = models.Meeting.objects.create(title=title, level="country_team", starts_on=day, ends_on=day)
        meeting.attending_missions.set([world.minurcat])
    page = minurcat_client.get("/cooperation/?today=2010-06-01").content.decode()
    section = page.split('id="country-teams-apart"')[1].split("</section>")[0]
    assert "N&#x27;Djamena" in section and "UNCT coordination, Entebbe" not in section


def test_meeting_page_has_agenda_attendance_decisions_actions(minurcat_client, records):
    page = minurcat_client.get(f"/cooperation/meetings/{records['entebbe'].pk}/?today=2010-01-01").content.decode()
    for text in (
        "Access to common assets",
        "Head of Security",
        "Meet three times a year",
        "Arrange the next meeting",
        "overdue",
    ):
        assert text in page
    assert minurcat_client.get(f"/cooperation/meetings/{records['secret'].pk}/").status_code == 404


def test_contractor_page_shows_the_neighbours_warning_not_their_contract(minurcat_client, records):
    page = minurcat_client.get("/cooperation/contractors/").content.decode()
    assert "Failed air services in Darfur" in page
    assert "Zzsecret" not in page


def test_benchmarks_page_measures_the_region(minurcat_client, records):
    page = minurcat_client.get("/cooperation/benchmarks/?start=2009-01-01&end=2010-12-31").content.decode()
    assert "Central Africa and Sudan" in page
    assert 'id="benchmark-joint_activities"' in page
    assert minurcat_client.get("/cooperation/benchmarks/?start=2010-01-01&end=2009-01-01").status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/cooperation/",
        "/cooperation/actions/",
        "/cooperation/sharing/",
        "/cooperation/contractors/",
        "/cooperation/benchmarks/",
    ],
)
def test_pages_need_a_login(client, url):
    assert client.get(url).status_code == 302


def test_every_page_answers_for_a_user_without_grants(client, world, records):
    client.force_login(world.users["nobody"], backend="django.contrib.auth.backends.ModelBackend")
    for url in (
        "/cooperation/",
        "/cooperation/actions/",
        "/cooperation/sharing/",
        "/cooperation/contractors/",
        "/cooperation/benchmarks/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Zzsecret" not in response.content.decode()
        assert "Failed air services" not in response.content.decode()


def test_leadership_signs_and_withdraws_from_the_browser_and_the_data_follows(client, world):
    import datetime as _dt

    from peaceops.accounts.access import visible
    from peaceops.incidents.models import Incident
    from peaceops.testing import make_user

    chief = make_user("unamid_chief", "leadership", mission=world.unamid, clearance=Classification.CONFIDENTIAL)
    Incident.objects.create(
        owning_mission=world.unamid,
        classification=Classification.CONFIDENTIAL,
        category="armed_clash",
        status="verified",
        start_date=_dt.date(2009, 6, 1),
        end_date=_dt.date(2009, 6, 1),
        location="El Geneina",
    )
    reader = world.users["minurcat"]

    def readable():
        reader.__dict__.pop("_peaceops_access", None)
        return visible(Incident.objects.all(), reader).count()

    client.force_login(chief, backend="django.contrib.auth.backends.ModelBackend")
    body = {
        "sharer": world.unamid.pk,
        "receiver": world.minurcat.pk,
        "subject": "incidents",
        "categories": "armed_clash",
        "up_to": 2,
        "starts_on": "2009-01-01",
    }
    refused = client.post("/cooperation/sharing/sign/", body)
    assert refused.status_code == 400 and "up_to" in refused.content.decode()  # above the chief's clearance
    assert not models.SharingAgreement.objects.exists()
    assert client.post("/cooperation/sharing/sign/", {**body, "up_to": 1}).status_code == 302
    assert readable() == 1
    agreement = models.SharingAgreement.objects.get()
    assert "Withdraw" in client.get("/cooperation/sharing/").content.decode()
    assert client.post(f"/cooperation/sharing/{agreement.pk}/withdraw/", {"reason": "ended"}).status_code == 302
    assert readable() == 0
    client.force_login(reader, backend="django.contrib.auth.backends.ModelBackend")
    page = client.get("/cooperation/sharing/").content.decode()
    assert "withdrawn" in page and "Sign an agreement" not in page  # received, and no right to sign
    assert client.post(f"/cooperation/sharing/{agreement.pk}/withdraw/").status_code == 404


def test_open_actions_sort_and_page_through_core_listing(minurcat_client, world, records):
    for number in range(60):
        models.ActionItem.objects.create(
            meeting=records["entebbe"],
            text=f"Follow-up {number:02d}",
            owner_mission=world.minurcat,
            due_on=dt.date(2009, 11, 1),
        )

    def open_table(params):  # the open actions' table, not the overdue list above it
        return minurcat_client.get("/cooperation/actions/", params).content.decode().split('id="open"')[1]

    by_text = open_table({"sort": "action", "page_size": "25"})
    assert "Arrange the next meeting" in by_text and "Follow-up 23" in by_text and "Follow-up 24" not in by_text
    last = open_table({"sort": "action", "page": "99"})
    assert "Follow-up 59" in last and "Zzsecret" not in last
    assert minurcat_client.get("/cooperation/actions/", {"sort": "zz", "page_size": "-3"}).status_code == 200


def test_closing_an_action_needs_the_coordination_right(client, world, records):
    from peaceops.testing import make_user

    action = models.ActionItem.objects.get(text="Arrange the next meeting")
    client.force_login(world.users["minurcat"], backend="django.contrib.auth.backends.ModelBackend")  # analyst
    assert client.post(f"/cooperation/actions/{action.pk}/close/", {"closed_on": "2009-12-10"}).status_code == 403
    planner = make_user("minurcat_planner", "planner", mission=world.minurcat, clearance=Classification.CONFIDENTIAL)
    client.force_login(planner, backend="django.contrib.auth.backends.ModelBackend")
    assert "Close" in client.get(f"/cooperation/meetings/{records['entebbe'].pk}/").content.decode()
    client.post(f"/cooperation/actions/{action.pk}/close/", {"closed_on": "2009-01-01"})  # before the meeting
    action.refresh_from_db()
    assert action.closed_on is None
    client.post(f"/cooperation/actions/{action.pk}/close/", {"closed_on": "2009-12-10", "outcome": "Held"})
    action.refresh_from_db()
    assert action.closed_on == dt.date(2009, 12, 10) and action.history.count() == 2


def test_pages_speak_french(minurcat_client, records):
    minurcat_client.post("/i18n/setlang/", {"language": "fr"})
    page = minurcat_client.get("/cooperation/?today=2010-06-01").content.decode()
    assert "Réunions entre missions" in page and "en retard" in page
    page = minurcat_client.get("/cooperation/benchmarks/").content.decode()
    assert "Activités conjointes" in page and "Critères de coopération" in page
