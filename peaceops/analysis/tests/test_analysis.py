"""Analysis services, API and pages against a small world, with the permission denials.

One module on purpose: the test database takes long to build on a loaded machine, so the
database tests share one run.
"""

import datetime as dt

import pytest
from django.urls import reverse

from peaceops.accounts.access import SYSTEM
from peaceops.analysis import selectors_alerts, services_forecast
from peaceops.analysis.models import AlertReview, ArmedGroup, CountryForecast, SecurityLevel, month_id_of
from peaceops.analysis.tests.fixtures import AS_OF
from peaceops.incidents.models import Incident

pytestmark = pytest.mark.django_db


def _alerts(client, **params):
    response = client.get("/api/v1/analysis/alerts/", {"as_of": AS_OF.isoformat(), **params})
    assert response.status_code == 200, response.content
    return response.json()["results"]


# --- alerts and their review ---------------------------------------------------------------------------------

def test_alerts_come_from_what_each_user_may_read(analysis_world, api_as):
    users = analysis_world["world"].users
    mine = _alerts(api_as(users["minurcat"]))
    assert [(a["kind"], a["country"], a["admin1"]) for a in mine] == [("surge", "TCD", "Ouaddai")]
    assert {i for i in mine[0]["evidence_ids"]} <= {i.pk for i in analysis_world["incidents"]["chad"]}
    assert [a["country"] for a in _alerts(api_as(users["unamid"]))] == ["SDN"]
    assert sorted(a["country"] for a in _alerts(api_as(users["admin"]))) == ["SDN", "TCD"]
    assert _alerts(api_as(users["nobody"])) == []
    # a day before the surge was reported, nothing
    early = api_as(users["admin"]).get("/api/v1/analysis/alerts/", {"as_of": "2008-11-30"}).json()["results"]
    assert early == []


def test_alerts_need_a_valid_date_and_a_known_country(analysis_world, api_as):
    client = api_as(analysis_world["world"].users["minurcat"])
    assert client.get("/api/v1/analysis/alerts/").status_code == 400
    assert client.get("/api/v1/analysis/alerts/", {"as_of": "2009-13-01"}).status_code == 400
    response = client.get("/api/v1/analysis/alerts/", {"as_of": "2009-01-31", "country": "XXX"})
    assert response.status_code == 400 and "country" in response.content.decode()


def test_review_workflow_keeps_a_snapshot_and_history(analysis_world, api_as):
    world = analysis_world["world"]
    client = api_as(world.users["minurcat"])
    key = _alerts(client)[0]["key"]
    payload = {"key": key, "as_of": AS_OF.isoformat(), "action": "acknowledge"}
    response = client.post("/api/v1/analysis/alerts/review/", payload, format="json")
    assert response.status_code == 201, response.content
    assert client.post("/api/v1/analysis/alerts/review/", {**payload, "action": "escalate"},
                       format="json").status_code == 400  # an escalation needs a note
    response = client.post("/api/v1/analysis/alerts/review/",
                           {**payload, "action": "escalate", "note": "Ask UNAMID for its reading"}, format="json")
    assert response.status_code == 201
    review = AlertReview.objects.get(alert_key=key)
    assert review.status == "escalated" and review.owning_mission == world.minurcat
    assert review.kind == "surge" and review.admin1 == "Ouaddai" and review.evidence_ids
    assert review.history.count() == 2 and review.reviewed_by == world.users["minurcat"]
    assert _alerts(client)[0]["status"] == "escalated"
    history = client.get(f"/api/v1/analysis/alert-reviews/{review.pk}/history/")
    assert history.status_code == 200 and len(history.json()) == 2


