"""Seed 004 chapters 3-6 (the Challenges Forum "Considerations" study) parsed into the framework library.

A build step, not runtime code: ``scripts/build_framework_fixture.py`` runs it and writes the fixture the
app loads (``peaceops/mandates/fixtures/framework_library.json``); the library's shape (the frozen
dataclasses) is the app's, ``peaceops.mandates.framework_library``. Pure Python, no Django:
``parse_framework(path)`` reads the seed text and returns a ``Library`` (Library > Objective > Output >
Item). Every item keeps its place in the source: the section number as printed, its order in its list
and the first and last source line it was read from, and a stable ``ref`` such as ``"004/3.2/B-S-3"``
(output 3.2, benchmark, short term, third).

The text is a PDF extraction and is irregular (page breaks inside lists and paragraphs, footnotes dropped
in the middle of lists, lost or extra indentation of benchmark lines, two ways of writing the time
horizons, a numbering slip in 6.1, a sub-list without indentation in 4.2.1). Each irregularity is
handled by a named rule below and reported in ``Library.irregularities`` with its line, so the import
can be checked against the text; docs/framework-library.md lists them.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from peaceops.mandates.framework_library import (
    HORIZON_CODES,
    HORIZONS,
    KIND_CODES,
    SOURCE_ID,
    Irregularity,
    Item,
    Library,
    Objective,
    Output,
)

# Subsection titles (lower case) -> item kind. Objective sections (x.1) and outputs share some titles;
# "benchmarks" under an objective are end-state benchmarks (seed 004 ch. 3-6, x.1.2).
OBJECTIVE_SUBSECTIONS = {
    "preconditions for success": "precondition",
    "benchmarks": "end_state_benchmark",
    "outputs": "listed_output",
}
OUTPUT_SUBSECTIONS = {
    "operational activities": "activity",
    "benchmarks": "benchmark",
    "responsibilities and coordination": "responsibility",
    "resources": "resource",
    "challenges and risks": "risk",
    "considerations": "consideration",
}
PROSE_KINDS = {"responsibility", "resource"}  # paragraphs, not bullet lists


class FrameworkParseError(ValueError):
    """The seed text does not have the structure this parser knows; names the file, the line and what."""

    def __init__(self, path: Path | str, line: int, field_name: str, message: str):
        self.path, self.line, self.field_name = str(path), line, field_name
        super().__init__(f"{path}:{line}: {field_name}: {message}")




from framework004.leadership import parse_guidance_chapters  # noqa: E402 - it uses the helpers below, late

# ---------------------------------------------------------------------------------------------------------
# Reading lines

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUPERSCRIPT_VALUE = {char: str(value) for value, char in enumerate(SUPERSCRIPTS)}
FOOTNOTE_LINE = re.compile(rf"^[{SUPERSCRIPTS}]+\s")
FOOTNOTE_MARK = re.compile(rf"(?<=\S)[{SUPERSCRIPTS}]+")
SECTION_HEADING = re.compile(r"^([3-6])\.(\d+)(?:\.(\d+))?\.?\s+(\S.*)$")
TOC_CHAPTER = re.compile(r"^Chapter ([3-6]):\s*(.+?)\s*\t\s*\d+\s*$")
BULLET = re.compile(r"^(\s*)- (.*)$")
HORIZON_TEXT = re.compile(r"^\*?(Short|Medium|Long)-term\*?$")
CONSIDERATION_TITLE = re.compile(r"^\*(.+?)\*\s*(.*)$")
SENTENCE_END = tuple(".:;!?\"”)")


@dataclass(frozen=True)
class _Line:
    number: int
    text: str  # right-stripped

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @property
    def bullet(self) -> re.Match | None:
        return BULLET.match(self.text)


def _read(path: Path) -> tuple[list[_Line], str]:
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    lines = [_Line(n, line.rstrip()) for n, line in enumerate(text.splitlines(), start=1)]
    return lines, hashlib.sha256(raw).hexdigest()


def _chapter_titles(lines: list[_Line], path: Path) -> dict[int, str]:
    """Chapter titles from the table of contents ("Chapter 3: Facilitating ...<tab>43")."""
    titles: dict[int, str] = {}
    for line in lines:
        match = TOC_CHAPTER.match(line.text)
        if match and int(match.group(1)) not in titles:
            titles[int(match.group(1))] = match.group(2).rstrip(".").strip()
    missing = [n for n in (3, 4, 5, 6) if n not in titles]
    if missing:
        raise FrameworkParseError(path, 1, "table of contents", f"no 'Chapter N: title' line for chapter(s) {missing}")
    return titles


class _Notes:
    """Collects irregularities as the parse meets them."""

    def __init__(self) -> None:
        self.found: list[Irregularity] = []

    def add(self, line: int, kind: str, detail: str) -> None:
        self.found.append(Irregularity(line, kind, detail))


def _clean(text: str) -> tuple[str, tuple[int, ...]]:
    """Drop footnote marks (kept as numbers), collapse spaces, drop the trailing list ';'."""
    marks = tuple(int("".join(SUPERSCRIPT_VALUE[c] for c in mark)) for mark in FOOTNOTE_MARK.findall(text))
    text = FOOTNOTE_MARK.sub("", text)
    text = re.sub(r"\s+", " ", text).strip()
    if text.endswith(";"):
        text = text[:-1].rstrip()
    return text, marks


# ---------------------------------------------------------------------------------------------------------
# Structure: chapters > sections (x.y) > subsections (x.y.z)

@dataclass
class _Subsection:
    number: str
    title: str
    heading_line: int
    lines: list[_Line]


@dataclass
class _Section:
    number: str
    title: str
    heading_line: int
    intro: list[_Line]
    subsections: list[_Subsection]
    last_line: int = 0


@dataclass
class _Chapter:
    number: int
    title: str
    heading_line: int
    sections: list[_Section]
    last_line: int = 0


def _split_chapters(lines: list[_Line], titles: dict[int, str], path: Path, notes: _Notes) -> list[_Chapter]:
    """Find the body's chapter headings (the title alone, without "Chapter N:") and cut the body into sections."""
    toc_end = max(line.number for line in lines if TOC_CHAPTER.match(line.text))
    heading_at: dict[int, int] = {}
    for chapter, title in titles.items():
        for line in lines[toc_end:]:
            if line.text.strip() == title:
                heading_at[chapter] = line.number
                notes.add(line.number, "chapter_heading_unnumbered",
                          f"chapter {chapter} heading reads '{title}' without 'Chapter {chapter}:'")
                break
        else:
            raise FrameworkParseError(path, toc_end, f"chapter {chapter}", f"heading '{title}' not found in the body")
    end = next((line.number for line in lines
                if line.number > heading_at[6] and line.text.strip().upper().startswith("ANNEX")), None)
    if end is None:
        raise FrameworkParseError(path, heading_at[6], "chapter 6", "no 'ANNEX' line after chapter 6")

    chapters: list[_Chapter] = []
    for chapter in (3, 4, 5, 6):
        start = heading_at[chapter]
        stop = heading_at[chapter + 1] if chapter < 6 else end
        body = [line for line in lines if start < line.number < stop]
        sections = _split_sections(chapter, body, path, notes)
        chapters.append(_Chapter(chapter, titles[chapter], start, sections, stop - 1))
    return chapters


