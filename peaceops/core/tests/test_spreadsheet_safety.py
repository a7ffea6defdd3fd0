"""Cells that a spreadsheet could run as a formula are written as text; numbers stay numbers."""

import csv
import io

import pytest

from peaceops.core.hxl_csv import hxl_csv_lines
from peaceops.core.spreadsheet_safety import safe_cell, safe_row

PAYLOAD = "=cmd|' /C calc'!A0"


@pytest.mark.parametrize("text", [PAYLOAD, "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1+1", "\r=1+1", "  =1+1",
                                  "=HYPERLINK(\"http://evil\",\"x\")", "-", "--flag"])
def test_text_that_could_run_as_a_formula_gets_a_leading_quote(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["Clash near Goz Beida", "", "#adm1+code", "1+1", "a=b", "O'Brien", "'=quoted"])
def test_ordinary_text_is_left_alone(value):
    assert safe_cell(value) == value


@pytest.mark.parametrize("value", [-5, -0.25, 0, 12, 3.5, None, True])
def test_numbers_and_other_non_text_values_stay_as_they_are(value):
    assert safe_cell(value) is value


@pytest.mark.parametrize("text", ["-12", "-12.5", "+3", "-1e3", "-.5"])
def test_a_string_that_is_exactly_a_number_is_data_not_a_formula(text):
    # A spreadsheet reads it as that number: there is nothing to execute, and a coordinate or count
    # that arrives as text keeps its value.
    assert safe_cell(text) == text


def test_the_hxl_export_neutralises_data_cells_and_keeps_the_hashtag_row():
    text = "".join(hxl_csv_lines(["name", "killed", "lat"], ["#org+name", "#affected+killed", "#geo+lat"],
                                 [(PAYLOAD, 3, -4.25), ("-", -1, "-4.25")], lambda row: list(row)))
    header, tags, first, second = csv.reader(io.StringIO(text))
    assert header == ["name", "killed", "lat"] and tags == ["#org+name", "#affected+killed", "#geo+lat"]
    assert first == ["'" + PAYLOAD, "3", "-4.25"]
    assert second == ["'-", "-1", "-4.25"]


def test_safe_row_keeps_the_row_length_and_order():
    assert safe_row([1, "=x", None, "y"]) == [1, "'=x", None, "y"]
