"""The import commands' progress bar: drawn on a terminal, absent from piped output."""

import io

from peaceops.core.terminal_progress import TerminalProgress


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_a_terminal_gets_one_line_redrawn_with_the_share_done_and_errors():
    screen = Terminal()
    bar = TerminalProgress(screen, enabled=True)
    bar(50, 200, 1)
    bar(200, 200, 2)
    bar.finish()
    text = screen.getvalue()
    assert text.startswith("\r[") and " 25% 50/200 rows  1 errors" in text and "100% 200/200 rows  2 errors" in text
    assert text.endswith("\n") and text.count("\n") == 1


def test_without_a_total_the_bar_counts_rows():
    screen = Terminal()
    bar = TerminalProgress(screen, enabled=True)
    bar(5000)
    assert "importing:      5,000 rows read  0 errors" in screen.getvalue()


def test_piped_output_gets_no_bar(capsys):
    bar = TerminalProgress()  # pytest captures stdout and stderr: neither is a terminal
    bar(10, 20, 0)
    bar.finish()
    assert capsys.readouterr().err == ""
