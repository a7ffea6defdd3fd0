"""Secured viewsets and serializer helpers every module's API builds on."""

from django.db import transaction
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from peaceops.accounts.access import access_for, can, mission_id_of, visible
from peaceops.accounts.roles import Action
from peaceops.core.history import readable_history


class HistoryEntrySerializer(serializers.Serializer):
    history_id = serializers.IntegerField()
    history_date = serializers.DateTimeField()
    history_type = serializers.CharField(help_text="+ created, ~ changed, - deleted")
    user = serializers.CharField(allow_null=True)
    changes = serializers.ListField(child=serializers.DictField())


# Serializer fields whose representation of a ``values()`` column is the column itself (or what the
# JSON renderer makes of it: dates and datetimes in ISO 8601, as DRF writes them).
_PLAIN_FIELDS = (serializers.CharField, serializers.IntegerField, serializers.BooleanField, serializers.FloatField,
                 serializers.DateField, serializers.DateTimeField, serializers.ChoiceField, serializers.JSONField,
                 serializers.ReadOnlyField, serializers.PrimaryKeyRelatedField)
_NOT_PLAIN = (serializers.ManyRelatedField, serializers.SerializerMethodField, serializers.BaseSerializer,
              serializers.MultipleChoiceField, serializers.FilePathField, serializers.HiddenField)


def plain_columns(serializer) -> dict[str, str] | None:
    """``{output name: column}`` when every readable field is a plain column, else None."""
    columns = {}
    for name, field in serializer.fields.items():
        if field.write_only:
            continue
        custom = not type(field).__module__.startswith("rest_framework.")  # may represent values its own way
        if custom or isinstance(field, _NOT_PLAIN) or not isinstance(field, _PLAIN_FIELDS) \
                or "." in field.source or field.source == "*" or getattr(field, "coerce_to_string", False):
            return None
        columns[name] = field.source
    return columns


class SecuredViewSet(viewsets.ModelViewSet):
    """A model viewset that lists and finds only what the user may read, and writes by role.

    ``write_action`` names the role action needed to create, change or delete; the mission
    checked is the record's owning mission (before and after the change).
    """

    write_action: Action = Action.EDIT_REGISTRY
    lookup_value_regex = "[0-9]{1,18}"  # ids beyond 64 bits cannot exist: a plain 404, not a crash
    secured = True  # False for public reference data that carries no classification

    def get_queryset(self):
        queryset = super().get_queryset()
        return visible(queryset, self.request.user) if self.secured else queryset

    def list(self, request, *args, **kwargs):
        """Lists whose fields are all plain columns are read with ``values()``, skipping model instances.

        Building a model instance and running every DRF field per row costs about 60 µs; a page of
        100 rows then dominates the request (docs/benchmarks.md). The output is the same as the
        serializer's (tests/test_api_fast_list.py compares them for every route).
        """
        columns = plain_columns(self.get_serializer())
        if columns is None:
            return super().list(request, *args, **kwargs)
        queryset = self.filter_queryset(self.get_queryset()).values(*columns.values())
        page = self.paginate_queryset(queryset)
        rows = [{name: row[column] for name, column in columns.items()} for row in page]
        return self.get_paginated_response(rows)

    def _check_write(self, mission_id):
        if not can(self.request.user, self.write_action, mission_id):
            raise exceptions.PermissionDenied(f"You may not change records of this mission ({self.write_action}).")

    def _check_clearance(self, instance):
        if self.secured and not access_for(self.request.user).can_read(mission_id_of(instance), instance.classification):
            raise exceptions.PermissionDenied("The classification is above your clearance for this mission.")

    def perform_create(self, serializer):
        with transaction.atomic():
            instance = serializer.save()
            self._check_saved(instance)

    def perform_update(self, serializer):
        self._check_write(self._mission_of(serializer.instance))
        with transaction.atomic():
            instance = serializer.save()
            self._check_saved(instance)

    def perform_destroy(self, instance):
        self._check_write(self._mission_of(instance))
        instance.delete()

    def _check_saved(self, instance):
        """Validate the model and the caller's rights over the record as saved; roll back if not."""
        instance.full_clean()
        self._check_write(self._mission_of(instance))
        self._check_clearance(instance)

    def _mission_of(self, instance):
        return mission_id_of(instance) if self.secured else None

    @extend_schema(responses=HistoryEntrySerializer(many=True))
    @action(detail=True, methods=["get"])
    def history(self, request, pk=None):
        """Every change to this record: who, when, what. Readable by whoever may read the record."""
        record = self.get_object()
        return Response(HistoryEntrySerializer(readable_history(request.user, record), many=True).data)


class VisibleRelationsMixin:
    """Narrow every related-record field to what the requesting user may read.

    Without it, posting an id of a record one is not cleared for would answer "does not
    exist" or not, and so reveal it.
    """

    def get_fields(self):
        fields = super().get_fields()
        request = self.context.get("request")
        for field in fields.values():
            relation = getattr(field, "child_relation", field)
            queryset = getattr(relation, "queryset", None)
            if queryset is not None and hasattr(queryset.model, "MISSION_FIELD") and request is not None:
                relation.queryset = visible(queryset, request.user)
        return fields

