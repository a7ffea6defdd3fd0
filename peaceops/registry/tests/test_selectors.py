"""Registry reads: the mission structure, its organigram and rule warnings, narrowed by access."""

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser

from peaceops.core.classification import Classification
from peaceops.registry import selectors
from peaceops.registry.models import AdminArea, Assignment, Component, Hat, Organisation, Person, Post, ReportingLine

pytestmark = pytest.mark.django_db


def build_structure(world):
    """MINURCAT's leadership with a triple-hatted DSRSG, an OCHA office and a human rights adviser.

    The DSRSG hat naming inter-mission cooperation is strictly confidential, so whether the
    inter-mission rule fires depends on who is looking. UNAMID gets one confidential post and person.
    """
    mission = world.minurcat
    ocha = Organisation.objects.create(name="Office for the Coordination of Humanitarian Affairs", acronym="OCHA",
                                         kind=Organisation.Kind.UN_SECRETARIAT)
    undp = Organisation.objects.create(name="United Nations Development Programme", acronym="UNDP",
                                         kind=Organisation.Kind.UN_AGENCY)
    Component.objects.create(mission=mission, name="Humanitarian support office", kind="humanitarian",
                               organisation=ocha)
    srsg = Post.objects.create(mission=mission, title="Special Representative", function="srsg")
    dsrsg = Post.objects.create(mission=mission, title="DSRSG/RC/HC", function="dsrsg")
    adviser = Post.objects.create(mission=mission, title="Chief Human Rights Adviser", function="human_rights")
    jmac = Post.objects.create(mission=mission, title="Chief JMAC", function="jmac")
    Hat.objects.create(
        post=dsrsg,
        role="dsrsg",
        terms_of_reference="[[inter_mission_cooperation|Promotes inter-mission cooperation]].",  # noqa: E501
        responsibilities=["inter_mission_cooperation"],
        classification=Classification.STRICTLY_CONFIDENTIAL,
    )
    Hat.objects.create(post=dsrsg, role="rc", terms_of_reference="Leads the UN country team.", on_behalf_of=undp)
    Hat.objects.create(post=dsrsg, role="hc", terms_of_reference="")
    ReportingLine.objects.create(from_post=dsrsg, to_post=srsg, kind="direct")
    ReportingLine.objects.create(from_post=jmac, to_post=dsrsg, kind="direct")
    ReportingLine.objects.create(from_post=adviser, to_post=srsg, kind="dotted")
    ReportingLine.objects.create(from_post=dsrsg, to_organisation=undp, kind="budget")
    holder = Person.objects.create(name="Victor da Silva Angelo", owning_mission=mission)
    Assignment.objects.create(person=holder, post=srsg, start_date=dt.date(2008, 1, 1))
    former = Person.objects.create(name="Former Head", owning_mission=mission)
    Assignment.objects.create(person=former, post=srsg, start_date=dt.date(2007, 1, 1), end_date=dt.date(2007, 12, 31))

    covert = Post.objects.create(
        mission=world.unamid, title="Covert Liaison Officer", classification=Classification.CONFIDENTIAL
    )
    secret = Person.objects.create(
        name="Zeta Hidden-Name", owning_mission=world.unamid, classification=Classification.CONFIDENTIAL
    )
    Assignment.objects.create(person=secret, post=covert, classification=Classification.CONFIDENTIAL)
    return {"srsg": srsg, "dsrsg": dsrsg, "adviser": adviser, "jmac": jmac, "covert": covert, "secret": secret}


def tree_titles(nodes):
    return [(node.post.title, tree_titles(node.children)) for node in nodes]


def test_structure_builds_the_organigram_from_direct_lines(world):
    build_structure(world)
    structure = selectors.mission_structure(world.users["admin"], world.minurcat, today=dt.date(2009, 6, 1))
    roots = dict(tree_titles(structure.tree))
    assert roots["Special Representative"] == [("DSRSG/RC/HC", [("Chief JMAC", [])])]
    assert roots["Chief Human Rights Adviser"] == []  # only a dotted line up: a root of its own
    assert [(line.from_post.title, line.kind) for line in structure.other_lines] == [
        ("Chief Human Rights Adviser", "dotted")
    ]
    assert [(line.to_organisation.acronym, line.kind) for line in structure.organisation_lines] == [("UNDP", "budget")]
    srsg = structure.tree[0].post
    assert [a.person.name for a in srsg.current_assignments] == ["Victor da Silva Angelo"]


