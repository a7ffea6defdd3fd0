"""One way for every list page to sort, size and page its rows from the query string.

``?sort=key`` (``-key`` descending) picks one of the page's declared sort keys, ``?page_size=`` one of
:data:`PAGE_SIZES`, ``?page=`` a page. A list is read by people following links that others wrote, so an
odd value never fails the page: an unknown sort key falls back to the page's default order, a size to the
nearest offered size, a page number to the first or the last page. The sort keys are a whitelist mapped to
columns by each page, so a query string cannot order by a field the page does not show (a hidden field's
order would leak its values).

Used by views with ``paginate(request.GET, rows, sorts, default_sort)`` and in templates with the
``listing`` tags (``{% sort_th %}`` for a header, ``{% pager %}`` for the page links, size and jump).
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import QueryDict

PAGE_SIZES = (25, 50, 100, 200)
SORT, PAGE, PAGE_SIZE = "sort", "page", "page_size"

# A sort key maps to model fields (a QuerySet) or to a function of a row (a list of rows).
SortSpec = str | Sequence[str] | Callable


def read_size(value, default: int = 50) -> int:
    """The offered size at or below ``value`` (the smallest for less); ``default`` when not a number."""
    text = str(value or "").strip()
    if not text.isdigit():
        return default
    number = int(text)
    return max((size for size in PAGE_SIZES if size <= number), default=PAGE_SIZES[0])


def read_page(value) -> int:
    """A page number of at least 1 (the paginator brings one past the end back to the last page)."""
    text = str(value or "").strip()
    if not text.isdigit():
        return 1
    return max(1, int(text))


def read_sort(value, sorts: Mapping[str, SortSpec], default: str) -> tuple[str, bool]:
    """``(key, descending)`` for ``?sort=``; the page's ``default`` (itself ``key`` or ``-key``) when unknown."""
    text = str(value or "").strip()
    descending = text.startswith("-")
    key = text[1:] if descending else text
    if key in sorts:
        return key, descending
    return default.lstrip("-"), default.startswith("-")


def _flip(name: str) -> str:
    return name[1:] if name.startswith("-") else f"-{name}"


def sort_rows(items, spec: SortSpec, descending: bool):
    """``items`` in the order ``spec`` gives: model fields for a QuerySet, a key function for a list."""
    if isinstance(items, QuerySet):
        fields = [spec] if isinstance(spec, str) else list(spec)
        if descending:
            fields = [_flip(name) for name in fields]
        # The primary key last, so that rows with equal values keep one order from page to page.
        return items.order_by(*fields, "-pk" if descending else "pk")

    def key(row):
        value = spec(row)
        return (value is None, value)  # rows without a value last in either direction

    ordered = sorted(items, key=key, reverse=descending)
    if descending:  # reverse=True also put the empty values first: move them back to the end
        ordered = [row for row in ordered if spec(row) is not None] + [row for row in ordered if spec(row) is None]
    return ordered


@dataclass
class Listing:
    """One page of a sorted list, with what its headers and pager need to link onwards."""

    page: Page
    sort_key: str
    descending: bool
    page_size: int
    params: QueryDict = field(repr=False)

    @property
    def sizes(self) -> tuple[int, ...]:
        return PAGE_SIZES

    @property
    def count(self) -> int:
        return self.page.paginator.count

    def _url(self, **changes) -> str:
        query = self.params.copy()
        for name, value in changes.items():
            query.pop(name, None)
            if value is not None:
                query[name] = str(value)
        encoded = query.urlencode()
        return f"?{encoded}" if encoded else "?"

    def sort_url(self, key: str) -> str:
        """The link a column header carries: this column ascending, or descending when it already is ascending."""
        descending = key == self.sort_key and not self.descending
        return self._url(**{SORT: f"-{key}" if descending else key, PAGE: None})

    def sort_state(self, key: str) -> str:
        """``ascending``/``descending`` for the column the rows are sorted by (``aria-sort``), else ``""``."""
        if key != self.sort_key:
            return ""
        return "descending" if self.descending else "ascending"

    def page_url(self, number: int) -> str:
        return self._url(**{PAGE: number})

    @property
    def query(self) -> str:
        """The query string without the page number (for links to the same rows elsewhere: map, exports)."""
        query = self.params.copy()
        query.pop(PAGE, None)
        return query.urlencode()

    @property
    def kept_params(self) -> list[tuple[str, str]]:
        """Every parameter but page and size, as hidden fields of the page-jump form."""
        return [(name, value) for name, values in self.params.lists() if name not in (PAGE, PAGE_SIZE)
                for value in values]


def paginate(params: QueryDict, items, sorts: Mapping[str, SortSpec], default_sort: str,
             default_size: int = 50) -> Listing:
    """Sort ``items`` by the requested whitelisted key, then cut the requested page.

    ``params`` is the request's GET; ``sorts`` maps each sort key a header offers to model fields
    (``"start_date"`` or ``("-start_date", "id")``) or, for a list of rows, a key function.
    """
    key, descending = read_sort(params.get(SORT), sorts, default_sort)
    rows = sort_rows(items, sorts[key], descending) if key in sorts else items
    size = read_size(params.get(PAGE_SIZE), default_size)
    paginator = Paginator(rows, size)
    number = min(read_page(params.get(PAGE)), paginator.num_pages)
    return Listing(page=paginator.page(number), sort_key=key, descending=descending, page_size=size,
                   params=params.copy())
