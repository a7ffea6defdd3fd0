"""REST endpoints of peaceops.mandates under /api/v1/.

Reads go through ``visible`` (SecuredViewSet); writes need ``edit_plans`` for the record's mission. A child
record (objective, output, benchmark, indicator, measurement...) takes its mission from its parent, so it cannot
be filed under another mission. Measurements posted here pass the same checks as entry and import (locked
periods, units, zero denominators) through the services. The framework library is read-only reference data.
"""

from django.core.exceptions import PermissionDenied
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from peaceops.accounts.roles import Action
from peaceops.core import clock
from peaceops.core.api import SecuredViewSet, VisibleRelationsMixin
from peaceops.mandates import models as m
from peaceops.mandates import selectors, services

PARENTS = {m.IsfObjective: "isf", m.IsfOutput: "objective", m.IsfBenchmark: "output", m.Indicator: "benchmark",
           m.Measurement: "indicator", m.Assessment: "isf", m.HandoverPlan: "isf"}


class MandatesSerializer(VisibleRelationsMixin, serializers.ModelSerializer):
    """Children inherit their parent's mission (read-only here)."""

    def get_fields(self):
        fields = super().get_fields()
        if self.Meta.model in PARENTS and "mission" in fields:
            fields["mission"].read_only = True
        return fields

    def validate(self, attrs):
        parent_field = PARENTS.get(self.Meta.model)
        parent = attrs.get(parent_field) if parent_field else None
        if parent is not None:
            attrs["mission"] = parent.mission
        return attrs


def _serializer(model, field_names):
    meta = type("Meta", (), {"model": model, "fields": ["id", *field_names]})
    return type(f"{model.__name__}Serializer", (MandatesSerializer,), {"Meta": meta})


TaskSerializer = _serializer(m.MandateTask, [
    "mission", "resolution", "paragraph", "text", "priority", "waits_for", "owner_component", "owner_organisation",
    "capabilities_needed", "capabilities_held", "reviewed_on", "classification", "source"])
IsfSerializer = _serializer(m.Isf, ["mission", "country", "title", "start_date", "end_date", "classification",
                                    "source"])
ObjectiveSerializer = _serializer(m.IsfObjective, [
    "mission", "isf", "library_objective", "title", "text", "start_date", "end_date", "responsible_component",
    "responsible_organisation", "order", "classification"])
OutputSerializer = _serializer(m.IsfOutput, ["mission", "objective", "library_output", "title",
                                             "responsible_component", "responsible_organisation", "order",
                                             "classification"])
BenchmarkSerializer = _serializer(m.IsfBenchmark, [
    "mission", "output", "library_item", "text", "horizon", "due_on", "tasks", "transition", "function",
    "measures_mission_activity", "responsible_component", "responsible_organisation", "classification"])
IndicatorSerializer = _serializer(m.Indicator, [
    "mission", "benchmark", "name", "kind", "unit", "baseline", "baseline_on", "higher_is_better", "data_source",
    "frequency", "disaggregation", "area_rule", "period_rule", "classification"])
MeasurementSerializer = _serializer(m.Measurement, [
    "mission", "indicator", "period", "area", "sex", "age", "value", "numerator", "denominator", "unit",
    "entered_by", "entered_at", "classification"])
AssessmentSerializer = _serializer(m.Assessment, [
    "mission", "isf", "period_start", "period_end", "narrative", "evidence", "recommendations", "assessed_by",
    "created_at", "classification"])
HandoverSerializer = _serializer(m.HandoverPlan, [
    "mission", "isf", "function", "due_on", "status", "notes", "responsible_component", "responsible_organisation",
    "classification"])


class PlansViewSet(SecuredViewSet):
    write_action = Action.EDIT_PLANS

    def handle_exception(self, exc):
        if isinstance(exc, PermissionDenied):
            exc = exceptions.PermissionDenied(str(exc) or None)
        if isinstance(exc, services.MandateError):
            exc = exceptions.ValidationError({exc.field: [exc.message]})
        return super().handle_exception(exc)


def _viewset(model, serializer, doc, ordering=("id",), search=(), filters=()):
    attrs = {"__doc__": doc, "queryset": model.objects.all(), "serializer_class": serializer,
             "ordering_fields": list(ordering), "search_fields": list(search), "filterset_fields": list(filters)}
    return type(f"{model.__name__}ViewSet", (PlansViewSet,), attrs)


class TaskViewSet(PlansViewSet):
    """Mandated tasks with priority, sequencing (``waits_for``; a cycle is refused) and capabilities."""

    queryset = m.MandateTask.objects.all()
    serializer_class = TaskSerializer
    search_fields = ["text", "paragraph"]
    filterset_fields = ["mission", "priority", "resolution"]
    ordering_fields = ["id", "priority"]

    def perform_create(self, serializer):
        fields = dict(serializer.validated_data)
        waits_for = fields.pop("waits_for", [])
        serializer.instance = services.create_task(self.request.user, mission=fields.pop("mission"),
                                                   text=fields.pop("text"), waits_for=waits_for, **fields)

    def perform_update(self, serializer):
        changes = dict(serializer.validated_data)
        waits_for = changes.pop("waits_for", None)
        serializer.instance = services.update_task(self.request.user, serializer.instance, changes, waits_for,
                                                   expected_etag=self.if_match())


