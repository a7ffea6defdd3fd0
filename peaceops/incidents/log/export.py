"""Streaming exports of a filtered selection of incidents: CSV with an HXL hashtag row, GeoJSON and XLSX.

The caller passes a queryset already narrowed by ``visible`` and by the user's filters, so an
export holds exactly the rows the list shows, never more. Rows are read as columns
(``values_list``, ``iterator``), not as model instances, and written as they are read: the
actors, sources and missions of each batch of rows come in three queries per batch, so memory
stays flat however large the selection and there is no query per incident.

HXL (Humanitarian Exchange Language, https://hxlstandard.org): the second line of the CSV tags
each column so HXL tools (libhxl, HDX) recognise dates, places, event types and counts.
"""

import json
import shutil
import tempfile
from collections import defaultdict

from django.db.models import Max
from django.http import FileResponse, StreamingHttpResponse

from peaceops.accounts.access import access_for
from peaceops.core.classification import Classification
from peaceops.core.hxl_csv import hxl_csv_lines
from peaceops.core.spreadsheet_safety import safe_row
from peaceops.incidents.models import Incident, IncidentActor, IncidentSource
from peaceops.incidents.taxonomy import Category

# The columns read from the incident row (and the rows it points to) in one query, in this order.
FIELDS = [
    "id", "dataset", "external_id", "start_date", "end_date", "date_precision", "country__iso3", "country__name",
    "admin1", "admin2", "admin_area__pcode", "location", "latitude", "longitude", "geo_precision", "category",
    "source_category", "deaths_best", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "deaths_low",
    "deaths_high", "injured", "abducted", "description", "status", "classification", "owning_mission__acronym",
    "duplicate_of_id", "duplicate_of__owning_mission_id", "duplicate_of__classification",
]
_AT = {name: position for position, name in enumerate(FIELDS)}


def _field(name):
    position = _AT[name]
    return lambda row, links: row[position]


def _text(name):
    position = _AT[name]
    return lambda row, links: row[position] or ""


def _iso(name):
    position = _AT[name]
    return lambda row, links: row[position].isoformat()


def _coordinate(name):
    position = _AT[name]
    return lambda row, links: "" if row[position] is None else row[position]


def _actors(side):
    return lambda row, links: "; ".join(links.actors[row[0]][side])


def _labels():
    """Per-language labels, looked up once per export rather than once per row."""
    return ({c.value: str(c.label) for c in Category}, {c.value: str(c.label) for c in Classification})


# (header, HXL hashtag, how to read the value from a row and its batch's links). The best estimate of
# deaths comes before the deaths by party: HXL tools answer a query for #affected+killed with the first match.
COLUMNS = [
    ("id", "#event+id", _field("id")),
    ("dataset", "#meta+dataset", _field("dataset")),
    ("external_id", "#meta+id", _field("external_id")),
    ("start_date", "#date+start", _iso("start_date")),
    ("end_date", "#date+end", _iso("end_date")),
    ("date_precision", "#date+precision", _field("date_precision")),
    ("country_iso3", "#country+code", _text("country__iso3")),
    ("country", "#country+name", _text("country__name")),
    ("admin1", "#adm1+name", _field("admin1")),
    ("admin2", "#adm2+name", _field("admin2")),
    ("pcode", "#loc+code", _text("admin_area__pcode")),
    ("location", "#loc+name", _field("location")),
    ("latitude", "#geo+lat", _coordinate("latitude")),
    ("longitude", "#geo+lon", _coordinate("longitude")),
    ("geo_precision", "#geo+precision", _field("geo_precision")),
    ("category", "#event+type", _field("category")),
    ("category_label", "#event+type+label",
     lambda row, links: links.category_labels.get(row[_AT["category"]], row[_AT["category"]])),
    ("source_category", "#event+type+source", _field("source_category")),
    ("side_a", "#org+actor+a", _actors(IncidentActor.Side.A)),
    ("side_b", "#org+actor+b", _actors(IncidentActor.Side.B)),
    ("targets", "#org+target", _actors(IncidentActor.Side.TARGET)),
    ("deaths_best", "#affected+killed", _field("deaths_best")),
    ("deaths_a", "#affected+killed+side_a", _field("deaths_a")),
    ("deaths_b", "#affected+killed+side_b", _field("deaths_b")),
    ("deaths_civilians", "#affected+killed+civilians", _field("deaths_civilians")),
    ("deaths_unknown", "#affected+killed+unknown", _field("deaths_unknown")),
    ("deaths_low", "#affected+killed+min", _field("deaths_low")),
    ("deaths_high", "#affected+killed+max", _field("deaths_high")),
    ("injured", "#affected+injured", _field("injured")),
    ("abducted", "#affected+abducted", _field("abducted")),
    ("description", "#description", _field("description")),
    ("sources", "#meta+source", lambda row, links: "; ".join(links.sources[row[0]])),
    ("status", "#status", _field("status")),
    ("classification", "#meta+classification",
     lambda row, links: links.classification_labels[row[_AT["classification"]]]),
    ("owning_mission", "#org+mission", _text("owning_mission__acronym")),
    ("missions", "#org+mission+area", lambda row, links: " ".join(links.missions[row[0]])),
    ("duplicate_of", "#event+id+duplicate_of", lambda row, links: links.readable_master(row)),
]
HEADERS = [name for name, _tag, _read in COLUMNS]
HXL_TAGS = [tag for _name, tag, _read in COLUMNS]
CHUNK = 2000
# Ids per query for a batch's actors, sources and missions: under SQLite's default limit of 999 parameters.
BATCH = 900