def _split_sections(chapter: int, body: list[_Line], path: Path, notes: _Notes) -> list[_Section]:
    sections: list[_Section] = []
    for line in body:
        match = SECTION_HEADING.match(line.text)
        if match and int(match.group(1)) != chapter:
            raise FrameworkParseError(path, line.number, "section number",
                                      f"'{line.text[:40]}' is numbered outside chapter {chapter}")
        if match and match.group(3) is None:
            sections.append(_Section(f"{chapter}.{match.group(2)}", match.group(4).strip(), line.number, [], []))
        elif match:
            if not sections or sections[-1].number != f"{chapter}.{match.group(2)}":
                raise FrameworkParseError(path, line.number, "subsection number",
                                          f"'{line.text[:40]}' does not belong to the section before it")
            sections[-1].subsections.append(
                _Subsection(f"{chapter}.{match.group(2)}.{match.group(3)}", match.group(4).strip(), line.number, []))
        elif not sections:
            if not line.blank:
                raise FrameworkParseError(path, line.number, f"chapter {chapter}", "text before the first section")
        elif sections[-1].subsections:
            sections[-1].subsections[-1].lines.append(line)
        else:
            sections[-1].intro.append(line)
        if sections:
            sections[-1].last_line = line.number
    _note_numbering(sections, notes)
    return sections


def _note_numbering(sections: list[_Section], notes: _Notes) -> None:
    """Subsections should run x.y.1, x.y.2...; seed 004 §6.1 starts at 6.1.2 (no 6.1.1)."""
    for section in sections:
        for expected, subsection in enumerate(section.subsections, start=1):
            actual = int(subsection.number.rsplit(".", 1)[1])
            if actual != expected:
                notes.add(subsection.heading_line, "numbering_slip",
                          f"{subsection.number} '{subsection.title}' is subsection {expected} of {section.number}; "
                          "kinds are read from titles, refs do not use the printed number")
                break


