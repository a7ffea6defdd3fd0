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
from peaceops.accounts.viewsets import SecuredViewSet, VisibleRelationsMixin
from peaceops.core import clock
from peaceops.mandates import selectors, services
from peaceops.mandates.models import (
    ActivityBudget,
    Assessment,
    ChecklistAnswer,
    FrameworkItem,
    HandoverPlan,
    Indicator,
    Isf,
    IsfBenchmark,
    IsfObjective,
    IsfOutput,
    Lesson,
    MandateTask,
    Measurement,
    MissionDocument,
    PlanActivity,
    PlanPrecondition,
    PlanRisk,
    Priority,
)
from peaceops.mandates.rollup import RAG_RULE, rag, trend_word
from peaceops.registry.models import Mission

PARENTS = {IsfObjective: "isf", IsfOutput: "objective", IsfBenchmark: "output", Indicator: "benchmark",
           Measurement: "indicator", Assessment: "isf", HandoverPlan: "isf", PlanActivity: "output",
           ActivityBudget: "activity", PlanPrecondition: "output", PlanRisk: "output"}


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


TaskSerializer = _serializer(MandateTask, [
    "mission", "resolution", "paragraph", "text", "priority", "waits_for", "owner_component", "owner_organisation",
    "capabilities_needed", "capabilities_held", "reviewed_on", "classification", "source"])
IsfSerializer = _serializer(Isf, ["mission", "country", "title", "start_date", "end_date", "classification",
                                    "source"])
ObjectiveSerializer = _serializer(IsfObjective, [
    "mission", "isf", "library_objective", "title", "text", "start_date", "end_date", "responsible_component",
    "responsible_organisation", "order", "classification"])
OutputSerializer = _serializer(IsfOutput, ["mission", "objective", "library_output", "title",
                                             "responsible_component", "responsible_organisation", "order",
                                             "classification"])
BenchmarkSerializer = _serializer(IsfBenchmark, [
    "mission", "output", "library_item", "text", "horizon", "due_on", "tasks", "transition", "function",
    "measures_mission_activity", "responsible_component", "responsible_organisation", "classification", "source"])
# A library benchmark's text (and horizon, source) is copied by the service when none is sent.
BenchmarkSerializer.Meta.extra_kwargs = {"text": {"required": False, "allow_blank": True}}
IndicatorSerializer = _serializer(Indicator, [
    "mission", "benchmark", "name", "kind", "unit", "baseline", "baseline_on", "higher_is_better", "data_source",
    "frequency", "disaggregation", "area_rule", "period_rule", "classification"])
MeasurementSerializer = _serializer(Measurement, [
    "mission", "indicator", "period", "area", "sex", "age", "value", "numerator", "denominator", "unit",
    "entered_by", "entered_at", "classification"])
class AssessmentDecisionSerializer(serializers.Serializer):
    task = serializers.IntegerField()
    new_priority = serializers.ChoiceField(choices=[("", "—"), *Priority.choices], allow_blank=True)
    reason = serializers.CharField(required=False, allow_blank=True, default="")
    old_priority = serializers.CharField(read_only=True)


class AssessmentSerializer(MandatesSerializer):
    """An assessment and its decisions: each re-prioritises a task (the web assessment's decisions, through
    the same service); ``lock_periods`` locks the months assessed, as the web form's box does."""

    decisions = AssessmentDecisionSerializer(many=True, required=False, write_only=True)
    lock_periods = serializers.BooleanField(required=False, default=False, write_only=True)

    class Meta:
        model = Assessment
        fields = ["id", "mission", "isf", "period_start", "period_end", "narrative", "evidence", "recommendations",
                  "assessed_by", "created_at", "classification", "decisions", "lock_periods"]
        read_only_fields = ["assessed_by", "created_at", "classification"]

    def to_representation(self, instance):
        data = super().to_representation(instance)
        data["decisions"] = [{"task": d.task_id, "new_priority": d.new_priority, "reason": d.reason,
                              "old_priority": d.old_priority} for d in instance.decisions.all()]
        return data
