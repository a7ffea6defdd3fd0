"""API representations of incidents and actors (edge only: writes go through the log services)."""

from django.utils.translation import gettext as _
from rest_framework import serializers

from peaceops.accounts.access import can_read_record, visible
from peaceops.accounts.viewsets import VisibleRelationsMixin
from peaceops.incidents import limits
from peaceops.incidents.log.selectors import actors_for
from peaceops.incidents.log.services import ActorPart
from peaceops.incidents.models import Actor, Incident, IncidentActor, IncidentSource
from peaceops.registry.models import AdminArea, Country, Mission


class ActorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Actor
        fields = ["id", "name", "kind", "organisation", "aliases"]

    def validate_aliases(self, value):
        if not isinstance(value, list) or not all(isinstance(alias, str) and alias.strip() for alias in value):
            raise serializers.ValidationError(_("Give the aliases as a list of names."))
        return [" ".join(alias.split()) for alias in value]


class ActorPartSerializer(serializers.Serializer):
    """``{"actor": id}`` or ``{"name": "..."}`` (found by name or alias, created if new), with a side."""

    actor = serializers.PrimaryKeyRelatedField(queryset=Actor.objects.all(), required=False, allow_null=True)
    name = serializers.CharField(required=False, allow_blank=True, max_length=300)
    side = serializers.ChoiceField(choices=IncidentActor.Side.choices)

    def get_fields(self):
        fields = super().get_fields()
        request = self.context.get("request")
        if request is not None:
            fields["actor"].queryset = actors_for(request.user)
        return fields

    def validate(self, attrs):
        if not attrs.get("actor") and not (attrs.get("name") or "").strip():
            raise serializers.ValidationError({"name": _("Name the actor or give its id.")})
        return ActorPart(name=attrs.get("name") or "", side=attrs["side"], actor=attrs.get("actor"))

    def to_representation(self, link):
        return {"actor": link.actor_id, "name": link.actor.name, "side": link.side}


class SourceSerializer(serializers.ModelSerializer):
    grade = serializers.CharField(read_only=True, help_text="Reliability A-F and credibility 1-6, e.g. B2.")

    class Meta:
        model = IncidentSource
        fields = ["name", "reference", "reliability", "credibility", "reported_on", "grade"]


class IncidentSerializer(VisibleRelationsMixin, serializers.ModelSerializer):
    owning_mission = serializers.SlugRelatedField(slug_field="acronym", queryset=Mission.objects.all(),
                                                  required=False, help_text="Defaults to the user's only mission.")
    country = serializers.SlugRelatedField(slug_field="iso3", queryset=Country.objects.all(), required=False,
                                           allow_null=True)
    admin_area = serializers.SlugRelatedField(slug_field="pcode", queryset=AdminArea.objects.all(), required=False,
                                              allow_null=True, help_text="P-code; fills country and admin names.")
    missions = serializers.SlugRelatedField(slug_field="acronym", many=True, read_only=True)
    actors = ActorPartSerializer(source="actor_links", many=True, required=False)
    sources = SourceSerializer(many=True, required=False)
    duplicates = serializers.SerializerMethodField(help_text="Readable reports linked to this one as duplicates.")
    created_by = serializers.SlugRelatedField(slug_field="username", read_only=True)
    end_date = serializers.DateField(required=False, help_text="Defaults to the start date.")
    deaths_best = serializers.IntegerField(min_value=0, required=False, allow_null=True)
    deaths_low = serializers.IntegerField(min_value=0, required=False, allow_null=True)
    deaths_high = serializers.IntegerField(min_value=0, required=False, allow_null=True)

    class Meta:
        model = Incident
        fields = [
            "id", "dataset", "external_id", "status", "classification", "owning_mission", "missions",
            "start_date", "end_date", "start_time", "date_precision", "reported_on",
            "latitude", "longitude", "geo_precision", "location", "country", "admin1", "admin2", "admin_area",
            "category", "source_category", "description", "actors", "sources",
            "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "deaths_best", "deaths_low", "deaths_high",
            "injured", "abducted", "duplicate_of", "duplicates", "follow_up", "follow_up_closed", "follow_up_by", "created_by",
        ]
        read_only_fields = ["status", "dataset", "external_id"]

    def get_fields(self):
        return limits.limit_serializer_fields(super().get_fields())

    def _user(self):
        request = self.context.get("request")
        return request.user if request is not None else None

    def get_duplicates(self, incident) -> list[int]:
        prefetched = getattr(incident, "readable_duplicates", None)  # the API's list: one query per page
        if prefetched is not None:
            return [duplicate.id for duplicate in prefetched]
        return list(visible(incident.duplicates.all(), self._user()).order_by("id").values_list("id", flat=True))

    def to_representation(self, incident):
        data = super().to_representation(incident)
        master = incident.duplicate_of
        if master is not None and not can_read_record(self._user(), master):
            data["duplicate_of"] = None  # the master is above the reader's clearance: do not confirm it exists
        return data


class TransitionSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=Incident.Status.choices)
