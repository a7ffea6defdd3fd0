"""The situation report in each format: JSON, Markdown, HTML (a standalone file) and PDF.

Every format is drawn from the one report dict of :func:`peaceops.incidents.sitrep.rules.assemble`,
so they cannot disagree. The small map is computed once (:func:`map_shapes`: the host
countries' outlines and the day's incidents, projected onto a small canvas) and drawn twice:
as inline SVG in HTML, with ReportLab shapes in the PDF. Nothing is loaded from the network,
so the map works on a closed mission network and on paper.
"""

from __future__ import annotations

import json
import math
from html import escape

import shapely
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from peaceops.core import pdf_layout
from peaceops.incidents.models import Incident
from peaceops.incidents.sitrep.selectors import marking
from peaceops.incidents.taxonomy import Category
from peaceops.reports.render import md_cell, md_marking

FORMATS = ("json", "md", "html", "pdf")
CONTENT_TYPES = {"json": "application/json", "md": "text/markdown; charset=utf-8",
                 "html": "text/html; charset=utf-8", "pdf": "application/pdf"}
MAP_WIDTH, MAP_HEIGHT, MAP_PADDING = 480, 320, 12

# One colour per category, shared with the legend (colour-blind-safe where it matters most).
CATEGORY_COLOURS = {
    "armed_clash": "#d62728", "attack_on_civilians": "#8c1c13", "attack_on_un_humanitarian": "#1f77b4",
    "banditry": "#ff7f0e", "abduction": "#9467bd", "sexual_violence": "#e377c2", "explosive_device": "#2b2b2b",
    "protest": "#bcbd22", "displacement": "#17becf", "troop_movement": "#2ca02c", "other": "#7f7f7f",
}


def category_label(code: str) -> str:
    try:
        return str(Category(code).label)
    except ValueError:
        return code


# The report dict keeps codes (JSON readers want them); people read these words instead.
SCOPE_KINDS = {"mission": gettext_lazy("mission"), "region": gettext_lazy("region")}


def status_label(code: str) -> str:
    try:
        return str(Incident.Status(code).label)
    except ValueError:
        return code


def scope_kind_label(kind: str) -> str:
    return str(SCOPE_KINDS.get(kind, kind))


def reason_label(reason: str) -> str:
    labels = {
        "attack_on_un_humanitarian": _("attack on UN or humanitarian personnel"),
        "abduction": _("abduction"),
        "sexual_violence": _("sexual violence"),
    }
    if reason.startswith("deaths_best>="):
        return _("%(n)s or more deaths") % {"n": reason.split(">=")[1]}
    if reason.startswith("first_in_admin1_for_"):
        return _("first incident in the area for %(n)s days") % {"n": reason.split("_")[-2]}
    return str(labels.get(reason, reason))


# --- the map -------------------------------------------------------------------------------------

def _rings(geometry: dict) -> list[list]:
    """The outer and inner rings of a GeoJSON Polygon or MultiPolygon (other types: none)."""
    if not geometry:
        return []
    kind, coordinates = geometry.get("type"), geometry.get("coordinates") or []
    if kind == "Polygon":
        return list(coordinates)
    if kind == "MultiPolygon":
        return [ring for polygon in coordinates for ring in polygon]
    if kind == "GeometryCollection":
        return [ring for part in geometry.get("geometries", []) for ring in _rings(part)]
    return []


def _thin(ring: list, tolerance: float) -> list:
    """The ring without the points that move it less than ``tolerance`` (Douglas-Peucker, shapely).

    A 480-pixel map needs no detail finer than half a pixel: a country's outline of thousands of
    points keeps its shape in a few hundred, where taking every n-th point cut corners off.
    """
    line = shapely.LineString([(p[0], p[1]) for p in ring])
    return list(line.simplify(tolerance, preserve_topology=False).coords)


