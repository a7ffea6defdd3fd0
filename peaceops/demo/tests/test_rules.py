"""The demo shows the registry's structural rules at work, each where the seeds put the problem."""

import pytest
from django.test import TestCase

from peaceops.demo.loader import load_demo
from peaceops.registry import rules
from peaceops.registry.models import Mission

pytestmark = pytest.mark.django_db


def facts(mission: Mission) -> rules.MissionFacts:
    """Everything of one mission, as a fully cleared reader sees it."""
    return rules.MissionFacts(
        acronym=mission.acronym,
        components=tuple(
            rules.ComponentFacts(id=c.id, name=c.name, kind=c.kind,
                                 organisation_acronym=c.organisation.acronym if c.organisation else "",
                                 organisation_name=c.organisation.name if c.organisation else "")
            for c in mission.components.select_related("organisation")),
        posts=tuple(
            rules.PostFacts(id=p.id, title=p.title, function=p.function,
                            hats=tuple(rules.HatFacts(h.role, h.terms_of_reference, tuple(h.responsibilities))
                                       for h in p.hats.all()))
            for p in mission.posts.prefetch_related("hats")),
        lines=tuple(
            rules.LineFacts(line.from_post_id, line.kind, line.to_post_id,
                            line.to_organisation.acronym if line.to_organisation else "")
            for post in mission.posts.all() for line in post.lines_up.select_related("to_organisation")),
    )


EXPECTED = {
    # seed 000 §III.B / §IV.E.1: no mission had a DSRSG with inter-mission cooperation in the ToR.
    "BONUCA": {"no_dsrsg_for_inter_mission_cooperation"},
    "MINURCAT": {"no_dsrsg_for_inter_mission_cooperation"},
    "UNAMID": {"no_dsrsg_for_inter_mission_cooperation"},
    # seed 003 §2.4.3: multi-hatted DSRSG ToRs are "by no means standard" (the RR hat has none here).
    "BINUCA": {"no_dsrsg_for_inter_mission_cooperation", "multi_hatted_without_terms"},
    "MONUC": {"no_dsrsg_for_inter_mission_cooperation", "multi_hatted_without_terms"},
    "MONUSCO": {"no_dsrsg_for_inter_mission_cooperation", "multi_hatted_without_terms"},
    # plus the one illustrative deviation of the demo (seed 003 rec. 3.4.9).
    "UNMIS": {"no_dsrsg_for_inter_mission_cooperation", "multi_hatted_without_terms",
              "human_rights_not_reporting_to_srsg"},
}


class TestDemoWarnings(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_demo()

    def test_each_mission_raises_the_warnings_its_seed_passages_describe(self):
        found = {mission.acronym: {w.code for w in rules.check_mission(facts(mission))}
                 for mission in Mission.objects.all()}
        assert found == EXPECTED

    def test_no_ocha_office_sits_inside_a_mission(self):
        # seed 003 §1.3 n. 13 and rec. 3.4.3: the OCHA office stays outside; the DSRSG/HC reaches it by a line.
        for mission in Mission.objects.all():
            assert not rules.ocha_inside_mission(facts(mission))
