"""The 3W and needs imports change only what their importer could change by hand.

The audit's cross-mission takeover, as for the event import: a file imported again by another
mission must not take over, declassify or reveal the first mission's rows; matching rows the
importer may not edit are left as they are and reported by line only.
"""

import pytest

from peaceops.coordination.models import Activity, Need
from peaceops.coordination.services import activities_import, needs_import, sectors_ensure
from peaceops.coordination.tests.test_import import GOOD, write
from peaceops.core.classification import Classification
from peaceops.registry.models import AdminArea, Country
from peaceops.testing import make_user

pytestmark = pytest.mark.django_db

THREE_ACTIVITIES = GOOD + GOOD.replace("Mobile clinics", "Cholera response") + GOOD.replace("Medair", "MSF")
NEEDS = ("Province code,Cluster,People in need,Start\n#adm1+code,#sector,#inneed,#date+start\n"
         "CD61,Santé,1000,2025-01-01\nCD61,WASH,2000,2025-01-01\n")


@pytest.fixture
def planners(world):
    """Congo's Nord-Kivu, a UNAMID planner cleared to strictly confidential and a MINURCAT one to confidential."""
    sectors_ensure()
    congo = Country.objects.create(iso3="COD", iso2="CD", name="Congo, The Democratic Republic of the")
    north_kivu = AdminArea.objects.create(pcode="CD61", name="Nord-Kivu", level=1, country=congo)
    AdminArea.objects.create(pcode="CD6101", name="Goma", level=2, country=congo, parent=north_kivu)
    return {
        "unamid": make_user(
            "plan.unamid", "planner", mission=world.unamid, clearance=Classification.STRICTLY_CONFIDENTIAL
        ),
        "minurcat": make_user(
            "plan.minurcat", "planner", mission=world.minurcat, clearance=Classification.CONFIDENTIAL
        ),
    }


def stored(model):
    """Every column of every row, to show that nothing was changed."""
    return list(model.objects.order_by("pk").values())


def test_another_mission_cannot_take_over_or_declassify_imported_3w_rows(world, planners, tmp_path):
    path = write(tmp_path, THREE_ACTIVITIES)
    first = activities_import(
        path, "hxl", mission=world.unamid, classification=Classification.STRICTLY_CONFIDENTIAL, user=planners["unamid"]
    )
    assert first.created == 3
    before = stored(Activity)

    second = activities_import(
        path, "hxl", mission=world.minurcat, classification=Classification.UNCLASSIFIED, user=planners["minurcat"]
    )

    assert (second.created, second.updated, second.unchanged, second.refused) == (0, 0, 0, [3, 4, 5])
    assert "UNAMID" not in second.summary() and "Strictly" not in second.summary()
    assert stored(Activity) == before
    assert set(Activity.objects.values_list("owning_mission_id", "classification")) == {
        (world.unamid.pk, Classification.STRICTLY_CONFIDENTIAL)
    }


def test_3w_counts_do_not_reveal_whether_a_hidden_activity_exists(world, planners, tmp_path):
    activities_import(
        write(tmp_path, GOOD),
        "hxl",
        mission=world.unamid,
        classification=Classification.CONFIDENTIAL,
        user=planners["unamid"],
    )
    both = write(tmp_path, GOOD + GOOD.replace("Medair", "MSF"))  # the same file (dataset) with a row more
    report = activities_import(both, "hxl", mission=world.minurcat, user=planners["minurcat"])
    assert (report.created, report.updated, report.unchanged, report.refused) == (1, 0, 0, [3])


def test_the_owner_reimports_and_updates_its_own_3w_rows(world, planners, tmp_path):
    activities_import(write(tmp_path, GOOD), "hxl", mission=world.minurcat, user=planners["minurcat"])
    changed = write(tmp_path, GOOD.replace(",400,", ",450,"))
    report = activities_import(
        changed, "hxl", mission=world.minurcat, classification=Classification.CONFIDENTIAL, user=planners["minurcat"]
    )
    assert (report.updated, report.refused) == (1, [])
    assert Activity.objects.get().classification == Classification.CONFIDENTIAL


def test_another_mission_cannot_take_over_or_declassify_imported_needs(world, planners, tmp_path):
    path = tmp_path / "hno.csv"
    path.write_text(NEEDS, encoding="utf-8")
    first = needs_import(
        path,
        country="COD",
        mission=world.unamid,
        classification=Classification.STRICTLY_CONFIDENTIAL,
        user=planners["unamid"],
    )
    assert first.created == 2, first.summary()
    before = stored(Need)

    second = needs_import(
        path,
        country="COD",
        mission=world.minurcat,
        classification=Classification.UNCLASSIFIED,
        user=planners["minurcat"],
    )

    assert (second.created, second.updated, second.refused) == (0, 0, [3, 4])
    assert "UNAMID" not in second.summary() and "Strictly" not in second.summary()
    assert stored(Need) == before


def test_the_owner_reimports_and_updates_its_own_needs(world, planners, tmp_path):
    path = tmp_path / "hno.csv"
    path.write_text(NEEDS, encoding="utf-8")
    needs_import(path, country="COD", mission=world.minurcat, user=planners["minurcat"])
    report = needs_import(
        path,
        country="COD",
        mission=world.minurcat,
        classification=Classification.CONFIDENTIAL,
        user=planners["minurcat"],
    )
    assert (report.updated, report.refused) == (2, [])
    assert set(Need.objects.values_list("classification", flat=True)) == {Classification.CONFIDENTIAL}
