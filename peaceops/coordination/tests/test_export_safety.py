"""An activity whose text is a spreadsheet formula is exported as text by the 3W export."""

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest

from peaceops.coordination.models import Activity, Sector
from peaceops.coordination.services import sectors_ensure
from peaceops.registry.models import Organisation

pytestmark = pytest.mark.django_db

PAYLOAD = "=cmd|' /C calc'!A0"


def test_formula_text_is_neutralised_in_the_activities_export(world, api_as):
    sectors_ensure()
    organisation = Organisation.objects.create(name="@Evil NGO", acronym="-EV", kind="ngo")
    activity = Activity.objects.create(organisation=organisation, sector=Sector.objects.get(code="HEA"),
                                       country=world.chad, title=PAYLOAD, donor="+Donor", location="-Abeche",
                                       start_date=dt.date(2025, 1, 1), budget=Decimal("-1500"))
    response = api_as(world.users["minurcat"]).get("/api/v1/activities/export/")
    assert response.status_code == 200
    header, tags, *rows = csv.reader(io.StringIO(b"".join(response.streaming_content).decode()))
    assert tags[header.index("title")] == "#activity+name"
    row = dict(zip(header, next(r for r in rows if r[0] == str(activity.pk)), strict=True))
    assert row["title"] == "'" + PAYLOAD and row["donor"] == "'+Donor" and row["location"] == "'-Abeche"
    assert row["organisation"] == "'@Evil NGO" and row["organisation_acronym"] == "'-EV"
    assert row["budget"] == "-1500.00"  # a number, not text: left as it is
