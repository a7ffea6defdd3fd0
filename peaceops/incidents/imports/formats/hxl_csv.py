"""Any HXL-tagged CSV with at least #date, #geo+lat and #geo+lon (read through libhxl).

Tags used (first matching column wins; #date+start matches #date, so a plain #date column or
#date+start is the start, #date+end the end, and #date+year / #date+reported are skipped):

    #date(+start)  #date+end  #date+reported  #geo+lat  #geo+lon  #country+code  #country+name
    #adm1+name  #adm2+name  #loc+name  #event+type / #crisis+type  #group+name+first / +second
    (or #org)  #affected+killed  #affected+injured  #affected+abducted  #meta+source
    #description  #meta+id / #event+id

Idempotence needs the source's own id: #meta+id or #event+id when tagged, else an untagged
column headed "id"; a file with neither keys each row on a hash of its date, place, type and
description, so re-importing the same file still updates instead of duplicating.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import date

from peaceops.core import hxl_input
from peaceops.incidents import taxonomy
from peaceops.incidents.imports.formats.base import (
    EventRow,
    LineError,
    RowProblem,
    check_dates,
    coordinates,
    count,
    parse_date,
    text,
)

DATASET = "hxl"
DATE_FORMATS = ("%Y-%m-%d", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%d/%m/%Y")
NOT_START = {"end", "year", "month", "reported", "entered", "modified"}


def parse(path, today: date) -> Iterator[EventRow | LineError]:
    source = hxl_input.open_hxl(path)
    index = _column_index(source.columns)
    hxl_input.require_tags(path, index, ("#date", "#geo+lat", "#geo+lon"))
    for line, record, _values in hxl_input.rows(path, source, index):
        try:
            yield _build(record, line, today)
        except RowProblem as problem:
            yield LineError(line, problem.field, problem.message)


def _column_index(columns) -> dict[str, int | None]:
    """Which column holds each field, by HXL tag pattern (first match), with a few fallbacks."""

    def first(*patterns, unless: set[str] = frozenset()) -> int | None:
        return hxl_input.first_column(columns, *patterns, unless=unless)

    def by_header(*names) -> int | None:
        for i, column in enumerate(columns):
            if (column.header or "").strip().lower() in names:
                return i
        return None

    return {
        "#date": first("#date+start", "#date", unless=NOT_START),
        "#date+end": first("#date+end"),
        "#date+reported": first("#date+reported"),
        "#geo+lat": first("#geo+lat"),
        "#geo+lon": first("#geo+lon"),
        "country_code": first("#country+code"),
        "country_name": first("#country+name", "#country", unless={"code"}),
        "admin1": first("#adm1+name", "#adm1", unless={"code"}),
        "admin2": first("#adm2+name", "#adm2", unless={"code"}),
        "location": first("#loc+name", "#loc"),
        "type": first("#event+type", "#crisis+type", "#event", unless={"id"}) or by_header("type_of_violence",
                                                                                          "event_type"),
        "actor_a": first("#group+name+first", "#org+name+first", "#group", "#org", unless={"second", "code"}),
        "actor_b": first("#group+name+second", "#org+name+second"),
        "killed": first("#affected+killed"),
        "injured": first("#affected+injured"),
        "abducted": first("#affected+abducted", "#affected+kidnapped"),
        "source": first("#meta+source"),
        "description": first("#description"),
        "id": first("#meta+id", "#event+id") or by_header("id", "event_id", "event_id_cnty"),
    }


def _build(r: dict, line: int, today: date) -> EventRow:
    start = parse_date(r["#date"], "#date", DATE_FORMATS, today)
    end = parse_date(r["#date+end"], "#date+end", DATE_FORMATS, today) if text(r["#date+end"]) else start
    check_dates(start, end, "#date+end")
    reported = parse_date(r["#date+reported"], "#date+reported", DATE_FORMATS, today) \
        if text(r["#date+reported"]) else None
    lat, lon = coordinates(r["#geo+lat"], r["#geo+lon"], "#geo+lat", "#geo+lon")
    killed = count(r["killed"], "#affected+killed")
    type_text = text(r["type"])
    category = taxonomy.from_text(type_text)
    source_category = taxonomy.UCDP_TYPE_NAMES.get(int(type_text), type_text) if type_text.isdigit() else type_text
    external_id = text(r["id"]) or _content_key(r)
    source = text(r["source"])
    return EventRow(
        dataset=DATASET, external_id=external_id[:80], line=line, start_date=start, end_date=end,
        category=category.value, source_category=source_category[:120], reported_on=reported,
        latitude=lat, longitude=lon,
        location=text(r["location"])[:300],
        country_iso3=text(r["country_code"]), country_name=text(r["country_name"]),
        admin1=text(r["admin1"]), admin2=text(r["admin2"]),
        description=text(r["description"]),
        deaths_unknown=killed, deaths_best=killed, deaths_low=killed, deaths_high=killed,
        injured=count(r["injured"], "#affected+injured"),
        abducted=count(r["abducted"], "#affected+abducted"),
        actors=[(name, side) for name, side in ((text(r["actor_a"]), "a"), (text(r["actor_b"]), "b")) if name],
        sources=[("HXL source", source[:500])] if source else [],
    )


def _content_key(r: dict) -> str:
    fields = ("#date", "#date+end", "#geo+lat", "#geo+lon", "country_code", "type", "actor_a", "actor_b",
              "killed", "description")
    digest = hashlib.sha1("\x1f".join(text(r[f]) for f in fields).encode()).hexdigest()
    return f"sha1:{digest[:32]}"
