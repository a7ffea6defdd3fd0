"""Every SVG chart of peaceops, server-rendered and pure (no Django): trends, forecast bands, bars, sparklines,
red/amber/green dots, the risk heat map, stacked utilisation bars and a year strip.

No JavaScript chart library and no CDN (missions run on closed networks): a page gets a small inline SVG,
readable without scripts and printable. One look for all of them: a title, axis labels with their units, a
legend outside the plot, and text that is never cut (a label too long for its room is shortened with an
ellipsis and keeps its full text in a ``<title>`` tooltip).

Two kinds of numbers: the ones *drawn as text* follow the reader's language (``locale="fr"`` gives
"4 500 000,5"), the ones in *attributes* (coordinates, sizes) are always machine format ("12.5"), whatever
the language: a decimal comma there (``width="0,0"``) makes the shape vanish. Coordinates go through
:func:`_n`, which Python formats with a dot, never through a localised template.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

PALETTE = ("#1f6f8b", "#c0392b", "#7d3c98", "#d68910", "#1e8449", "#5d6d7e", "#a04000", "#2e4053")
RAG_COLOURS = {"green": "#2e7d32", "amber": "#ef8f00", "red": "#c62828", "grey": "#9e9e9e"}
FONT = 10  # px of every label; titles are FONT + 2
CHAR_W = 0.6  # mean width of a character of the sans-serif font, in em: enough to know what fits

# Thousands and decimal separators of the languages peaceops speaks (Django's en and fr formats: French
# groups with a no-break space so that a number never breaks across lines).
SEPARATORS = {"en": (",", "."), "fr": ("\u00a0", ",")}


# --- numbers and text --------------------------------------------------------------------------------

def _n(value: float) -> str:
    """A coordinate or size for an attribute: machine format, at most one decimal, never a comma."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def number(value: float, locale: str = "en", decimals: int | None = None) -> str:
    """``value`` as text for a reader of ``locale``: grouped thousands and the language's decimal mark.
    Without ``decimals``: none from 100 up, at most two below (trailing zeros dropped)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if decimals is None:
        text = f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.2f}".rstrip("0").rstrip(".")
    else:
        text = f"{value:,.{decimals}f}"
    group, decimal = SEPARATORS.get((locale or "en").split("-")[0].lower(), SEPARATORS["en"])
    return text.replace(",", "\0").replace(".", decimal).replace("\0", group)


def fits(text: str, room: float, size: int = FONT) -> str:
    """``text`` shortened with an ellipsis to fit ``room`` px at ``size`` px (at least one character)."""
    most = max(1, int(room / (size * CHAR_W)))
    return text if len(text) <= most else text[:max(1, most - 1)].rstrip() + "…"


def label(x: float, y: float, text: str, *, room: float | None = None, size: int = FONT, anchor: str = "start",
          extra: str = "") -> str:
    """A ``<text>``; shortened to ``room`` px when given, the full text then kept in a ``<title>``."""
    text = str(text)
    shown = fits(text, room, size) if room is not None else text
    tooltip = f"<title>{escape(text)}</title>" if shown != text else ""
    anchor_attr = f' text-anchor="{anchor}"' if anchor != "start" else ""
    return (f'<text x="{_n(x)}" y="{_n(y)}" font-size="{size}"{anchor_attr}{extra}>{tooltip}{escape(shown)}'
            '</text>')


def text_width(text: str, size: int = FONT) -> float:
    return len(str(text)) * size * CHAR_W


def _open(kind: str, width: float, height: float, title: str) -> list[str]:
    return [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart {kind}" viewBox="0 0 {_n(width)} {_n(height)}" '
            f'width="{_n(width)}" height="{_n(height)}" role="img" aria-label="{escape(title)}">'
            f'<title>{escape(title)}</title>']


TITLE_LINE = FONT + 5  # px between the lines of a wrapped title


def _title_lines(title: str, width: float) -> list[str]:
    """The title in at most two lines of ``width`` px, broken between words; the second line shortened."""
    most = max(1, int(width / ((FONT + 2) * CHAR_W)))
    if len(title) <= most:
        return [title]
    cut = title.rfind(" ", 0, most + 1)
    cut = cut if cut > most // 3 else most
    return [title[:cut].rstrip(), title[cut:].strip()]


def _title(title: str, width: float) -> str:
    """The chart's title above the plot, wrapped on two lines; shortened past that, whole in its tooltip."""
    parts = []
    for n, line in enumerate(_title_lines(title, width)):
        extra = ' font-weight="600" class="chart-title"'
        shown = fits(line, width, FONT + 2)
        if shown != line or (n == 1 and line != title):  # a line that is not the whole title: say it all on hover
            tooltip = f"<title>{escape(title)}</title>" if n == 1 or shown != line else ""
            parts.append(f'<text x="0" y="{_n(FONT + 3 + n * TITLE_LINE)}" font-size="{FONT + 2}"{extra}>{tooltip}'
                         f'{escape(shown)}</text>')
        else:
            parts.append(label(0, FONT + 3 + n * TITLE_LINE, line, size=FONT + 2, extra=extra))
    return "".join(parts)