# ---------------------------------------------------------------------------------------------------------
# Blocks: paragraphs and bullets, footnotes out, page breaks joined

@dataclass
class _Block:
    kind: str  # "bullet" | "text"
    text: str
    first_line: int
    last_line: int
    indent: int = 0


def _blocks(lines: list[_Line], notes: _Notes, list_section: bool) -> list[_Block]:
    """Lines into bullets and paragraphs; footnotes dropped; text split by a page break joined back.

    In a list section a text line after the first bullet continues the bullet before it (a page break
    fell inside the item: 4.3.6, 4.6.6, 5.5.6...). In a prose section a paragraph continues the one
    before when it starts in lower case or the one before has no closing punctuation (3.2.3, 4.2.4...).
    """
    blocks: list[_Block] = []
    gap = False  # a blank line or a footnote since the previous block
    for line in lines:
        if line.blank:
            gap = True
            continue
        if FOOTNOTE_LINE.match(line.text):
            notes.add(line.number, "footnote", f"footnote {line.text.split()[0]} dropped from the item lists")
            gap = True
            continue
        bullet = line.bullet
        if not bullet and HORIZON_TEXT.match(line.text.strip()):
            blocks.append(_Block("text", line.text.strip(), line.number, line.number))  # 3.2.2's plain horizon
        elif bullet:
            blocks.append(_Block("bullet", bullet.group(2).strip(), line.number, line.number, len(bullet.group(1))))
        elif blocks and blocks[-1].kind == "bullet" and list_section:
            blocks[-1].text += " " + line.text.strip()
            blocks[-1].last_line = line.number
            notes.add(line.number, "page_break_join", f"text continues the item begun on line {blocks[-1].first_line}")
        elif blocks and blocks[-1].kind == "text" and (not gap or _continues(blocks[-1].text, line.text)):
            blocks[-1].text += " " + line.text.strip()
            blocks[-1].last_line = line.number
            if gap:
                notes.add(line.number, "page_break_join",
                          f"paragraph continues the one begun on line {blocks[-1].first_line}")
        else:
            blocks.append(_Block("text", line.text.strip(), line.number, line.number))
        gap = False
    return blocks


def _continues(previous: str, text: str) -> bool:
    first = text.strip()[:1]
    return first.islower() or not FOOTNOTE_MARK.sub("", previous).rstrip().endswith(SENTENCE_END)


# ---------------------------------------------------------------------------------------------------------
# Items

def _item(kind: str, scope: str, order: int, block: _Block, section: str, **extra) -> Item:
    text, marks = _clean(block.text)
    code = KIND_CODES[kind]
    if kind == "benchmark":
        code = f"{code}-{HORIZON_CODES[extra['horizon']]}"
    return Item(ref=f"{SOURCE_ID}/{scope}/{code}-{order}", kind=kind, order=order, text=text, section=section,
                first_line=block.first_line, last_line=block.last_line, footnotes=marks, **extra)


def _list_items(kind: str, scope: str, sub: _Subsection, notes: _Notes) -> tuple[tuple[Item, ...], str]:
    """A bullet list with an optional introductory paragraph; returns (items, intro text)."""
    blocks = _blocks(sub.lines, notes, list_section=True)
    intro = " ".join(_clean(b.text)[0] for b in blocks if b.kind == "text")
    bullets = [b for b in blocks if b.kind == "bullet"]
    items: list[Item] = []
    index = 0
    while index < len(bullets):
        block = bullets[index]
        index += 1
        extra: dict = {}
        if kind == "consideration":
            match = CONSIDERATION_TITLE.match(block.text)
            if match:
                extra["title"] = match.group(1).strip().rstrip(".")
                block = _Block(block.kind, match.group(2), block.first_line, block.last_line)
        if block.text.rstrip().endswith(":"):
            # seed 004 §4.2.1: "Establishing control measures for:" is followed by its parts, printed as
            # bullets at the same level; the parts are noun phrases, the activities around them gerunds.
            parts: list[str] = []
            while index < len(bullets) and not bullets[index].text.split()[0].endswith("ing"):
                parts.append(_clean(bullets[index].text)[0])
                block = _Block(block.kind, block.text, block.first_line, bullets[index].last_line)
                index += 1
            if parts:
                extra["subitems"] = tuple(parts)
                # the item reads whole without its subitems: "Establishing control measures for: Separation ..."
                block = _Block(block.kind, f"{block.text.rstrip()} {'; '.join(parts)}", block.first_line,
                               block.last_line)
                notes.add(block.first_line, "sublist_unindented",
                          f"{len(parts)} parts of '{block.text[:40]}' printed as sibling bullets; kept as its subitems")
        items.append(_item(kind, scope, len(items) + 1, block, sub.number, **extra))
    return tuple(items), intro


