"""Terms of reference per hat: versions with date and author, duties marked in the text, the structural rule
reading the duties of the version in force; denial, bad input, the page and the API."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from peaceops.accounts.access import SYSTEM
from peaceops.core.classification import Classification
from peaceops.core.errors import DomainError
from peaceops.registry import selectors, services, terms
from peaceops.registry.models import Hat, Post, TermsOfReference
from peaceops.testing import make_user

NOT_LISTED = ("Deputy for the civilian components. Working with the neighbouring missions is not among the listed "
              "duties.")
MARKED = ("Deputy for the civilian components; [[inter_mission_cooperation|promotes cooperation with UNAMID and "
          "UNMIS on the border]];\n[[humanitarian_coordination|links the mission with the Humanitarian "
          "Coordinator]].")


def test_marks_are_read_from_the_text():
    parsed = terms.parse(MARKED)
    assert parsed.duties == ("inter_mission_cooperation", "humanitarian_coordination")
    assert "[[" not in parsed.plain and parsed.plain.startswith("Deputy for the civilian components; promotes")
    first = parsed.marks[0]
    assert parsed.plain[first.start:first.end] == "promotes cooperation with UNAMID and UNMIS on the border"
    assert [duty for duty, _words in parsed.segments()] == ["", "inter_mission_cooperation", "",
                                                            "humanitarian_coordination", ""]
    assert terms.duties_of(NOT_LISTED) == ()


@pytest.mark.parametrize("text, message", [
    ("One.\nTwo [[cooperation|with UNAMID]].", "line 2, column 5: unknown duty 'cooperation'"),
    ("[[inter_mission_cooperation|  ]]", "line 1, column 1: the duty 'inter_mission_cooperation' marks no words"),
    ("Open [[inter_mission_cooperation|never closed", "line 1, column 6: '[[' without its pair"),
    ("Closed ]] alone", "line 1, column 8: ']]' without its pair"),
])
def test_bad_marks_name_the_place(text, message):
    with pytest.raises(terms.TermsError, match=message.replace("[", r"\[").replace("(", r"\(")):
        terms.parse(text)
    assert terms.duties_of(text) == ()


@pytest.fixture
def dsrsg(world):
    post = Post.objects.create(mission=world.minurcat, title="DSRSG", function="dsrsg")
    return Hat.objects.create(post=post, role="dsrsg", terms_of_reference=NOT_LISTED,
                                responsibilities=["inter_mission_cooperation"])


def _codes(user, mission):
    return {w.code for w in selectors.mission_structure(user, mission).warnings}


@pytest.mark.django_db
def test_versions_keep_date_and_author_and_the_rule_reads_the_version_in_force(world, dsrsg):
    admin = world.users["admin"]
    # the tag is set, the text says otherwise: the rule believes the text
    assert "no_dsrsg_for_inter_mission_cooperation" in _codes(admin, world.minurcat)
    first = services.terms_of_reference_write(admin, dsrsg, NOT_LISTED, valid_from=dt.date(2008, 3, 1),
                                              note="as appointed")
    second = services.terms_of_reference_write(admin, dsrsg, MARKED, valid_from=dt.date(2010, 1, 15),
                                               note="seed 000 §IV.E.1 adopted")
    assert (first.version, second.version, second.author, second.duties) == (
        1, 2, admin, ["inter_mission_cooperation", "humanitarian_coordination"])
    assert "no_dsrsg_for_inter_mission_cooperation" not in _codes(admin, world.minurcat)
    hat, versions = selectors.hat_with_terms(admin, dsrsg.pk)
    assert [v.record.version for v in versions] == [2, 1] and versions[1].record.valid_from == dt.date(2008, 3, 1)
    assert versions[0].duties[0] == ("inter_mission_cooperation", "Inter-mission cooperation")
    services.terms_of_reference_write(SYSTEM, dsrsg, NOT_LISTED, valid_from=dt.date(2010, 6, 1))
    assert "no_dsrsg_for_inter_mission_cooperation" in _codes(admin, world.minurcat)
    assert TermsOfReference.objects.filter(hat=dsrsg).count() == 3


@pytest.mark.django_db
def test_bad_input_and_denial_write_nothing(world, dsrsg):
    admin = world.users["admin"]
    services.terms_of_reference_write(admin, dsrsg, MARKED, valid_from=dt.date(2010, 1, 15))
    with pytest.raises(DomainError, match="terms_of_reference: line 1, column 1: unknown duty 'liaison'"):
        services.terms_of_reference_write(admin, dsrsg, "[[liaison|with UNAMID]]", valid_from=dt.date(2010, 2, 1))
    with pytest.raises(DomainError, match="valid_from: 2009-01-01 is before version 1"):
        services.terms_of_reference_write(admin, dsrsg, MARKED, valid_from=dt.date(2009, 1, 1))
    with pytest.raises(DomainError, match="the text is empty"):
        services.terms_of_reference_write(admin, dsrsg, "  ", valid_from=dt.date(2010, 2, 1))
    leader = make_user(
        "minurcat-leader", "leadership", mission=world.minurcat, clearance=Classification.STRICTLY_CONFIDENTIAL
    )
    for user in (world.users["minurcat"], world.users["unamid"], leader, world.users["nobody"]):
        with pytest.raises(PermissionDenied):
            services.terms_of_reference_write(user, dsrsg, NOT_LISTED, valid_from=dt.date(2010, 3, 1))
    dsrsg.refresh_from_db()
    assert TermsOfReference.objects.filter(hat=dsrsg).count() == 1 and dsrsg.terms_of_reference == MARKED


@pytest.mark.django_db
def test_page_shows_marked_duties_and_hides_what_the_reader_may_not_read(world, dsrsg, client):
    services.terms_of_reference_write(SYSTEM, dsrsg, MARKED, valid_from=dt.date(2010, 1, 15))
    client.force_login(world.users["minurcat"])
    page = client.get(f"/registry/hats/{dsrsg.pk}/terms/")
    assert page.status_code == 200
    html = page.content.decode()
    shown = html.split('<p class="terms">')[1].split("</p>")[0]
    assert 'data-duty="inter_mission_cooperation"' in shown and "[[" not in shown
    assert "New version" not in html  # an analyst does not edit the registry
    client.force_login(world.users["unamid"])
    assert client.get(f"/registry/hats/{dsrsg.pk}/terms/").status_code == 404
    dsrsg.classification = Classification.STRICTLY_CONFIDENTIAL
    dsrsg.save()
    client.force_login(world.users["minurcat"])
    assert client.get(f"/registry/hats/{dsrsg.pk}/terms/").status_code == 404


@pytest.mark.django_db
def test_page_and_api_write_a_version(world, dsrsg, client):
    client.force_login(world.users["admin"])
    bad = client.post(f"/registry/hats/{dsrsg.pk}/terms/", {"text": "[[oops|x]]", "valid_from": "2010-01-15"})
    assert bad.status_code == 400 and "unknown duty" in bad.content.decode()
    assert not TermsOfReference.objects.exists()
    done = client.post(f"/registry/hats/{dsrsg.pk}/terms/", {"text": MARKED, "valid_from": "2010-01-15"})
    assert done.status_code == 302
    answer = client.post(
        f"/api/v1/hats/{dsrsg.pk}/terms/",
        {"text": NOT_LISTED, "valid_from": "2010-02-01"},
        content_type="application/json",
    )
    assert answer.status_code == 201, answer.content
    assert [row["version"] for row in answer.json()] == [2, 1] and answer.json()[1]["duties"][0] == (
        "inter_mission_cooperation"
    )
    client.force_login(world.users["minurcat"])
    refused = client.post(
        f"/api/v1/hats/{dsrsg.pk}/terms/", {"text": MARKED, "valid_from": "2010-03-01"}, content_type="application/json"
    )
    assert refused.status_code == 403
    assert TermsOfReference.objects.count() == 2
    assert (
        client.patch(
            f"/api/v1/hats/{dsrsg.pk}/", {"terms_of_reference": "x"}, content_type="application/json"
        ).status_code
        == 403
    )
