"""Server-rendered SVG charts of the dashboard (no script, no CDN). Pure: no Django; labels are escaped here."""

from __future__ import annotations

import math
from html import escape

RAG_COLOURS = {"green": "#2e7d32", "amber": "#ef8f00", "red": "#c62828", "grey": "#9e9e9e"}


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.2f}".rstrip("0").rstrip(".")


def bars(pairs: list[tuple[str, float]], *, title: str, width: int = 260, bar: int = 16) -> str:
    """Horizontal bars, one per (label, value): the disaggregation charts (sex, age, area)."""
    pairs = [(label, value) for label, value in pairs if value is not None and not math.isnan(value)]
    if not pairs:
        return ""
    highest = max(abs(v) for _, v in pairs) or 1.0
    label_w, height = 90, bar * len(pairs) + 22
    parts = [f'<svg class="chart bars" role="img" viewBox="0 0 {width} {height}" width="{width}" height="{height}"'
             f' xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>',
             f'<text x="0" y="11" font-size="11" font-weight="600">{escape(title)}</text>']
    for n, (label, value) in enumerate(pairs):
        y = 18 + n * bar
        length = max(1.0, (width - label_w - 50) * abs(value) / highest)
        parts.append(f'<text x="0" y="{y + bar - 5}" font-size="10">{escape(str(label)[:16])}</text>'
                     f'<rect x="{label_w}" y="{y + 2}" width="{length:.1f}" height="{bar - 4}" fill="#3b6ea5"/>'
                     f'<text x="{label_w + length + 3:.1f}" y="{y + bar - 5}" font-size="10">{_fmt(value)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def sparkline(values: list[float], *, title: str, target: float | None = None, baseline: float | None = None,
              width: int = 220, height: int = 48) -> str:
    """The series of one indicator over the window, with baseline and target as dashed lines."""
    points = [(n, v) for n, v in enumerate(values) if v is not None and not math.isnan(v)]
    if not points:
        return ""
    marks = [v for _, v in points] + [x for x in (target, baseline) if x is not None and not math.isnan(x)]
    low, high = min(marks), max(marks)
    span = (high - low) or 1.0
    step = (width - 4) / max(1, len(values) - 1)

    def y(value):
        return height - 3 - (height - 6) * (value - low) / span

    path = " ".join(f"{'M' if i == 0 else 'L'}{2 + n * step:.1f},{y(v):.1f}" for i, (n, v) in enumerate(points))
    parts = [f'<svg class="chart spark" role="img" viewBox="0 0 {width} {height}" width="{width}" '
             f'height="{height}" xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>']
    for value, colour in ((baseline, "#9e9e9e"), (target, "#2e7d32")):
        if value is not None and not math.isnan(value):
            parts.append(f'<line x1="0" x2="{width}" y1="{y(value):.1f}" y2="{y(value):.1f}" stroke="{colour}" '
                         f'stroke-dasharray="3,3"/>')
    parts.append(f'<path d="{path}" fill="none" stroke="#3b6ea5" stroke-width="1.5"/></svg>')
    return "".join(parts)


def rag_dot(rag: str, label: str) -> str:
    colour = RAG_COLOURS.get(rag, RAG_COLOURS["grey"])
    return (f'<svg class="rag" width="12" height="12" viewBox="0 0 12 12" role="img" aria-label="{escape(label)}">'
            f'<circle cx="6" cy="6" r="5" fill="{colour}"/></svg>')


def heat_map(grid: dict[tuple[int, int], int], *, title: str, threshold: int = 15, cell: int = 34) -> str:
    """The risk heat map: likelihood up, impact across, each cell with its count; cells at or above the
    escalation threshold in red, from half of it in amber (peaceops.mandates.risks.heat_grid gives ``grid``)."""
    left, top = 22, 18
    size = left + cell * 5 + 4
    parts = [f'<svg class="chart heat" role="img" viewBox="0 0 {size} {top + cell * 5 + 18}" width="{size}" '
             f'height="{top + cell * 5 + 18}" xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>',
             f'<text x="0" y="11" font-size="11" font-weight="600">{escape(title)}</text>']
    for (likelihood, impact), count in sorted(grid.items()):
        value = likelihood * impact
        colour = RAG_COLOURS["red"] if value >= threshold else (
            RAG_COLOURS["amber"] if value * 2 >= threshold else RAG_COLOURS["green"])
        x, y = left + (impact - 1) * cell, top + (5 - likelihood) * cell
        opacity = "1" if count else "0.25"
        parts.append(f'<rect x="{x}" y="{y}" width="{cell - 2}" height="{cell - 2}" fill="{colour}" '
                     f'fill-opacity="{opacity}"><title>likelihood {likelihood}, impact {impact}: {count}'
                     '</title></rect>')
        if count:
            parts.append(f'<text x="{x + cell / 2 - 1:.0f}" y="{y + cell / 2 + 3:.0f}" font-size="12" '
                         f'text-anchor="middle" fill="#fff">{count}</text>')
    for n in range(1, 6):
        parts.append(f'<text x="{left + (n - 1) * cell + cell / 2 - 1:.0f}" y="{top + cell * 5 + 12}" '
                     f'font-size="10" text-anchor="middle">{n}</text>'
                     f'<text x="8" y="{top + (5 - n) * cell + cell / 2 + 3:.0f}" font-size="10">{n}</text>')
    parts.append("</svg>")
    return "".join(parts)
