"""The daily situation report against a hand count: selectors, API, web page and CLI, and who sees what.

The fixture (report date D = 2008-06-14):

==== ========= ============================== ============== ========= ======= =========================
id   date      category                       admin-1        owner     level   in area of / note
==== ========= ============================== ============== ========= ======= =========================
i1   D         armed_clash  a2 b1, best 3     Ouaddai (TCD)  MINURCAT  0       MINURCAT
i2   D         attack_on_civilians civ 6      Wadi Fira      MINURCAT  0       MINURCAT
i3   D         attack_on_un_humanitarian      Ouaddai        MINURCAT  1       MINURCAT
i4   D         abduction, abducted 2          Vakaga (CAF)   MINURCAT  0       none (owned only)
i5   D         duplicate of i1                Ouaddai        MINURCAT  0       left out
u3   D         displacement                   Ouaddai        UNAMID    0       MINURCAT (cross-border)
i6   D-3       armed_clash best 4, follow-up  Ouaddai        MINURCAT  0       MINURCAT
i11  D-5       armed_clash                    Wadi Fira      UNAMID    0       MINURCAT
i10  D-2..D+1  banditry best 1 (continuing)   Ouaddai        MINURCAT  0       MINURCAT
i7   D-20      protest, follow-up closed      Ouaddai        MINURCAT  0       MINURCAT
i8   D-40      other, follow-up open          Ouaddai        MINURCAT  0       MINURCAT
i9   D+1       other, follow-up open          Ouaddai        MINURCAT  0       MINURCAT
u1   D         armed_clash best 10            North Darfur   UNAMID    2       UNAMID
u2   D         attack_on_civilians best 2     West Darfur    UNAMID    0       UNAMID
==== ========= ============================== ============== ========= ======= =========================
"""

import datetime as dt
import io
import json

import pytest
from django.core.management import CommandError, call_command

from peaceops.accounts.access import SYSTEM
from peaceops.core.classification import Classification
from peaceops.incidents.models import Incident
from peaceops.incidents.sitrep import selectors as sitrep_selectors
from peaceops.registry.models import Country

D = dt.date(2008, 6, 14)
DAYS = dt.timedelta(days=1)


def add(owner, level, *, day=D, end=None, category="armed_clash", admin1="Ouaddai", country=None, areas=(), **extra):
    incident = Incident.objects.create(owning_mission=owner, classification=level, start_date=day,
                                       end_date=end or day, category=category, admin1=admin1, country=country,
                                       **extra)
    incident.missions.set(areas)
    return incident


