"""REST endpoints of inter-mission cooperation under /api/v1/."""

from peaceops.accounts.roles import Action
from peaceops.cooperation.models import Meeting
from peaceops.cooperation.serializers import MeetingSerializer
from peaceops.core.api import SecuredViewSet


class MeetingViewSet(SecuredViewSet):
    """Inter-mission meetings; read by clearance for the organising mission, written by coordinators."""

    write_action = Action.EDIT_COORDINATION
    queryset = Meeting.objects.select_related("organiser").prefetch_related("attending_missions")
    serializer_class = MeetingSerializer
    filterset_fields = {
        "level": ["exact"], "organiser__acronym": ["exact"], "attending_missions__acronym": ["exact"],
        "starts_on": ["gte", "lte"], "classification": ["exact"],
    }
    search_fields = ["title", "place", "outcome_summary"]
    ordering_fields = ["starts_on", "title"]


ROUTES: list[tuple] = [("meetings", MeetingViewSet)]