def map_shapes(report: dict, outlines: list[dict], width: int = MAP_WIDTH, height: int = MAP_HEIGHT) -> dict | None:
    """Project outlines and the day's incidents onto a width x height canvas (y downwards).

    Equirectangular, with longitudes shrunk by the cosine of the middle latitude so shapes keep
    their proportions near the equator and away from it. None when there is nothing to draw.
    """
    rings = [ring for outline in outlines for ring in _rings(outline.get("geometry")) if len(ring) >= 3]
    notable_ids = {item["id"] for item in report["notable"]}
    points = [item for item in report["items"] if item["latitude"] is not None and item["longitude"] is not None]
    coords = [(p[0], p[1]) for ring in rings for p in ring] + [(i["longitude"], i["latitude"]) for i in points]
    if not coords:
        return None
    min_x, max_x = min(c[0] for c in coords), max(c[0] for c in coords)
    min_y, max_y = min(c[1] for c in coords), max(c[1] for c in coords)
    shrink = math.cos(math.radians((min_y + max_y) / 2)) or 1.0
    span_x, span_y = max((max_x - min_x) * shrink, 0.5), max(max_y - min_y, 0.5)
    scale = min((width - 2 * MAP_PADDING) / span_x, (height - 2 * MAP_PADDING) / span_y)
    centre_x, centre_y = (min_x + max_x) / 2, (min_y + max_y) / 2
    rings = [thin for thin in (_thin(ring, 0.5 / scale) for ring in rings) if len(thin) >= 3]

    def project(lon: float, lat: float) -> tuple[float, float]:
        return round(width / 2 + (lon - centre_x) * shrink * scale, 1), round(height / 2 - (lat - centre_y) * scale, 1)

    return {
        "width": width,
        "height": height,
        "rings": [[project(p[0], p[1]) for p in ring] for ring in rings],
        "points": [
            {"x": project(i["longitude"], i["latitude"])[0], "y": project(i["longitude"], i["latitude"])[1],
             "radius": round(3 + min(7.0, math.sqrt(i["deaths_best"])), 1), "category": i["category"],
             "colour": CATEGORY_COLOURS.get(i["category"], "#7f7f7f"), "notable": i["id"] in notable_ids,
             "title": f"#{i['id']} {category_label(i['category'])}, {i['admin1'] or i['location']}: "
                      f"{i['deaths_best']}"}
            for i in points
        ],
    }


def map_svg(shapes: dict | None) -> str:
    """The map as an inline SVG element (empty string when there is nothing to draw)."""
    if shapes is None:
        return ""
    label = escape(_("Map of the incidents of the day"))  # outside the f-string: xgettext 0.21 skips f-strings
    parts = [f'<svg class="sitrep-map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {shapes["width"]} '
             f'{shapes["height"]}" width="{shapes["width"]}" height="{shapes["height"]}" role="img" '
             f'aria-label="{label}">',
             f'<rect width="{shapes["width"]}" height="{shapes["height"]}" fill="#f4f7fa"/>']
    for ring in shapes["rings"]:
        path = "M" + " L".join(f"{x} {y}" for x, y in ring) + " Z"
        parts.append(f'<path d="{path}" fill="#e6e2d6" stroke="#8a8a8a" stroke-width="0.7"/>')
    for point in shapes["points"]:
        stroke = ' stroke="#000" stroke-width="1.5"' if point["notable"] else ' stroke="#fff" stroke-width="0.6"'
        parts.append(f'<circle cx="{point["x"]}" cy="{point["y"]}" r="{point["radius"]}" fill="{point["colour"]}" '
                     f'fill-opacity="0.85"{stroke}><title>{escape(point["title"])}</title></circle>')
    parts.append("</svg>")
    return "".join(parts)


