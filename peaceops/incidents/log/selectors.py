"""Reads behind the incident log, its pages, the map and the exports.

Every incident query starts from :func:`incidents_for`, which narrows by
peaceops.accounts.access.visible: a record the user may not read is absent from lists, details,
search results, filters, exports and the map data alike.
"""

from datetime import date
from operator import itemgetter

from django.db import connections
from django.db.models import CharField, Prefetch, Q
from django.db.models.functions import Cast

from peaceops.accounts.access import visible
from peaceops.accounts.history import readable_history
from peaceops.incidents.models import Actor, Incident, IncidentActor
from peaceops.incidents.taxonomy import Category
from peaceops.registry import selectors as registry_selectors
from peaceops.registry.models import AdminArea, Mission

# The map sends days as integers counted from this day (compact, and JS turns them into dates).
MAP_EPOCH = date(1970, 1, 1)
MAP_EPOCH_ORDINAL = MAP_EPOCH.toordinal()
CATEGORY_KEYS = [c.value for c in Category]
CATEGORY_INDEX = {key: index for index, key in enumerate(CATEGORY_KEYS)}


def incidents_for(user):
    """Every incident ``user`` may read (the start of every other read)."""
    return visible(Incident.objects.all(), user)


def incident_list(user, filterset_class=None, params=None):
    """Incidents for list pages and exports: readable, filtered by ``params``, with what rows show."""
    queryset = incidents_for(user).select_related("country", "owning_mission")
    if filterset_class is not None:
        queryset = filterset_class(params or {}, queryset=queryset).qs
    return queryset


def incident_detail(user, pk) -> Incident | None:
    """One readable incident with its actors, sources, area missions and readable duplicates."""
    readable = incidents_for(user)
    return (
        readable.filter(pk=pk)
        .select_related("country", "owning_mission", "admin_area", "duplicate_of", "created_by")
        .prefetch_related(
            Prefetch("actor_links", IncidentActor.objects.select_related("actor").order_by("side", "actor__name")),
            "sources",
            "missions",
            Prefetch("duplicates", readable.order_by("start_date", "id"), to_attr="readable_duplicates"),
        )
        .first()
    )


def readable_master(user, incident):
    """The report this one duplicates, if the user may read it (else None: it must not leak)."""
    if incident.duplicate_of_id is None:
        return None
    return incidents_for(user).filter(pk=incident.duplicate_of_id).first()


def incident_history(user, incident) -> list[dict]:
    """Every version of ``incident`` the user may read, newest first (see peaceops.accounts.history)."""
    return readable_history(user, incident)


def actors_for(user):
    """Actors named in at least one readable incident, or in none yet (newly entered).

    An actor known only from incidents the user may not read stays hidden, so the list of
    actors does not reveal what a confidential report of another mission is about.
    """
    linked = IncidentActor.objects.values("actor_id")
    readable_links = IncidentActor.objects.filter(incident__in=incidents_for(user)).values("actor_id")
    return Actor.objects.exclude(id__in=linked.exclude(actor_id__in=readable_links))


SUGGESTIONS = 20


def unknown_actor_names(user, names) -> list[str]:
    """Those of ``names`` that are no name or alias (case-insensitive) of an actor the user may know of.

    An actor known only from reports the user may not read counts as unknown, as in
    log.services.actor_named: confirming it exists would reveal what a hidden report is about.
    """
    wanted = {}
    for name in names:
        wanted.setdefault(" ".join(name.split()).lower(), " ".join(name.split()))
    if not wanted:
        return []
    readable = actors_for(user)
    # name__iexact one by one, as actor_named matches: the same answer on SQLite and PostgreSQL.
    known = {key for key, name in wanted.items() if readable.filter(name__iexact=name).exists()}
    if len(known) < len(wanted):
        for aliases in readable.exclude(aliases=[]).values_list("aliases", flat=True):
            known.update(str(alias).lower() for alias in aliases or [])
    return [wanted[key] for key in wanted if key not in known]