@pytest.fixture
def sitrep_world(world):
    caf = Country.objects.get(iso3="CAF")
    m, u, chad, sudan = world.minurcat, world.unamid, world.chad, world.sudan
    chad.geometry = {"type": "Polygon", "coordinates": [[[14, 8], [24, 8], [24, 23], [14, 23], [14, 8]]]}
    chad.save()
    inc = {
        "i1": add(
            m,
            Classification.UNCLASSIFIED,
            country=chad,
            areas=[m],
            deaths_a=2,
            deaths_b=1,
            deaths_best=3,
            deaths_low=2,
            deaths_high=5,
            latitude=13.1,
            longitude=20.2,
            location="Goz Beida",
        ),
        "i2": add(
            m,
            Classification.UNCLASSIFIED,
            category="attack_on_civilians",
            admin1="Wadi Fira",
            country=chad,
            areas=[m],
            deaths_civilians=6,
            deaths_best=6,
            deaths_low=5,
            deaths_high=8,
            latitude=15.0,
            longitude=21.5,
        ),
        "i3": add(
            m,
            Classification.CONFIDENTIAL,
            category="attack_on_un_humanitarian",
            country=chad,
            areas=[m],
            description="Convoy of an NGO fired upon",
        ),
        "i4": add(m, Classification.UNCLASSIFIED, category="abduction", admin1="Vakaga", country=caf, abducted=2),
        "u3": add(u, Classification.UNCLASSIFIED, category="displacement", country=chad, areas=[m]),
        "i6": add(
            m,
            Classification.UNCLASSIFIED,
            day=D - 3 * DAYS,
            country=chad,
            areas=[m],
            deaths_best=4,
            deaths_low=4,
            deaths_high=4,
            deaths_unknown=4,
            follow_up="Confirm casualty figures",
        ),
        "i11": add(u, Classification.UNCLASSIFIED, day=D - 5 * DAYS, admin1="Wadi Fira", country=chad, areas=[m]),
        "i10": add(
            m,
            Classification.UNCLASSIFIED,
            day=D - 2 * DAYS,
            end=D + DAYS,
            category="banditry",
            country=chad,
            areas=[m],
            deaths_best=1,
            deaths_low=1,
            deaths_high=1,
            deaths_unknown=1,
        ),
        "i7": add(
            m,
            Classification.UNCLASSIFIED,
            day=D - 20 * DAYS,
            category="protest",
            country=chad,
            areas=[m],
            follow_up="Meet the organisers",
            follow_up_closed=True,
        ),
        "i8": add(
            m,
            Classification.UNCLASSIFIED,
            day=D - 40 * DAYS,
            category="other",
            country=chad,
            areas=[m],
            follow_up="Check the well",
        ),
        "i9": add(
            m, Classification.UNCLASSIFIED, day=D + DAYS, category="other", country=chad, areas=[m], follow_up="Later"
        ),
        "u1": add(
            u,
            Classification.STRICTLY_CONFIDENTIAL,
            admin1="North Darfur",
            country=sudan,
            areas=[u],
            deaths_best=10,
            deaths_low=10,
            deaths_high=10,
            deaths_a=10,
            description="UNAMID-SECRET clash",
        ),
        "u2": add(
            u,
            Classification.UNCLASSIFIED,
            category="attack_on_civilians",
            admin1="West Darfur",
            country=sudan,
            areas=[u],
            deaths_best=2,
            deaths_low=2,
            deaths_high=3,
            deaths_civilians=2,
        ),
    }
    inc["i5"] = add(
        m,
        Classification.UNCLASSIFIED,
        country=chad,
        areas=[m],
        duplicate_of=inc["i1"],
        deaths_best=3,
        deaths_low=3,
        deaths_high=3,
        deaths_a=3,
    )
    world.records["incidents"] = inc
    return world


def report_for(user, mission=None, region=None, day=D):
    scope = sitrep_selectors.mission_scope(user, mission) if mission else sitrep_selectors.region_scope(user, region)
    return sitrep_selectors.sitrep_get(user, scope, day)


def ids(items):
    return [item["id"] for item in items]


def test_mission_report_as_a_system_reader_matches_the_hand_count(sitrep_world):
    inc = sitrep_world.records["incidents"]
    report = report_for(SYSTEM, mission="MINURCAT")
    # i1 i2 i3 i4 u3 (i5 is a duplicate of i1)
    assert report["incidents"] == 5
    assert report["fatalities"] == {"best": 9, "low": 7, "high": 13, "a": 2, "b": 1, "civilians": 6, "unknown": 0}
    assert report["abducted"] == 2
    assert report["by_category"] == {
        "abduction": 1,
        "armed_clash": 1,
        "attack_on_civilians": 1,
        "attack_on_un_humanitarian": 1,
        "displacement": 1,
    }
    assert report["by_admin1"] == {"Ouaddai": 3, "Vakaga": 1, "Wadi Fira": 1}
    assert report["deaths_by_admin1"] == {"Ouaddai": 3, "Vakaga": 0, "Wadi Fira": 6}
    # i2 by its deaths only (Wadi Fira had i11 five days before); i3 attack on UN/humanitarian; i4 abduction, new area
    assert ids(report["notable"]) == [inc["i2"].id, inc["i3"].id, inc["i4"].id]
    assert [n["reasons"] for n in report["notable"]] == [
        ["deaths_best>=5"],
        ["attack_on_un_humanitarian"],
        ["abduction", "first_in_admin1_for_30_days"],
    ]
    # previous 7 days: i6 (4 deaths), i11, i10 (1 death); previous 30 days: also i7
    week, month = report["change"]["previous_7_days"], report["change"]["previous_30_days"]
    assert (week["incidents"], week["deaths"], month["incidents"], month["deaths"]) == (3, 5, 4, 5)
    assert week["incidents_per_day"] == {"per_day": 0.43, "difference": 4.57, "percent": 1066.7}
    assert week["deaths_per_day"] == {"per_day": 0.71, "difference": 8.29, "percent": 1160.0}
    assert month["incidents_per_day"] == {"per_day": 0.13, "difference": 4.87, "percent": 3650.0}
    assert ids(report["continuing"]) == [inc["i10"].id]
    assert ids(report["open_follow_ups"]) == [inc["i6"].id, inc["i8"].id] and report["open_follow_ups_total"] == 2
    assert set(ids(report["items"])) == {inc[k].id for k in ("i1", "i2", "i3", "i4", "u3")}