def _prose_items(kind: str, scope: str, sub: _Subsection, notes: _Notes) -> tuple[Item, ...]:
    """Responsibilities and resources are paragraphs (and the odd bullet): one item each."""
    blocks = _blocks(sub.lines, notes, list_section=False)
    return tuple(_item(kind, scope, order, block, sub.number) for order, block in enumerate(blocks, start=1))


def _benchmarks(scope: str, sub: _Subsection, path: Path, notes: _Notes) -> tuple[Item, ...]:
    """Benchmarks by horizon. The text marks horizons three ways and loses indentation at page breaks."""
    items: list[Item] = []
    horizon = ""
    counts = {h: 0 for h in HORIZONS}
    for block in _blocks(sub.lines, notes, list_section=True):
        marker = HORIZON_TEXT.match(block.text.strip())
        if marker:
            horizon = marker.group(1).lower()
            if block.kind == "text":
                # seed 004 §3.2.2 writes "Short-term" as a plain line; elsewhere "- *Short-term*".
                notes.add(block.first_line, "horizon_plain", f"'{block.text}' written as a plain line")
            elif block.indent:
                notes.add(block.first_line, "horizon_indented",
                          f"'{block.text}' indented like a benchmark; read as the horizon heading")
            continue
        if block.kind == "text":
            if HORIZON_TEXT.match(block.text.split(" ")[0]):
                raise FrameworkParseError(path, block.first_line, "benchmarks",
                                          f"unreadable horizon '{block.text[:40]}'")
            notes.add(block.first_line, "benchmarks_intro", f"text in {sub.number} outside the lists ignored")
            continue
        if not horizon:
            raise FrameworkParseError(path, block.first_line, f"benchmarks {sub.number}",
                                      "benchmark before any Short-/Medium-/Long-term heading")
        if block.indent == 0 and items and items[-1].horizon == horizon and _horizon_indented(sub, horizon):
            notes.add(block.first_line, "indent_lost",
                      f"benchmark printed without indentation after a page break; kept in {horizon} term")
        counts[horizon] += 1
        items.append(_item("benchmark", scope, counts[horizon], block, sub.number, horizon=horizon))
    return tuple(items)


def _horizon_indented(sub: _Subsection, horizon: str) -> bool:
    """Whether this subsection indents its benchmarks at all (3.2.2 and 3.6.2 do not)."""
    return any(line.text.startswith(" - ") and not HORIZON_TEXT.match(line.text.strip()[2:]) for line in sub.lines)


# ---------------------------------------------------------------------------------------------------------
# Objectives and outputs

OUTPUT_PREFIX = re.compile(r"^Output:\s*(.+)$")


def _subsection_kind(sub: _Subsection, known: dict[str, str], path: Path, notes: _Notes) -> str:
    key = sub.title.strip().lower()
    if key not in known:
        raise FrameworkParseError(path, sub.heading_line, "subsection title",
                                  f"'{sub.number} {sub.title}' is not one of {sorted(known)}")
    if sub.title.split()[-1][:1].islower() and len(sub.title.split()) > 1:
        notes.add(sub.heading_line, "title_case", f"'{sub.number} {sub.title}' not in title case")
    return known[key]


def _objective(chapter: _Chapter, path: Path, notes: _Notes) -> Objective:
    first, *rest = chapter.sections
    if not first.number.endswith(".1"):
        raise FrameworkParseError(path, first.heading_line, f"chapter {chapter.number}", "first section is not x.1")
    fields: dict[str, tuple[Item, ...]] = {}
    scope = first.number
    for sub in first.subsections:
        kind = _subsection_kind(sub, OBJECTIVE_SUBSECTIONS, path, notes)
        fields[kind], _ = _list_items(kind, scope, sub, notes)
    for kind in OBJECTIVE_SUBSECTIONS.values():
        if not fields.get(kind):
            raise FrameworkParseError(path, first.heading_line, f"objective {first.number}", f"no {kind} items")
    outputs = tuple(_output(section, order, path, notes) for order, section in enumerate(rest, start=1))
    _note_listed_names(fields["listed_output"], outputs, notes)
    return Objective(
        ref=f"{SOURCE_ID}/{chapter.number}", chapter=chapter.number, title=chapter.title, number=first.number,
        section_title=first.title, first_line=chapter.heading_line, last_line=chapter.last_line,
        intro=_intro(first.intro, notes), preconditions=fields["precondition"],
        end_state_benchmarks=fields["end_state_benchmark"], listed_outputs=fields["listed_output"], outputs=outputs)


