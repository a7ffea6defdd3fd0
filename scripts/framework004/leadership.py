"""Seed 004 chapters 1-2 (leadership, coordination and integration; cross-cutting issues and mission management)
parsed into the library's guidance chapters. A build step beside ``parser.py`` (which calls it), pure Python.

Chapters 1-2 are prose, not the lists of chapters 3-6. What the library keeps of them:

- the sections as printed (1.1-1.4.8, 2.1-2.1.6, 2.2-2.2.4) with their text, each of a kind: ``leadership``
  (chapter 1), ``cross_cutting`` (2.1 and its issues), ``management`` (2.2 and its considerations);
- the eight considerations §1.4 lists (``leadership_consideration``), each tied to the subsection 1.4.n that
  develops it;
- the bullet points of the other lists (``point``: the purposes of a strategic assessment §1.2, information
  inter-operability §1.4.3, the purposes of an ISF §1.4.6);
- the guidance: every sentence of the prose that says what should, must or needs to be done (``guidance``),
  one item per sentence, so that a checklist can cite the exact sentence.

Irregularities of the text (footnotes printed with plain digits, figure captions, the TOC's "2.2." numbering)
are noted in ``Library.irregularities`` like those of chapters 3-6.
"""

from __future__ import annotations

import re
from pathlib import Path

from peaceops.mandates.framework_library import SOURCE_ID, GuidanceChapter, GuidanceSection, Item

TOC_CHAPTER = re.compile(r"^Chapter ([1-3]):\s*(.+?)\s*\t\s*\d+\s*$")
HEADING = re.compile(r"^([12])\.(\d+)\.?(?:(\d+))?\s+(\S.*)$")
PLAIN_FOOTNOTE = re.compile(r"^\d{1,2}\s+[\"“A-Z]")  # "9 \"Report of ...", "10 Available at ..." (no superscript)
FIGURE = re.compile(r"^Figure \d+$")
# A sentence says what is to be done when it uses one of these (seed 004 writes its guidance with them).
NORMATIVE = re.compile(r"\b(should|must|needs? to)\b", re.IGNORECASE)
SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[A-Z“\"‘(])")
NOT_AN_END = re.compile(r"\b(?:e\.g|i\.e|etc|cf|No|p|pp|Mr|Ms|Dr)\.$")


def _kind(number: str) -> str:
    if number.startswith("1"):
        return "leadership"
    return "cross_cutting" if number.startswith("2.1") else "management"


def _source_error():
    from framework004.parser import FrameworkParseError  # parser imports this module: import late
    return FrameworkParseError


def chapter_titles(lines, path: Path) -> dict[int, str]:
    titles: dict[int, str] = {}
    for line in lines:
        match = TOC_CHAPTER.match(line.text)
        if match and int(match.group(1)) not in titles:
            titles[int(match.group(1))] = match.group(2).rstrip(".").strip()
    missing = [n for n in (1, 2, 3) if n not in titles]
    if missing:
        raise _source_error()(path, 1, "table of contents", f"no 'Chapter N: title' line for chapter(s) {missing}")
    return titles


