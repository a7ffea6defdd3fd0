"""The seed 004 parser (a build step: scripts/build_framework_fixture.py) against seed 004 itself (chapters 3-6).

The expected counts below were counted by hand from the seed text (line ranges in the comments), not
copied from the parser's output: a change in the parser that loses or splits an item shows up here.
"""

import re

import pytest

from framework004.parser import FrameworkParseError, find_seed, parse_framework
from peaceops.mandates.framework_library import Library

# output: (activities, short, medium, long, responsibilities, resources, risks, considerations)
EXPECTED = {
    "3.2": (6, 6, 6, 4, 1, 1, 13, 3),  # 598-603; 609-614, 618-623, 627-630 (plain "Short-term" lines)
    "3.3": (4, 5, 3, 2, 1, 1, 9, 3),  # short: 682-685 + 687 after a page break; risks 710-717 + 719
    "3.4": (10, 9, 6, 2, 3, 1, 8, 3),
    "3.5": (7, 3, 10, 9, 1, 0, 3, 2),  # no Resources section; long: 848-851 + 853-857
    "3.6": (5, 2, 5, 6, 1, 0, 3, 2),  # no Resources section; footnote 18 inside the benchmarks
    "4.2": (8, 8, 5, 4, 1, 1, 8, 2),  # activity 4 has 4 unindented parts; short: 998-1001 + 1003-1006
    "4.3": (16, 11, 10, 3, 3, 2, 6, 4),  # short: 1079-1081 + 1087-1094 (footnotes 19, 20 between)
    "4.4": (8, 8, 5, 3, 1, 1, 8, 4),
    "4.5": (10, 7, 10, 4, 1, 1, 4, 5),
    "4.6": (13, 15, 9, 12, 2, 4, 12, 8),  # activities 1306-1315 + 1319-1321 around footnote 21
    "4.7": (8, 7, 10, 8, 1, 1, 7, 2),  # medium: 1446-1452 + 1454-1456 (unindented)
    "4.8": (6, 7, 7, 4, 1, 1, 6, 3),
    "5.2": (5, 5, 3, 5, 1, 1, 8, 4),
    "5.3": (11, 5, 13, 11, 1, 1, 10, 4),
    "5.4": (12, 6, 7, 7, 2, 1, 6, 5),
    "5.5": (10, 9, 7, 4, 1, 1, 10, 4),
    "6.2": (10, 4, 4, 2, 1, 1, 7, 4),
    "6.3": (7, 5, 3, 3, 2, 1, 4, 0),  # 6.3.6 refers back to 6.2.6: no dilemmas of its own
    "6.4": (9, 3, 3, 3, 1, 1, 10, 2),
    "6.5": (6, 5, 7, 5, 1, 2, 6, 2),
}
# objective: (preconditions, end-state benchmarks, outputs listed, output sections)
EXPECTED_OBJECTIVES = {"3.1": (7, 10, 5, 5), "4.1": (7, 5, 7, 7), "5.1": (5, 7, 4, 4), "6.1": (5, 14, 4, 4)}

FURNITURE = [
    re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]"),  # footnote marks and footnote lines
    re.compile(r"\b[3-6]\.\d+\.\d+\b"),  # subsection headings
    re.compile(r"(Short|Medium|Long)-term\*"),  # horizon headings
    re.compile(r"^\s*-\s"),  # bullets swallowed into an item
    re.compile(r"\*"),  # italics markup
    re.compile(r"ANNEX|Chapter [3-6]:|http|www\."),  # annex, table of contents, footnote links
    re.compile(r"\s{2,}|\n"),  # joins without a single space
]


@pytest.fixture(scope="module")
def library(request) -> Library:
    seeds = request.getfixturevalue("shared_seeds")
    return parse_framework(find_seed(seeds))


@pytest.mark.parametrize("number", sorted(EXPECTED))
def test_counts_per_output(library, number):
    output = library.output(number)
    counted = (len(output.activities), len(output.benchmarks_for("short")), len(output.benchmarks_for("medium")),
               len(output.benchmarks_for("long")), len(output.responsibilities), len(output.resources),
               len(output.risks), len(output.considerations))
    assert counted == EXPECTED[number]


