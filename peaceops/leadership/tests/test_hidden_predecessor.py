"""An objective that comes after one its reader may not read does not name that one on the strategy page.

Found by the canary walk on PostgreSQL: the page showed the title of a confidential objective as the
"after" of an unclassified one to the region's viewer.
"""

import datetime as dt

import pytest

from peaceops.core.classification import Classification
from peaceops.leadership import selectors, services
from peaceops.testing import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def strategy(world):
    leader = make_user("srsg", "leadership", mission=world.minurcat, clearance=Classification.CONFIDENTIAL)
    adopted = services.strategy_adopt(leader, world.minurcat, title="Exit through Chadian ownership",
                                      adopted_on=dt.date(2010, 3, 1))
    first = services.objective_add(leader, adopted, title="Quiet talks with the rebels", sequence=1,
                                   classification=Classification.CONFIDENTIAL)
    services.objective_add(leader, adopted, title="Chad-Sudan normalisation", sequence=2, after=first)
    return first


def test_the_page_does_not_name_a_predecessor_the_reader_may_not_read(world, strategy, client):
    reader = make_user("watcher", "viewer", mission=world.minurcat, clearance=Classification.UNCLASSIFIED)
    client.force_login(reader)
    page = client.get(f"/leadership/missions/{world.minurcat.pk}/strategy/").content.decode()
    assert "Chad-Sudan normalisation" in page
    assert "Quiet talks with the rebels" not in page
    [shown] = selectors.strategy_in_force(reader, world.minurcat.pk).objectives.all()
    assert shown.after is None  # known to the reader only as readable


def test_a_cleared_reader_sees_the_order(world, strategy, client):
    client.force_login(make_user("jmac", "analyst", mission=world.minurcat, clearance=Classification.CONFIDENTIAL))
    page = client.get(f"/leadership/missions/{world.minurcat.pk}/strategy/").content.decode()
    assert "(after Quiet talks with the rebels)" in page


def test_the_api_does_not_give_the_id_of_a_predecessor_the_reader_may_not_read(world, strategy, api_as):
    reader = make_user("watcher", "viewer", mission=world.minurcat, clearance=Classification.UNCLASSIFIED)
    [answer] = api_as(reader).get("/api/v1/strategies/", {"mission": world.minurcat.pk}).json()["results"]
    assert [(o["title"], o["after"]) for o in answer["objectives"]] == [("Chad-Sudan normalisation", None)]
    cleared = make_user("jmac", "analyst", mission=world.minurcat, clearance=Classification.CONFIDENTIAL)
    [answer] = api_as(cleared).get("/api/v1/strategies/", {"mission": world.minurcat.pk}).json()["results"]
    assert {o["title"]: o["after"] for o in answer["objectives"]} == {
        "Quiet talks with the rebels": None, "Chad-Sudan normalisation": strategy.pk}