def _title_height(title: str, width: float) -> float:
    return (len(_title_lines(title, width)) - 1) * TITLE_LINE


def _legend(names: Sequence[str], colours: Sequence[str], top: float, width: float, left: float = 0) -> tuple[
        list[str], float]:
    """Legend items in rows below the plot (never over it); returns the parts and the height taken."""
    parts, x, y = [], left, top + FONT
    room = width - left
    for name, colour in zip(names, colours, strict=True):
        item = min(text_width(name) + 22, room)
        if x > left and x + item > width:
            x, y = left, y + FONT + 5
        parts.append(f'<rect x="{_n(x)}" y="{_n(y - FONT + 1)}" width="10" height="10" fill="{colour}"/>')
        parts.append(label(x + 14, y, name, room=item - 22))
        x += item
    return parts, (y - top) + 6 if names else 0.0


def _x_ticks(labels: Sequence[str], left: float, plot_w: float, y: float, most: int = 8) -> list[str]:
    """Tick labels along the x axis: at most ``most``, each in its own slot; the first anchored at its start
    and the last at its end, so that neither runs past the edge of the chart."""
    count = len(labels)
    if not count:
        return []
    ticks = min(most, count)
    picked = sorted({round(n * (count - 1) / (ticks - 1)) for n in range(ticks)}) if ticks > 1 else [0]
    # Room per label so that neighbours never overlap: a centred label takes 0.8 of the gap between ticks
    # (0.4 each side), an end label 0.6 of it on its one side.
    gap = plot_w / (len(picked) - 1) if len(picked) > 1 else plot_w
    parts = []
    for i in picked:
        x = left + (0 if count == 1 else i / (count - 1) * plot_w)
        anchor = "start" if i == 0 else ("end" if i == count - 1 else "middle")
        parts.append(label(x, y, labels[i], room=gap * (0.8 if anchor == "middle" else 0.6), anchor=anchor))
    return parts


def _y_axis(label_text: str, top: float, plot_h: float) -> str:
    middle = top + plot_h / 2
    return label(FONT + 2, middle, label_text, room=plot_h, anchor="middle",
                 extra=f' transform="rotate(-90 {_n(FONT + 2)} {_n(middle)})" class="axis-label"')


# --- charts ------------------------------------------------------------------------------------------

def line_chart(labels: list[str], series: list[tuple[str, list[float]]], *, title: str, x_label: str,
               y_label: str, width: int = 640, plot_height: int = 180, locale: str = "en") -> str:
    """Lines for each ``(name, values)`` over ``labels`` (one value per label), with a legend below."""
    left, right, top = 58, 10, FONT + 14 + _title_height(title, width)
    plot_w, plot_h = width - left - right, plot_height
    top_value = max([max(values) for _, values in series if values] + [1])
    count = len(labels)
    colours = [PALETTE[i % len(PALETTE)] for i in range(len(series))]
    axis_y = top + plot_h
    legend, legend_h = _legend([name for name, _ in series], colours, axis_y + 2 * FONT + 14, width, left)
    height = axis_y + 2 * FONT + 14 + legend_h + 4
    parts = _open("line", width, height, title)
    parts += [_title(title, width),
              f'<line x1="{left}" y1="{_n(axis_y)}" x2="{_n(left + plot_w)}" y2="{_n(axis_y)}" stroke="#888"/>',
              f'<line x1="{left}" y1="{top}" x2="{left}" y2="{_n(axis_y)}" stroke="#888"/>',
              label(left - 4, top + FONT - 2, number(top_value, locale), anchor="end"),
              label(left - 4, axis_y, number(0, locale), anchor="end"),
              _y_axis(y_label, top, plot_h)]
    parts += _x_ticks(labels, left, plot_w, axis_y + FONT + 3)
    parts.append(label(left + plot_w / 2, axis_y + 2 * FONT + 8, x_label, room=plot_w, anchor="middle",
                       extra=' class="axis-label"'))
    for (name, values), colour in zip(series, colours, strict=True):
        points = [(left + (0 if count <= 1 else i / (count - 1) * plot_w), axis_y - v / top_value * plot_h)
                  for i, v in enumerate(values)]
        if points:
            path = " ".join(f"{_n(x)},{_n(y)}" for x, y in points)
            parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="1.8" points="{path}">'
                         f'<title>{escape(name)}</title></polyline>')
    parts += legend
    parts.append("</svg>")
    return "".join(parts)


