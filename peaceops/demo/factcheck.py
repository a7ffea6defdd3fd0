"""The demo's fact list replayed against its seeds. Pure module: no Django.

Each demo record keeps in ``source`` the passages it comes from, e.g. ``"seed 000 §III.C.4; app. 1"`` or
``"seed 003 §1.3 n. 13; rec. 3.4.6"``. :func:`citations` reads those references (a reference without a seed
number belongs to the seed named before it), :class:`Seed` finds each passage in the seed's text (headings of
seed 000: ``II.B.5``, ``IV.E.1`` as the first item of ``IV.E``, ``app. 1``; numbered sections of seeds 003 and
004: ``2.4.3``, ``rec. 3.4.6`` as item 6 of §3.4, ``ch. 3``; notes ``n. 13`` as the footnote), and
:func:`facts_of` lists the facts a record names that its passages must contain: mission names, dates and years,
places. A record whose source says ``demo: fictional`` is invented: its passages must exist, its facts are not
asked of them; one that also cites ``public record`` (scenario.py's conventions) answers for its missions only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

FICTIONAL = "demo: fictional"
MISSIONS = ("BINUCA", "BONUCA", "MINURCAT", "MONUC", "MONUSCO", "UNAMID", "UNMIS", "EUFOR")
PLACES = ("Abéché", "Al-Fasher", "Bangui", "Birao", "Darfur", "eastern Chad", "Entebbe", "Goma", "Juba", "Kampala",
          "Khartoum", "Kinshasa", "N'Djaména", "Nairobi", "Southern Sudan", "Abyei", "Kordofan", "Vakaga")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
_DATE = re.compile(r"\b(\d{1,2}) (" + "|".join(MONTHS) + r") ((?:19|20)\d\d)\b")
_MONTH = re.compile(r"\b(" + "|".join(MONTHS) + r") ((?:19|20)\d\d)\b")
_SEED = re.compile(r"seed (\d{3})")
_REFERENCE = re.compile(r"(§\s*[0-9IVX]+(?:\.[0-9A-Z]+)*(?:\s*n\.\s*\d+)?|app\.\s*\d+|rec\.\s*\d+(?:\.\d+)+|"
                        r"ch\.\s*\d+(?:-\d+)?|n\.\s*\d+)")
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


@dataclass(frozen=True)
class Citation:
    seed: str  # "000"
    reference: str  # "§III.C.4", "app. 1", "rec. 3.4.6", "" for the seed as a whole


def citations(source: str) -> list[Citation]:
    """The seed passages ``source`` cites, in order."""
    found, seed = [], None
    for piece in re.split(r"[;,]", source or ""):
        named = _SEED.search(piece)
        if named:
            seed = named.group(1)
            piece = piece[named.end():]
        if seed is None:
            continue
        references = _REFERENCE.findall(piece)
        if named and not references:
            found.append(Citation(seed, ""))
        found += [Citation(seed, re.sub(r"\s+", " ", reference.strip())) for reference in references]
    return found


def facts_of(text: str) -> list[str]:
    """Mission names, dates ("9 November 2010", "July 2009") and places a record's words name."""
    facts = [name for name in MISSIONS if re.search(rf"\b{name}\b", text)]
    facts += [" ".join(match.groups()) for match in _DATE.finditer(text)]
    facts += [" ".join(match.groups()) for match in _MONTH.finditer(_DATE.sub("", text))]
    facts += [place for place in PLACES if place.lower() in text.lower()]
    return facts


_ROMAN = {"I", "II", "III", "IV", "V", "VI"}
_LABELLED = re.compile(r"^#+\s*(?:\*\*)?([IVX]+|[A-H]|\d+)\.?(?:\*\*)?\.?\s+\S")
_APPENDIX = re.compile(r"^#+\s*(?:\*\*)?Appendix (\d+)")
_NUMBERED = re.compile(r"^(\d+(?:\.\d+)+)\.?\s+[A-Z]")  # "2.4.3 Humanitarian space ..." (seeds 003, 004)
_CHAPTER = re.compile(r"^(\d+)\.\s+[A-Z][^.]{0,90}$")  # a short title line, no sentence
_ITEM = re.compile(r"^\s*(?:-\s*)?(\d+)\.\s")


