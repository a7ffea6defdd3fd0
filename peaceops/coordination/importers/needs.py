"""Needs per area and sector from a CSV with an HXL hashtag row (an HNO's people-in-need table).

Tags read (attributes in any order; the hashtag row may be the first row or the one under a
header row): ``#country+code``, ``#adm1+code``, ``#adm1+name``, ``#adm2+code``, ``#adm2+name``,
``#sector`` (a code or any spelling of coordination.vocabulary), ``#inneed`` (people in need),
``#severity`` (1 to 5), ``#date+start``, ``#date+end``. A ``#date+start`` is required: the gaps
rule compares the need's period with the activities'. Yields a :class:`NeedRow` or a
:class:`LineError` naming the line and the tag.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from peaceops.core.importing import ImportFileError, LineError

WANTED = {  # (tag, attributes that must be present) -> field
    ("#country", frozenset({"code"})): "country",
    ("#adm1", frozenset({"code"})): "admin1_pcode",
    ("#adm1", frozenset({"name"})): "admin1_name",
    ("#adm2", frozenset({"code"})): "admin2_pcode",
    ("#adm2", frozenset({"name"})): "admin2_name",
    ("#sector", frozenset()): "sector",
    ("#inneed", frozenset()): "people_in_need",
    ("#severity", frozenset()): "severity",
    ("#date", frozenset({"start"})): "start_date",
    ("#date", frozenset({"end"})): "end_date",
}


@dataclass(slots=True)
class NeedRow:
    line: int
    country: str = ""
    admin1_pcode: str = ""
    admin1_name: str = ""
    admin2_pcode: str = ""
    admin2_name: str = ""
    sector: str = ""
    people_in_need: int | None = None
    severity: int | None = None
    start_date: date | None = None
    end_date: date | None = None
    admin1_field: str = "#adm1+code"
    admin2_field: str = "#adm2+code"


def _columns(tags: list[str]) -> dict[str, int]:
    """Field -> column index; the most specific match wins (#sector+code before a bare #sector)."""
    found: dict[str, tuple[int, int]] = {}
    for index, cell in enumerate(tags):
        parts = cell.strip().lower().replace(" ", "").split("+")
        if not parts[0].startswith("#"):
            continue
        tag, attributes = parts[0], frozenset(parts[1:])
        for (wanted_tag, needed), name in WANTED.items():
            if tag == wanted_tag and needed <= attributes and (name not in found or len(needed) > found[name][1]):
                found[name] = (index, len(needed))
    return {name: index for name, (index, _) in found.items()}


def _is_tag_row(row: list[str]) -> bool:
    cells = [c.strip() for c in row if c.strip()]
    return bool(cells) and all(c.startswith("#") for c in cells)


def parse_needs(path, country: str = "") -> Iterator[NeedRow | LineError]:
    path = Path(path)
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            rows = list(csv.reader(handle))
    except (OSError, UnicodeDecodeError) as error:
        raise ImportFileError(path, f"cannot read the file as UTF-8 CSV: {error}") from None
    tag_line = next((i for i, row in enumerate(rows[:3]) if _is_tag_row(row)), None)
    if tag_line is None:
        raise ImportFileError(path, "no HXL hashtag row (#adm1+code, #sector, #inneed ...) in the first 3 lines",
                              line=1)
    columns = _columns(rows[tag_line])
    missing = [tag for tag, name in (("#sector", "sector"), ("#date+start", "start_date")) if name not in columns]
    if "admin1_pcode" not in columns and "admin2_pcode" not in columns:
        missing.append("#adm1+code or #adm2+code")
    if missing:
        raise ImportFileError(path, f"missing column(s): {', '.join(missing)}", line=tag_line + 1)
    for number, row in enumerate(rows[tag_line + 1:], start=tag_line + 2):
        if not any(c.strip() for c in row):
            continue
        yield _row(number, row, columns, country)


def _cell(row: list[str], columns: dict[str, int], name: str) -> str:
    index = columns.get(name)
    return row[index].strip() if index is not None and index < len(row) else ""


def _row(number: int, row: list[str], columns: dict[str, int], country: str) -> NeedRow | LineError:
    values = {name: _cell(row, columns, name) for name in columns}
    result = NeedRow(line=number, country=values.get("country") or country,
                     admin1_pcode=values.get("admin1_pcode", ""), admin1_name=values.get("admin1_name", ""),
                     admin2_pcode=values.get("admin2_pcode", ""), admin2_name=values.get("admin2_name", ""),
                     sector=values.get("sector", ""))
    if not (result.admin1_pcode or result.admin2_pcode):
        return LineError(number, "#adm1+code", "no P-code given (admin 1 or admin 2)")
    for name, tag, low, high in (("people_in_need", "#inneed", 0, None), ("severity", "#severity", 1, 5)):
        text = values.get(name, "").replace(",", "").replace(" ", "")
        if not text:
            continue
        try:
            number_value = int(float(text))
        except ValueError:
            return LineError(number, tag, f"not a number: {values[name]!r}")
        if number_value < low or (high is not None and number_value > high):
            return LineError(number, tag, f"{number_value} is outside {low}..{high if high else 'any'}")
        setattr(result, name, number_value)
    for name, tag in (("start_date", "#date+start"), ("end_date", "#date+end")):
        text = values.get(name, "")
        if not text:
            if name == "start_date":
                return LineError(number, tag, "no start date (YYYY-MM-DD)")
            continue
        try:
            setattr(result, name, date.fromisoformat(text[:10]))
        except ValueError:
            return LineError(number, tag, f"not a date (YYYY-MM-DD): {text!r}")
    if result.end_date and result.end_date < result.start_date:
        return LineError(number, "#date+end", f"ends ({result.end_date}) before it starts ({result.start_date})")
    return result
