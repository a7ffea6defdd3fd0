"""The imports' bulk insert writes the history rows django-simple-history would write for the same record.

For each model an import inserts in bulk (incidents, their sources, 3W activities), one record is
inserted by :func:`insert_with_history`; then simple_history's own ``bulk_history_create`` writes a
second "+" row for the very same record, with the same user and reason. The two history rows must
agree on every field but their own key and date: a column added to a model, a JSON field or a
renamed column would show here, not in an audit months later.
"""

import datetime as dt

import pytest
from django.db import transaction

from peaceops.coordination.models import Activity, Sector
from peaceops.coordination.services import sectors_ensure
from peaceops.core.bulk_history import IdAllocator, copy_to_history, history_marks, insert_with_history
from peaceops.core.classification import Classification
from peaceops.incidents.models import Incident, IncidentSource
from peaceops.registry.models import Organisation

pytestmark = pytest.mark.django_db

DAY = dt.date(2009, 3, 14)
REASON = "import test.csv (ucdp)"


def _fields(model, record) -> dict:
    return {f.attname: getattr(record, f.attname) for f in model._meta.local_concrete_fields if not f.primary_key}


def _history_rows_agree(model, pk, user):
    record = model.objects.get(pk=pk)
    model.history.bulk_history_create([record], default_user=user, default_change_reason=REASON)
    ours, theirs = model.history.filter(id=pk).order_by("history_id")
    assert ours.history_type == theirs.history_type == "+"
    skip = {"history_id", "history_date"}
    names = [f.attname for f in model.history.model._meta.concrete_fields if f.attname not in skip]
    assert {n: getattr(ours, n) for n in names} == {n: getattr(theirs, n) for n in names}
    assert ours.history_user_id == user.pk and ours.history_change_reason == REASON


def test_an_incident_and_its_source_get_simple_histories_rows(world):
    user = world.users["admin"]
    template = Incident.objects.create(
        owning_mission=world.minurcat,
        classification=Classification.CONFIDENTIAL,
        start_date=DAY,
        end_date=DAY,
        latitude=12.9,
        longitude=21.0,
        country=world.chad,
        category="armed_clash",
        description="Clash near Goz Beida",
        deaths_best=3,
        dataset="ucdp",
        external_id="1",
    )
    values = _fields(Incident, template) | {"external_id": "2"}
    [pk] = insert_with_history(Incident, [values], history_marks(user.pk, REASON))
    assert Incident.objects.get(pk=pk).description == "Clash near Goz Beida"
    _history_rows_agree(Incident, pk, user)

    source = IncidentSource.objects.create(incident_id=pk, name="UCDP GED", reference="ged-2", reported_on=DAY)
    source_values = _fields(IncidentSource, source)
    source.delete()
    IncidentSource.history.all().delete()
    [source_pk] = insert_with_history(IncidentSource, [source_values], history_marks(user.pk, REASON))
    _history_rows_agree(IncidentSource, source_pk, user)


def test_an_activity_with_json_fields_gets_simple_historys_row(world):
    sectors_ensure()
    user = world.users["admin"]
    organisation = Organisation.objects.create(name="Test NGO", kind="ngo")
    template = Activity.objects.create(
        organisation=organisation,
        sector=Sector.objects.first(),
        country=world.chad,
        title="Water points",
        start_date=DAY,
        end_date=DAY,
        dataset="3w-test",
        external_id="a1",
    )
    values = _fields(Activity, template) | {"external_id": "a2"}
    json_fields = [f.attname for f in Activity._meta.concrete_fields if f.get_internal_type() == "JSONField"]
    for name in json_fields:
        values[name] = {"note": "kept as JSON"} if isinstance(values[name], dict) else ["kept as JSON"]
    [pk] = insert_with_history(Activity, [values], history_marks(user.pk, REASON))
    stored = Activity.objects.get(pk=pk)
    for name in json_fields:
        assert getattr(stored, name) == values[name]
    _history_rows_agree(Activity, pk, user)


def test_new_ids_are_taken_before_the_insert_and_history_follows_them_only(world):
    """The rows an insert writes history for are its own, found by their keys, never by MAX(id)."""
    user = world.users["admin"]
    organisation = Organisation.objects.create(name="Other NGO", kind="ngo")
    sectors_ensure()
    base = {
        "organisation_id": organisation.pk,
        "sector_id": Sector.objects.first().pk,
        "country_id": world.chad.pk,
        "start_date": DAY,
        "end_date": DAY,
        "dataset": "3w-test",
        "title": "Clinics",
    }
    with transaction.atomic():
        ids = insert_with_history(Activity, [base | {"external_id": str(n)} for n in range(3)], history_marks(user.pk))
        # A row written by someone else after ours (a concurrent import) gets no history from us.
        other = Activity.objects.create(**base, external_id="other")
    assert ids == sorted(ids) and len(set(ids)) == 3 and other.pk not in ids
    assert sorted(Activity.history.filter(history_user_id=user.pk).values_list("id", flat=True)) == ids
    assert Activity.history.filter(id=other.pk).count() == 1  # its own, from simple_history's signal
    assert IdAllocator(Activity).take(2)[0] > max(ids)


def test_copy_to_history_picks_rows_by_range_or_list(world):
    user = world.users["admin"]
    rows = [
        Incident.objects.create(
            country=world.chad, start_date=DAY, end_date=DAY, category="armed_clash", dataset="ucdp", external_id=str(n)
        )
        for n in range(5)
    ]
    Incident.history.all().delete()
    scattered = [rows[0].pk, rows[2].pk, rows[4].pk]
    copy_to_history(Incident, "id", scattered, history_marks(user.pk, REASON))
    assert sorted(Incident.history.values_list("id", flat=True)) == scattered
    copy_to_history(Incident, "id", [], history_marks(user.pk))  # nothing to copy: no statement
    assert Incident.history.count() == 3
