"""The demo's incident log once loaded: sources, areas, permissions and the daily report."""

from django.contrib.auth import get_user_model
from django.test import TestCase

from peaceops.accounts.access import visible
from peaceops.demo import scenario_incidents as si
from peaceops.demo.loader import load_demo
from peaceops.incidents.models import Incident
from peaceops.incidents.sitrep import selectors as sitrep_selectors

REGION = "Central Africa and Sudan"


class TestDemoIncidents(TestCase):
    """Read-only checks of one loaded scenario (loaded once for the class)."""

    @classmethod
    def setUpTestData(cls):
        load_demo()

    def user(self, username):
        return get_user_model().objects.get(username=username)

    def test_every_scenario_incident_is_there_once_published(self):
        demo = Incident.objects.filter(dataset=si.DATASET)
        assert demo.count() == len(si.INCIDENTS)
        assert set(demo.values_list("external_id", flat=True)) == {item.key for item in si.INCIDENTS}
        assert not demo.exclude(status=Incident.Status.PUBLISHED).exists()
        assert not demo.filter(latitude__isnull=True).exists()

    def test_each_incident_has_one_graded_source_citing_a_seed_passage_or_fiction(self):
        for incident in Incident.objects.filter(dataset=si.DATASET).prefetch_related("sources"):
            (source,) = incident.sources.all()
            if source.name == "demo: fictional":
                assert source.grade == "F6" and incident.description.startswith("Fictional")
            else:
                assert source.name.startswith("seed 000 ") and source.reference, incident.external_id
                assert source.grade == "B2"

    def test_area_missions_follow_the_mission_areas_and_mandate_dates(self):
        def areas(key):
            incident = Incident.objects.get(dataset=si.DATASET, external_id=key)
            return set(incident.missions.values_list("acronym", flat=True))

        # N'Djamena is in Chad but outside MINURCAT's area (eastern Chad): no mission's area holds it;
        # MINURCAT still owns the report.
        assert areas("seed000-2008-02-ndjamena-attack") == set()
        assert Incident.objects.get(external_id="seed000-2008-02-ndjamena-attack").owning_mission.acronym == "MINURCAT"
        assert areas("seed000-2009-updf-south-east-car") == {"BONUCA"}  # Obo: the CAR, not north-eastern CAR
        assert areas("seed000-2010-rebels-moved-from-border") == {"UNAMID"}  # Darfur: UNAMID's, not UNMIS's
        assert areas("seed000-2008-updf-operation-eastern-drc") == {"MONUC"}

    def test_southern_sudan_is_unmis_and_darfur_unamid_only(self):
        by_place = {}
        for incident in Incident.objects.filter(dataset=si.DATASET).prefetch_related("missions"):
            by_place.setdefault(incident.location, set()).update(m.acronym for m in incident.missions.all())
        assert by_place["Yambio"] == {"UNMIS"}  # the LRA in Western Equatoria
        assert by_place["El Fasher"] == {"UNAMID"}
        assert by_place["Goz Beïda"] == {"MINURCAT"}

    def test_actors_are_linked_with_their_side(self):
        attack = Incident.objects.get(dataset=si.DATASET, external_id="seed000-2008-02-ndjamena-attack")
        parts = set(attack.actor_links.values_list("actor__name", "side"))
        assert parts == {("Chadian armed opposition groups", "a"), ("Government of Chad", "b")}

    def test_minurcat_officer_sees_minurcat_confidential_incidents_but_not_unamid_ones(self):
        officer = self.user("joc.minurcat")
        seen = visible(Incident.objects.filter(dataset=si.DATASET), officer)
        assert set(seen.values_list("owning_mission__acronym", flat=True)) == {"MINURCAT"}
        assert seen.filter(classification=1).exists()
        unamid_confidential = Incident.objects.filter(owning_mission__acronym="UNAMID", classification=1)
        assert unamid_confidential.exists()
        assert not visible(unamid_confidential, officer).exists()
        # ... and the other way round for the UNAMID analyst.
        analyst_seen = visible(Incident.objects.all(), self.user("jmac.unamid"))
        assert analyst_seen.filter(classification=1).exists()
        assert not analyst_seen.filter(owning_mission__acronym="MINURCAT").exists()

    def test_viewer_sees_only_the_unclassified_incidents(self):
        seen = visible(Incident.objects.filter(dataset=si.DATASET), self.user("viewer"))
        assert seen.count() == sum(1 for item in si.INCIDENTS if item.classification == 0)

    def test_the_region_report_of_the_documented_date_has_figures_and_follow_ups(self):
        reader = self.user("admin")
        report = sitrep_selectors.sitrep_get(reader, sitrep_selectors.region_scope(reader, REGION), si.RICH_SITREP_DATE)
        assert report["incidents"] >= 5 and report["fatalities"]["best"] > 0 and report["abducted"] > 0
        assert len(report["by_category"]) >= 3 and report["notable"]
        assert report["continuing"]
        assert report["open_follow_ups_total"] >= 3
        follow_ups = " ".join(row["follow_up"] for row in report["open_follow_ups"])
        assert "staff in N'Djamena" not in follow_ups  # the closed one is not listed

    def test_the_minurcat_officer_report_leaves_unamid_out(self):
        officer = self.user("joc.minurcat")
        region = sitrep_selectors.sitrep_get(officer, sitrep_selectors.region_scope(officer, REGION),
                                             si.RICH_SITREP_DATE)
        admin = self.user("admin")
        everything = sitrep_selectors.sitrep_get(admin, sitrep_selectors.region_scope(admin, REGION),
                                                 si.RICH_SITREP_DATE)
        assert 0 < region["incidents"] < everything["incidents"]
        assert "North Darfur" not in region["by_admin1"] and "North Darfur" in everything["by_admin1"]
