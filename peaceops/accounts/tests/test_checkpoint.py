"""The one write checkpoint: ``accounts.access.require`` and the record services built on it."""

import functools
import threading

import pytest
from django.db import connection

from peaceops.accounts.access import SYSTEM, permits, require
from peaceops.accounts.records import record_create, record_delete, record_etag, record_update
from peaceops.accounts.roles import Action
from peaceops.accounts.tests.file_database import file_backed_database
from peaceops.core.classification import Classification
from peaceops.core.errors import Denied, PreconditionFailed
from peaceops.registry.models import Person


def test_require_refuses_no_actor_an_anonymous_one_and_an_inactive_one(world):
    from django.contrib.auth.models import AnonymousUser

    inactive = world.users["minurcat"]
    inactive.is_active = False
    for actor in (None, AnonymousUser(), inactive):
        with pytest.raises(Denied):
            require(actor, Action.VIEW, mission_id=world.minurcat.pk)


def test_require_checks_the_action_the_mission_and_the_clearance(world):
    analyst = world.users["minurcat"]  # analyst at MINURCAT, cleared to confidential
    require(analyst, Action.EDIT_ANALYSIS, mission_id=world.minurcat.pk, classification=Classification.CONFIDENTIAL)
    with pytest.raises(Denied):
        require(analyst, Action.EDIT_ANALYSIS, mission_id=world.unamid.pk)
    with pytest.raises(Denied):
        require(analyst, Action.APPROVE, mission_id=world.minurcat.pk)
    with pytest.raises(Denied) as refused:
        require(
            analyst,
            Action.EDIT_ANALYSIS,
            mission_id=world.minurcat.pk,
            classification=Classification.STRICTLY_CONFIDENTIAL,
        )
    assert refused.value.field == "classification"
    with pytest.raises(Denied):  # shared records need the right system-wide unless any mission's holder may
        require(analyst, Action.EDIT_ANALYSIS, mission_id=None)
    require(analyst, Action.EDIT_ANALYSIS, mission_id=None, shared_by_any=True)
    require(SYSTEM, Action.ADMINISTER, mission_id=None, classification=Classification.STRICTLY_CONFIDENTIAL)
    assert permits(analyst, Action.EDIT_INCIDENTS, world.minurcat.pk, Classification.CONFIDENTIAL)
    assert not permits(None, Action.VIEW, world.minurcat.pk)


def test_require_reads_mission_and_classification_off_the_target(world):
    person = world.records["unamid_strictly_confidential"]["person"]
    with pytest.raises(Denied):
        require(world.users["minurcat"], Action.EDIT_REGISTRY, person)
    require(world.users["admin"], Action.EDIT_REGISTRY, person)


def test_record_create_checks_before_writing(world):
    count = Person.objects.count()
    with pytest.raises(Denied):
        record_create(
            world.users["regional"],
            Action.EDIT_REGISTRY,
            Person,
            {"name": "X", "owning_mission": world.minurcat, "classification": Classification.UNCLASSIFIED},
        )
    assert Person.objects.count() == count
    person = record_create(
        world.users["admin"],
        Action.EDIT_REGISTRY,
        Person,
        {"name": "Y", "owning_mission": world.minurcat, "classification": Classification.CONFIDENTIAL},
    )
    assert person.history.get().history_user == world.users["admin"]


def test_record_update_writes_only_the_fields_it_names(world):
    person = world.records["minurcat_unclassified"]["person"]
    stale = Person.objects.get(pk=person.pk)
    record_update(world.users["admin"], Action.EDIT_REGISTRY, person, {"name": "Renamed"})
    # A second writer that loaded the row before the first change and changes another field keeps both changes.
    record_update(world.users["admin"], Action.EDIT_REGISTRY, stale, {"nationality": world.chad})
    person.refresh_from_db()
    assert (person.name, person.nationality) == ("Renamed", world.chad)


def test_a_stale_version_is_refused_with_the_current_values(world):
    person = world.records["minurcat_unclassified"]["person"]
    version = record_etag(person)
    record_update(world.users["admin"], Action.EDIT_REGISTRY, person, {"name": "First"}, expected_etag=version)
    with pytest.raises(PreconditionFailed) as stale:
        record_update(world.users["admin"], Action.EDIT_REGISTRY, person, {"name": "Second"}, expected_etag=version)
    assert stale.value.current["name"] == "First" and stale.value.etag == record_etag(Person.objects.get(pk=person.pk))
    with pytest.raises(PreconditionFailed):
        record_delete(world.users["admin"], Action.EDIT_REGISTRY, person, expected_etag=version)
    assert Person.objects.filter(pk=person.pk).exists()


def test_a_change_cannot_move_a_record_out_of_reach(world):
    """Checked on the record as it is and as it will be: no moving one's record into another mission."""
    person = world.records["minurcat_unclassified"]["person"]
    analyst_admin = world.users["admin"]
    record_update(analyst_admin, Action.EDIT_REGISTRY, person, {"classification": Classification.CONFIDENTIAL})
    from peaceops.testing import make_user

    minurcat_admin = make_user(
        "m-admin", "administrator", mission=world.minurcat, clearance=Classification.CONFIDENTIAL
    )
    with pytest.raises(Denied):
        record_update(minurcat_admin, Action.EDIT_REGISTRY, person, {"owning_mission": world.unamid})
    with pytest.raises(Denied):
        record_update(
            minurcat_admin, Action.EDIT_REGISTRY, person, {"classification": Classification.STRICTLY_CONFIDENTIAL}
        )
    person.refresh_from_db()
    assert (person.owning_mission_id, person.classification) == (world.minurcat.pk, Classification.CONFIDENTIAL)


@pytest.mark.django_db(transaction=True)
def test_parallel_changes_of_different_fields_both_survive(world):
    """The audit's lost update: two simultaneous PATCHes of different fields, 15 trials, none may lose a change.

    On SQLite the writers meet in a database file, as on a server (see file_database).
    """
    with file_backed_database():
        _change_different_fields_at_once(world, trials=15)


def _change_different_fields_at_once(world, trials):
    from peaceops.incidents.log.services import incident_update
    from peaceops.incidents.models import Incident

    incident = Incident.objects.create(
        owning_mission=world.minurcat,
        category="armed_clash",
        start_date="2009-06-01",
        end_date="2009-06-01",
        country=world.chad,
        location="Abeche",
    )
    officer = world.users["minurcat"]
    for trial in range(trials):
        # both writers hold the version read before either change, as two open forms or API clients do
        loaded = [Incident.objects.get(pk=incident.pk), Incident.objects.get(pk=incident.pk)]
        changes = [{"location": f"place {trial}"}, {"description": f"text {trial}"}]
        errors = _run_at_once(
            [
                functools.partial(incident_update, user=officer, incident=stale, fields=change)
                for stale, change in zip(loaded, changes, strict=True)
            ]
        )
        assert not errors
        stored = Incident.objects.get(pk=incident.pk)
        assert (stored.location, stored.description) == (f"place {trial}", f"text {trial}")


def _run_at_once(writes) -> list[Exception]:
    """Run each write in its own thread (its own connection), all released at the same moment."""
    errors, together = [], threading.Barrier(len(writes))

    def run(write):
        try:
            together.wait(timeout=10)
            write()
        except Exception as error:  # noqa: BLE001 - the test reports every failure
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(write,)) for write in writes]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors
