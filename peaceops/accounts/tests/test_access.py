"""Grants decide what each user reads: the MINURCAT analyst never sees UNAMID's confidential records."""

import pytest

from peaceops.accounts.access import access_for, visible
from peaceops.accounts.roles import Action
from peaceops.registry.models import Component, Person, Post

pytestmark = pytest.mark.django_db


def names(queryset):
    return set(queryset.values_list("name", flat=True))


def test_mission_grant_reads_its_mission_up_to_clearance(world):
    seen = names(visible(Component.objects.all(), world.users["minurcat"]))
    assert seen == {"Section Unclassified", "Section Confidential"}
    owners = set(visible(Component.objects.all(), world.users["minurcat"]).values_list("mission__acronym", flat=True))
    assert owners == {"MINURCAT"}


def test_region_grant_covers_every_mission_of_the_region_at_its_level(world):
    seen = visible(Post.objects.all(), world.users["regional"])
    assert {(p.mission.acronym, p.classification) for p in seen} == {("MINURCAT", 0), ("UNAMID", 0)}


def test_system_grant_reads_everything_up_to_its_level(world):
    assert visible(Person.objects.all(), world.users["admin"]).count() == Person.objects.count()


def test_user_without_grant_reads_no_mission_records(world):
    assert not visible(Person.objects.all(), world.users["nobody"]).exists()


def test_actions_follow_roles_and_scope(world):
    minurcat = access_for(world.users["minurcat"])
    assert minurcat.can(Action.EDIT_ANALYSIS, world.minurcat.id)
    assert not minurcat.can(Action.EDIT_ANALYSIS, world.unamid.id)
    assert not minurcat.can(Action.ADMINISTER)
    assert access_for(world.users["admin"]).can(Action.ADMINISTER)


def test_admin_site_is_for_superusers_only(world, client):
    client.force_login(world.users["admin"])  # system-wide administrator role, not a Django superuser
    assert client.get("/admin/").status_code == 302
    world.users["admin"].is_superuser = world.users["admin"].is_staff = True
    world.users["admin"].save()
    client.force_login(world.users["admin"])
    assert client.get("/admin/").status_code == 200


def test_user_changes_are_audited_without_password_hashes(world):
    user = world.users["nobody"]
    user.is_active = False
    user.save()
    newest = user.history.first()
    assert newest.history_type == "~" and newest.is_active is False
    assert not hasattr(newest, "password")
