"""The user a console command acts as: the installation without a name, an active user by name, never a
deactivated or unknown one (the message names the option)."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from peaceops.accounts.access import SYSTEM
from peaceops.accounts.commands import acting_user
from peaceops.testing import make_user

pytestmark = pytest.mark.django_db


def test_no_name_is_the_installation_and_a_name_is_that_active_user(world):
    assert acting_user("") is SYSTEM and acting_user(None) is SYSTEM
    assert acting_user(world.users["minurcat"].username) == world.users["minurcat"]


def test_a_deactivated_or_unknown_user_does_not_act(world):
    gone = make_user("gone", "analyst", mission=world.minurcat)
    gone.is_active = False
    gone.save()
    with pytest.raises(CommandError, match="--as: no active user 'gone'"):
        acting_user("gone", option="--as")
    with pytest.raises(CommandError, match="--user: no active user 'ghost'"):
        acting_user("ghost")
    with pytest.raises(CommandError, match="no active user 'gone'"):  # through a real command
        call_command("sitrep", "--mission", "MINURCAT", "--date", "2009-06-08", "--as", "gone")
