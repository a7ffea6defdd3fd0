"""Values from a query string, checked where they enter: dates in a sane range, ids the database can hold.

A date picker accepts 0001-01-01 and 9999-12-31, and a link can carry any text. Past the edges the code behind
a page fails (a year before 1 or after 9999 one day away, SQLite's 64-bit integers, arrays of negative
length), so every page and endpoint reads its query values through these helpers or the form fields' validator
below. A bad value raises :class:`BadQuery`, which Django answers with the shell's 400 page (peaceops.web.views
.bad_request) naming the parameter; a form field gets a form error instead.
"""

import datetime as dt

from django.core.exceptions import BadRequest, ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# No peace operation record predates the League of Nations' era or reaches past the century; the window
# leaves every real date in and keeps arithmetic on a date (a year back, a month on) inside Python's range.
EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2100, 12, 31)
# Primary keys are 64-bit (settings.DEFAULT_AUTO_FIELD); a larger number matches no record on any database.
MAX_ID = 2**63 - 1


class BadQuery(BadRequest):
    """A query parameter the page cannot use; ``name`` is the parameter, the message says what to give."""

    def __init__(self, name: str, message: str):
        super().__init__(message)
        self.name = name
        self.message = message

    def __str__(self) -> str:
        return self.message


def in_range(day: dt.date) -> bool:
    return EARLIEST <= day <= LATEST


def sane_date(day: dt.date | None) -> None:
    """Form field validator: a date inside EARLIEST..LATEST (a date picker offers years 1 to 9999)."""
    if day is not None and not in_range(day):
        raise ValidationError(gettext_lazy("Give a date between %(earliest)s and %(latest)s."),
                              code="out_of_range", params={"earliest": EARLIEST.isoformat(),
                                                           "latest": LATEST.isoformat()})


def parse_date(value: str | None, name: str, default: dt.date | None = None) -> dt.date | None:
    """``YYYY-MM-DD`` within the sane window; ``default`` when empty; :class:`BadQuery` otherwise."""
    text = (value or "").strip()
    if not text:
        return default
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise BadQuery(name, _("“%(name)s” must be a date written YYYY-MM-DD, not “%(value)s”.")
                       % {"name": name, "value": text[:40]}) from None
    if not in_range(day):
        raise BadQuery(name, _("“%(name)s” must be a date between %(earliest)s and %(latest)s.")
                       % {"name": name, "earliest": EARLIEST.isoformat(), "latest": LATEST.isoformat()})
    return day


def query_date(query, name: str, default: dt.date | None = None) -> dt.date | None:
    """``parse_date`` of ``query[name]`` (a QueryDict or any mapping)."""
    return parse_date(query.get(name), name, default)


def is_id(value) -> bool:
    """A positive whole number a primary key can hold (text or int)."""
    text = str(value).strip()
    return text.isdigit() and 0 < int(text) <= MAX_ID


def parse_id(value: str | None, name: str) -> int | None:
    """A record id from a query string: None when empty, :class:`BadQuery` when not a usable id."""
    text = (value or "").strip()
    if not text:
        return None
    if not is_id(text):
        raise BadQuery(name, _("“%(name)s” must be a record number, not “%(value)s”.")
                       % {"name": name, "value": text[:40]})
    return int(text)


def check_period(start: dt.date | None, end: dt.date | None, start_name: str = "start",
                 end_name: str = "end") -> None:
    """A period read from a query must not end before it starts."""
    if start and end and end < start:
        raise BadQuery(end_name, _("The period ends (%(end)s) before it starts (%(start)s).")
                       % {"end": end.isoformat(), "start": start.isoformat()})


def selection_ids(values) -> tuple[list[int], int]:
    """The distinct record ids among ``values`` (text from check boxes), and how many were no id at all."""
    ids, bad = [], 0
    for value in values:
        if is_id(value):
            ids.append(int(str(value).strip()))
        else:
            bad += 1
    return list(dict.fromkeys(ids)), bad
