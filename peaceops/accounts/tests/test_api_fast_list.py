"""The values() fast path of list endpoints answers exactly what the serializers would."""

import datetime as dt
import json

import pytest
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from peaceops.accounts.access import visible
from peaceops.accounts.viewsets import plain_columns
from peaceops.core.classification import Classification
from peaceops.incidents.models import Incident
from peaceops.urls import router

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("prefix,viewset", [(p, v) for p, v, _ in router.registry])
def test_fast_list_equals_serializer_output(world, api_as, prefix, viewset):
    Incident.objects.create(owning_mission=world.minurcat, classification=Classification.CONFIDENTIAL,
                            start_date=dt.date(2009, 6, 1), end_date=dt.date(2009, 6, 2), category="armed_clash",
                            latitude=13.1, longitude=22.2, location="Abéché")
    user = world.users["admin"]
    rows = api_as(user).get(f"/api/v1/{prefix}/", {"page_size": 500}).json()["results"]
    request = Request(APIRequestFactory().get("/"))
    request.user = user
    queryset = viewset.queryset.all()
    if getattr(viewset, "secured", True):
        queryset = visible(queryset, user)
    expected = viewset.serializer_class(queryset, many=True, context={"request": request}).data
    assert rows == json.loads(JSONRenderer().render(expected))


def test_posts_and_components_take_the_fast_path():
    from peaceops.registry.serializers import ComponentSerializer, MissionSerializer, PostSerializer

    assert plain_columns(PostSerializer()) is not None
    assert plain_columns(ComponentSerializer()) is not None
    assert plain_columns(MissionSerializer()) is None  # many-to-many and nested fields need the serializer
