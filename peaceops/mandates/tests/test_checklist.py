"""The integration checklist: its catalogue against the seeds, what the registry answers by itself, leadership's
answers with evidence, and who may see and give them."""

import html
import re

import pytest
from django.urls import reverse
from django.utils import translation

from peaceops.cooperation.models import Meeting
from peaceops.core.classification import Classification
from peaceops.core.errors import Denied
from peaceops.mandates import checklist, selectors, services
from peaceops.mandates.framework_library import load_library
from peaceops.mandates.models import ChecklistAnswer, GuidanceItem, GuidanceSection
from peaceops.mandates.testing import make_isf
from peaceops.registry.models import Component, Hat, Post, ReportingLine
from peaceops.testing import make_user

pytestmark = pytest.mark.django_db


# --- the catalogue --------------------------------------------------------------------------------------


def test_the_catalogue_cites_the_seeds():
    by_source = lambda text: [item for item in checklist.ITEMS if text in item.source]  # noqa: E731
    # seed 003 rec. 3.4.4 (lines 598-609) lists seven features, then, after a break in the list, three more
    # (best practices focal point, common structure for operational security, common training framework): ten.
    assert len(by_source("rec. 3.4.4")) == 10
    assert len({item.code for item in checklist.ITEMS}) == len(checklist.ITEMS)
    assert by_source("rec. 3.5.5") and by_source("rec. 3.5.6") and by_source("seed 003 §2.5")
    for item in checklist.ITEMS:
        assert re.match(r"seed 00[34] ", item.source), item.code
        assert set(item.evidence) <= set(checklist.EVIDENCE_KINDS) and item.evidence, item.code
        assert not item.registry or item.registry in checklist.CHECKS, item.code
    # every item drawn from seed 004 ch. 1-2 names a section the library holds
    sections = {section.ref for section in load_library().sections()}
    refs = {item.library_ref for item in checklist.ITEMS if item.library_ref}
    assert refs <= sections
    # the six cross-cutting issues of §2.1 and the four management considerations of §2.2 each have an item
    assert {ref for ref in refs if ref.startswith("004/2.1.")} == {f"004/2.1.{n}" for n in range(1, 7)}
    assert {ref for ref in refs if ref.startswith("004/2.2.")} == {f"004/2.2.{n}" for n in range(1, 5)}


# --- a mission to check ---------------------------------------------------------------------------------


@pytest.fixture
def mission(world):
    """MINURCAT's leadership structure as the demo has it (not integrated: no RC/HC hats), and a leader."""
    minurcat = world.minurcat
    office = Component.objects.create(mission=minurcat, name="Office of the SRSG", kind="leadership")
    joint = Component.objects.create(mission=minurcat, name="Joint Operations Centre", kind="joint")

    def post(title, function, component=office, classification=Classification.UNCLASSIFIED):
        return Post.objects.create(mission=minurcat, component=component, title=title, function=function,
                                     classification=classification)

    head = post("Special Representative of the Secretary-General", "srsg")
    posts = {"head": head, "dsrsg": post("Deputy Special Representative", "dsrsg"),
             "cos": post("Chief of Staff", "chief_of_staff"), "dms": post("Director of Mission Support",
                                                                          "director_support"),
             "joc": post("Chief, Joint Operations Centre", "joc", joint), "jmac": post("Chief, JMAC", "jmac", joint),
             "civil": post("Chief, Civil Affairs", "other")}
    for key in ("dsrsg", "cos", "dms"):
        ReportingLine.objects.create(from_post=posts[key], to_post=head, kind="direct")
    Hat.objects.create(post=posts["dsrsg"], role="dsrsg", terms_of_reference="Deputy for civilian components.")
    world.records["posts"] = posts
    world.users["leader"] = make_user("leader", "leadership", mission=minurcat, clearance=Classification.CONFIDENTIAL)
    world.users["leader_unamid"] = make_user("leader_unamid", "leadership", mission=world.unamid,
                                             clearance=Classification.CONFIDENTIAL)
    return world


def _result(found, code):
    return next(result for result in found.results if result.item.code == code)


