"""Security levels are shared in the region (seed 000 §III.C.2): neighbours read each other's levels along
their borders, a classified level stays closed and is reported as not readable, never as agreeing."""

import datetime as dt
import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from peaceops.analysis import selectors
from peaceops.analysis.models import SecurityLevel
from peaceops.analysis.report_sections import _levels_section, _sg_outlook
from peaceops.core.classification import Classification
from peaceops.registry.models import Country, Mission, Region
from peaceops.reports.drafting import SG_REPORT, THREAT_ASSESSMENT, DraftRequest
from peaceops.testing import make_user

ON = dt.date(2009, 6, 30)


@pytest.fixture
def levels_world(world):
    chad = SecurityLevel.objects.create(system="phase", level=4, country=world.chad, valid_from=dt.date(2009, 1, 1),
                                        owning_mission=world.minurcat, source="seed 000 §III.C.2")
    sudan = SecurityLevel.objects.create(system="phase", level=3, country=world.sudan, valid_from=dt.date(2009, 1, 1),
                                         owning_mission=world.unamid, source="seed 000 §III.C.2")
    # A mission of another region, whose analyst holds no grant in Central Africa and Sudan.
    haiti = Country.objects.create(iso3="HTI", iso2="HT", numeric="332", name="Haiti")
    minustah = Mission.objects.create(acronym="MINUSTAH", name="UN Stabilization Mission in Haiti",
                                        kind=Mission.Kind.PEACEKEEPING, start_date=dt.date(2004, 6, 1))
    minustah.host_countries.set([haiti])
    minustah.regions.add(Region.objects.create(name="Caribbean"))
    world.users["elsewhere"] = make_user(
        "elsewhere", "analyst", mission=minustah, clearance=Classification.STRICTLY_CONFIDENTIAL
    )
    return {"world": world, "chad": chad, "sudan": sudan}


def _cli(user, on=ON):
    out = io.StringIO()
    call_command("analysis", "levels", "--divergences", "--on", on.isoformat(), "--user", user, "--json", stdout=out)
    return json.loads(out.getvalue())


def test_each_side_reads_the_neighbours_level_and_the_divergence(levels_world):
    for user in ("minurcat", "unamid"):
        [found] = _cli(user)
        assert {
            found["first"]["country"]: found["first"]["level"],
            found["second"]["country"]: found["second"]["level"],
        } == {"TCD": 4, "SDN": 3}
        assert "note" not in found
    shared = selectors.security_levels_for(levels_world["world"].users["minurcat"], ON)
    assert {level.pk for level in shared} == {levels_world["chad"].pk, levels_world["sudan"].pk}


def test_no_grant_in_the_region_no_levels(levels_world):
    users = levels_world["world"].users
    assert _cli("elsewhere") == [] and _cli("nobody") == []
    assert not selectors.security_levels_for(users["elsewhere"], ON).exists()
    assert selectors.unreadable_neighbour_levels(users["elsewhere"], ON) == []


def test_levels_page_shows_the_divergence_to_both_missions(levels_world, client):
    for user in ("minurcat", "unamid"):
        client.force_login(levels_world["world"].users[user])
        page = client.get(reverse("analysis:levels"), {"on": ON.isoformat()}).content.decode()
        assert page.count('<tr class="divergence">') == 1 and "not readable" not in page
    client.force_login(levels_world["world"].users["elsewhere"])
    page = client.get(reverse("analysis:levels"), {"on": ON.isoformat()}).content.decode()
    assert '<tr class="divergence">' not in page and "No security level you may read." in page


def test_a_classified_neighbour_level_stays_closed_and_is_reported_unreadable(levels_world, client):
    sudan = levels_world["sudan"]
    sudan.classification = Classification.CONFIDENTIAL
    sudan.save()
    minurcat = levels_world["world"].users["minurcat"]
    assert sudan.pk not in {level.pk for level in selectors.security_levels_for(minurcat, ON)}
    assert selectors.security_divergences(minurcat, ON) == []
    [row] = _cli("minurcat")
    assert row["note"] == "the level on the other side is not readable"
    assert row["second"]["level"] is None and row["second"]["country"] == "SDN" and row["first"]["level"] == 4

    client.force_login(minurcat)
    page = client.get(reverse("analysis:levels"), {"on": ON.isoformat()}).content.decode()
    assert "the level on the other side is not readable" in page and "phase 3" not in page
    assert "No divergence among the levels you may read." not in page

    request = DraftRequest(
        kind=THREAT_ASSESSMENT,
        user=minurcat,
        start=dt.date(2009, 4, 1),
        end=ON,
        mission_ids=(levels_world["world"].minurcat.pk,),
    )
    section, found = _levels_section(request)
    assert found == [] and "the level on the other side is not readable" in section.body
    assert "agree" not in section.body
    outlook = _sg_outlook(
        DraftRequest(
            kind=SG_REPORT,
            user=minurcat,
            start=dt.date(2009, 4, 1),
            end=ON,
            mission_ids=(levels_world["world"].minurcat.pk,),
        )
    )
    assert "the level on the other side is not readable" in outlook.body
    # UNAMID's officer, cleared to strictly confidential, reads it: the divergence is there again
    assert len(_cli("unamid")) == 1 and "note" not in _cli("unamid")[0]


def test_the_report_says_agree_only_when_levels_were_compared(levels_world):
    world = levels_world["world"]
    request = DraftRequest(
        kind=THREAT_ASSESSMENT,
        user=world.users["minurcat"],
        start=dt.date(2009, 4, 1),
        end=ON,
        mission_ids=(world.minurcat.pk,),
    )
    section, found = _levels_section(request)
    assert len(found) == 1 and "agree" not in section.body
    levels_world["sudan"].level = 4
    levels_world["sudan"].save()
    section, found = _levels_section(request)
    assert found == [] and "agree on 2009-06-30" in section.body
    SecurityLevel.objects.all().delete()
    section, _ = _levels_section(request)
    assert "agree" not in section.body and "No security levels across a border" in section.body
