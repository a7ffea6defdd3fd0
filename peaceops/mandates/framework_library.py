"""Seed 004 as the framework library the app loads: its shape and its versioned fixture. Chapters 3-6 give the
objectives, outputs and their items; chapters 1-2 the guidance chapters (sections, considerations, guidance).

The library (Library > Objective > Output > Item, frozen dataclasses) is read from the seed text once,
by a build step outside the runtime package (``scripts/build_framework_fixture.py``, parser in
``scripts/framework004/parser.py``), and written to ``fixtures/framework_library.json`` beside this
module. The app loads that file: it never parses the seed, which a running installation need not have.
A test checks that the committed fixture is what the parser makes of the seed (docs/framework-library.md).

Pure Python, no Django. Every item keeps its place in the source: the section number as printed, its
order in its list, the first and last source line it was read from, and a stable ``ref`` such as
``"004/3.2/B-S-3"`` (output 3.2, benchmark, short term, third).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

FORMAT = "peaceops-framework-library"
# Raised when the fixture's layout changes (a field added or renamed), so an old file is refused by name.
VERSION = 2  # 2: seed 004 chapters 1-2 (``chapters``) added
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "framework_library.json"

SOURCE_ID = "004"
HORIZONS = ("short", "medium", "long")
HORIZON_CODES = {"short": "S", "medium": "M", "long": "L"}

# Item kinds, with the code used in refs.
KIND_CODES = {
    "precondition": "P",
    "end_state_benchmark": "E",
    "listed_output": "O",
    "activity": "A",
    "benchmark": "B",
    "responsibility": "RC",
    "resource": "RS",
    "risk": "CR",
    "consideration": "C",
}
# Kinds of the guidance chapters (seed 004 ch. 1-2): the eight considerations §1.4 lists, the other bullet
# points, and the sentences that say what should, must or needs to be done.
GUIDANCE_KIND_CODES = {"leadership_consideration": "LC", "point": "PT", "guidance": "G"}
SECTION_KINDS = ("leadership", "cross_cutting", "management")


class FrameworkFixtureError(ValueError):
    """The fixture file cannot be read as a framework library; names the file and what is wrong."""


@dataclass(frozen=True)
class Irregularity:
    """One place where the text departs from its own layout, and what the parser did about it."""

    line: int
    kind: str  # e.g. "footnote", "page_break_join", "horizon_indented"
    detail: str


@dataclass(frozen=True)
class Item:
    """One precondition, benchmark, activity, risk... of an objective or an output."""

    ref: str  # stable, e.g. "004/3.2/B-S-3"
    kind: str  # a key of KIND_CODES
    order: int  # 1-based within its list (within its horizon for benchmarks)
    text: str  # without bullet, trailing ';', page furniture or footnote marks
    section: str  # the subsection number as printed in the source, e.g. "3.2.2"
    first_line: int
    last_line: int
    horizon: str = ""  # "short" | "medium" | "long" for output benchmarks
    title: str = ""  # considerations: the dilemma's italic heading
    subitems: tuple[str, ...] = ()  # 4.2.1 "Establishing control measures for:" lists its parts
    footnotes: tuple[int, ...] = ()  # footnote numbers marked in the item's text


@dataclass(frozen=True)
class Output:
    """One of the 20 outputs (x.2 onwards), with its items by kind."""

    ref: str  # "004/3.2"
    number: str  # "3.2"
    title: str  # as printed after "Output:"
    order: int  # 1-based within its objective
    first_line: int
    last_line: int
    intro: str = ""
    activities: tuple[Item, ...] = ()
    benchmarks: tuple[Item, ...] = ()
    responsibilities: tuple[Item, ...] = ()
    resources: tuple[Item, ...] = ()
    risks: tuple[Item, ...] = ()
    considerations: tuple[Item, ...] = ()
    considerations_note: str = ""  # 6.3.6 is prose only: it refers to 6.2.6

    def benchmarks_for(self, horizon: str) -> tuple[Item, ...]:
        return tuple(item for item in self.benchmarks if item.horizon == horizon)

    def items(self) -> tuple[Item, ...]:
        return (self.activities + self.benchmarks + self.responsibilities + self.resources
                + self.risks + self.considerations)


@dataclass(frozen=True)
class Objective:
    """One of the four objectives (chapters 3-6): its x.1 section and its outputs."""

    ref: str  # "004/3"
    chapter: int
    title: str  # the chapter title
    number: str  # "3.1"
    section_title: str
    first_line: int
    last_line: int
    intro: str = ""
    preconditions: tuple[Item, ...] = ()
    end_state_benchmarks: tuple[Item, ...] = ()
    listed_outputs: tuple[Item, ...] = ()  # the names the x.1 section gives its outputs
    outputs: tuple[Output, ...] = ()

    def items(self) -> tuple[Item, ...]:
        return self.preconditions + self.end_state_benchmarks + self.listed_outputs


@dataclass(frozen=True)
class GuidanceSection:
    """A section of seed 004 ch. 1-2 (1.1 ... 2.2.4) with its text and its items (kinds GUIDANCE_KIND_CODES)."""

    ref: str  # "004/2.1.3"
    number: str  # "2.1.3"
    title: str
    chapter: int
    kind: str  # one of SECTION_KINDS
    parent: str  # "2.1" for 2.1.3; "" for x.y
    first_line: int
    last_line: int
    text: str = ""  # paragraphs joined by blank lines, bullets as "- ..."; footnotes and figures out
    items: tuple[Item, ...] = ()

    def of_kind(self, kind: str) -> tuple[Item, ...]:
        return tuple(item for item in self.items if item.kind == kind)


@dataclass(frozen=True)
class GuidanceChapter:
    """Chapter 1 (leadership, coordination and integration) or 2 (cross-cutting issues, mission management)."""

    ref: str  # "004/1"
    chapter: int
    title: str
    first_line: int
    last_line: int
    sections: tuple[GuidanceSection, ...] = ()


@dataclass(frozen=True)
class Library:
    source: str  # file name of the seed
    sha256: str
    objectives: tuple[Objective, ...]
    irregularities: tuple[Irregularity, ...] = field(default=())
    chapters: tuple[GuidanceChapter, ...] = ()  # seed 004 ch. 1-2

    def sections(self) -> tuple[GuidanceSection, ...]:
        return tuple(section for chapter in self.chapters for section in chapter.sections)

    def section(self, number: str) -> GuidanceSection:
        for section in self.sections():
            if section.number == number:
                return section
        raise KeyError(number)

    def guidance_items(self) -> tuple[Item, ...]:
        return tuple(item for section in self.sections() for item in section.items)

    def outputs(self) -> tuple[Output, ...]:
        return tuple(output for objective in self.objectives for output in objective.outputs)

    def items(self) -> tuple[Item, ...]:
        found: list[Item] = []
        for objective in self.objectives:
            found += objective.items()
            for output in objective.outputs:
                found += output.items()
        return tuple(found)

    def by_ref(self) -> dict[str, Item]:
        return {item.ref: item for item in self.items()}

    def output(self, number: str) -> Output:
        for output in self.outputs():
            if output.number == number:
                return output
        raise KeyError(number)


def counts(library: Library) -> list[dict]:
    """Per output: number of items of each kind (benchmarks per horizon), for the CLI and the docs."""
    rows = []
    for output in library.outputs():
        rows.append({
            "output": output.number, "title": output.title, "activities": len(output.activities),
            **{f"benchmarks_{h}": len(output.benchmarks_for(h)) for h in HORIZONS},
            "benchmarks": len(output.benchmarks), "responsibilities": len(output.responsibilities),
            "resources": len(output.resources), "risks": len(output.risks),
            "considerations": len(output.considerations),
        })
    return rows


def library_json(library: Library) -> dict:
    """The fixture's content: format, version, the whole library and its counts per output."""
    return {"format": FORMAT, "version": VERSION, **asdict(library), "counts": counts(library)}


