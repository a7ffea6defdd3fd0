"""Reads behind the shell's pages. Every query passes through peaceops.accounts.access.visible.

Historical models (django-simple-history) copy the classification and mission columns of the
record, so history rows are narrowed with the same filter; in addition a change is shown only
while the record itself is still readable (a record reclassified upwards must not leak through
its older, lower-classified versions) or no longer exists.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Prefetch, Q
from django.utils.translation import gettext_lazy as _

from peaceops.accounts.access import visible
from peaceops.accounts.models import Grant
from peaceops.core import clock
from peaceops.core.classification import Classification
from peaceops.registry.models import (
    AdminArea,
    Assignment,
    Component,
    Country,
    Hat,
    Mission,
    MissionArea,
    MissionResolution,
    Person,
    Post,
)

# Seed 004 ch. 1 and DESIGN.md ("mission leadership: SRSG, DSRSGs, FC, PC, CoS, DMS").
LEADERSHIP_FUNCTIONS = (
    Post.Function.SRSG, Post.Function.JSR, Post.Function.DSRSG, Post.Function.FORCE_COMMANDER,
    Post.Function.POLICE_COMMISSIONER, Post.Function.CHIEF_OF_STAFF, Post.Function.DIRECTOR_SUPPORT,
)
RECENT_CHANGES = 15


@dataclass
class CountRow:
    classification: int
    label: str
    components: int = 0
    posts: int = 0
    people: int = 0


@dataclass
class Change:
    when: object
    who: str
    kind: str  # "+" created, "~" changed, "-" deleted (simple_history's history_type)
    what: str  # the model's verbose name
    label: str
    classification: int
    mission: str = ""


@dataclass
class Dashboard:
    missions: list = field(default_factory=list)
    counts: list[CountRow] = field(default_factory=list)
    leadership: list = field(default_factory=list)
    host_countries: list = field(default_factory=list)
    resolutions: list = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)


def structure_counts(user, mission_ids) -> list[CountRow]:
    """Components, posts and people of the missions per classification, counting only what the user may read."""
    rows = {level: CountRow(level, Classification(level).label) for level in Classification.values}
    sources = (
        ("components", Component.objects.filter(mission_id__in=mission_ids)),
        ("posts", Post.objects.filter(mission_id__in=mission_ids)),
        ("people", Person.objects.filter(owning_mission_id__in=mission_ids)),
    )
    for column, queryset in sources:
        for row in visible(queryset, user).values("classification").annotate(n=Count("id")).order_by():
            setattr(rows[row["classification"]], column, row["n"])
    return list(rows.values())


def leadership_posts(user, mission_ids, on: date | None = None):
    """Leadership posts with their readable hats and their holders on the day (``post.visible_hats``,
    ``post.holders``): the dashboard's day, the scenario's in a demo, else a scenario's leaders show as vacant."""
    on = on or clock.today()
    hats = visible(Hat.objects.select_related("on_behalf_of"), user)
    current = (Q(end_date__isnull=True) | Q(end_date__gte=on)) & (Q(start_date__isnull=True) | Q(start_date__lte=on))
    people = visible(Person.objects.all(), user)
    assignments = visible(Assignment.objects.filter(current, person__in=people), user).select_related("person")
    posts = visible(Post.objects.filter(mission_id__in=mission_ids, function__in=LEADERSHIP_FUNCTIONS), user)
    return list(
        posts.select_related("mission", "component")
        .prefetch_related(Prefetch("hats", hats, to_attr="visible_hats"),
                          Prefetch("assignments", assignments, to_attr="holders"))
        .order_by("mission__acronym", "function", "title")
    )


def host_countries(mission_ids):
    return list(Country.objects.filter(missions__id__in=mission_ids).distinct().order_by("name"))


def mandating_resolutions(mission_ids):
    links = MissionResolution.objects.filter(mission_id__in=mission_ids).select_related("resolution", "mission")
    return list(links.order_by("-resolution__adopted_on", "resolution__number"))


# Model, its name on the page, the mission column on the historical row, and how to label a row
# from its own columns only (never through a relation, which may point at a record of a higher
# classification than the row itself).
_HISTORY_SOURCES = (
    (Component, _("Component"), "mission", lambda h: h.name),
    (Post, _("Post"), "mission", lambda h: h.title),
    (Person, _("Person"), "owning_mission", lambda h: h.name),
    (Hat, _("Hat"), "post__mission", lambda h: h.get_role_display()),
    (Assignment, _("Assignment"), "post__mission", lambda h: ""),
)


def _history_of(model, mission_field, user, mission_ids, limit):
    history = model.history.filter(**{f"{mission_field}__in": mission_ids})
    history = visible(history, user, mission_field=mission_field)
    readable_now = visible(model.objects.all(), user).values("id")
    deleted = ~Q(id__in=model.objects.values("id"))
    return history.filter(Q(id__in=readable_now) | deleted).select_related("history_user")[:limit]


