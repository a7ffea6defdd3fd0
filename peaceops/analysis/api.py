"""REST endpoints of peaceops.analysis under /api/v1/analysis/.

Stored records (viewsets): alert reviews (read; written through the review endpoint), armed groups
(with their incidents and footprint), security levels, forecasts. Computed analyses (paths):
alerts as of a date merged with their reviews, the review action, trends, hotspots and the border
divergences of security levels. Reads go through the selectors (narrowed by access.visible);
writes through the services (rights checked, validated, one transaction).
"""

import datetime as dt

from django.urls import path
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, serializers
from rest_framework.decorators import action, api_view
from rest_framework.response import Response

from peaceops.accounts.roles import Action
from peaceops.accounts.viewsets import SecuredViewSet, VisibleRelationsMixin
from peaceops.analysis import api_fusion, selectors, selectors_alerts, services
from peaceops.analysis.models import AlertReview, ArmedGroup, CountryForecast, SecurityLevel
from peaceops.core import clock
from peaceops.registry.models import Mission

# --- serializers -------------------------------------------------------------------------------------------

class AlertReviewSerializer(serializers.ModelSerializer):
    class Meta:
        model = AlertReview
        fields = ["id", "alert_key", "kind", "country", "admin1", "admin2", "score", "since", "as_of", "evidence_ids",
                  "affected_mission_ids", "notified_mission_ids", "status", "note", "reviewed_by", "reviewed_at",
                  "owning_mission", "classification"]
        read_only_fields = fields


class ArmedGroupSerializer(VisibleRelationsMixin, serializers.ModelSerializer):
    owning_mission = serializers.SlugRelatedField(slug_field="acronym", queryset=Mission.objects.all(),
                                                  required=False, allow_null=True)

    class Meta:
        model = ArmedGroup
        fields = ["id", "name", "acronym", "description", "aliases", "actors", "owning_mission", "classification",
                  "source"]
        read_only_fields = ["actors"]

    def validate_aliases(self, value):
        if not isinstance(value, list) or not all(isinstance(alias, str) and alias.strip() for alias in value):
            raise serializers.ValidationError(_("Give the aliases as a list of names."))
        return value


class SecurityLevelSerializer(VisibleRelationsMixin, serializers.ModelSerializer):
    owning_mission = serializers.SlugRelatedField(slug_field="acronym", queryset=Mission.objects.all())

    class Meta:
        model = SecurityLevel
        fields = ["id", "system", "level", "country", "admin_area", "valid_from", "valid_to", "note",
                  "owning_mission", "classification", "source"]


class CountryForecastSerializer(serializers.ModelSerializer):
    iso3 = serializers.CharField(source="country.iso3", read_only=True)

    class Meta:
        model = CountryForecast
        fields = ["id", "country", "iso3", "month_id", "mean", "median", "p10", "p90", "run_on",
                  "last_history_month", "draws"]


# --- viewsets ----------------------------------------------------------------------------------------------

class AlertReviewViewSet(SecuredViewSet):
    """Decisions on alerts (acknowledged, dismissed, escalated) with their snapshot and history.

    Read-only here: review an alert with ``POST /api/v1/analysis/alerts/review/``.
    """

    write_action = Action.EDIT_ANALYSIS
    queryset = AlertReview.objects.all()
    serializer_class = AlertReviewSerializer
    filterset_fields = ["status", "kind", "owning_mission"]
    ordering_fields = ["as_of", "score", "id"]

    def _read_only(self, request):
        raise exceptions.MethodNotAllowed(request.method, detail=_(
            "Reviews are recorded with POST /api/v1/analysis/alerts/review/."))

    def create(self, request, *args, **kwargs):
        self._read_only(request)

    def update(self, request, *args, **kwargs):
        self.get_object()  # a record the user may not read is not found, as for a missing id
        self._read_only(request)

    def destroy(self, request, *args, **kwargs):
        self.get_object()
        self._read_only(request)


