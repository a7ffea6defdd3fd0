"""Needs and mandated tasks (gaps), humanitarian space (principles, QIP and hearts-and-minds decisions, military
assets as a last resort, humanitarian data hidden from the military side), the gaps map and the 3W upload page.

Seeds 002 §5, 003 §2.4.3 and rec. 3.4.7, 004 §6.2.4.
"""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from peaceops.coordination import selectors, services
from peaceops.coordination.models import Activity, HumanitarianProposal, MilitaryAssetUse, Need, Sector
from peaceops.coordination.services import sectors_ensure
from peaceops.core.classification import Classification
from peaceops.jobs.testing import post_and_run
from peaceops.registry.models import AdminArea, Organisation
from peaceops.testing import make_user

pytestmark = pytest.mark.django_db

YEAR = dt.date.today().year
START, END = dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31)


def activity(world, org, sector, area, **extra):
    organisation, _ = Organisation.objects.get_or_create(name=org, defaults={"kind": "ngo"})
    values = {"start_date": START, "end_date": END, "country": world.chad, "title": f"{org} {sector}"} | extra
    return Activity.objects.create(organisation=organisation, sector=Sector.objects.get(code=sector),
                                   admin_area=area, admin1_pcode=area.parent.pcode if area.parent else area.pcode,
                                   admin2_pcode=area.pcode if area.parent else "", **values)


@pytest.fixture
def space(world):
    """Vakaga with a territory, a planner, the DSRSG/HC and a soldier of MINURCAT."""
    sectors_ensure()
    vakaga = AdminArea.objects.create(pcode="TD19", name="Vakaga-test", level=1, country=world.chad,
                                      centroid_lat=10.3, centroid_lon=22.6)
    birao = AdminArea.objects.create(pcode="TD191", name="Birao-test", level=2, country=world.chad, parent=vakaga,
                                     centroid_lat=10.28, centroid_lon=22.78)
    world.vakaga, world.birao = vakaga, birao
    world.users["planner"] = make_user(
        "planner", "planner", mission=world.minurcat, clearance=Classification.CONFIDENTIAL
    )
    world.users["hc"] = make_user("hc", "leadership", mission=world.minurcat, clearance=Classification.CONFIDENTIAL)
    world.users["soldier"] = make_user(
        "soldier", "viewer", mission=world.minurcat, clearance=Classification.CONFIDENTIAL
    )
    services.military_side_set(
        actor=world.users["admin"], user=world.users["soldier"], on_military_side=True, note="Force HQ J3"
    )
    return world


# --- needs, mandated tasks and gaps ---------------------------------------------------------------


def test_needs_and_mandated_tasks_without_anyone_working_there_are_gaps(space):
    admin = space.users["admin"]
    services.need_create(
        user=admin,
        country="TCD",
        sector="FSC",
        admin1_pcode="TD19",
        admin2_pcode="TD191",
        start_date=START,
        people_in_need=12000,
        severity=4,
    )
    services.need_create(
        user=admin,
        country="TCD",
        sector="WASH",
        admin1_pcode="TD19",
        admin2_pcode="TD191",
        start_date=START,
        people_in_need=8000,
    )
    services.need_create(
        user=admin,
        country="TCD",
        sector="HEA",
        admin1_pcode="TD19",
        start_date=dt.date(2001, 1, 1),
        end_date=dt.date(2001, 12, 31),
    )  # another period: no gap now
    services.mandated_task_create(
        user=space.users["planner"],
        mission=space.minurcat,
        task="Protect civilians",
        country="TCD",
        sector="PRO",
        admin1_pcode="TD19",
        start_date=START,
        mandate_reference="S/RES/1861 (2009) OP 6",
    )
    activity(space, "Water NGO", "WSH", space.birao)  # meets the WASH need
    found = selectors.gaps(space.users["admin"], country="TCD", start=START, end=END)
    assert sorted((g.need.kind, g.need.sector, g.need.admin2 or g.need.admin1) for g in found) == [
        ("mandated_task", "PRO", "TD19"),
        ("need", "FSC", "TD191"),
    ]
    assert "12,000 in need" in [g.need.label for g in found if g.need.sector == "FSC"][0]
    assert "seed 002 §5" in found[0].source


def test_need_with_unknown_pcode_or_sector_is_refused_with_the_closest(space):
    with pytest.raises(ValidationError, match="closest: TD191"):
        services.need_create(
            user=space.users["admin"], country="TCD", sector="FSC", admin2_pcode="TD192", start_date=START
        )
    with pytest.raises(ValidationError, match="closest"):
        services.need_create(
            user=space.users["admin"], country="TCD", sector="Santée", admin1_pcode="TD19", start_date=START
        )
    with pytest.raises(PermissionDenied):
        services.need_create(
            user=space.users["minurcat"],
            country="TCD",
            sector="FSC",
            admin1_pcode="TD19",
            start_date=START,
            mission=space.minurcat,
        )  # analysts do not edit coordination
    assert not Need.objects.exists()


