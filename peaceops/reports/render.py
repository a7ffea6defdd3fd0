"""A report document (``selectors.document``: plain data) as Markdown, PDF or DOCX. No Django imports.

PDF through ReportLab and DOCX through python-docx (DESIGN.md's libraries of the field): both write the
same structure, a title block (kind, period, missions, classification, status), then each section with
its paragraphs and tables. The classification is printed in every page's header and footer, as UN
documents mark it (the page layout every PDF shares: peaceops.core.pdf_layout).
"""

import io
import re

from peaceops.core import pdf_layout

FORMATS = {"md": "text/markdown; charset=utf-8", "pdf": "application/pdf",
           "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


def paragraphs(body: str) -> list[str]:
    """Paragraphs are separated by blank lines; single line breaks inside one are kept as spaces."""
    return [" ".join(part.split()) for part in body.replace("\r\n", "\n").split("\n\n") if part.strip()]


def read_from_line(missions: list[str]) -> str:
    """Whose records a section's writers could read: a joint document says what each part rests on."""
    return f"Drawn from the records of: {', '.join(missions)} (readable to the drafter)" if missions else ""


def section_paragraphs(section: dict) -> list[str]:
    line = read_from_line(section.get("read_from") or [])
    return paragraphs(section["body"]) + ([line] if line else [])


def _facts(doc: dict) -> list[tuple[str, str]]:
    facts = [("Kind", doc["kind"]), ("Period", f"{doc['period'][0]} to {doc['period'][1]}"),
             ("Drafted by", doc["mission"]), ("Missions covered", ", ".join(doc["missions"])),
             ("Classification", doc["classification"]), ("Status", doc["status"])]
    if doc["region"]:
        facts.insert(3, ("Region", doc["region"]))
    for part in doc.get("parts") or []:
        state = f"approved by {part['approved_by'] or '-'}, {part['approved_at']}" if part["approved"] else "pending"
        facts.append((f"Part of {part['mission']}", state))
    if doc["approved_by"]:
        facts.append(("Approved", f"{doc['approved_by']}, {doc['approved_at']}"))
    return facts


def md_marking(classification: str) -> str:
    """The marking line a Markdown document opens and closes with."""
    return f"**{classification.upper()}**"


def md_cell(value) -> str:
    """A value as one Markdown table cell (a pipe escaped, line breaks folded); the sitrep's tables use it too."""
    return str(value).replace("|", "\\|").replace("\n", " ")


def render_md(doc: dict) -> bytes:
    lines = [f"# {doc['title']}", ""]
    lines += [f"- **{label}:** {value}" for label, value in _facts(doc)]
    for section in doc["sections"]:
        contributor = f" ({section['mission']})" if section["mission"] else ""
        lines += ["", f"## {section['title']}{contributor}", ""]
        for para in section_paragraphs(section):
            lines += [para, ""]
        for table in section["tables"]:
            if table.get("caption"):
                lines += [f"*{table['caption']}*", ""]
            lines.append("| " + " | ".join(md_cell(h) for h in table["header"]) + " |")
            lines.append("|" + "---|" * len(table["header"]))
            lines += ["| " + " | ".join(md_cell(c) for c in row) + " |" for row in table["rows"]]
            lines.append("")
    return ("\n".join(lines).rstrip() + "\n").encode()


# Characters XML 1.0 cannot hold (control characters, lone surrogates): a section's text may carry them from
# an import or an API client, and python-docx refuses the whole document for one of them.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_safe(value):
    """``value`` with every string stripped of what XML cannot hold, through dicts, lists and tuples."""
    if isinstance(value, str):
        return _NOT_XML.sub("", value)
    if isinstance(value, dict):
        return {key: _xml_safe(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_xml_safe(item) for item in value)
    return value


def render_docx(doc: dict) -> bytes:
    from docx import Document
    from docx.shared import Pt

    doc = _xml_safe(doc)
    document = Document()
    for section in document.sections:
        section.header.paragraphs[0].text = doc["classification"].upper()
        section.footer.paragraphs[0].text = f"{doc['classification'].upper()} · {doc['title']}"
    document.add_heading(doc["title"], level=0)
    facts = document.add_table(rows=0, cols=2)
    for label, value in _facts(doc):
        cells = facts.add_row().cells
        cells[0].text, cells[1].text = label, value
    for section in doc["sections"]:
        contributor = f" ({section['mission']})" if section["mission"] else ""
        document.add_heading(section["title"] + contributor, level=1)
        for para in section_paragraphs(section):
            document.add_paragraph(para)
        for table in section["tables"]:
            if table.get("caption"):
                document.add_paragraph(table["caption"]).runs[0].italic = True
            grid = document.add_table(rows=1, cols=len(table["header"]))
            grid.style = "Table Grid"
            for cell, text in zip(grid.rows[0].cells, table["header"], strict=False):
                cell.text = str(text)
                cell.paragraphs[0].runs[0].bold = True
            for row in table["rows"]:
                for cell, value in zip(grid.add_row().cells, row, strict=False):
                    cell.text = str(value)
    document.styles["Normal"].font.size = Pt(10)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def render_pdf(doc: dict) -> bytes:
    story = [pdf_layout.title(doc["title"]), pdf_layout.facts(_facts(doc))]
    for section in doc["sections"]:
        contributor = f" ({section['mission']})" if section["mission"] else ""
        story += [pdf_layout.space(4), pdf_layout.heading(section["title"] + contributor)]
        story += [pdf_layout.paragraph(para) for para in section_paragraphs(section)]
        for table in section["tables"]:
            if table.get("caption"):
                story.append(pdf_layout.paragraph(table["caption"], italic=True))
            story += [pdf_layout.grid(table["header"], table["rows"]), pdf_layout.space(2)]
    return pdf_layout.build(story, title_text=doc["title"], marking=doc["classification"])


RENDERERS = {"md": render_md, "pdf": render_pdf, "docx": render_docx}


def render(doc: dict, fmt: str) -> bytes:
    if fmt not in RENDERERS:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(RENDERERS)}")
    return RENDERERS[fmt](doc)