class ArmedGroupViewSet(SecuredViewSet):
    """Armed groups with aliases; their actors are linked by name or alias on every save."""

    write_action = Action.EDIT_ANALYSIS
    queryset = ArmedGroup.objects.prefetch_related("actors")
    serializer_class = ArmedGroupSerializer
    search_fields = ["name", "acronym"]
    ordering_fields = ["name", "id"]

    def perform_create(self, serializer):
        serializer.instance = services.armed_group_create(user=self.request.user, fields=serializer.validated_data)

    def perform_update(self, serializer):
        serializer.instance = services.armed_group_update(user=self.request.user, group=serializer.instance,
                                                          changes=serializer.validated_data,
                                                          expected_etag=self.if_match())

    def perform_destroy(self, instance):
        services.armed_group_delete(user=self.request.user, group=instance, expected_etag=self.if_match())

    @action(detail=True, methods=["get"])
    def incidents(self, request, pk=None):
        """The group's incidents the user may read (ids, dates, places, deaths) and its footprint."""
        group = self.get_object()
        footprint = selectors.group_footprint(request.user, group)
        rows = selectors.group_incidents(request.user, group).values(
            "id", "start_date", "country__iso3", "admin1", "admin2", "category", "deaths_best")
        page = self.paginate_queryset(rows)
        response = self.get_paginated_response([{**row, "country": row.pop("country__iso3")} for row in page])
        response.data["footprint"] = {"countries": footprint.countries, "missions": footprint.missions,
                                      "cross_border": footprint.cross_border, "areas": footprint.areas}
        return response


class SecurityLevelViewSet(SecuredViewSet):
    """Security phases (I-V) and levels (1-6) per area over time, set by a mission (edit_analysis)."""

    write_action = Action.EDIT_ANALYSIS
    queryset = SecurityLevel.objects.select_related("owning_mission")
    serializer_class = SecurityLevelSerializer
    filterset_fields = ["system", "country", "admin_area", "owning_mission"]
    ordering_fields = ["valid_from", "id"]

    def perform_create(self, serializer):
        serializer.instance = services.security_level_set(user=self.request.user,
                                                          level=SecurityLevel(**serializer.validated_data))


class CountryForecastViewSet(SecuredViewSet):
    """Stored country-month forecasts (public data). ``?mission=ACRONYM`` keeps its host countries' latest run."""

    secured = False
    http_method_names = ["get", "head", "options"]
    queryset = CountryForecast.objects.select_related("country")
    serializer_class = CountryForecastSerializer
    filterset_fields = ["country", "month_id", "last_history_month"]
    ordering_fields = ["month_id", "country"]

    def get_queryset(self):
        acronym = self.request.query_params.get("mission")
        if not acronym:
            return super().get_queryset()
        mission = _call(selectors_alerts.mission_for, self.request.user, acronym)
        ids = [f.pk for f in selectors.latest_forecasts(mission.host_countries.values_list("id", flat=True))]
        return super().get_queryset().filter(pk__in=ids)


# --- computed analyses -------------------------------------------------------------------------------------

def _date(request, name: str, default: dt.date | None = None) -> dt.date:
    raw = request.query_params.get(name) if hasattr(request, "query_params") else request.data.get(name)
    if not raw:
        if default is None:
            raise exceptions.ValidationError({name: _("Give a date as YYYY-MM-DD.")})
        return default
    try:
        return dt.date.fromisoformat(str(raw))
    except ValueError:
        raise exceptions.ValidationError({name: _("Give a date as YYYY-MM-DD.")}) from None


def _call(function, *args, **kwargs):
    try:
        return function(*args, **kwargs)
    except selectors_alerts.AnalysisInputError as exc:
        raise exceptions.ValidationError({exc.field: str(exc)}) from None


@extend_schema(parameters=[OpenApiParameter("as_of", str, required=True), OpenApiParameter("country", str),
                           OpenApiParameter("mission", str)])
@api_view(["GET"])
def alerts(request):
    """Early-warning alerts as of a date, from the incidents the user may read, each with its reviews."""
    as_of = _date(request, "as_of")
    found = _call(services.alerts_seen, request.user, as_of,
                  country=request.query_params.get("country") or None,
                  mission=request.query_params.get("mission") or None)
    return Response({"as_of": as_of, "count": len(found), "results": [selectors_alerts.alert_json(a) for a in found]})


