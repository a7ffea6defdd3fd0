"""API representations of registry records (edge only: rules live in services and models)."""

from rest_framework import serializers

from peaceops.accounts.viewsets import VisibleRelationsMixin
from peaceops.registry import models


class CountrySerializer(serializers.ModelSerializer):
    class Meta:
        model = models.Country
        fields = ["id", "iso3", "iso2", "numeric", "name"]


class AdminAreaSerializer(serializers.ModelSerializer):
    country = serializers.SlugRelatedField(slug_field="iso3", queryset=models.Country.objects.all())
    parent = serializers.SlugRelatedField(
        slug_field="pcode", queryset=models.AdminArea.objects.all(), allow_null=True, required=False
    )

    class Meta:
        model = models.AdminArea
        fields = ["id", "pcode", "name", "level", "country", "parent", "centroid_lat", "centroid_lon", "valid_on"]


class RegionSerializer(serializers.ModelSerializer):
    missions = serializers.SlugRelatedField(slug_field="acronym", many=True, read_only=True)

    class Meta:
        model = models.Region
        fields = ["id", "name", "description", "missions"]


class OrganisationSerializer(serializers.ModelSerializer):
    country = serializers.SlugRelatedField(
        slug_field="iso3", queryset=models.Country.objects.all(), allow_null=True, required=False
    )

    class Meta:
        model = models.Organisation
        fields = ["id", "name", "acronym", "kind", "country", "parent", "description", "source"]


class ResolutionSerializer(serializers.ModelSerializer):
    class Meta:
        model = models.Resolution
        fields = ["id", "number", "adopted_on", "title", "summary", "source"]


class MissionResolutionSerializer(serializers.ModelSerializer):
    number = serializers.IntegerField(source="resolution.number", read_only=True)
    adopted_on = serializers.DateField(source="resolution.adopted_on", read_only=True)

    class Meta:
        model = models.MissionResolution
        fields = ["number", "adopted_on", "action", "note"]


class MissionSerializer(serializers.ModelSerializer):
    host_countries = serializers.SlugRelatedField(
        slug_field="iso3", many=True, queryset=models.Country.objects.all(), required=False
    )
    regions = serializers.SlugRelatedField(
        slug_field="name", many=True, queryset=models.Region.objects.all(), required=False
    )
    predecessor = serializers.SlugRelatedField(
        slug_field="acronym", queryset=models.Mission.objects.all(), allow_null=True, required=False
    )
    successor = serializers.SlugRelatedField(slug_field="acronym", read_only=True)
    mandating_resolutions = MissionResolutionSerializer(many=True, read_only=True)

    class Meta:
        model = models.Mission
        fields = [
            "id", "acronym", "name", "kind", "lead_department", "host_countries", "regions", "start_date",
            "end_date", "predecessor", "successor", "integration_model", "headquarters", "hq_lat", "hq_lon",
            "summary", "mandating_resolutions", "source",
        ]

    def validate(self, attrs):
        start = attrs.get("start_date", getattr(self.instance, "start_date", None))
        end = attrs.get("end_date", getattr(self.instance, "end_date", None))
        if start and end and end < start:
            raise serializers.ValidationError({"end_date": "The end date is before the start date."})
        return attrs


class ComponentSerializer(VisibleRelationsMixin, serializers.ModelSerializer):
    class Meta:
        model = models.Component
        fields = ["id", "mission", "name", "kind", "organisation", "parent", "classification", "source"]


class HatSerializer(VisibleRelationsMixin, serializers.ModelSerializer):
    class Meta:
        model = models.Hat
        fields = ["id", "post", "role", "on_behalf_of", "terms_of_reference", "responsibilities", "classification"]
        # the terms change only by a new version (POST .../hats/{id}/terms/: registry.services)
        read_only_fields = ["terms_of_reference"]


class TermsOfReferenceSerializer(serializers.ModelSerializer):
    class Meta:
        model = models.TermsOfReference
        fields = ["id", "hat", "version", "text", "duties", "valid_from", "author", "note", "source",
                  "classification", "created_at"]
        read_only_fields = fields


class NewTermsSerializer(serializers.Serializer):
    text = serializers.CharField(trim_whitespace=False)
    valid_from = serializers.DateField()
    note = serializers.CharField(required=False, allow_blank=True, max_length=300, default="")
    source = serializers.CharField(required=False, allow_blank=True, max_length=300, default="")


class PostSerializer(VisibleRelationsMixin, serializers.ModelSerializer):
    class Meta:
        model = models.Post
        fields = ["id", "mission", "component", "title", "function", "grade", "classification", "source"]


class PersonSerializer(VisibleRelationsMixin, serializers.ModelSerializer):
    class Meta:
        model = models.Person
        fields = ["id", "name", "nationality", "organisation", "owning_mission", "classification", "source"]


class AssignmentSerializer(VisibleRelationsMixin, serializers.ModelSerializer):
    class Meta:
        model = models.Assignment
        fields = ["id", "person", "post", "start_date", "end_date", "classification"]


class ReportingLineSerializer(VisibleRelationsMixin, serializers.ModelSerializer):
    class Meta:
        model = models.ReportingLine
        fields = ["id", "from_post", "to_post", "to_organisation", "kind", "note", "classification"]

    def validate(self, attrs):
        to_post = attrs.get("to_post", getattr(self.instance, "to_post", None))
        to_org = attrs.get("to_organisation", getattr(self.instance, "to_organisation", None))
        if bool(to_post) == bool(to_org):
            raise serializers.ValidationError({"to_post": "Give exactly one of to_post and to_organisation."})
        return attrs


class MissionAreaSerializer(serializers.ModelSerializer):
    """A mission's area of responsibility or sector, read-only: changes go through ``peaceops areas``
    (services_areas), which validates the shape and re-assigns the incidents it covers."""

    mission = serializers.SlugRelatedField(slug_field="acronym", read_only=True)
    parent = serializers.SlugRelatedField(slug_field="name", read_only=True)
    pcodes = serializers.SlugRelatedField(source="admin_areas", slug_field="pcode", many=True, read_only=True)

    class Meta:
        model = models.MissionArea
        fields = ["id", "mission", "name", "kind", "parent", "valid_from", "valid_to", "source", "pcodes", "geometry"]
        read_only_fields = fields
