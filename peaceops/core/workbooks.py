"""Opening an uploaded or imported Excel workbook (.xlsx) without letting it exhaust the server.

Pure module. An .xlsx file is a zip archive of XML parts; a few megabytes can inflate to
gigabytes (a "zip bomb"), and openpyxl would parse all of it: a 2 MB file that unpacks to 300 MB
held an upload for a minute and a gigabyte of memory. So before openpyxl sees the file, its
central directory (the zip's table of contents, read without inflating anything) is checked:
the number of parts, the sum of their unpacked sizes, and how many times each large part
inflates. Python's zipfile never inflates a part beyond the size the directory declares, so a
directory that lies about sizes cannot get past these checks either.

The limits are process-wide (:func:`configure`); peaceops.core.apps sets them from the
``PEACEOPS_MAX_WORKBOOK_MB`` and ``PEACEOPS_MAX_WORKBOOK_RATIO`` settings. Every importer that
reads a workbook opens it through :func:`open_workbook`, in openpyxl's read-only mode, which
streams the rows of a sheet instead of building it in memory.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

MB = 1024 * 1024


@dataclass(frozen=True)
class WorkbookLimits:
    # The real 3W and aid-worker workbooks unpack to 1.3-6 MB and inflate about 8 times; a
    # full Excel sheet (a million rows) of an event dataset stays well under 250 MB.
    max_unpacked_bytes: int = 250 * MB
    # Sparse sheets compress better than dense ones, but not a hundred times; zip bombs do by design.
    max_ratio: float = 100.0
    # Parts smaller than this are not held to the ratio: tiny XML parts compress oddly and cost nothing.
    ratio_floor_bytes: int = 1 * MB
    # A workbook has tens of parts; a directory of millions would cost memory before anything is read.
    max_members: int = 10_000


_limits = WorkbookLimits()


class WorkbookRefused(ValueError):
    """The workbook would take more to unpack than the limits allow; the message says which limit and why."""


def configure(*, max_unpacked_mb: float | None = None, max_ratio: float | None = None) -> None:
    """Set the process-wide limits (None keeps the default)."""
    global _limits
    defaults = WorkbookLimits()
    _limits = WorkbookLimits(
        max_unpacked_bytes=int(max_unpacked_mb * MB) if max_unpacked_mb is not None else defaults.max_unpacked_bytes,
        max_ratio=float(max_ratio) if max_ratio is not None else defaults.max_ratio,
    )


def current_limits() -> WorkbookLimits:
    return _limits


def _mb(size: int) -> str:
    return f"{size / MB:,.1f} MB" if size >= MB // 10 else f"{size / 1024:,.0f} KB"


def check_workbook(path, limits: WorkbookLimits | None = None) -> None:
    """Raise :class:`WorkbookRefused` if the archive at ``path`` would unpack beyond ``limits``.

    Raises ``zipfile.BadZipFile`` (or ``OSError``) for a file that is not a zip archive at all,
    which the importers already report as "not an Excel workbook".
    """
    limits = limits or _limits
    with zipfile.ZipFile(path) as archive:
        members = archive.infolist()
        if len(members) > limits.max_members:
            raise WorkbookRefused(f"the workbook has {len(members):,} parts, more than the {limits.max_members:,} "
                                  f"allowed: refused without opening it")
        unpacked = sum(member.file_size for member in members)
        if unpacked > limits.max_unpacked_bytes:
            raise WorkbookRefused(
                f"the workbook unpacks to {_mb(unpacked)}, more than the {_mb(limits.max_unpacked_bytes)} allowed "
                f"(setting PEACEOPS_MAX_WORKBOOK_MB): refused without opening it")
        for member in members:
            if member.file_size < limits.ratio_floor_bytes:
                continue
            ratio = member.file_size / max(member.compress_size, 1)
            if ratio > limits.max_ratio:
                raise WorkbookRefused(
                    f"the workbook's part {member.filename} inflates {ratio:,.0f} times ({_mb(member.compress_size)} "
                    f"to {_mb(member.file_size)}), more than the {limits.max_ratio:g} times allowed (setting "
                    f"PEACEOPS_MAX_WORKBOOK_RATIO; a zip bomb?): refused without opening it")


def open_workbook(path, limits: WorkbookLimits | None = None):
    """The workbook at ``path``, checked, opened read-only with cached values; close it when done.

    A file object is passed to openpyxl, not the name: it refuses names without ".xlsx", and an
    upload is saved under a temporary name. ``close()`` closes that file too.
    """
    import openpyxl  # imported here: only the workbook formats need it

    check_workbook(path, limits)
    handle = open(Path(path), "rb")  # noqa: SIM115 (closed with the workbook, see below)
    try:
        workbook = openpyxl.load_workbook(handle, read_only=True, data_only=True)
    except BaseException:
        handle.close()
        raise
    close_archive = workbook.close

    def close() -> None:
        close_archive()
        handle.close()

    workbook.close = close
    return workbook