def incidents_by_ids(user, ids):
    """The selected reports the user may read (a hidden or absent id simply selects nothing)."""
    return incidents_for(user).filter(pk__in=list(ids)).select_related("country", "owning_mission")


def actor_suggestions(user, text: str, limit: int = SUGGESTIONS) -> list[dict]:
    """Actors the user may know of whose name or an alias contains ``text`` (the pickers' type-ahead)."""
    text = " ".join((text or "").split())[:100]
    if not text:
        return []
    found = actors_for(user).filter(Q(name__icontains=text) | Q(aliases__icontains=text)).order_by("name")
    return [{"id": a.id, "name": a.name, "kind": a.get_kind_display()} for a in found[:limit]]


def place_suggestions(user, text: str, limit: int = SUGGESTIONS) -> list[dict]:
    """Admin areas by name or P-code (reference data, unclassified), with the country they lie in."""
    text = " ".join((text or "").split())[:100]
    if not text:
        return []
    return [{"pcode": a.pcode, "name": a.name, "level": a.level, "country": a.country.iso3,
             "label": f"{a.name} ({a.pcode})"} for a in registry_selectors.places_search(user, text, limit)]


def place_for_pcode(pcode: str) -> dict | None:
    """What the entry form fills from a P-code: the area, its country, admin-1/2 names, a centre."""
    area = AdminArea.objects.select_related("country", "parent", "parent__parent").filter(
        pcode__iexact=pcode.strip()).first()
    if area is None:
        return None
    chain = [area]
    while chain[-1].parent_id is not None and len(chain) < 6:
        chain.append(chain[-1].parent)
    by_level = {a.level: a for a in chain}
    return {
        "admin_area": area.id,
        "pcode": area.pcode,
        "name": area.name,
        "level": area.level,
        "country": area.country.iso3,
        "country_name": area.country.name,
        "admin1": by_level[1].name if 1 in by_level else "",
        "admin2": by_level[2].name if 2 in by_level else "",
        "latitude": area.centroid_lat,
        "longitude": area.centroid_lon,
    }


def mission_spans():
    """Missions with their host countries, as the area rule (incidents.areas) needs them."""
    return Mission.objects.prefetch_related("host_countries")


def map_columns(queryset) -> dict:
    """Parallel arrays ``id, lat, lon, cat`` (category index), ``day`` (days since MAP_EPOCH).

    For incidents with coordinates only. The map reads 100,000 rows in one request, so this runs
    the ORM's own SQL on the cursor (no model instances, no per-row field converters) and
    transposes the rows into columns, which JSON encodes faster and smaller than rows.
    """
    # The day as text: SQLite's driver would otherwise parse 100,000 dates one by one in Python.
    rows = (queryset.filter(latitude__isnull=False, longitude__isnull=False).order_by()
            .annotate(day_text=Cast("start_date", output_field=CharField(max_length=10)))
            .values_list("id", "latitude", "longitude", "category", "day_text"))
    sql, params = rows.query.sql_with_params()
    with connections[rows.db].cursor() as cursor:
        cursor.execute(sql, params)
        fetched = cursor.fetchall()
    if not fetched:
        return {"id": [], "lat": [], "lon": [], "cat": [], "day": []}
    ids, lats, lons, cats, days = (list(map(itemgetter(k), fetched)) for k in range(5))  # faster than zip(*rows)
    # A store holds a few thousand distinct days and eleven categories: translate each once.
    day_numbers = {text: date.fromisoformat(text[:10]).toordinal() - MAP_EPOCH_ORDINAL for text in set(days)}
    other = CATEGORY_INDEX[Category.OTHER]
    cat_numbers = {key: CATEGORY_INDEX.get(key, other) for key in set(cats)}
    return {"id": ids, "lat": lats, "lon": lons, "cat": [cat_numbers[c] for c in cats],
            "day": [day_numbers[d] for d in days]}
