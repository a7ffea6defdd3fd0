"""REST endpoints of inter-mission cooperation under /api/v1/."""

from rest_framework import exceptions
from rest_framework.decorators import action
from rest_framework.fields import DateField
from rest_framework.response import Response

from peaceops.accounts.roles import Action
from peaceops.accounts.viewsets import SecuredViewSet
from peaceops.cooperation import models, serializers, services


class MeetingViewSet(SecuredViewSet):
    """Inter-mission meetings; read by clearance for the organising mission, written by coordinators."""

    write_action = Action.EDIT_COORDINATION
    queryset = models.Meeting.objects.select_related("organiser").prefetch_related("attending_missions")
    serializer_class = serializers.MeetingSerializer
    filterset_fields = {
        "level": ["exact"], "organiser__acronym": ["exact"], "attending_missions__acronym": ["exact"],
        "starts_on": ["gte", "lte"], "classification": ["exact"],
    }
    search_fields = ["title", "place", "outcome_summary"]
    ordering_fields = ["starts_on", "title"]


class AttendanceViewSet(SecuredViewSet):
    """Who attended a meeting for which mission and in which role; read and written as the meeting is."""

    write_action = Action.EDIT_COORDINATION
    queryset = models.Attendance.objects.select_related("mission")
    serializer_class = serializers.AttendanceSerializer
    filterset_fields = {"meeting": ["exact"], "mission__acronym": ["exact"], "present": ["exact"]}


class MeetingDecisionViewSet(SecuredViewSet):
    write_action = Action.EDIT_COORDINATION
    queryset = models.MeetingDecision.objects.all()
    serializer_class = serializers.MeetingDecisionSerializer
    filterset_fields = {"meeting": ["exact"]}
    search_fields = ["text"]


class ActionItemViewSet(SecuredViewSet):
    """Actions with owners and due dates; ``?overdue_on=YYYY-MM-DD`` keeps those open past their due date."""

    write_action = Action.EDIT_COORDINATION
    queryset = models.ActionItem.objects.select_related("owner_mission")
    serializer_class = serializers.ActionItemSerializer
    filterset_fields = {"meeting": ["exact"], "owner_mission__acronym": ["exact"], "due_on": ["gte", "lte"],
                        "closed_on": ["isnull"]}
    search_fields = ["text", "owner_role"]
    ordering_fields = ["due_on"]

    def get_queryset(self):
        queryset = super().get_queryset()
        day = self.request.query_params.get("overdue_on")
        if day:
            day = DateField().to_internal_value(day)
            queryset = queryset.filter(due_on__lt=day).exclude(closed_on__lte=day)
        return queryset


class SharingAgreementViewSet(SecuredViewSet):
    """Information-sharing agreements, read and signed by the sharing mission (APPROVE: its leadership).

    An agreement in force opens the sharer's records of its subject to the receiver's users through
    peaceops.accounts.access.visible; POST .../withdraw/ closes them again at the next request.
    """

    write_action = Action.APPROVE
    queryset = models.SharingAgreement.objects.select_related("sharer", "receiver")
    serializer_class = serializers.SharingAgreementSerializer
    filterset_fields = {"sharer__acronym": ["exact"], "receiver__acronym": ["exact"], "subject": ["exact"],
                        "withdrawn_at": ["isnull"]}

    def perform_create(self, serializer):
        serializer.instance = services.agreement_sign(self.request.user, **serializer.validated_data)

    def perform_update(self, serializer):
        serializer.instance = services.agreement_update(self.request.user, serializer.instance,
                                                        serializer.validated_data, expected_etag=self.if_match())

    def perform_destroy(self, instance):
        raise exceptions.MethodNotAllowed("DELETE", detail="Withdraw an agreement (POST .../withdraw/); "
                                                           "it is kept for the audit trail.")

    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        """Withdraw the agreement: the receiving mission loses access at once (its next request)."""
        agreement = self.get_object()
        services.agreement_withdraw(request.user, agreement, str(request.data.get("reason", "")))
        return Response(self.get_serializer(agreement).data)


class FocalPointViewSet(SecuredViewSet):
    write_action = Action.EDIT_COORDINATION
    queryset = models.FocalPoint.objects.select_related("mission")
    serializer_class = serializers.FocalPointSerializer
    filterset_fields = {"mission__acronym": ["exact"], "subject": ["exact"]}


class ContractViewSet(SecuredViewSet):
    write_action = Action.EDIT_COORDINATION
    queryset = models.Contract.objects.select_related("mission")
    serializer_class = serializers.ContractSerializer
    filterset_fields = {"mission__acronym": ["exact"], "contractor": ["exact"]}
    search_fields = ["service"]


class ContractEvaluationViewSet(SecuredViewSet):
    write_action = Action.EDIT_COORDINATION
    queryset = models.ContractEvaluation.objects.all()
    serializer_class = serializers.ContractEvaluationSerializer
    filterset_fields = {"contract": ["exact"], "score": ["lte", "gte"]}


class ContractorWarningViewSet(SecuredViewSet):
    """Warnings about contractors; the neighbouring missions (same region) read them (seed 000 §III.C.4)."""

    write_action = Action.EDIT_COORDINATION
    queryset = models.ContractorWarning.objects.select_related("issued_by")
    serializer_class = serializers.ContractorWarningSerializer
    filterset_fields = {"contractor": ["exact"], "issued_by__acronym": ["exact"]}
    search_fields = ["text"]


ROUTES: list[tuple] = [
    ("meetings", MeetingViewSet),
    ("meeting-attendance", AttendanceViewSet),
    ("meeting-decisions", MeetingDecisionViewSet),
    ("meeting-actions", ActionItemViewSet),
    ("sharing-agreements", SharingAgreementViewSet),
    ("focal-points", FocalPointViewSet),
    ("contracts", ContractViewSet),
    ("contract-evaluations", ContractEvaluationViewSet),
    ("contractor-warnings", ContractorWarningViewSet),
]
