"""REST endpoints of the reports app under /api/v1/: reports and their sections.

A report is created by drafting (POST /reports/ with kind, mission, period): the modules write the
sections from the data the drafter may read; people then edit sections (PATCH /report-sections/{id}/),
redraft (POST /reports/{id}/redraft/) and approve (POST /reports/{id}/approve/); GET
/reports/{id}/export/?output=pdf|docx|md gives the document as the reader may see it. A joint report's
contributing missions' leaderships approve their parts (GET /reports/{id}/parts/, POST
/reports/{id}/approve-part/ with {"mission": id}) before the whole is approved.
"""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, serializers, status
from rest_framework.decorators import action
from rest_framework.response import Response

from peaceops.accounts.viewsets import SecuredViewSet, VisibleRelationsMixin
from peaceops.core.classification import Classification
from peaceops.registry.models import Mission, Region
from peaceops.reports import render, selectors, services
from peaceops.reports.levels import highest
from peaceops.reports.models import Report, ReportSection


class ReportSerializer(VisibleRelationsMixin, serializers.ModelSerializer):
    class Meta:
        model = Report
        fields = ["id", "kind", "title", "owning_mission", "region", "missions", "period_start", "period_end",
                  "status", "classification", "drafted_by", "drafted_at", "approved_by", "approved_at"]
        read_only_fields = ["status", "missions", "drafted_by", "drafted_at", "approved_by", "approved_at"]


class DraftSerializer(serializers.Serializer):
    """What a new draft is for; everything else is written by the modules from the data."""

    kind = serializers.ChoiceField(choices=Report.Kind.choices)
    owning_mission = serializers.PrimaryKeyRelatedField(queryset=Mission.objects.all())
    region = serializers.PrimaryKeyRelatedField(queryset=Region.objects.all(), required=False, allow_null=True)
    period_start = serializers.DateField()
    period_end = serializers.DateField()
    title = serializers.CharField(max_length=300, required=False, allow_blank=True)
    classification = serializers.ChoiceField(choices=Classification.choices, default=Classification.UNCLASSIFIED)


class SectionSerializer(serializers.ModelSerializer):
    class Meta:
        model = ReportSection
        fields = ["id", "report", "key", "title", "body", "tables", "order", "mission", "source", "read_from",
                  "edited", "edited_by", "classification"]
        read_only_fields = ["report", "key", "order", "mission", "source", "read_from", "edited", "edited_by",
                            "classification"]


class PartSerializer(serializers.Serializer):
    """A contributing mission's part of a report and its approval."""

    mission = serializers.IntegerField(source="mission.id")
    acronym = serializers.CharField(source="mission.acronym")
    approved = serializers.BooleanField()
    approved_by = serializers.CharField()
    approved_at = serializers.DateTimeField(allow_null=True)


class PartApprovalSerializer(serializers.Serializer):
    mission = serializers.PrimaryKeyRelatedField(queryset=Mission.objects.all())


def _as_api_error(error: Exception):
    if isinstance(error, DjangoPermissionDenied):
        return exceptions.PermissionDenied(str(error))
    messages = getattr(error, "message_dict", None) or {"detail": getattr(error, "messages", [str(error)])}
    return exceptions.ValidationError(messages)