def test_mission_analyst_counts_only_what_they_may_read(sitrep_world):
    inc = sitrep_world.records["incidents"]
    report = report_for(sitrep_world.users["minurcat"], mission="MINURCAT")
    # u3 and i11 belong to UNAMID: not listed, not counted, and i11 does not make Wadi Fira "known"
    assert report["incidents"] == 4
    assert report["by_admin1"] == {"Ouaddai": 2, "Vakaga": 1, "Wadi Fira": 1}
    assert report["by_category"] == {
        "abduction": 1,
        "armed_clash": 1,
        "attack_on_civilians": 1,
        "attack_on_un_humanitarian": 1,
    }
    assert report["notable"][0]["id"] == inc["i2"].id
    assert report["notable"][0]["reasons"] == ["deaths_best>=5", "first_in_admin1_for_30_days"]
    assert report["change"]["previous_7_days"]["incidents"] == 2
    assert report["change"]["previous_30_days"]["incidents"] == 3


def test_regional_viewer_sees_unclassified_only(sitrep_world):
    report = report_for(sitrep_world.users["regional"], mission="MINURCAT")
    assert report["incidents"] == 4  # i1 i2 i4 u3; i3 is confidential
    assert "attack_on_un_humanitarian" not in report["by_category"]


def test_region_report_counts_each_incident_once(sitrep_world):
    report = report_for(SYSTEM, region="Central Africa and Sudan")
    assert report["scope"] == {"kind": "region", "name": "Central Africa and Sudan", "missions": ["MINURCAT", "UNAMID"]}
    assert report["incidents"] == 7  # i1 i2 i3 i4 u3 u1 u2
    assert report["fatalities"]["best"] == 21 and report["fatalities"]["a"] == 12
    assert report["by_admin1"]["North Darfur"] == 1


def test_region_report_of_a_mission_analyst_hides_the_other_mission(sitrep_world):
    report = report_for(sitrep_world.users["minurcat"], region="central africa and sudan")
    assert report["incidents"] == 4
    assert report["fatalities"]["best"] == 9  # u1's ten deaths and u2's two are not revealed
    assert "North Darfur" not in report["by_admin1"] and "West Darfur" not in report["by_admin1"]
    assert "UNAMID-SECRET" not in json.dumps(report)


def test_denials(sitrep_world):
    users = sitrep_world.users
    with pytest.raises(sitrep_selectors.ScopeNotFound):
        sitrep_selectors.mission_scope(users["minurcat"], "UNAMID")
    with pytest.raises(sitrep_selectors.ScopeNotFound):
        sitrep_selectors.region_scope(users["nobody"], "Central Africa and Sudan")
    with pytest.raises(sitrep_selectors.ScopeNotFound):
        sitrep_selectors.mission_scope(users["admin"], "NOSUCH")


def test_a_quiet_day(sitrep_world):
    report = report_for(SYSTEM, mission="MINURCAT", day=D + 10 * DAYS)
    assert report["incidents"] == 0 and report["by_category"] == {} and report["notable"] == []
    assert report["fatalities"]["best"] == 0
    assert report["change"]["previous_7_days"]["incidents"] == 0
    # D-20 .. D+9: i7, i11, i6, i10, the five of D, i9
    assert report["change"]["previous_30_days"]["incidents"] == 10
    assert report["continuing"] == [] and report["open_follow_ups_total"] == 3  # i6, i8 and now i9


