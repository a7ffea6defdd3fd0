"""The progress bar of the import commands and of report drafting: one line, redrawn in place, only when a person
watches a terminal.

Piped or redirected output (a script, a log, ``--json``) gets no bar at all, so what it reads is the
report alone. The bar is an import service's ``progress(rows_read, rows_total, errors)`` callback.
"""

import sys
import time

BAR_WIDTH = 30


class TerminalProgress:
    def __init__(self, stream=None, *, enabled: bool | None = None, unit: str = "rows"):
        self.stream, self.unit = stream or sys.stderr, unit  # unit: what is counted ("steps" for a report draft)
        if enabled is None:
            # The bar goes to stderr but only while stdout is a terminal too: `peaceops import-3w ... > report.txt`
            # is a script's run, and its stderr (often a log file) should not fill with redrawn lines.
            enabled = _isatty(sys.stdout) and _isatty(self.stream)
        self.enabled, self.start, self.shown = enabled, time.monotonic(), False

    def __call__(self, rows_read: int, rows_total: int = 0, errors: int = 0) -> None:
        if not self.enabled:
            return
        rate = rows_read / max(1e-6, time.monotonic() - self.start)
        if rows_total:
            done = min(1.0, rows_read / rows_total)
            filled = int(BAR_WIDTH * done)
            head = f"[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {done:>4.0%} {rows_read:,}/{rows_total:,} {self.unit}"
        else:
            head = f"importing: {rows_read:>10,} {self.unit} read"
        self.stream.write(f"\r{head}  {errors:,} errors  {rate:>9,.0f} {self.unit}/s")
        self.stream.flush()
        self.shown = True

    def finish(self) -> None:
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