class ReviewRequestSerializer(serializers.Serializer):
    key = serializers.CharField(max_length=300)
    as_of = serializers.DateField()
    action = serializers.ChoiceField(choices=sorted(services.REVIEW_ACTIONS))
    note = serializers.CharField(required=False, allow_blank=True, default="")
    mission = serializers.CharField(required=False, allow_blank=True, default="")


@extend_schema(request=ReviewRequestSerializer, responses=AlertReviewSerializer)
@api_view(["POST"])
def review(request):
    """Acknowledge, dismiss or escalate (with a note) an alert computed for the user as of a date."""
    payload = ReviewRequestSerializer(data=request.data)
    payload.is_valid(raise_exception=True)
    data = payload.validated_data
    saved = _call(services.alert_review_by_key, request.user, key=data["key"], as_of=data["as_of"],
                  action=data["action"], note=data["note"], mission=data["mission"] or None)
    return Response(AlertReviewSerializer(saved).data, status=201)


@extend_schema(parameters=[OpenApiParameter("as_of", str), OpenApiParameter("unit", str),
                           OpenApiParameter("freq", str), OpenApiParameter("by", str),
                           OpenApiParameter("country", str), OpenApiParameter("mission", str)])
@api_view(["GET"])
def trends(request):
    """Counts and fatalities per period and unit (admin1, admin2, country, grid, mission), optionally by category."""
    table = _call(selectors_alerts.trends_as_of, request.user, _date(request, "as_of", clock.today()),
                  unit=request.query_params.get("unit", "admin1"), freq=request.query_params.get("freq", "month"),
                  grouping=request.query_params.get("by") or None,
                  country=request.query_params.get("country") or None,
                  mission=request.query_params.get("mission") or None)
    return Response(selectors_alerts.trends_json(table))


@extend_schema(parameters=[OpenApiParameter("as_of", str), OpenApiParameter("unit", str),
                           OpenApiParameter("country", str), OpenApiParameter("mission", str)])
@api_view(["GET"])
def hotspots(request):
    """Areas whose latest month is unusually high against their own history (negative binomial, BH-adjusted)."""
    found = _call(selectors_alerts.hotspots_as_of, request.user, _date(request, "as_of", clock.today()),
                  unit=request.query_params.get("unit", "admin1"),
                  country=request.query_params.get("country") or None,
                  mission=request.query_params.get("mission") or None)
    return Response({"results": [selectors_alerts.hotspot_json(h) for h in found]})


@extend_schema(parameters=[OpenApiParameter("on", str)])
@api_view(["GET"])
def security_divergences(request):
    """Adjacent areas across a border, under different missions, whose levels differ (seed 000 §III.C.2).

    ``unreadable``: the reader's levels facing a neighbour's level they may not read (no agreement implied).
    """
    on = _date(request, "on", None) if request.query_params.get("on") else None
    found = selectors.security_divergences(request.user, on=on)
    hidden = selectors.unreadable_neighbour_levels(request.user, on=on)
    return Response({"results": [selectors_alerts.divergence_json(d) for d in found],
                     "unreadable": [selectors_alerts.unreadable_json(u) for u in hidden]})


ROUTES: list[tuple] = [
    ("analysis/alert-reviews", AlertReviewViewSet),
    ("analysis/armed-groups", ArmedGroupViewSet),
    ("analysis/security-levels", SecurityLevelViewSet),
    ("analysis/forecasts", CountryForecastViewSet),
]
# Endpoints outside a viewset (django.urls.path objects), mounted under /api/v1/.
PATHS: list = [
    path("analysis/alerts/", alerts, name="analysis-alerts"),
    path("analysis/alerts/review/", review, name="analysis-alert-review"),
    path("analysis/trends/", trends, name="analysis-trends"),
    path("analysis/hotspots/", hotspots, name="analysis-hotspots"),
    path("analysis/security-divergences/", security_divergences, name="analysis-security-divergences"),
    path("analysis/fusion/", api_fusion.fusion, name="analysis-fusion"),
]
