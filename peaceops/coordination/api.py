"""REST endpoints of coordination under /api/v1/: activities (3W), programmes, funding streams, sectors.

Reads go through ``visible`` (SecuredViewSet); writes need ``edit_coordination`` for the owning
mission (records without one, such as imported OCHA 3W rows, need it system-wide).
"""

from django.http import StreamingHttpResponse
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, renderers
from rest_framework.decorators import action
from rest_framework.response import Response

from peaceops.accounts.roles import Action
from peaceops.coordination import export, selectors, services
from peaceops.coordination.filters import ActivityFilter, FundingStreamFilter, ProgrammeFilter
from peaceops.coordination.models import Activity, FundingStream, IntegrationAssessment, Programme, Sector
from peaceops.coordination.serializers import (
    ActivitySerializer,
    FundingStreamSerializer,
    IntegrationAssessmentSerializer,
    ProgrammeComponentSerializer,
    ProgrammeSerializer,
    SectorSerializer,
)
from peaceops.core.api import SecuredViewSet


class CSVRenderer(renderers.BaseRenderer):
    media_type, format, charset = "text/csv", "csv", "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return renderers.JSONRenderer().render(data)


class ActivityViewSet(SecuredViewSet):
    """Who does what where: 3W rows the user may read, by sector, country, admin area, organisation, period."""

    write_action = Action.EDIT_COORDINATION
    queryset = Activity.objects.select_related("sector", "country", "admin_area", "owning_mission")
    serializer_class = ActivitySerializer
    filterset_class = ActivityFilter
    search_fields = ["title", "admin1_name", "admin2_name", "location", "donor"]
    ordering_fields = ["id", "start_date", "end_date", "beneficiaries_reached"]

    @extend_schema(responses={(200, "text/csv"): bytes})
    @action(detail=False, methods=["get"], renderer_classes=[CSVRenderer, renderers.JSONRenderer])
    def export(self, request, format=None):
        """The filtered selection as CSV with an HXL hashtag row (``/api/v1/activities/export/?sector=HEA``)."""
        queryset = self.filter_queryset(self.get_queryset())
        response = StreamingHttpResponse(export.csv_lines(queryset), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="activities-3w.csv"'
        return response


class ProgrammeViewSet(SecuredViewSet):
    """Programmes and their components (DDR: disarmament, demobilisation, reinsertion, reintegration)."""

    write_action = Action.EDIT_COORDINATION
    queryset = Programme.objects.select_related("sector", "country", "admin_area", "owning_mission") \
        .prefetch_related("components")
    serializer_class = ProgrammeSerializer
    filterset_class = ProgrammeFilter
    search_fields = ["name", "description"]
    ordering_fields = ["id", "name", "start_date"]

    @extend_schema(request=ProgrammeComponentSerializer, responses=ProgrammeSerializer)
    @action(detail=True, methods=["post"])
    def components(self, request, pk=None):
        """Add a component; its period may not overlap another component of the programme."""
        programme = self.get_object()
        self._check_write(programme.owning_mission_id)
        payload = ProgrammeComponentSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        services.programme_component_create(programme=programme, user=request.user, **payload.validated_data)
        return Response(self.get_serializer(self.get_queryset().get(pk=programme.pk)).data, status=201)


class FundingStreamViewSet(SecuredViewSet):
    """Assessed, voluntary, MDTF and bilateral money: source, channel, programme, period, amount."""

    write_action = Action.EDIT_COORDINATION
    queryset = FundingStream.objects.select_related("country", "owning_mission")
    serializer_class = FundingStreamSerializer
    filterset_class = FundingStreamFilter
    search_fields = ["note"]
    ordering_fields = ["id", "start_date", "amount"]

    @extend_schema(parameters=[OpenApiParameter("country", str, required=True),
                               OpenApiParameter("start", str), OpenApiParameter("end", str)])
    @action(detail=False, methods=["get"])
    def cell(self, request):
        """The funding cell: readable streams into a country, totalled per currency by kind, source, channel."""
        country = (request.query_params.get("country") or "").strip()
        if len(country) != 3:
            raise exceptions.ValidationError({"country": "Give the country's ISO3 code."})
        filters = self.filterset_class(request.query_params, queryset=FundingStream.objects.none())
        if not filters.is_valid():
            raise exceptions.ValidationError(filters.errors)
        dates = filters.form.cleaned_data
        return Response(selectors.funding_cell(request.user, country, dates.get("start"), dates.get("end")))


class IntegrationAssessmentViewSet(SecuredViewSet):
    """The integration model of a mission in each sector, with its reason (issue 7 §4)."""

    write_action = Action.EDIT_COORDINATION
    queryset = IntegrationAssessment.objects.select_related("mission", "sector")
    serializer_class = IntegrationAssessmentSerializer
    filterset_fields = {"mission__acronym": ["exact"], "sector__code": ["exact"], "model": ["exact"]}
    ordering_fields = ["id"]


class SectorViewSet(SecuredViewSet):
    """The sector vocabulary (shared reference data); changed only with a system-wide edit_coordination."""

    secured = False
    write_action = Action.EDIT_COORDINATION
    queryset = Sector.objects.select_related("parent")
    serializer_class = SectorSerializer
    filterset_fields = ["kind", "code"]
    search_fields = ["code", "name_en", "name_fr"]


ROUTES = [
    ("activities", ActivityViewSet),
    ("programmes", ProgrammeViewSet),
    ("funding-streams", FundingStreamViewSet),
    ("integration-assessments", IntegrationAssessmentViewSet),
    ("sectors", SectorViewSet),
]
