"""REST endpoints of coordination under /api/v1/: activities (3W), programmes, funding streams, sectors.

Reads go through ``visible`` (SecuredViewSet); writes need ``edit_coordination`` for the owning
mission (records without one, such as imported OCHA 3W rows, need it system-wide).
"""

from django.http import StreamingHttpResponse
from drf_spectacular.utils import extend_schema
from rest_framework import renderers
from rest_framework.decorators import action

from peaceops.accounts.roles import Action
from peaceops.coordination import export
from peaceops.coordination.filters import ActivityFilter, FundingStreamFilter, ProgrammeFilter
from peaceops.coordination.models import Activity, FundingStream, Programme, Sector
from peaceops.coordination.serializers import (
    ActivitySerializer,
    FundingStreamSerializer,
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


class FundingStreamViewSet(SecuredViewSet):
    """Assessed, voluntary, MDTF and bilateral money: source, channel, programme, period, amount."""

    write_action = Action.EDIT_COORDINATION
    queryset = FundingStream.objects.select_related("country", "owning_mission")
    serializer_class = FundingStreamSerializer
    filterset_class = FundingStreamFilter
    search_fields = ["note"]
    ordering_fields = ["id", "start_date", "amount"]


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
    ("sectors", SectorViewSet),
]
