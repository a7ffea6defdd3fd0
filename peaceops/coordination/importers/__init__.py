"""Django-free parsers of 3W files, one module per format (see docs/coordination.md).

``parse(fmt, path, country=...)`` yields :class:`ActivityRow` or :class:`LineError` objects and
raises :class:`ImportFileError` for a file it cannot read at all.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from peaceops.coordination.importers import hdx_presence, hxl_3w, ocha_xlsx
from peaceops.coordination.importers.base import ActivityRow, ImportFileError, LineError
from peaceops.core.importing import dispatch

PARSERS = {
    "ocha-xlsx": ocha_xlsx.parse,
    "hdx-presence": hdx_presence.parse,
    "hxl": hxl_3w.parse,
}
FORMATS = tuple(PARSERS)

__all__ = ["ActivityRow", "FORMATS", "ImportFileError", "LineError", "guess_format", "parse"]


def guess_format(path) -> str:
    """The format a file's name and first line suggest: workbooks are OCHA's, HAPI's CSV has its header."""
    path = Path(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return "ocha-xlsx"
    with open(path, "rb") as binary:
        first = binary.readline().decode("utf-8-sig", errors="replace")
    if "location_code" in first and "org_acronym" in first:
        return "hdx-presence"
    return "hxl"


def parse(fmt: str, path, *, country: str = "") -> Iterator[ActivityRow | LineError]:
    return dispatch(PARSERS, fmt, path, country=country)
