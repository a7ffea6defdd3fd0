"""Django-free parsers of event datasets, one module per format (see docs/incidents-import.md).

``parse(fmt, path, today)`` yields normalised :class:`EventRow` objects or :class:`LineError`
objects; it raises :class:`ImportFileError` for a file it cannot read at all.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from peaceops.core.importing import dispatch
from peaceops.incidents.imports.formats import acled, hxl_csv, insecurity_insight, ucdp
from peaceops.incidents.imports.formats.base import DEFAULT_GRADES, EventRow, ImportFileError, LineError

PARSERS = {
    "ucdp-ged": ucdp.parse,
    "acled": acled.parse,
    "hxl": hxl_csv.parse,
    "insecurity-insight": insecurity_insight.parse,
}
FORMATS = tuple(PARSERS)

__all__ = ["DEFAULT_GRADES", "EventRow", "FORMATS", "ImportFileError", "LineError", "parse"]


def parse(fmt: str, path, today: date) -> Iterator[EventRow | LineError]:
    return dispatch(PARSERS, fmt, path, today)
