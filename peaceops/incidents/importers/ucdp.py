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
import operator
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
    """Rows by column index (csv.reader), through :class:`_FastCsvRow`; odd rows take ``_row``."""
    with open(path, "rb") as binary:
        lines = DecodedLines(binary, "utf-8")
        reader = csv.reader(iter(lines))
        header = next(reader, None)
        if not header:
            raise ImportFileError(path, "the file is empty", line=1)
        require_columns(path, header, REQUIRED, "UCDP GED CSV")
        fast = _FastCsvRow(header, today)
        width = len(header)
        first_line = 2
        for values in reader:
            if not values:  # a blank line: csv.DictReader skipped these too
                first_line = reader.line_num + 1
                continue
            bad = lines.bad_between(first_line, reader.line_num) if lines.bad_lines else None
            if bad:
                yield LineError(bad, "encoding", "not valid UTF-8 (UCDP publishes UTF-8)")
            else:
                row = fast.build(values, first_line) if len(values) == width else None
                # Anything the fast path does not take as plainly valid goes through the full
                # checks, which name the field and say what is wrong with it.
                yield row or _row(_as_record(header, values), first_line, today)
            first_line = reader.line_num + 1


def _as_record(header: list[str], values: list[str]) -> dict:
    """A row as csv.DictReader gives it: missing fields None, extra fields under the key None."""
    record = dict(zip(header, values))  # noqa: B905 (short rows are allowed, as DictReader allows them)
    for name in header[len(values):]:
        record[name] = None
    if len(values) > len(header):
        record[None] = values[len(header):]
    return record


_NULLS = frozenset(("None", "NULL"))


class _FastCsvRow:
    """The common case of a UCDP GED CSV row, read by column index with no function per field.

    ``build`` returns the same EventRow as ``_build`` for a row whose fields are all plainly
    valid (ids, whole non-negative counts, ISO dates not in the future, coordinates in range or
    both blank), and None for anything else, which the caller hands to ``_build`` for the full
    checks and their messages (checked: all rows of the benchmark file come out equal both ways).
    Dates repeat across a dataset: each distinct text is parsed once.
    """

    def __init__(self, header: list[str], today: date):
        position = {name: i for i, name in enumerate(header)}  # the last column of a name wins, as in DictReader
        blank = len(header)  # optional columns that are absent read the "" appended to each row
        self.today = today
        self.days: dict[str, date] = {}
        self.violence = {str(code): (taxonomy.from_ucdp(code).value, name)
                         for code, name in taxonomy.UCDP_TYPE_NAMES.items()}
        (self.id, self.type_of_violence, self.date_start, self.date_end, self.latitude, self.longitude,
         self.date_prec, self.where_prec, self.country_id, self.source_article, self.source_office, self.side_a,
         self.side_b, self.where_coordinates, self.iso3, self.country, self.adm_1, self.adm_2,
         self.where_description, self.source_headline) = (
            position.get(name, blank) for name in (
                "id", "type_of_violence", "date_start", "date_end", "latitude", "longitude", "date_prec",
                "where_prec", "country_id", "source_article", "source_office", "side_a", "side_b",
                "where_coordinates", "iso3", "country", "adm_1", "adm_2", "where_description", "source_headline"))
        self.counts = operator.itemgetter(*(position[name] for name in (
            "best", "low", "high", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown")))

    def _day(self, raw: str) -> date | None:
        day = self.days.get(raw)
        if day is None:
            text_ = raw.strip()
            if len(text_) < 10 or text_[4:5] != "-":
                return None
            try:
                day = date.fromisoformat(text_[:10])  # as parse_date's ISO path reads it
            except ValueError:
                return None
            if day > self.today:
                return None
            if len(self.days) < 100_000:
                self.days[raw] = day
        return day

    def build(self, values: list[str], line: int) -> EventRow | None:
        values = [*values, ""]
        external_id = _clean(values[self.id])
        violence = self.violence.get(values[self.type_of_violence].strip())
        if not external_id or violence is None:
            return None
        raw_start = values[self.date_start]
        start = self._day(raw_start)
        end = self._day(values[self.date_end] or raw_start)
        if start is None or end is None or end < start:
            return None
        raw_lat, raw_lon = values[self.latitude], values[self.longitude]
        if raw_lat.strip() or raw_lon.strip():
            try:
                lat, lon = float(raw_lat), float(raw_lon)
            except ValueError:
                return None  # one blank or unreadable: the messages live in coordinates()
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                return None
        else:
            lat = lon = None  # neither given: allowed, as coordinates() allows it
        # Blank counts are 0 (count()); blank, None or NULL precisions are 1 (optional_int()).
        counts = [text_.strip() or "0" for text_ in self.counts(values)]
        date_prec, where_prec = _clean(values[self.date_prec]) or "1", _clean(values[self.where_prec]) or "1"
        digits = "".join(counts) + date_prec + where_prec
        if not (digits.isdigit() and digits.isascii()):
            return None
        best, low, high, deaths_a, deaths_b, deaths_civilians, deaths_unknown = map(int, counts)
        gw = _clean(values[self.country_id])
        article, office = _clean(values[self.source_article]), _clean(values[self.source_office])
        side_a, side_b = _clean(values[self.side_a]), _clean(values[self.side_b])
        actors = [(side_a, "a"), (side_b, "b")] if side_a and side_b else \
            [(side_a, "a")] if side_a else [(side_b, "b")] if side_b else []
        return EventRow(
            DATASET, external_id, line, start, end, violence[0], violence[1], int(date_prec), None, lat, lon,
            int(where_prec), _clean(values[self.where_coordinates])[:300], _clean(values[self.iso3]),
            _clean(values[self.country]), int(gw) if gw.isdigit() else None, _clean(values[self.adm_1]),
            _clean(values[self.adm_2]), _clean(values[self.where_description] or values[self.source_headline]),
            deaths_a, deaths_b, deaths_civilians, deaths_unknown, best, low, high, 0, 0, actors,
            [(office or "UCDP GED source", article[:500])] if article or office else [],
        )


def _clean(value: str) -> str:
    """``text()`` for a CSV field, which is always a string."""
    value = value.strip()
    return "" if value in _NULLS else value


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
