"""Text laid out in columns (``pdftotext -layout``): labels stacked over several lines.

A table cell too narrow for its label prints it over several lines, each piece at the
cell's column: header words (``商业`` / ``企业``, ``结果`` / ``维持``), merged-cell labels
(``三、本`` / ``年度办`` / ``理结果``, on the lines of the rows beside them) and long row
labels wrapped under their first line. This pass joins a piece to the piece above it at
the same column when, and only when, the joined text is one of the form's labels: the
pieces are moved, never invented. The joined label stays on its first line, or goes to the
first of its lines that prints values when its first line prints none (a label centred
over several lines beside its row's numbers).
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from gov_disclosure.labels import Labels
from gov_disclosure.normalize import Piece, SourceCell, SourceLine
from gov_disclosure.values import is_value_like

__all__ = ["join_stacked_labels"]

_SAME_COLUMN = 2  # display columns two pieces of one cell may be apart (centred text)
_MAX_PIECES = 40  # a line of more pieces is no table row (and would cost k² to compare)
_MAX_SPREAD = 16  # lines a merged label may spread over


@attrs.define(eq=False)
class _Piece:
    start: int
    end: int
    cell: SourceCell
    joined: list[int] = attrs.Factory(list)  # the lines whose pieces were joined to it


def _exact(labels: Labels, norm: str) -> bool:
    return any(info.exact for info in labels.classify(norm))


def _joins(labels: Labels, upper: str, lower: str) -> bool:
    """Whether ``lower`` continues ``upper``: joined they are a label (or the start of one,
    when ``upper`` is not a label already), and ``lower`` is no label of its own."""
    if _exact(labels, lower):
        return False
    joined = labels.classify(upper + lower)
    if not joined or any(info.role in ("block", "note") for info in joined + labels.classify(upper)):
        return False  # a block's article or the table note ends where it ends
    return any(info.exact for info in joined) or not labels.classify(upper)


def _continues(labels: Labels, upper: str, lower: str) -> bool:
    """Whether ``lower`` continues ``upper``: joined they are a label, or still the
    beginning of one that neither piece is on its own (``三、本`` / ``年度办`` / ``理结果``,
    ``1.申请人无正当理由逾`` / ``期不补正、行政机关`` / …)."""
    if _joins(labels, upper, lower):
        return True
    return not _exact(labels, upper) and not labels.classify(lower) and labels.begins(upper + lower)


def join_stacked_labels(lines: Sequence[SourceLine], labels: Labels) -> list[SourceLine]:
    """The lines with label pieces stacked in one column joined into the topmost line."""
    if not any(len(line.pieces) > 1 for line in lines):
        return list(lines)  # not a layout conversion: nothing to do
    rows: list[list[_Piece] | None] = []  # pieces of each line (None: the line as it is)
    above: list[tuple[int, _Piece]] = []  # the last text piece of each column: (line, piece)
    changed: set[int] = set()
    for index, line in enumerate(lines):
        if not line.pieces or len(line.pieces) > _MAX_PIECES:
            rows.append(None)
            if not line.blank:
                above.clear()  # narrative between: no label continues across it
            continue
        kept: list[_Piece] = []
        for piece in (_Piece(p.start, p.end, p.cell) for p in line.pieces):
            if not is_value_like(piece.cell.norm):
                target = next((t for t in above if _same_cell(t[1], piece)), None)
                if target is not None and _continues(labels, target[1].cell.norm, piece.cell.norm):
                    upper = target[1]
                    upper.cell = SourceCell(
                        text=upper.cell.text + piece.cell.text, norm=upper.cell.norm + piece.cell.norm
                    )
                    upper.start, upper.end = min(upper.start, piece.start), max(upper.end, piece.end)
                    upper.joined.append(index)
                    changed.update((target[0], index))
                    continue
            above = [t for t in above if not _overlap(t[1], piece)]
            if not is_value_like(piece.cell.norm):
                above.append((index, piece))
            kept.append(piece)
        rows.append(kept)
        above = [t for t in above if index - t[0] <= _MAX_SPREAD]
    if not changed:
        return list(lines)
    changed |= _to_value_lines(rows)
    out = []
    for index, line in enumerate(lines):
        row = rows[index]
        if index not in changed or row is None:
            out.append(line)
        elif row:
            cells = tuple(p.cell for p in row)
            out.append(
                SourceLine(
                    number=line.number,
                    cells=cells,
                    pieces=tuple(Piece(p.start, p.end, p.cell) for p in row),
                )
            )
        # a line all of whose pieces moved up is gone: it was part of the lines above
    return out


def _has_values(row: list[_Piece] | None) -> bool:
    return row is not None and any(is_value_like(p.cell.norm) for p in row)


def _to_value_lines(rows: list[list[_Piece] | None]) -> set[int]:
    """A joined label whose first line has no values belongs with the values of the line
    its row is printed on (a label centred over several lines beside its numbers): moved
    to the first of its lines that has values. The lines changed."""
    moved: set[int] = set()
    for index, row in enumerate(rows):
        if row is None or _has_values(row):
            continue
        for piece in [p for p in row if p.joined]:
            home = next((j for j in piece.joined if _has_values(rows[j])), None)
            if home is None:
                continue
            row.remove(piece)
            target = rows[home]
            assert target is not None
            target.append(piece)
            target.sort(key=lambda p: p.start)
            moved.update((index, home))
    return moved


def _same_cell(upper: _Piece, lower: _Piece) -> bool:
    """Two pieces one above the other in one cell: starting or centred at one column."""
    return (
        abs(upper.start - lower.start) <= _SAME_COLUMN
        or abs(upper.start + upper.end - lower.start - lower.end) <= 2 * _SAME_COLUMN
    )


def _overlap(a: _Piece, b: _Piece) -> bool:
    return min(a.end, b.end) > max(a.start, b.start) or _same_cell(a, b)
