"""REST endpoints of the incident log under /api/v1/incidents/ and /api/v1/actors/.

Reads go through ``visible`` (SecuredViewSet); writes through peaceops.incidents.log.services,
which checks rights, validates and records history. Exports stream the filtered selection.
"""

from django.db.models import Prefetch
from django.urls import path
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, renderers
from rest_framework.decorators import action
from rest_framework.response import Response

from peaceops.accounts.access import access_for, visible
from peaceops.accounts.roles import Action
from peaceops.accounts.viewsets import HistoryEntrySerializer, SecuredViewSet
from peaceops.incidents.filters import IncidentFilter
from peaceops.incidents.log import export
from peaceops.incidents.log import selectors as log_selectors
from peaceops.incidents.log import services as log_services
from peaceops.incidents.models import Actor, Incident
from peaceops.incidents.serializers import ActorSerializer, IncidentSerializer, TransitionSerializer
from peaceops.incidents.sitrep import api as sitrep_api
from peaceops.registry.models import Mission


class _ExportRenderer(renderers.BaseRenderer):
    """Lets DRF accept ``export.csv`` / ``?format=csv``; errors are still the one JSON error format."""

    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return renderers.JSONRenderer().render(data)


class CSVRenderer(_ExportRenderer):
    media_type, format = "text/csv", "csv"


class GeoJSONRenderer(_ExportRenderer):
    media_type, format = "application/geo+json", "geojson"


class XLSXRenderer(_ExportRenderer):
    media_type, format = export.XLSX_TYPE, "xlsx"


class IncidentViewSet(SecuredViewSet):
    """The incident log: every report the user may read, filtered, searchable, with its history.

    Create and correct with ``edit_incidents`` for the owning mission; move through
    draft -> verified -> published with ``POST {id}/transition/`` (publishing needs ``approve``).
    """

    write_action = Action.EDIT_INCIDENTS
    queryset = Incident.objects.select_related("country", "owning_mission", "admin_area", "created_by",
                                               "duplicate_of").prefetch_related("actor_links__actor", "sources",
                                                                                "missions")
    serializer_class = IncidentSerializer
    filterset_class = IncidentFilter
    search_fields = ["description", "location", "admin1", "admin2", "source_category"]
    ordering_fields = ["start_date", "id", "deaths_best", "category"]

    def get_queryset(self):
        """Each report's readable duplicates in one query for the whole page (not one per report)."""
        readable = visible(Incident.objects.only("id", "duplicate_of_id", "owning_mission_id", "classification"),
                           self.request.user).order_by("id")
        return super().get_queryset().prefetch_related(
            Prefetch("duplicates", queryset=readable, to_attr="readable_duplicates"))

    def finalize_response(self, request, response, *args, **kwargs):
        """Errors of the export are answered in the one JSON error format, not as a CSV file."""
        response = super().finalize_response(request, response, *args, **kwargs)
        if isinstance(response, Response) and response.status_code >= 400 and isinstance(
                getattr(response, "accepted_renderer", None), _ExportRenderer):
            response.accepted_renderer = renderers.JSONRenderer()
            response.accepted_media_type = "application/json"
            response["Content-Type"] = "application/json"
        return response

    def _owning_mission(self, chosen):
        """The mission named in the request, else the only one the user logs incidents for."""
        if chosen is not None:
            return chosen
        access = access_for(self.request.user)
        candidates = [m for m, actions in access.mission_actions.items() if Action.EDIT_INCIDENTS in actions]
        if len(candidates) != 1:
            raise exceptions.ValidationError({"owning_mission": _("Name the owning mission (acronym).")})
        return Mission.objects.get(pk=candidates[0])

    def perform_create(self, serializer):
        fields = dict(serializer.validated_data)
        actors, sources = fields.pop("actor_links", ()), fields.pop("sources", ())
        owning_mission = self._owning_mission(fields.pop("owning_mission", None))
        serializer.instance = log_services.incident_create(
            user=self.request.user, owning_mission=owning_mission, fields=fields, actors=actors, sources=sources)

    def perform_update(self, serializer):
        fields = dict(serializer.validated_data)
        actors, sources = fields.pop("actor_links", None), fields.pop("sources", None)
        serializer.instance = log_services.incident_update(
            user=self.request.user, incident=serializer.instance, fields=fields, actors=actors, sources=sources,
            expected_etag=self.if_match())

    def perform_destroy(self, instance):
        log_services.incident_delete(user=self.request.user, incident=instance, expected_etag=self.if_match())

    @extend_schema(request=TransitionSerializer, responses=IncidentSerializer)
    @action(detail=True, methods=["post"])
    def transition(self, request, pk=None):
        """Change the status: draft -> verified (edit_incidents), verified -> published (approve)."""
        incident = self.get_object()
        payload = TransitionSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        log_services.incident_transition(user=request.user, incident=incident, status=payload.validated_data["status"])
        return Response(self.get_serializer(self.get_queryset().get(pk=incident.pk)).data)

    @extend_schema(responses=HistoryEntrySerializer(many=True))
    @action(detail=True, methods=["get"])
    def history(self, request, pk=None):
        """Every readable version of the report: who changed what, when (corrections keep history)."""
        incident = self.get_object()
        entries = log_selectors.incident_history(request.user, incident)
        return Response(HistoryEntrySerializer(entries, many=True).data)

    @extend_schema(
        parameters=[OpenApiParameter("format", str, enum=["csv", "geojson", "xlsx"])],
        responses={(200, "text/csv"): bytes, (200, "application/geo+json"): bytes, (200, export.XLSX_TYPE): bytes},
    )
    @action(detail=False, methods=["get"], renderer_classes=[CSVRenderer, GeoJSONRenderer, XLSXRenderer])
    def export(self, request, format=None):
        """The filtered selection as CSV with an HXL hashtag row, GeoJSON or XLSX (streamed, not paged).

        ``/api/v1/incidents/export.csv?category=armed_clash`` or ``export/?format=geojson``.
        """
        fmt = format or request.query_params.get("format") or "csv"
        if fmt not in export.FORMATS:
            raise exceptions.ValidationError({"format": _("Choose csv, geojson or xlsx.")})
        queryset = self.filter_queryset(self.get_queryset())
        return export.streaming_export(queryset, request.user, fmt)


class ActorViewSet(SecuredViewSet):
    """Parties to incidents with their aliases. Listed only where a readable incident names them."""

    secured = False
    write_action = Action.EDIT_INCIDENTS
    queryset = Actor.objects.select_related("organisation")
    serializer_class = ActorSerializer
    filterset_fields = ["kind", "organisation"]
    search_fields = ["name"]
    ordering_fields = ["name"]

    def get_queryset(self):
        return log_selectors.actors_for(self.request.user).select_related("organisation")

    shared_by_any = True  # actors are shared by every mission: any watch officer or analyst may add or rename one

    def perform_create(self, serializer):
        serializer.instance = log_services.actor_create(self.request.user, **serializer.validated_data)

    def perform_destroy(self, instance):
        log_services.actor_delete(self.request.user, instance)


ROUTES = [
    ("incidents", IncidentViewSet),
    ("actors", ActorViewSet),
]
# The daily situation report's endpoint, beside the incidents' viewsets (peaceops.incidents.sitrep.api).
PATHS = [path("sitrep/", sitrep_api.sitrep, name="sitrep")]