def map_drawing(shapes: dict | None):
    """The same map as a ReportLab Drawing (y upwards in PDF, hence the flip)."""
    from reportlab.graphics.shapes import Circle, Drawing, Polygon, Rect
    from reportlab.lib import colors

    if shapes is None:
        return None
    height = shapes["height"]
    drawing = Drawing(shapes["width"], height)
    drawing.add(Rect(0, 0, shapes["width"], height, fillColor=colors.HexColor("#f4f7fa"), strokeColor=None))
    for ring in shapes["rings"]:
        flat = [value for x, y in ring for value in (x, height - y)]
        drawing.add(Polygon(flat, fillColor=colors.HexColor("#e6e2d6"), strokeColor=colors.HexColor("#8a8a8a"),
                            strokeWidth=0.7))
    for point in shapes["points"]:
        drawing.add(Circle(point["x"], height - point["y"], point["radius"], fillColor=colors.HexColor(point["colour"]),
                           strokeColor=colors.black if point["notable"] else colors.white,
                           strokeWidth=1.5 if point["notable"] else 0.6))
    return drawing


# --- classification markings ----------------------------------------------------------------------
# Every output carries the highest classification of what it holds at its top and bottom (each page of
# the PDF: peaceops.core.pdf_layout), and each incident above unclassified carries its own, as report exports
# do (reports.render).

def report_marking(report: dict) -> str:
    return report.get("marking") or marking(report.get("classification", 0))


def item_marking(item: dict) -> str:
    """An incident's own marking, or "" when unclassified (only levels above it are marked item by item)."""
    level = item.get("classification", 0)
    return (item.get("marking") or marking(level)) if level else ""


def _tagged(item: dict, text: str) -> str:
    tag = item_marking(item)
    return f"[{tag}] {text}" if tag else text


# --- text formats ---------------------------------------------------------------------------------

def render_json(report: dict, **_ignored) -> bytes:
    return json.dumps({"marking": report_marking(report), **report}, ensure_ascii=False, indent=2).encode()


def _percent(value) -> str:
    return "–" if value is None else f"{value:+.1f}%"


def _title(report: dict) -> str:
    return _("Daily situation report: %(scope)s, %(date)s") % {"scope": report["scope"]["name"],
                                                                 "date": report["date"]}