def band_chart(labels: list[str], mean: list[float], low: list[float], high: list[float], *, title: str,
               x_label: str, y_label: str, mean_name: str, band_name: str, width: int = 340,
               plot_height: int = 90, locale: str = "en") -> str:
    """A forecast: the low-high band shaded, the mean as a line, a legend naming both below."""
    left, right, top = 50, 10, FONT + 14 + _title_height(title, width)
    plot_w, plot_h = width - left - right, plot_height
    top_value = max(list(high) + list(mean) + [1])
    count = len(labels)
    axis_y = top + plot_h

    def point(i, v):
        return left + (0 if count <= 1 else i / (count - 1) * plot_w), axis_y - v / top_value * plot_h

    upper = [point(i, v) for i, v in enumerate(high)]
    lower = [point(i, v) for i, v in enumerate(low)][::-1]
    band = " ".join(f"{_n(x)},{_n(y)}" for x, y in upper + lower)
    line = " ".join(f"{_n(x)},{_n(y)}" for x, y in (point(i, v) for i, v in enumerate(mean)))
    legend, legend_h = _legend([mean_name, band_name], ["#1f6f8b", "#a9cbd6"], axis_y + 2 * FONT + 14, width,
                               left)
    height = axis_y + 2 * FONT + 14 + legend_h + 4
    parts = _open("band", width, height, title)
    parts += [_title(title, width),
              f'<polygon points="{band}" fill="#1f6f8b" fill-opacity="0.3" stroke="none"/>',
              f'<polyline points="{line}" fill="none" stroke="#1f6f8b" stroke-width="1.8"/>',
              f'<line x1="{left}" y1="{_n(axis_y)}" x2="{_n(left + plot_w)}" y2="{_n(axis_y)}" stroke="#888"/>',
              f'<line x1="{left}" y1="{top}" x2="{left}" y2="{_n(axis_y)}" stroke="#888"/>',
              label(left - 4, top + FONT - 2, number(top_value, locale, 0), anchor="end"),
              label(left - 4, axis_y, number(0, locale), anchor="end"),
              _y_axis(y_label, top, plot_h)]
    parts += _x_ticks(labels, left, plot_w, axis_y + FONT + 3, most=3)
    parts.append(label(left + plot_w / 2, axis_y + 2 * FONT + 8, x_label, room=plot_w, anchor="middle",
                       extra=' class="axis-label"'))
    parts += legend
    parts.append("</svg>")
    return "".join(parts)


def bars(pairs: list[tuple[str, float]], *, title: str, x_label: str, width: int = 300, bar: int = 16,
         locale: str = "en") -> str:
    """Horizontal bars, one per (label, value): the disaggregation charts (sex, age, area). Each value is
    written after its bar; ``x_label`` names what the bars measure, with its unit."""
    pairs = [(name, value) for name, value in pairs if value is not None and not math.isnan(value)]
    if not pairs:
        return ""
    highest = max(abs(v) for _, v in pairs) or 1.0
    label_w, value_w, top = 96, 54, FONT + 8 + _title_height(title, width)
    room = width - label_w - value_w
    height = top + bar * len(pairs) + FONT + 10
    parts = _open("bars", width, height, title)
    parts.append(_title(title, width))
    for n, (name, value) in enumerate(pairs):
        y = top + n * bar
        length = max(1.0, room * abs(value) / highest)
        parts.append(label(0, y + bar - 5, name, room=label_w - 6))
        parts.append(f'<rect x="{label_w}" y="{_n(y + 2)}" width="{_n(length)}" height="{bar - 4}" fill="#3b6ea5">'
                     f'<title>{escape(str(name))}: {escape(number(value, locale))}</title></rect>')
        parts.append(label(label_w + length + 3, y + bar - 5, number(value, locale), room=value_w - 4))
    axis_y = top + bar * len(pairs)
    parts.append(f'<line x1="{label_w}" y1="{_n(axis_y)}" x2="{_n(label_w + room)}" y2="{_n(axis_y)}" '
                 'stroke="#888"/>')
    parts.append(label(label_w + room / 2, axis_y + FONT + 4, x_label, room=room + value_w, anchor="middle",
                       extra=' class="axis-label"'))
    parts.append("</svg>")
    return "".join(parts)