NEEDS_CSV = (
    "Province,Province code,Territoire code,Cluster,People in need,Severity,Start,End\n"
    "#adm1+name,#adm1+code,#adm2+code,#sector,#inneed,#severity,#date+start,#date+end\n"
)


def test_import_needs_from_hxl_csv_is_atomic_and_idempotent(space, tmp_path):
    good = tmp_path / "hno.csv"
    good.write_text(
        NEEDS_CSV + f'Vakaga,TD19,TD191,Sécurité alimentaire,"12,000",4,{YEAR}-01-01,{YEAR}-12-31\n'
        f"Vakaga,TD19,,Santé,5000,3,{YEAR}-01-01,\n",
        encoding="utf-8",
    )
    report = services.needs_import(good, user=space.users["admin"], country="TCD")
    assert report.ok and report.created == 2
    need = Need.objects.get(sector__code="FSC")
    assert need.people_in_need == 12000 and need.humanitarian and need.admin_area == space.birao
    again = services.needs_import(good, user=space.users["admin"], country="TCD")
    assert again.created == 0 and again.updated == 2 and Need.objects.count() == 2

    bad = tmp_path / "bad.csv"
    bad.write_text(
        NEEDS_CSV + f"Vakaga,TD19,TD199,FSC,10,2,{YEAR}-01-01,\nVakaga,TD19,,Foood,10,9,{YEAR}-01-01,\n",
        encoding="utf-8",
    )
    report = services.needs_import(bad, user=space.users["admin"], country="TCD")
    assert report.rolled_back and Need.objects.count() == 2
    messages = [(e.line, e.field, e.message) for e in report.errors]
    assert messages[0][0] == 3 and messages[0][1] == "#adm2+code" and "closest: TD191" in messages[0][2]
    assert messages[1][:2] == (4, "#severity")


def test_gaps_api_and_area_tasks_denied_to_readers_without_clearance(space, api_as):
    services.need_create(
        user=space.users["admin"],
        country="TCD",
        sector="FSC",
        admin1_pcode="TD19",
        start_date=START,
        mission=space.unamid,
        classification=Classification.CONFIDENTIAL,
    )
    assert api_as(space.users["unamid"]).get("/api/v1/needs/gaps/", {"country": "TCD"}).json()[0]["sector"] == "FSC"
    assert api_as(space.users["minurcat"]).get("/api/v1/needs/gaps/", {"country": "TCD"}).json() == []
    denied = api_as(space.users["minurcat"]).post(
        "/api/v1/area-tasks/",
        {
            "task": "x",
            "country": "TCD",
            "sector": "PRO",
            "admin1_pcode": "TD19",
            "start_date": str(START),
            "owning_mission": "MINURCAT",
        },
        format="json",
    )
    assert denied.status_code == 403
    allowed = api_as(space.users["planner"]).post(
        "/api/v1/area-tasks/",
        {
            "task": "Protect civilians",
            "country": "TCD",
            "sector": "PRO",
            "admin1_pcode": "TD19",
            "start_date": str(START),
            "owning_mission": "MINURCAT",
        },
        format="json",
    )
    assert allowed.status_code == 201, allowed.content


# --- humanitarian data and the military side ------------------------------------------------------


def test_humanitarian_data_is_hidden_from_the_military_side_until_shared(space, api_as):
    hidden = activity(space, "MSF", "HEA", space.birao, humanitarian=True)
    plain = activity(space, "Engineers", "LOG", space.birao)
    soldier, planner = space.users["soldier"], space.users["planner"]
    assert set(selectors.activities_for(soldier)) == {plain}
    assert hidden in selectors.activities_for(planner)
    client = api_as(soldier)
    assert [a["id"] for a in client.get("/api/v1/activities/").json()["results"]] == [plain.pk]
    assert client.get(f"/api/v1/activities/{hidden.pk}/").status_code == 404
    need = services.need_create(
        user=space.users["admin"], country="TCD", sector="FSC", admin1_pcode="TD19", start_date=START
    )
    assert client.get("/api/v1/needs/").json()["results"] == []
    assert client.get("/api/v1/needs/gaps/", {"country": "TCD"}).json() == []

    with pytest.raises(PermissionDenied):
        services.data_share_with_military(user=soldier, record=hidden)
    services.data_share_with_military(user=space.users["admin"], record=hidden)
    services.data_share_with_military(user=space.users["admin"], record=need)
    assert client.get(f"/api/v1/activities/{hidden.pk}/").status_code == 200
    assert [n["id"] for n in client.get("/api/v1/needs/").json()["results"]] == [need.pk]


