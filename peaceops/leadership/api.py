"""REST endpoints of the leadership app under /api/v1/: strategies with their objectives and health check,
decisions. Reads are filtered by accounts.access; writes go through ``services`` (the same checks as the pages)."""

import datetime as dt

from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from peaceops.accounts.access import visible
from peaceops.accounts.roles import Action
from peaceops.accounts.viewsets import SecuredViewSet
from peaceops.core import query
from peaceops.leadership import models as lm
from peaceops.leadership import selectors, services
from peaceops.mandates.models import MandateTask
from peaceops.registry.models import Mission


class StrategicObjectiveSerializer(serializers.ModelSerializer):
    # The objective this one follows, named only to a reader who may read it: its id alone would tell that a
    # hidden objective exists.
    after = serializers.SerializerMethodField()

    class Meta:
        model = lm.StrategicObjective
        fields = ["id", "title", "actors", "leverage", "sequence", "after", "tasks", "classification", "source"]

    def get_after(self, objective) -> int | None:
        if objective.after_id is None:
            return None
        # read once per answer, not once per objective
        readable = self.context.setdefault("readable_objective_ids", set(
            visible(lm.StrategicObjective.objects.all(), self.context["request"].user).values_list("pk", flat=True)))
        return objective.after_id if objective.after_id in readable else None


class PoliticalStrategySerializer(serializers.ModelSerializer):
    objectives = StrategicObjectiveSerializer(many=True, read_only=True)

    class Meta:
        model = lm.PoliticalStrategy
        fields = ["id", "mission", "title", "summary", "adopted_on", "review_by", "classification", "source",
                  "objectives"]


class LeadershipDecisionSerializer(serializers.ModelSerializer):
    class Meta:
        model = lm.Decision
        fields = ["id", "mission", "decided_on", "decided_by", "text", "rationale", "task", "risk",
                  "classification", "source"]


class StrategyViewSet(SecuredViewSet):
    """Political strategies the user may read, latest adopted first, with their objectives and history.
    Strategies are adopted and changed on the page (services.strategy_adopt, objective_add)."""

    serializer_class = PoliticalStrategySerializer
    queryset = lm.PoliticalStrategy.objects.all()
    filterset_fields = ["mission"]
    write_action = Action.APPROVE
    http_method_names = ["get", "head", "options"]

    def get_queryset(self):
        # an objective may be classified above its strategy: only those the reader may read are nested
        user = self.request.user
        tasks = visible(MandateTask.objects.all(), user)
        objectives = visible(lm.StrategicObjective.objects.all(), user).prefetch_related(
            Prefetch("tasks", queryset=tasks))
        return super().get_queryset().prefetch_related(Prefetch("objectives", queryset=objectives))

    @action(detail=True, methods=["get"])
    def health(self, request, pk=None):
        """The mandate health check against this mission's strategy in force."""
        strategy = self.get_object()
        checked = selectors.strategy_health(request.user, strategy.mission_id)
        return Response([{"code": f.code, "subject": f.subject_id, "message": f.message, "source": f.source}
                         for f in checked.findings])


class DecisionViewSet(SecuredViewSet):
    """The leadership's decisions the user may read, with their history; POST logs one (services.decision_log).
    A decision is a record of what was decided: it is not changed or deleted afterwards."""

    serializer_class = LeadershipDecisionSerializer
    queryset = lm.Decision.objects.all()
    filterset_fields = ["mission", "task", "risk"]
    write_action = Action.APPROVE
    http_method_names = ["get", "post", "head", "options"]

    @extend_schema(request=LeadershipDecisionSerializer, responses=LeadershipDecisionSerializer)
    def create(self, request, *args, **kwargs):
        data = request.data
        mission_id = data.get("mission")
        mission = Mission.objects.filter(pk=int(mission_id)).first() if query.is_id(mission_id) else None
        if mission is None or selectors.mission_for(request.user, mission.id) is None:
            raise serializers.ValidationError({"mission": ["No such mission."]})
        try:
            decided_on = dt.date.fromisoformat(str(data.get("decided_on", "")))
        except ValueError:
            raise serializers.ValidationError({"decided_on": ["A date is needed (YYYY-MM-DD)."]}) from None
        decision = services.decision_log(
            request.user, mission, decided_on=decided_on, decided_by=str(data.get("decided_by", "")),
            text=str(data.get("text", "")), rationale=str(data.get("rationale", "")),
            task_id=_id_or_none(data.get("task"), "task"), risk_id=_id_or_none(data.get("risk"), "risk"),
            classification=_classification(data.get("classification", 0)), source=str(data.get("source", "")))
        return Response(LeadershipDecisionSerializer(decision).data, status=201)


def _id_or_none(value, field: str) -> int | None:
    if value in (None, "", 0):
        return None
    if not query.is_id(value):
        raise serializers.ValidationError({field: ["An id is needed."]})
    return int(value)


def _classification(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise serializers.ValidationError({"classification": ["A level: 0, 1 or 2."]}) from None


ROUTES = [("strategies", StrategyViewSet), ("decisions", DecisionViewSet)]
