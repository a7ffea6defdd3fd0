"""The demo's integration checklist: MINURCAT's DSRSG sees items the registry shows, items answered with records
that rest on seed 000, and gaps; the answers are marked as the demo's; loading twice changes nothing."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from peaceops.demo import part_checklist
from peaceops.demo.loader import load_demo
from peaceops.mandates import checklist, selectors
from peaceops.mandates.models import ChecklistAnswer, MissionDocument
from peaceops.registry.models import Mission

pytestmark = pytest.mark.django_db


def test_the_dsrsg_sees_minurcat_checklist_with_its_gaps(client):
    load_demo()
    histories = [model.history.count() for model in part_checklist.COUNTED]
    load_demo()
    assert [model.history.count() for model in part_checklist.COUNTED] == histories  # idempotent

    dsrsg = get_user_model().objects.get(username=part_checklist.USERNAME)
    minurcat = Mission.objects.get(acronym="MINURCAT")
    found = selectors.mission_checklist(dsrsg, minurcat)
    states = {result.item.code: result.state for result in found.results}
    # shown by the registry: the leadership team, JOC and JMAC, and the ISF of part_mandates (seed 000 §III.C.4)
    for code in ("004-1.1-mlt", "004-1.3-joint-structures", "004-1.4.6-isf"):
        assert states[code] == checklist.REGISTRY, code
    # answered with evidence resting on seed 000
    for code in ("004-1.4.5-implementation-plan", "004-1.4.6-coordination", "003-3.4.4-f-outreach"):
        assert states[code] == checklist.ANSWERED, code
    # MINURCAT was not integrated: no DSRSG/RC/HC, no protocols; no PoC or communications strategy recorded
    for code in ("004-1.3-dsrsg-rc-hc", "004-1.3-protocols", "004-2.1.1-poc-strategy", "003-3.5.5-communications"):
        assert states[code] == checklist.GAP, code
    assert all(count > 0 for count in found.counts.values())
    assert all("demo: fictional" in answer.note for answer in ChecklistAnswer.objects.all())
    assert MissionDocument.objects.get().source == "seed 000 §III.C.4"

    client.force_login(dsrsg)
    response = client.get(reverse("mandates:checklist", args=[minurcat.pk]))
    assert response.status_code == 200 and b"Integration checklist: MINURCAT" in response.content
    unmis_leader = get_user_model().objects.get(username="leader.unmis")
    client.force_login(unmis_leader)
    assert client.get(reverse("mandates:checklist", args=[minurcat.pk])).status_code == 404