def _output(section: _Section, order: int, path: Path, notes: _Notes) -> Output:
    match = OUTPUT_PREFIX.match(section.title)
    if not match:
        raise FrameworkParseError(path, section.heading_line, "output heading",
                                  f"'{section.number} {section.title}' does not start with 'Output:'")
    fields: dict[str, tuple[Item, ...]] = {}
    considerations_note = ""
    scope = section.number
    for sub in section.subsections:
        kind = _subsection_kind(sub, OUTPUT_SUBSECTIONS, path, notes)
        if kind == "benchmark":
            fields[kind] = _benchmarks(scope, sub, path, notes)
        elif kind in PROSE_KINDS:
            fields[kind] = _prose_items(kind, scope, sub, notes)
        else:
            fields[kind], intro = _list_items(kind, scope, sub, notes)
            if kind == "consideration" and not fields[kind]:
                considerations_note = intro  # seed 004 §6.3.6 only refers back to §6.2.6
                notes.add(sub.heading_line, "considerations_prose",
                          f"{sub.number} has no dilemmas of its own, only a note: kept as considerations_note")
    for kind in OUTPUT_SUBSECTIONS.values():
        if kind not in fields:
            notes.add(section.heading_line, "section_missing",
                      f"output {section.number} has no '{kind}' subsection (numbering moves up)")
    if not fields.get("activity") or not fields.get("benchmark"):
        raise FrameworkParseError(path, section.heading_line, f"output {section.number}", "no activities or benchmarks")
    return Output(
        ref=f"{SOURCE_ID}/{section.number}", number=section.number, title=match.group(1).strip(), order=order,
        first_line=section.heading_line, last_line=section.last_line, intro=_intro(section.intro, notes),
        activities=fields.get("activity", ()), benchmarks=fields.get("benchmark", ()),
        responsibilities=fields.get("responsibility", ()), resources=fields.get("resource", ()),
        risks=fields.get("risk", ()), considerations=fields.get("consideration", ()),
        considerations_note=considerations_note)


def _intro(lines: list[_Line], notes: _Notes) -> str:
    blocks = _blocks(lines, notes, list_section=False)
    return "\n\n".join(("- " if b.kind == "bullet" else "") + _clean(b.text)[0] for b in blocks)


def _note_listed_names(listed: tuple[Item, ...], outputs: tuple[Output, ...], notes: _Notes) -> None:
    """The x.1 lists name the outputs; some names differ from the output headings (5.2, 5.4, 6.2)."""
    if len(listed) != len(outputs):
        notes.add(listed[0].first_line, "output_list_mismatch",
                  f"{len(listed)} outputs listed, {len(outputs)} output sections")
    for item, output in zip(listed, outputs, strict=False):  # a length mismatch is noted above
        if _normalise(item.text) != _normalise(output.title):
            notes.add(item.first_line, "output_name_differs",
                      f"listed as '{item.text}', heading {output.number} reads '{output.title}'")


def _normalise(text: str) -> str:
    return re.sub(r"[^a-z]+", " ", text.lower()).strip()


def parse_framework(path: Path | str) -> Library:
    """Parse seed 004 chapters 3-6 (and 1-2, ``leadership.py``) into a Library.

    Raises FrameworkParseError naming file and line."""
    path = Path(path)
    lines, digest = _read(path)
    notes = _Notes()
    titles = _chapter_titles(lines, path)
    chapters = _split_chapters(lines, titles, path, notes)
    objectives = tuple(_objective(chapter, path, notes) for chapter in chapters)
    guidance = parse_guidance_chapters(lines, path, notes)  # seed 004 ch. 1-2
    irregularities = tuple(sorted(notes.found, key=lambda found: (found.line, found.kind)))
    return Library(source=path.name, sha256=digest, objectives=objectives, irregularities=irregularities,
                   chapters=guidance)


def find_seed(root: Path | str) -> Path | None:
    """The seed 004 file under ``root`` (a seeds folder), or None."""
    matches = sorted(Path(root).glob(f"{SOURCE_ID}_*.txt"))
    return matches[0] if matches else None
