"""``peaceops assets report`` and ``peaceops assets suggest``."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from peaceops.assets import services
from peaceops.assets.tests.test_services import _consent_all, _request

pytestmark = pytest.mark.django_db


def _run(*args) -> str:
    out = io.StringIO()
    call_command("assets", *args, stdout=out)
    return out.getvalue()


def test_report_splits_the_year_per_mission(pool):
    world = pool["world"]
    _consent_all(pool, _request(pool, cost_shares={world.minurcat: 75, world.unamid: 25}))
    figures = json.loads(_run("report", "--region", "Central Africa and Sudan", "--year", "2009", "--json"))
    assert figures["paid"] == {"MINURCAT": "18900.00", "UNAMID": "6300.00"} and figures["loans"] == 1
    assert "MINURCAT" in _run("report", "--mission", "UNAMID", "--year", "2009")
    assert json.loads(_run("report", "--mission", "UNAMID", "--year", "2010", "--json"))["loans"] == 0
    with pytest.raises(CommandError):
        _run("report", "--region", "Nowhere", "--year", "2009")


def test_suggest_names_idle_assets_for_open_requests(pool):
    start, end = pool["dates"]
    services.request_create(user=pool["users"]["minurcat_planner"], mission=pool["world"].minurcat,
                            kind="rotary_wing", start_date=start, end_date=end, purpose="Medevac cover", seats=8,
                            flight_hours=4)
    text = _run("suggest")
    assert "Medevac cover" in text and "Mi-8 helicopter UNAMID-01" in text
    assert "no idle asset fits" in _run("suggest", "--as", "nobody") or "No open request." in _run("suggest", "--as",
                                                                                                   "nobody")
