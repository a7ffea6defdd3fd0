"""The demo's cooperation content: idempotent, the Entebbe cadence slipped, the MINURCAT-UNAMID agreement opens data."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from peaceops.accounts.access import visible
from peaceops.cooperation import selectors
from peaceops.cooperation.models import ActionItem, ContractorWarning, MeetingCadence, SharingAgreement
from peaceops.demo import part_cooperation
from peaceops.demo.loader import counts, load_demo
from peaceops.incidents.models import Incident
from peaceops.registry.models import Region
from peaceops.web import scope

pytestmark = pytest.mark.django_db


def test_cooperation_demo_loads_once_and_tells_the_seed_story(admin_user):
    load_demo()
    first = counts()
    history = [model.history.count() for model in part_cooperation.COUNTED]
    load_demo()
    assert counts() == first
    assert [model.history.count() for model in part_cooperation.COUNTED] == history

    region = Region.objects.get(name="Central Africa and Sudan")
    statuses = {(c.level, c.series): s for c, s in selectors.cadence_status(admin_user, region, dt.date(2010, 12, 31))}
    assert statuses["strategic", ""].slipped  # seed 000 §III.B: three a year agreed, none after December 2009
    assert (statuses["strategic", ""].held, statuses["strategic", ""].due) == (1, 4)  # after the June 2009 pledge
    assert not statuses["strategic", "force_commanders"].slipped  # OMA's bi-annual meetings kept their rhythm
    late = selectors.overdue_actions(admin_user, dt.date(2010, 12, 31))
    assert [a.text for a, _days in late] == ["Follow up the joint regional issue MINURCAT spearheaded."]
    assert SharingAgreement.objects.filter(sharer__acronym="UNAMID", receiver__acronym="MINURCAT").count() == 2
    assert ContractorWarning.objects.get().issued_by.acronym == "UNAMID"
    assert MeetingCadence.objects.count() == 3 and ActionItem.objects.count() == 2
    for record in SharingAgreement.objects.all():
        assert record.source.startswith("seed 000")

    client = Client()
    from peaceops.testing import make_user

    reader = make_user("coop_reader", superuser=True)  # the demo resets the "admin" password, ending its session
    client.force_login(reader, backend="django.contrib.auth.backends.ModelBackend")
    session = client.session
    session[scope.SESSION_KEY] = {"kind": scope.REGION, "id": region.id}  # the calendar follows the scope
    session.save()
    response = client.get("/cooperation/?today=2010-12-31")
    assert response.status_code == 200, (response.status_code, response.get("Location"))
    calendar = response.content.decode()
    assert "Force Commanders&#x27; meeting (OMA)" in calendar and "slipped" in calendar
    benchmarks = client.get("/cooperation/benchmarks/?start=2009-01-01&end=2010-12-31").content.decode()
    assert "Central Africa and Sudan" in benchmarks
    for url in ("/cooperation/actions/", "/cooperation/sharing/", "/cooperation/contractors/"):
        assert client.get(url).status_code == 200, url


def test_the_agreement_opens_unamid_incidents_to_a_minurcat_reader_while_in_force():
    load_demo()
    from peaceops.registry.models import Mission
    from peaceops.testing import make_user

    reader = make_user("demo_reader", "analyst", mission=Mission.objects.get(acronym="MINURCAT"), clearance=1)
    shared = visible(Incident.objects.filter(owning_mission__acronym="UNAMID"), reader)
    # in force from June 2009 to December 2010 only: today the agreement has ended, so nothing is opened
    assert not SharingAgreement.objects.filter(ends_on__gte=dt.date.today()).exists()
    assert shared.filter(classification__gt=0).count() == 0
    assert get_user_model().objects.filter(username="demo_reader").exists()
