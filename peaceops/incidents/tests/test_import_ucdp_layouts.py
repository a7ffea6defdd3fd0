"""Every released UCDP GED layout reads to the same events: old column names, trailing commas, API JSON.

Parser tests need no database; one test goes through ``events_import`` to show an old file lands
in the store like a current one.
"""

import datetime as dt
import json

import pytest

from peaceops.incidents.imports.formats import ImportFileError, parse, ucdp
from peaceops.incidents.imports.formats.base import EventRow, LineError

TODAY = dt.date(2026, 1, 1)

# GED 17.1 and later.
CURRENT = ("id,year,type_of_violence,side_a,side_b,source_article,source_office,where_prec,where_coordinates,"
           "adm_1,adm_2,latitude,longitude,country,country_id,date_prec,date_start,date_end,deaths_a,deaths_b,"
           "deaths_civilians,deaths_unknown,best,high,low")
# GED 5.0 and before: the death estimates are best_est, high_est, low_est.
OLD = CURRENT.replace(",best,high,low", ",best_est,high_est,low_est")
ROW = ("{id},2008,1,Government of Chad,UFDD,Reuters 1/2-08,Reuters,1,Goz Beida,Ouaddai,Goz Beida,12.0,21.5,Chad,"
       "483,1,2008-02-01,2008-02-02,3,2,0,0,{best},{high},{low}")


def rows(header, lines, tail=""):
    """A CSV text: the header and each row, every line ending with ``tail`` (a trailing comma: ",")."""
    return "".join(f"{line}{tail}\n" for line in [header, *lines])


