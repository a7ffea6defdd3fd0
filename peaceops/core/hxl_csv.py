"""Streaming CSV with an HXL hashtag row under the header: the export layout of every module.

Pure module. HXL (the Humanitarian Exchange Language) puts one hashtag per column on the row
after the header, so OCHA tools and libhxl read the file without a mapping.
"""

import csv
import io
from collections.abc import Callable, Iterable, Iterator

from peaceops.core.spreadsheet_safety import safe_row


def hxl_csv_lines(headers: list[str], tags: list[str], rows: Iterable, cells: Callable[[object], list],
                  every: int = 500) -> Iterator[str]:
    """Yield the CSV text in pieces of ``every`` rows: header, hashtags, then ``cells(row)`` per row.

    Data cells go through ``safe_row`` (a text cell starting with ``=`` and the like is not left for a
    spreadsheet to run as a formula); the header and hashtag rows are the caller's constants and stay
    as they are, so HXL tools still find the tags.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def flush() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    writer.writerow(headers)
    writer.writerow(tags)
    yield flush()
    for count, row in enumerate(rows, start=1):
        writer.writerow(safe_row(cells(row)))
        if count % every == 0:
            yield flush()
    yield flush()
