"""ACLED exports, both the older upper-case header and the current lower-case one.

Older exports (to 2018; the 2016 Africa file in ../shared/data): upper-case header, Latin-1
(in fact Windows-1252) text, dd/mm/yyyy dates, EVENT_TYPE without sub-types, GWNO country
codes. Current exports: lower-case header, UTF-8, yyyy-mm-dd dates (some tools write
"12 March 2024"), event_type plus sub_event_type, iso numeric country codes. Both give one
FATALITIES figure without a party: it becomes best = low = high and deaths of unknown party.
ACLED has no report date: the end (= event) date stands for it, so an as-of analysis never reads an
event before it happened.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date

from peaceops.incidents import taxonomy
from peaceops.incidents.imports.formats.base import (
    DecodedLines,
    EventRow,
    ImportFileError,
    LineError,
    RowProblem,
    coordinates,
    count,
    optional_int,
    parse_date,
    require_columns,
    text,
)

DATASET = "acled"

OLD_REQUIRED = ("EVENT_ID_CNTY", "EVENT_DATE", "EVENT_TYPE", "ACTOR1", "ACTOR2", "COUNTRY", "ADMIN1",
                "LATITUDE", "LONGITUDE", "FATALITIES")
OLD_DATE_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%d/%m/%y")
NEW_REQUIRED = ("event_id_cnty", "event_date", "event_type", "actor1", "actor2", "country", "admin1",
                "latitude", "longitude", "fatalities")
NEW_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y")


def parse(path, today: date) -> Iterator[EventRow | LineError]:
    with open(path, "rb") as binary:
        first = binary.readline().lstrip(b"\xef\xbb\xbf")
        if not first.strip():
            raise ImportFileError(path, "the file is empty", line=1)
        old = b"EVENT_ID_CNTY" in first
        binary.seek(0)
        # Old exports are Latin-1/Windows-1252; a UTF-8 line in one still reads correctly.
        lines = DecodedLines(binary, "utf-8", fallback="cp1252" if old else None)
        reader = csv.reader(iter(lines))
        fieldnames = next(reader, None) or []
        header = [name for name in fieldnames if name]
        if old:
            require_columns(path, header, OLD_REQUIRED, "ACLED (upper-case header)")
        else:
            require_columns(path, header, NEW_REQUIRED, "ACLED (lower-case header)")
        build = _build_old if old else _build_new
        width = len(fieldnames)
        first_line = 2
        for values in reader:
            bad = lines.bad_between(first_line, reader.line_num)
            if bad:
                yield LineError(bad, "encoding", "not valid UTF-8 (current ACLED exports are UTF-8)")
            elif not any(values):
                pass  # blank line
            elif len(values) < width:
                # ACLED writes every field of every row: a short one is a file cut off (a download that
                # stopped), whose last event would otherwise be stored with the fields it lost left blank.
                missing = fieldnames[len(values)] or f"column {len(values) + 1}"
                yield LineError(first_line, missing, f"the row has {len(values)} of {width} fields, it stops "
                                                     f"before {missing} (is the file cut short?)")
            else:
                try:
                    yield build(dict(zip(fieldnames, values)), first_line, today)  # noqa: B905 (longer rows: extras unread)
                except RowProblem as problem:
                    yield LineError(first_line, problem.field, problem.message)
            first_line = reader.line_num + 1


def _actors(*pairs) -> list[tuple[str, str]]:
    """Actor names by side; associated-actor cells may list several, separated by ';'."""
    seen, actors = set(), []
    for cell, side in pairs:
        for name in (part.strip() for part in cell.split(";")):
            if name and (name, side) not in seen:
                seen.add((name, side))
                actors.append((name, side))
    return actors


def _build_old(r: dict, line: int, today: date) -> EventRow:
    external_id = text(r["EVENT_ID_CNTY"])
    if not external_id:
        raise RowProblem("EVENT_ID_CNTY", "the event has no id")
    event_type = text(r["EVENT_TYPE"])
    try:
        category = taxonomy.from_acled(event_type)
    except KeyError:
        raise RowProblem("EVENT_TYPE", f"unknown ACLED event type {event_type!r}") from None
    day = parse_date(r["EVENT_DATE"], "EVENT_DATE", OLD_DATE_FORMATS, today)
    lat, lon = coordinates(r["LATITUDE"], r["LONGITUDE"], "LATITUDE", "LONGITUDE")
    fatalities = count(r["FATALITIES"], "FATALITIES")
    gwno = text(r.get("GWNO"))
    source = text(r.get("SOURCE"))
    return EventRow(
        dataset=DATASET, external_id=external_id, line=line, start_date=day, end_date=day,
        category=category.value, source_category=event_type,
        date_precision=optional_int(r.get("TIME_PRECISION"), "TIME_PRECISION", 1),
        latitude=lat, longitude=lon,
        geo_precision=optional_int(r.get("GEO_PRECISION"), "GEO_PRECISION", 1),
        location=text(r.get("LOCATION"))[:300],
        country_name=text(r["COUNTRY"]), country_gw=int(gwno) if gwno.isdigit() else None,
        admin1=text(r["ADMIN1"]), admin2=text(r.get("ADMIN2")),
        description=text(r.get("NOTES")),
        deaths_unknown=fatalities, deaths_best=fatalities, deaths_low=fatalities, deaths_high=fatalities,
        actors=_actors((text(r["ACTOR1"]), "a"), (text(r.get("ALLY_ACTOR_1")), "a"),
                       (text(r["ACTOR2"]), "b"), (text(r.get("ALLY_ACTOR_2")), "b")),
        sources=[(source[:300], "")] if source else [],
    )


def _build_new(r: dict, line: int, today: date) -> EventRow:
    external_id = text(r["event_id_cnty"])
    if not external_id:
        raise RowProblem("event_id_cnty", "the event has no id")
    event_type, sub_type = text(r["event_type"]), text(r.get("sub_event_type"))
    try:
        category = taxonomy.from_acled(event_type, sub_type)
    except KeyError:
        raise RowProblem("event_type", f"unknown ACLED event type {event_type!r}") from None
    day = parse_date(r["event_date"], "event_date", NEW_DATE_FORMATS, today)
    lat, lon = coordinates(r["latitude"], r["longitude"], "latitude", "longitude")
    fatalities = count(r["fatalities"], "fatalities")
    source = text(r.get("source"))
    return EventRow(
        dataset=DATASET, external_id=external_id, line=line, start_date=day, end_date=day,
        category=category.value, source_category=f"{event_type} / {sub_type}" if sub_type else event_type,
        date_precision=optional_int(r.get("time_precision"), "time_precision", 1),
        latitude=lat, longitude=lon,
        geo_precision=optional_int(r.get("geo_precision"), "geo_precision", 1),
        location=text(r.get("location"))[:300],
        country_iso3=text(r.get("iso3")), country_name=text(r["country"]),
        admin1=text(r["admin1"]), admin2=text(r.get("admin2")),
        description=text(r.get("notes")),
        deaths_unknown=fatalities, deaths_best=fatalities, deaths_low=fatalities, deaths_high=fatalities,
        actors=_actors((text(r["actor1"]), "a"), (text(r.get("assoc_actor_1")), "a"),
                       (text(r["actor2"]), "b"), (text(r.get("assoc_actor_2")), "b")),
        sources=[(source[:300], "")] if source else [],
    )
