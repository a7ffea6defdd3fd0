"""The four structural rules, on plain facts (no database)."""

from peaceops.registry.rules import (
    ComponentFacts,
    HatFacts,
    LineFacts,
    MissionFacts,
    PostFacts,
    check_mission,
)

SRSG = PostFacts(id=1, title="SRSG", function="srsg", hats=(HatFacts("hom", "Heads the mission."),))
DSRSG_IMC = PostFacts(id=2, title="DSRSG political", function="dsrsg",
                      hats=(HatFacts("dsrsg",
                                     "Promotes [[inter_mission_cooperation|inter-mission cooperation with UNAMID]]."),))


def codes(mission):
    return sorted(w.code for w in check_mission(mission))


def test_a_sound_structure_raises_nothing():
    adviser = PostFacts(id=3, title="Chief Human Rights", function="human_rights")
    mission = MissionFacts("MINURCAT", posts=(SRSG, DSRSG_IMC, adviser),
                           lines=(LineFacts(3, "direct", to_post_id=1), LineFacts(2, "direct", to_post_id=1)))
    assert check_mission(mission) == []


def test_ocha_office_inside_the_mission_is_flagged_with_its_seed_passage():
    by_org = ComponentFacts(1, "Humanitarian office", "humanitarian", organisation_acronym="OCHA")
    by_name = ComponentFacts(2, "OCHA liaison cell", "humanitarian")
    by_full_name = ComponentFacts(3, "Coordination unit", "substantive",
                                  organisation_name="Office for the Coordination of Humanitarian Affairs")
    not_ocha = ComponentFacts(4, "Civil affairs", "substantive", organisation_acronym="UNDP")
    warnings = check_mission(MissionFacts("UNMIS", components=(by_org, by_name, by_full_name, not_ocha),
                                          posts=(DSRSG_IMC,)))
    ocha = [w for w in warnings if w.code == "ocha_inside_mission"]
    assert [w.subject for w in ocha] == ["UNMIS Humanitarian office", "UNMIS OCHA liaison cell",
                                         "UNMIS Coordination unit"]
    assert "seed 003 §2.4.3" in ocha[0].source and "rec. 3.4.3" in ocha[0].source
    assert "not be part of the mission structure" in ocha[0].source


def test_human_rights_adviser_needs_a_direct_line_to_the_srsg():
    adviser = PostFacts(id=3, title="Human Rights Adviser", function="human_rights")
    dotted_only = MissionFacts("UNAMID", posts=(SRSG, DSRSG_IMC, adviser),
                               lines=(LineFacts(3, "dotted", to_post_id=1), LineFacts(3, "direct", to_post_id=2)))
    assert codes(dotted_only) == ["human_rights_not_reporting_to_srsg"]
    warning = check_mission(dotted_only)[0]
    assert warning.subject == "UNAMID Human Rights Adviser" and "rec. 3.4.9" in warning.source
    jsr = PostFacts(id=1, title="JSR", function="jsr")
    hybrid = MissionFacts("UNAMID", posts=(jsr, DSRSG_IMC, adviser), lines=(LineFacts(3, "direct", to_post_id=1),))
    assert codes(hybrid) == []


def test_a_mission_needs_a_dsrsg_with_inter_mission_cooperation():
    assert codes(MissionFacts("BONUCA")) == ["no_dsrsg_for_inter_mission_cooperation"]
    plain = PostFacts(id=2, title="DSRSG", function="dsrsg", hats=(HatFacts("dsrsg", "Rule of law."),))
    [warning] = check_mission(MissionFacts("MONUC", posts=(plain,)))
    assert "1 DSRSG(s), none of them" in warning.message and warning.source.startswith("seed 000 §IV.E.1")
    marked = PostFacts(id=2, title="DSRSG", function="dsrsg", hats=(HatFacts(
        "dsrsg", "Deputy; [[inter_mission_cooperation|promotes cooperation with UNAMID and UNMIS]]."),))
    assert codes(MissionFacts("MONUC", posts=(marked,))) == []
    # a tag beside the text, or the words in passing, are not the duty in the terms (seed 000 §IV.E.1)
    tagged = PostFacts(id=2, title="DSRSG", function="dsrsg", hats=(HatFacts(
        "dsrsg", "Working with the neighbouring missions is not among the listed duties.",
        ("inter_mission_cooperation",)),))
    assert codes(MissionFacts("MONUC", posts=(tagged,))) == ["no_dsrsg_for_inter_mission_cooperation"]
    spelled = PostFacts(id=2, title="DSRSG", function="dsrsg", hats=(HatFacts("dsrsg", "Inter-Mission  cooperation"),))
    assert codes(MissionFacts("MONUC", posts=(spelled,))) == ["no_dsrsg_for_inter_mission_cooperation"]


def test_every_hat_of_a_multi_hatted_post_needs_terms_of_reference():
    triple = PostFacts(id=5, title="DSRSG/RC/HC", function="dsrsg", hats=(
        HatFacts("dsrsg", "Deputy; [[inter_mission_cooperation|inter-mission cooperation]]."), HatFacts("rc", ""),
        HatFacts("hc", "  ")))
    [warning] = check_mission(MissionFacts("MINURCAT", posts=(triple,)))
    assert warning.code == "multi_hatted_without_terms"
    assert warning.message.endswith("no terms of reference for: rc, hc.")
    single = PostFacts(id=6, title="Chief JOC", function="joc", hats=(HatFacts("other", ""),))
    assert codes(MissionFacts("MINURCAT", posts=(DSRSG_IMC, single))) == []