def recent_changes(user, mission_ids, limit: int = RECENT_CHANGES) -> list[Change]:
    """The latest history entries of records in these missions that the user may read, newest first."""
    changes = []
    for model, name, mission_field, label in _HISTORY_SOURCES:
        for row in _history_of(model, mission_field, user, mission_ids, limit):
            changes.append(Change(
                when=row.history_date, who=row.history_user.get_username() if row.history_user else "",
                kind=row.history_type, what=str(name), label=label(row),
                classification=row.classification,
            ))
    for row in Mission.history.filter(id__in=mission_ids).select_related("history_user")[:limit]:
        changes.append(Change(
            when=row.history_date, who=row.history_user.get_username() if row.history_user else "",
            kind=row.history_type, what=str(_("Mission")), label=row.acronym,
            classification=Classification.UNCLASSIFIED,
        ))
    changes.sort(key=lambda change: change.when, reverse=True)
    return changes[:limit]


def roles_in_scope(user, mission_ids) -> set[str]:
    """The roles the user holds over the scope: through a grant on one of its missions, on a region holding
    one of them, or system-wide (a superuser is an administrator). They choose the dashboard's boards."""
    if not getattr(user, "is_authenticated", False):
        return set()
    if user.is_superuser:
        return {"administrator"}
    over_scope = (Q(mission_id__in=mission_ids) | Q(region__missions__id__in=mission_ids)
                  | Q(mission__isnull=True, region__isnull=True))
    return set(Grant.objects.filter(over_scope, user=user).values_list("role", flat=True).distinct())


def dashboard(user, mission_ids, day: date | None = None) -> Dashboard:
    """Everything the home page shows for the missions of the current scope, on ``day`` (default: the clock's)."""
    return Dashboard(
        missions=list(Mission.objects.filter(id__in=mission_ids).order_by("acronym")),
        counts=structure_counts(user, mission_ids),
        leadership=leadership_posts(user, mission_ids, on=day),
        host_countries=host_countries(mission_ids),
        resolutions=mandating_resolutions(mission_ids),
        changes=recent_changes(user, mission_ids),
    )


# --- map -----------------------------------------------------------------------------------


def _feature(geometry, **properties) -> dict:
    return {"type": "Feature", "geometry": geometry, "properties": properties}


def map_features(mission_ids, day=None) -> dict:
    """GeoJSON of the missions' headquarters; the countries, admin-1 areas and areas of responsibility of
    the missions sharing a region with them (the neighbours' side of a border is on the map too).

    Missions and countries are unclassified reference records; the caller limits ``mission_ids``
    to missions the user holds a grant for.
    """
    day = day or clock.today()
    features = []
    missions = Mission.objects.filter(id__in=mission_ids).prefetch_related("host_countries").order_by("acronym")
    for mission in missions:
        if mission.hq_lat is not None and mission.hq_lon is not None:
            features.append(_feature({"type": "Point", "coordinates": [mission.hq_lon, mission.hq_lat]},
                                     kind="hq", mission=mission.acronym, name=mission.name,
                                     headquarters=mission.headquarters))
    # The neighbours of the region too: an incident across the border (a released one, say) lies on a map,
    # and whose area it falls in is what the reader needs to see (areas are unclassified reference data).
    region_missions = set(Mission.objects.filter(regions__missions__id__in=mission_ids).values_list("id", flat=True))
    region_missions |= set(mission_ids)
    countries = list(Country.objects.filter(missions__id__in=region_missions).distinct().order_by("name"))
    for country in countries:
        if country.geometry:
            geometry = country.geometry.get("geometry", country.geometry)  # a Feature or a bare geometry
            features.append(_feature(geometry, kind="country", iso3=country.iso3, name=country.name))
    # Admin-1 areas of the host countries and of the countries the missions' areas reach (southern
    # Sudan is UNMIS's, under today's South Sudan shapes), then the mission areas on the day, on top.
    areas = list(MissionArea.objects.filter(mission_id__in=region_missions, valid_from__lte=day)
                 .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=day)).select_related("mission")
                 .order_by("mission__acronym", "kind", "name"))
    reached = {c.pk for c in countries} | set(AdminArea.objects.filter(mission_areas__in=areas)
                                              .values_list("country_id", flat=True))
    for area in AdminArea.objects.filter(country_id__in=reached, level=1, geometry__isnull=False).order_by("pcode"):
        features.append(_feature(area.geometry.get("geometry", area.geometry), kind="admin", pcode=area.pcode,
                                 name=area.name, level=1))
    for area in areas:
        features.append(_feature(area.geometry, kind=area.kind, mission=area.mission.acronym, name=area.name,
                                 valid_from=area.valid_from.isoformat(),
                                 valid_to=area.valid_to.isoformat() if area.valid_to else None))
    return {"type": "FeatureCollection", "features": features}


def host_country(mission_ids, iso3: str):
    """The host country with this code if one of the missions works in it, else None."""
    return Country.objects.filter(missions__id__in=mission_ids, iso3=iso3.upper()).distinct().first()


def admin_area_features(country, level: int, parent_pcode: str = "") -> dict:
    """GeoJSON of a host country's admin areas at one level (shapes, else centroids), for drilling down."""
    areas = AdminArea.objects.filter(country=country, level=level)
    if parent_pcode:
        areas = areas.filter(parent__pcode=parent_pcode)
    features = []
    for area in areas.order_by("pcode"):
        geometry = area.geometry.get("geometry", area.geometry) if area.geometry else None
        if geometry is None and area.centroid_lat is not None and area.centroid_lon is not None:
            geometry = {"type": "Point", "coordinates": [area.centroid_lon, area.centroid_lat]}
        if geometry is not None:
            features.append(_feature(geometry, kind="admin", pcode=area.pcode, name=area.name, level=area.level))
    return {"type": "FeatureCollection", "features": features}
