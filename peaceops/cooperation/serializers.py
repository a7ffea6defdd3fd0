"""API representations of cooperation records (edge only: rules live in the models and services)."""

from django.utils.translation import gettext as _
from rest_framework import serializers

from peaceops.accounts.viewsets import VisibleRelationsMixin
from peaceops.cooperation import models
from peaceops.registry.models import Mission


class MeetingSerializer(VisibleRelationsMixin, serializers.ModelSerializer):
    organiser = serializers.SlugRelatedField(
        slug_field="acronym", queryset=Mission.objects.all(), allow_null=True, required=False
    )
    attending_missions = serializers.SlugRelatedField(
        slug_field="acronym", many=True, queryset=Mission.objects.all(), required=False
    )
    subjects = serializers.ListField(child=serializers.CharField(), required=False)

    class Meta:
        model = models.Meeting
        fields = [
            "id", "title", "level", "starts_on", "ends_on", "place", "organiser", "attending_missions",
            "subjects", "series", "attendance_notes", "outcome_summary", "classification", "source",
        ]

    def validate(self, attrs):
        starts = attrs.get("starts_on", getattr(self.instance, "starts_on", None))
        ends = attrs.get("ends_on", getattr(self.instance, "ends_on", None))
        if starts and ends and ends < starts:
            raise serializers.ValidationError({"ends_on": _("The meeting ends before it starts.")})
        return attrs


def _mission_field(**options):
    return serializers.SlugRelatedField(slug_field="acronym", queryset=Mission.objects.all(), **options)


class AttendanceSerializer(VisibleRelationsMixin, serializers.ModelSerializer):
    mission = _mission_field()

    class Meta:
        model = models.Attendance
        fields = ["id", "meeting", "mission", "role", "name", "present", "classification"]


class MeetingDecisionSerializer(VisibleRelationsMixin, serializers.ModelSerializer):
    class Meta:
        model = models.MeetingDecision
        fields = ["id", "meeting", "text", "classification"]


class ActionItemSerializer(VisibleRelationsMixin, serializers.ModelSerializer):
    owner_mission = _mission_field()

    class Meta:
        model = models.ActionItem
        fields = ["id", "meeting", "decision", "text", "owner_mission", "owner_role", "due_on", "closed_on",
                  "outcome", "classification"]


class SharingAgreementSerializer(VisibleRelationsMixin, serializers.ModelSerializer):
    sharer = _mission_field()
    receiver = _mission_field()
    categories = serializers.ListField(child=serializers.CharField(), required=False)

    class Meta:
        model = models.SharingAgreement
        fields = ["id", "sharer", "receiver", "subject", "categories", "up_to", "include_drafts", "starts_on",
                  "ends_on", "withdrawn_at", "withdrawn_reason", "classification", "source"]
        read_only_fields = ["withdrawn_at", "withdrawn_reason"]


class FocalPointSerializer(VisibleRelationsMixin, serializers.ModelSerializer):
    mission = _mission_field()

    class Meta:
        model = models.FocalPoint
        fields = ["id", "mission", "subject", "role", "name", "contact", "classification", "source"]


class ContractSerializer(VisibleRelationsMixin, serializers.ModelSerializer):
    mission = _mission_field()

    class Meta:
        model = models.Contract
        fields = ["id", "contractor", "mission", "service", "starts_on", "ends_on", "classification", "source"]


class ContractEvaluationSerializer(VisibleRelationsMixin, serializers.ModelSerializer):
    class Meta:
        model = models.ContractEvaluation
        fields = ["id", "contract", "score", "evaluated_on", "evaluator", "notes", "classification"]


class ContractorWarningSerializer(VisibleRelationsMixin, serializers.ModelSerializer):
    issued_by = _mission_field()

    class Meta:
        model = models.ContractorWarning
        fields = ["id", "contractor", "issued_by", "contract", "issued_on", "text", "classification", "source"]
