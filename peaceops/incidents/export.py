"""Streaming exports of a filtered selection of incidents: CSV with an HXL hashtag row, and GeoJSON.

The caller passes a queryset already narrowed by ``visible`` and by the user's filters, so an
export holds exactly the rows the list shows, never more. Rows are written as they are read
(``iterator``), so memory stays flat however large the selection.

HXL (Humanitarian Exchange Language, https://hxlstandard.org): the second line of the CSV tags
each column so HXL tools (libhxl, HDX) recognise dates, places, event types and counts.
"""

import json

from django.db.models import Prefetch
from django.http import StreamingHttpResponse

from peaceops.accounts.access import access_for
from peaceops.core.classification import Classification
from peaceops.core.hxl_csv import hxl_csv_lines
from peaceops.incidents.models import IncidentActor

# (header, HXL hashtag, how to read the value from an incident). The best estimate of deaths comes
# before the deaths by party: HXL tools answer a query for #affected+killed with the first match.
COLUMNS = [
    ("id", "#event+id", lambda i: i.pk),
    ("dataset", "#meta+dataset", lambda i: i.dataset),
    ("external_id", "#meta+id", lambda i: i.external_id),
    ("start_date", "#date+start", lambda i: i.start_date.isoformat()),
    ("end_date", "#date+end", lambda i: i.end_date.isoformat()),
    ("date_precision", "#date+precision", lambda i: i.date_precision),
    ("country_iso3", "#country+code", lambda i: i.country.iso3 if i.country else ""),
    ("country", "#country+name", lambda i: i.country.name if i.country else ""),
    ("admin1", "#adm1+name", lambda i: i.admin1),
    ("admin2", "#adm2+name", lambda i: i.admin2),
    ("pcode", "#loc+code", lambda i: i.admin_area.pcode if i.admin_area else ""),
    ("location", "#loc+name", lambda i: i.location),
    ("latitude", "#geo+lat", lambda i: "" if i.latitude is None else i.latitude),
    ("longitude", "#geo+lon", lambda i: "" if i.longitude is None else i.longitude),
    ("geo_precision", "#geo+precision", lambda i: i.geo_precision),
    ("category", "#event+type", lambda i: i.category),
    ("category_label", "#event+type+label", lambda i: str(i.get_category_display())),
    ("source_category", "#event+type+source", lambda i: i.source_category),
    ("side_a", "#org+actor+a", lambda i: _actors(i, IncidentActor.Side.A)),
    ("side_b", "#org+actor+b", lambda i: _actors(i, IncidentActor.Side.B)),
    ("targets", "#org+target", lambda i: _actors(i, IncidentActor.Side.TARGET)),
    ("deaths_best", "#affected+killed", lambda i: i.deaths_best),
    ("deaths_a", "#affected+killed+side_a", lambda i: i.deaths_a),
    ("deaths_b", "#affected+killed+side_b", lambda i: i.deaths_b),
    ("deaths_civilians", "#affected+killed+civilians", lambda i: i.deaths_civilians),
    ("deaths_unknown", "#affected+killed+unknown", lambda i: i.deaths_unknown),
    ("deaths_low", "#affected+killed+min", lambda i: i.deaths_low),
    ("deaths_high", "#affected+killed+max", lambda i: i.deaths_high),
    ("injured", "#affected+injured", lambda i: i.injured),
    ("abducted", "#affected+abducted", lambda i: i.abducted),
    ("description", "#description", lambda i: i.description),
    ("sources", "#meta+source", lambda i: "; ".join(f"{s.name} ({s.grade})" for s in i.sources.all())),
    ("status", "#status", lambda i: i.status),
    ("classification", "#meta+classification", lambda i: str(Classification(i.classification).label)),
    ("owning_mission", "#org+mission", lambda i: i.owning_mission.acronym if i.owning_mission else ""),
    ("missions", "#org+mission+area", lambda i: " ".join(m.acronym for m in i.missions.all())),
    ("duplicate_of", "#event+id+duplicate_of", lambda i: i.readable_master_id or ""),
]
HEADERS = [name for name, _tag, _read in COLUMNS]
HXL_TAGS = [tag for _name, tag, _read in COLUMNS]
CHUNK = 2000


def _actors(incident, side) -> str:
    return "; ".join(link.actor.name for link in incident.actor_links.all() if link.side == side)


def _rows(queryset, user):
    """Model instances with what the columns read, fetched CHUNK rows at a time.

    A link to a master report the user may not read is blanked (``readable_master_id``), so an
    export never confirms that a hidden report exists.
    """
    access = access_for(user)
    rows = (
        queryset.select_related("country", "owning_mission", "admin_area", "duplicate_of")
        .prefetch_related(None)
        .prefetch_related(Prefetch("actor_links", IncidentActor.objects.select_related("actor")), "sources",
                          "missions")
        .iterator(chunk_size=CHUNK)
    )
    for incident in rows:
        master = incident.duplicate_of
        readable = master is not None and access.can_read(master.owning_mission_id, master.classification)
        incident.readable_master_id = master.pk if readable else None
        yield incident


def csv_lines(queryset, user):
    """Yield the CSV as text: a header row, the HXL hashtag row, then one row per incident."""
    return hxl_csv_lines(HEADERS, HXL_TAGS, _rows(queryset, user),
                         lambda incident: [read(incident) for _name, _tag, read in COLUMNS])


def _properties(incident) -> dict:
    properties = {name: read(incident) for name, _tag, read in COLUMNS if name not in ("latitude", "longitude")}
    properties["deaths_best"] = incident.deaths_best
    return properties


def geojson_chunks(queryset, user):
    """Yield a GeoJSON FeatureCollection piece by piece; incidents without coordinates get a null geometry."""
    yield '{"type": "FeatureCollection", "features": ['
    for count, incident in enumerate(_rows(queryset, user)):
        geometry = None
        if incident.latitude is not None and incident.longitude is not None:
            geometry = {"type": "Point", "coordinates": [incident.longitude, incident.latitude]}
        feature = {"type": "Feature", "id": incident.pk, "geometry": geometry, "properties": _properties(incident)}
        yield ("," if count else "") + json.dumps(feature, ensure_ascii=False)
    yield "]}"


FORMATS = {
    "csv": ("text/csv; charset=utf-8", csv_lines),
    "geojson": ("application/geo+json", geojson_chunks),
}


def streaming_export(queryset, user, fmt: str, filename: str = "incidents") -> StreamingHttpResponse:
    """A download of ``queryset`` (already visible-filtered for ``user``) as ``csv`` or ``geojson``."""
    content_type, chunks = FORMATS[fmt]
    response = StreamingHttpResponse(chunks(queryset, user), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
