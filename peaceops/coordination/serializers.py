"""API representations of coordination records (edge only: rules live in models and services)."""

from rest_framework import serializers

from peaceops.accounts.viewsets import VisibleRelationsMixin
from peaceops.coordination import models
from peaceops.registry.models import AdminArea, Country, Mission


def _slug(field, queryset, **options):
    return serializers.SlugRelatedField(slug_field=field, queryset=queryset, **options)


OPTIONAL = {"allow_null": True, "required": False}


class SectorSerializer(serializers.ModelSerializer):
    parent = _slug("code", models.Sector.objects.all(), **OPTIONAL)

    class Meta:
        model = models.Sector
        fields = ["id", "code", "name_en", "name_fr", "kind", "parent", "aliases"]


class ActivitySerializer(VisibleRelationsMixin, serializers.ModelSerializer):
    sector = _slug("code", models.Sector.objects.all(), **OPTIONAL)
    country = _slug("iso3", Country.objects.all())
    admin_area = _slug("pcode", AdminArea.objects.all(), **OPTIONAL)
    owning_mission = _slug("acronym", Mission.objects.all(), **OPTIONAL)

    class Meta:
        model = models.Activity
        fields = ["id", "kind", "organisation", "organisation_type", "sector", "sector_source", "title", "country",
                  "admin_area", "admin1_name", "admin1_pcode", "admin2_name", "admin2_pcode", "location",
                  "location_pcode", "start_date", "end_date", "status", "status_source", "beneficiaries_targeted",
                  "beneficiaries_reached", "disaggregation", "beneficiary_type", "budget", "currency",
                  "funding_source", "donor", "details", "dataset", "external_id", "humanitarian",
                  "shared_with_military", "owning_mission", "classification"]


class ProgrammeComponentSerializer(serializers.ModelSerializer):
    class Meta:
        model = models.ProgrammeComponent
        fields = ["id", "name", "sequence", "status", "start_date", "end_date", "description"]


class ProgrammeSerializer(VisibleRelationsMixin, serializers.ModelSerializer):
    sector = _slug("code", models.Sector.objects.all())
    country = _slug("iso3", Country.objects.all(), **OPTIONAL)
    admin_area = _slug("pcode", AdminArea.objects.all(), **OPTIONAL)
    owning_mission = _slug("acronym", Mission.objects.all(), **OPTIONAL)
    components = ProgrammeComponentSerializer(many=True, read_only=True)

    class Meta:
        model = models.Programme
        fields = ["id", "name", "sector", "country", "admin_area", "lead_organisation", "start_date", "end_date",
                  "description", "source", "components", "owning_mission", "classification"]


class IntegrationAssessmentSerializer(VisibleRelationsMixin, serializers.ModelSerializer):
    mission = _slug("acronym", Mission.objects.all())
    sector = _slug("code", models.Sector.objects.filter(kind=models.Sector.Kind.MISSION))

    class Meta:
        model = models.IntegrationAssessment
        fields = ["id", "mission", "sector", "model", "reason", "assessed_on", "source", "classification"]


class FundingStreamSerializer(VisibleRelationsMixin, serializers.ModelSerializer):
    country = _slug("iso3", Country.objects.all(), **OPTIONAL)
    owning_mission = _slug("acronym", Mission.objects.all(), **OPTIONAL)

    class Meta:
        model = models.FundingStream
        fields = ["id", "kind", "source", "channel", "programme", "component", "country", "start_date", "end_date",
                  "amount", "currency", "note", "owning_mission", "classification"]


AREA_FIELDS = ["country", "admin_area", "admin1_pcode", "admin1_name", "admin2_pcode", "admin2_name", "sector",
               "start_date", "end_date"]


class NeedSerializer(VisibleRelationsMixin, serializers.ModelSerializer):
    sector = _slug("code", models.Sector.objects.all())
    country = _slug("iso3", Country.objects.all())
    admin_area = _slug("pcode", AdminArea.objects.all(), **OPTIONAL)
    owning_mission = _slug("acronym", Mission.objects.all(), **OPTIONAL)

    class Meta:
        model = models.Need
        fields = ["id", *AREA_FIELDS, "people_in_need", "severity", "note", "humanitarian", "shared_with_military",
                  "dataset", "external_id", "source", "owning_mission", "classification"]


class MandatedTaskAreaSerializer(VisibleRelationsMixin, serializers.ModelSerializer):
    sector = _slug("code", models.Sector.objects.all())
    country = _slug("iso3", Country.objects.all())
    admin_area = _slug("pcode", AdminArea.objects.all(), **OPTIONAL)
    owning_mission = _slug("acronym", Mission.objects.all())

    class Meta:
        model = models.MandatedTaskArea
        fields = ["id", "task", "mandate_reference", *AREA_FIELDS, "source", "owning_mission", "classification"]


DECISION_FIELDS = ["status", "submitted_by", "submitted_at", "decided_by", "decided_at", "decision_reason"]


class HumanitarianProposalSerializer(VisibleRelationsMixin, serializers.ModelSerializer):
    country = _slug("iso3", Country.objects.all(), **OPTIONAL)
    admin_area = _slug("pcode", AdminArea.objects.all(), **OPTIONAL)
    owning_mission = _slug("acronym", Mission.objects.all())

    class Meta:
        model = models.HumanitarianProposal
        fields = ["id", "kind", "title", "description", "component", "country", "admin_area", "budget", "currency",
                  "principles_note", "source", *DECISION_FIELDS, "owning_mission", "classification"]
        read_only_fields = DECISION_FIELDS


class MilitaryAssetUseSerializer(VisibleRelationsMixin, serializers.ModelSerializer):
    country = _slug("iso3", Country.objects.all(), **OPTIONAL)
    owning_mission = _slug("acronym", Mission.objects.all())

    class Meta:
        model = models.MilitaryAssetUse
        fields = ["id", "asset_kind", "task", "requested_by", "country", "admin1_pcode", "admin2_pcode",
                  "start_date", "end_date", "justification", "no_civilian_capacity", "source", *DECISION_FIELDS,
                  "owning_mission", "classification"]
        read_only_fields = DECISION_FIELDS


class DecisionSerializer(serializers.Serializer):
    approve = serializers.BooleanField()
    reason = serializers.CharField(required=False, allow_blank=True, default="")
