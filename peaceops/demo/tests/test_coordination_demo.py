"""The demo's coordination content once loaded: counts, sources, the DDR funding gap, one duplication."""

import pytest
from django.contrib.auth import get_user_model
from django.test import TestCase
from rest_framework.test import APIClient

from peaceops.accounts.access import SYSTEM
from peaceops.accounts.services import token_create
from peaceops.coordination import selectors
from peaceops.coordination.models import Activity, FundingStream, IntegrationAssessment, Programme, ProgrammeComponent
from peaceops.demo import scenario_coordination as scoord
from peaceops.demo.loader import counts, load_demo
from peaceops.registry.models import Mission

FICTIONAL = "demo: fictional"


def _cites_a_seed_or_fiction(source: str) -> bool:
    return source.startswith("seed ") or source == FICTIONAL


def test_every_scenario_record_cites_a_seed_passage_or_fiction():
    sources = [a.source for a in scoord.ACTIVITIES] + [o.source for o in scoord.ORGANISATIONS]
    sources += [a.source for a in scoord.ASSESSMENTS] + [scoord.PROGRAMME["source"], scoord.FUNDING_NOTE]
    assert all(_cites_a_seed_or_fiction(source) for source in sources), sources
    columns = [o.source for o in scoord.ORGANISATIONS] + [a.source for a in scoord.ASSESSMENTS]
    assert all(len(source) <= 200 for source in columns + [scoord.PROGRAMME["source"]])  # CharField(200)


def test_components_follow_the_ddr_sequence_without_overlap():
    from peaceops.coordination import rules

    names = [c.name for c in sorted(scoord.COMPONENTS, key=lambda c: c.sequence)]
    assert names == list(rules.DDR)
    facts = [rules.ProgrammeComponent(scoord.PROGRAMME_NAME, c.name, c.start, c.end) for c in scoord.COMPONENTS]
    assert rules.component_errors(facts) == []


class TestCoordinationDemo(TestCase):
    """Read-only checks of one loaded scenario (loaded once for the class)."""

    @classmethod
    def setUpTestData(cls):
        load_demo()

    def user(self, username):
        return get_user_model().objects.get(username=username)

    def test_counts(self):
        loaded = counts()
        assert Activity.objects.filter(dataset=scoord.DATASET).count() == len(scoord.ACTIVITIES)
        assert loaded["Activities"] == len(scoord.ACTIVITIES)
        assert loaded["Programmes"] == 1
        assert loaded["Programme Components"] == len(scoord.COMPONENTS)
        assert loaded["Funding Streams"] == len(scoord.FUNDING)
        assert loaded["Integration Assessments"] == len(scoord.ASSESSMENTS)

    def test_loaded_records_keep_their_sources(self):
        for activity in Activity.objects.filter(dataset=scoord.DATASET):
            assert _cites_a_seed_or_fiction(activity.details["source"]), activity.external_id
        assert Programme.objects.get().source.startswith("seed 000 §III.C.4")
        assert all(note.startswith("seed 003 §2.4.2") for note in FundingStream.objects.values_list("note", flat=True))
        assert all(a.source.startswith("seed ") and a.reason for a in IntegrationAssessment.objects.all())

    def test_the_ddr_funding_gap_warning_appears(self):
        warnings, errors = selectors.funding_gaps(self.user("viewer"))
        assert errors == []
        (gap,) = warnings
        assert (gap.programme, gap.running, gap.unfunded) == (scoord.PROGRAMME_NAME, "reinsertion", "reintegration")
        assert gap.running_regimes == ("assessed",) and not gap.missing
        assert gap.source.startswith("seed 003 §2.4.2")

    def test_the_funding_gap_endpoint_shows_it_and_hides_it_from_a_user_without_grants(self):
        def get(username):
            client = APIClient()
            key = token_create(self.user(username), actor=SYSTEM)[1]
            client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
            return client.get("/api/v1/programmes/funding-gaps/")

        response = get("viewer")
        assert response.status_code == 200
        assert [w["unfunded"] for w in response.json()["warnings"]] == ["reintegration"]
        denied = get("guest")
        assert denied.status_code == 403 or denied.json()["warnings"] == []

    def test_the_duplication_rule_fires_once_on_ddr_in_birao(self):
        (finding,) = selectors.duplications(self.user("admin"))
        assert (finding.sector, finding.area) == ("DDR", "CF531")
        keys = set(Activity.objects.filter(pk__in=finding.activity_ids).values_list("external_id", flat=True))
        assert keys == {"vakaga-ddr-bonuca", "vakaga-ddr-undp"}

    def test_integration_matrix_per_mission(self):
        minurcat = Mission.objects.get(acronym="MINURCAT")
        cells = {c.sector_code: c.model for c in selectors.integration_matrix(self.user("admin"), minurcat)}
        assert cells["DDR"] == "separate" and cells["SEC"] == "full" and cells["POL"] == ""
        codes = {a.code for a in selectors.integration_advice(self.user("admin"), minurcat)}
        assert "asymmetric_model" in codes and "form_follows_function" not in codes


@pytest.mark.django_db
def test_loading_twice_changes_no_coordination_record():
    load_demo()
    models = (Activity, Programme, ProgrammeComponent, FundingStream, IntegrationAssessment)
    before = counts(), [m.history.count() for m in models]
    assert (load_demo(), [m.history.count() for m in models]) == before


def test_humanitarian_space_and_needs_cite_a_seed():
    sources = [n.source for n in scoord.NEEDS] + [t.source for t in scoord.AREA_TASKS]
    sources += [p.source for p in scoord.PROPOSALS] + [u.source for u in scoord.ASSET_USES]
    assert all(s.startswith("seed ") and len(s) <= 200 for s in sources), sources


class TestVakagaGapsAndHumanitarianSpace(TestCase):
    """The demo shows a gap and a duplication in Vakaga, a QIP awaiting the HC, a refusal, a military asset use."""

    @classmethod
    def setUpTestData(cls):
        load_demo()

    def test_gap_and_duplication_in_vakaga(self):
        import datetime as dt

        admin = get_user_model().objects.get(username="admin")
        found = selectors.coordination_map(admin, country="CAF", start=dt.date(2009, 1, 1), end=dt.date(2009, 12, 31))
        states = {a["pcode"]: a["state"] for a in found["areas"]}
        assert states["CF532"] == "gap" and states["CF531"] == "duplication", states
        assert sorted(g.need.sector for g in found["gaps"]) == ["FSC", "PRO"]

    def test_proposals_and_asset_use(self):
        from peaceops.coordination.models import HumanitarianProposal, MilitaryAssetUse

        assert HumanitarianProposal.objects.filter(status="proposed", kind="qip").count() == 1
        refused = HumanitarianProposal.objects.get(status="refused")
        assert refused.decision_reason and refused.component.name == "Force"
        use = MilitaryAssetUse.objects.get()
        assert use.justification and use.no_civilian_capacity and use.status == "approved"
        from peaceops.coordination import rules

        assert rules.last_resort_objections(selectors.asset_use_fact(use)) == []

    def test_loading_again_changes_nothing(self):
        before = counts()
        load_demo()
        assert counts() == before