def test_the_registry_answers_what_it_shows(mission):
    found = selectors.mission_checklist(mission.users["leader"], mission.minurcat)
    assert _result(found, "004-1.1-mlt").state == checklist.REGISTRY
    assert _result(found, "004-1.3-joint-structures").state == checklist.REGISTRY
    assert _result(found, "004-1.4.5-lines").state == checklist.REGISTRY
    assert _result(found, "003-2.5-srsg-authority").state == checklist.REGISTRY
    # MINURCAT was not integrated: no post wears the DSRSG, RC and HC hats; the gap says why
    rc_hc = _result(found, "004-1.3-dsrsg-rc-hc")
    assert rc_hc.state == checklist.GAP and "not structurally integrated" in rc_hc.reasons[0]
    # the head of mission has no hat, hence no terms of reference (seed 003 rec. 3.5.4)
    assert _result(found, "003-3.5.4-terms").state == checklist.GAP
    # the JOC exists, but whether it is open to the agencies is leadership's to show
    joc = _result(found, "003-3.4.4-a-joc")
    assert joc.state == checklist.GAP and "openness" in joc.reasons[0]
    isf_item = _result(found, "004-1.4.6-isf")
    assert isf_item.state == checklist.GAP
    make_isf(mission.minurcat, mission.chad, title="MINURCAT ISF")
    found = selectors.mission_checklist(mission.users["leader"], mission.minurcat)
    assert _result(found, "004-1.4.6-isf").state == checklist.REGISTRY
    assert sum(found.counts.values()) == len(checklist.ITEMS)


def test_leadership_answers_with_a_document_and_the_history_keeps_each_answer(mission):
    leader = mission.users["leader"]
    strategy = services.document_add(leader, mission=mission.minurcat, title="Protection of civilians strategy",
                                     reference="MINURCAT/SRSG/2009/01")
    answer = services.checklist_item_answer(leader, mission=mission.minurcat, item_code="004-2.1.1-poc-strategy",
                                            status="met", evidence={"evidence_document": strategy})
    found = selectors.mission_checklist(leader, mission.minurcat)
    result = _result(found, "004-2.1.1-poc-strategy")
    assert result.state == checklist.ANSWERED and "Protection of civilians strategy" in result.answer.evidence
    services.checklist_item_answer(leader, mission=mission.minurcat, item_code="004-2.1.1-poc-strategy",
                                   status="partial", note="not yet shared with the UNCT",
                                   evidence={"evidence_document": strategy})
    assert ChecklistAnswer.objects.count() == 1
    assert [h.status for h in answer.history.order_by("history_id")] == ["met", "partial"]
    assert answer.history.first().history_user == leader


def test_a_meeting_the_mission_attended_is_evidence(mission):
    leader = mission.users["leader"]
    meeting = Meeting.objects.create(title="MLT and UNCT heads", level="country_team", starts_on="2009-06-01",
                                     ends_on="2009-06-01", organiser=mission.minurcat)
    services.checklist_item_answer(leader, mission=mission.minurcat, item_code="004-1.3-mlt-unct-meetings",
                                   status="met", evidence={"evidence_meeting": meeting})
    assert _result(selectors.mission_checklist(leader, mission.minurcat),
                   "004-1.3-mlt-unct-meetings").state == checklist.ANSWERED


@pytest.mark.parametrize("kwargs, field", [
    ({"item_code": "nonsense", "status": "met"}, "item_code"),
    ({"item_code": "004-2.1.1-poc-strategy", "status": "done"}, "status"),
    ({"item_code": "004-2.1.1-poc-strategy", "status": "met"}, "evidence"),
    ({"item_code": "004-2.1.1-poc-strategy", "status": "not_met"}, "note"),
])
def test_bad_answers_name_the_field_and_store_nothing(mission, kwargs, field):
    with pytest.raises(services.MandateError) as error:
        services.checklist_item_answer(mission.users["leader"], mission=mission.minurcat, **kwargs)
    assert error.value.field == field
    assert not ChecklistAnswer.objects.exists()


def test_evidence_of_the_wrong_kind_is_refused(mission):
    # the PoC strategy is a document; a post does not show it
    with pytest.raises(services.MandateError) as error:
        services.checklist_item_answer(mission.users["leader"], mission=mission.minurcat,
                                       item_code="004-2.1.1-poc-strategy", status="met",
                                       evidence={"evidence_post": mission.records["posts"]["civil"]})
    assert error.value.field == "evidence_post" and "document" in str(error.value)