def test_review_denials(analysis_world, api_as):
    users = analysis_world["world"].users
    sudan_key = _alerts(api_as(users["admin"]), country="SDN")[0]["key"]
    # MINURCAT's analyst cannot review an alert built from incidents they may not read
    response = api_as(users["minurcat"]).post("/api/v1/analysis/alerts/review/",
                                              {"key": sudan_key, "as_of": AS_OF.isoformat(), "action": "acknowledge"},
                                              format="json")
    assert response.status_code == 400
    # the regional viewer sees the Chad alert but may not review it
    chad_key = _alerts(api_as(users["regional"]))[0]["key"]
    response = api_as(users["regional"]).post("/api/v1/analysis/alerts/review/",
                                              {"key": chad_key, "as_of": AS_OF.isoformat(), "action": "acknowledge"},
                                              format="json")
    assert response.status_code == 403
    assert not AlertReview.objects.exists()


def test_review_is_classified_like_its_evidence(analysis_world, api_as):
    world = analysis_world["world"]
    key = _alerts(api_as(world.users["unamid"]))[0]["key"]
    response = api_as(world.users["admin"]).post(
        "/api/v1/analysis/alerts/review/",
        {"key": key, "as_of": AS_OF.isoformat(), "action": "acknowledge", "mission": "UNAMID"}, format="json")
    assert response.status_code == 201
    review = AlertReview.objects.get()
    assert review.classification == 1  # the North Darfur incidents are confidential
    assert api_as(world.users["minurcat"]).get("/api/v1/analysis/alert-reviews/").json()["count"] == 0


# --- trends and hotspots ---------------------------------------------------------------------------------------

def test_trends_and_hotspots(analysis_world, api_as):
    client = api_as(analysis_world["world"].users["minurcat"])
    trends = client.get("/api/v1/analysis/trends/", {"as_of": "2009-02-05", "unit": "country"}).json()
    assert [row["unit"] for row in trends["rows"]] == ["TCD"]
    assert sum(trends["rows"][0]["counts"]) == 21
    assert client.get("/api/v1/analysis/trends/", {"unit": "planet"}).status_code == 400
    spots = client.get("/api/v1/analysis/hotspots/", {"as_of": "2009-02-05"}).json()["results"]
    assert [(h["unit"], h["is_hotspot"]) for h in spots] == [("TCD / Ouaddai", True)]


# --- armed groups --------------------------------------------------------------------------------------------