class Seed:
    """One seed's text with its passages found by reference."""

    def __init__(self, text: str):
        self.text = text
        self.lines = text.splitlines()
        self.starts: dict[str, int] = {}
        self._index()

    @classmethod
    def read(cls, folder: Path, number: str) -> Seed | None:
        found = sorted(folder.glob(f"{number}_*.txt"))
        return cls(found[0].read_text(encoding="utf-8")) if found else None

    def _index(self) -> None:
        roman = letter = ""
        for at, line in enumerate(self.lines):
            appendix = _APPENDIX.match(line)
            if appendix:
                roman, letter = f"app. {appendix.group(1)}", ""
                self.starts[roman] = at
                continue
            numbered = _NUMBERED.match(line)
            if numbered and "\t" not in line and "....." not in line:
                self.starts[f"§{numbered.group(1)}"] = at  # the body's heading comes after the contents' line
                continue
            chapter = _CHAPTER.match(line)
            if chapter and f"§{chapter.group(1)}" not in self.starts and "\t" not in line:
                self.starts[f"§{chapter.group(1)}"] = at  # seed 002: "5. Regional Security and ..." (no '#')
                continue
            labelled = _LABELLED.match(line)
            if labelled is None:
                if re.match(r"^#+\s*Shared Issues", line) and roman == "II":
                    letter = "B"  # seed 000: the unlettered second part of chapter II (its contents list it there)
                    self.starts["§II.B"] = at
                continue
            label = labelled.group(1)
            if label in _ROMAN:
                roman, letter = label, ""
                key = f"§{roman}"
            elif label.isalpha():
                letter = label
                key = f"§{roman}.{letter}"
            else:
                key = f"§{roman}.{letter}.{label}" if letter else f"§{roman}.{label}"
            self.starts.setdefault(key, at)

    def _section(self, key: str) -> str | None:
        if key not in self.starts:
            return None
        start = self.starts[key]
        ends = [at for other, at in self.starts.items() if at > start and not other.startswith(key + ".")]
        return "\n".join(self.lines[start:min(ends) if ends else len(self.lines)])

    def _chapter(self, number: str) -> str | None:
        keys = sorted((at, key) for key, at in self.starts.items() if key.startswith(f"§{number}."))
        if not keys:
            return None
        start = keys[0][0]
        later = [at for key, at in self.starts.items() if at > start and not key.startswith(f"§{number}.")]
        return "\n".join(self.lines[start:min(later) if later else len(self.lines)])

    def _item(self, parent: str, number: str) -> str | None:
        """Item ``number`` of a numbered list inside section ``parent`` (a recommendation, a point)."""
        section = self._section(parent)
        if section is None:
            return None
        lines = section.splitlines()
        for at, line in enumerate(lines):
            item = _ITEM.match(line)
            if item and item.group(1) == number:
                end = next((k for k in range(at + 1, len(lines)) if _ITEM.match(lines[k])), len(lines))
                return "\n".join(lines[at:end])
        return None

    def _note(self, number: str) -> str | None:
        mark = number.translate(_SUPERSCRIPT)
        for at, line in enumerate(self.lines):
            if line.startswith(mark + " ") or line.startswith(f"<sup>{number}</sup>"):
                return "\n".join(self.lines[at:at + 3])
        # a note whose text is not marked (seed 000's first notes): the text around its call
        for at, line in enumerate(self.lines):
            if f"<sup>{number}</sup>" in line:
                return "\n".join(self.lines[at:at + 12])
        return None

    def passage(self, reference: str) -> str | None:
        """The text ``reference`` names, or None when the seed has no such passage."""
        if not reference:
            return self.text
        note = re.search(r"n\.\s*(\d+)", reference)
        if reference.startswith("n."):
            return self._note(note.group(1))
        if note:
            section = self.passage(reference[:note.start()].strip())
            found = self._note(note.group(1))
            return None if section is None or found is None else section + "\n" + found
        if reference.startswith("app."):
            return self._section("app. " + reference.split(".", 1)[1].strip())
        if reference.startswith("ch."):
            first = reference.split(".", 1)[1].strip().split("-")[0]
            return self._chapter(first)
        if reference.startswith("rec."):
            parts = reference.split(".", 1)[1].strip().split(".")
            return self._item("§" + ".".join(parts[:-1]), parts[-1])
        key = reference.replace(" ", "")
        found = self._section(key)
        if found is None and "." in key:
            parent, number = key.rsplit(".", 1)
            found = self._item(parent, number) if number.isdigit() else None
        if found is None and re.fullmatch(r"§\d+", key):
            found = self._chapter(key[1:])
        return found


@dataclass(frozen=True)
class Problem:
    record: str
    message: str


def check(record: str, source: str, text: str, seeds: dict[str, Seed | None]) -> list[Problem]:
    """What is wrong with one record: a cited passage missing from its seed, or (unless the record is marked
    ``demo: fictional``) a fact its words name that none of its cited passages contains."""
    problems, passages = [], []
    for citation in citations(source):
        seed = seeds.get(citation.seed)
        if seed is None:
            problems.append(Problem(record, f"cites seed {citation.seed}, which is not in the seeds folder"))
            continue
        passage = seed.passage(citation.reference)
        if passage is None:
            problems.append(Problem(record, f"cites seed {citation.seed} {citation.reference}: no such passage"))
        else:
            passages.append(passage)
    if FICTIONAL in (source or "") or not passages:
        return problems
    cited = "\n".join(passages).replace("*", "").replace("\n", " ")
    cited = re.sub(r"\s+", " ", cited).lower()
    facts = facts_of(text)
    if "public record" in source:
        # scenario convention: "public record" is a well-known fact the seeds do not state (a town, a date);
        # the missions a record names must still be in its passages
        facts = [fact for fact in facts if fact in MISSIONS]
    for fact in facts:
        if fact.lower() not in cited and not (fact[0].isdigit() and _loose_date(fact, cited)) and not (
                fact.split()[0] in MONTHS and _near(*fact.lower().split(), cited)):
            problems.append(Problem(record, f"names {fact!r}, which its cited passages ({source}) do not"))
    return problems


def _loose_date(fact: str, cited: str) -> bool:
    day, month, year = fact.split()
    return f"{month.lower()} {day}, {year}" in cited or f"{day.zfill(2)} {month.lower()} {year}" in cited


def _near(month: str, year: str, cited: str, reach: int = 120) -> bool:
    """A month and its year written apart ("January 2008 ... in early February of that year")."""
    return re.search(rf"{month}.{{0,{reach}}}{year}|{year}.{{0,{reach}}}{month}", cited) is not None
