"""Insecurity Insight's aid-worker incident workbook (Security in Numbers Database, SiND).

One sheet, one incident a row, 43 columns: Date, Country ISO, Admin 1, Latitude, Longitude,
Geo Precision "(2) 25 km Precision" ... or "censored" (coordinates withheld), Reported
Perpetrator (Name), Weapon Carried/Used, Organisation Affected, Aid Workers Killed / Injured /
Kidnapped / Arrested and their breakdowns, SiND Event ID, Date Event Entered. Opened through
peaceops.core.workbooks: size limits first, then openpyxl in read-only mode, which streams rows
instead of loading the sheet.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from datetime import date

from peaceops.core.workbooks import WorkbookRefused, open_workbook
from peaceops.incidents import taxonomy
from peaceops.incidents.imports.formats.base import (
    EventRow,
    ImportFileError,
    LineError,
    RowProblem,
    coordinates,
    count,
    parse_date,
    require_columns,
    text,
)

DATASET = "insecurity-insight"
REQUIRED = ("Date", "Country", "Country ISO", "Admin 1", "Latitude", "Longitude", "Aid Workers Killed",
            "Aid Workers Injured", "Aid Workers Kidnapped", "Aid Workers Arrested", "SiND Event ID")
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%Y-%m-%d %H:%M:%S")
CENSORED_PRECISION = 7  # coordinates withheld by the publisher: place known to the country only


def parse(path, today: date) -> Iterator[EventRow | LineError]:
    from openpyxl.utils.exceptions import InvalidFileException  # imported here: only this format needs it

    try:
        workbook = open_workbook(path)
    except WorkbookRefused as refused:
        raise ImportFileError(path, str(refused), line=1) from None
    except (zipfile.BadZipFile, InvalidFileException, OSError, KeyError, ValueError) as error:
        raise ImportFileError(path, f"not an Excel workbook (.xlsx): {error}", line=1) from None
    try:
        rows = workbook.worksheets[0].iter_rows(values_only=True)
        header = next(rows, None)
        if not header or not any(header):
            raise ImportFileError(path, "the workbook's first sheet is empty", line=1)
        names = [text(cell) for cell in header]
        require_columns(path, names, REQUIRED, "Insecurity Insight aid-worker workbook")
        for line, values in enumerate(rows, start=2):
            if not any(value not in (None, "") for value in values):
                continue
            record = dict(zip(names, values))  # noqa: B905 (a short row leaves trailing cells out)
            try:
                yield _build(record, line, today)
            except RowProblem as problem:
                yield LineError(line, problem.field, problem.message)
    finally:
        workbook.close()


def _precision(value) -> int | None:
    raw = text(value).lower()
    if raw == "censored":
        return CENSORED_PRECISION
    match = re.match(r"\((\d)\)", raw)
    return int(match.group(1)) if match else None


def _build(r: dict, line: int, today: date) -> EventRow:
    external_id = text(r["SiND Event ID"])
    if not external_id:
        raise RowProblem("SiND Event ID", "the incident has no SiND id")
    day = parse_date(r["Date"], "Date", DATE_FORMATS, today)
    entered = r.get("Date Event Entered")
    reported = parse_date(entered, "Date Event Entered", DATE_FORMATS, today) if text(entered) else None
    lat, lon = coordinates(r["Latitude"], r["Longitude"], "Latitude", "Longitude")
    killed = count(r["Aid Workers Killed"], "Aid Workers Killed")
    injured = count(r["Aid Workers Injured"], "Aid Workers Injured")
    kidnapped = count(r["Aid Workers Kidnapped"], "Aid Workers Kidnapped")
    arrested = count(r["Aid Workers Arrested"], "Aid Workers Arrested")
    category = taxonomy.from_insecurity_insight(killed, injured, kidnapped, arrested)
    perpetrator = text(r.get("Reported Perpetrator Name")) or text(r.get("Reported Perpetrator"))
    affected = text(r.get("Organisation Affected"))
    actors = []
    if perpetrator and perpetrator.lower() not in ("no information", "unknown"):
        actors.append((perpetrator, "a"))
    if affected and affected.lower() != "no information":
        actors.append((f"Aid workers ({affected})", "target"))
    victims = ", ".join(f"{n} {what}" for n, what in ((killed, "killed"), (injured, "injured"),
                                                       (kidnapped, "kidnapped"), (arrested, "arrested")) if n)
    details = [text(r.get("Event Description")), f"Aid workers: {victims}" if victims else "",
               _labelled("Weapon", r.get("Weapon Carried/Used")),
               _labelled("Perpetrator", r.get("Reported Perpetrator")),
               _labelled("Outcome", r.get("Known Kidnapping or Arrest Outcome")),
               _labelled("Programme", r.get("Programme Focus"))]
    return EventRow(
        dataset=DATASET, external_id=external_id, line=line, start_date=day, end_date=day,
        category=category.value,
        source_category="; ".join(what for n, what in ((killed, "killed"), (kidnapped, "kidnapped"),
                                                       (arrested, "arrested"), (injured, "injured")) if n),
        reported_on=reported,
        latitude=lat, longitude=lon,
        geo_precision=_precision(r.get("Geo Precision")) or (1 if lat is not None else CENSORED_PRECISION),
        location=text(r.get("Location of Incident"))[:300],
        country_iso3=text(r["Country ISO"]), country_name=text(r["Country"]),
        admin1=text(r["Admin 1"]),
        description=". ".join(part for part in details if part),
        deaths_civilians=killed, deaths_best=killed, deaths_low=killed, deaths_high=killed,
        injured=injured, abducted=kidnapped,
        actors=actors,
        sources=[("Insecurity Insight (SiND)", f"SiND event {external_id}")],
    )


def _labelled(label: str, value) -> str:
    value = text(value)
    return f"{label}: {value}" if value and value.lower() not in ("no information", "none") else ""
