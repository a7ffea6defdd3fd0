"""The JMAC layer on the real UCDP GED file for the CAR: the replay page, armed groups by their UCDP
names, and forecasts refreshed from the imported state-based events."""

import datetime as dt

import pytest
from django.urls import reverse

from peaceops.accounts.access import SYSTEM
from peaceops.analysis import selectors, services, services_forecast
from peaceops.analysis.models import CountryForecast, month_id_of
from peaceops.incidents.imports.services import events_import
from peaceops.registry.models import Country

UCDP = "ucdp/ged231_caf.geojson"


@pytest.mark.django_db
def test_replay_groups_and_forecasts_on_ucdp_car(shared_data, world, client):
    report = events_import(shared_data / UCDP, "ucdp-ged", user=SYSTEM)
    assert not report.errors and report.created > 1800
    admin = world.users["admin"]
    client.force_login(admin)
    page = client.get(reverse("analysis:replay"), {"as_of": "2013-04-01", "country": "CAF"}).content.decode()
    assert "alert-row" in page and "Bangui" in page  # Seleka took Bangui on 24 March 2013
    assert "as_of=2013-04-08" in page

    lra = services.armed_group_create(user=admin, fields={"name": "Lord's Resistance Army", "acronym": "LRA",
                                                                     "aliases": ["LRA"]})
    footprint = selectors.group_footprint(admin, lra)
    assert lra.actors.exists() and footprint.incidents > 50 and "CAF" in footprint.countries

    last = month_id_of(dt.date(2021, 10, 1))
    stored = services_forecast.forecasts_refresh(actor=SYSTEM, last_month=last, draws=200)
    car = Country.objects.get(iso3="CAF")
    rows = CountryForecast.objects.filter(country=car, last_history_month=last).order_by("month_id")
    assert stored == 12 and rows.count() == 12 and rows[0].month_id == last + 3
    assert all(r.p10 <= r.median <= r.p90 for r in rows)