class MeasurementViewSet(PlansViewSet):
    """Measurements per period, area, sex and age; written through the same checks as entry and imports."""

    queryset = m.Measurement.objects.all()
    serializer_class = MeasurementSerializer
    filterset_fields = ["indicator", "period", "area", "sex", "age"]
    ordering_fields = ["id", "period"]

    def _record(self, serializer):
        data, current = serializer.validated_data, serializer.instance

        def field(name, default=None):
            """The value sent, else (a partial update) the stored one."""
            if name in data:
                return data[name]
            return getattr(current, name, default) if current is not None else default

        indicator = field("indicator")
        if indicator is None or field("period") is None:
            raise exceptions.ValidationError({"indicator" if indicator is None else "period": ["This field is required."]})
        requested = data.get("classification")
        if requested is not None and requested != indicator.classification:
            # measurements are stored at their indicator's level (entry, import and API alike); answering 201
            # with another level than the one asked for would leave the caller believing it was applied
            raise exceptions.ValidationError({"classification": [
                f"A measurement is classified as its indicator: {indicator.get_classification_display()} "
                f"({indicator.classification}); send that or leave the field out."]})
        row = services.MeasurementRow(period=field("period"), value=field("value"), area_id=getattr(
            field("area"), "id", None), sex=field("sex", ""), age=field("age", ""),
            numerator=field("numerator"), denominator=field("denominator"), unit=field("unit", ""))
        services.record_measurements(self.request.user, indicator, [row])
        serializer.instance = m.Measurement.objects.get(indicator=indicator, period=row.period, area_id=row.area_id,
                                                        sex=row.sex, age=row.age)

    def perform_create(self, serializer):
        self._record(serializer)

    def perform_update(self, serializer):
        self._record(serializer)


class RollupSerializer(serializers.Serializer):
    rule = serializers.CharField()
    objectives = serializers.ListField(child=serializers.DictField())


class IsfViewSet(PlansViewSet):
    """Integrated Strategic Frameworks per country; ``{id}/rollup/?start=&end=`` gives progress and RAG."""

    queryset = m.Isf.objects.all()
    serializer_class = IsfSerializer
    filterset_fields = ["mission", "country"]
    ordering_fields = ["id", "title"]

    @extend_schema(responses=RollupSerializer)
    @action(detail=True, methods=["get"])
    def rollup(self, request, pk=None):
        import datetime as dt

        isf = self.get_object()
        try:
            start = dt.date.fromisoformat(request.query_params.get("start") or f"{isf.start_date or clock.today()}")
            end = dt.date.fromisoformat(request.query_params.get("end") or f"{isf.end_date or clock.today()}")
        except ValueError:
            raise exceptions.ValidationError({"start": ["give dates as YYYY-MM-DD"]}) from None
        rolled = selectors.isf_rollup(request.user, isf, start, end)
        return Response(rollup_json(rolled))


def _number(value):
    import math

    return None if value is None or math.isnan(value) else round(float(value), 4)


def rollup_json(rolled) -> dict:
    from peaceops.mandates import rollup as r

    result = rolled.result
    objectives = []
    for n, objective in enumerate(rolled.objectives):
        progress = _number(result.objective_progress[n]) if result else None
        objectives.append({"id": objective.id, "title": objective.title, "progress": progress,
                           "rag": r.rag(progress if progress is not None else float("nan"))})
    indicators = []
    for n, indicator in enumerate(rolled.indicators):
        progress = _number(result.progress[n])
        indicators.append({"id": indicator.id, "name": indicator.name, "value": _number(result.value[n]),
                           "progress": progress, "trend": r.trend_word(result.trend[n]),
                           "rag": r.rag(progress if progress is not None else float("nan"))})
    return {"rule": r.RAG_RULE, "objectives": objectives, "indicators": indicators}


class LibraryItemSerializer(serializers.ModelSerializer):
    objective = serializers.CharField(source="objective.ref")
    output = serializers.CharField(source="output.ref", allow_null=True)

    class Meta:
        model = m.FrameworkItem
        fields = ["id", "ref", "objective", "output", "kind", "horizon", "title", "text", "section", "source"]


class LibraryViewSet(viewsets.ReadOnlyModelViewSet):
    """Seed 004 ch. 3-6 as a searchable library (public reference data)."""

    queryset = m.FrameworkItem.objects.select_related("objective", "output")
    serializer_class = LibraryItemSerializer
    search_fields = ["text", "title", "ref"]
    filterset_fields = ["kind", "horizon", "section"]
    ordering_fields = ["order", "ref"]
    secured = False


ROUTES: list[tuple] = [
    ("mandate-tasks", TaskViewSet),
    ("isfs", IsfViewSet),
    ("isf-objectives", _viewset(m.IsfObjective, ObjectiveSerializer, "ISF objectives shared with the entity "
                                "responsible.", filters=("isf",))),
    ("isf-outputs", _viewset(m.IsfOutput, OutputSerializer, "Outputs of an ISF objective.", filters=("objective",))),
    ("isf-benchmarks", _viewset(m.IsfBenchmark, BenchmarkSerializer, "Benchmarks chosen from the library or "
                                "written anew.", search=("text",), filters=("output", "transition"))),
    ("indicators", _viewset(m.Indicator, IndicatorSerializer, "Indicators with baseline, rules and data source.",
                            search=("name",), filters=("benchmark",))),
    ("measurements", MeasurementViewSet),
    ("assessments", _viewset(m.Assessment, AssessmentSerializer, "Periodic performance assessments.",
                             filters=("isf",))),
    ("handover-plans", _viewset(m.HandoverPlan, HandoverSerializer, "Handover plan per function (transition).",
                                filters=("isf",))),
    ("framework-library", LibraryViewSet),
]
# Endpoints outside a viewset (django.urls.path objects), mounted under /api/v1/.
PATHS: list = []
