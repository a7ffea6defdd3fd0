"""The daily sitrep carries its classification in every output, as report exports do.

The page, the standalone HTML, the PDF (each page's header and footer), the Markdown and the JSON are
marked with the highest classification of what the reader's report holds, and each incident above
unclassified carries its own marking. Fixture: test_sitrep.py's (MINURCAT's i3 is confidential).
"""

# ruff: noqa: F811 (the fixture imported from test_sitrep is a parameter of the tests)

import json
import re

import pytest

from peaceops.core.tests.pdf_text import pdf_text
from peaceops.incidents.tests.test_sitrep import sitrep_world  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db
DAY = "2008-06-14"


def _get(client, user, fmt="", mission="MINURCAT"):
    client.force_login(user)
    query = {"date": DAY, "mission": mission, **({"format": fmt} if fmt else {})}
    response = client.get("/incidents/sitrep/", query)
    assert response.status_code == 200
    return response.content


def test_the_page_has_a_banner_above_and_below_and_marks_the_confidential_incident(sitrep_world, client):
    i3 = sitrep_world.records["incidents"]["i3"]
    page = _get(client, sitrep_world.users["minurcat"]).decode()
    banners = re.findall(r'<p class="sitrep-marking level-(\d)" data-marking="(top|bottom)">([^<]+)</p>', page)
    assert [(level, where, text) for level, where, text in banners] == [
        ("1", "top", "CONFIDENTIAL"), ("1", "bottom", "CONFIDENTIAL")]
    marked = re.findall(r'<tr data-incident="(\d+)">.*?</tr>', page, re.S)
    rows = {pk: row for pk, row in re.findall(r'<tr data-incident="(\d+)">(.*?)</tr>', page, re.S)}
    confidential = [pk for pk, row in rows.items() if 'class="item-marking level-1">CONFIDENTIAL<' in row]
    assert confidential == [str(i3.pk)] and len(marked) == 4  # i3 only: i1, i2 and i4 are unclassified


def test_an_unclassified_reader_gets_an_unclassified_report(sitrep_world, client):
    page = _get(client, sitrep_world.users["regional"]).decode()
    assert 'data-marking="top">UNCLASSIFIED<' in page and 'data-marking="bottom">UNCLASSIFIED<' in page
    assert "item-marking" not in page.split("</style>")[-1]


def test_strictly_confidential_content_marks_the_whole_report(sitrep_world, client):
    page = _get(client, sitrep_world.users["unamid"], mission="UNAMID").decode()
    assert 'data-marking="top">STRICTLY CONFIDENTIAL<' in page


def test_json_carries_the_marking_and_each_incident_its_level(sitrep_world, client):
    data = json.loads(_get(client, sitrep_world.users["minurcat"], "json"))
    assert data["marking"] == "CONFIDENTIAL" and data["classification"] == 1
    levels = {item["id"]: (item["classification"], item["marking"]) for item in data["items"]}
    assert sorted(levels.values()) == [(0, "UNCLASSIFIED")] * 3 + [(1, "CONFIDENTIAL")]


def test_the_api_json_is_marked_too(sitrep_world, api_as):
    data = api_as(sitrep_world.users["minurcat"]).get("/api/v1/sitrep/", {"mission": "MINURCAT",
                                                                          "date": DAY}).json()
    assert data["marking"] == "CONFIDENTIAL"


def test_markdown_opens_and_closes_with_the_marking_and_tags_the_item(sitrep_world, client):
    lines = _get(client, sitrep_world.users["minurcat"], "md").decode().strip().splitlines()
    assert lines[0] == "**CONFIDENTIAL**" and lines[-1] == "**CONFIDENTIAL**"
    assert any("[CONFIDENTIAL] #" in line for line in lines)  # i3 among the notable incidents
    assert any(line.endswith("| CONFIDENTIAL |") for line in lines)  # and in the table of the day


def test_standalone_html_has_both_banners(sitrep_world, client):
    html = _get(client, sitrep_world.users["minurcat"], "html").decode()
    assert html.count('data-marking="top">CONFIDENTIAL<') == 1
    assert html.count('data-marking="bottom">CONFIDENTIAL<') == 1
    assert 'class="item-marking level-1">CONFIDENTIAL<' in html


def test_every_pdf_page_has_the_marking_in_header_and_footer(sitrep_world, client):
    content = _get(client, sitrep_world.users["minurcat"], "pdf")
    pages = len(re.findall(rb"/Type /Page\b", content))
    texts = pdf_text(content)
    headers = [t for t in texts if "(CONFIDENTIAL)" in t]
    footers = [t for t in texts if re.search(r"\(CONFIDENTIAL .{1,4} page \d+\)", t)]  # "·" written as \267
    assert pages >= 1 and len(headers) == len(footers) == pages