def sparkline(values: list[float], *, title: str, baseline_name: str, target_name: str,
              target: float | None = None, baseline: float | None = None, width: int = 220, height: int = 48,
              locale: str = "en") -> str:
    """The series of one indicator over the window, with baseline and target as dashed lines; the lowest and
    highest values drawn are written on the left, the legend of the dashed lines below."""
    points = [(n, v) for n, v in enumerate(values) if v is not None and not math.isnan(v)]
    if not points:
        return ""
    marks = [v for _, v in points] + [x for x in (target, baseline) if x is not None and not math.isnan(x)]
    low, high = min(marks), max(marks)
    span = (high - low) or 1.0
    left = max(text_width(number(low, locale)), text_width(number(high, locale))) + 4
    plot_w = width - left - 2
    step = plot_w / max(1, len(values) - 1)

    def y(value):
        return height - 3 - (height - 6) * (value - low) / span

    path = " ".join(f"{'M' if i == 0 else 'L'}{_n(left + n * step)},{_n(y(v))}" for i, (n, v) in enumerate(points))
    lines = [(value, colour, name) for value, colour, name in
             ((baseline, "#9e9e9e", baseline_name), (target, "#2e7d32", target_name))
             if value is not None and not math.isnan(value)]
    legend, legend_h = _legend([name for *_, name in lines], [colour for _, colour, _ in lines], height, width)
    parts = _open("spark", width, height + legend_h, title)
    parts += [label(left - 2, FONT, number(high, locale), anchor="end"),
              label(left - 2, height - 2, number(low, locale), anchor="end")]
    for value, colour, name in lines:
        parts.append(f'<line x1="{_n(left)}" x2="{width}" y1="{_n(y(value))}" y2="{_n(y(value))}" '
                     f'stroke="{colour}" stroke-dasharray="3,3"><title>{escape(name)}: '
                     f'{escape(number(value, locale))}</title></line>')
    parts.append(f'<path d="{path}" fill="none" stroke="#3b6ea5" stroke-width="1.5"/>')
    parts += legend
    parts.append("</svg>")
    return "".join(parts)


def rag_dot(rag: str, text: str) -> str:
    """A red/amber/green dot; ``text`` says it in words (the colour alone tells nothing to a screen reader)."""
    colour = RAG_COLOURS.get(rag, RAG_COLOURS["grey"])
    return (f'<svg class="rag" width="12" height="12" viewBox="0 0 12 12" role="img" aria-label="{escape(text)}">'
            f'<title>{escape(text)}</title><circle cx="6" cy="6" r="5" fill="{colour}"/></svg>')


