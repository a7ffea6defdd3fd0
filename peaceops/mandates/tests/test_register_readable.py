"""The risk register and the resources roll-up read with the permission filter applied once per mission set
(``selectors.readable_with_parents``): the same rows as ``accounts.access.visible`` for every reader, a row
classified lower than its output or ISF hidden with its parent, another mission's rows hidden."""

import datetime as dt
from decimal import Decimal

import pytest

from peaceops.accounts.access import visible
from peaceops.core.classification import Classification
from peaceops.mandates import selectors
from peaceops.mandates.models import ActivityBudget, Isf, IsfObjective, IsfOutput, PlanActivity, PlanRisk
from peaceops.testing import make_user

pytestmark = pytest.mark.django_db

TODAY = dt.date(2010, 6, 15)


def _plan(mission, country, isf_level, output_level, row_level):
    isf = Isf.objects.create(mission=mission, country=country, title=f"ISF {mission.acronym} {isf_level}",
                               classification=isf_level)
    objective = IsfObjective.objects.create(mission=mission, isf=isf, title="Objective")
    output = IsfOutput.objects.create(mission=mission, objective=objective, title="Output",
                                        classification=output_level)
    activity = PlanActivity.objects.create(mission=mission, output=output, text="Activity")
    ActivityBudget.objects.create(mission=mission, activity=activity, funding_stream="voluntary",
                                    amount=Decimal(100 + 10 * isf_level + output_level), currency="USD",
                                    classification=row_level)
    return PlanRisk.objects.create(mission=mission, output=output, text="Risk", owner="SRSG", likelihood=5,
                                     impact=4, review_on=TODAY, classification=row_level)


def test_register_and_resources_keep_what_visible_keeps(world):
    risks = {}
    for mission, country in ((world.minurcat, world.chad), (world.unamid, world.sudan)):
        for levels in (
            (Classification.UNCLASSIFIED,) * 3,
            (Classification.STRICTLY_CONFIDENTIAL, Classification.UNCLASSIFIED, Classification.UNCLASSIFIED),
            (Classification.UNCLASSIFIED, Classification.CONFIDENTIAL, Classification.UNCLASSIFIED),
            (Classification.UNCLASSIFIED, Classification.UNCLASSIFIED, Classification.CONFIDENTIAL),
        ):
            risks[mission.acronym, levels] = _plan(mission, country, *levels)
    readers = [
        make_user("reg-reader", "planner", region=world.region, clearance=Classification.CONFIDENTIAL),
        make_user("low-reader", "planner", mission=world.minurcat, clearance=Classification.UNCLASSIFIED),
        make_user("high-reader", "planner", mission=world.unamid, clearance=Classification.STRICTLY_CONFIDENTIAL),
        make_user("no-grant-reader"),
    ]
    for reader in readers:
        expected = set(visible(PlanRisk.objects.all(), reader).values_list("id", flat=True))
        assert {row.risk.id for row in selectors.risk_register(reader, today=TODAY)} == expected, reader
        lines = visible(ActivityBudget.objects.all(), reader)
        planned = sum(line.amount for line in lines)
        assert sum(row["planned"] for row in selectors.resources(reader)) == planned, reader
    regional = {row.risk.id for row in selectors.risk_register(readers[0], today=TODAY)}
    # an unclassified risk under a strictly confidential ISF stays hidden from a confidential reader
    assert (
        risks[
            "MINURCAT", (Classification.STRICTLY_CONFIDENTIAL, Classification.UNCLASSIFIED, Classification.UNCLASSIFIED)
        ].id
        not in regional
    )
    assert (
        risks["MINURCAT", (Classification.UNCLASSIFIED, Classification.CONFIDENTIAL, Classification.UNCLASSIFIED)].id
        in regional
    )
    low = {row.risk.id for row in selectors.risk_register(readers[1], today=TODAY)}
    assert low == {risks["MINURCAT", (Classification.UNCLASSIFIED,) * 3].id}
    assert selectors.risk_register(readers[3], today=TODAY) == [] and selectors.resources(readers[3]) == []


def test_register_order_is_escalated_then_score_then_review(world):
    isf = Isf.objects.create(mission=world.minurcat, country=world.chad, title="ISF")
    objective = IsfObjective.objects.create(mission=world.minurcat, isf=isf, title="Objective")
    output = IsfOutput.objects.create(mission=world.minurcat, objective=objective, title="Output")

    def risk(likelihood, impact, days):
        return PlanRisk.objects.create(
            mission=world.minurcat,
            output=output,
            text="r",
            owner="SRSG",
            likelihood=likelihood,
            impact=impact,
            review_on=TODAY + dt.timedelta(days=days),
        ).id

    unrated_overdue, low, high, overdue_low, tie_later, tie_sooner = (
        risk(None, None, -1),
        risk(1, 2, 30),
        risk(5, 5, 30),
        risk(2, 2, -5),
        risk(2, 3, 40),
        risk(3, 2, 10),
    )
    planner = make_user("order-planner", "planner", mission=world.minurcat, clearance=Classification.CONFIDENTIAL)
    register = selectors.risk_register(planner, today=TODAY, threshold=15)
    assert [row.risk.id for row in register] == [high, overdue_low, unrated_overdue, tie_sooner, tie_later, low]
    assert [row.reasons for row in register][:3] == [("score",), ("review_overdue",), ("review_overdue",)]
    assert register[2].score is None and register[0].score == 25
