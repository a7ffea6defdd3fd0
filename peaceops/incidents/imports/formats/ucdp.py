"""UCDP Georeferenced Event Dataset (GED) as CSV, GeoJSON or UCDP's API JSON.

Fields as UCDP publishes them (DESIGN.md, Data standards): id, type_of_violence, side_a,
side_b, where_prec, adm_1, adm_2, latitude, longitude, country, country_id (Gleditsch-Ward),
date_prec, date_start, date_end, deaths_a, deaths_b, deaths_civilians, deaths_unknown, best,
high, low, source_article, source_office. UCDP has no report date: the end date stands for it
(an as-of analysis reads no event before it ended), so ``reported_on`` stays empty.

Every released layout reads the same way: the older releases' names (``HEADER_ALIASES``), a
trailing comma on every line, and the three JSON shapes (a GeoJSON FeatureCollection, one
answer page of UCDP's API ``{"TotalCount": .., "Result": [events]}``, or a list of such pages or
of plain events) all come down to the same records, checked by the same code.
"""

from __future__ import annotations

import csv
import json
import operator
from collections.abc import Iterator
from datetime import date

from peaceops.incidents import taxonomy
from peaceops.incidents.imports.formats.base import (
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
# Names of older releases for today's columns. GED up to 5.0 (ged50.csv) named the death
# estimates best_est, high_est and low_est; 17.1 renamed them best, high and low. ``gwno`` is the
# Gleditsch-Ward code under the name UCDP's other datasets give it (today's GED: country_id).
# An alias is used only when the file lacks the current name, so a file with both reads today's.
HEADER_ALIASES = {"best_est": "best", "high_est": "high", "low_est": "low", "gwno": "country_id"}
# The keys of one page of UCDP's API answer (api/gedevents/<version>?pagesize=..&page=..).
API_PAGE_KEYS = frozenset(("TotalCount", "TotalPages", "PreviousPageUrl", "NextPageUrl", "Result"))


def parse(path, today: date) -> Iterator[EventRow | LineError]:
    """UCDP GED from a .csv or a JSON file (chosen by the file's first character: ``{`` or ``[``)."""
    with open(path, "rb") as probe:
        head = probe.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
    if head[:1] in (b"{", b"["):
        yield from parse_json(path, today)
    else:
        yield from parse_csv(path, today)


def canonical_header(header: list[str]) -> list[str]:
    """Today's column names for a header of any release; a trailing comma's empty names dropped.

    Names are compared without case or surrounding spaces, as spreadsheets rewrite both.
    """
    names = [name.strip().lower() for name in header]
    while names and not names[-1]:
        names.pop()
    present = set(names)
    return [HEADER_ALIASES[name] if name in HEADER_ALIASES and HEADER_ALIASES[name] not in present else name
            for name in names]


def canonical_record(record: dict) -> dict:
    """A JSON event with today's field names (the older releases' names only where today's are absent)."""
    if any(alias in record for alias in HEADER_ALIASES):
        record = dict(record)
        for alias, name in HEADER_ALIASES.items():
            if alias in record and name not in record:
                record[name] = record.pop(alias)
    return record


def parse_csv(path, today: date) -> Iterator[EventRow | LineError]:
    """Rows by column index (csv.reader), through :class:`_FastCsvRow`; odd rows take ``_row``."""
    with open(path, "rb") as binary:
        lines = DecodedLines(binary, "utf-8")
        reader = csv.reader(iter(lines))
        header = next(reader, None)
        if not header:
            raise ImportFileError(path, "the file is empty", line=1)
        header = canonical_header(header)
        require_columns(path, header, REQUIRED, "UCDP GED CSV")
        fast = _FastCsvRow(header, today)
        width = len(header)
        first_line = 2
        for values in reader:
            if not values:  # a blank line: csv.DictReader skipped these too
                first_line = reader.line_num + 1
                continue
            if len(values) > width and not any(value.strip() for value in values[width:]):
                # A trailing comma ends the row with an empty value the header has no name for.
                values = values[:width]
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


def parse_json(path, today: date) -> Iterator[EventRow | LineError]:
    seen_any = False
    for line, kind, record in iter_events(path):
        seen_any = True
        record = canonical_record(record)
        if "id" not in record:
            missing = [name for name in REQUIRED if name not in record]
            raise ImportFileError(path, f"not a UCDP GED {kind}: missing {', '.join(missing)}",
                                  line=line, field=missing[0])
        missing = [name for name in REQUIRED if name not in record]
        if missing:
            yield LineError(line, missing[0], f"missing field {missing[0]}")
            continue
        yield _row(record, line, today)
    if not seen_any:
        raise ImportFileError(path, "no events: the JSON file holds no GeoJSON features and no API results", line=1)


def parse_geojson(path, today: date) -> Iterator[EventRow | LineError]:
    """Kept for callers that name the format: every JSON shape is read by :func:`parse_json`."""
    return parse_json(path, today)


def iter_events(path) -> Iterator[tuple[int, str, dict]]:
    """``(line, kind, record)`` for each event of a GeoJSON or API JSON file, one at a time.

    The file is read in blocks and each event decoded on its own, so a file of a million events
    never sits in memory at once; ``line`` is the line on which the event starts. A GeoJSON
    feature's record is its properties, with the point's coordinates where the properties have
    none.
    """
    with open(path, encoding="utf-8-sig") as handle:
        stream = _JsonStream(handle, path)
        first = stream.peek()
        if first == "{":
            found = yield from _events_of_object(stream)
            if not found:
                raise ImportFileError(path, 'neither a GeoJSON FeatureCollection (no "features" array) nor an '
                                            'answer of UCDP\'s API (no "Result" array)', line=1)
        elif first == "[":
            for _line in stream.items():
                if stream.peek() == "{" and stream.first_key() in API_PAGE_KEYS:
                    yield from _events_of_object(stream)
                else:
                    yield from _event(stream, "API event")
        else:
            raise ImportFileError(path, "not a JSON object or list", line=stream.line)


def iter_features(path) -> Iterator[tuple[int, dict]]:
    """The events of a GeoJSON file as ``(line, properties)``; see :func:`iter_events`."""
    for line, _kind, record in iter_events(path):
        yield line, record


def _events_of_object(stream: _JsonStream):
    """The events of a FeatureCollection's "features" or an API page's "Result"; other members skipped.

    Returns whether the object held either array.
    """
    found = False
    for key in stream.members():
        if key in ("features", "Result") and stream.peek() == "[":
            found = True
            kind = "GeoJSON feature" if key == "features" else "API event"
            for _line in stream.items():
                yield from _event(stream, kind)
        else:
            stream.value()
    return found


def _event(stream: _JsonStream, kind: str) -> Iterator[tuple[int, str, dict]]:
    line = stream.line_of_next()
    event = stream.value()
    if not isinstance(event, dict):
        raise ImportFileError(stream.path, f"an item of the {'features' if 'GeoJSON' in kind else 'list'} "
                                           "is not a JSON object", line=line)
    if kind == "GeoJSON feature":
        properties = event.get("properties") or {}
        geometry = event.get("geometry") or {}
        if geometry.get("type") == "Point" and properties.get("latitude") in (None, ""):
            lon, lat = (geometry.get("coordinates") or [None, None])[:2]
            properties = {**properties, "latitude": lat, "longitude": lon}
        event = properties
    yield line, kind, event


class _JsonStream:
    """A JSON text read in blocks and decoded one value at a time, knowing the line it is on.

    Containers are walked member by member (``members``, ``items``) so that only one event is
    decoded at once; any other value is decoded whole (``value``).
    """

    BLOCK = 1 << 16

    def __init__(self, handle, path):
        self.handle, self.path = handle, path
        self.buffer, self.position, self.line = "", 0, 1
        self.decoder = json.JSONDecoder()

    def _more(self) -> bool:
        more = _refill(self.handle, self.path, self.line)
        if not more:
            return False
        self.buffer, self.position = self.buffer[self.position:] + more, 0
        return True

    def peek(self) -> str:
        """The next character that is not white space ("" at the end of the file)."""
        while True:
            buffer, position = self.buffer, self.position
            while position < len(buffer) and buffer[position] in " \t\r\n":
                if buffer[position] == "\n":
                    self.line += 1
                position += 1
            self.position = position
            if position < len(buffer):
                return buffer[position]
            if not self._more():
                return ""

    def line_of_next(self) -> int:
        self.peek()
        return self.line

    def _expect(self, char: str, where: str) -> None:
        found = self.peek()
        if found != char:
            raise ImportFileError(self.path, f"broken JSON: expected {char!r} {where}, found "
                                             f"{found!r}" if found else f"the JSON ends {where}", line=self.line)
        self.position += 1

    def value(self):
        self.peek()
        while True:
            try:
                value, end = self.decoder.raw_decode(self.buffer, self.position)
            except json.JSONDecodeError as error:
                if self._more():
                    continue
                raise ImportFileError(self.path, f"broken JSON: {error.msg}",
                                      line=self.line + self.buffer.count("\n", self.position, error.pos)) from None
            # A number that runs to the end of the block may go on in the next one.
            if end == len(self.buffer) and self._more():
                continue
            break
        self.line += self.buffer.count("\n", self.position, end)
        self.position = end
        if self.position > self.BLOCK:
            self.buffer, self.position = self.buffer[self.position:], 0
        return value

    def first_key(self) -> str | None:
        """The first member name of the object that starts here, without moving past it."""
        while True:
            position = self.position + 1
            while position < len(self.buffer) and self.buffer[position] in " \t\r\n":
                position += 1
            try:
                key, _end = self.decoder.raw_decode(self.buffer, position)
                return key if isinstance(key, str) else None
            except json.JSONDecodeError:
                if not self._more():
                    return None

    def members(self) -> Iterator[str]:
        """Each member name of the object that starts here; the caller reads its value before the next."""
        self._expect("{", "at the start of an object")
        if self.peek() == "}":
            self.position += 1
            return
        while True:
            key = self.value()
            if not isinstance(key, str):
                raise ImportFileError(self.path, "broken JSON: a member name is not a string", line=self.line)
            self._expect(":", f"after the member name {key!r}")
            yield key
            following = self.peek()
            self.position += 1
            if following == "}":
                return
            if following != ",":
                raise ImportFileError(self.path, "broken JSON: expected ',' or '}' after a member"
                                      if following else "the JSON ends inside an object", line=self.line)

    def items(self) -> Iterator[int]:
        """Once for each item of the array that starts here; the caller reads the item before the next."""
        self._expect("[", "at the start of an array")
        if self.peek() == "]":
            self.position += 1
            return
        while True:
            yield self.line
            following = self.peek()
            self.position += 1
            if following == "]":
                return
            if following != ",":
                raise ImportFileError(self.path, "broken JSON: expected ',' or ']' after an item"
                                      if following else "the array is not closed", line=self.line)


def _refill(handle, path, line: int) -> str:
    try:
        return handle.read(_JsonStream.BLOCK)
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
