"""REST endpoints of coordination under /api/v1/: activities (3W), programmes, funding streams, sectors.

Reads go through ``visible`` (SecuredViewSet); writes need ``edit_coordination`` for the owning
mission (records without one, such as imported OCHA 3W rows, need it system-wide).
"""


from django.http import StreamingHttpResponse
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, renderers
from rest_framework.decorators import action
from rest_framework.response import Response

from peaceops.accounts.access import history_user
from peaceops.accounts.records import record_create
from peaceops.accounts.roles import Action
from peaceops.accounts.viewsets import SecuredViewSet
from peaceops.coordination import export, selectors, services
from peaceops.coordination.filters import ActivityFilter, FundingStreamFilter, ProgrammeFilter
from peaceops.coordination.models import (
    Activity,
    FundingStream,
    HumanitarianProposal,
    IntegrationAssessment,
    MandatedTaskArea,
    MilitaryAssetUse,
    Need,
    Programme,
    Sector,
)
from peaceops.coordination.serializers import (
    ActivitySerializer,
    DecisionSerializer,
    FundingStreamSerializer,
    HumanitarianProposalSerializer,
    IntegrationAssessmentSerializer,
    MandatedTaskAreaSerializer,
    MilitaryAssetUseSerializer,
    NeedSerializer,
    ProgrammeComponentSerializer,
    ProgrammeSerializer,
    SectorSerializer,
)
from peaceops.core import clock
from peaceops.registry.models import Mission, Organisation


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

    def get_queryset(self):
        # Humanitarian data stays hidden from the military side unless shared (seed 003 §2.4.3).
        return selectors.hide_humanitarian(super().get_queryset(), self.request.user)

    @extend_schema(responses={(200, "text/csv"): bytes})
    @action(detail=False, methods=["get"], renderer_classes=[CSVRenderer, renderers.JSONRenderer])
    def export(self, request, format=None):
        """The filtered selection as CSV with an HXL hashtag row (``/api/v1/activities/export/?sector=HEA``)."""
        queryset = self.filter_queryset(self.get_queryset())
        response = StreamingHttpResponse(export.csv_lines(queryset), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="activities-3w.csv"'
        return response

    @extend_schema(parameters=[OpenApiParameter("country", str, required=True), OpenApiParameter("level", int)]
                   + [OpenApiParameter(name, str) for name in ("sector", "start", "end")])
    @action(detail=False, methods=["get"], url_path="by-area")
    def by_area(self, request):
        """Who does what where as a table: per admin area (level 1 or 2) and sector, the number of
        organisations and activities and the people reached, over the activities the user may read."""
        country = (request.query_params.get("country") or "").strip()
        level = request.query_params.get("level") or "1"
        if len(country) != 3 or level not in ("1", "2"):
            raise exceptions.ValidationError({"country": "Give the country's ISO3 code and level 1 or 2."})
        return Response(selectors.presence_by_area(request.user, country=country, level=int(level),
                                                   sector=request.query_params.get("sector", ""), **_dates(request)))

    @extend_schema(parameters=[OpenApiParameter(name, str) for name in ("country", "sector", "start", "end")])
    @action(detail=False, methods=["get"])
    def duplications(self, request):
        """Two or more organisations running the same sector in the same area over overlapping periods
        (coordination/rules.py rule 1), among the activities the user may read."""
        dates = _dates(request)
        found = selectors.duplications(request.user, country=request.query_params.get("country", ""),
                                       sector=request.query_params.get("sector", ""), **dates)
        names = dict(Organisation.objects.filter(
            pk__in={int(org) for d in found for org in d.organisations}).values_list("pk", "name"))
        return Response([{
            "sector": d.sector, "area": d.area, "activity_ids": list(d.activity_ids),
            "organisations": [names.get(int(org), org) for org in d.organisations], "start": d.start, "end": d.end,
            "pairs": d.pairs, "code": d.code, "source": d.source,
        } for d in found])


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
        payload = ProgrammeComponentSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        services.programme_component_create(programme=programme, user=request.user, **payload.validated_data)
        return Response(self.get_serializer(self.get_queryset().get(pk=programme.pk)).data, status=201)

    @action(detail=False, methods=["get"], url_path="funding-gaps")
    def funding_gaps(self, request):
        """A component running and funded while the next one has no funding (seed 003 §2.4.2: D and D paid,
        R stalled), over the filtered programmes the user may read; incoherent programmes are listed as errors."""
        warnings, errors = selectors.funding_gaps(request.user, self.filter_queryset(self.get_queryset()))
        return Response({"warnings": [{"programme": g.programme, "running": g.running, "unfunded": g.unfunded,
                                       "missing": g.missing, "running_regimes": list(g.running_regimes),
                                       "message": g.message, "source": g.source} for g in warnings],
                         "errors": errors})


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
    """The integration model of a mission in each sector, with its reason.

    Seed 003 §1.3: integration is asymmetric, sector by sector.
    """

    write_action = Action.EDIT_COORDINATION
    queryset = IntegrationAssessment.objects.select_related("mission", "sector")
    serializer_class = IntegrationAssessmentSerializer
    filterset_fields = {"mission__acronym": ["exact"], "sector__code": ["exact"], "model": ["exact"]}
    ordering_fields = ["id"]

    @extend_schema(parameters=[OpenApiParameter("mission", str, required=True)])
    @action(detail=False, methods=["get"])
    def advice(self, request):
        """The integration matrix of a mission (one cell per mission sector) and the seeds' advice on it."""
        acronym = (request.query_params.get("mission") or "").strip()
        mission = Mission.objects.filter(acronym__iexact=acronym).first() if acronym else None
        if mission is None:
            raise exceptions.ValidationError({"mission": "Give the acronym of a mission."})
        return Response({
            "mission": mission.acronym,
            "matrix": [vars(cell) for cell in selectors.integration_matrix(request.user, mission)],
            "advice": [vars(a) for a in selectors.integration_advice(request.user, mission)],
        })


class HumanitarianViewSet(SecuredViewSet):
    """Records flagged humanitarian are hidden from the military side unless shared (seed 003 §2.4.3)."""

    def get_queryset(self):
        return selectors.hide_humanitarian(super().get_queryset(), self.request.user)


class NeedViewSet(HumanitarianViewSet):
    """People in need per area and sector (the gaps rule's input); humanitarian data by default."""

    write_action = Action.EDIT_COORDINATION
    queryset = Need.objects.select_related("sector", "country", "admin_area", "owning_mission")
    serializer_class = NeedSerializer
    filterset_fields = {"country__iso3": ["exact"], "sector__code": ["exact"], "admin1_pcode": ["exact"],
                        "admin2_pcode": ["exact"]}
    ordering_fields = ["id", "start_date", "people_in_need"]

    @extend_schema(parameters=[OpenApiParameter(name, str) for name in ("country", "sector", "start", "end")])
    @action(detail=False, methods=["get"])
    def gaps(self, request):
        """Needs and mandated tasks with no readable activity of their sector in their area during the period
        (coordination/rules.py rule 3); the period defaults to the current year."""
        dates = _dates(request)
        today = clock.today()
        start = dates.get("start") or today.replace(month=1, day=1)
        end = dates.get("end") or (None if dates.get("start") else today.replace(month=12, day=31))
        if end is not None and end < start:
            raise exceptions.ValidationError({"end": "The end is before the start."})
        found = selectors.gaps(request.user, country=request.query_params.get("country", ""),
                               sector=request.query_params.get("sector", ""), start=start, end=end)
        return Response([{"kind": g.need.kind, "sector": g.need.sector, "admin1": g.need.admin1,
                          "admin2": g.need.admin2, "label": g.need.label, "record": g.need.id, "start": g.start,
                          "end": g.end, "message": g.message, "code": g.code, "source": g.source} for g in found])


class MandatedTaskAreaViewSet(SecuredViewSet):
    """What each mission is mandated to do where (owning mission = the mandated mission)."""

    write_action = Action.EDIT_COORDINATION
    queryset = MandatedTaskArea.objects.select_related("sector", "country", "admin_area", "owning_mission")
    serializer_class = MandatedTaskAreaSerializer
    filterset_fields = {"country__iso3": ["exact"], "sector__code": ["exact"], "owning_mission__acronym": ["exact"]}
    ordering_fields = ["id", "start_date"]


class DecisionViewSet(SecuredViewSet):
    """Proposals decided by the DSRSG/HC (``approve`` for the mission); the decision is recorded with its reason."""

    write_action = Action.EDIT_COORDINATION
    decide_service = None  # services.<record>_decide, as a staticmethod
    record_argument = ""  # the service's keyword for the record

    def perform_create(self, serializer):
        fields = {**serializer.validated_data, "submitted_by": history_user(self.request.user),
                  "submitted_at": timezone.now()}
        serializer.instance = record_create(self.request.user, self.write_action, serializer.Meta.model, fields)

    def perform_update(self, serializer):
        if serializer.instance.status != serializer.instance.Status.PROPOSED:
            raise exceptions.ValidationError({"status": "Already decided: a decided record is not changed."})
        super().perform_update(serializer)

    @extend_schema(request=DecisionSerializer)
    @action(detail=True, methods=["post"])
    def decide(self, request, pk=None):
        """Approve (``{"approve": true}``) or refuse (``{"approve": false, "reason": "..."}``)."""
        record = self.get_object()
        payload = DecisionSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        type(self).decide_service(user=request.user, approve=payload.validated_data["approve"],
                                  reason=payload.validated_data["reason"], **{self.record_argument: record})
        record.refresh_from_db()
        return Response(self.get_serializer(record).data)


class HumanitarianProposalViewSet(DecisionViewSet):
    """Quick-impact projects and "hearts and minds" activities awaiting or after the DSRSG/HC's decision."""

    queryset = HumanitarianProposal.objects.select_related("owning_mission", "country", "admin_area")
    serializer_class = HumanitarianProposalSerializer
    filterset_fields = {"kind": ["exact"], "status": ["exact"], "owning_mission__acronym": ["exact"]}
    ordering_fields = ["id", "submitted_at", "decided_at"]
    decide_service = staticmethod(services.proposal_decide)
    record_argument = "proposal"


class MilitaryAssetUseViewSet(DecisionViewSet):
    """Military assets for humanitarian work: accepted only as a last resort (seed 004 §6.2.4)."""

    queryset = MilitaryAssetUse.objects.select_related("owning_mission", "country")
    serializer_class = MilitaryAssetUseSerializer
    filterset_fields = {"asset_kind": ["exact"], "status": ["exact"], "owning_mission__acronym": ["exact"]}
    ordering_fields = ["id", "start_date"]
    decide_service = staticmethod(services.asset_use_decide)
    record_argument = "use"


def _dates(request) -> dict:
    from django import forms

    field = forms.DateField(required=False)
    try:
        return {name: field.clean(request.query_params.get(name)) for name in ("start", "end")}
    except forms.ValidationError:
        raise exceptions.ValidationError({"start": "Give dates as YYYY-MM-DD."}) from None


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
    ("needs", NeedViewSet),
    ("area-tasks", MandatedTaskAreaViewSet),
    ("humanitarian-proposals", HumanitarianProposalViewSet),
    ("military-asset-uses", MilitaryAssetUseViewSet),
]
