"""The measurements API answers with the classification it stores, or refuses the one asked for."""

import pytest

from peaceops.core.classification import Classification
from peaceops.mandates.models import Measurement
from peaceops.mandates.testing import make_isf
from peaceops.testing import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(world):
    records = make_isf(world.minurcat, world.chad)
    records["planner"] = make_user("planner", "planner", mission=world.minurcat, clearance=Classification.CONFIDENTIAL)
    return records


def _post(client, plan, **extra):
    return client.post("/api/v1/measurements/", {"indicator": plan["indicator"].id, "period": "2010-02-01",
                                                 "value": 40, **extra}, format="json")


@pytest.mark.parametrize("asked", [Classification.CONFIDENTIAL, Classification.STRICTLY_CONFIDENTIAL])
def test_a_classification_other_than_the_indicators_is_refused_naming_the_field(world, plan, api_as, asked):
    assert plan["indicator"].classification != asked
    answer = _post(api_as(plan["planner"]), plan, classification=asked)
    assert answer.status_code == 400, answer.content
    assert answer.json()["field"] == "classification"
    assert not Measurement.objects.exists()


def test_the_indicators_classification_or_none_is_accepted_and_is_what_is_stored(world, plan, api_as):
    client = api_as(plan["planner"])
    level = plan["indicator"].classification
    answer = _post(client, plan, classification=level)
    assert answer.status_code == 201, answer.content
    assert answer.json()["classification"] == level
    answer = _post(client, plan, period="2010-03-01")
    assert answer.status_code == 201, answer.content
    assert answer.json()["classification"] == level
    assert set(Measurement.objects.values_list("classification", flat=True)) == {level}


def test_a_change_of_classification_is_refused_too(world, plan, api_as):
    client = api_as(plan["planner"])
    created = _post(client, plan)
    answer = client.patch(
        f"/api/v1/measurements/{created.json()['id']}/", {"classification": Classification.CONFIDENTIAL}, format="json"
    )
    assert answer.status_code == 400 and answer.json()["field"] == "classification"
