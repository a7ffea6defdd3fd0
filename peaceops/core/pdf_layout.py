"""The one page layout of every PDF the platform writes (reports, the daily sitrep). No Django imports.

A4 with the same margins, the classification marking in the header and the footer of every page
(UN documents carry it at the top and bottom of each page), a title, headings, paragraphs and
grid tables whose header row repeats on each page. Text is escaped here, once: a record's
``<b>`` or ``&`` is printed as written, never read as ReportLab markup.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

MARGINS = {"leftMargin": 18 * mm, "rightMargin": 18 * mm, "topMargin": 18 * mm, "bottomMargin": 16 * mm}
HEADER_BACKGROUND = colors.HexColor("#e8edf2")

_STYLES = getSampleStyleSheet()
_CELL = _STYLES["BodyText"].clone("peaceops-cell", fontSize=8, leading=10)
_GRID = TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("FONTSIZE", (0, 0), (-1, -1), 8),
                    ("BACKGROUND", (0, 0), (-1, 0), HEADER_BACKGROUND), ("VALIGN", (0, 0), (-1, -1), "TOP")])


def page_marker(marking: str, page_word: str = "page"):
    """A ReportLab page callback printing ``marking`` in the header and the footer of every A4 page."""
    marking = marking.upper()

    def mark_page(canvas, _doc):
        canvas.saveState()
        canvas.setFont("Helvetica-Bold", 8)
        canvas.drawCentredString(A4[0] / 2, A4[1] - 10 * mm, marking)
        canvas.drawCentredString(A4[0] / 2, 8 * mm, f"{marking} · {page_word} {canvas.getPageNumber()}")
        canvas.restoreState()

    return mark_page


def title(text: str) -> Paragraph:
    return Paragraph(escape(str(text)), _STYLES["Title"])


def heading(text: str) -> Paragraph:
    return Paragraph(escape(str(text)), _STYLES["Heading2"])


def paragraph(text, *, italic: bool = False) -> Paragraph:
    body = escape(str(text))
    return Paragraph(f"<i>{body}</i>" if italic else body, _STYLES["BodyText"])


def space(height_mm: float = 3) -> Spacer:
    return Spacer(1, height_mm * mm)


def grid(header: list, rows: list[list], widths_mm: list[float] | None = None) -> Table:
    """A table with a shaded header row repeated on every page; every cell wraps."""
    cells = [[Paragraph(escape(str(value)), _CELL) for value in row] for row in [header, *rows]]
    widths = [width * mm for width in widths_mm] if widths_mm else None
    return Table(cells, colWidths=widths, repeatRows=1 if header else 0, style=_GRID)


def facts(pairs: list[tuple[str, str]]) -> Table:
    """A two-column label/value block, as a document's title block (no grid)."""
    return Table([[label, Paragraph(escape(str(value)), _CELL)] for label, value in pairs],
                 colWidths=[40 * mm, 130 * mm], style=TableStyle([("FONTSIZE", (0, 0), (-1, -1), 8)]))


def build(story: list, *, title_text: str, marking: str, page_word: str = "page") -> bytes:
    """The PDF of ``story`` on A4, marked with ``marking`` at the top and bottom of every page."""
    mark_page = page_marker(marking, page_word)
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, title=title_text, **MARGINS).build(
        story, onFirstPage=mark_page, onLaterPages=mark_page)
    return out.getvalue()