ActivitySerializer = _serializer(PlanActivity, [
    "mission", "output", "library_item", "library_text", "text", "responsible_component", "responsible_organisation",
    "partners", "staff", "start_date", "end_date", "depends_on", "lessons", "order", "classification", "source"])
ActivitySerializer.Meta.extra_kwargs = {"text": {"required": False, "allow_blank": True},
                                        "library_text": {"read_only": True}}
BudgetSerializer = _serializer(ActivityBudget, [
    "mission", "activity", "funding_stream", "amount", "currency", "secured", "classification"])
PreconditionSerializer = _serializer(PlanPrecondition, [
    "mission", "output", "library_item", "library_text", "text", "status", "note", "classification", "source"])
PreconditionSerializer.Meta.extra_kwargs = {"text": {"required": False, "allow_blank": True},
                                            "library_text": {"read_only": True}}
RiskSerializer = _serializer(PlanRisk, [
    "mission", "output", "library_item", "library_text", "text", "likelihood", "impact", "owner", "mitigation",
    "review_on", "classification", "source"])
RiskSerializer.Meta.extra_kwargs = {"text": {"required": False, "allow_blank": True},
                                    "library_text": {"read_only": True}}
LessonSerializer = _serializer(Lesson, [
    "mission", "title", "subject", "context", "what_worked", "what_did_not", "evidence", "recorded_on",
    "classification", "source"])
