"""Writes for accounts: users, grants and API tokens."""

import datetime as dt

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.db import transaction
from django.utils import timezone

from peaceops.accounts import tokens
from peaceops.accounts.access import SYSTEM, access_for
from peaceops.accounts.models import ApiToken, Grant
from peaceops.accounts.roles import Action, Role
from peaceops.core.errors import Denied


@transaction.atomic
def user_create(username: str, password: str, *, role: str | None = None, mission: str | None = None,
                region: str | None = None, clearance: int = 0, superuser: bool = False,
                validate: bool = True):
    """Create a user and, if a role is given, one grant over a mission acronym, a region name or the system."""
    user_model = get_user_model()
    if user_model.objects.filter(username=username).exists():
        raise ValueError(f"username: '{username}' is taken")
    user = user_model(username=username, is_superuser=superuser, is_staff=superuser)
    if validate:
        validate_password(password, user)
    user.set_password(password)
    user.save()
    if role:
        grant_create(user, role, mission=mission, region=region, clearance=clearance)
    return user


def grant_create(
    user, role: str, *, mission: str | None = None, region: str | None = None, clearance: int = 0
) -> Grant:
    if role not in Role._value2member_map_:
        raise ValueError(f"role: '{role}' is not one of {', '.join(r.value for r in Role)}")
    if mission and region:
        raise ValueError("region: a grant covers a mission or a region, not both")
    grant = Grant(user=user, role=role, clearance=clearance)
    # The registry's models through the grant's relations: accounts sits below the registry.
    if mission:
        grant.mission = _get(Grant._meta.get_field("mission").related_model, "acronym", mission, "mission")
    if region:
        grant.region = _get(Grant._meta.get_field("region").related_model, "name", region, "region")
    grant.full_clean()
    grant.save()
    return grant


def _get(model, field, value, label):
    try:
        return model.objects.get(**{field: value})
    except model.DoesNotExist:
        raise ValueError(f"{label}: no {label} '{value}'") from None


def _may_manage_tokens_of(actor, user) -> bool:
    """A user manages their own tokens; system-wide administrators and the console (SYSTEM) anyone's."""
    if actor is SYSTEM:
        return True
    if actor is None or not getattr(actor, "is_authenticated", False) or not actor.is_active:
        return False
    return actor.pk == user.pk or actor.is_superuser or access_for(actor).can(Action.ADMINISTER)


def token_create(user, *, actor, name: str = "", days: int | None = None) -> tuple[ApiToken, str]:
    """A new token for ``user``; returns the record and the key, which is shown once and never stored."""
    if not _may_manage_tokens_of(actor, user):
        raise Denied("You may only create API tokens for yourself.")
    if not user.is_active:
        raise ValueError(f"user: '{user.get_username()}' is not active")
    days = settings.PEACEOPS_TOKEN_DAYS if days is None else days
    if days < 1:
        raise ValueError("days: a token must live at least one day")
    key, now = tokens.new_key(), timezone.now()
    token = ApiToken.objects.create(
        user=user,
        name=name[:64],
        prefix=key[: tokens.PREFIX_LENGTH],
        digest=tokens.digest(key),
        created=now,
        expires=now + dt.timedelta(days=days),
    )
    return token, key


def token_revoke(token: ApiToken, *, actor) -> ApiToken:
    """Revoke one token now; revoking a revoked token changes nothing."""
    if not _may_manage_tokens_of(actor, token.user):
        raise Denied("You may only revoke your own API tokens.")
    if token.revoked is None:
        token.revoked = timezone.now()
        token.revoked_by = actor if actor is not SYSTEM else None
        token.save(update_fields=["revoked", "revoked_by"])
    return token


def tokens_revoke_by_prefix(prefix: str, *, actor, user=None) -> list[ApiToken]:
    """Revoke the tokens whose prefix is ``prefix`` (of ``user`` when given); the prefixes are what lists show."""
    found = ApiToken.objects.select_related("user").filter(prefix=prefix)
    if user is not None:
        found = found.filter(user=user)
    return [token_revoke(token, actor=actor) for token in found]