def test_only_administrators_say_who_is_on_the_military_side(space):
    with pytest.raises(PermissionDenied):
        services.military_side_set(actor=space.users["hc"], user=space.users["planner"], on_military_side=True)
    services.military_side_set(actor=space.users["admin"], user=space.users["soldier"], on_military_side=False)
    assert not selectors.is_military_side(space.users["soldier"])


# --- QIPs and hearts and minds: the DSRSG/HC decides ---------------------------------------------


def test_the_dsrsg_hc_approves_or_refuses_with_the_record(space):
    planner, hc = space.users["planner"], space.users["hc"]
    qip = services.proposal_submit(
        user=planner,
        mission=space.minurcat,
        kind="qip",
        title="Well in Birao",
        budget=15000,
        currency="usd",
        principles_note="Need assessed by WASH cluster",
    )
    assert qip.status == "proposed" and qip.submitted_by == planner and qip.currency == "USD"
    with pytest.raises(PermissionDenied):
        services.proposal_decide(user=planner, proposal=qip, approve=True)
    with pytest.raises(ValidationError, match="reason"):
        services.proposal_decide(user=hc, proposal=qip, approve=False)
    services.proposal_decide(user=hc, proposal=qip, approve=False, reason="Blurs the line with humanitarians")
    qip.refresh_from_db()
    assert (qip.status, qip.decided_by, qip.decision_reason) == ("refused", hc, "Blurs the line with humanitarians")
    assert qip.decided_at is not None
    assert [h.status for h in qip.history.order_by("history_date")] == ["proposed", "refused"]
    with pytest.raises(ValidationError, match="Already decided"):
        services.proposal_decide(user=hc, proposal=qip, approve=True)
    with pytest.raises(PermissionDenied):
        services.proposal_submit(user=space.users["minurcat"], mission=space.minurcat, kind="qip", title="x")


def test_decisions_through_the_api_need_approve(space, api_as):
    created = api_as(space.users["planner"]).post(
        "/api/v1/humanitarian-proposals/",
        {"kind": "hearts_and_minds", "title": "Football match", "owning_mission": "MINURCAT", "status": "approved"},
        format="json",
    )
    assert created.status_code == 201, created.content
    assert created.json()["status"] == "proposed"  # the proposer cannot approve through the back door
    url = f"/api/v1/humanitarian-proposals/{created.json()['id']}/decide/"
    assert api_as(space.users["planner"]).post(url, {"approve": True}, format="json").status_code == 403
    assert api_as(space.users["unamid"]).post(url, {"approve": True}, format="json").status_code == 404
    refused = api_as(space.users["hc"]).post(url, {"approve": False}, format="json")
    assert refused.status_code == 400 and "reason" in refused.content.decode()
    done = api_as(space.users["hc"]).post(url, {"approve": True, "reason": "Agreed with OCHA"}, format="json")
    assert done.status_code == 200 and done.json()["status"] == "approved"
    assert done.json()["decided_by"] == space.users["hc"].pk


# --- military assets: a last resort --------------------------------------------------------------


def test_military_asset_accepted_only_as_a_last_resort(space):
    planner, hc = space.users["planner"], space.users["hc"]
    use = services.asset_use_record(
        user=planner,
        mission=space.minurcat,
        asset_kind="air_transport",
        task="Fly cholera kits to Birao",
        start_date=START,
        end_date=END,
        country=space.chad,
        admin1_pcode="TD19",
        admin2_pcode="TD191",
        justification="Roads cut by the rains",
    )
    with pytest.raises(ValidationError, match="no civilian capacity"):
        services.asset_use_decide(user=hc, use=use, approve=True)
    use.no_civilian_capacity = "UNHAS and WFP asked: no aircraft before August"
    use.save()
    unhas = activity(space, "UNHAS", "LOG", space.birao)
    with pytest.raises(ValidationError, match="civilian capacity of that kind is available"):
        services.asset_use_decide(user=hc, use=use, approve=True)
    unhas.delete()
    with pytest.raises(PermissionDenied):
        services.asset_use_decide(user=planner, use=use, approve=True)
    services.asset_use_decide(user=hc, use=use, approve=True, reason="Last resort confirmed")
    use.refresh_from_db()
    assert use.status == MilitaryAssetUse.Status.APPROVED and use.decided_by == hc


# --- pages ----------------------------------------------------------------------------------------