def heat_map(grid: dict[tuple[int, int], int], *, title: str, x_label: str, y_label: str, cell_title: str,
             threshold: int = 15, cell: int = 34) -> str:
    """The risk heat map: likelihood up, impact across, each cell with its count; cells at or above the
    escalation threshold in red, from half of it in amber (peaceops.mandates.risks.heat_grid gives ``grid``).
    ``cell_title`` is a format with ``{likelihood}``, ``{impact}`` and ``{count}``, in the reader's language."""
    left = 2 * FONT + 14
    size = left + cell * 5 + 4
    top = FONT + 10 + _title_height(title, size)
    height = top + cell * 5 + 2 * FONT + 12
    parts = _open("heat", size, height, title)
    parts.append(_title(title, size))
    for (likelihood, impact), count in sorted(grid.items()):
        value = likelihood * impact
        colour = RAG_COLOURS["red"] if value >= threshold else (
            RAG_COLOURS["amber"] if value * 2 >= threshold else RAG_COLOURS["green"])
        x, y = left + (impact - 1) * cell, top + (5 - likelihood) * cell
        opacity = "1" if count else "0.25"
        tip = cell_title.format(likelihood=likelihood, impact=impact, count=count)
        parts.append(f'<rect x="{x}" y="{y}" width="{cell - 2}" height="{cell - 2}" fill="{colour}" '
                     f'fill-opacity="{opacity}"><title>{escape(tip)}</title></rect>')
        if count:
            parts.append(f'<text x="{_n(x + cell / 2 - 1)}" y="{_n(y + cell / 2 + 3)}" font-size="12" '
                         f'text-anchor="middle" fill="#fff">{count}</text>')
    for n in range(1, 6):
        parts.append(label(left + (n - 1) * cell + cell / 2 - 1, top + cell * 5 + FONT + 2, str(n), anchor="middle"))
        parts.append(label(left - 4, top + (5 - n) * cell + cell / 2 + 3, str(n), anchor="end"))
    parts.append(label(left + cell * 2.5, top + cell * 5 + 2 * FONT + 8, x_label, room=cell * 5, anchor="middle",
                       extra=' class="axis-label"'))
    parts.append(_y_axis(y_label, top, cell * 5))
    parts.append("</svg>")
    return "".join(parts)


def stacked_bars(rows: list[tuple[str, Sequence[float], str]], *, segments: Sequence[tuple[str, str]], title: str,
                 x_label: str, total: float, plot_width: int = 600, label_width: int = 230,
                 note_width: int = 120, bar: int = 26) -> str:
    """One horizontal bar per ``(name, values, note)``, split in ``segments`` (``(name, colour)``, one per
    value) over a scale of ``total``; ``note`` is written after the bar. The asset utilisation chart."""
    width = label_width + plot_width + note_width
    top = FONT + 14 + _title_height(title, width)
    axis_y = top + bar * len(rows)
    legend, legend_h = _legend([name for name, _ in segments], [colour for _, colour in segments],
                               axis_y + 2 * FONT + 10, width, label_width)
    height = axis_y + 2 * FONT + 10 + legend_h + 4
    parts = _open("stacked", width, height, title)
    parts.append(_title(title, width))
    scale = plot_width / (total or 1)
    for index, (name, values, note) in enumerate(rows):
        y = top + index * bar
        parts.append(label(0, y + 16, name, room=label_width - 6, size=FONT + 2))
        x = float(label_width)
        for value, (segment, colour) in zip(values, segments, strict=True):
            length = value * scale
            parts.append(f'<rect x="{_n(x)}" y="{_n(y + 2)}" width="{_n(length)}" height="{bar - 6}" '
                         f'fill="{colour}"><title>{escape(segment)}: {escape(number(value))}</title></rect>')
            x += length
        parts.append(label(label_width + plot_width + 4, y + 16, note, room=note_width - 4, size=FONT + 2))
    parts.append(f'<line x1="{label_width}" y1="{_n(axis_y)}" x2="{label_width + plot_width}" y2="{_n(axis_y)}" '
                 'stroke="#888"/>')
    parts.append(label(label_width + plot_width / 2, axis_y + FONT + 6, x_label, room=plot_width, anchor="middle",
                       extra=' class="axis-label"'))
    parts += legend
    parts.append("</svg>")
    return "".join(parts)


def year_strip(spans: list[tuple[float, float, str, str]], *, title: str, first: str, last: str,
               width: int = 600) -> str:
    """A year as a strip of ``width`` px with its booked spans ``(x, length, colour, label)`` (px), the first
    and last day written under the ends: an asset's calendar."""
    top, strip = 4, 22
    height = top + strip + FONT + 6
    parts = _open("strip", width, height, title)
    parts.append(f'<rect x="0" y="{top}" width="{width}" height="{strip}" fill="#eef"/>')
    for x, length, colour, text in spans:
        parts.append(f'<rect x="{_n(x)}" y="{top}" width="{_n(length)}" height="{strip}" fill="{colour}">'
                     f'<title>{escape(text)}</title></rect>')
    parts.append(label(0, top + strip + FONT + 3, first))
    parts.append(label(width, top + strip + FONT + 3, last, anchor="end"))
    parts.append("</svg>")
    return "".join(parts)