def parse_guidance_chapters(lines, path: Path, notes) -> tuple[GuidanceChapter, ...]:
    """Chapters 1 and 2 of seed 004 as GuidanceChapters; raises FrameworkParseError naming file and line."""
    from framework004.parser import FOOTNOTE_LINE, _blocks, _clean, _Line

    if not any(TOC_CHAPTER.match(line.text) and line.text.startswith(("Chapter 1", "Chapter 2")) for line in lines):
        return ()  # a text of chapters 3-6 alone (the parser's own small tests) has no guidance chapters
    titles = chapter_titles(lines, path)
    toc_end = max(line.number for line in lines if TOC_CHAPTER.match(line.text))
    heading_at: dict[int, int] = {}
    for chapter in (1, 2, 3):
        found = next((line.number for line in lines[toc_end:] if line.text.strip() == titles[chapter]), None)
        if found is None:
            raise _source_error()(path, toc_end, f"chapter {chapter}", f"heading '{titles[chapter]}' not found")
        heading_at[chapter] = found
    chapters = []
    for chapter in (1, 2):
        body = [line for line in lines if heading_at[chapter] < line.number < heading_at[chapter + 1]]
        raw_sections: list[tuple[str, str, int, list]] = []
        for line in body:
            match = HEADING.match(line.text)
            if match:
                if int(match.group(1)) != chapter:
                    raise _source_error()(path, line.number, "section number",
                                          f"'{line.text[:40]}' is numbered outside chapter {chapter}")
                number = ".".join(part for part in match.groups()[:3] if part)
                raw_sections.append((number, match.group(4).strip(), line.number, []))
                continue
            if not raw_sections:
                if not line.blank:
                    raise _source_error()(path, line.number, f"chapter {chapter}", "text before the first section")
                continue
            text = line.text.strip()
            if PLAIN_FOOTNOTE.match(text) and not FOOTNOTE_LINE.match(text):
                notes.add(line.number, "footnote_plain_digits",
                          f"footnote {text.split()[0]} printed without superscript; dropped from the text")
                raw_sections[-1][3].append(_Line(line.number, ""))
                continue
            if FIGURE.match(text) or (text.isupper() and len(text) > 12):
                notes.add(line.number, "figure_caption", f"'{text[:40]}' (a figure the text does not carry) dropped")
                raw_sections[-1][3].append(_Line(line.number, ""))
                continue
            raw_sections[-1][3].append(line)
        sections = []
        for index, (number, title, first, body_lines) in enumerate(raw_sections):
            last = raw_sections[index + 1][2] - 1 if index + 1 < len(raw_sections) else heading_at[chapter + 1] - 1
            blocks = _blocks(body_lines, notes, list_section=False)
            sections.append(_section(chapter, number, title, first, last, blocks, _clean))
        _tie_considerations(sections, notes)
        chapters.append(GuidanceChapter(ref=f"{SOURCE_ID}/{chapter}", chapter=chapter, title=titles[chapter],
                                        first_line=heading_at[chapter], last_line=heading_at[chapter + 1] - 1,
                                        sections=tuple(sections)))
    return tuple(chapters)


def sentences(paragraph: str) -> list[str]:
    """A paragraph cut into sentences ("e.g." and the like do not end one)."""
    found: list[str] = []
    for piece in SENTENCE_BREAK.split(paragraph):
        if found and NOT_AN_END.search(found[-1]):
            found[-1] += " " + piece
        else:
            found.append(piece)
    return [sentence.strip() for sentence in found if sentence.strip()]


def _section(chapter: int, number: str, title: str, first: int, last: int, blocks, clean) -> GuidanceSection:
    scope = number
    items: list[Item] = []
    paragraphs: list[str] = []
    bullets = 0
    guidance = 0
    for block in blocks:
        text, marks = clean(block.text)
        if block.kind == "bullet":
            bullets += 1
            kind, code = ("leadership_consideration", "LC") if number == "1.4" else ("point", "PT")
            paragraphs.append(f"- {text}")
            items.append(Item(ref=f"{SOURCE_ID}/{scope}/{code}-{bullets}", kind=kind, order=bullets,
                              text=text.rstrip("."), section=number, first_line=block.first_line,
                              last_line=block.last_line, footnotes=marks))
            continue
        paragraphs.append(text)
        for sentence in sentences(text):
            if NORMATIVE.search(sentence):
                guidance += 1
                items.append(Item(ref=f"{SOURCE_ID}/{scope}/G-{guidance}", kind="guidance", order=guidance,
                                  text=sentence, section=number, first_line=block.first_line,
                                  last_line=block.last_line))
    parent = number.rsplit(".", 1)[0] if number.count(".") == 2 else ""
    return GuidanceSection(ref=f"{SOURCE_ID}/{number}", number=number, title=title, chapter=chapter,
                           kind=_kind(number), parent=parent, first_line=first, last_line=last,
                           text="\n\n".join(paragraphs), items=tuple(items))


def _normalise(text: str) -> str:
    return re.sub(r"[^a-z]+", " ", text.lower()).strip()


def _tie_considerations(sections: list[GuidanceSection], notes) -> None:
    """§1.4 lists eight considerations, §1.4.1-1.4.8 develop them in the same order: note where a name differs."""
    by_number = {section.number: section for section in sections}
    listing = by_number.get("1.4")
    if listing is None:
        return
    for item in listing.items:
        if item.kind != "leadership_consideration":
            continue
        developed = by_number.get(f"1.4.{item.order}")
        if developed is None:
            notes.add(item.first_line, "consideration_unmatched", f"'{item.text}' has no section 1.4.{item.order}")
        elif _normalise(item.text) != _normalise(developed.title):
            notes.add(item.first_line, "consideration_name_differs",
                      f"listed as '{item.text}', heading 1.4.{item.order} reads '{developed.title}'")