def test_four_objectives_twenty_outputs_364_benchmarks(library):
    assert [o.chapter for o in library.objectives] == [3, 4, 5, 6]
    assert [o.number for o in library.outputs()] == sorted(EXPECTED, key=lambda n: tuple(map(int, n.split("."))))
    assert sum(len(o.benchmarks) for o in library.outputs()) == 364
    for objective in library.objectives:
        counted = (len(objective.preconditions), len(objective.end_state_benchmarks),
                   len(objective.listed_outputs), len(objective.outputs))
        assert counted == EXPECTED_OBJECTIVES[objective.number]


def test_refs_are_unique_and_stable(library):
    refs = [item.ref for item in library.items()]
    assert len(refs) == len(set(refs))
    by_ref = library.by_ref()
    assert by_ref["004/3.2/B-S-3"].text == "Joint confidence building measures implemented"
    assert by_ref["004/6.5/B-L-5"].text == "Individuals and enterprises have access to loans / investment capital."
    assert by_ref["004/4.1/P-1"].kind == "precondition"
    assert by_ref["004/6.1/E-14"].text == "Primary education systems are in place and literacy improves."


def test_items_keep_their_place_in_the_source(library, shared_seeds):
    lines = find_seed(shared_seeds).read_text(encoding="utf-8").splitlines()
    for item in library.items():
        assert item.first_line <= item.last_line
        first_words = (item.title or item.text).split()[:3]
        assert " ".join(first_words).lstrip("*") in lines[item.first_line - 1].replace("*", ""), item.ref
    item = library.by_ref()["004/3.3/B-S-5"]
    assert (item.section, item.first_line, item.horizon) == ("3.3.2", 687, "short")


def test_no_item_contains_page_furniture(library):
    for item in library.items():
        for text in (item.text, item.title, *item.subitems):
            for pattern in FURNITURE:
                assert not pattern.search(text), (item.ref, pattern.pattern, text)


def test_items_split_by_a_page_break_are_joined(library):
    protection = library.output("4.3").considerations[2]  # 1139, a page break, 1141
    assert protection.title == "Temporary or permanent deployment pattern"
    assert protection.text.endswith("permanent patterns will better support peace-building activities.")
    assert (protection.first_line, protection.last_line) == (1139, 1141)
    responsibilities = library.output("3.2").responsibilities  # 634, a page break, "in this regard" on 636
    assert len(responsibilities) == 1 and "relevant UN agencies" in responsibilities[0].text


def test_a_benchmark_repeated_in_two_horizons_stays_two_items(library):
    by_ref = library.by_ref()
    assert by_ref["004/4.4/B-M-5"].text == by_ref["004/4.4/B-L-3"].text == "Mine action continues."
    assert (by_ref["004/4.4/B-M-5"].first_line, by_ref["004/4.4/B-L-3"].first_line) == (1181, 1185)


def test_footnotes_are_kept_as_numbers_not_text(library):
    violence = library.output("4.3").activities[1]
    assert violence.text == "Taking special measures against gender-based and sexual violence"
    assert violence.footnotes == (20,)
    assert all("Durch and Alison" not in item.text for item in library.items())  # footnote 19's text


def test_unindented_sublist_is_kept_with_its_activity(library):
    control = library.output("4.2").activities[3]
    assert control.text == ("Establishing control measures for: Separation of forces; Weapons and ammunition; "
                            "Equipment; Movement of personnel")
    assert (control.first_line, control.last_line) == (985, 989)
    assert control.subitems == ("Separation of forces", "Weapons and ammunition", "Equipment", "Movement of personnel")
    assert library.output("4.2").activities[4].text.startswith("Demining")


def test_irregularities_are_reported(library):
    kinds = {found.kind for found in library.irregularities}
    assert {"footnote", "page_break_join", "horizon_plain", "horizon_indented", "indent_lost",
            "sublist_unindented", "numbering_slip", "section_missing", "output_name_differs",
            "considerations_prose", "chapter_heading_unnumbered"} <= kinds
    slip = [found for found in library.irregularities if found.kind == "numbering_slip"]
    assert [found.line for found in slip] == [1956]  # 6.1.2 follows 6.1
    assert library.output("6.3").considerations_note.startswith("The considerations concerning the previous output")


