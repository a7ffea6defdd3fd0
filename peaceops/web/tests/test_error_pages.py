"""Odd query values and refusals answer inside the layout: a form error, or the shell's 400/403 page.

The cases a new user met (extreme dates a date picker accepts, an id too large for the database, a malformed
date), on the small shared world; test_odd_input.py crawls every page of the demo the same way.
"""

import datetime as dt

import pytest
from django.urls import reverse

from peaceops.core import query

LAYOUT = 'id="content"'


def _page(response) -> str:
    return response.content.decode()


def test_a_malformed_or_extreme_sitrep_date_is_a_400_page_inside_the_layout(world, client_as):
    client = client_as(world.users["minurcat"])
    for value in ("bad", "0001-01-01", "9999-12-31", "2009-13-45", "99999999999999999999"):
        response = client.get("/incidents/sitrep/", {"date": value, "mission": "MINURCAT"})
        assert response.status_code == 400, value
        page = _page(response)
        assert LAYOUT in page and "Bad request" in page and "“date”" in page, value
    assert client.get("/incidents/sitrep/", {"date": "2009-06-08", "mission": "MINURCAT"}).status_code == 200


def test_the_sitrep_api_names_the_bad_date(world, api_as):
    response = api_as(world.users["minurcat"]).get("/api/v1/sitrep/", {"mission": "MINURCAT", "date": "0001-01-01"})
    assert response.status_code == 400 and "1900-01-01" in response.content.decode()


def test_an_id_no_record_can_have_filters_to_nothing(world, client_as):
    client = client_as(world.users["minurcat"])
    for url in ("/incidents/", "/incidents/map/data.json"):
        for key in ("mission", "actor"):
            assert client.get(url, {key: "99999999999999999999"}).status_code == 200, (url, key)
    assert client.get("/coordination/", {"organisation": "99999999999999999999"}).status_code == 200


def test_extreme_dates_in_forms_are_form_errors(world, client_as):
    client = client_as(world.users["minurcat"])
    page = client.get("/cooperation/benchmarks/", {"start": "0001-01-01", "end": "9999-12-31"})
    assert page.status_code == 200 and "Give a date between 1900-01-01 and 2100-12-31." in _page(page)
    for url in ("/analysis/", "/analysis/replay/"):
        for value in ("0001-01-01", "9999-12-31"):
            response = client.get(url, {"as_of": value})
            assert response.status_code == 200, (url, value)
            assert "Give a date between" in _page(response), (url, value)


def test_a_page_refused_is_the_shells_403_inside_the_layout(world, client_as):
    response = client_as(world.users["regional"]).get(reverse("coordination:upload"))
    assert response.status_code == 403
    page = _page(response)
    assert LAYOUT in page and "Not allowed" in page and "edit_coordination" in page


@pytest.mark.parametrize("text,expected", [("2009-06-08", dt.date(2009, 6, 8)), ("", None), ("  ", None)])
def test_parse_date_reads_iso_dates_in_the_window(text, expected):
    assert query.parse_date(text, "date") == expected


@pytest.mark.parametrize("text", ["bad", "1899-12-31", "2101-01-01", "0001-01-01", "9999-12-31", "2009-02-30"])
def test_parse_date_refuses_the_rest_naming_the_parameter(text):
    with pytest.raises(query.BadQuery) as refused:
        query.parse_date(text, "as_of")
    assert refused.value.name == "as_of" and "as_of" in str(refused.value)


def test_ids_and_periods():
    assert query.is_id("1") and query.is_id(2**63 - 1)
    assert not any(query.is_id(v) for v in ("0", "-1", "1.5", "abc", str(2**63), "99999999999999999999"))
    assert query.parse_id("", "mission") is None and query.parse_id("42", "mission") == 42
    with pytest.raises(query.BadQuery):
        query.parse_id("99999999999999999999", "mission")
    query.check_period(dt.date(2009, 1, 1), dt.date(2009, 1, 1))
    with pytest.raises(query.BadQuery):
        query.check_period(dt.date(2009, 1, 2), dt.date(2009, 1, 1))
