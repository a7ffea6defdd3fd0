"""Reading an HXL-tagged CSV through libhxl: the opening, the column lookup and the rows, written once.

Pure module, shared by the HXL event import (incidents) and the HXL 3W import (coordination).
HXL (the Humanitarian Exchange Language) puts one hashtag per column on a row near the top; a
format names the tags it needs and the patterns of the columns it reads, and gets each row as
``(line, record, values)``, with the file's line number for error messages.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from peaceops.core.importing import ImportFileError


def open_hxl(path):
    """The libhxl source of a local UTF-8 file; a file with no hashtag row is an ImportFileError."""
    import hxl  # libhxl takes ~0.2 s to import: only when an HXL file is read

    try:
        source = hxl.data(str(path), hxl.InputOptions(allow_local=True, encoding="utf-8"))
        source.columns  # noqa: B018 -- reading the columns is what finds the hashtag row (or fails)
    except UnicodeDecodeError as error:
        raise ImportFileError(path, f"not UTF-8 text: {error.reason}", line=1, field="encoding") from None
    except Exception as error:  # libhxl raises its own HXLException and parser errors
        raise ImportFileError(path, f"no HXL hashtag row found ({type(error).__name__}: {error})", line=1) from None
    return source


def first_column(columns, *patterns: str, unless: Iterable[str] = ()) -> int | None:
    """The index of the first column matching one of ``patterns`` (in order), skipping those with
    any attribute in ``unless`` (``#adm1`` without ``+code`` is the name, with it the P-code)."""
    import hxl

    unless = set(unless)
    for pattern in patterns:
        compiled = hxl.model.TagPattern.parse(pattern)
        for i, column in enumerate(columns):
            if compiled.match(column) and not (set(column.attributes) & unless):
                return i
    return None


def require_tags(path, index: dict[str, int | None], tags: Iterable[str], what: str = "") -> None:
    """Refuse a file without the columns a format cannot do without, naming the first missing tag."""
    missing = [tag for tag in tags if index.get(tag) is None]
    if missing:
        raise ImportFileError(path, f"HXL tag(s) {', '.join(missing)} not found{what}", line=2, field=missing[0])


def rows(path, source, index: dict[str, int | None]) -> Iterator[tuple[int, dict, list]]:
    """Each data row as (its line in the file, {name: cell by ``index``}, all its cells)."""
    try:
        for row in source:
            values = row.values
            line = row.source_row_number + 1 if row.source_row_number is not None else 0
            yield line, {key: (values[i] if i is not None and i < len(values) else None)
                         for key, i in index.items()}, values
    except UnicodeDecodeError as error:
        raise ImportFileError(path, f"not UTF-8 text: {error.reason}", field="encoding") from None
