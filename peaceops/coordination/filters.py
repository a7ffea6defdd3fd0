"""Filters of the coordination API and exports; they only narrow a queryset already passed through ``visible``.

Relations are compared as codes or ids, never looked up, so a filter naming a hidden record
answers the same empty list as one naming nothing.
"""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from peaceops.coordination.models import Activity, FundingStream, Programme
from peaceops.core.query import MAX_ID

# An id filter refuses (as a form error) a number no record can have: past 64 bits SQLite fails to compare it.
ID_RANGE = {"min_value": 1, "max_value": MAX_ID}


class PeriodFilterSet(django_filters.FilterSet):
    """``start``/``end``: records whose period meets [start, end]; an open end counts as still running."""

    start = django_filters.DateFilter(method="filter_start", label=_("from"))
    end = django_filters.DateFilter(method="filter_end", label=_("to"))

    def filter_start(self, queryset, name, value):
        return queryset.filter(Q(end_date__gte=value) | Q(end_date__isnull=True)) if value else queryset

    def filter_end(self, queryset, name, value):
        return queryset.filter(Q(start_date__lte=value) | Q(start_date__isnull=True)) if value else queryset


class ActivityFilter(PeriodFilterSet):
    sector = django_filters.CharFilter(method="filter_sector", label=_("sector code (with its sub-sectors)"))
    country = django_filters.CharFilter(field_name="country__iso3", lookup_expr="iexact", label=_("country (ISO3)"))
    admin_area = django_filters.CharFilter(method="filter_area", label=_("admin area P-code (and the areas in it)"))
    organisation = django_filters.NumberFilter(field_name="organisation_id", label=_("organisation (id)"), **ID_RANGE)
    mission = django_filters.CharFilter(field_name="owning_mission__acronym", lookup_expr="iexact",
                                        label=_("owning mission (acronym)"))
    kind = django_filters.MultipleChoiceFilter(choices=Activity.Kind.choices)
    status = django_filters.MultipleChoiceFilter(choices=Activity.Status.choices)
    dataset = django_filters.CharFilter(field_name="dataset")

    class Meta:
        model = Activity
        fields = ["sector", "country", "admin_area", "organisation", "mission", "kind", "status", "dataset",
                  "start", "end"]

    def filter_sector(self, queryset, name, value):
        value = (value or "").strip().upper()
        if not value:
            return queryset
        return queryset.filter(Q(sector__code=value) | Q(sector__parent__code=value))

    def filter_area(self, queryset, name, value):
        value = (value or "").strip().upper()
        if not value:
            return queryset
        return queryset.filter(Q(admin_area__pcode=value) | Q(admin_area__parent__pcode=value))


class ProgrammeFilter(PeriodFilterSet):
    sector = django_filters.CharFilter(field_name="sector__code", lookup_expr="iexact")
    country = django_filters.CharFilter(field_name="country__iso3", lookup_expr="iexact")
    admin_area = django_filters.CharFilter(field_name="admin_area__pcode", lookup_expr="iexact")
    organisation = django_filters.NumberFilter(field_name="lead_organisation_id", **ID_RANGE)

    class Meta:
        model = Programme
        fields = ["sector", "country", "admin_area", "organisation", "start", "end"]


class FundingStreamFilter(PeriodFilterSet):
    kind = django_filters.MultipleChoiceFilter(choices=FundingStream.Kind.choices)
    sector = django_filters.CharFilter(field_name="programme__sector__code", lookup_expr="iexact")
    country = django_filters.CharFilter(field_name="country__iso3", lookup_expr="iexact")
    admin_area = django_filters.CharFilter(field_name="programme__admin_area__pcode", lookup_expr="iexact")
    organisation = django_filters.NumberFilter(method="filter_organisation", label=_("source or channel (id)"),
                                               **ID_RANGE)
    programme = django_filters.NumberFilter(field_name="programme_id", **ID_RANGE)

    class Meta:
        model = FundingStream
        fields = ["kind", "sector", "country", "admin_area", "organisation", "programme", "start", "end"]

    def filter_organisation(self, queryset, name, value):
        return queryset.filter(Q(source_id=value) | Q(channel_id=value)) if value is not None else queryset
