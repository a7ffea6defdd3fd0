"""Writes of plain records (no rule beyond the model's own validation): create, change, delete.

The API's generic viewsets and the apps' services use these, so a plain record is written the same
way whatever the route: the actor is checked by :func:`~peaceops.accounts.access.require` on the
record as it is and as it will be, before anything is written; a change saves only the fields it
names (two people changing different fields of one record both keep their change); and a change
that names the version it started from (an ETag) is refused when the record moved on since.
"""

import hashlib
import json

from django.db import transaction
from django.forms.models import model_to_dict

from peaceops.accounts.access import history_user, mission_id_of, require
from peaceops.accounts.roles import Action
from peaceops.core.errors import PreconditionFailed


def record_etag(instance) -> str:
    """A version tag of the record's stored values: it changes whenever any field does."""
    values = {field.attname: getattr(instance, field.attname) for field in instance._meta.concrete_fields}
    digest = hashlib.sha256(json.dumps(values, sort_keys=True, default=str).encode()).hexdigest()[:20]
    return f'"{digest}"'


def _split(model, fields: dict) -> tuple[dict, dict]:
    many = {f.name for f in model._meta.many_to_many}
    plain = {k: v for k, v in fields.items() if k not in many}
    return plain, {k: v for k, v in fields.items() if k in many}


def _set_many(instance, many: dict) -> None:
    for name, values in many.items():
        getattr(instance, name).set(values)


@transaction.atomic
def record_create(actor, action: Action, model, fields: dict, *, shared_by_any: bool = False):
    """Create one ``model`` record from ``fields`` (many-to-many ones set after the row exists)."""
    plain, many = _split(model, fields)
    instance = model(**plain)
    require(actor, action, instance, shared_by_any=shared_by_any)
    instance.full_clean()
    instance._history_user = history_user(actor)
    instance.save()
    _set_many(instance, many)
    return instance


def _locked(instance):
    """The stored row, re-read under a write lock (PostgreSQL: FOR UPDATE; SQLite: the IMMEDIATE transaction)."""
    return type(instance)._default_manager.select_for_update().get(pk=instance.pk)


@transaction.atomic
def record_update(actor, action: Action, instance, changes: dict, *, expected_etag: str | None = None,
                  shared_by_any: bool = False):
    """Change the fields named in ``changes`` only; refuse when ``expected_etag`` is stale."""
    stored = _locked(instance)
    require(actor, action, stored, shared_by_any=shared_by_any)
    check_version(stored, expected_etag)
    was_shared = mission_id_of(stored) is None
    plain, many = _split(type(stored), changes)
    for name, value in plain.items():
        setattr(stored, name, value)
    require(actor, action, stored, shared_by_any=shared_by_any)
    if was_shared and shared_by_any and mission_id_of(stored) is not None:
        # A shared record taken into one mission disappears for every other: only a system-wide holder may.
        require(actor, action, mission_id=None, what="take a shared record into one mission")
    stored.full_clean()
    changed = [stored._meta.get_field(name).attname for name in plain]
    stored._history_user = history_user(actor)
    if changed:
        stored.save(update_fields=changed)
    _set_many(stored, many)
    return stored


@transaction.atomic
def record_delete(actor, action: Action, instance, *, expected_etag: str | None = None,
                  shared_by_any: bool = False) -> None:
    stored = _locked(instance)
    # Deleting a shared record takes it from every mission: only a system-wide holder may.
    require(actor, action, stored, shared_by_any=shared_by_any and mission_id_of(stored) is not None)
    check_version(stored, expected_etag)
    stored._history_user = history_user(actor)
    stored.delete()


def check_version(stored, expected_etag: str | None) -> None:
    """Refuse a write that started from an older version of ``stored`` (If-Match, or a form's hidden field)."""
    if not expected_etag:
        return
    current = record_etag(stored)
    wanted = [tag.strip() for tag in expected_etag.split(",")]
    if "*" not in wanted and current not in wanted and current.strip('"') not in wanted:
        raise PreconditionFailed(current=_plain(stored), etag=current)


def _plain(instance) -> dict:
    values = model_to_dict(instance, fields=[f.name for f in instance._meta.concrete_fields])
    return json.loads(json.dumps(values, default=str))

