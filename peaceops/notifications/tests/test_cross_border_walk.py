"""Every route of the cross-border channels, walked as the people who must be refused, and as the receiver.

The routes are discovered from the URL resolver and the API router, like the project-wide walks
(peaceops/accounts/tests/test_write_walk.py, peaceops/core/tests/test_canary.py): every page of the
notifications app, the joint report's section and part pages, the regional fusion view, and every API route
of notifications, requests for information, releases, report sections and the fusion view. A route of these
channels that ``EXPECTED`` does not list fails the walk, so a new route cannot land without its refusals.

The world: MINURCAT's displacement alert in Sila notifies UNAMID (peaceops/notifications/tests/conftest.py);
UNAMID asks MINURCAT for the evidence; UNAMID's analyst drafts the region's joint threat assessment, to which
MINURCAT contributes a section. MONUC, in no region with either, is the other mission; a viewer of the receiving
mission may read but not act; each mission is refused the other's acts (acknowledging another mission's
notification, releasing what it does not own, editing the other's section).
"""

import datetime as dt
import json
import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from peaceops.accounts.access import SYSTEM, can_read_record
from peaceops.accounts.tests.test_write_walk import store_fingerprint
from peaceops.core.classification import Classification
from peaceops.incidents.models import Incident
from peaceops.notifications import services
from peaceops.notifications.models import NotificationState
from peaceops.notifications.tests.conftest import SECRET_PLACE, SECRET_TEXT, fresh
from peaceops.reports import services as report_services
from peaceops.urls import router

pytestmark = pytest.mark.django_db

# The channels' pages (URL names) and API route prefixes this walk owns.
PAGE_NAMESPACES = ("notifications:",)
PAGES = ("reports:section-edit", "reports:approve-part", "analysis:fusion")
API_PREFIXES = ("notifications", "information-requests", "releases", "report-sections")
API_PATHS = ("api/v1/analysis/fusion/",)

NOT_FOUND, LISTED_EMPTY = {404}, {200}
# Route -> what each refused principal gets: "outsider" (MONUC's analyst), "owner" (MINURCAT's analyst, acting on
# what is UNAMID's), "receiver" (UNAMID's analyst, acting on what is MINURCAT's), "viewer" (UNAMID's viewer).
# A GET of a list answers 200 with none of the records (checked below); a record's route answers 404 to a
# principal outside both missions (nothing to infer), 403 to one who reads it but may not act.
EXPECTED = {
    "notifications:inbox": {"outsider": LISTED_EMPTY},
    "notifications:requests": {"outsider": LISTED_EMPTY},
    "notifications:detail": {"outsider": NOT_FOUND, "owner": NOT_FOUND},
    "notifications:acknowledge": {"outsider": NOT_FOUND, "owner": NOT_FOUND},
    "notifications:ask": {"outsider": NOT_FOUND, "owner": NOT_FOUND, "viewer": {403}},
    "notifications:request": {"outsider": NOT_FOUND},
    "notifications:release": {"outsider": NOT_FOUND, "receiver": {403}, "viewer": {403}},
    "notifications:decline": {"outsider": NOT_FOUND, "receiver": {403}, "viewer": {403}},
    "reports:section-edit": {"outsider": NOT_FOUND, "owner": {403}},
    # The page answers a reader of the report who may not approve with the report and an error message (302).
    "reports:approve-part": {"outsider": NOT_FOUND, "owner": {302, 403}, "receiver": {302, 403}},
    "analysis:fusion": {"outsider": {403}, "owner": {403}, "receiver": {403}},
    "api:notifications": {"outsider": NOT_FOUND, "owner": NOT_FOUND},
    "api:notifications/history": {"outsider": NOT_FOUND, "owner": NOT_FOUND},
    "api:notifications/acknowledge": {"outsider": NOT_FOUND, "owner": NOT_FOUND},
    "api:notifications/read": {"outsider": NOT_FOUND, "owner": NOT_FOUND},
    "api:notifications/ask": {"outsider": NOT_FOUND, "owner": NOT_FOUND, "viewer": {403}},
    "api:information-requests": {"outsider": NOT_FOUND},
    "api:information-requests/history": {"outsider": NOT_FOUND},
    "api:information-requests/release": {"outsider": NOT_FOUND, "receiver": {403}, "viewer": {403}},
    "api:information-requests/decline": {"outsider": NOT_FOUND, "receiver": {403}, "viewer": {403}},
    "api:releases": {"outsider": NOT_FOUND},
    "api:releases/history": {"outsider": NOT_FOUND},
    "api:report-sections": {"outsider": NOT_FOUND, "owner": {403}},
    "api:report-sections/history": {"outsider": NOT_FOUND},
    "api:analysis/fusion": {"outsider": {403}, "owner": {403}, "receiver": {403}},
}
# What a refused principal may nonetheless read (their refusal is the write): MINURCAT's analyst reads UNAMID's
# section of the joint report MINURCAT contributes to (docs/reports.md, "Reading").
READABLE = {"owner": {"api:report-sections", "api:report-sections/history"}}
PRINCIPALS = {"outsider": "jmac_monuc", "owner": "jmac_minurcat", "receiver": "jmac_unamid",
              "viewer": "viewer_unamid"}


