"""What the console commands share about who acts: the user a command runs as (``--user`` or ``--as``).

A command without a name acts for the installation (``SYSTEM``, a system-wide reader); with one, as that user,
whose grants then apply exactly as on the pages. A name that is unknown or deactivated stops the command:
a deactivated account must not act, from the console any more than from the web.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError

from peaceops.accounts.access import SYSTEM


def acting_user(username: str | None, *, option: str = "--user", returncode: int = 1):
    """The active user ``username`` names, or SYSTEM without a name; a CommandError naming ``option`` otherwise."""
    if not username:
        return SYSTEM
    user = get_user_model().objects.filter(username=username, is_active=True).first()
    if user is None:
        raise CommandError(f"{option}: no active user {username!r}", returncode=returncode)
    return user