class _Links:
    """What a batch of rows needs besides its own columns: actors, sources and missions by incident id."""

    def __init__(self, access, category_labels, classification_labels):
        self.access = access
        self.category_labels = category_labels
        self.classification_labels = classification_labels
        self.actors = {}
        self.sources = {}
        self.missions = {}

    def load(self, ids):
        actors = defaultdict(lambda: defaultdict(list))
        for incident_id, side, name in (IncidentActor.objects.filter(incident_id__in=ids).order_by("id")
                                        .values_list("incident_id", "side", "actor__name")):
            actors[incident_id][side].append(name)
        sources = defaultdict(list)
        for incident_id, name, reliability, credibility in (
                IncidentSource.objects.filter(incident_id__in=ids).order_by("incident_id", "reliability", "credibility")
                .values_list("incident_id", "name", "reliability", "credibility")):
            sources[incident_id].append(f"{name} ({reliability}{credibility})")
        missions = defaultdict(list)
        for incident_id, acronym in (Incident.missions.through.objects.filter(incident_id__in=ids)
                                     .order_by("mission__acronym").values_list("incident_id", "mission__acronym")):
            missions[incident_id].append(acronym)
        self.actors, self.sources, self.missions = actors, sources, missions

    def readable_master(self, row):
        """A link to a master report the user may not read is blanked, so an export never confirms it exists."""
        master = row[_AT["duplicate_of_id"]]
        if master is None:
            return ""
        readable = self.access.can_read(row[_AT["duplicate_of__owning_mission_id"]],
                                        row[_AT["duplicate_of__classification"]])
        return master if readable else ""


def records(queryset, user):
    """Yield each incident of ``queryset`` as its list of cells, in the order of ``COLUMNS``."""
    links = _Links(access_for(user), *_labels())
    rows = queryset.prefetch_related(None).values_list(*FIELDS).iterator(chunk_size=CHUNK)
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) == BATCH:
            yield from _cells(batch, links)
            batch = []
    if batch:
        yield from _cells(batch, links)


def _cells(batch, links):
    links.load([row[0] for row in batch])
    for row in batch:
        yield [read(row, links) for _name, _tag, read in COLUMNS]


def csv_lines(queryset, user):
    """Yield the CSV as text: a header row, the HXL hashtag row, then one row per incident."""
    return hxl_csv_lines(HEADERS, HXL_TAGS, records(queryset, user), lambda cells: cells)


_LAT, _LON = HEADERS.index("latitude"), HEADERS.index("longitude")
_PROPERTIES = [(position, name) for position, name in enumerate(HEADERS) if name not in ("latitude", "longitude")]


def geojson_chunks(queryset, user, every: int = 200):
    """Yield a GeoJSON FeatureCollection piece by piece; incidents without coordinates get a null geometry."""
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    yield '{"type": "FeatureCollection", "features": ['
    pieces = []
    for count, cells in enumerate(records(queryset, user)):
        geometry = None
        if cells[_LAT] != "" and cells[_LON] != "":
            geometry = {"type": "Point", "coordinates": [cells[_LON], cells[_LAT]]}
        feature = {"type": "Feature", "id": cells[0], "geometry": geometry,
                   "properties": {name: cells[position] for position, name in _PROPERTIES}}
        pieces.append(("," if count else "") + dumps(feature))
        if len(pieces) == every:
            yield "".join(pieces)
            pieces = []
    # the document's marking (the highest level of its features) as foreign members of the collection
    # (RFC 7946 §6.1), written last: a stream knows it only once every row has been read
    level = highest_classification(queryset)
    marking = str(Classification(level).label).upper()
    yield "".join(pieces) + f'], "classification": {level}, "marking": {dumps(marking)}}}'


def highest_classification(queryset) -> int:
    """The highest classification among the rows: the marking of the document as a whole."""
    return queryset.order_by().aggregate(level=Max("classification"))["level"] or 0


def xlsx_file(queryset, user):
    """The export as an XLSX workbook in a temporary file (open, positioned at its start).

    openpyxl's write-only mode writes each row to the sheet as it comes; the workbook's header and
    footer on every printed page, and its first row, carry the highest classification of the content
    (as report exports mark theirs), and each row its own level.
    """
    from openpyxl import Workbook

    marking = str(Classification(highest_classification(queryset)).label).upper()
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("incidents")
    sheet.oddHeader.center.text = marking
    sheet.oddFooter.center.text = marking
    sheet.append([marking])
    sheet.append(HEADERS)
    sheet.append(HXL_TAGS)
    for cells in records(queryset, user):
        sheet.append(safe_row(cells))
    handle = tempfile.TemporaryFile(prefix="peaceops-export-", suffix=".xlsx")
    workbook.save(handle)
    handle.seek(0)
    return handle


XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = {
    "csv": ("text/csv; charset=utf-8", csv_lines),
    "geojson": ("application/geo+json", geojson_chunks),
    "xlsx": (XLSX_TYPE, None),
}


def write_export(queryset, user, fmt: str, handle) -> None:
    """The export written whole to the binary file ``handle`` (a background job's output): the same content,
    marking included, as the download of the same selection."""
    if fmt == "xlsx":
        with xlsx_file(queryset, user) as workbook:
            shutil.copyfileobj(workbook, handle)
        return
    for chunk in FORMATS[fmt][1](queryset, user):
        handle.write(chunk.encode())


def streaming_export(queryset, user, fmt: str, filename: str = "incidents"):
    """A download of ``queryset`` (already visible-filtered for ``user``) as ``csv``, ``geojson`` or ``xlsx``."""
    content_type, chunks = FORMATS[fmt]
    if fmt == "xlsx":
        # A zip cannot be streamed before it is whole: the workbook is written to a temporary file, which
        # is sent in blocks and deleted when closed.
        response = FileResponse(xlsx_file(queryset, user), content_type=content_type)
    else:
        response = StreamingHttpResponse(chunks(queryset, user), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