def test_evidence_the_user_cannot_read_is_refused_naming_the_field(mission):
    # the leader is cleared to confidential; this post is strictly confidential
    secret = mission.records["minurcat_strictly_confidential"]["post"]
    with pytest.raises(Denied) as error:
        services.checklist_item_answer(mission.users["leader"], mission=mission.minurcat,
                                       item_code="003-3.4.4-h-best-practices", status="met",
                                       evidence={"evidence_post": secret})
    assert error.value.field == "evidence_post"
    assert not ChecklistAnswer.objects.exists()


def test_who_may_answer(mission):
    strategy = services.document_add(mission.users["leader"], mission=mission.minurcat, title="Strategy")
    for user in (mission.users["minurcat"], mission.users["leader_unamid"], mission.users["nobody"]):
        with pytest.raises(Denied):
            services.checklist_item_answer(user, mission=mission.minurcat, item_code="004-2.1.1-poc-strategy",
                                           status="met", evidence={"evidence_document": strategy})
    with pytest.raises(Denied):  # nor may an analyst record the mission's documents
        services.document_add(mission.users["minurcat"], mission=mission.minurcat, title="Strategy")
    assert not ChecklistAnswer.objects.exists()


def test_an_answer_is_as_secret_as_its_evidence(mission):
    leader = mission.users["leader"]
    confidential = mission.records["minurcat_confidential"]["post"]
    answer = services.checklist_item_answer(leader, mission=mission.minurcat, item_code="003-3.4.4-h-best-practices",
                                            status="met", evidence={"evidence_post": confidential})
    assert answer.classification == Classification.CONFIDENTIAL
    viewer = make_user("viewer_minurcat", "viewer", mission=mission.minurcat, clearance=Classification.UNCLASSIFIED)
    seen = _result(selectors.mission_checklist(viewer, mission.minurcat), "003-3.4.4-h-best-practices")
    assert seen.state == checklist.GAP and seen.answer is None
    # nor may a leader cleared below it replace it unseen
    low_leader = make_user("low_leader", "leadership", mission=mission.minurcat, clearance=Classification.UNCLASSIFIED)
    with pytest.raises(Denied) as error:
        services.checklist_item_answer(low_leader, mission=mission.minurcat, item_code="003-3.4.4-h-best-practices",
                                       status="not_met", note="none")
    assert error.value.field == "item_code"
    assert ChecklistAnswer.objects.get().status == "met"
    # another mission's leader sees no checklist of MINURCAT at all
    assert selectors.mission_checklist(mission.users["leader_unamid"], mission.minurcat) is None


# --- the pages ------------------------------------------------------------------------------------------


def test_the_page_shows_the_checklist_and_takes_an_answer(client, mission):
    client.force_login(mission.users["leader"])
    url = reverse("mandates:checklist", args=[mission.minurcat.pk])
    text = html.unescape(client.get(url).content.decode())
    assert "Integration checklist: MINURCAT" in text and "seed 003 rec. 3.4.4" in text
    assert "not structurally integrated" in text
    post = mission.records["posts"]["civil"]
    response = client.post(url, {"item": "003-3.4.4-f-outreach", "status": "met", "evidence": f"post:{post.pk}"})
    assert response.status_code == 302
    assert ChecklistAnswer.objects.get().evidence_post == post
    secret = mission.records["minurcat_strictly_confidential"]["post"]
    client.post(url, {"item": "003-3.4.4-h-best-practices", "status": "met", "evidence": f"post:{secret.pk}"})
    text = html.unescape(client.get(url).content.decode())
    assert "evidence_post: you cannot read this record" in text
    assert ChecklistAnswer.objects.count() == 1


def test_the_page_is_refused_to_other_missions_and_read_only_for_analysts(client, mission):
    url = reverse("mandates:checklist", args=[mission.minurcat.pk])
    client.force_login(mission.users["leader_unamid"])
    assert client.get(url).status_code == 404
    client.force_login(mission.users["minurcat"])
    text = client.get(url).content.decode()
    assert "Integration checklist" in text and 'name="evidence"' not in text
    response = client.post(url, {"item": "003-3.4.4-f-outreach", "status": "not_met", "note": "none"})
    assert response.status_code == 403 and not ChecklistAnswer.objects.exists()


