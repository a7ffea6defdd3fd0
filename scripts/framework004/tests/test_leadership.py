"""Seed 004 chapters 1-2 (leadership, coordination and integration; cross-cutting issues; mission management)
parsed into the library's guidance chapters, against the seed text itself.

Every expected number below was counted by hand from the seed text (line numbers of seed 004 in the
comments), not copied from the parser's output.
"""

import pytest

from framework004.leadership import sentences
from framework004.parser import find_seed, parse_framework
from peaceops.mandates.framework_library import Library


@pytest.fixture(scope="module")
def library(request) -> Library:
    return parse_framework(find_seed(request.getfixturevalue("shared_seeds")))


def test_the_sections_of_chapters_1_and_2(library):
    # The table of contents (lines 37-63) lists chapter 1: 1.1, 1.2, 1.3, 1.4 and 1.4.1-1.4.8 (12 sections);
    # chapter 2: 2.1, 2.1.1-2.1.6, 2.2 and 2.2.1-2.2.4 (12 sections).
    numbers = [section.number for section in library.sections()]
    assert numbers == ["1.1", "1.2", "1.3", "1.4", *[f"1.4.{n}" for n in range(1, 9)],
                       "2.1", *[f"2.1.{n}" for n in range(1, 7)], "2.2", *[f"2.2.{n}" for n in range(1, 5)]]
    assert [chapter.title for chapter in library.chapters] == [
        "Leadership, Coordination and Integration", "Cross-Cutting Issues and Mission Management Considerations"]
    # 2.1.1-2.1.6: protection of civilians, human rights, gender, mine action, SSR, DDR (TOC lines 53-58).
    cross_cutting = [s.title for s in library.sections() if s.kind == "cross_cutting" and s.parent]
    assert cross_cutting == ["Protection of Civilians", "Human Rights", "Gender", "Mine Action",
                             "Security Sector Reform", "Disarmament, Demobilization and Reintegration"]
    # 2.2.1-2.2.4: safety and security, public information, conduct and discipline, resources (lines 60-63).
    management = [s.title for s in library.sections() if s.kind == "management" and s.parent]
    assert management == ["Safety and Security", "Public Information", "Conduct and Discipline", "Resources"]
    assert library.section("2.1.3").parent == "2.1" and library.section("1.4").parent == ""
    assert (library.section("1.1").first_line, library.section("2.2.4").last_line) == (205, 519)


def test_the_eight_considerations_of_1_4(library):
    # Lines 277-284: eight bullets, "Optimize collocation ..." to "Ensure prioritization and sequencing."
    considerations = library.section("1.4").of_kind("leadership_consideration")
    assert len(considerations) == 8
    assert considerations[0].text == "Optimize collocation and aim for functionally integrated teams"
    assert considerations[7].text == "Ensure prioritization and sequencing"
    assert considerations[0].ref == "004/1.4/LC-1" and considerations[0].first_line == 277
    # The fifth bullet (line 281) reads "ensure accountability", its heading 1.4.5 (line 337) does not.
    differs = [i for i in library.irregularities if i.kind == "consideration_name_differs"]
    assert [i.line for i in differs] == [281]


def test_bullet_points_of_the_other_lists(library):
    # Chapters 1-2 have four bullet lists (lines 205-519): §1.2 purposes of a strategic assessment, 3 bullets
    # (229-231); §1.4 the considerations (above); §1.4.3 information inter-operability, 4 bullets (320-323);
    # §1.4.6 purposes of an ISF, 4 bullets (359-362). No bullet in chapter 2.
    points = {section.number: len(section.of_kind("point")) for section in library.sections()
              if section.of_kind("point")}
    assert points == {"1.2": 3, "1.4.3": 4, "1.4.6": 4}
    assert library.section("1.4.6").of_kind("point")[3].text == "Allow for regular stocktaking by senior managers"


# Sentences saying what should, must or needs to be done, counted by hand:
# §1.4.1 (lines 288-290): "The desirability of collocation should be stressed ..."; "... UN police may also
#   need to position themselves ..." = 2.
# §2.1.3 Gender (426-434): "needs to keep this in mind"; "the MLT should consider, and report on"; "all
#   peacekeepers need to be aware"; "should establish clear goals"; "It should review and monitor";
#   "should consult and make effective use of gender advisers"; "The mission should also meet regularly"
#   (runs over footnote 8 to line 434) = 7.
# §2.1.4 Mine action (438-442): "The MLT should make a particular effort"; "Staff should be treated" = 2.
# §2.2.1 Safety and security (484-488): "Security must not be looked at in isolation"; "Decisions need to be
#   taken"; "the HoM should discuss"; "the DO and the SMT ... should ensure"; "The MLT needs to ensure";
#   "Safety measures should include" = 6.
# §2.2.2 Public information (492-494): "In sum, the strategy should be designed"; "should be led by the MLT";
#   "The MLT should also ensure"; "spokesperson ... should be considered senior staff"; "members of the MLT
#   should be prepared" = 5.
# §2.2.3 Conduct and discipline (498-500): "The MLT should set the tone"; "Efforts should also be made";
#   "The MLT needs to be proactive" = 3.
# §1.1 (207-215) has none: it describes, it does not advise.
GUIDANCE_BY_HAND = {"1.1": 0, "1.4.1": 2, "2.1.3": 7, "2.1.4": 2, "2.2.1": 6, "2.2.2": 5, "2.2.3": 3}


@pytest.mark.parametrize("number", sorted(GUIDANCE_BY_HAND))
def test_guidance_sentences_counted_by_hand(library, number):
    assert len(library.section(number).of_kind("guidance")) == GUIDANCE_BY_HAND[number]


def test_guidance_keeps_the_sentence_and_its_place(library):
    gender = library.section("2.1.3").of_kind("guidance")
    assert gender[0].text.startswith("The MLT needs to keep this in mind")
    # the last one runs over footnote 8 (line 432) and a page break: joined, footnote out
    assert gender[6].text.endswith("in order to ensure a transparent dialogue on gender-related issues.")
    assert (gender[6].first_line, gender[6].last_line) == (430, 434) and gender[6].ref == "004/2.1.3/G-7"
    spokesperson = library.section("2.2.2").of_kind("guidance")[3]
    assert spokesperson.text.startswith("The mission spokesperson and/or chief of public information should")


def test_footnotes_and_figures_stay_out_of_the_text(library):
    text = "\n".join(section.text for section in library.sections())
    for furniture in ("Available at www.unddr.org", "Figure 1", "AN ILLUSTRATIVE INTEGRATED MISSION STRUCTURE",
                      "Remarks to Security Council Open Debate", "¹³"):
        assert furniture not in text
    kinds = {(i.kind, i.line) for i in library.irregularities}
    # footnotes 5, 9, 10, 11, 12 are printed with plain digits (lines 261, 448, 450, 472, 474)
    assert {line for kind, line in kinds if kind == "footnote_plain_digits"} == {261, 448, 450, 472, 474}
    assert {line for kind, line in kinds if kind == "figure_caption"} == {250, 252, 267, 269}


def test_sentences_are_not_cut_at_abbreviations():
    assert sentences("Radio may be delayed (e.g. the host government may obstruct it). Then act.") == [
        "Radio may be delayed (e.g. the host government may obstruct it).", "Then act."]
