"""Terms of reference with their duties marked in the text. Pure module: no Django.

A hat's terms of reference are prose; a duty the structural rules look for is a span of that prose tagged
with the duty, written ``[[duty_code|the words of the terms]]``::

    Deputy to the SRSG ...; [[inter_mission_cooperation|promotes cooperation with the neighbouring missions
    (UNAMID, UNMIS, BINUCA)]].

So a duty is held only where the text says it (seed 000 §IV.E.1: the responsibility must be "in her/his terms
of reference"; seed 003 §2.4.3 and rec. 3.5.4: terms of reference that say "when to wear what hat"), and a tag
can no longer contradict the prose around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

INTER_MISSION_COOPERATION = "inter_mission_cooperation"
HUMANITARIAN_COORDINATION = "humanitarian_coordination"

# The duties a span may be tagged with: the two the registry rules read first, then the usual ones of the
# hats of seed 003 §2.5 and seed 004 §1.1-1.4 (English labels; the pages translate them).
DUTIES: dict[str, str] = {
    INTER_MISSION_COOPERATION: "Inter-mission cooperation",
    HUMANITARIAN_COORDINATION: "Humanitarian coordination",
    "overall_authority": "Overall authority over the UN presence",
    "political_strategy": "Political strategy",
    "political_affairs": "Political affairs",
    "deputy_functions": "Deputy to the head of mission",
    "protection_of_civilians": "Protection of civilians",
    "human_rights": "Human rights",
    "rule_of_law": "Rule of law",
    "civil_affairs": "Civil affairs",
    "unct_coordination": "UN country team coordination",
    "mission_unct_planning": "Joint mission and UNCT planning",
    "ddr_ssr_coordination": "DDR and SSR coordination",
    "recovery_and_development": "Recovery and development",
    "humanitarian_principles": "Humanitarian principles",
    "humanitarian_space": "Humanitarian space",
    "security_management": "Security of UN personnel",
}

_MARK = re.compile(r"\[\[([^\[\]|]*)\|([^\[\]]*)\]\]")


class TermsError(ValueError):
    """Badly marked terms of reference; the message names the line and column."""


@dataclass(frozen=True)
class Mark:
    duty: str
    text: str  # the marked words
    start: int  # offsets in the plain text
    end: int


@dataclass(frozen=True)
class Terms:
    plain: str  # the text without the marks' brackets and codes
    marks: tuple[Mark, ...]

    @property
    def duties(self) -> tuple[str, ...]:
        """Each duty marked, once, in the order of the text."""
        return tuple(dict.fromkeys(mark.duty for mark in self.marks))

    def segments(self) -> list[tuple[str, str]]:
        """The plain text cut at the marks: (duty or "", words), for display."""
        parts, at = [], 0
        for mark in self.marks:
            if mark.start > at:
                parts.append(("", self.plain[at:mark.start]))
            parts.append((mark.duty, mark.text))
            at = mark.end
        if at < len(self.plain):
            parts.append(("", self.plain[at:]))
        return parts


def _where(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"line {line}, column {column}"


def parse(text: str) -> Terms:
    """The plain text and its marks; :class:`TermsError` naming the place of the first bad mark (an unknown
    duty, an empty span, a bracket left open or closed alone)."""
    plain, marks, at = [], [], 0
    length = 0
    for match in _MARK.finditer(text):
        between = text[at:match.start()]
        _no_stray_brackets(text, at, between)
        plain.append(between)
        length += len(between)
        duty, words = match.group(1).strip(), match.group(2)
        if duty not in DUTIES:
            raise TermsError(f"{_where(text, match.start())}: unknown duty {duty!r} (known: {', '.join(DUTIES)})")
        if not words.strip():
            raise TermsError(f"{_where(text, match.start())}: the duty {duty!r} marks no words")
        marks.append(Mark(duty, words, length, length + len(words)))
        plain.append(words)
        length += len(words)
        at = match.end()
    _no_stray_brackets(text, at, text[at:])
    plain.append(text[at:])
    return Terms("".join(plain), tuple(marks))


def _no_stray_brackets(text: str, offset: int, chunk: str) -> None:
    for token in ("[[", "]]"):
        found = chunk.find(token)
        if found >= 0:
            raise TermsError(f"{_where(text, offset + found)}: {token!r} without its pair; a duty is marked "
                             "[[duty_code|words of the terms]]")


def duties_of(text: str) -> tuple[str, ...]:
    """The duties marked in ``text``; none when the text is badly marked (a rule then finds the duty absent,
    which is what a reader of the broken text would conclude)."""
    try:
        return parse(text).duties
    except TermsError:
        return ()


def plain_text(text: str) -> str:
    try:
        return parse(text).plain
    except TermsError:
        return text
