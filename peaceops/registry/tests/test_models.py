"""Model-level rules every write path relies on (forms, API, importers)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from peaceops.registry.models import AdminArea, Component, Hat, Mission, Post, ReportingLine

pytestmark = pytest.mark.django_db


def test_admin_area_parent_must_be_higher_and_in_the_same_country(world):
    ouaddai = AdminArea.objects.create(pcode="TD09", name="Ouaddaï", level=1, country=world.chad)
    AdminArea(pcode="TD0901", name="Abéché", level=2, country=world.chad, parent=ouaddai).full_clean()
    with pytest.raises(ValidationError, match="higher admin level"):
        AdminArea(pcode="TD0902", name="Wrong", level=1, country=world.chad, parent=ouaddai).full_clean()
    with pytest.raises(ValidationError, match="same country"):
        AdminArea(pcode="SD01", name="Darfur", level=2, country=world.sudan, parent=ouaddai).full_clean()


def test_pcode_is_unique(world):
    AdminArea.objects.create(pcode="TD09", name="Ouaddaï", level=1, country=world.chad)
    with pytest.raises(IntegrityError), transaction.atomic():
        AdminArea.objects.create(pcode="TD09", name="Again", level=1, country=world.chad)


def test_mission_dates_and_succession(world):
    world.minurcat.end_date = dt.date(2000, 1, 1)
    with pytest.raises(ValidationError, match="before the start date"):
        world.minurcat.full_clean()
    successor = Mission.objects.create(acronym="MINURCAT II", name="Successor", kind="peacekeeping",
                                         start_date=dt.date(2011, 1, 1), predecessor=world.minurcat)
    assert world.minurcat.successor == successor


def test_component_and_post_stay_within_their_mission(world):
    unamid_section = world.records["unamid_unclassified"]["component"]
    with pytest.raises(ValidationError, match="another mission"):
        Component(mission=world.minurcat, name="Child", kind="substantive", parent=unamid_section).full_clean()
    with pytest.raises(ValidationError, match="another mission"):
        Post(mission=world.minurcat, title="Misplaced", component=unamid_section).full_clean()


def test_reporting_lines_have_one_target_and_no_cycles(world):
    boss = Post.objects.create(mission=world.minurcat, title="SRSG", function="srsg")
    deputy = Post.objects.create(mission=world.minurcat, title="DSRSG", function="dsrsg")
    ReportingLine.objects.create(from_post=deputy, to_post=boss, kind="direct")
    with pytest.raises(ValidationError, match="cycle of direct"):
        ReportingLine(from_post=boss, to_post=deputy, kind="direct").full_clean()
    ReportingLine(from_post=boss, to_post=deputy, kind="coordination").full_clean()  # coordination runs both ways
    with pytest.raises(ValidationError, match="exactly one"):
        ReportingLine(from_post=boss, kind="direct").full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        ReportingLine.objects.create(from_post=boss, kind="direct")


def test_hats_are_one_per_role_and_keep_history(world):
    post = Post.objects.create(mission=world.minurcat, title="DSRSG/RC/HC", function="dsrsg")
    hat = Hat.objects.create(post=post, role="hc")
    with pytest.raises(IntegrityError), transaction.atomic():
        Hat.objects.create(post=post, role="hc")
    hat.terms_of_reference = "Humanitarian coordination; reports to the ERC on humanitarian concerns."
    hat.save()
    assert hat.history.count() == 2