@pytest.fixture
def channels(scene):
    notification = services.alert_notify(SYSTEM, scene.alert)[0]
    asked = services.information_request_create(scene.users["jmac_unamid"], notification, question="How many crossed?")
    report = report_services.report_draft(user=scene.users["jmac_unamid"], kind="threat_assessment",
                                          owning_mission=scene.world.unamid, region=scene.world.region,
                                          start=dt.date(2009, 4, 1), end=dt.date(2009, 6, 30),
                                          classification=Classification.CONFIDENTIAL)
    unamid_section = report.sections.get(key="analysis.threats.unamid")
    release = services.incidents_release(scene.users["jmac_minurcat"], owner=scene.world.minurcat,
                               receiver=scene.world.unamid, incident_ids=[scene.incidents[0].pk], note="one")
    # The records each route's parameters are filled with, as seen from UNAMID's side of the channels.
    ids = {"notifications": notification.pk, "information-requests": asked.pk, "releases": release.pk,
           "report-sections": unamid_section.pk}
    return {"scene": scene, "notification": notification, "request": asked, "report": report,
            "unamid_section": unamid_section, "ids": ids}


def _walk(patterns, prefix="", namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}:{entry.namespace}" if namespace and entry.namespace else entry.namespace or namespace
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), f"{namespace}:{entry.name}" if namespace else entry.name


def channel_pages():
    """(URL name, route) of every page of the channels, as the resolver has them."""
    for route, name in _walk(get_resolver().url_patterns):
        if route.startswith("api/"):
            continue
        if name and (name.startswith(PAGE_NAMESPACES) or name in PAGES):
            yield name, route


def channel_api_routes():
    """(key, method list, is_detail, URL template) of every API route of the channels."""
    for prefix, viewset, _basename in router.registry:
        if prefix not in API_PREFIXES:
            continue
        yield f"api:{prefix}", ["get", "patch", "put", "delete"], True, f"/api/v1/{prefix}/{{pk}}/"
        for extra in viewset.get_extra_actions():
            methods = sorted(m.lower() for m in extra.mapping)
            base = f"/api/v1/{prefix}/{{pk}}/" if extra.detail else f"/api/v1/{prefix}/"
            yield f"api:{prefix}/{extra.url_path}", methods, extra.detail, f"{base}{extra.url_path}/"
    for route, _name in _walk(get_resolver().url_patterns):
        if route in API_PATHS:
            yield "api:" + route.removeprefix("api/v1/").rstrip("/"), ["get"], False, "/" + route


def _page_url(name: str, route: str, channels) -> str:
    values = {"pk": None, "report_id": channels["report"].pk, "section_id": channels["unamid_section"].pk,
              "mission_id": channels["scene"].world.unamid.pk}
    if name.startswith("notifications:"):
        values["pk"] = channels["request"].pk if "request" in name or name in (
            "notifications:release", "notifications:decline") else channels["notification"].pk
    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(values[m.group(1)]), route)


def test_every_route_of_the_channels_is_listed_with_its_refusals():
    found = {name for name, _route in channel_pages()} | {key for key, *_ in channel_api_routes()}
    assert found == set(EXPECTED), (f"routes without refusals: {sorted(found - set(EXPECTED))}; "
                                    f"listed but gone: {sorted(set(EXPECTED) - found)}")


