"""API representations of cooperation records (edge only: rules live in the models and services)."""

from django.utils.translation import gettext as _
from rest_framework import serializers

from peaceops.cooperation.models import Meeting
from peaceops.core.api import VisibleRelationsMixin
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
        model = Meeting
        fields = [
            "id", "title", "level", "starts_on", "ends_on", "place", "organiser", "attending_missions",
            "subjects", "attendance_notes", "outcome_summary", "classification", "source",
        ]

    def validate(self, attrs):
        starts = attrs.get("starts_on", getattr(self.instance, "starts_on", None))
        ends = attrs.get("ends_on", getattr(self.instance, "ends_on", None))
        if starts and ends and ends < starts:
            raise serializers.ValidationError({"ends_on": _("The meeting ends before it starts.")})
        return attrs