def render_md(report: dict, **_ignored) -> bytes:
    f = report["fatalities"]
    # Words used inside f-strings are looked up here: xgettext 0.21 does not read f-strings.
    change, by_party, deaths = pgettext("sitrep trend", "Change"), _("Deaths by party"), _("deaths")
    lines = [md_marking(report_marking(report)), "", f"# {_title(report)}", "",
             _("Scope: %(kind)s %(name)s (missions: %(missions)s).") % {
                 "kind": scope_kind_label(report["scope"]["kind"]), "name": report["scope"]["name"],
                 "missions": ", ".join(report["scope"]["missions"])},
             _("Incidents that started on the report date; duplicate reports left out."), "",
             f"## {_('Summary')}", "",
             f"- {_('Incidents')}: **{report['incidents']}**",
             f"- {_('Deaths')}: **{f['best']}** ({_('low')} {f['low']}, {_('high')} {f['high']})",
             f"- {by_party}: {_('side A')} {f['a']}, {_('side B')} {f['b']}, "
             f"{_('civilians')} {f['civilians']}, {_('unknown')} {f['unknown']}",
             f"- {_('Injured')}: {report['injured']}; {_('abducted')}: {report['abducted']}", ""]
    lines += [f"## {change}", "", f"| | {_('Incidents per day')} | {change} | {_('Deaths per day')} | "
              f"{change} |", "|---|---:|---:|---:|---:|"]
    for window in report["change"].values():
        inc, dea = window["incidents_per_day"], window["deaths_per_day"]
        lines.append(f"| {_('previous %(n)s days') % {'n': window['days']}} | {inc['per_day']} | "
                     f"{_percent(inc['percent'])} | {dea['per_day']} | {_percent(dea['percent'])} |")
    lines += ["", f"## {_('By category')}", "", f"| {_('Category')} | {_('Incidents')} | {_('Deaths')} |",
              "|---|---:|---:|"]
    lines += [f"| {category_label(code)} | {n} | {report['deaths_by_category'][code]} |"
              for code, n in report["by_category"].items()]
    lines += ["", f"## {_('By admin-1 area')}", "", f"| {_('Area')} | {_('Incidents')} | {_('Deaths')} |",
              "|---|---:|---:|"]
    lines += [f"| {md_cell(name)} | {n} | {report['deaths_by_admin1'][name]} |"
              for name, n in report["by_admin1"].items()]
    lines += ["", f"## {_('Notable incidents')}", ""]
    lines += [f"- {_tagged(i, '#' + str(i['id']))} {category_label(i['category'])}, "
              f"{md_cell(i['admin1'] or i['location'])}: "
              f"{i['deaths_best']} {deaths} ({', '.join(reason_label(r) for r in i['reasons'])}). "
              f"{md_cell(i['description'])}".rstrip() for i in report["notable"]] or [f"- {_('None.')}"]
    if report["continuing"]:
        lines += ["", f"## {_('Continuing')}", ""]
        lines += [f"- {_tagged(i, '#' + str(i['id']))} {i['start_date']} – {i['end_date']} "
                  f"{category_label(i['category'])}, "
                  f"{md_cell(i['admin1'] or i['location'])}" for i in report["continuing"]]
    lines += ["", f"## {_('Open follow-ups')} ({report['open_follow_ups_total']})", ""]
    lines += [f"- {_tagged(i, '#' + str(i['id']))} {i['start_date']} {md_cell(i['admin1'] or i['location'])}: "
              f"{md_cell(i['follow_up'])}" for i in report["open_follow_ups"]] or [f"- {_('None.')}"]
    lines += ["", f"## {_('Incidents of the day')}", "",
              f"| # | {_('Category')} | {_('Area')} | {_('Place')} | {_('Deaths')} | {_('Status')} | "
              f"{_('Classification')} |", "|---:|---|---|---|---:|---|---|"]
    lines += [f"| {i['id']} | {category_label(i['category'])} | {md_cell(i['admin1'])} | {md_cell(i['location'])} "
              f"| {i['deaths_best']} | {status_label(i['status'])} | {item_marking(i)} |" for i in report["items"]]
    lines += ["", md_marking(report_marking(report))]
    return ("\n".join(lines) + "\n").encode()


def html_context(report: dict, outlines: list[dict]) -> dict:
    """What the HTML templates (page and standalone file) need beyond the report itself."""
    return {
        "report": report,
        "marking": report_marking(report),
        "title": _title(report),
        "scope_kind": scope_kind_label(report["scope"]["kind"]),
        "map_svg": map_svg(map_shapes(report, outlines)),
        "categories": [(code, category_label(code), n, report["deaths_by_category"][code])
                       for code, n in report["by_category"].items()],
        "admin1": [(name, n, report["deaths_by_admin1"][name]) for name, n in report["by_admin1"].items()],
        "notable": [{**i, "category_label": category_label(i["category"]), "item_marking": item_marking(i),
                     "reason_labels": [reason_label(r) for r in i["reasons"]]} for i in report["notable"]],
        "items": [{**i, "category_label": category_label(i["category"]), "status_label": status_label(i["status"]),
                   "item_marking": item_marking(i)} for i in report["items"]],
        "continuing": [{**i, "category_label": category_label(i["category"]), "item_marking": item_marking(i)}
                       for i in report["continuing"]],
        "follow_ups": [{**i, "item_marking": item_marking(i)} for i in report["open_follow_ups"]],
        "legend": [(code, category_label(code), CATEGORY_COLOURS[code]) for code in report["by_category"]
                   if code in CATEGORY_COLOURS],
    }


def render_html(report: dict, outlines: list[dict] | None = None, **_ignored) -> bytes:
    """A standalone HTML file (inline styles and map), readable offline and printable."""
    return render_to_string("incidents/sitrep_document.html", html_context(report, outlines or [])).encode()


