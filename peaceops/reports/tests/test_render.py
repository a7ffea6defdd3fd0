"""The renderers write every section, paragraph and table cell, in each format (no database)."""

import io
import zipfile

import pytest

from peaceops.reports import render

DOC = {
    "title": "Joint assessment Q1 2010", "kind": "Joint regional security threat assessment",
    "classification": "Confidential", "mission": "MINURCAT", "missions": ["MINURCAT", "UNAMID"],
    "region": "Central Africa and Sudan", "period": ("2010-01-01", "2010-03-31"), "status": "approved",
    "approved_by": "leader", "approved_at": "2010-04-05",
    "sections": [
        {"title": "Security situation", "body": "First paragraph\nstill first.\n\nSecond | paragraph.",
         "mission": "", "tables": [{"caption": "By category", "header": ["Category", "Incidents"],
                                    "rows": [["Armed clash", 3], ["Banditry <x>", 1]]}]},
        {"title": "Eastern Chad", "body": "Refugees move toward the border.", "mission": "MINURCAT", "tables": []},
    ],
}


def test_paragraphs_split_on_blank_lines_and_join_single_breaks():
    assert render.paragraphs("a\nb\n\n\nc  d\n") == ["a b", "c d"]


def test_markdown_holds_every_section_table_and_fact():
    text = render.render_md(DOC).decode()
    assert text.startswith("# Joint assessment Q1 2010\n")
    assert "- **Region:** Central Africa and Sudan" in text
    assert "## Eastern Chad (MINURCAT)" in text
    assert "First paragraph still first." in text
    assert "Second \\| paragraph." not in text  # paragraphs are prose, only table cells are escaped
    assert "| Armed clash | 3 |" in text
    assert "- **Approved:** leader, 2010-04-05" in text


def test_docx_is_a_word_document_with_the_text_and_the_marking():
    import docx

    content = render.render_docx(DOC)
    assert zipfile.is_zipfile(io.BytesIO(content))
    document = docx.Document(io.BytesIO(content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Security situation" in text and "Eastern Chad (MINURCAT)" in text
    assert "Refugees move toward the border." in text
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "Banditry <x>" in cells and "3" in cells
    assert document.sections[0].header.paragraphs[0].text == "CONFIDENTIAL"


def test_pdf_is_a_pdf_and_escapes_markup():
    content = render.render_pdf(DOC)
    assert content.startswith(b"%PDF-") and content.rstrip().endswith(b"%%EOF")
    assert len(content) > 1500


def test_unknown_format_is_refused():
    with pytest.raises(ValueError, match="unknown format 'odt'"):
        render.render(DOC, "odt")


def test_docx_drops_characters_xml_cannot_hold_instead_of_failing():
    """A section written through the API may hold control characters; the export keeps the rest of the text."""
    import copy

    import docx

    doc = copy.deepcopy(DOC)
    doc["sections"][1]["body"] = "Refugees\x00 move\x0b toward the border.\x1f"
    document = docx.Document(io.BytesIO(render.render_docx(doc)))
    assert "Refugees move toward the border." in "\n".join(p.text for p in document.paragraphs)
