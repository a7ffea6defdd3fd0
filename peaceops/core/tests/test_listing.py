"""The list helper every list page shares: whitelisted sort keys, page sizes, page numbers, links onwards.

Plain lists of rows here (no database): a QuerySet takes the same path with ``order_by``.
"""

from django.http import QueryDict
from django.template import Context, Template

from peaceops.core import listing

ROWS = [{"name": name, "size": size} for name, size in
        (("Bangui", 3), ("Abéché", 9), ("El Fasher", None), ("Goma", 1), ("Juba", 9))]
SORTS = {"name": lambda row: row["name"], "size": lambda row: row["size"]}


def page_of(query: str, rows=ROWS, default="name", size=2):
    return listing.paginate(QueryDict(query), rows, SORTS, default, size)


def names(result) -> list[str]:
    return [row["name"] for row in result.page]


def test_sorts_by_a_declared_key_either_way():
    assert names(page_of("sort=name&page_size=25")) == ["Abéché", "Bangui", "El Fasher", "Goma", "Juba"]
    assert names(page_of("sort=-name&page_size=25")) == ["Juba", "Goma", "El Fasher", "Bangui", "Abéché"]


def test_rows_without_a_value_come_last_both_ways():
    assert names(page_of("sort=size&page_size=25"))[-1] == "El Fasher"
    assert names(page_of("sort=-size&page_size=25"))[-1] == "El Fasher"


def test_an_unknown_sort_key_falls_back_to_the_default_order():
    for odd in ("sort=password", "sort=-", "sort=", "sort=__class__", "sort=--name"):
        result = page_of(f"{odd}&page_size=25", default="-name")
        assert (result.sort_key, result.descending) == ("name", True), odd


def test_page_sizes_are_clamped_to_the_offered_ones():
    assert [listing.read_size(v) for v in ("25", "60", "100", "199", "1000000000", "10", "0")] == [
        25, 50, 100, 100, 200, 25, 25]
    assert [listing.read_size(v, 50) for v in ("", "-5", "bad", "1e9", None)] == [50] * 5


def test_page_numbers_are_clamped_to_the_first_and_last_page():
    for odd, expected in (("0", 1), ("-1", 1), ("bad", 1), ("", 1), ("99999999999999999999", 3), ("2", 2)):
        result = page_of(f"page={odd}")  # 2 rows a page: 3 pages
        assert result.page.number == expected, odd
    assert names(page_of("page=3")) == ["Juba"]


def test_links_toggle_the_sort_and_keep_the_filters():
    result = page_of("q=goz&sort=name&page=2&page_size=25")
    assert result.sort_url("name") == "?q=goz&page_size=25&sort=-name"  # a second click: the other way
    assert result.sort_url("size") == "?q=goz&page_size=25&sort=size"  # another column, from page 1
    assert result.page_url(3).endswith("page=3") and "q=goz" in result.page_url(3)
    assert result.query == "q=goz&sort=name&page_size=25"
    assert result.kept_params == [("q", "goz"), ("sort", "name")]
    assert result.sort_state("name") == "ascending" and result.sort_state("size") == ""


def test_the_template_tags_render_a_header_and_a_pager():
    result = listing.paginate(QueryDict("sort=-size&q=<x>"), ROWS, SORTS, "name", 2)
    html = Template('{% load listing %}{% sort_th rows "size" "Size" "num" %}{% pager rows %}').render(
        Context({"rows": result}))
    assert '<th class="num" aria-sort="descending"><a class="sort" href="?q=%3Cx%3E&amp;sort=size">Size' in html
    assert 'rel="next"' in html and 'rel="prev"' not in html and "Page 1 of 3" in html
    assert '<input type="hidden" name="q" value="&lt;x&gt;">' in html  # escaped, kept for the page jump
    assert '<option value="25" selected>' not in html  # 2 a page is no offered size: none is selected


def test_the_tags_render_plainly_without_a_listing():
    html = Template('{% load listing %}{% sort_th rows "size" "Size" %}{% pager rows %}').render(Context({}))
    assert html.strip() == "<th>Size</th>"
