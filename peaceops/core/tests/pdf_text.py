"""What a ReportLab PDF draws, for tests that check markings and text without a PDF library."""

import base64
import re
import zlib


def pdf_text(content: bytes) -> list[str]:
    """The text drawn on each page of a ReportLab PDF (its content streams, inflated)."""
    streams = re.findall(rb"stream\r?\n(.*?)endstream", content, re.S)
    texts = []
    for raw in streams:
        for decode in (zlib.decompress, lambda data: zlib.decompress(base64.a85decode(data.strip(), adobe=True)),
                       lambda data: data):
            try:
                texts.append(decode(raw).decode("latin-1"))
                break
            except (zlib.error, ValueError):
                continue
    return texts