def test_warnings_use_only_what_the_reader_may_see(world):
    build_structure(world)
    as_admin = selectors.mission_structure(world.users["admin"], world.minurcat)
    assert sorted(w.code for w in as_admin.warnings) == [
        "human_rights_not_reporting_to_srsg",
        "multi_hatted_without_terms",
        "ocha_inside_mission",
    ]
    # The MINURCAT analyst is cleared to confidential: the strictly confidential DSRSG hat that
    # names inter-mission cooperation is invisible, so the rule fires and the hat is not listed.
    as_analyst = selectors.mission_structure(world.users["minurcat"], world.minurcat)
    assert "no_dsrsg_for_inter_mission_cooperation" in {w.code for w in as_analyst.warnings}
    dsrsg = next(p for p in as_analyst.posts if p.title == "DSRSG/RC/HC")
    assert sorted(h.role for h in dsrsg.visible_hats) == ["hc", "rc"]
    # Below confidential the analyst sees no "Section Strictly_Confidential" component either.
    assert "Section Strictly_Confidential" not in {c.name for c in as_analyst.components}


def test_structure_of_a_mission_without_grant_is_withheld(world):
    build_structure(world)
    structure = selectors.mission_structure(world.users["minurcat"], world.unamid)
    assert structure.readable is False and structure.posts == [] and structure.warnings == []
    assert selectors.mission_structure(world.users["nobody"], world.minurcat).readable is False


def test_people_list_is_narrowed_by_access(world):
    build_structure(world)
    names = {p.name for p in selectors.person_list(world.users["minurcat"])}
    assert "Victor da Silva Angelo" in names and "MINURCAT person confidential" in names
    assert "MINURCAT person strictly_confidential" not in names
    assert not any(name.startswith("UNAMID") or name == "Zeta Hidden-Name" for name in names)
    assert "Zeta Hidden-Name" in {p.name for p in selectors.person_list(world.users["unamid"])}
    assert list(selectors.person_list(world.users["nobody"])) == []


def test_places_drill_down_and_search(world):
    capital = AdminArea.objects.create(pcode="TD22", name="N'Djamena", level=1, country=world.chad)
    AdminArea.objects.create(pcode="TD2201", name="1er arrondissement", level=2, country=world.chad, parent=capital)
    user = world.users["regional"]
    [area] = selectors.admin_areas(user, country=world.chad)
    assert area.pcode == "TD22" and area.child_count == 1
    assert [a.pcode for a in selectors.admin_areas(user, parent=capital)] == ["TD2201"]
    assert [a.pcode for a in selectors.places_search(user, "td22")] == ["TD22", "TD2201"]
    assert [a.pcode for a in selectors.places_search(user, "djamena")] == ["TD22"]
    assert selectors.country_list(user).first().iso3 == "TCD"  # countries with areas first
    assert list(selectors.places_search(AnonymousUser(), "TD")) == []  # reference data is for signed-in users


def test_history_is_withheld_from_readers_without_clearance(world):
    parts = build_structure(world)
    covert = parts["covert"]
    covert.title = "Covert Liaison Officer (renamed)"
    covert.save()
    record, entries = selectors.record_with_history(world.users["unamid"], "post", covert.id)
    assert [e["history_type"] for e in entries] == ["~", "+"]
    assert entries[0]["changes"][0]["field"] == "title"
    assert selectors.record_with_history(world.users["minurcat"], "post", covert.id) is None
    assert selectors.record_with_history(world.users["minurcat"], "nosuchmodel", covert.id) is None


def test_history_hides_versions_above_clearance(world):
    post = world.records["minurcat_unclassified"]["post"]
    post.classification, post.title = Classification.STRICTLY_CONFIDENTIAL, "Secret title"
    post.save()
    post.classification, post.title = Classification.UNCLASSIFIED, "Officer again"
    post.save()
    _record, entries = selectors.record_with_history(world.users["minurcat"], "post", post.id)
    assert len(entries) == 2
    # the newest shown version is compared with the one shown before it, never with the hidden one
    assert {"field": "title", "old": "Officer Unclassified", "new": "Officer again"} in entries[0]["changes"]
    assert "Secret title" not in str(entries)
