"""PDF files as lines: needs ``gov-disclosure[pdf]`` (pdfplumber).

Each page's duplicate glyphs (fake bold) are removed; its tables are found from their
ruling lines and read as grid rows (a slot pdfplumber reports as ``None`` is covered by a
merged cell and left out); the text outside the tables becomes lines, in reading order
with the tables. Page numbers in the margins are dropped. Tables continued over pages
need nothing special: rows are recognised by their labels. A PDF whose text layer is
missing (scanned pages) or undecodable (``(cid:…)`` glyphs) cannot be read: it raises
:class:`~gov_disclosure.UnreadableDocumentError`, suggesting OCR.
"""

from __future__ import annotations

import io
import re
from typing import Any

from gov_disclosure.errors import MissingDependencyError, UnreadableDocumentError
from gov_disclosure.normalize import SourceLine
from gov_disclosure.readers.grid import LineBuilder

__all__ = ["read_pdf"]

_PAGE_NUMBER = re.compile(r"^\s*(?:[-—–]\s*\d{1,3}\s*[-—–]|\d{1,3}|第\s*\d{1,3}\s*页.*)\s*$")
_MARGIN = 60  # points: page numbers live within this distance of the top or bottom
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _pdfplumber() -> Any:
    try:
        import pdfplumber
    except ImportError:
        raise MissingDependencyError(
            "reading PDF needs pdfplumber: pip install 'gov-disclosure[pdf]'"
        ) from None
    return pdfplumber


def _inside(obj: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _page_items(page: Any) -> list[tuple[float, str, Any]]:
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]
    outside = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes))
    items: list[tuple[float, str, Any]] = []
    for line in outside.extract_text_lines():
        text = line["text"]
        in_margin = line["top"] < _MARGIN or line["bottom"] > page.height - _MARGIN
        if in_margin and _PAGE_NUMBER.match(text):
            continue
        items.append((line["top"], "text", text))
    for table in tables:
        rows = [[cell or "" for cell in row if cell is not None] for row in table.extract()]
        items.append((table.bbox[1], "table", rows))
    items.sort(key=lambda item: item[0])
    return items


def read_pdf(data: bytes) -> list[SourceLine]:
    """A PDF's text and tables as lines of cells."""
    pdfplumber = _pdfplumber()
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # pdfminer raises many types for a damaged file
        raise UnreadableDocumentError(f"not a readable PDF file ({type(exc).__name__}: {exc})") from exc
    out = LineBuilder()
    chars = 0
    with pdf:
        for page in pdf.pages:
            page = page.dedupe_chars()
            chars += len(page.chars)
            for _, kind, payload in _page_items(page):
                if kind == "table":
                    out.table(payload)
                else:
                    out.paragraph(payload)
    text = "".join(line.text for line in out.lines)
    if chars == 0:
        raise UnreadableDocumentError("the PDF has no text layer (scanned pages?): run OCR on it first")
    if not _CJK.search(text) or text.count("(cid:") > 20 or text.count("\ufffd") > 20:
        raise UnreadableDocumentError(
            "the PDF's text layer cannot be decoded ((cid:…) glyphs or no Chinese text): run OCR on it first"
        )
    return out.lines