# --- API ----------------------------------------------------------------------------------------


def test_api_returns_the_json_form(sitrep_world, api_as):
    response = api_as(sitrep_world.users["minurcat"]).get(
        "/api/v1/sitrep/", {"mission": "MINURCAT", "date": "2008-06-14"}
    )
    assert response.status_code == 200
    body = response.json()
    assert body == report_for(sitrep_world.users["minurcat"], mission="MINURCAT")
    assert {"date", "scope", "incidents", "fatalities", "by_category", "by_admin1", "notable"} <= set(body)


def test_api_denies_another_mission_and_bad_queries(sitrep_world, api_as):
    client = api_as(sitrep_world.users["minurcat"])
    denied = client.get("/api/v1/sitrep/", {"mission": "UNAMID", "date": "2008-06-14"})
    assert denied.status_code == 404 and "UNAMID-SECRET" not in denied.content.decode()
    assert (
        api_as(sitrep_world.users["nobody"])
        .get("/api/v1/sitrep/", {"region": "Central Africa and Sudan", "date": "2008-06-14"})
        .status_code
        == 404
    )
    assert api_as(None).get("/api/v1/sitrep/", {"mission": "MINURCAT", "date": "2008-06-14"}).status_code in (401, 403)
    bad_date = client.get("/api/v1/sitrep/", {"mission": "MINURCAT", "date": "14/06/2008"})
    assert bad_date.status_code == 400 and bad_date.json()["field"] == "date"
    both = client.get("/api/v1/sitrep/", {"mission": "MINURCAT", "region": "x", "date": "2008-06-14"})
    assert both.status_code == 400


def test_api_region_counts_only_readable(sitrep_world, api_as):
    body = (
        api_as(sitrep_world.users["minurcat"])
        .get("/api/v1/sitrep/", {"region": "Central Africa and Sudan", "date": "2008-06-14"})
        .json()
    )
    assert body["incidents"] == 4 and body["fatalities"]["best"] == 9


def test_api_schema_documents_the_endpoint(db, api_as, world):
    schema = api_as(world.users["admin"]).get("/api/v1/schema/", HTTP_ACCEPT="application/json").json()
    operation = schema["paths"]["/api/v1/sitrep/"]["get"]
    assert {p["name"] for p in operation["parameters"]} >= {"mission", "region", "date"}


# --- web page -----------------------------------------------------------------------------------


def test_page_shows_the_shell_scope(sitrep_world, client):
    client.force_login(sitrep_world.users["minurcat"])
    response = client.get("/incidents/sitrep/", {"date": "2008-06-14"})
    assert response.status_code == 200
    page = response.content.decode()
    assert 'data-figure="incidents">4<' in page and 'data-figure="deaths-best">9<' in page
    assert "<svg" in page and "@media print" in page and "format=pdf" in page
    assert "UNAMID-SECRET" not in page


def test_page_refuses_another_mission(sitrep_world, client):
    client.force_login(sitrep_world.users["minurcat"])
    assert client.get("/incidents/sitrep/", {"date": "2008-06-14", "mission": "UNAMID"}).status_code == 404
    assert client.get("/incidents/sitrep/", {"date": "junk"}).status_code == 400
    client.logout()
    assert client.get("/incidents/sitrep/").status_code == 302  # to the login page


@pytest.mark.parametrize(
    "fmt,content_type,start",
    [
        ("json", "application/json", b"{"),
        ("md", "text/markdown", b"**"),
        ("html", "text/html", b"<!doctype html>"),
        ("pdf", "application/pdf", b"%PDF"),
    ],
)
def test_page_downloads(sitrep_world, client, fmt, content_type, start):
    client.force_login(sitrep_world.users["admin"])
    response = client.get("/incidents/sitrep/", {"date": "2008-06-14", "mission": "UNAMID", "format": fmt})
    assert response.status_code == 200 and response["Content-Type"].startswith(content_type)
    assert response.content.startswith(start)
    assert 'filename="sitrep-unamid-2008-06-14.' in response["Content-Disposition"]


