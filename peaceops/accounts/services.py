"""Writes for accounts: users and grants."""

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.db import transaction

from peaceops.accounts.models import Grant
from peaceops.accounts.roles import Role
from peaceops.registry.models import Mission, Region


@transaction.atomic
def create_user(username: str, password: str, *, role: str | None = None, mission: str | None = None,
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
        grant_role(user, role, mission=mission, region=region, clearance=clearance)
    return user


def grant_role(user, role: str, *, mission: str | None = None, region: str | None = None, clearance: int = 0) -> Grant:
    if role not in Role._value2member_map_:
        raise ValueError(f"role: '{role}' is not one of {', '.join(r.value for r in Role)}")
    if mission and region:
        raise ValueError("region: a grant covers a mission or a region, not both")
    grant = Grant(user=user, role=role, clearance=clearance)
    if mission:
        grant.mission = _get(Mission, "acronym", mission, "mission")
    if region:
        grant.region = _get(Region, "name", region, "region")
    grant.full_clean()
    grant.save()
    return grant


def _get(model, field, value, label):
    try:
        return model.objects.get(**{field: value})
    except model.DoesNotExist:
        raise ValueError(f"{label}: no {label} '{value}'") from None
