"""What every import reports, and the checks its parsers share: one shape for every import.

Pure module (no Django). A parser reads one file format and yields, for each line, either a row
of its own kind (``incidents.imports.formats.base.EventRow``, ``coordination.importers.base.ActivityRow``,
a measurement) or a :class:`LineError` naming the line and field that could not be read.
Whole-file problems (wrong format, missing columns, empty file) raise :class:`ImportFileError`
before any row is yielded, so nothing is written for a file the parser cannot read at all. The
service counts what it did in an :class:`ImportReport`, the CLI's --json object and the upload
page's report, the same for the event, 3W, needs and measurement imports.
"""

from __future__ import annotations

import codecs
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path


@dataclass(frozen=True)
class LineError:
    line: int
    field: str
    message: str

    def as_dict(self) -> dict:
        return {"line": self.line, "field": self.field, "message": self.message}


class ImportFileError(Exception):
    """The file as a whole cannot be read in this format: names the file, line and field."""

    def __init__(self, path, message: str, *, line: int = 0, field: str = ""):
        self.path, self.line, self.field, self.message = str(path), line, field, message
        where = f"{Path(self.path).name}, line {line}" if line else Path(self.path).name
        super().__init__(f"{where}{f', field {field}' if field else ''}: {message}")

    def as_line_error(self) -> LineError:
        return LineError(self.line, self.field or "file", str(self))


class RowProblem(ValueError):
    """Raised by the field parsers below; the parser turns it into a LineError for its line."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field, self.message = field, message


# --- field parsers: each names the field it failed on -------------------------------------


def text(value) -> str:
    if value is None:
        return ""
    value = str(value).strip()
    return "" if value in ("None", "NULL") else value


def count(value, field_name: str) -> int:
    """A non-negative whole number; blank is 0 (datasets leave unknown counts empty)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return 0
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise RowProblem(field_name, f"not a number: {value!r}") from None
    if math.isnan(number) or number != int(number):
        raise RowProblem(field_name, f"not a whole number: {value!r}")
    if number < 0:
        raise RowProblem(field_name, f"negative count: {value!r}")
    return int(number)


def optional_int(value, field_name: str, default: int) -> int:
    return count(value, field_name) if text(value) else default


def coordinate(value, field_name: str, limit: float) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise RowProblem(field_name, f"not a number: {value!r}") from None
    if math.isnan(number) or not -limit <= number <= limit:
        raise RowProblem(field_name, f"{number} is outside -{limit:g}..{limit:g}")
    return number


def coordinates(lat_value, lon_value, lat_field: str, lon_field: str) -> tuple[float | None, float | None]:
    """Both or neither; plain range checks (the service checks the country's bounding box)."""
    lon = coordinate(lon_value, lon_field, 180)
    try:
        lat = coordinate(lat_value, lat_field, 90)
    except RowProblem as problem:
        if lon is not None and -90 <= lon <= 90:
            problem.message += " (latitude and longitude swapped?)"
        raise
    if (lat is None) != (lon is None):
        raise RowProblem(lon_field if lon is None else lat_field, "give both coordinates or neither")
    return lat, lon


def parse_date(value, field_name: str, formats: Iterable[str], today: date) -> date:
    if isinstance(value, datetime):
        day = value.date()
    elif isinstance(value, date):
        day = value
    else:
        raw = text(value)
        if not raw:
            raise RowProblem(field_name, "date is missing")
        day = None
        if formats and formats[0].startswith("%Y-%m-%d") and len(raw) >= 10 and raw[4:5] == "-":
            try:  # fast path for ISO dates (UCDP, current ACLED): 10x quicker than strptime
                day = date.fromisoformat(raw[:10])
            except ValueError:
                day = None
        for fmt in formats if day is None else ():
            try:
                day = datetime.strptime(raw, fmt).date()
                break
            except ValueError:
                continue
        if day is None:
            raise RowProblem(field_name, f"unreadable date {raw!r} (expected {' or '.join(formats)})")
    if day > today:
        raise RowProblem(field_name, f"date {day.isoformat()} is in the future")
    return day


def check_dates(start: date, end: date, end_field: str) -> None:
    if end < start:
        raise RowProblem(end_field, f"end {end.isoformat()} is before start {start.isoformat()}")


