"""Across the border in a real browser, on the demo data (seed 000 §II.B.1, §III.C.1, §IV.C.3).

UNAMID's violence in West Darfur moves toward the Chad border; UNAMID's analyst opens the alerts of the
scenario's day, which tells MINURCAT; MINURCAT's watch officer finds it in the inbox and asks for the
evidence; UNAMID's analyst releases two incidents; the watch officer reads them in the incident log and on
the map; MINURCAT's analyst writes MINURCAT's section of the joint threat assessment.

Run with ``pytest -m browser peaceops/notifications/tests/test_browser_cross_border.py`` (Debian's Chromium).
Screenshots at 1280 and 390 px wide go to /tmp/peaceops-cross-border-*.png.
"""

import datetime as dt

import pytest
from django.conf import settings
from django.urls import reverse

from peaceops.core.classification import Classification
from peaceops.demo.loader import load_demo
from peaceops.incidents.models import Incident
from peaceops.notifications.models import InformationRequest, Notification, Release
from peaceops.registry.models import Country, Mission
from peaceops.reports.models import Report
from peaceops.web.tests.browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DAY = "2009-06-30"  # the demo's scenario day (core.clock.DEMO_DAY)


def _shoot(page, name):
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=f"/tmp/peaceops-cross-border-{name}-{width}.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def _toward_the_border():
    """UNAMID's roadside mines in West Darfur: three in the spring some 180 km from Chad, four in June within
    50 km. Mines, because the demo's UNAMID-MINURCAT agreement shares clashes, attacks, banditry and abductions
    but not explosive devices: these reach MINURCAT only if UNAMID releases them."""
    unamid, sudan = Mission.objects.get(acronym="UNAMID"), Country.objects.get(iso3="SDN")
    made = []
    for day, lon in [((4, 12), 24.5), ((4, 30), 24.6), ((5, 18), 24.4),
                     ((6, 10), 22.9), ((6, 15), 22.8), ((6, 20), 23.0), ((6, 25), 22.9)]:
        when = dt.date(2009, *day)
        incident = Incident.objects.create(
            owning_mission=unamid,
            classification=Classification.CONFIDENTIAL,
            category="explosive_device",
            status="verified",
            start_date=when,
            end_date=when,
            reported_on=when,
            country=sudan,
            admin1="West Darfur",
            latitude=13.2,
            longitude=lon,
            location=f"Wadi {lon}",
            description="mine on the road to the border",
        )
        incident.missions.set([unamid])
        made.append(incident)
    return made


@pytest.fixture
def demo(transactional_db):
    settings.PEACEOPS_TODAY = DAY  # restored by the conftest's autouse fixture
    load_demo()
    return _toward_the_border()


def test_a_border_alert_reaches_the_neighbour_who_asks_is_answered_and_writes_the_joint_assessment(demo, page):
    # UNAMID's analyst opens the day's alerts: the alert names MINURCAT, which is told.
    log_in(page, "jmac.unamid")
    page.goto(page.base + reverse("analysis:alerts") + f"?as_of={DAY}")
    assert "West Darfur" in page.locator("#alerts").inner_text()
    notification = Notification.objects.get(kind="toward_border", admin1="West Darfur")
    assert notification.recipient.acronym == "MINURCAT" and notification.source_mission.acronym == "UNAMID"

    # MINURCAT's watch officer finds it in the inbox, without any of UNAMID's incidents.
    log_in(page, "joc.minurcat")
    page.goto(page.base + reverse("notifications:inbox"))
    assert "West Darfur" in page.locator("main").inner_text()
    assert int(page.locator("#unread-notifications").inner_text()) >= 1
    _shoot(page, "inbox")
    page.goto(page.base + reverse("notifications:detail", args=[notification.pk]))
    assert "Wadi" not in page.content() and "explosive_device: 4" in page.locator("main").inner_text()
    _shoot(page, "notification")
    page.goto(page.base + reverse("incidents:list") + "?admin1=West Darfur")
    assert "Wadi" not in page.locator("main").inner_text()  # not yet released

    # The watch officer asks UNAMID for the evidence.
    page.goto(page.base + reverse("notifications:detail", args=[notification.pk]))
    page.fill("#requests textarea[name=question]", "Which of these came within 50 km of Adré?")
    with page.expect_navigation():
        page.click("#requests button[type=submit]")
    asked = InformationRequest.objects.get(notification=notification)

    # UNAMID's analyst releases two of the four incidents.
    log_in(page, "jmac.unamid")
    page.goto(page.base + reverse("notifications:request", args=[asked.pk]))
    boxes = page.locator("#answer input[name=ids]")
    assert boxes.count() == 4
    for index in range(2, 4):
        boxes.nth(index).uncheck()
    page.fill("#answer input[name=note]", "The two nearest Adré")
    _shoot(page, "release")
    with page.expect_navigation():
        page.click("#answer button:has-text('Release')")
    released = Release.objects.get(request=asked)
    assert len(released.incident_ids) == 2

    # The watch officer reads exactly those two in the log and on the map.
    log_in(page, "joc.minurcat")
    page.goto(page.base + reverse("incidents:list") + "?admin1=West Darfur")
    log = page.locator("main").inner_text()
    assert log.count("Wadi") == 2, log
    _shoot(page, "released-log")
    points = page.request.get(page.base + reverse("incidents:map-data") + "?admin1=West Darfur").json()
    assert set(points["id"]) == set(released.incident_ids), points  # the map's data: the two, nothing else
    page.goto(page.base + reverse("incidents:map") + "?admin1=West Darfur")
    page.wait_for_selector(".leaflet-interactive")
    _shoot(page, "released-map")

    # MINURCAT's analyst writes MINURCAT's section of the joint threat assessment.
    report = Report.objects.get(kind="threat_assessment", region__isnull=False, status="draft")
    ours = report.sections.get(key="analysis.threats.minurcat")
    log_in(page, "jmac.minurcat")
    page.goto(page.base + reverse("reports:section-edit", args=[report.pk, ours.pk]))
    page.fill(
        "textarea[name=body]",
        "Eastern Chad: violence in West Darfur is nearing Adré; UNAMID released two incidents to MINURCAT on request.",
    )
    with page.expect_navigation():
        page.click("form.card button[type=submit]")
    ours.refresh_from_db()
    assert "nearing Adré" in ours.body
    page.goto(page.base + reverse("reports:detail", args=[report.pk]))
    assert "nearing Adré" in page.locator("main").inner_text()
    _shoot(page, "joint-section")

    # The region's fusion view (seed 000 §IV.C.1), as the system-wide administrator: the alert, the border
    # with incidents on both sides, the Chad IV / Sudan III divergence, the late first-quarter assessment.
    log_in(page, "admin")
    page.goto(page.base + reverse("analysis:fusion"))
    assert "West Darfur" in page.locator("#fusion-alerts").inner_text()
    assert page.locator("#fusion-borders tr.border-activity").count() >= 1
    assert page.locator("#fusion-levels tr.divergence").count() >= 1
    assert "Q1 2009 joint threat assessment" in page.locator("#fusion-late").inner_text()
    _shoot(page, "fusion")
