"""The one chart module: every chart has a title, axis labels, a legend below its plot, text that is never cut
(shortened with the full text in a tooltip) and attributes in machine format under any language."""

import re
import xml.etree.ElementTree as ET

from peaceops.core import charts

SVG = "{http://www.w3.org/2000/svg}"
NUMERIC = {"x", "y", "x1", "x2", "y1", "y2", "width", "height", "cx", "cy", "r"}


def _parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def _texts(root: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


def _machine_attributes(root: ET.Element):
    """Every numeric attribute parses as a float: no decimal comma, no thousands separator."""
    for element in root.iter():
        for name, value in element.attrib.items():
            if name in NUMERIC:
                float(value)
            if name == "points":
                for pair in value.split():
                    x, y = pair.split(",")
                    float(x), float(y)
            if name == "viewBox":
                [float(part) for part in value.split()]


def _all_charts(locale="fr"):
    months = [f"2010-{m:02d}" for m in range(1, 13)]
    return {
        "line": charts.line_chart(months, [("Entebbe Support Base: Air services and more", [1, 2, 4500.5] * 4),
                                           ("North Darfur", [0.5] * 12)],
                                  title="Incidents per month", x_label="Month", y_label="Incidents (count)",
                                  locale=locale),
        "band": charts.band_chart(months[:3], [1.5, 2.5, 3.5], [0.5, 1, 2], [3, 4, 5000], title="Forecast",
                                  x_label="Month", y_label="Deaths", mean_name="mean", band_name="p10-p90",
                                  locale=locale),
        "bars": charts.bars([("female", 1234.5), ("a very long age group label", 0.25)], title="By sex",
                            x_label="people", locale=locale),
        "spark": charts.sparkline([1.5, 2.25, None, 4], title="Indicator", baseline=1.0, target=5.5,
                                  baseline_name="baseline", target_name="target", locale=locale),
        "heat": charts.heat_map({(3, 5): 2, (1, 1): 0}, title="Risks", x_label="Impact", y_label="Likelihood",
                                cell_title="likelihood {likelihood}, impact {impact}: {count}"),
        "stacked": charts.stacked_bars([("UNAMID Entebbe Support Base: Air services (fixed wing and rotary)",
                                         (100.5, 30, 234.5), "64 % idle")],
                                       segments=[("lent", "#c60"), ("kept", "#888"), ("idle", "#dde")],
                                       title="Days", x_label="Days of the year", total=365),
        "strip": charts.year_strip([(10.5, 20.25, "#c60", "loan")], title="Calendar", first="2010-01-01",
                                   last="2010-12-31"),
        "dot": charts.rag_dot("red", "red: off track"),
    }


def test_numbers_drawn_follow_the_language_and_attributes_never_do():
    assert charts.number(4500000, "fr", 2) == "4\u00a0500\u00a0000,00"
    assert charts.number(4500000, "en", 2) == "4,500,000.00"
    assert charts.number(0.25, "fr") == "0,25" and charts.number(1234.5, "en") == "1,234"
    for name, svg in _all_charts("fr").items():
        root = _parse(svg)  # well-formed XML, escaped labels
        _machine_attributes(root)
        assert not re.search(r'\s(?:width|height|x|y|x1|x2|y1|y2)="-?\d+,\d', svg), name
    line = _all_charts("fr")["line"]
    assert "4\u00a0500" in _texts(_parse(line))  # the top of the y axis, grouped the French way


def test_every_chart_has_title_axis_labels_and_a_legend_outside_the_plot():
    made = _all_charts("en")
    for name in ("line", "band", "bars", "heat", "stacked"):
        root = _parse(made[name])
        assert root.find(f"{SVG}title").text, name
        assert any("chart-title" in (t.get("class") or "") for t in root.iter(f"{SVG}text")), name
        assert [t for t in root.iter(f"{SVG}text") if t.get("class") == "axis-label"], name
    line = _parse(made["line"])
    axis_y = max(float(line_el.get("y1")) for line_el in line.iter(f"{SVG}line"))
    legend = [float(r.get("y")) for r in line.iter(f"{SVG}rect")]
    assert legend and min(legend) > axis_y  # the legend's swatches sit below the x axis, not over the lines


def test_long_labels_are_shortened_with_the_full_text_in_a_tooltip_and_stay_inside():
    made = _all_charts("en")
    stacked = _parse(made["stacked"])
    name = next(t for t in stacked.iter(f"{SVG}text") if t.find(f"{SVG}title") is not None)
    full = name.find(f"{SVG}title").text
    assert full.startswith("UNAMID Entebbe Support Base") and name.itertext()
    shown = "".join(name.itertext())[len(full):]
    assert shown.endswith("…") and len(shown) < len(full)
    for svg in made.values():
        root = _parse(svg)
        width = float(root.get("viewBox").split()[2])
        for text in root.iter(f"{SVG}text"):
            if text.get("transform"):
                continue
            x, size = float(text.get("x")), float(text.get("font-size"))
            shown = "".join(text.itertext())
            tip = text.find(f"{SVG}title")
            if tip is not None:
                shown = shown[len(tip.text):]
            extent = len(shown) * size * charts.CHAR_W
            start = {"start": x, "middle": x - extent / 2, "end": x - extent}[text.get("text-anchor", "start")]
            assert start >= -0.5 and start + extent <= width + 0.5, (shown, start, extent, width)


def test_the_last_month_is_not_cut_at_the_right_edge():
    root = _parse(_all_charts("en")["line"])
    last = [t for t in root.iter(f"{SVG}text") if "".join(t.itertext()) == "2010-12"]
    assert last and last[0].get("text-anchor") == "end"


def test_heat_map_colours_cells_by_threshold():
    grid = {(likelihood, impact): 0 for likelihood in range(1, 6) for impact in range(1, 6)}
    grid[(3, 5)] = 2
    svg = charts.heat_map(grid, title="<Risks>", x_label="Impact", y_label="Likelihood",
                          cell_title="likelihood {likelihood}, impact {impact}: {count}", threshold=15)
    assert "&lt;Risks&gt;" in svg and svg.count("<rect") == 25
    assert f'fill="{charts.RAG_COLOURS["red"]}" fill-opacity="1"><title>likelihood 3, impact 5: 2' in svg


def _extent(text) -> tuple[float, float]:
    shown = "".join(text.itertext())
    tip = text.find(f"{SVG}title")
    if tip is not None:
        shown = shown[len(tip.text):]
    x, width = float(text.get("x")), len(shown) * float(text.get("font-size")) * charts.CHAR_W
    start = {"start": x, "middle": x - width / 2, "end": x - width}[text.get("text-anchor", "start")]
    return start, start + width


def test_a_long_title_wraps_on_two_lines_and_x_labels_never_overlap():
    months = [f"{2008 + m // 12}-{m % 12 + 1:02d}" for m in range(24)]
    svg = charts.band_chart(months, [1.0] * 24, [0.5] * 24, [2.0] * 24, width=340,
                            title="République démocratique du Congo : morts prévues par mois (moyenne, p10-p90)",
                            x_label="Mois", y_label="Morts", mean_name="moyenne", band_name="p10-p90")
    root = _parse(svg)
    titles = [t for t in root.iter(f"{SVG}text") if t.get("class") == "chart-title"]
    assert len(titles) == 2 and titles[1].find(f"{SVG}title") is not None
    for chart in (svg, _all_charts("en")["line"]):
        root = _parse(chart)
        ticks = sorted(_extent(t) for t in root.iter(f"{SVG}text")
                       if re.fullmatch(r"\d{4}-\d\d", "".join(t.itertext())))
        assert len(ticks) >= 2
        assert all(a[1] <= b[0] + 0.5 for a, b in zip(ticks, ticks[1:], strict=False)), ticks
