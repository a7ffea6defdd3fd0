"""Cells of an exported CSV or XLSX file that a spreadsheet will not run as a formula.

Pure module. Excel, LibreOffice and Google Sheets take a cell that begins with ``=``, ``+``, ``-``
or ``@`` (and, in some versions, after a tab or carriage return) as a formula, so a record whose
text is ``=cmd|' /C calc'!A0`` would run a command on the machine of whoever opens the export
(CSV or formula injection). Following OWASP's advice, such a text cell is prefixed with a single
quote: spreadsheets then show it as text, and a person reading the file sees what was typed.

Only text is touched. Numbers stay numbers (a negative count or coordinate passed as an ``int``
or ``float`` is data, not a formula), and a string that is exactly a decimal number (``-12.5``)
is left as it is too: a spreadsheet reads it as that number, there is nothing in it to execute,
and exports of numeric fields keep their values. Every export of the project writes its cells
through :func:`safe_cell`, so there is one rule to review.
"""

import re
from collections.abc import Iterable

# What a spreadsheet may read as the start of a formula (OWASP "CSV Injection"); a newline is
# added because some readers skip leading line breaks before looking at the first character.
FORMULA_STARTS = frozenset("=+-@\t\r\n")
PLAIN_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def is_dangerous(text: str) -> bool:
    """Whether a spreadsheet could take ``text`` as a formula (leading spaces are skipped by some)."""
    start = text.lstrip(" ")
    if not start or start[0] not in FORMULA_STARTS:
        return False
    return PLAIN_NUMBER.fullmatch(text.strip()) is None


def safe_cell(value):
    """``value`` as it may go into a spreadsheet cell: text that could run as a formula gets a leading ``'``."""
    if isinstance(value, str) and is_dangerous(value):
        return "'" + value
    return value


def safe_row(values: Iterable) -> list:
    """Every cell of a row through :func:`safe_cell`."""
    return [safe_cell(value) for value in values]
