"""Lines from documents with real tables (HTML, DOCX, PDF).

A reader hands over, in document order, paragraphs and tables. A table is a list of rows;
each row lists the texts of the cells the row itself holds: a slot covered by a span from
another cell (a ``rowspan`` from above, a Word ``vMerge`` continuation, a ``None`` in
pdfplumber's grid) is left out, an empty cell stays as ``""``. Each row becomes one grid
``SourceLine``, so an empty cell in a value column is a blank, not padding.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from gov_disclosure.normalize import SourceCell, SourceLine

__all__ = ["LineBuilder"]

Row = Sequence[str]


_CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def _one_line(text: str) -> str:
    """A cell's text on one line: pieces of Chinese joined directly (a label wrapped in a
    narrow cell: 三、本 / 年度 / 办理 / 结果), others with a space."""
    out = ""
    for piece in text.split():
        if out and not (_CJK.match(out[-1]) and _CJK.match(piece[0])):
            out += " "
        out += piece
    return out


class LineBuilder:
    """Collects a document's paragraphs and tables as numbered ``SourceLine`` items."""

    def __init__(self) -> None:
        self.lines: list[SourceLine] = []

    def paragraph(self, text: str) -> None:
        """A paragraph: each of its lines becomes a line of one cell."""
        for piece in text.replace("\r", "\n").split("\n"):
            cell = SourceCell.of(piece)
            if cell.empty and (not self.lines or not self.lines[-1].norm):
                continue  # one blank line is enough
            self.lines.append(SourceLine(number=len(self.lines) + 1, cells=(cell,), text=cell.text))

    def table(self, rows: Sequence[Row]) -> None:
        """A table: one grid line per row; rows with no text at all (ghost rows) dropped."""
        for row in rows:
            cells = tuple(SourceCell.of(_one_line(text)) for text in row)
            if any(not c.empty for c in cells):
                self.lines.append(SourceLine(number=len(self.lines) + 1, cells=cells, grid=True))
        self.paragraph("")  # a table ends where a blank line follows
