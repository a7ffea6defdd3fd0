"""The map's time slider: weeks or months, a histogram of the readable incidents, play and pause (in a browser)."""

# ruff: noqa: F811 (pytest fixtures imported from log_fixtures are parameters of the tests)

import datetime as dt

import pytest

from peaceops.core.classification import Classification
from peaceops.incidents.tests.log_fixtures import log_world, make_incident  # noqa: F401 (fixture)
from peaceops.incidents.tests.test_browser_incidents import log_in, shoot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Readable by the MINURCAT watch officer (cleared to confidential), beside the fixture's two of 2009-03-14.
READABLE_DAYS = [dt.date(2009, 3, 2), dt.date(2009, 4, 10), dt.date(2009, 4, 11), dt.date(2009, 5, 5)]
HIDDEN_DAY = dt.date(2008, 11, 20)  # strictly confidential: would stretch the histogram back if it were counted


def _state(page) -> dict:
    return page.evaluate("""() => { const d = document.getElementById('incident-map').dataset;
        return {total: d.total, shown: d.shown, bins: d.bins, histogram: d.histogramTotal, window: d.window,
                playing: d.playing || '', from: document.getElementById('slider-from-label').textContent}; }""")


def _set_window(page, lo, hi):
    page.evaluate("""([lo, hi]) => { const f = document.getElementById('slider-from'),
        t = document.getElementById('slider-to'); f.value = lo; t.value = hi;
        f.dispatchEvent(new Event('input')); }""", [lo, hi])
    page.wait_for_function("w => document.getElementById('incident-map').dataset.window === w", arg=f"{lo}-{hi}")


def test_slider_by_week_or_month_with_a_histogram_of_readable_incidents_and_play(log_world, page):
    for day in READABLE_DAYS:
        make_incident(
            log_world.minurcat, Classification.UNCLASSIFIED, country=log_world.chad, lat=13.0, lon=20.0, day=day
        )
    make_incident(
        log_world.minurcat,
        Classification.STRICTLY_CONFIDENTIAL,
        country=log_world.chad,
        lat=13.0,
        lon=20.0,
        day=HIDDEN_DAY,
    )
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("response", lambda answer: errors.append(f"{answer.status} {answer.url}") if answer.status >= 400 else None)
    log_in(page, "watch")
    page.goto(page.base + "/incidents/map/")
    page.wait_for_selector("#incident-map[data-ready='1']")

    # By month: March, April, May 2009; the hidden report of November 2008 is neither counted nor binned.
    page.select_option("#slider-step", "month")
    state = _state(page)
    assert state["total"] == "6" and state["histogram"] == "6" and state["bins"] == "3"
    assert state["from"] == "2009-03-01"
    counts = page.eval_on_selector_all("#slider-histogram rect", "bars => bars.map(b => b.dataset.count)")
    assert counts == ["3", "2", "1"]

    # Moving the handles to April alone shows April's two reports.
    _set_window(page, 1, 1)
    assert _state(page)["shown"] == "2"
    assert page.inner_text("#slider-from-label") == "2009-04-01" and page.inner_text("#slider-to-label") == "2009-04-30"

    # By week: 2009-03-02 (a Monday) to the week of 2009-05-05, ten weeks; still six reports.
    page.select_option("#slider-step", "week")
    page.wait_for_function("() => document.getElementById('incident-map').dataset.bins === '10'")
    assert _state(page)["histogram"] == "6"

    # Play moves a one-week window forward a step at a time; pause stops it where it is.
    _set_window(page, 0, 0)
    page.click("#slider-play")
    page.wait_for_function("() => document.getElementById('incident-map').dataset.window === '2-2'")
    assert page.get_attribute("#slider-play", "aria-pressed") == "true"
    page.click("#slider-play")
    stopped = _state(page)
    assert stopped["playing"] == "" and page.get_attribute("#slider-play", "aria-pressed") == "false"
    page.wait_for_timeout(2000)
    assert _state(page)["window"] == stopped["window"]
    # Played to the end, it stops by itself on the last week.
    _set_window(page, 8, 8)
    page.click("#slider-play")
    page.wait_for_function("() => document.getElementById('incident-map').dataset.window === '9-9'")
    page.wait_for_function("() => !document.getElementById('incident-map').dataset.playing")
    assert _state(page)["shown"] == "1"
    shoot(page, "incident-map-slider")
    assert errors == []
