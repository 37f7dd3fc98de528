"""Stage 2: lines of cells -> tokens -> parse tree, with the grammar in ``grammar.lark``.

The token pass reads the normalised lines once, in order, and emits one token per line,
its type saying what the line is (heading, narrative, a table's first line, a further
table line, a blank line inside a table) and its value carrying the line's cells, each
typed (block heading, column header, group or row label, value, empty, other text). It decides by context what
a fixed grammar cannot: which table an ambiguous label such as ``总计`` belongs to, whether
a short line is a cell continued from the previous line, whether a number is a table value
or a page number. The LALR parser, built once per process, then gives the structure.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache
from typing import Any

import attrs
from lark import Lark, Token
from lark.lexer import Lexer

from gov_disclosure.columns import join_stacked_labels
from gov_disclosure.labels import LabelInfo, Labels
from gov_disclosure.normalize import SourceCell, SourceLine
from gov_disclosure.sections import HeadingCandidate
from gov_disclosure.values import ValueReading, is_value_like, read_value

__all__ = ["HeadingLine", "TableCell", "TableLine", "build_parser", "tokenize"]

# Page footers and headers that PDF conversions leave inside tables: -3-, — 3 —, 第3页 共9页.
_PAGE_MARK = re.compile(r"^(?:[-—–]\s*\d{1,3}\s*[-—–]|第\s*\d{1,3}\s*页(?:\s*[,/]?\s*共\s*\d{1,3}\s*页)?)$")
_MAX_CONTINUATION = 40
_MAX_TABLE_TEXT = 20


@attrs.frozen(kw_only=True)
class TableCell:
    """A cell of a table line as the token pass read it.

    ``column`` counts from 0 among the line's cells; ``text`` is as printed (trimmed;
    for a cell continued over lines, the pieces joined); ``label`` is set for label cells
    and ``value`` for value and empty cells.
    """

    line: int
    column: int
    text: str
    norm: str
    kind: str
    label: LabelInfo | None = None
    value: ValueReading | None = None
    grid: bool = False  # a slot of a real table's grid (see SourceLine.grid)
    aligned: bool = False  # ``column`` is the slot's column in the table (see SourceLine.aligned)
    span: tuple[int, int] | None = None  # display columns, for text laid out in columns


@attrs.frozen(kw_only=True)
class TableLine:
    """One line of a table region: its typed cells (none for a blank line)."""

    number: int
    cells: tuple[TableCell, ...]
    blank: bool = False
    text: str = ""
    grid: bool = False

    def __str__(self) -> str:
        return self.text

    @property
    def ends_row(self) -> bool:
        """Whether the line's end closes a row: a blank line, or the end of a line of
        several cells (one-cell-per-line conversions continue a row over lines)."""
        return self.blank or self.grid or len(self.cells) >= 2


@attrs.frozen(kw_only=True)
class HeadingLine:
    """A heading line with the section it heads."""

    heading: HeadingCandidate
    line: SourceLine


_ROLE_TOKEN = {"block": "BLOCK", "head": "HEAD", "note": "NOTE", "group": "GROUP", "row": "LABEL"}


@attrs.define
class _Context:
    """What the token pass knows at a point: the open table, and whether table 3's
    header rows are behind us (then 总计 and 其他 are row labels, not column headers)."""

    table: int = 0
    table3_body: bool = False


def _choose(options: tuple[LabelInfo, ...], table: int, table3_body: bool) -> LabelInfo | None:
    """The reading of a label that fits the context (``总计``: a header or a row?)."""
    if len(options) == 1:
        return options[0]
    if table == 4:
        return next((o for o in options if o.table == 4), None)
    if table == 3:
        role = "row" if table3_body else "head"
        return next((o for o in options if o.table == 3 and o.role == role), None)
    return None


@lru_cache(maxsize=16384)
def _classify(
    norm: str, labels: Labels, table: int, table3_body: bool
) -> tuple[str, LabelInfo | None, ValueReading | None, bool]:
    """A cell's token type, label and value in a context; and ``table3_body`` after it
    (a table-3 row label ends the header rows, a header or the note starts them)."""
    if not norm:
        return "EMPTY", None, read_value(""), table3_body
    if is_value_like(norm):
        return "VALUE", None, read_value(norm), table3_body
    info = _choose(labels.classify(norm), table, table3_body)
    if info is None:
        return "TEXTCELL", None, None, table3_body
    if info.table == 3:
        table3_body = info.role == "row" or (table3_body and info.role not in ("note", "head"))
    return _ROLE_TOKEN[info.role], info, None, table3_body


def _cell(
    line: int,
    column: int,
    text: str,
    norm: str,
    labels: Labels,
    ctx: _Context,
    grid: bool = False,
    aligned: bool = False,
    span: tuple[int, int] | None = None,
) -> TableCell:
    kind, label, value, ctx.table3_body = _classify(norm, labels, ctx.table, ctx.table3_body)
    return TableCell(
        line=line,
        column=column,
        text=text,
        norm=norm,
        kind=kind,
        label=label,
        value=value,
        grid=grid,
        aligned=aligned,
        span=span,
    )


def _label_cells(words: Sequence[str], printed: Sequence[str], labels: Labels) -> list[SourceCell]:
    """The words before a row's values as one label, or as two side by side
    (``三、本年度办理结果 （一）予以公开``); empty when they are neither."""
    if not words:
        return []
    if labels.classify(" ".join(words)):
        return [SourceCell(text=" ".join(printed), norm=" ".join(words))]
    for k in range(1, min(len(words), 40)):
        left, right = " ".join(words[:k]), " ".join(words[k:])
        if labels.classify(left) and labels.classify(right):
            return [
                SourceCell(text=" ".join(printed[:k]), norm=left),
                SourceCell(text=" ".join(printed[k:]), norm=right),
            ]
    return []


def _split_spaced(cells: Sequence[SourceCell], labels: Labels) -> tuple[SourceCell, ...]:
    """Cells that hold several values separated by spaces (``0 3 0``), a label followed by
    its values (``规章 2 1 15``) or several column headers, as converters without tabs
    print them, split apart."""
    out: list[SourceCell] = []
    for cell in cells:
        words, printed = cell.norm.split(" "), cell.text.split()
        if len(words) < 2 or len(words) != len(printed) or read_value(cell.norm).kind == "number":
            out.append(cell)
            continue
        first_value = len(words)
        while first_value > 0 and is_value_like(words[first_value - 1]):
            first_value -= 1
        label = " ".join(words[:first_value])
        if first_value == len(words):
            # Column headers side by side (行政复议 行政诉讼, 结果维持 结果纠正 …): a cell
            # each when every word is a label on its own.
            if all(labels.classify(w) for w in words) and len({labels.classify(w) for w in words}) > 1:
                out += [SourceCell(text=t, norm=w) for t, w in zip(printed, words, strict=True)]
            else:
                out.append(cell)
            continue
        label_cells = _label_cells(words[:first_value], printed[:first_value], labels)
        if label and not label_cells:
            out.append(cell)
            continue
        out += label_cells
        out += [
            SourceCell(text=t, norm=w)
            for t, w in zip(printed[first_value:], words[first_value:], strict=True)
        ]
    return tuple(out)


# A row label with its digits glued on by a scraper that dropped the separators.
_GLUED = re.compile(r"^(?P<label>.*[^\d\s.,，、．:：])(?P<digits>\d+(?:\.\d+)?)$")


def _unglue(cells: Sequence[SourceCell], labels: Labels) -> tuple[tuple[SourceCell, ...], frozenset[int]]:
    """Cells with a row label and a run of digits glued together (``行政许可2774``)
    split into the label and the run; and the places of those runs."""
    out: list[SourceCell] = []
    glued: set[int] = set()
    for cell in cells:
        norm = cell.norm
        glued_like = len(norm) > 1 and norm[-1].isdigit() and " " not in norm and not is_value_like(norm)
        match = _GLUED.match(norm) if glued_like else None
        if match is None or not any(i.role == "row" for i in labels.classify(match["label"])):
            out.append(cell)
            continue
        cut = len(cell.text) - len(match["digits"])
        if not cell.text[cut:].isascii():
            out.append(cell)  # printed with wide digits: let the label reading decide
            continue
        out.append(SourceCell(text=cell.text[:cut], norm=match["label"]))
        glued.add(len(out))
        out.append(SourceCell(text=match["digits"], norm=match["digits"]))
    return tuple(out), frozenset(glued)


def _token(kind: str, payload: Any, line: int) -> Token:
    """A token whose value is the payload object (its text is not used)."""
    token = Token(kind, "", line=line, column=1)
    token.value = payload
    return token


def _continuation(lines: Sequence[SourceLine], i: int, headings: Mapping[int, HeadingCandidate]) -> bool:
    """Whether line ``i`` continues the single cell of the line before it (docx cells
    broken over lines: ``→结果`` / ``维持``)."""
    line = lines[i]
    cell = line.single
    return (
        cell is not None
        and not line.indented
        and line.number not in headings
        and 0 < len(cell.norm) <= _MAX_CONTINUATION
        and "。" not in cell.norm
        and not is_value_like(cell.norm)
    )


def _joined_cells(
    lines: Sequence[SourceLine], i: int, headings: Mapping[int, HeadingCandidate]
) -> tuple[tuple[SourceCell, ...], int]:
    """The line's cells, with continuation lines joined to a one-cell-per-line text cell;
    and the index of the next line to read."""
    line = lines[i]
    cell = line.single
    j = i + 1
    if cell is None or not line.indented or not cell.norm or is_value_like(cell.norm):
        return line.cells, j
    text, norm = cell.text, cell.norm
    while j < len(lines) and _continuation(lines, j, headings):
        nxt = lines[j].cells[0]
        text, norm = text + nxt.text, norm + nxt.norm
        j += 1
    return (SourceCell(text=text, norm=norm),), j


def _is_table_line(cells: Sequence[TableCell], line: SourceLine, ctx: _Context) -> bool | None:
    """True for a table line, False for narrative, None for a line to drop."""
    if len(cells) >= 2 or line.grid:
        return True
    (cell,) = cells
    if cell.kind == "EMPTY":
        return True if ctx.table else None
    if cell.kind == "VALUE":
        return bool(ctx.table or line.indented)
    if cell.kind != "TEXTCELL":
        return True
    return bool(ctx.table) and (line.indented or len(cell.norm) <= _MAX_TABLE_TEXT) and "。" not in cell.norm


def tokenize(
    lines: Sequence[SourceLine], headings: Mapping[int, HeadingCandidate], labels: Labels
) -> Iterator[Token]:
    """The token stream of a report for the grammar."""
    lines = join_stacked_labels(lines, labels)
    ctx = _Context()
    rows: list[TableLine] = []  # the lines continuing the open table

    def flush() -> Iterator[Token]:
        if rows:
            yield _token("ROWS", tuple(rows), rows[0].number)
            rows.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        if line.number in headings:
            yield from flush()
            yield _token("HEADING", HeadingLine(heading=headings[line.number], line=line), line.number)
            ctx.table = 0
            i += 1
            continue
        if line.blank:
            if ctx.table:
                rows.append(TableLine(number=line.number, cells=(), blank=True))
            i += 1
            continue
        if ctx.table and _PAGE_MARK.match(line.norm):
            i += 1
            continue
        source_cells, i_next = _joined_cells(lines, i, headings)
        kind, cells = _read_line(line, source_cells, labels, ctx)
        if kind == "ROW":
            rows.append(TableLine(number=line.number, cells=tuple(cells), text=line.text, grid=line.grid))
        elif kind is not None:
            yield from flush()
            if kind == "TEXT":
                yield _token(kind, line, line.number)
            else:
                yield _token(
                    kind,
                    TableLine(number=line.number, cells=tuple(cells), text=line.text, grid=line.grid),
                    line.number,
                )
        i = i_next
    yield from flush()


def _read_line(
    line: SourceLine, source_cells: Sequence[SourceCell], labels: Labels, ctx: _Context
) -> tuple[str | None, list[TableCell]]:
    """The line's token type (None: drop the line) and its cell tokens; updates ``ctx``."""
    if len(source_cells) == 1 and len(source_cells[0].norm) > 80:
        ctx.table = 0
        return "TEXT", []
    split, glued = _unglue(_split_spaced(source_cells, labels), labels)
    aligned = line.aligned and len(split) == len(source_cells)
    spans: list[tuple[int, int] | None] = [None] * len(split)
    if (
        line.pieces
        and len(split) == len(line.pieces)
        and all(c.norm == p.cell.norm for c, p in zip(split, line.pieces, strict=True))
    ):
        spans = [(p.start, p.end) for p in line.pieces]
    source_cells = split
    opens = _opened_table(source_cells, labels, ctx)
    trial = _Context(table=opens or ctx.table, table3_body=ctx.table3_body)
    cells = [
        _cell(line.number, k, c.text, c.norm, labels, trial, line.grid, aligned, spans[k])
        for k, c in enumerate(source_cells)
    ]
    for k in glued:
        cells[k] = attrs.evolve(cells[k], kind="VALUE", value=ValueReading(kind="glued"))
    is_table = _is_table_line(cells, line, ctx)
    if is_table is None:
        return None, []
    if not is_table:
        ctx.table = 0
        return "TEXT", []
    ctx.table3_body = trial.table3_body
    if opens and opens != ctx.table:
        ctx.table = opens
        return f"OPEN{opens}", cells
    return ("ROW" if ctx.table else "LOOSE"), cells


def _opened_table(cells: Sequence[SourceCell], labels: Labels, ctx: _Context) -> int:
    """The table a line belongs to by its first unambiguous label (0: none)."""
    for cell in cells:
        if not cell.norm or len(cell.norm) > 80 or is_value_like(cell.norm):
            continue
        options = labels.classify(cell.norm)
        tables = {o.table for o in options}
        if len(tables) == 1:
            return tables.pop()
        if options and ctx.table in tables:
            return ctx.table
    return 0


class _PassThrough(Lexer):
    """Lark's lexer slot: the tokens are made by :func:`tokenize`, so it only hands them on."""

    __future_interface__ = 0

    def __init__(self, lexer_conf: Any) -> None:
        pass

    def lex(self, data: Any) -> Iterator[Token]:  # type: ignore[override]
        return iter(data)


def build_parser(transformer: Any = None) -> Lark:
    """The LALR parser for ``grammar.lark``, with a transformer applied while parsing.

    ``strict=True``: building fails on any grammar conflict."""
    return Lark.open_from_package(
        "gov_disclosure",
        "grammar.lark",
        parser="lalr",
        lexer=_PassThrough,
        strict=True,
        transformer=transformer,
    )
