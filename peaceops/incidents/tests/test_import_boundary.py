"""An import changes only what its importer could change by hand (the audit's cross-mission takeover).

A file re-imported by another mission must not take over, declassify or reveal the first mission's
records: matching rows it may not edit are left as they are and reported by line only.
"""

import pytest

from peaceops.accounts.access import SYSTEM
from peaceops.core.classification import Classification as C
from peaceops.core.errors import Denied
from peaceops.incidents.imports.services import import_events
from peaceops.incidents.models import Incident
from peaceops.incidents.tests.test_import import UCDP_HEADER, ucdp_row, write
from peaceops.jobs.testing import post_and_run
from peaceops.testing import make_user


@pytest.fixture
def three_events(tmp_path):
    return write(tmp_path, "ged.csv", UCDP_HEADER + ucdp_row(1) + ucdp_row(2, best=7) + ucdp_row(3, best=9))


@pytest.fixture
def unamid_analyst(world):
    return make_user("jmac.unamid", "analyst", mission=world.unamid, clearance=C.STRICTLY_CONFIDENTIAL)


def test_another_mission_cannot_take_over_or_declassify_imported_events(world, three_events, unamid_analyst):
    first = import_events(three_events, "ucdp-ged", mission=world.unamid, user=unamid_analyst,
                          classification=C.STRICTLY_CONFIDENTIAL)
    assert first.created == 3
    Incident.objects.filter(dataset="ucdp-ged").update(follow_up="confidential follow-up")
    before = list(Incident.objects.order_by("pk").values_list("pk", "owning_mission_id", "classification",
                                                               "follow_up"))

    second = import_events(three_events, "ucdp-ged", mission=world.minurcat, user=world.users["minurcat"],
                           classification=C.UNCLASSIFIED)

    assert (second.created, second.updated, second.unchanged) == (0, 0, 0)
    assert second.refused == [2, 3, 4]  # the file's lines, nothing about what they matched
    assert "refused" in second.as_json() and "UNAMID" not in second.summary()
    after = list(Incident.objects.order_by("pk").values_list("pk", "owning_mission_id", "classification",
                                                              "follow_up"))
    assert after == before
    assert all(i.owning_mission_id == world.unamid.pk for i in Incident.objects.all())


def test_counts_do_not_reveal_whether_a_hidden_event_exists(world, tmp_path, unamid_analyst):
    hidden = write(tmp_path, "one.csv", UCDP_HEADER + ucdp_row(1))
    import_events(hidden, "ucdp-ged", mission=world.unamid, user=unamid_analyst, classification=C.CONFIDENTIAL)
    both = write(tmp_path, "two.csv", UCDP_HEADER + ucdp_row(1) + ucdp_row(5))
    report = import_events(both, "ucdp-ged", mission=world.minurcat, user=world.users["minurcat"])
    # neither "updated" nor "unchanged": the hidden row is refused like any row the importer may not edit
    assert (report.created, report.updated, report.unchanged, report.refused) == (1, 0, 0, [2])


def test_the_owner_reimports_and_updates_its_own_rows(world, three_events, unamid_analyst, tmp_path):
    import_events(three_events, "ucdp-ged", mission=world.unamid, user=unamid_analyst)
    changed = write(tmp_path, "ged2.csv", UCDP_HEADER + ucdp_row(1, best=50, high=60))
    report = import_events(changed, "ucdp-ged", mission=world.unamid, user=unamid_analyst,
                           classification=C.CONFIDENTIAL)
    assert (report.updated, report.refused) == (1, [])
    assert Incident.objects.get(external_id="1").classification == C.CONFIDENTIAL


def test_import_checks_the_importer_before_reading_anything(world, three_events):
    for user, mission, level in [(world.users["regional"], world.minurcat, C.UNCLASSIFIED),  # a viewer
                                 (world.users["minurcat"], world.unamid, C.UNCLASSIFIED),  # another mission
                                 (world.users["minurcat"], world.minurcat, C.STRICTLY_CONFIDENTIAL),  # above clearance
                                 (None, world.minurcat, C.UNCLASSIFIED)]:  # no actor at all
        with pytest.raises(Denied):
            import_events(three_events, "ucdp-ged", mission=mission, user=user, classification=level)
    assert not Incident.objects.exists()


def test_shared_reference_rows_are_not_taken_into_one_mission(world, three_events):
    import_events(three_events, "ucdp-ged", user=SYSTEM)  # shared reference data, unclassified
    report = import_events(three_events, "ucdp-ged", mission=world.minurcat, user=world.users["minurcat"],
                           classification=C.CONFIDENTIAL)
    assert report.refused == [2, 3, 4]
    assert set(Incident.objects.values_list("owning_mission_id", "classification")) == {(None, C.UNCLASSIFIED)}


def test_upload_page_reports_refused_lines_without_the_owner(world, three_events, unamid_analyst, client):
    import_events(three_events, "ucdp-ged", mission=world.unamid, user=unamid_analyst,
                  classification=C.STRICTLY_CONFIDENTIAL)
    client.force_login(world.users["minurcat"])
    with open(three_events, "rb") as handle:
        response = post_and_run(client, "/incidents/import/", {"file": handle, "format": "ucdp-ged",
                                                       "mission": str(world.minurcat.pk), "classification": "0"})
    assert response.status_code == 200
    assert set(Incident.objects.values_list("owning_mission_id", flat=True)) == {world.unamid.pk}
    report = response.content.decode().split('id="import-report"')[1].split("</section>")[0]
    assert 'data-key="refused">3<' in report and "2, 3, 4" in report
    assert "UNAMID" not in report and "Strictly" not in report and 'data-key="updated">0<' in report
