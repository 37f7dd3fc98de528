"""Word documents as lines: needs ``gov-disclosure[docx]`` (python-docx).

python-docx opens the package; the document's XML is then walked directly, because its
paragraph text leaves out what Word wraps in other markup, and a number lost that way
would be read as a blank. Text is every ``w:t`` of a paragraph, wherever it sits: runs,
hyperlinks, insertions of tracked changes (``w:ins``; deletions are ``w:delText`` and stay
out), smart tags, content controls (``w:sdt``), custom XML, simple fields. Body-level
content controls and custom XML are opened too.

A table row gives the texts of the cells it holds: a cell continuing a vertical merge
(``w:vMerge`` without ``restart``) is covered by the cell above and left out, a
horizontally merged cell (``w:gridSpan``) counts once; the paragraphs inside a cell are
its lines. A table holding tables, or of a single cell, is page layout: its content is
read as blocks.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

from gov_disclosure.errors import MissingDependencyError, UnreadableDocumentError
from gov_disclosure.normalize import SourceLine
from gov_disclosure.readers.grid import LineBuilder

__all__ = ["read_docx"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC, _T = f"{_W}p", f"{_W}tbl", f"{_W}tr", f"{_W}tc", f"{_W}t"
# Wrappers whose content belongs to the level they stand at.
_WRAPPERS = frozenset({f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}smartTag", f"{_W}ins"})
_BREAKS = frozenset({f"{_W}br", f"{_W}cr"})
_TABS = frozenset({f"{_W}tab"})


def _docx() -> Any:
    try:
        import docx
    except ImportError:
        raise MissingDependencyError(
            "reading DOCX needs python-docx: pip install 'gov-disclosure[docx]'"
        ) from None
    return docx


def _children(element: Any, *tags: str) -> Iterator[Any]:
    """Children with these tags, looking through wrappers (content controls, …)."""
    for child in element:
        if child.tag in tags:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, *tags)


def _paragraph_text(paragraph: Any) -> str:
    pieces = []
    for element in paragraph.iter():
        if element.tag == _T:
            pieces.append(element.text or "")
        elif element.tag in _BREAKS:
            pieces.append("\n")
        elif element.tag in _TABS:
            pieces.append(" ")
    return "".join(pieces)


def _cell_text(cell: Any) -> str:
    lines = []
    for block in _children(cell, _P, _TBL):
        if block.tag == _P:
            lines.append(_paragraph_text(block))
        else:  # a table inside a cell: its text, row by row
            lines += [" ".join(_cell_text(tc) for tc in _children(tr, _TC)) for tr in _children(block, _TR)]
    return "\n".join(lines)


def _vmerge_continues(cell: Any) -> bool:
    properties = cell.find(f"{_W}tcPr")
    merge = properties.find(f"{_W}vMerge") if properties is not None else None
    return merge is not None and merge.get(f"{_W}val", "continue") == "continue"


def _is_layout(table: Any) -> bool:
    cells = [tc for tr in _children(table, _TR) for tc in _children(tr, _TC)]
    nested = any(tc.find(f".//{_TBL}") is not None for tc in cells)
    return nested or len(cells) == 1


def _blocks(element: Any, out: LineBuilder) -> None:
    for block in _children(element, _P, _TBL, _TC):
        if block.tag == _P:
            out.paragraph(_paragraph_text(block))
        elif block.tag == _TC:
            _blocks(block, out)
        elif _is_layout(block):
            for tr in _children(block, _TR):
                _blocks(tr, out)
        else:
            rows = [
                [_cell_text(tc) for tc in _children(tr, _TC) if not _vmerge_continues(tc)]
                for tr in _children(block, _TR)
            ]
            out.table(rows)


def read_docx(data: bytes) -> list[SourceLine]:
    """A Word document's paragraphs and tables as lines of cells."""
    docx = _docx()
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise UnreadableDocumentError(f"not a readable .docx file ({exc})") from exc
    out = LineBuilder()
    _blocks(document.element.body, out)
    return out.lines
