"""REST endpoints of the notifications inbox, requests for information and releases, under /api/v1/.

Reads go through the selectors (``visible``): another mission's notification, request or release answers 404.
Writes are the actions below, each one service call checked with the acting user.
"""

from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from peaceops.accounts.access import SYSTEM
from peaceops.accounts.history import readable_history
from peaceops.accounts.viewsets import HistoryEntrySerializer
from peaceops.notifications import selectors, services
from peaceops.notifications.models import InformationRequest, Notification, Release


class NotificationSerializer(serializers.Serializer):
    """What the receiver may know of the alert: never the incidents' text, their ids only where readable."""

    id = serializers.IntegerField()
    key = serializers.CharField(source="alert_key")
    kind = serializers.CharField()
    title = serializers.CharField()
    country = serializers.CharField()
    admin1 = serializers.CharField()
    admin2 = serializers.CharField()
    since = serializers.DateField(allow_null=True)
    as_of = serializers.DateField(allow_null=True)
    score = serializers.FloatField()
    counts = serializers.DictField(child=serializers.IntegerField())
    recipient = serializers.CharField(source="recipient.acronym")
    source_mission = serializers.CharField(source="source_mission.acronym", allow_null=True, default=None)
    evidence_count = serializers.SerializerMethodField()
    readable_evidence_ids = serializers.SerializerMethodField()
    read = serializers.BooleanField(source="is_read", default=False)
    acknowledged = serializers.BooleanField(source="is_acknowledged", default=False)
    created_at = serializers.DateTimeField()

    def get_evidence_count(self, notification) -> int:
        return len(notification.evidence_ids)

    def get_readable_evidence_ids(self, notification) -> list[int]:
        return selectors.readable_evidence(self.context["request"].user, notification)


class AskSerializer(serializers.Serializer):
    evidence_ids = serializers.ListField(child=serializers.IntegerField(), required=False,
                                         help_text="incidents asked; default: all the alert's evidence")
    question = serializers.CharField(required=False, allow_blank=True, default="")


class InformationRequestSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    notification = serializers.IntegerField(source="notification_id", allow_null=True)
    requesting_mission = serializers.CharField(source="requesting_mission.acronym")
    owning_mission = serializers.CharField(source="owning_mission.acronym")
    alert_key = serializers.CharField()
    evidence_ids = serializers.ListField(child=serializers.IntegerField())
    question = serializers.CharField()
    status = serializers.CharField()
    reason = serializers.CharField()
    requested_at = serializers.DateTimeField()
    answered_at = serializers.DateTimeField(allow_null=True)


class ReleaseBodySerializer(serializers.Serializer):
    incident_ids = serializers.ListField(child=serializers.IntegerField(), allow_empty=False)
    note = serializers.CharField(required=False, allow_blank=True, default="")


class DeclineSerializer(serializers.Serializer):
    reason = serializers.CharField(allow_blank=True)


class ReleaseSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    owning_mission = serializers.CharField(source="owning_mission.acronym")
    receiving_mission = serializers.CharField(source="receiving_mission.acronym")
    request = serializers.IntegerField(source="request_id", allow_null=True)
    incident_ids = serializers.ListField(child=serializers.IntegerField())
    note = serializers.CharField()
    released_at = serializers.DateTimeField()


class _ReadOnly(viewsets.ReadOnlyModelViewSet):
    """Read-only routes whose changes go through the actions; a change of a record the user may not read
    answers 404, as for an id that does not exist (a 405 there would confirm the record exists)."""

    lookup_value_regex = "[0-9]{1,18}"

    def _refuse(self, request, *args, **kwargs):
        self.get_object()
        raise exceptions.MethodNotAllowed(request.method)

    update = partial_update = destroy = _refuse

    @extend_schema(responses=HistoryEntrySerializer(many=True))
    @action(detail=True, methods=["get"])
    def history(self, request, pk=None):
        """Every change of the record. It is read through one of its missions (get_object), and a version
        never changes its missions or classification, so every version is shown."""
        return Response(HistoryEntrySerializer(readable_history(SYSTEM, self.get_object()), many=True).data)


class NotificationViewSet(_ReadOnly):
    """The user's notifications; ``?kind=`` and ``?state=unread|read|acknowledged|unacknowledged`` filter."""

    serializer_class = NotificationSerializer
    queryset = Notification.objects.none()  # names the route; get_queryset reads through the selectors

    def get_queryset(self):
        params = self.request.query_params
        return selectors.notifications_for(self.request.user, kind=params.get("kind", ""),
                                           state=params.get("state", ""))

    @extend_schema(request=None, responses=NotificationSerializer)
    @action(detail=True, methods=["post"])
    def read(self, request, pk=None):
        services.notification_mark_read(request.user, self.get_object())
        return Response(self.get_serializer(self.get_queryset().get(pk=pk)).data)

    @extend_schema(request=None, responses=NotificationSerializer)
    @action(detail=True, methods=["post"])
    def acknowledge(self, request, pk=None):
        services.notification_acknowledge(request.user, self.get_object())
        return Response(self.get_serializer(self.get_queryset().get(pk=pk)).data)

    @extend_schema(request=AskSerializer, responses=InformationRequestSerializer)
    @action(detail=True, methods=["post"], url_path="ask")
    def ask(self, request, pk=None):
        """Ask the owning mission for the alert's evidence (a request for information)."""
        notification = self.get_object()
        body = AskSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        made = services.information_request_create(request.user, notification, **body.validated_data)
        return Response(InformationRequestSerializer(made).data, status=201)


class InformationRequestViewSet(_ReadOnly):
    """Requests for information the user's missions sent or received; ``?status=`` filters."""

    serializer_class = InformationRequestSerializer
    queryset = InformationRequest.objects.none()

    def get_queryset(self):
        return selectors.requests_for(self.request.user, status=self.request.query_params.get("status", ""))

    @extend_schema(request=ReleaseBodySerializer, responses=ReleaseSerializer)
    @action(detail=True, methods=["post"])
    def release(self, request, pk=None):
        """The owning mission releases chosen incidents to the asking mission."""
        asked = self.get_object()
        body = ReleaseBodySerializer(data=request.data)
        body.is_valid(raise_exception=True)
        made = services.incidents_release_for_request(request.user, asked, **body.validated_data)
        return Response(ReleaseSerializer(made).data, status=201)

    @extend_schema(request=DeclineSerializer, responses=InformationRequestSerializer)
    @action(detail=True, methods=["post"])
    def decline(self, request, pk=None):
        """The owning mission declines, with a reason (required)."""
        asked = self.get_object()
        body = DeclineSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        declined = services.information_request_decline(request.user, asked, **body.validated_data)
        return Response(self.get_serializer(declined).data)


class ReleaseViewSet(_ReadOnly):
    """Releases of incidents between the user's missions and others, with their history."""

    serializer_class = ReleaseSerializer
    queryset = Release.objects.none()

    def get_queryset(self):
        return selectors.releases_for(self.request.user)


ROUTES: list[tuple] = [
    ("notifications", NotificationViewSet),
    ("information-requests", InformationRequestViewSet),
    ("releases", ReleaseViewSet),
]