def _states() -> list:
    return list(NotificationState.objects.order_by("pk").values_list("user_id", "read_at", "acknowledged_at"))


@pytest.mark.parametrize("who", sorted(PRINCIPALS))
def test_refused_principals_are_refused_on_every_route_and_nothing_changes(channels, client, api_as, who):
    scene = channels["scene"]
    user = fresh(scene.users[PRINCIPALS[who]])
    client.force_login(user)
    api = api_as(user)
    body = {"ids": [scene.incidents[1].pk], "incident_ids": [scene.incidents[1].pk], "reason": "walk",
            "question": "walk", "body": "walk", "title": "walk", "mission": scene.world.unamid.pk}
    failures = []
    targets = [(name, ["get", "post"], _page_url(name, route, channels), client)
               for name, route in channel_pages()]
    for key, methods, is_detail, template in channel_api_routes():
        pk = channels["ids"].get(key.removeprefix("api:").split("/")[0])
        targets.append((key, methods, template.format(pk=pk) if is_detail else template, api))
    for key, methods, url, http in targets:
        expected = EXPECTED[key].get(who)
        if expected is None:
            continue
        for method in methods:
            if method == "get" and key in READABLE.get(who, ()):
                continue
            before, states = store_fingerprint(), _states()
            kwargs = {"format": "json"} if http is api else {}
            answer = getattr(http, method)(url, body if method != "get" else None, **kwargs)
            if expected is LISTED_EMPTY:
                if method == "get" and (answer.status_code != 200 or b"Sila" in answer.content):
                    failures.append(f"{who} GET {url}: {answer.status_code}, lists the other missions' record")
            elif answer.status_code not in expected and answer.status_code != 405:  # a method the route refuses
                failures.append(f"{who} {method.upper()} {url}: {answer.status_code}, expected {sorted(expected)}")
            if store_fingerprint() != before or _states() != states:
                failures.append(f"{who} {method.upper()} {url}: the store changed ({answer.status_code})")
    assert not failures, "\n".join(failures)


INCIDENT_LINK = re.compile(rb"/incidents/(\d+)/")


def _incident_ids(answer) -> set[int]:
    """Every incident id an answer names: page links, or the JSON fields that carry incident ids."""
    if answer["Content-Type"].startswith("application/json"):
        found: set[int] = set()

        def walk(value, key=""):
            if isinstance(value, dict):
                for k, v in value.items():
                    walk(v, k)
            elif isinstance(value, list):
                for v in value:
                    walk(v, key)
            elif isinstance(value, int) and key in ("readable_evidence_ids", "incident_ids"):
                found.add(value)
        walk(json.loads(answer.content))
        return found
    return {int(i) for i in INCIDENT_LINK.findall(answer.content)}


@pytest.mark.parametrize("who", ["receiver", "viewer"])
def test_a_notification_never_shows_more_than_its_receiver_may_read(channels, client, api_as, who):
    """Every GET of the channels as the receiving mission's users: no incident text ever, and no incident id
    they may not read (the released one is; the three others of the alert are not)."""
    scene = channels["scene"]
    user = fresh(scene.users[PRINCIPALS[who]])
    client.force_login(user)
    api = api_as(user)
    urls = [(client, _page_url(name, route, channels)) for name, route in channel_pages()
            if not name.startswith(("reports:", "analysis:"))]
    for key, methods, is_detail, template in channel_api_routes():
        if "get" in methods and not key.startswith(("api:report-sections", "api:analysis")):
            pk = channels["ids"].get(key.removeprefix("api:").split("/")[0])
            urls.append((api, template.format(pk=pk) if is_detail else template))
            if is_detail and template.endswith("{pk}/"):
                urls.append((api, template.split("{pk}")[0]))  # the list
    seen = set()
    for http, url in urls:
        answer = http.get(url)
        if answer.status_code != 200:
            continue
        text = answer.content.decode()
        assert SECRET_PLACE not in text and SECRET_TEXT not in text, url
        for pk in _incident_ids(answer):
            assert can_read_record(user, Incident.objects.get(pk=pk)), (url, pk)
            seen.add(pk)
    assert seen == {scene.incidents[0].pk}  # the walk did reach the released evidence