def test_armed_group_links_actors_by_alias_and_shows_only_readable_incidents(analysis_world, api_as):
    world = analysis_world["world"]
    response = api_as(world.users["minurcat"]).post(
        "/api/v1/analysis/armed-groups/", {"name": "Janjaweed militias", "aliases": ["Janjaweed"],
                                           "owning_mission": "MINURCAT"}, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["actors"] == [analysis_world["actor"].pk]
    group = analysis_world["group"]
    mine = api_as(world.users["minurcat"]).get(f"/api/v1/analysis/armed-groups/{group.pk}/incidents/").json()
    assert mine["count"] == 21 and mine["footprint"]["countries"] == ["TCD"]
    assert not mine["footprint"]["cross_border"]
    everything = api_as(world.users["admin"]).get(f"/api/v1/analysis/armed-groups/{group.pk}/incidents/").json()
    assert everything["count"] == 42 and everything["footprint"]["cross_border"]
    assert everything["footprint"]["missions"] == ["MINURCAT", "UNAMID"]


def test_armed_group_write_denied_without_edit_analysis(analysis_world, api_as):
    users = analysis_world["world"].users
    response = api_as(users["regional"]).post("/api/v1/analysis/armed-groups/", {"name": "LRA"}, format="json")
    assert response.status_code == 403
    response = api_as(users["minurcat"]).post("/api/v1/analysis/armed-groups/",
                                              {"name": "LRA", "owning_mission": "UNAMID"}, format="json")
    assert response.status_code in (400, 403)
    assert not ArmedGroup.objects.filter(name="LRA").exists()


# --- security levels -----------------------------------------------------------------------------------------

def test_divergence_across_the_chad_sudan_border(analysis_world, api_as):
    users = analysis_world["world"].users
    [found] = api_as(users["admin"]).get("/api/v1/analysis/security-divergences/", {"on": "2009-01-15"}).json()[
        "results"]
    sides = {found["first"]["country"]: found["first"], found["second"]["country"]: found["second"]}
    assert sides["TCD"]["level"] == 4 and sides["SDN"]["level"] == 3 and found["difference"] == 1
    assert sides["TCD"]["evidence_ids"] and sides["SDN"]["evidence_ids"]
    # the regional viewer reads both levels but only unclassified incidents: no Sudan evidence
    [regional] = api_as(users["regional"]).get("/api/v1/analysis/security-divergences/").json()["results"]
    sides = {regional["first"]["country"]: regional["first"], regional["second"]["country"]: regional["second"]}
    assert sides["TCD"]["evidence_ids"] and sides["SDN"]["evidence_ids"] == []
    # Levels are shared in the region: MINURCAT's analyst reads UNAMID's unclassified level across the border,
    # but none of UNAMID's confidential incidents
    [shared] = api_as(users["minurcat"]).get("/api/v1/analysis/security-divergences/").json()["results"]
    sides = {shared["first"]["country"]: shared["first"], shared["second"]["country"]: shared["second"]}
    assert sides["SDN"]["level"] == 3 and sides["SDN"]["evidence_ids"] == []


def test_setting_a_level_closes_the_previous_one_and_checks_rights(analysis_world, api_as):
    world = analysis_world["world"]
    client = api_as(world.users["minurcat"])
    response = client.post("/api/v1/analysis/security-levels/", {
        "system": "phase", "level": 3, "country": world.chad.pk, "valid_from": "2009-06-01",
        "owning_mission": "MINURCAT"}, format="json")
    assert response.status_code == 201, response.content
    assert SecurityLevel.objects.get(pk=analysis_world["levels"]["chad"].pk).valid_to == dt.date(2009, 5, 31)
    bad = client.post("/api/v1/analysis/security-levels/", {
        "system": "phase", "level": 6, "country": world.chad.pk, "valid_from": "2009-07-01",
        "owning_mission": "MINURCAT"}, format="json")
    assert bad.status_code == 400 and "level" in bad.content.decode()
    other = client.post("/api/v1/analysis/security-levels/", {
        "system": "phase", "level": 2, "country": world.sudan.pk, "valid_from": "2009-07-01",
        "owning_mission": "UNAMID"}, format="json")
    assert other.status_code in (400, 403)
    assert SecurityLevel.objects.count() == 3


# --- forecasts -----------------------------------------------------------------------------------------------

def _ucdp_history(world):
    for month in range(24):
        day = dt.date(2007 + month // 12, month % 12 + 1, 15)
        Incident.objects.create(dataset="ucdp-ged", external_id=f"t{month}", source_category="State-based conflict",
                                start_date=day, end_date=day, country=world.chad, category="armed_clash",
                                deaths_best=month % 5, deaths_low=0, deaths_high=10)


def test_forecast_refresh_stores_host_country_summaries_shown_on_the_dashboard(analysis_world, api_as, client):
    world = analysis_world["world"]
    _ucdp_history(world)
    last = month_id_of(dt.date(2008, 10, 1))
    stored = services_forecast.forecasts_refresh(actor=SYSTEM, last_month=last, draws=200, today=dt.date(2008, 11, 1))
    assert stored == 12 and CountryForecast.objects.filter(country=world.chad).count() == 12
    first = CountryForecast.objects.order_by("month_id").first()
    assert first.month_id == last + 3 and first.p10 <= first.median <= first.p90
    rows = api_as(world.users["minurcat"]).get("/api/v1/analysis/forecasts/", {"mission": "MINURCAT"}).json()
    assert rows["count"] == 12
    assert api_as(world.users["minurcat"]).get("/api/v1/analysis/forecasts/",
                                               {"mission": "UNAMID"}).status_code == 400
    client.force_login(world.users["minurcat"])
    page = client.get(reverse("web:home")).content.decode()
    assert 'id="forecast-panel"' in page and "Chad" in page and "<svg" in page


def test_forecast_refresh_refuses_without_history(world):
    with pytest.raises(services_forecast.ForecastRefreshError):
        services_forecast.forecasts_refresh(actor=SYSTEM, last_month=400)


# --- pages ---------------------------------------------------------------------------------------------------

PAGES = ["analysis:alerts", "analysis:replay", "analysis:trends", "analysis:hotspots", "analysis:groups",
         "analysis:levels", "analysis:forecasts"]


@pytest.mark.parametrize("name", PAGES)
def test_pages_show_only_what_the_user_may_read(analysis_world, client, name):
    client.force_login(analysis_world["world"].users["minurcat"])
    response = client.get(reverse(name), {"as_of": AS_OF.isoformat()})
    assert response.status_code == 200
    body = response.content.decode()
    assert "North Darfur" not in body and "Hidden" not in body


def test_pages_need_login(client):
    response = client.get(reverse("analysis:alerts"))
    assert response.status_code == 302


def test_alert_page_reviews_and_replay_steps(analysis_world, client):
    world = analysis_world["world"]
    client.force_login(world.users["minurcat"])
    page = client.get(reverse("analysis:alerts"), {"as_of": AS_OF.isoformat()}).content.decode()
    assert "Ouaddai" in page and "Acknowledge" in page
    key = selectors_alerts.alerts_as_of(world.users["minurcat"], AS_OF)[0].alert.key
    response = client.post(reverse("analysis:review"), {"key": key, "as_of": AS_OF.isoformat(),
                                                        "action": "dismiss", "note": "Seasonal"}, follow=True)
    assert "Review recorded" in response.content.decode()
    assert AlertReview.objects.get().status == "dismissed"
    replay = client.get(reverse("analysis:replay"), {"as_of": AS_OF.isoformat()}).content.decode()
    assert "as_of=2009-01-24" in replay and "as_of=2009-02-28" in replay and "Ouaddai" in replay


def test_review_page_denied_for_a_viewer(analysis_world, client):
    world = analysis_world["world"]
    client.force_login(world.users["regional"])
    key = selectors_alerts.alerts_as_of(world.users["regional"], AS_OF)[0].alert.key
    response = client.post(reverse("analysis:review"), {"key": key, "as_of": AS_OF.isoformat(),
                                                        "action": "acknowledge"}, follow=True)
    assert response.status_code == 200 and not AlertReview.objects.exists()


def test_group_page_and_hidden_group(analysis_world, client):
    world = analysis_world["world"]
    hidden = ArmedGroup.objects.create(name="Hidden group", owning_mission=world.unamid, classification=2)
    client.force_login(world.users["minurcat"])
    page = client.get(reverse("analysis:group", args=[analysis_world["group"].pk])).content.decode()
    assert "Ouaddai" in page and "group-points" in page and "North Darfur" not in page
    assert client.get(reverse("analysis:group", args=[hidden.pk])).status_code == 404


def test_levels_page_records_a_level_and_refuses_a_viewer(analysis_world, client):
    world = analysis_world["world"]
    client.force_login(world.users["admin"])
    page = client.get(reverse("analysis:levels")).content.decode()
    assert 'class="divergence"' in page
    form = {"owning_mission": world.minurcat.pk, "system": "phase", "level": 3, "country": world.chad.pk,
            "valid_from": "2009-09-01", "classification": 0}
    client.force_login(world.users["regional"])
    client.post(reverse("analysis:levels"), form)
    assert SecurityLevel.objects.count() == 2
    client.force_login(world.users["minurcat"])
    client.post(reverse("analysis:levels"), form)
    assert SecurityLevel.objects.count() == 3


# --- report sections -----------------------------------------------------------------------------------------

def test_threat_assessment_sections_per_mission_and_region(analysis_world):
    from peaceops.analysis import report_sections
    from peaceops.reports.drafting import DraftRequest

    world = analysis_world["world"]
    request = DraftRequest("threat_assessment", (world.minurcat.pk, world.unamid.pk), dt.date(2008, 11, 1), AS_OF,
                           user=world.users["admin"], region_id=world.region.pk)
    found = {s.key: s for s in report_sections.sections(request)}
    assert {"analysis.threats.minurcat", "analysis.threats.unamid", "analysis.scenarios.minurcat",
            "analysis.armed_groups", "analysis.trends", "analysis.forecasts", "analysis.security_levels",
            "analysis.recommendations"} <= set(found)
    assert found["analysis.threats.minurcat"].mission_id == world.minurcat.pk
    assert found["analysis.scenarios.unamid"].tables[0].header == ("Scenario", "Likelihood", "Impact",
                                                                    "Indicator to watch")
    assert "Janjaweed" in found["analysis.armed_groups"].body
    assert "Harmonise" in found["analysis.recommendations"].body
    # the MINURCAT analyst's draft says nothing of UNAMID's confidential incidents
    mine = report_sections.sections(DraftRequest("threat_assessment", (world.minurcat.pk, world.unamid.pk),
                                                 dt.date(2008, 11, 1), AS_OF, user=world.users["minurcat"]))
    text = " ".join(s.body + str(s.tables) for s in mine)
    assert "North Darfur" not in text and "SDN" not in text
    sg = report_sections.sections(DraftRequest("sg_report", (world.minurcat.pk,), dt.date(2008, 11, 1), AS_OF,
                                               user=world.users["minurcat"]))
    assert [s.key for s in sg] == ["analysis.sg_outlook"] and "alerts stood" in sg[0].body


def test_refresh_command_reports_and_refuses(analysis_world):
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match="no UCDP state-based event"):
        call_command("analysis_refresh")
    _ucdp_history(analysis_world["world"])
    call_command("analysis_refresh", "--draws", "50")
    assert CountryForecast.objects.count() == 12


def test_reviews_are_read_only_through_the_viewset(analysis_world, api_as):
    world = analysis_world["world"]
    review = AlertReview.objects.create(alert_key="k", kind="surge", as_of=AS_OF, owning_mission=world.minurcat)
    client = api_as(world.users["minurcat"])
    assert client.patch(f"/api/v1/analysis/alert-reviews/{review.pk}/", {"note": "x"}, format="json").status_code == 405
    assert client.delete(f"/api/v1/analysis/alert-reviews/{review.pk}/").status_code == 405
    assert AlertReview.objects.filter(pk=review.pk).exists()


def test_htmx_review_answers_with_the_row(analysis_world, client):
    world = analysis_world["world"]
    client.force_login(world.users["minurcat"])
    key = selectors_alerts.alerts_as_of(world.users["minurcat"], AS_OF)[0].alert.key
    row = client.post(reverse("analysis:review"), {"key": key, "as_of": AS_OF.isoformat(), "action": "escalate"},
                      HTTP_HX_REQUEST="true").content.decode()
    assert row.startswith("<tr") and "needs a reason" in row and not AlertReview.objects.exists()
    row = client.post(reverse("analysis:review"), {"key": key, "as_of": AS_OF.isoformat(), "action": "escalate",
                                                   "note": "Cross-border"}, HTTP_HX_REQUEST="true").content.decode()
    assert "Escalated" in row and "Cross-border" in row


def test_trends_per_region_and_the_groups_map(analysis_world, api_as, client):
    world = analysis_world["world"]
    rows = api_as(world.users["admin"]).get("/api/v1/analysis/trends/", {"as_of": "2009-02-05",
                                                                        "unit": "region"}).json()["rows"]
    assert [(r["unit"], sum(r["counts"])) for r in rows] == [("Central Africa and Sudan", 42)]
    client.force_login(world.users["minurcat"])
    page = client.get(reverse("analysis:groups")).content.decode()
    assert 'id="group-map"' in page and '"group": "Janjaweed"' in page and "North Darfur" not in page