def test_a_truncated_seed_is_a_clear_error(tmp_path, shared_seeds):
    text = find_seed(shared_seeds).read_text(encoding="utf-8")
    broken = tmp_path / "004_broken.txt"
    broken.write_text(text.replace("- *Short-term*\n - Legislative framework", " - Legislative framework", 1),
                      encoding="utf-8")
    with pytest.raises(FrameworkParseError) as error:
        parse_framework(broken)
    assert "004_broken.txt:754" in str(error.value) and "benchmarks 3.4.2" in str(error.value)


def test_a_file_without_the_chapters_is_a_clear_error(tmp_path):
    empty = tmp_path / "004_empty.txt"
    empty.write_text("nothing here\n", encoding="utf-8")
    with pytest.raises(FrameworkParseError, match="004_empty.txt:1: table of contents"):
        parse_framework(empty)


# --- each rule on a small made-up text (no seed needed) -------------------------------------------------

def _objective_text(chapter: int) -> str:
    return f"""{chapter}.1 The Objective
Intro of the objective.

{chapter}.1.1 Preconditions for Success

- A precondition;

{chapter}.1.2 Benchmarks

- An end state.

{chapter}.1.3 Outputs

- Thing done.

"""


SMALL_OUTPUT = """3.2 Output: Thing Done

An intro paragraph that runs

across a page break.

3.2.1 Operational Activities

- Establishing measures for:
- Roads;
- Bridges;
- Deploying teams;

¹ A footnote at the bottom of the page.

- Reporting on progress.²

3.2.2 Benchmarks

Short-term

- First short;
Medium-term

- First medium;
 - *Long-term*
 - First long;

- Second long after a page break.

3.2.4 Challenges and Risks

- A risk that runs over

the page.

3.2.5 Considerations

- *Speed or care.* Some text.
"""


def _small_seed(tmp_path, output=SMALL_OUTPUT):
    toc = "".join(f"Chapter {n}: Title {n}\t{n * 10}\n" for n in (3, 4, 5, 6))
    body = ""
    for n in (3, 4, 5, 6):
        body += f"Title {n}\n\n" + _objective_text(n)
        body += output.replace("3.2", f"{n}.2") + "\n"
    path = tmp_path / "004_small.txt"
    path.write_text(toc + "\n" + body + "ANNEX I\n", encoding="utf-8")
    return path


def test_rules_on_a_small_text(tmp_path):
    library = parse_framework(_small_seed(tmp_path))
    output = library.output("3.2")
    assert output.intro == "An intro paragraph that runs across a page break."
    assert [a.text for a in output.activities] == [
        "Establishing measures for: Roads; Bridges", "Deploying teams", "Reporting on progress."]
    assert output.activities[2].footnotes == (2,)
    assert [(b.horizon, b.order, b.text) for b in output.benchmarks] == [
        ("short", 1, "First short"), ("medium", 1, "First medium"), ("long", 1, "First long"),
        ("long", 2, "Second long after a page break.")]
    assert output.risks[0].text == "A risk that runs over the page."
    assert (output.considerations[0].title, output.considerations[0].text) == ("Speed or care", "Some text.")
    assert output.resources == () and output.responsibilities == ()
    kinds = {found.kind for found in library.irregularities}
    assert {"horizon_plain", "horizon_indented", "indent_lost", "footnote", "page_break_join",
            "sublist_unindented", "numbering_slip", "section_missing"} <= kinds


def test_an_unknown_subsection_title_is_named(tmp_path):
    path = _small_seed(tmp_path, SMALL_OUTPUT.replace("Challenges and Risks", "Hazards"))
    with pytest.raises(FrameworkParseError, match=r"004_small.txt:\d+: subsection title: '3.2.4 Hazards'"):
        parse_framework(path)


def test_an_output_heading_without_output_prefix_is_named(tmp_path):
    path = _small_seed(tmp_path, SMALL_OUTPUT.replace("Output: Thing Done", "Thing Done"))
    with pytest.raises(FrameworkParseError, match="output heading"):
        parse_framework(path)
