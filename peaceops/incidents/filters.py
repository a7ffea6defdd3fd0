"""The one set of incident filters, shared by the API, the list page, the map data and the exports.

Filters only narrow a queryset the caller has already passed through ``visible``; they never
widen it. Relations (actor, mission) are compared as plain ids or acronyms, never looked up,
so a filter naming a hidden record answers the same empty list as one naming nothing.
Relations are matched with ``id__in`` sub-queries rather than joins, so no row is repeated and
no DISTINCT is needed (the map reads 100,000 rows through these filters).

An actor is named by id or by name: a name matches only through the links of the incidents already
narrowed, so typing the name of an actor known only from hidden reports finds nothing, exactly as a name
that exists nowhere. The free-text ``q`` reads the same way: only the readable rows' own words.
"""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from peaceops.core.classification import Classification
from peaceops.core.query import is_id
from peaceops.incidents.models import Incident, IncidentActor, IncidentSource
from peaceops.incidents.taxonomy import Category


class BBoxField(forms.CharField):
    """``min_lon,min_lat,max_lon,max_lat`` as GeoJSON and most map tools write a bounding box."""

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        try:
            west, south, east, north = (float(part) for part in value.split(","))
        except ValueError:
            raise forms.ValidationError(_("Give the box as min_lon,min_lat,max_lon,max_lat.")) from None
        if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
            raise forms.ValidationError(_("The box lies outside the globe or its south edge is north of its north."))
        return west, south, east, north


@extend_schema_field(OpenApiTypes.STR)
class BBoxFilter(django_filters.Filter):
    field_class = BBoxField

    def filter(self, queryset, value):
        if not value:
            return queryset
        west, south, east, north = value
        inside = Q(latitude__gte=south, latitude__lte=north)
        if west <= east:
            inside &= Q(longitude__gte=west, longitude__lte=east)
        else:  # a box across the antimeridian
            inside &= Q(longitude__gte=west) | Q(longitude__lte=east)
        return queryset.filter(inside)


# A search is a handful of words; more only lengthens the SQL (each word is one OR of LIKEs).
MAX_SEARCH_WORDS = 8
MAX_SEARCH_LENGTH = 200


def search_words(text: str) -> list[str]:
    """The words of a free-text search, each to be found somewhere in a record (all of them: AND)."""
    return (text or "")[:MAX_SEARCH_LENGTH].split()[:MAX_SEARCH_WORDS]


def text_match(word: str) -> Q:
    """Incidents whose description, place names, country, actors or sources contain ``word``.

    ``icontains`` is LIKE on SQLite and UPPER(...) LIKE UPPER(...) on PostgreSQL: case-insensitive on
    both without an extension; actors and sources through sub-queries, so no row repeats.
    """
    actors = IncidentActor.objects.filter(actor__name__icontains=word).values("incident_id")
    sources = IncidentSource.objects.filter(name__icontains=word).values("incident_id")
    return (Q(description__icontains=word) | Q(location__icontains=word) | Q(admin1__icontains=word)
            | Q(admin2__icontains=word) | Q(country__name__icontains=word) | Q(id__in=actors)
            | Q(id__in=sources))


def nothing(queryset):
    """No row, as a condition the map's SQL can still be compiled from (``none()`` cannot be)."""
    return queryset.filter(pk__isnull=True)


class IncidentFilter(django_filters.FilterSet):
    start = django_filters.DateFilter(field_name="end_date", lookup_expr="gte", label=_("from"),
                                      help_text=_("Incidents still going on or after this day."))
    end = django_filters.DateFilter(field_name="start_date", lookup_expr="lte", label=_("to"),
                                    help_text=_("Incidents that started on or before this day."))
    category = django_filters.MultipleChoiceFilter(choices=Category.choices, label=_("category"))
    q = django_filters.CharFilter(method="filter_text", label=_("search"),
                                  help_text=_("Words found in the description, place, country, actors or sources."))
    actor = django_filters.CharFilter(method="filter_actor", label=_("actor"),
                                      help_text=_("An actor's name (or part of it), or its id."))
    mission = django_filters.CharFilter(method="filter_mission", label=_("mission (acronym or id)"),
                                        help_text=_("Incidents owned by the mission or in its area."))
    country = django_filters.CharFilter(field_name="country__iso3", lookup_expr="iexact", label=_("country (ISO3)"))
    admin1 = django_filters.CharFilter(field_name="admin1", lookup_expr="iexact", label=_("admin 1"))
    status = django_filters.MultipleChoiceFilter(choices=Incident.Status.choices, label=_("status"))
    # The empty "any" choice comes first, so that a filter form sent unchanged hides nothing (a select
    # without it sends its first level, unclassified, and so hid every confidential record).
    classification = django_filters.TypedChoiceFilter(choices=[("", _("any")), *Classification.choices], coerce=int,
                                                      empty_value=None, label=_("classification"))
    dataset = django_filters.CharFilter(field_name="dataset", label=_("dataset"))
    bbox = BBoxFilter(label=_("box (min_lon,min_lat,max_lon,max_lat)"))

    class Meta:
        model = Incident
        fields = ["q", "start", "end", "category", "actor", "mission", "country", "admin1", "status", "classification",
                  "dataset", "bbox"]

    def filter_text(self, queryset, name, value):
        for word in search_words(value):
            queryset = queryset.filter(text_match(word))
        return queryset

    def filter_actor(self, queryset, name, value):
        value = " ".join((value or "").split())[:MAX_SEARCH_LENGTH]
        if not value:
            return queryset
        if value.lstrip("-").isdigit():
            if not is_id(value):  # 0, negative or past the 64-bit keys: no actor has that id
                return nothing(queryset)
            links = IncidentActor.objects.filter(actor_id=int(value))
        else:
            links = IncidentActor.objects.filter(actor__name__icontains=value)
        return queryset.filter(id__in=links.values("incident_id"))

    def filter_mission(self, queryset, name, value):
        value = (value or "").strip()
        if not value:
            return queryset
        if value.isdigit() and not is_id(value):  # past the 64-bit keys: no mission has that id
            return nothing(queryset)
        key = {"mission_id": int(value)} if value.isdigit() else {"mission__acronym__iexact": value}
        owner = {"owning_mission_id": int(value)} if value.isdigit() else {"owning_mission__acronym__iexact": value}
        in_area = Incident.missions.through.objects.filter(**key).values("incident_id")
        return queryset.filter(Q(**owner) | Q(id__in=in_area))
