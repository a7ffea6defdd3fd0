"""The risk register and the lessons sort and page through core.listing, and never widen what is read."""

import datetime as dt

import pytest

from peaceops.accounts.access import SYSTEM
from peaceops.mandates import services
from peaceops.mandates.tests.test_views_plans import plan  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def test_risk_register_sorts_by_its_columns_without_hidden_risks(client, world, plan):  # noqa: F811
    output = services.output_add(SYSTEM, plan["objective"], title="Returns")
    services.risk_add(SYSTEM, output, text="Alpha risk", owner="SRSG", review_on=dt.date(2099, 1, 1),
                      likelihood=1, impact=1)
    services.risk_add(SYSTEM, output, text="Bravo risk", owner="DSRSG", review_on=dt.date(2099, 1, 1),
                      likelihood=4, impact=5)
    client.force_login(plan["planner"])
    def table(query):  # the register's table, below the escalations (which list Bravo first whatever the order)
        return client.get("/mandates/risks/", query).content.decode().split('class="data register"', 1)[1]

    by_text = table({"sort": "risk"})
    assert by_text.index("Alpha risk") < by_text.index("Bravo risk")
    by_score = table({"sort": "-score"})
    assert by_score.index("Bravo risk") < by_score.index("Alpha risk") and 'aria-sort="descending"' in by_score
    assert table({"sort": "score"}).index("Alpha risk") < table({"sort": "score"}).index("Bravo risk")
    for odd in ({"sort": "likelihood"}, {"page": "-1"}, {"page_size": "1000000000"}, {"page": "9" * 25}):
        page = client.get("/mandates/risks/", odd)
        assert page.status_code == 200, odd
        html = page.content.decode()
        assert "Alpha risk" in html and "UNAMID secret risk" not in html, odd


def test_lessons_take_an_order_and_a_page_size(client, world, plan):  # noqa: F811
    for title in ("Alpha lesson", "Bravo lesson"):
        services.lesson_record(SYSTEM, mission=world.minurcat, title=title, subject="ddr")
    services.lesson_record(SYSTEM, mission=world.unamid, title="Secret lesson", subject="ddr")
    client.force_login(plan["planner"])
    page = client.get("/mandates/lessons/", {"sort": "-title"}).content.decode()
    assert page.index("Bravo lesson") < page.index("Alpha lesson") and "Secret lesson" not in page
    for odd in ({"sort": "context"}, {"page": "0"}, {"page_size": "-1"}):
        assert client.get("/mandates/lessons/", odd).status_code == 200, odd