# --- PDF ----------------------------------------------------------------------------------------

def render_pdf(report: dict, outlines: list[dict] | None = None, **_ignored) -> bytes:
    grid, heading, para = pdf_layout.grid, pdf_layout.heading, pdf_layout.paragraph
    f = report["fatalities"]
    story = [pdf_layout.title(_title(report)),
             para(_("Scope: %(kind)s %(name)s (missions: %(missions)s). Incidents that started on the report date; "
                    "duplicate reports left out.") % {"kind": scope_kind_label(report["scope"]["kind"]),
                                                       "name": report["scope"]["name"],
                                                       "missions": ", ".join(report["scope"]["missions"])}),
             pdf_layout.space(3),
             grid([_("Incidents"), _("Deaths (best)"), _("low"), _("high"), _("side A"), _("side B"),
                   _("civilians"), _("unknown"), _("Injured"), _("Abducted")],
                  [[report["incidents"], f["best"], f["low"], f["high"], f["a"], f["b"], f["civilians"],
                    f["unknown"], report["injured"], report["abducted"]]])]
    drawing = map_drawing(map_shapes(report, outlines or []))
    if drawing is not None:
        story += [pdf_layout.space(4), drawing]
    change = pgettext("sitrep trend", "Change")
    story += [heading(change),
              grid(["", _("Incidents per day"), change, _("Deaths per day"), change],
                   [[_("previous %(n)s days") % {"n": w["days"]}, w["incidents_per_day"]["per_day"],
                     _percent(w["incidents_per_day"]["percent"]), w["deaths_per_day"]["per_day"],
                     _percent(w["deaths_per_day"]["percent"])] for w in report["change"].values()])]
    story += [heading(_("By category")),
              grid([_("Category"), _("Incidents"), _("Deaths")],
                   [[category_label(c), n, report["deaths_by_category"][c]]
                    for c, n in report["by_category"].items()]),
              heading(_("By admin-1 area")),
              grid([_("Area"), _("Incidents"), _("Deaths")],
                   [[name, n, report["deaths_by_admin1"][name]] for name, n in report["by_admin1"].items()])]
    story += [heading(_("Notable incidents"))]
    story += [grid(["#", _("Category"), _("Area"), _("Deaths"), _("Why")],
                   [[_tagged(i, str(i["id"])), category_label(i["category"]), i["admin1"] or i["location"],
                     i["deaths_best"],
                     ", ".join(reason_label(r) for r in i["reasons"])] for i in report["notable"]],
                   widths_mm=[25, 38, 40, 16, 54])] if report["notable"] else [para(_("None."))]
    story += [heading(_("Open follow-ups") + f" ({report['open_follow_ups_total']})")]
    story += [grid(["#", _("Date"), _("Area"), _("Follow-up")],
                   [[_tagged(i, str(i["id"])), i["start_date"], i["admin1"] or i["location"], i["follow_up"]]
                    for i in report["open_follow_ups"]], widths_mm=[25, 25, 40, 83])
              ] if report["open_follow_ups"] else [para(_("None."))]
    if report["items"]:
        story += [heading(_("Incidents of the day")),
                  grid(["#", _("Category"), _("Area"), _("Place"), _("Deaths"), _("Status"), _("Classification")],
                       [[i["id"], category_label(i["category"]), i["admin1"], i["location"], i["deaths_best"],
                         status_label(i["status"]), item_marking(i)] for i in report["items"]])]
    return pdf_layout.build(story, title_text=_title(report), marking=report_marking(report), page_word=_("page"))


RENDERERS = {"json": render_json, "md": render_md, "html": render_html, "pdf": render_pdf}


def render(report: dict, fmt: str, outlines: list[dict] | None = None) -> bytes:
    """The report in ``fmt`` (one of :data:`FORMATS`)."""
    if fmt not in RENDERERS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return RENDERERS[fmt](report, outlines=outlines)