def read(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return list(parse("ucdp-ged", path, TODAY))


def deaths(result):
    return [(r.external_id, r.deaths_best, r.deaths_high, r.deaths_low) for r in result]


EXPECTED = [("1", 5, 7, 4), ("2", 9, 9, 9)]
TWO = [ROW.format(id=1, best=5, high=7, low=4), ROW.format(id=2, best=9, high=9, low=9)]


def test_current_csv_layout(tmp_path):
    result = read(tmp_path, "ged231.csv", rows(CURRENT, TWO))
    assert deaths(result) == EXPECTED
    assert (result[0].country_gw, result[0].deaths_a, result[0].actors[1]) == (483, 3, ("UFDD", "b"))


def test_older_release_names_best_est_high_est_low_est(tmp_path):
    result = read(tmp_path, "ged50.csv", rows(OLD, TWO))
    assert all(isinstance(r, EventRow) for r in result), result
    assert deaths(result) == EXPECTED


def test_gwno_stands_for_country_id_when_the_file_has_no_country_id(tmp_path):
    result = read(tmp_path, "old.csv", rows(CURRENT.replace("country_id", "gwno"), TWO))
    assert [r.country_gw for r in result] == [483, 483]


def test_current_names_win_when_a_file_has_both(tmp_path):
    header = CURRENT + ",best_est"
    result = read(tmp_path, "both.csv", rows(header, [ROW.format(id=1, best=5, high=7, low=4) + ",99"]))
    assert deaths(result) == [("1", 5, 7, 4)]


def test_header_names_are_read_without_case_or_spaces(tmp_path):
    header = ", ".join(name.upper() for name in OLD.split(","))
    assert deaths(read(tmp_path, "upper.csv", rows(header, TWO))) == EXPECTED


@pytest.mark.parametrize("header_tail, row_tail", [(",", ","), ("", ","), (",", "")])
def test_a_trailing_comma_neither_fails_rows_nor_shifts_fields(tmp_path, header_tail, row_tail):
    text = CURRENT + header_tail + "\n" + "".join(f"{row}{row_tail}\n" for row in TWO)
    result = read(tmp_path, "trailing.csv", text)
    assert deaths(result) == EXPECTED
    assert [(r.line, r.latitude, r.longitude, r.end_date) for r in result] == [
        (2, 12.0, 21.5, dt.date(2008, 2, 2)), (3, 12.0, 21.5, dt.date(2008, 2, 2))]


def test_old_layout_with_trailing_commas_takes_the_fast_path(tmp_path, monkeypatch):
    """The trailing empty value is dropped before the row is measured, so the common case stays fast."""
    slow = []
    original = ucdp._row
    monkeypatch.setattr(ucdp, "_row", lambda *args: slow.append(args) or original(*args))
    assert deaths(read(tmp_path, "ged50.csv", rows(OLD, TWO, tail=","))) == EXPECTED
    assert slow == []


def test_a_bad_value_in_an_old_layout_names_todays_column(tmp_path):
    bad = ROW.format(id=3, best=-1, high=7, low=4)
    (error,) = read(tmp_path, "ged50.csv", rows(OLD, [bad], tail=","))
    assert isinstance(error, LineError) and (error.line, error.field) == (2, "best")


def test_a_wrong_header_names_the_missing_column(tmp_path):
    path = tmp_path / "renamed.csv"
    path.write_text(rows(OLD.replace("high_est", "hi_est"), TWO, tail=","), encoding="utf-8")
    with pytest.raises(ImportFileError) as caught:
        list(parse("ucdp-ged", path, TODAY))
    assert (caught.value.line, caught.value.field) == (1, "high")
    assert "renamed.csv" in str(caught.value) and "missing column(s) high" in str(caught.value)


# --- UCDP's API JSON ---------------------------------------------------------------------------

def event(id, best=5, **changes):
    """One event as the API gives it: the CSV's field names, numbers as numbers, dates with a time."""
    record = {"id": id, "relid": f"CHA-2008-1-{id}", "year": 2008, "type_of_violence": 1,
              "side_a": "Government of Chad", "side_b": "UFDD", "source_article": "Reuters 1/2-08",
              "source_office": "Reuters", "where_prec": 1, "where_coordinates": "Goz Beida", "adm_1": "Ouaddai",
              "adm_2": "Goz Beida", "latitude": 12.0, "longitude": 21.5, "country": "Chad", "country_id": 483,
              "date_prec": 1, "date_start": "2008-02-01T00:00:00", "date_end": "2008-02-02T00:00:00",
              "deaths_a": 3, "deaths_b": 2, "deaths_civilians": 0, "deaths_unknown": 0, "best": best,
              "high": best + 2, "low": best - 1}
    record.update(changes)
    return record


def page(events, number=1, pages=1):
    following = f"https://ucdpapi.pcr.uu.se/api/gedevents/23.1?pagesize=2&page={number}" if number < pages else ""
    return {"TotalCount": 3, "TotalPages": pages, "PreviousPageUrl": "", "NextPageUrl": following, "Result": events}


def api_file(tmp_path, value, name="gedevents.json"):
    path = tmp_path / name
    path.write_text(json.dumps(value, indent=1), encoding="utf-8")
    return path


def test_api_answer_page(tmp_path):
    result = list(parse("ucdp-ged", api_file(tmp_path, page([event(1), event(2, best=9)])), TODAY))
    assert [(r.external_id, r.deaths_best, r.deaths_high, r.deaths_low) for r in result] == [
        ("1", 5, 7, 4), ("2", 9, 11, 8)]
    first = result[0]
    assert (first.start_date, first.end_date, first.country_gw, first.latitude) == (
        dt.date(2008, 2, 1), dt.date(2008, 2, 2), 483, 12.0)
    assert first.sources == [("Reuters", "Reuters 1/2-08")]


def test_api_list_of_pages_and_plain_list_of_events(tmp_path):
    pages = [page([event(1), event(2)], 1, 2), page([event(3)], 2, 2)]
    from_pages = list(parse("ucdp-ged", api_file(tmp_path, pages, "pages.json"), TODAY))
    plain = list(parse("ucdp-ged", api_file(tmp_path, [event(1), event(2), event(3)], "events.json"), TODAY))
    assert [r.external_id for r in from_pages] == ["1", "2", "3"]
    assert [(r.external_id, r.deaths_best) for r in plain] == [(r.external_id, r.deaths_best) for r in from_pages]


def test_api_events_of_an_older_release_use_its_names(tmp_path):
    old = event(1)
    old["best_est"], old["high_est"], old["low_est"] = old.pop("best"), old.pop("high"), old.pop("low")
    (row,) = parse("ucdp-ged", api_file(tmp_path, page([old])), TODAY)
    assert (row.deaths_best, row.deaths_high, row.deaths_low) == (5, 7, 4)


def test_api_bad_event_is_a_line_error_on_the_line_it_starts(tmp_path):
    path = tmp_path / "page.json"
    path.write_text('{"TotalCount": 2, "TotalPages": 1, "PreviousPageUrl": "", "NextPageUrl": "",\n'
                    ' "Result": [\n' + json.dumps(event(1)) + ",\n" + json.dumps(event(2, deaths_b=-4)) + "\n]}\n",
                    encoding="utf-8")
    good, bad = parse("ucdp-ged", path, TODAY)
    assert isinstance(good, EventRow) and good.line == 3
    assert (bad.line, bad.field) == (4, "deaths_b")


def test_api_event_missing_a_field_names_it(tmp_path):
    broken = event(1)
    del broken["deaths_civilians"]
    with pytest.raises(ImportFileError) as caught:
        list(parse("ucdp-ged", api_file(tmp_path, page([{k: v for k, v in broken.items() if k != "id"}])), TODAY))
    assert caught.value.field == "id" and "API event" in str(caught.value)
    second = event(2)
    del second["deaths_civilians"]
    good, bad = parse("ucdp-ged", api_file(tmp_path, [event(1), second], "two.json"), TODAY)
    assert isinstance(good, EventRow) and (bad.field, bad.message) == ("deaths_civilians",
                                                                        "missing field deaths_civilians")


def test_json_that_is_neither_geojson_nor_an_api_answer(tmp_path):
    with pytest.raises(ImportFileError, match='no "Result" array'):
        list(parse("ucdp-ged", api_file(tmp_path, {"TotalCount": 0, "rows": []}), TODAY))
    with pytest.raises(ImportFileError, match="no events"):
        list(parse("ucdp-ged", api_file(tmp_path, page([]), "empty.json"), TODAY))


def test_json_is_streamed_across_block_boundaries(tmp_path, monkeypatch):
    """Read a few bytes at a time, every shape gives what it gives read at once (numbers split included)."""
    pages = [page([event(i, best=1234567 + i) for i in (1, 2)], 1, 2), page([event(3, best=7654321)], 2, 2)]
    path = api_file(tmp_path, pages)
    whole = list(parse("ucdp-ged", path, TODAY))
    for block in (1, 7, 64):
        monkeypatch.setattr(ucdp._JsonStream, "BLOCK", block)
        assert list(parse("ucdp-ged", path, TODAY)) == whole, block
    assert [r.deaths_best for r in whole] == [1234568, 1234569, 7654321]


def test_geojson_feature_collection_still_reads(tmp_path):
    feature = {"type": "Feature", "properties": {k: v for k, v in event(1).items() if k not in ("latitude",
                                                                                                 "longitude")},
               "geometry": {"type": "Point", "coordinates": [21.5, 12.0]}}
    collection = {"type": "FeatureCollection", "name": "GEDEvent_v23_1",
                  "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}},
                  "features": [feature]}
    (row,) = parse("ucdp-ged", api_file(tmp_path, collection, "ged.geojson"), TODAY)
    assert (row.latitude, row.longitude, row.deaths_best) == (12.0, 21.5, 5)


@pytest.mark.realdata
def test_real_geojson_reads_every_event(shared_data):
    result = list(parse("ucdp-ged", shared_data / "ucdp" / "ged231_caf.geojson", TODAY))
    assert len(result) == 1848 and all(isinstance(r, EventRow) for r in result)
    assert (result[0].line, result[-1].line) == (6, 1853)


def test_old_layout_imports_like_the_current_one(world, tmp_path):
    from peaceops.accounts.access import SYSTEM
    from peaceops.incidents.imports.services import events_import
    from peaceops.incidents.models import Incident

    path = tmp_path / "ged50.csv"
    path.write_text(rows(OLD, TWO, tail=","), encoding="utf-8")
    report = events_import(path, "ucdp-ged", user=SYSTEM)
    assert (report.created, report.errors) == (2, [])
    stored = Incident.objects.get(dataset="ucdp-ged", external_id="1")
    assert (stored.deaths_best, stored.deaths_high, stored.deaths_low) == (5, 7, 4)
