"""UCDP Georeferenced Event Dataset (GED) as CSV or GeoJSON.

Fields as UCDP publishes them (DESIGN.md, Data standards): id, type_of_violence, side_a,
side_b, where_prec, adm_1, adm_2, latitude, longitude, country, country_id (Gleditsch-Ward),
date_prec, date_start, date_end, deaths_a, deaths_b, deaths_civilians, deaths_unknown, best,
high, low, source_article, source_office. UCDP has no report date: the end date stands for it
(issue 4), so ``reported_on`` stays empty.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import date

from peaceops.incidents import taxonomy
from peaceops.incidents.importers.base import (
    DecodedLines,
    EventRow,
    ImportFileError,
    LineError,
    RowProblem,
    check_dates,
    coordinates,
    count,
    optional_int,
    parse_date,
    require_columns,
    text,
)

DATASET = "ucdp-ged"
REQUIRED = ("id", "type_of_violence", "side_a", "side_b", "country", "date_start", "date_end",
            "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "low", "high")
DATE_FORMATS = ("%Y-%m-%d", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M:%S.%f")


def parse(path, today: date) -> Iterator[EventRow | LineError]:
    """UCDP GED from a .csv or a .geojson/.json file (chosen by the file's first character)."""
    with open(path, "rb") as probe:
        head = probe.read(64).lstrip()
    if head.startswith(b"{"):
        yield from parse_geojson(path, today)
    else:
        yield from parse_csv(path, today)


def parse_csv(path, today: date) -> Iterator[EventRow | LineError]:
    with open(path, "rb") as binary:
        lines = DecodedLines(binary, "utf-8")
        reader = csv.DictReader(iter(lines))
        if not reader.fieldnames:
            raise ImportFileError(path, "the file is empty", line=1)
        require_columns(path, reader.fieldnames, REQUIRED, "UCDP GED CSV")
        first_line = 2
        for record in reader:
            bad = lines.bad_between(first_line, reader.line_num)
            if bad:
                yield LineError(bad, "encoding", "not valid UTF-8 (UCDP publishes UTF-8)")
            else:
                yield _row(record, first_line, today)
            first_line = reader.line_num + 1


def parse_geojson(path, today: date) -> Iterator[EventRow | LineError]:
    seen_any = False
    for line, feature in iter_features(path):
        seen_any = True
        properties = feature.get("properties") or {}
        if "id" not in properties:
            missing = [name for name in REQUIRED if name not in properties]
            raise ImportFileError(path, f"not a UCDP GED feature: missing {', '.join(missing)}",
                                  line=line, field=missing[0])
        geometry = feature.get("geometry") or {}
        if geometry.get("type") == "Point" and properties.get("latitude") in (None, ""):
            lon, lat = (geometry.get("coordinates") or [None, None])[:2]
            properties = {**properties, "latitude": lat, "longitude": lon}
        missing = [name for name in REQUIRED if name not in properties]
        if missing:
            yield LineError(line, missing[0], f"missing field {missing[0]}")
            continue
        yield _row(properties, line, today)
    if not seen_any:
        raise ImportFileError(path, "no features: the GeoJSON file holds no events", line=1)


def iter_features(path) -> Iterator[tuple[int, dict]]:
    """Stream the features of a GeoJSON FeatureCollection one at a time (bounded memory).

    Reads the file in blocks and decodes one feature object at a time with the JSON decoder,
    so a collection of a million features never sits in memory at once. Yields the line on
    which each feature starts.
    """
    decoder = json.JSONDecoder()
    with open(path, encoding="utf-8") as handle:
        buffer, line, position = "", 1, 0
        try:
            buffer = handle.read(1 << 16)
        except UnicodeDecodeError as error:
            raise ImportFileError(path, f"not UTF-8 text: {error.reason}", line=1, field="encoding") from None
        marker = buffer.find('"features"')
        if not buffer.lstrip().startswith("{") or marker < 0:
            raise ImportFileError(path, "not a GeoJSON FeatureCollection (no \"features\" array)", line=1)
        bracket = buffer.find("[", marker)
        line += buffer.count("\n", 0, bracket + 1)
        position = bracket + 1
        while True:
            # skip separators, refilling the buffer when it runs dry
            while True:
                while position < len(buffer) and buffer[position] in " \t\r\n,":
                    if buffer[position] == "\n":
                        line += 1
                    position += 1
                if position < len(buffer):
                    break
                buffer, position = _refill(handle, path, line), 0
                if not buffer:
                    raise ImportFileError(path, "the features array is not closed", line=line)
            if buffer[position] == "]":
                return
            while True:
                try:
                    feature, end = decoder.raw_decode(buffer, position)
                    break
                except json.JSONDecodeError as error:
                    more = _refill(handle, path, line)
                    if not more:
                        raise ImportFileError(path, f"broken JSON: {error.msg}",
                                              line=line + buffer.count("\n", position, error.pos)) from None
                    buffer, position = buffer[position:] + more, 0
            if not isinstance(feature, dict):
                raise ImportFileError(path, "a feature is not a JSON object", line=line)
            yield line, feature
            line += buffer.count("\n", position, end)
            position = end
            if position > (1 << 16):
                buffer, position = buffer[position:], 0


def _refill(handle, path, line: int) -> str:
    try:
        return handle.read(1 << 16)
    except UnicodeDecodeError as error:
        raise ImportFileError(path, f"not UTF-8 text: {error.reason}", line=line, field="encoding") from None


def _row(record: dict, line: int, today: date) -> EventRow | LineError:
    try:
        return _build(record, line, today)
    except RowProblem as problem:
        return LineError(line, problem.field, problem.message)


def _build(record: dict, line: int, today: date) -> EventRow:
    external_id = text(record.get("id"))
    if not external_id:
        raise RowProblem("id", "the event has no id")
    try:
        violence = int(text(record.get("type_of_violence")) or 0)
        category = taxonomy.from_ucdp(violence)
    except (ValueError, KeyError):
        raise RowProblem("type_of_violence", f"expected 1, 2 or 3, got {record.get('type_of_violence')!r}") from None
    start = parse_date(record.get("date_start"), "date_start", DATE_FORMATS, today)
    end = parse_date(record.get("date_end") or record.get("date_start"), "date_end", DATE_FORMATS, today)
    check_dates(start, end, "date_end")
    lat, lon = coordinates(record.get("latitude"), record.get("longitude"), "latitude", "longitude")
    # Kept as given even where low > best or best > high (20 events in GED 23.1 CAR): the
    # store must hold what the dataset says, and totals must match the file.
    best, low, high = (count(record.get(k), k) for k in ("best", "low", "high"))
    gw = text(record.get("country_id"))
    sources = []
    article, office = text(record.get("source_article")), text(record.get("source_office"))
    if article or office:
        sources.append((office or "UCDP GED source", article[:500]))
    return EventRow(
        dataset=DATASET,
        external_id=external_id,
        line=line,
        start_date=start,
        end_date=end,
        category=category.value,
        source_category=taxonomy.UCDP_TYPE_NAMES[violence],
        date_precision=optional_int(record.get("date_prec"), "date_prec", 1),
        latitude=lat,
        longitude=lon,
        geo_precision=optional_int(record.get("where_prec"), "where_prec", 1),
        location=text(record.get("where_coordinates"))[:300],
        country_iso3=text(record.get("iso3")),
        country_name=text(record.get("country")),
        country_gw=int(gw) if gw.isdigit() else None,
        admin1=text(record.get("adm_1")),
        admin2=text(record.get("adm_2")),
        description=text(record.get("where_description") or record.get("source_headline")),
        deaths_a=count(record.get("deaths_a"), "deaths_a"),
        deaths_b=count(record.get("deaths_b"), "deaths_b"),
        deaths_civilians=count(record.get("deaths_civilians"), "deaths_civilians"),
        deaths_unknown=count(record.get("deaths_unknown"), "deaths_unknown"),
        deaths_best=best,
        deaths_low=low,
        deaths_high=high,
        actors=[(name, side) for name, side in ((text(record.get("side_a")), "a"), (text(record.get("side_b")), "b"))
                if name],
        sources=sources,
    )