class ReportViewSet(SecuredViewSet):
    """Threat assessments and SG reports, read by clearance for the drafting mission."""

    queryset = Report.objects.select_related("owning_mission", "region").prefetch_related("missions")
    serializer_class = ReportSerializer
    filterset_fields = {"kind": ["exact"], "status": ["exact"], "owning_mission": ["exact"],
                        "period_end": ["gte", "lte"], "classification": ["exact"]}
    search_fields = ["title"]
    ordering_fields = ["period_end", "title"]

    def get_queryset(self):
        # not SecuredViewSet's filter, which knows only the drafting mission: a report's one read rule also
        # opens it to its contributing missions (selectors.visible_reports)
        return selectors.visible_reports(self.queryset.all(), self.request.user)

    @extend_schema(request=DraftSerializer, responses={201: ReportSerializer})
    def create(self, request, *args, **kwargs):
        draft = DraftSerializer(data=request.data)
        draft.is_valid(raise_exception=True)
        data = draft.validated_data
        try:
            report = services.report_draft(
                user=request.user, kind=data["kind"], owning_mission=data["owning_mission"], start=data["period_start"],
                end=data["period_end"], region=data.get("region"), title=data.get("title", ""),
                classification=data["classification"])
        except (ValidationError, DjangoPermissionDenied) as error:
            raise _as_api_error(error) from None
        return Response(ReportSerializer(report, context=self.get_serializer_context()).data,
                        status=status.HTTP_201_CREATED)

    def perform_update(self, serializer):
        report = serializer.instance
        if report.locked:
            raise exceptions.ValidationError({"status": ["The report is approved and locked."]})
        if serializer.validated_data.get("owning_mission", report.owning_mission) != report.owning_mission:
            raise exceptions.ValidationError({"owning_mission": ["A report stays with the mission that drafted it."]})
        top = highest(report.sections.all())
        if serializer.validated_data.get("classification", report.classification) < top:
            # lowering the report would open its sections to readers not cleared for what they summarise
            raise exceptions.ValidationError({"classification": [
                f"A report is classified at least as high as its sections ({Classification(top).label})."]})
        self.write_action = services.AUTHOR_ACTION[report.kind]
        super().perform_update(serializer)

    def perform_destroy(self, instance):
        if instance.locked:
            raise exceptions.ValidationError({"status": ["An approved report is kept."]})
        self.write_action = services.AUTHOR_ACTION[instance.kind]
        super().perform_destroy(instance)

    @extend_schema(request=None, responses=ReportSerializer)
    @action(detail=True, methods=["post"])
    def redraft(self, request, pk=None):
        """Refresh the sections nobody edited from today's data."""
        return self._apply(services.report_redraft, request)

    @extend_schema(request=None, responses=ReportSerializer)
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None):
        """Approve and lock the report (leadership of the drafting mission)."""
        return self._apply(services.report_approve, request)

    @extend_schema(responses=PartSerializer(many=True))
    @action(detail=True, methods=["get"])
    def parts(self, request, pk=None):
        """Each contributing mission's part and whether its leadership approved it."""
        return Response(PartSerializer(selectors.part_approvals(self.get_object()), many=True).data)

    @extend_schema(request=PartApprovalSerializer, responses=PartSerializer(many=True))
    @action(detail=True, methods=["post"], url_path="approve-part", url_name="approve-part")
    def approve_part(self, request, pk=None):
        """Approve one contributing mission's part (that mission's leadership)."""
        report = self.get_object()
        chosen = PartApprovalSerializer(data=request.data)
        chosen.is_valid(raise_exception=True)
        try:
            services.report_approve_part(report, chosen.validated_data["mission"], request.user)
        except (ValidationError, DjangoPermissionDenied) as error:
            raise _as_api_error(error) from None
        return Response(PartSerializer(selectors.part_approvals(report), many=True).data)

    def _apply(self, change, request):
        try:
            report = change(self.get_object(), request.user)
        except (ValidationError, DjangoPermissionDenied) as error:
            raise _as_api_error(error) from None
        return Response(ReportSerializer(report, context=self.get_serializer_context()).data)

    # "output", not "format": REST framework reads ?format= to choose its own renderer.
    @extend_schema(parameters=[OpenApiParameter("output", str, enum=list(render.FORMATS), default="pdf")],
                   responses={(200, "application/octet-stream"): OpenApiTypes.BINARY})
    @action(detail=True, methods=["get"], url_path="export", url_name="export")
    def export(self, request, pk=None):
        """The document as the reader may see it (sections above their clearance left out)."""
        fmt = request.query_params.get("output", "pdf")
        if fmt not in render.FORMATS:
            raise exceptions.ValidationError({"output": [f"one of {', '.join(render.FORMATS)}"]})
        report = self.get_object()
        return export_response(render.render(selectors.document(request.user, report), fmt), fmt, report)


def export_response(content: bytes, fmt: str, report: Report) -> HttpResponse:
    response = HttpResponse(content, content_type=render.FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="report-{report.pk}.{fmt}"'
    return response


class ReportSectionViewSet(SecuredViewSet):
    """Sections, edited by the staff of the mission that contributes each one."""

    queryset = ReportSection.objects.select_related("report", "mission").prefetch_related("read_from")
    serializer_class = SectionSerializer
    filterset_fields = {"report": ["exact"], "mission": ["exact"], "edited": ["exact"]}
    search_fields = ["title", "body"]
    ordering_fields = ["order"]

    def get_queryset(self):
        return selectors.visible_sections(self.queryset.all(), self.request.user)

    def create(self, request, *args, **kwargs):
        raise exceptions.MethodNotAllowed("POST", detail="Sections are drafted with their report (POST /reports/).")

    def perform_update(self, serializer):
        data = serializer.validated_data
        try:
            services.section_edit(serializer.instance, self.request.user, title=data.get("title"),
                                  body=data.get("body"), tables=data.get("tables"))
        except (ValidationError, DjangoPermissionDenied) as error:
            raise _as_api_error(error) from None

    def perform_destroy(self, instance):
        if not services.may_edit_section(self.request.user, instance):
            raise exceptions.PermissionDenied("You may not remove this section.")
        instance.delete()


ROUTES: list[tuple] = [("reports", ReportViewSet), ("report-sections", ReportSectionViewSet)]
# Endpoints outside a viewset (django.urls.path objects), mounted under /api/v1/.
PATHS: list = []