HandoverSerializer = _serializer(HandoverPlan, [
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

    queryset = MandateTask.objects.all()
    serializer_class = TaskSerializer
    search_fields = ["text", "paragraph"]
    filterset_fields = ["mission", "priority", "resolution"]
    ordering_fields = ["id", "priority"]

    def perform_create(self, serializer):
        fields = dict(serializer.validated_data)
        waits_for = fields.pop("waits_for", [])
        serializer.instance = services.task_create(self.request.user, mission=fields.pop("mission"),
                                                   text=fields.pop("text"), waits_for=waits_for, **fields)

    def perform_update(self, serializer):
        changes = dict(serializer.validated_data)
        waits_for = changes.pop("waits_for", None)
        serializer.instance = services.task_update(self.request.user, serializer.instance, changes, waits_for,
                                                   expected_etag=self.if_match())


class MeasurementViewSet(PlansViewSet):
    """Measurements per period, area, sex and age; written through the same checks as entry and imports."""

    queryset = Measurement.objects.all()
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
            raise exceptions.ValidationError({"indicator" if indicator is None else "period":
                                              ["This field is required."]})
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
        services.measurements_record(self.request.user, indicator, [row])
        serializer.instance = Measurement.objects.get(indicator=indicator, period=row.period, area_id=row.area_id,
                                                        sex=row.sex, age=row.age)

    def perform_create(self, serializer):
        self._record(serializer)

    def perform_update(self, serializer):
        self._record(serializer)


class BenchmarkViewSet(PlansViewSet):
    """Benchmarks chosen from the library (``library_item``: its text, horizon and source are copied when no text
    is sent, the link kept) or written anew."""

    queryset = IsfBenchmark.objects.all()
    serializer_class = BenchmarkSerializer
    search_fields = ["text"]
    filterset_fields = ["output", "transition"]

    def perform_create(self, serializer):
        fields = dict(serializer.validated_data)
        fields.pop("mission", None)
        serializer.instance = services.benchmark_add(self.request.user, fields.pop("output"),
                                                     text=fields.pop("text", ""), **fields)


class AssessmentViewSet(PlansViewSet):
    """Periodic performance assessments; their ``decisions`` re-prioritise tasks through the same service as the
    web assessment (seed 003 §2: assessment feeds planning) and ``lock_periods`` locks the months assessed."""

    queryset = Assessment.objects.prefetch_related("decisions")
    serializer_class = AssessmentSerializer
    filterset_fields = ["isf"]

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        isf = data["isf"]
        tasks = {t.id: t for t in selectors.tasks_for(self.request.user, [isf.mission_id])}
        decisions = []
        for n, decision in enumerate(data.get("decisions", [])):
            task = tasks.get(decision["task"])
            if task is None:
                raise exceptions.ValidationError({"decisions": [f"item {n + 1}: no task {decision['task']} of this "
                                                                "mission that you may read"]})
            decisions.append((task, decision["new_priority"], decision.get("reason", "")))
        serializer.instance = services.assessment_record(
            self.request.user, isf, period_start=data["period_start"], period_end=data["period_end"],
            narrative=data.get("narrative", ""), evidence=data.get("evidence", ""),
            recommendations=data.get("recommendations", ""), decisions=decisions,
            lock_periods=data.get("lock_periods", False))

    def perform_update(self, serializer):
        if "decisions" in serializer.validated_data or serializer.validated_data.get("lock_periods"):
            raise exceptions.ValidationError({"decisions": ["decisions are made with a new assessment"]})
        serializer.validated_data.pop("lock_periods", None)
        super().perform_update(serializer)


class ActivityViewSet(PlansViewSet):
    """Activities under an ISF output: from the library (``library_item``: text and source copied, the link kept)
    or new; dates inside the output's period, ``depends_on`` without cycles, ``lessons`` the planner may read."""

    queryset = PlanActivity.objects.all()
    serializer_class = ActivitySerializer
    search_fields = ["text"]
    filterset_fields = ["output", "responsible_organisation", "responsible_component"]

    def perform_create(self, serializer):
        fields = dict(serializer.validated_data)
        fields.pop("mission", None)
        serializer.instance = services.activity_add(self.request.user, fields.pop("output"),
                                                    text=fields.pop("text", ""), **fields)

    def perform_update(self, serializer):
        serializer.instance = services.activity_update(self.request.user, serializer.instance,
                                                       dict(serializer.validated_data), expected_etag=self.if_match())


class BudgetViewSet(PlansViewSet):
    """An activity's budget lines: funding stream (assessed, voluntary, trust fund), a non-negative amount and
    an ISO 4217 currency."""

    queryset = ActivityBudget.objects.all()
    serializer_class = BudgetSerializer
    filterset_fields = ["activity", "funding_stream", "currency", "secured"]

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        serializer.instance = services.budget_line_add(
            self.request.user, data["activity"], funding_stream=data["funding_stream"], amount=data["amount"],
            currency=data.get("currency", "USD"), secured=data.get("secured", False))

    def perform_update(self, serializer):
        serializer.instance = services.budget_line_update(self.request.user, serializer.instance,
                                                          dict(serializer.validated_data),
                                                          expected_etag=self.if_match())


class PreconditionViewSet(PlansViewSet):
    """Preconditions for an output's success and their status."""

    queryset = PlanPrecondition.objects.all()
    serializer_class = PreconditionSerializer
    filterset_fields = ["output", "status"]

    def perform_create(self, serializer):
        fields = dict(serializer.validated_data)
        fields.pop("mission", None)
        serializer.instance = services.precondition_add(self.request.user, fields.pop("output"),
                                                        text=fields.pop("text", ""), **fields)


class RiskViewSet(PlansViewSet):
    """Risks to an output: owner and review date required, likelihood and impact 1-5; ``register/`` lists the
    risks the user may read with score and escalation (``?mission=`` or ``?isf=`` narrows it)."""

    queryset = PlanRisk.objects.all()
    serializer_class = RiskSerializer
    search_fields = ["text", "owner"]
    filterset_fields = ["output", "likelihood", "impact"]

    def perform_create(self, serializer):
        fields = dict(serializer.validated_data)
        fields.pop("mission", None)
        serializer.instance = services.risk_add(self.request.user, fields.pop("output"),
                                                text=fields.pop("text", ""), **fields)

    def perform_update(self, serializer):
        serializer.instance = services.risk_update(self.request.user, serializer.instance,
                                                   dict(serializer.validated_data), expected_etag=self.if_match())

    @extend_schema(responses=serializers.ListSerializer(child=serializers.DictField()))
    @action(detail=False, methods=["get"])
    def register(self, request):
        missions = request.query_params.get("mission")
        isf_id = request.query_params.get("isf")
        isf = None
        if isf_id:
            if not isf_id.isdigit():
                raise exceptions.ValidationError({"isf": ["give an ISF id"]})
            isf = selectors.isfs_for(request.user).filter(pk=isf_id).first()
            if isf is None:
                raise exceptions.NotFound()
        if missions and not missions.isdigit():
            raise exceptions.ValidationError({"mission": ["give a mission id"]})
        rows = selectors.risk_register(request.user, mission_ids=[int(missions)] if missions else None, isf=isf)
        return Response([{"id": row.risk.id, "mission": row.risk.mission_acronym, "output": row.risk.output_id,
                          "text": row.risk.text, "owner": row.risk.owner, "likelihood": row.risk.likelihood,
                          "impact": row.risk.impact, "score": row.score, "review_on": row.risk.review_on,
                          "escalated": row.escalated, "reasons": list(row.reasons)} for row in rows])


class LessonViewSet(PlansViewSet):
    """Lessons a mission learned (DDR, violence against women and children, cross-border returns...), read by
    other missions under an information-sharing agreement on lessons (seed 000 §IV.A.2, §IV.A.4)."""

    queryset = Lesson.objects.all()
    serializer_class = LessonSerializer
    search_fields = ["title", "context", "what_worked", "what_did_not", "evidence"]
    filterset_fields = ["mission", "subject"]

    def perform_create(self, serializer):
        fields = dict(serializer.validated_data)
        serializer.instance = services.lesson_record(self.request.user, mission=fields.pop("mission"),
                                                     title=fields.pop("title"), subject=fields.pop("subject"),
                                                     **fields)

    def perform_update(self, serializer):
        serializer.instance = services.lesson_update(self.request.user, serializer.instance,
                                                     dict(serializer.validated_data), expected_etag=self.if_match())


class RollupSerializer(serializers.Serializer):
    rule = serializers.CharField()
    objectives = serializers.ListField(child=serializers.DictField())


class IsfViewSet(PlansViewSet):
    """Integrated Strategic Frameworks per country; ``{id}/rollup/?start=&end=`` gives progress and RAG."""

    queryset = Isf.objects.all()
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
    result = rolled.result
    objectives = []
    for n, objective in enumerate(rolled.objectives):
        progress = _number(result.objective_progress[n]) if result else None
        objectives.append({"id": objective.id, "title": objective.title, "progress": progress,
                           "rag": rag(progress if progress is not None else float("nan"))})
    indicators = []
    for n, indicator in enumerate(rolled.indicators):
        progress = _number(result.progress[n])
        indicators.append({"id": indicator.id, "name": indicator.name, "value": _number(result.value[n]),
                           "progress": progress, "trend": trend_word(result.trend[n]),
                           "rag": rag(progress if progress is not None else float("nan"))})
    return {"rule": RAG_RULE, "objectives": objectives, "indicators": indicators}


class LibraryItemSerializer(serializers.ModelSerializer):
    objective = serializers.CharField(source="objective.ref")
    output = serializers.CharField(source="output.ref", allow_null=True)

    class Meta:
        model = FrameworkItem
        fields = ["id", "ref", "objective", "output", "kind", "horizon", "title", "text", "section", "source"]


class LibraryViewSet(viewsets.ReadOnlyModelViewSet):
    """Seed 004 ch. 3-6 as a searchable library (public reference data)."""

    queryset = FrameworkItem.objects.select_related("objective", "output")
    serializer_class = LibraryItemSerializer
    search_fields = ["text", "title", "ref"]
    filterset_fields = ["kind", "horizon", "section"]
    ordering_fields = ["order", "ref"]
    secured = False


ChecklistAnswerSerializer = _serializer(ChecklistAnswer, [
    "mission", "item_code", "status", "note", "evidence_post", "evidence_line", "evidence_document",
    "evidence_meeting", "answered_on", "classification"])
ChecklistAnswerSerializer.Meta.extra_kwargs = {"answered_on": {"required": False}}
DocumentSerializer = _serializer(MissionDocument, [
    "mission", "title", "reference", "issued_on", "summary", "classification", "source"])


class ChecklistAnswerViewSet(PlansViewSet):
    """Leadership's answers to the integration checklist (seed 004 ch. 1-2; seed 003 §2.5, rec. 3.4.4, 3.5.4-3.5.6),
    each with one record as evidence the answering user may read; ``results/?mission=`` gives the whole checklist
    of a mission: shown by the registry, answered with evidence, or a gap (docs/checklists.md). A second answer to
    the same item replaces the first (the history keeps it)."""

    queryset = ChecklistAnswer.objects.all()
    serializer_class = ChecklistAnswerSerializer
    write_action = Action.APPROVE
    http_method_names = ["get", "post", "head", "options"]
    filterset_fields = ["mission", "item_code", "status"]

    def perform_create(self, serializer):
        fields = dict(serializer.validated_data)
        evidence = {name: fields.pop(name, None) for name in ChecklistAnswer.EVIDENCE_FIELDS}
        serializer.instance = services.checklist_item_answer(
            self.request.user, mission=fields.pop("mission"), item_code=fields.pop("item_code"),
            status=fields.pop("status"), note=fields.pop("note", ""), evidence=evidence,
            answered_on=fields.pop("answered_on", None), classification=fields.pop("classification", 0))

    @extend_schema(responses=serializers.ListSerializer(child=serializers.DictField()))
    @action(detail=False, methods=["get"])
    def results(self, request):
        mission_id = request.query_params.get("mission", "")
        if not mission_id.isdigit():
            raise exceptions.ValidationError({"mission": ["give a mission id"]})
        mission = Mission.objects.filter(pk=mission_id).first()
        found = selectors.mission_checklist(request.user, mission) if mission else None
        if found is None:
            raise exceptions.NotFound()
        return Response([{
            "item": result.item.code, "group": result.item.group, "text": result.item.text,
            "source": result.item.source, "state": result.state,
            "registry": result.finding.detail if result.finding and result.finding.met else "",
            "answer": result.answer.status if result.answer else None,
            "evidence": result.answer.evidence if result.answer else "", "reasons": list(result.reasons),
        } for result in found.results])


class DocumentViewSet(PlansViewSet):
    """Documents of a mission (strategies, plans, protocols) that checklist answers cite; leadership records them."""

    queryset = MissionDocument.objects.all()
    serializer_class = DocumentSerializer
    write_action = Action.APPROVE
    http_method_names = ["get", "post", "head", "options"]
    filterset_fields = ["mission"]
    search_fields = ["title", "reference"]

    def perform_create(self, serializer):
        fields = dict(serializer.validated_data)
        serializer.instance = services.document_add(self.request.user, mission=fields.pop("mission"),
                                                    title=fields.pop("title"), **fields)


ROUTES: list[tuple] = [
    ("mandate-tasks", TaskViewSet),
    ("isfs", IsfViewSet),
    ("isf-objectives", _viewset(IsfObjective, ObjectiveSerializer, "ISF objectives shared with the entity "
                                "responsible.", filters=("isf",))),
    ("isf-outputs", _viewset(IsfOutput, OutputSerializer, "Outputs of an ISF objective.", filters=("objective",))),
    ("isf-benchmarks", BenchmarkViewSet),
    ("indicators", _viewset(Indicator, IndicatorSerializer, "Indicators with baseline, rules and data source.",
                            search=("name",), filters=("benchmark",))),
    ("measurements", MeasurementViewSet),
    ("assessments", AssessmentViewSet),
    ("plan-activities", ActivityViewSet),
    ("activity-budgets", BudgetViewSet),
    ("plan-preconditions", PreconditionViewSet),
    ("plan-risks", RiskViewSet),
    ("lessons", LessonViewSet),
    ("handover-plans", _viewset(HandoverPlan, HandoverSerializer, "Handover plan per function (transition).",
                                filters=("isf",))),
    ("framework-library", LibraryViewSet),
    ("checklist-answers", ChecklistAnswerViewSet),
    ("mission-documents", DocumentViewSet),
]
# Endpoints outside a viewset (django.urls.path objects), mounted under /api/v1/.
PATHS: list = []