def test_gaps_page_lists_gaps_and_colours_areas(space, client):
    services.need_create(
        user=space.users["admin"],
        country="TCD",
        sector="FSC",
        admin1_pcode="TD19",
        admin2_pcode="TD191",
        start_date=START,
        people_in_need=12000,
    )
    activity(space, "UNDP", "DDR", space.birao)
    activity(space, "BONUCA", "DDR", space.birao)
    services.need_create(
        user=space.users["admin"],
        country="TCD",
        sector="HEA",
        admin1_pcode="TD19",
        start_date=START,
        mission=space.unamid,
        classification=Classification.CONFIDENTIAL,
    )
    client.force_login(space.users["minurcat"])
    page = client.get(reverse("coordination:gaps"), {"country": "TCD"}).content.decode()
    assert 'id="coordination-map"' in page and "gap and duplication" in page
    assert "Birao-test" in page and "12,000 in need" in page
    assert "Health" not in page.split('id="gaps"')[1]  # UNAMID's confidential need stays hidden


def test_humanitarian_page_shows_principles_and_decides_only_for_the_hc(space, client):
    qip = services.proposal_submit(user=space.users["planner"], mission=space.minurcat, kind="qip", title="School roof")
    client.force_login(space.users["planner"])
    page = client.get(reverse("coordination:humanitarian")).content.decode()
    assert "Impartiality" in page and "Independence" in page and "School roof" in page
    assert 'class="decide"' not in page
    assert (
        client.post(
            reverse("coordination:humanitarian"), {"record": qip.pk, "kind": "proposal", "approve": "1", "reason": ""}
        ).status_code
        == 403
    )
    client.force_login(space.users["hc"])
    assert 'class="decide"' in client.get(reverse("coordination:humanitarian")).content.decode()
    client.post(
        reverse("coordination:humanitarian"),
        {"record": qip.pk, "kind": "proposal", "approve": "0", "reason": "Not a humanitarian need"},
    )
    qip.refresh_from_db()
    assert qip.status == HumanitarianProposal.Status.REFUSED and qip.decision_reason == "Not a humanitarian need"


UPLOAD = (
    "Organisation,Cluster,Country,Province code,Activity id,Start\n"
    "#org,#sector,#country+code,#adm1+code,#activity+id,#date+start\n"
    "Water NGO,WASH,TCD,TD19,w1,2025-01-01\n"
    "Food NGO,Foood security,TCD,TD19,f1,2025-01-01\n"
)


def test_upload_page_reports_by_line_and_writes_nothing_on_error(space, client):
    client.force_login(space.users["minurcat"])
    assert client.get(reverse("coordination:upload")).status_code == 403
    client.force_login(space.users["admin"])
    page = post_and_run(
        client,
        reverse("coordination:upload"),
        {"file": SimpleUploadedFile("threew.csv", UPLOAD.encode()), "format": "hxl"},
    ).content.decode()
    assert "Import failed: nothing written" in page and "Food Security (FSC)" in page and "<td>4</td>" in page
    assert not Activity.objects.exists()
    page = post_and_run(
        client,
        reverse("coordination:upload"),
        {"file": SimpleUploadedFile("threew.csv", UPLOAD.encode()), "format": "hxl", "skip_bad": "on"},
    ).content.decode()
    assert Activity.objects.count() == 1 and "1 created" in page
    post_and_run(
        client,
        reverse("coordination:upload"),
        {
            "file": SimpleUploadedFile("threew.csv", UPLOAD.encode()),
            "format": "hxl",
            "skip_bad": "on",
            "humanitarian": "on",
        },
    )
    assert Activity.objects.get().humanitarian  # the re-import flags the row
    assert not selectors.activities_for(space.users["soldier"]).exists()


def test_needs_page_lists_records_and_imports_for_editors_only(space, client, tmp_path):
    services.need_create(
        user=space.users["admin"],
        country="TCD",
        sector="FSC",
        admin1_pcode="TD19",
        start_date=START,
        people_in_need=4321,
    )
    client.force_login(space.users["soldier"])
    page = client.get(reverse("coordination:needs")).content.decode()
    assert "4321" not in page and 'id="need-form"' not in page  # humanitarian data, not shared
    assert client.post(reverse("coordination:needs"), {"country": "TCD"}).status_code == 403
    client.force_login(space.users["admin"])
    assert "4321" in client.get(reverse("coordination:needs")).content.decode()
    bad = client.post(
        reverse("coordination:needs"),
        {"country": "TCD", "admin2_pcode": "TD192", "sector": "FSC", "start_date": str(START)},
    ).content.decode()
    assert "closest: TD191" in bad
    page = client.post(
        reverse("coordination:needs"),
        {
            "needs_file": SimpleUploadedFile(
                "hno.csv", (NEEDS_CSV + f"Vakaga,TD19,TD199,FSC,10,2,{YEAR}-01-01,\n").encode()
            ),
            "country": "TCD",
        },
    ).content.decode()
    assert "Import failed: nothing written" in page and "closest: TD191" in page
    assert Need.objects.count() == 1
