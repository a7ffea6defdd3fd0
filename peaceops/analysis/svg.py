"""Server-rendered SVG plots (pure: no Django): series over periods, and a forecast band.

No JavaScript chart library and no CDN: the page gets a small inline SVG with a title per point,
readable without scripts and printable.
"""

from __future__ import annotations

from html import escape

PALETTE = ("#1f6f8b", "#c0392b", "#7d3c98", "#d68910", "#1e8449", "#5d6d7e", "#a04000", "#2e4053")


def _scale(value: float, low: float, high: float, size: float) -> float:
    return 0.0 if high == low else (value - low) / (high - low) * size


def line_chart(labels: list[str], series: list[tuple[str, list[float]]], *, width: int = 640, height: int = 220,
               title: str = "") -> str:
    """Lines for each ``(name, values)`` over ``labels`` (one value per label), with a legend."""
    left, bottom, top, right = 44, 28, 12, 12
    plot_w, plot_h = width - left - right, height - top - bottom
    top_value = max([max(values) for _, values in series if values] + [1])
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="{escape(title)}"><title>{escape(title)}</title>',
             f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" stroke="#888"/>',
             f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + plot_h}" stroke="#888"/>',
             f'<text x="{left - 4}" y="{top + 8}" text-anchor="end" font-size="10">{top_value:g}</text>',
             f'<text x="{left - 4}" y="{top + plot_h}" text-anchor="end" font-size="10">0</text>']
    count = len(labels)
    step = max(1, count // 8)
    for i in range(0, count, step):
        x = left + _scale(i, 0, max(count - 1, 1), plot_w)
        parts.append(f'<text x="{x:.1f}" y="{height - 8}" text-anchor="middle" font-size="10">'
                     f'{escape(labels[i])}</text>')
    for index, (name, values) in enumerate(series):
        colour = PALETTE[index % len(PALETTE)]
        points = [(left + _scale(i, 0, max(count - 1, 1), plot_w), top + plot_h - _scale(v, 0, top_value, plot_h))
                  for i, v in enumerate(values)]
        if points:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
            parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="1.8" points="{path}">'
                         f'<title>{escape(name)}</title></polyline>')
        parts.append(f'<text x="{left + 6 + 150 * (index % 4)}" y="{top + 10 + 12 * (index // 4)}" font-size="10" '
                     f'fill="{colour}">{escape(name)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def band_chart(labels: list[str], mean: list[float], low: list[float], high: list[float], *, width: int = 320,
               height: int = 120, title: str = "") -> str:
    """A forecast: the p10-p90 band shaded, the mean as a line."""
    left, bottom, top, right = 36, 22, 8, 8
    plot_w, plot_h = width - left - right, height - top - bottom
    top_value = max(high + mean + [1])
    count = len(labels)

    def point(i, v):
        return (left + _scale(i, 0, max(count - 1, 1), plot_w), top + plot_h - _scale(v, 0, top_value, plot_h))

    upper = [point(i, v) for i, v in enumerate(high)]
    lower = [point(i, v) for i, v in enumerate(low)][::-1]
    band = " ".join(f"{x:.1f},{y:.1f}" for x, y in upper + lower)
    line = " ".join(f"{x:.1f},{y:.1f}" for x, y in (point(i, v) for i, v in enumerate(mean)))
    first, last = (escape(labels[0]), escape(labels[-1])) if labels else ("", "")
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="chart band" viewBox="0 0 {width} {height}" role="img" '
            f'aria-label="{escape(title)}"><title>{escape(title)}</title>'
            f'<polygon points="{band}" fill="#1f6f8b" fill-opacity="0.2" stroke="none"/>'
            f'<polyline points="{line}" fill="none" stroke="#1f6f8b" stroke-width="1.8"/>'
            f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" stroke="#888"/>'
            f'<text x="{left - 4}" y="{top + 8}" text-anchor="end" font-size="10">{top_value:.0f}</text>'
            f'<text x="{left - 4}" y="{top + plot_h}" text-anchor="end" font-size="10">0</text>'
            f'<text x="{left}" y="{height - 6}" font-size="10">{first}</text>'
            f'<text x="{left + plot_w}" y="{height - 6}" text-anchor="end" font-size="10">{last}</text></svg>')
