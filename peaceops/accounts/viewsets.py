"""Secured viewsets and serializer helpers every module's API builds on."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from peaceops.accounts.access import visible
from peaceops.accounts.history import readable_history
from peaceops.accounts.records import record_create, record_delete, record_etag, record_update
from peaceops.accounts.roles import Action


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
    checked is the record's owning mission (before and after the change). A detail answers with an
    ``ETag``; a change or delete sent with ``If-Match`` is refused (412) when the record moved on.
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

    # Writes go through the record services of peaceops.accounts.records: the actor is checked there,
    # once, before anything is written. A viewset with rules of its own overrides these three with its
    # app's services.
    shared_by_any = False  # shared (mission-less) records: may any mission's holder of write_action write them?

    def perform_create(self, serializer):
        serializer.instance = record_create(self.request.user, self.write_action, serializer.Meta.model,
                                            dict(serializer.validated_data), shared_by_any=self.shared_by_any)

    def perform_update(self, serializer):
        serializer.instance = record_update(self.request.user, self.write_action, serializer.instance,
                                            dict(serializer.validated_data), expected_etag=self.if_match(),
                                            shared_by_any=self.shared_by_any)

    def perform_destroy(self, instance):
        record_delete(self.request.user, self.write_action, instance, expected_etag=self.if_match(),
                      shared_by_any=self.shared_by_any)

    def if_match(self) -> str | None:
        """The version the client started from: the If-Match header (ETag of its last read)."""
        return self.request.headers.get("If-Match") or None

    def retrieve(self, request, *args, **kwargs):
        instance = self.get_object()  # once: the body and the version tag come from the same read
        response = Response(self.get_serializer(instance).data)
        response["ETag"] = record_etag(instance)
        return response

    def update(self, request, *args, **kwargs):
        response = super().update(request, *args, **kwargs)
        instance = self.get_queryset().filter(pk=kwargs.get(self.lookup_field, kwargs.get("pk"))).first()
        if instance is not None:
            response["ETag"] = record_etag(instance)
        return response

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