def require_columns(path, header: Iterable[str], required: Iterable[str], fmt: str, line: int = 1) -> None:
    present = set(header)
    missing = [name for name in required if name not in present]
    if missing:
        raise ImportFileError(
            path, f"not a {fmt} file: missing column(s) {', '.join(missing)}", line=line, field=missing[0]
        )


def dispatch(parsers: dict, fmt: str, path, *args, **kwargs):
    """Run the parser of ``fmt`` on ``path`` once the file exists and is not empty.

    Every import's ``parse(fmt, path, ...)``: an unknown format is a ValueError listing the
    known ones (the caller's mistake, not the file's); a missing or empty file an ImportFileError.
    """
    if fmt not in parsers:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(parsers)}")
    path = Path(path)
    if not path.is_file():
        raise ImportFileError(path, "no such file")
    if path.stat().st_size == 0:
        raise ImportFileError(path, "the file is empty", line=1)
    return parsers[fmt](path, *args, **kwargs)


# --- text files: decode line by line so an encoding error names its line --------------------


class DecodedLines:
    """Iterate a binary file as text lines, remembering which lines were not valid ``encoding``.

    ``fallback`` (e.g. cp1252 for old ACLED exports) is tried before giving up on a line; lines
    that still fail are decoded with replacement characters and listed in ``bad_lines`` so the
    parser can reject the rows that contain them.
    """

    def __init__(self, binary, encoding: str, fallback: str | None = None):
        self._binary = binary
        self.encoding, self.fallback = encoding, fallback
        self.bad_lines: set[int] = set()
        self.number = 0
        self.bytes_read = 0

    def __iter__(self) -> Iterator[str]:
        first = True
        for raw in self._binary:
            self.number += 1
            self.bytes_read += len(raw)
            if first and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8):]
            first = False
            yield self._decode(raw)

    def _decode(self, raw: bytes) -> str:
        try:
            return raw.decode(self.encoding)
        except UnicodeDecodeError:
            if self.fallback:
                try:
                    return raw.decode(self.fallback)
                except UnicodeDecodeError:
                    pass
            self.bad_lines.add(self.number)
            return raw.decode(self.encoding, errors="replace")

    def bad_between(self, first: int, last: int) -> int | None:
        for number in range(first, last + 1):
            if number in self.bad_lines:
                return number
        return None


@dataclass
class ImportReport:
    """What an import did; ``as_json`` is the CLI's --json object and the upload page's report.

    Shared by every import (events, 3W, needs, measurements), so their reports have one shape.
    """

    file: str
    format: str
    read: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    errors: list[LineError] = field(default_factory=list)
    # Lines matching a stored record the importer may not change (another mission's, or above their
    # clearance): left as they are. Only the line numbers are kept, so nothing of the record shows.
    refused: list[int] = field(default_factory=list)
    dry_run: bool = False
    rolled_back: bool = False

    @property
    def ok(self) -> bool:
        return not self.rolled_back or self.dry_run

    def bad_line(self, error: LineError, skip_bad: bool) -> bool:
        """Record a bad line; True when the import must write nothing more (no ``--skip-bad``).

        Either way the import reads on, so that every bad line of the file is reported at once.
        """
        self.errors.append(error)
        if skip_bad:
            self.skipped += 1
        return not skip_bad

    def as_json(self) -> dict:
        result = {"read": self.read, "created": self.created, "updated": self.updated, "skipped": self.skipped,
                  "errors": [error.as_dict() for error in self.errors]}
        if self.refused:
            result["refused"] = len(self.refused)
            result["refused_lines"] = self.refused[:1000]
        return result

    def summary(self) -> str:
        if self.rolled_back and not self.dry_run:
            head = f"{self.file}: import FAILED, nothing written ({len(self.errors)} error(s) in {self.read} rows read)"
        else:
            verb = "would be" if self.dry_run else "were"
            head = (f"{self.file}: {self.read} rows read; {self.created} {verb} created, {self.updated} updated, "
                    f"{self.unchanged} unchanged, {self.skipped} bad lines skipped")
        lines = [head]
        if self.refused:
            shown = ", ".join(str(line) for line in self.refused[:20]) + (" ..." if len(self.refused) > 20 else "")
            lines.append(f"  {len(self.refused)} line(s) left as stored: you may not change the records they "
                         f"match (lines {shown})")
        lines += [f"  line {e.line}, field {e.field}: {e.message}" for e in self.errors[:50]]
        if len(self.errors) > 50:
            lines.append(f"  ... and {len(self.errors) - 50} more")
        return "\n".join(lines)
