"""The one PDF layout: every page carries the marking at top and bottom, and text is never markup."""

import re

from peaceops.core import pdf_layout
from peaceops.core.tests.pdf_text import pdf_text


def test_a_long_table_runs_over_pages_each_marked_in_header_and_footer():
    rows = [[n, f"place {n}", "<b>not bold</b> & kept"] for n in range(300)]
    story = [pdf_layout.title("Long <report>"), pdf_layout.heading("Rows"), pdf_layout.paragraph("a & b"),
             pdf_layout.grid(["#", "Place", "Note"], rows, widths_mm=[20, 60, 90])]
    content = pdf_layout.build(story, title_text="Long", marking="confidential", page_word="page")
    assert content.startswith(b"%PDF-")
    pages = len(re.findall(rb"/Type /Page\b", content))
    assert pages > 2
    texts = pdf_text(content)
    headers = [t for t in texts if "(CONFIDENTIAL)" in t]
    footers = [t for t in texts if re.search(r"\(CONFIDENTIAL .{1,4} page \d+\)", t)]
    assert len(headers) == len(footers) == pages
    drawn = "".join(piece for t in texts for piece in re.findall(r"\((.*?)\) Tj", t))
    assert "<b>not bold</b> & kept" in drawn and "Long <report>" in drawn  # printed as written, not as markup


def test_the_page_word_follows_the_language():
    content = pdf_layout.build([pdf_layout.paragraph("x")], title_text="x", marking="restricted", page_word="page-fr")
    assert any("page-fr 1" in t for t in pdf_text(content))
