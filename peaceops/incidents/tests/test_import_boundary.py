"""An import changes only what its importer could change by hand (the audit's cross-mission takeover).

A file re-imported by another mission must not take over, declassify or reveal the first mission's
records: matching rows it may not edit are left as they are and reported by line only.
"""

import pytest

from peaceops.accounts.access import SYSTEM
from peaceops.core.classification import Classification
from peaceops.core.errors import Denied
from peaceops.incidents.imports.services import events_import
from peaceops.incidents.models import Incident
from peaceops.incidents.tests.test_import import UCDP_HEADER, ucdp_row, write
from peaceops.jobs.testing import post_and_run
from peaceops.testing import make_user


@pytest.fixture
def three_events(tmp_path):
    return write(tmp_path, "ged.csv", UCDP_HEADER + ucdp_row(1) + ucdp_row(2, best=7) + ucdp_row(3, best=9))


@pytest.fixture
def unamid_analyst(world):
    return make_user("jmac.unamid", "analyst", mission=world.unamid, clearance=Classification.STRICTLY_CONFIDENTIAL)


def test_another_mission_cannot_take_over_or_declassify_imported_events(world, three_events, unamid_analyst):
    first = events_import(three_events, "ucdp-ged", mission=world.unamid, user=unamid_analyst,
                          classification=Classification.STRICTLY_CONFIDENTIAL)
    assert first.created == 3
    Incident.objects.filter(dataset="ucdp-ged").update(follow_up="confidential follow-up")
    before = list(Incident.objects.order_by("pk").values_list("pk", "owning_mission_id", "classification",
                                                               "follow_up"))

    second = events_import(three_events, "ucdp-ged", mission=world.minurcat, user=world.users["minurcat"],
                           classification=Classification.UNCLASSIFIED)

    assert (second.created, second.updated, second.unchanged) == (0, 0, 0)
    assert second.refused == [2, 3, 4]  # the file's lines, nothing about what they matched
    assert "refused" in second.as_json() and "UNAMID" not in second.summary()
    after = list(Incident.objects.order_by("pk").values_list("pk", "owning_mission_id", "classification",
                                                              "follow_up"))
    assert after == before
    assert all(i.owning_mission_id == world.unamid.pk for i in Incident.objects.all())


def test_counts_do_not_reveal_whether_a_hidden_event_exists(world, tmp_path, unamid_analyst):
    hidden = write(tmp_path, "one.csv", UCDP_HEADER + ucdp_row(1))
    events_import(
        hidden, "ucdp-ged", mission=world.unamid, user=unamid_analyst, classification=Classification.CONFIDENTIAL
    )
    both = write(tmp_path, "two.csv", UCDP_HEADER + ucdp_row(1) + ucdp_row(5))
    report = events_import(both, "ucdp-ged", mission=world.minurcat, user=world.users["minurcat"])
    # neither "updated" nor "unchanged": the hidden row is refused like any row the importer may not edit
    assert (report.created, report.updated, report.unchanged, report.refused) == (1, 0, 0, [2])


def test_the_owner_reimports_and_updates_its_own_rows(world, three_events, unamid_analyst, tmp_path):
    events_import(three_events, "ucdp-ged", mission=world.unamid, user=unamid_analyst)
    changed = write(tmp_path, "ged2.csv", UCDP_HEADER + ucdp_row(1, best=50, high=60))
    report = events_import(
        changed, "ucdp-ged", mission=world.unamid, user=unamid_analyst, classification=Classification.CONFIDENTIAL
    )
    assert (report.updated, report.refused) == (1, [])
    assert Incident.objects.get(external_id="1").classification == Classification.CONFIDENTIAL


def test_import_checks_the_importer_before_reading_anything(world, three_events):
    for user, mission, level in [
        (world.users["regional"], world.minurcat, Classification.UNCLASSIFIED),  # a viewer
        (world.users["minurcat"], world.unamid, Classification.UNCLASSIFIED),  # another mission
        (world.users["minurcat"], world.minurcat, Classification.STRICTLY_CONFIDENTIAL),  # above clearance
        (None, world.minurcat, Classification.UNCLASSIFIED),
    ]:  # no actor at all
        with pytest.raises(Denied):
            events_import(three_events, "ucdp-ged", mission=mission, user=user, classification=level)
    assert not Incident.objects.exists()


def test_shared_reference_rows_are_not_taken_into_one_mission(world, three_events):
    events_import(three_events, "ucdp-ged", user=SYSTEM)  # shared reference data, unclassified
    report = events_import(
        three_events,
        "ucdp-ged",
        mission=world.minurcat,
        user=world.users["minurcat"],
        classification=Classification.CONFIDENTIAL,
    )
    assert report.refused == [2, 3, 4]
    assert set(Incident.objects.values_list("owning_mission_id", "classification")) == {
        (None, Classification.UNCLASSIFIED)
    }


def test_upload_page_reports_refused_lines_without_the_owner(world, three_events, unamid_analyst, client):
    events_import(
        three_events,
        "ucdp-ged",
        mission=world.unamid,
        user=unamid_analyst,
        classification=Classification.STRICTLY_CONFIDENTIAL,
    )
    client.force_login(world.users["minurcat"])
    with open(three_events, "rb") as handle:
        response = post_and_run(
            client,
            "/incidents/import/",
            {"file": handle, "format": "ucdp-ged", "mission": str(world.minurcat.pk), "classification": "0"},
        )
    assert response.status_code == 200
    assert set(Incident.objects.values_list("owning_mission_id", flat=True)) == {world.unamid.pk}
    report = response.content.decode().split('id="import-report"')[1].split("</section>")[0]
    assert 'data-key="refused">3<' in report and "2, 3, 4" in report
    assert "UNAMID" not in report and "Strictly" not in report and 'data-key="updated">0<' in report
