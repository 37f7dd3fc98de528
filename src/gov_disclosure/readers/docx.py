"""Word documents as lines: needs ``gov-disclosure[docx]`` (python-docx).

Paragraphs and tables are read in document order. A table row gives the texts of the
cells it holds: a cell continuing a vertical merge (``w:vMerge`` without ``restart``) is
covered by the cell above and left out, a horizontally merged cell (``w:gridSpan``)
counts once; the paragraphs inside a cell are its lines.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from gov_disclosure.errors import MissingDependencyError, UnreadableDocumentError
from gov_disclosure.normalize import SourceLine
from gov_disclosure.readers.grid import LineBuilder

__all__ = ["read_docx"]


def _docx() -> Any:
    try:
        import docx
    except ImportError:
        raise MissingDependencyError(
            "reading DOCX needs python-docx: pip install 'gov-disclosure[docx]'"
        ) from None
    return docx


def _cell_text(cell: Any) -> str:
    lines = [p.text for p in cell.paragraphs]
    for table in cell.tables:  # a table inside a cell: its text, row by row
        lines += [" ".join(c.text for c in row.cells) for row in table.rows]
    return "\n".join(lines)


def _rows(table: Any) -> list[list[str]]:
    from docx.table import _Cell

    rows = []
    for tr in table._tbl.tr_lst:
        row = []
        for tc in tr.tc_lst:
            if tc.vMerge == "continue":
                continue  # covered by the merged cell above
            row.append(_cell_text(_Cell(tc, table)))
        rows.append(row)
    return rows


def read_docx(data: bytes) -> list[SourceLine]:
    """A Word document's paragraphs and tables as lines of cells."""
    docx = _docx()
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise UnreadableDocumentError(f"not a readable .docx file ({exc})") from exc
    out = LineBuilder()
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            out.table(_rows(block))
        else:
            out.paragraph(block.text)
    return out.lines
