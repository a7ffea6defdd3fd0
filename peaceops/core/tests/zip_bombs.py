"""Workbooks for the tests of the upload and workbook limits: a real small .xlsx, and one that inflates.

The "bomb" is a valid workbook whose first sheet's XML ends in megabytes of spaces (allowed after
the root element): a few kilobytes on disk, ``inflated_mb`` once unpacked. Tests keep it small and
lower the limits through settings instead of building a real 300 MB bomb.
"""

import zipfile
from pathlib import Path

import openpyxl


def small_workbook(path: Path, rows: list[list]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def zip_bomb(path: Path, rows: list[list], inflated_mb: float = 3) -> Path:
    """``rows`` in a workbook whose sheet part unpacks to ``inflated_mb`` MB more than it holds."""
    plain = small_workbook(path.with_name("plain-" + path.name), rows)
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for member in source.infolist():
            data = source.read(member.filename)
            if member.filename == "xl/worksheets/sheet1.xml":
                data += b" " * int(inflated_mb * 1024 * 1024)
            out.writestr(member.filename, data)
    plain.unlink()
    return path