def test_the_library_chapters_1_2_page(client, mission):
    from peaceops.accounts.access import SYSTEM

    services.framework_import(load_library(), actor=SYSTEM)
    assert GuidanceSection.objects.count() == 24
    assert GuidanceItem.objects.filter(kind="leadership_consideration").count() == 8
    client.force_login(mission.users["minurcat"])
    text = html.unescape(client.get(reverse("mandates:library-guidance")).content.decode())
    assert "2.1.3 Gender" in text and "Optimize collocation and aim for functionally integrated teams" in text


def test_the_checklist_in_french(client, mission):
    client.force_login(mission.users["leader"])
    try:
        assert client.post("/i18n/setlang/", {"language": "fr", "next": "/"}).status_code == 302
        text = html.unescape(client.get(reverse("mandates:checklist", args=[mission.minurcat.pk])).content.decode())
    finally:
        translation.deactivate()
    assert '<html lang="fr">' in text
    for words in ("Liste de contrôle de l'intégration : MINURCAT", "établi par le registre", "lacunes",
                  "Caractéristiques structurelles d'une mission intégrée (seed 003 rec. 3.4.4)",
                  "Enregistrer un document de la mission"):
        assert words in text, words
    assert "answered with evidence" not in text


# --- the API --------------------------------------------------------------------------------------------


def test_the_api_answers_and_lists_the_checklist(api_as, mission):
    leader = api_as(mission.users["leader"])
    document = leader.post("/api/v1/mission-documents/", {"mission": mission.minurcat.pk, "title": "PoC strategy"},
                           format="json")
    assert document.status_code == 201, document.content
    answer = leader.post("/api/v1/checklist-answers/", {
        "mission": mission.minurcat.pk, "item_code": "004-2.1.1-poc-strategy", "status": "met",
        "evidence_document": document.json()["id"]}, format="json")
    assert answer.status_code == 201, answer.content
    rows = leader.get("/api/v1/checklist-answers/results/", {"mission": mission.minurcat.pk}).json()
    assert {row["item"]: row["state"] for row in rows}["004-2.1.1-poc-strategy"] == checklist.ANSWERED
    # evidence the leader cannot read: refused naming the field, nothing stored
    secret = mission.records["minurcat_strictly_confidential"]["post"]
    refused = leader.post("/api/v1/checklist-answers/", {
        "mission": mission.minurcat.pk, "item_code": "003-3.4.4-h-best-practices", "status": "met",
        "evidence_post": secret.pk}, format="json")
    assert refused.status_code == 400 and refused.json()["field"] == "evidence_post"
    assert ChecklistAnswer.objects.count() == 1


def test_the_api_refuses_other_missions_and_non_leaders(api_as, mission):
    url = "/api/v1/checklist-answers/results/"
    assert api_as(mission.users["leader_unamid"]).get(url, {"mission": mission.minurcat.pk}).status_code == 404
    analyst = api_as(mission.users["minurcat"])
    refused = analyst.post("/api/v1/checklist-answers/", {
        "mission": mission.minurcat.pk, "item_code": "004-1.3-protocols", "status": "not_met", "note": "none"},
        format="json")
    assert refused.status_code == 403 and not ChecklistAnswer.objects.exists()


# --- the console ----------------------------------------------------------------------------------------


def test_the_console_prints_the_checklist_and_its_gaps(mission):
    from io import StringIO

    from django.core.management import call_command
    from django.core.management.base import CommandError

    out = StringIO()
    call_command("checklist", "minurcat", "--gaps", stdout=out)
    text = out.getvalue()
    assert text.startswith("MINURCAT: ") and "[     GAP] 004-1.3-dsrsg-rc-hc" in text
    assert "004-1.1-mlt" not in text  # shown by the registry: not a gap
    with pytest.raises(CommandError, match="--as: leader_unamid holds no grant for MINURCAT"):
        call_command("checklist", "MINURCAT", "--as", "leader_unamid", stdout=StringIO())
    with pytest.raises(CommandError, match="mission: no mission 'NOPE'"):
        call_command("checklist", "NOPE", stdout=StringIO())