# --- CLI ----------------------------------------------------------------------------------------


def run_cli(**options) -> str:
    out = io.StringIO()
    call_command("sitrep", stdout=out, stderr=io.StringIO(), **options)
    return out.getvalue()


def test_cli_json_reads_everything_by_default(sitrep_world):
    report = json.loads(run_cli(mission="MINURCAT", date="2008-06-14", fmt="json"))
    assert report["incidents"] == 5 and report["fatalities"]["best"] == 9


def test_cli_as_a_user_applies_their_grants(sitrep_world):
    report = json.loads(run_cli(region="Central Africa and Sudan", date="2008-06-14", fmt="json", as_user="minurcat"))
    assert report["incidents"] == 4
    with pytest.raises(CommandError, match="UNAMID"):
        run_cli(mission="UNAMID", date="2008-06-14", fmt="json", as_user="minurcat")
    with pytest.raises(CommandError, match="--as"):
        run_cli(mission="MINURCAT", date="2008-06-14", as_user="ghost")
    with pytest.raises(CommandError, match="--date"):
        run_cli(mission="MINURCAT", date="2008-13-01")


def test_cli_markdown_and_files(sitrep_world, tmp_path):
    text = run_cli(mission="MINURCAT", date="2008-06-14", fmt="md")
    assert "# Daily situation report: MINURCAT, 2008-06-14" in text and "| Ouaddai | 3 | 3 |" in text
    for fmt, start in (("pdf", b"%PDF"), ("html", b"<!doctype html>")):
        target = tmp_path / f"report.{fmt}"
        run_cli(mission="MINURCAT", date="2008-06-14", fmt=fmt, out=str(target))
        assert target.read_bytes().startswith(start)
    assert "<svg" in (tmp_path / "report.html").read_text()


def test_open_follow_ups_keep_scope_visibility_and_duplicates(sitrep_world):
    """The follow-ups are read from their partial index first; the other conditions still hold."""
    inc = sitrep_world.records["incidents"]
    m, u, chad, sudan = (sitrep_world.minurcat, sitrep_world.unamid, sitrep_world.chad, sitrep_world.sudan)
    unamid_owned = add(
        u, Classification.UNCLASSIFIED, day=D - 4 * DAYS, country=chad, areas=[m], follow_up="Ask UNAMID"
    )
    add(
        m,
        Classification.UNCLASSIFIED,
        day=D - 4 * DAYS,
        country=chad,
        areas=[m],
        duplicate_of=inc["i6"],
        follow_up="Dup",
    )
    darfur = add(
        u,
        Classification.UNCLASSIFIED,
        day=D - 4 * DAYS,
        admin1="North Darfur",
        country=sudan,
        areas=[u],
        follow_up="Darfur only",
    )
    secret = add(m, Classification.STRICTLY_CONFIDENTIAL, day=D - 6 * DAYS, country=chad, areas=[m], follow_up="Secret")

    analyst = report_for(sitrep_world.users["minurcat"], mission="MINURCAT")
    assert ids(analyst["open_follow_ups"]) == [inc["i6"].id, inc["i8"].id]
    assert analyst["open_follow_ups_total"] == 2
    system = report_for(SYSTEM, mission="MINURCAT")
    assert ids(system["open_follow_ups"]) == [inc["i6"].id, unamid_owned.id, secret.id, inc["i8"].id]
    region = report_for(SYSTEM, region="Central Africa and Sudan")
    assert darfur.id in ids(region["open_follow_ups"]) and region["open_follow_ups_total"] == 5


def test_open_follow_ups_read_from_their_partial_index(sitrep_world):
    """On SQLite without statistics (a fresh store), the plan starts from incident_open_follow_up."""
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("the plan is checked on SQLite, whose planner has no statistics here")
    user = sitrep_world.users["minurcat"]
    incidents = sitrep_selectors.scoped_incidents(user, sitrep_selectors.mission_scope(user, "MINURCAT"))
    sql, params = sitrep_selectors.open_follow_ups(incidents, D).query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = " | ".join(str(row[-1]) for row in cursor.fetchall())
    assert "USING INDEX incident_open_follow_up" in plan, plan