def dump_library(library: Library) -> str:
    """The fixture's text, the same bytes for the same library (so the committed file can be compared).

    Compact (no indentation): a third smaller; the build step's ``--check`` and the fixture test compare it."""
    return json.dumps(library_json(library), ensure_ascii=False, separators=(",", ":")) + "\n"


def load_library(path: Path | str = FIXTURE) -> Library:
    """The library stored in ``path`` (default: the fixture shipped with the app)."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise FrameworkFixtureError(f"{path}: {error.strerror or error}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise FrameworkFixtureError(f"{path}: not a JSON file ({error})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise FrameworkFixtureError(f"{path}: format: not a {FORMAT} file")
    if data.get("version") != VERSION:
        raise FrameworkFixtureError(f"{path}: version: {data.get('version')!r}, this peaceops reads version {VERSION} "
                                    "(rebuild it with scripts/build_framework_fixture.py)")
    try:
        return _library(data)
    except (KeyError, TypeError) as error:
        raise FrameworkFixtureError(f"{path}: field {error}: missing or of the wrong type") from None


def _build(cls, data: dict, **nested):
    """A dataclass from its JSON dict: lists become tuples; ``nested`` converts the fields holding records."""
    values = {}
    for spec in fields(cls):
        if spec.name not in data:
            continue
        value = data[spec.name]
        if spec.name in nested:
            value = tuple(nested[spec.name](entry) for entry in value)
        elif isinstance(value, list):
            value = tuple(value)
        values[spec.name] = value
    return cls(**values)


def _item(data: dict) -> Item:
    return _build(Item, data)


def _output(data: dict) -> Output:
    kinds = ("activities", "benchmarks", "responsibilities", "resources", "risks", "considerations")
    return _build(Output, data, **dict.fromkeys(kinds, _item))


def _objective(data: dict) -> Objective:
    return _build(Objective, data, preconditions=_item, end_state_benchmarks=_item, listed_outputs=_item,
                  outputs=_output)


def _section(data: dict) -> GuidanceSection:
    return _build(GuidanceSection, data, items=_item)


def _chapter(data: dict) -> GuidanceChapter:
    return _build(GuidanceChapter, data, sections=_section)


def _library(data: dict) -> Library:
    return Library(source=data["source"], sha256=data["sha256"],
                   objectives=tuple(_objective(entry) for entry in data["objectives"]),
                   irregularities=tuple(_build(Irregularity, entry) for entry in data["irregularities"]),
                   chapters=tuple(_chapter(entry) for entry in data["chapters"]))
