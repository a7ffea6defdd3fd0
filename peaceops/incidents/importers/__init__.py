"""Django-free parsers of event datasets, one module per format (see docs/incidents-import.md).

``parse(fmt, path, today)`` yields normalised :class:`EventRow` objects or :class:`LineError`
objects; it raises :class:`ImportFileError` for a file it cannot read at all.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

from peaceops.incidents.importers import acled, hxl_csv, insecurity_insight, ucdp
from peaceops.incidents.importers.base import DEFAULT_GRADES, EventRow, ImportFileError, LineError

PARSERS = {
    "ucdp-ged": ucdp.parse,
    "acled": acled.parse,
    "hxl": hxl_csv.parse,
    "insecurity-insight": insecurity_insight.parse,
}
FORMATS = tuple(PARSERS)

__all__ = ["DEFAULT_GRADES", "EventRow", "FORMATS", "ImportFileError", "LineError", "parse"]


def parse(fmt: str, path, today: date) -> Iterator[EventRow | LineError]:
    if fmt not in PARSERS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    path = Path(path)
    if not path.is_file():
        raise ImportFileError(path, "no such file")
    if path.stat().st_size == 0:
        raise ImportFileError(path, "the file is empty", line=1)
    return PARSERS[fmt](path, today)
