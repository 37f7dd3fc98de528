"""Stage 4a: table lines -> rows: which label each run of values belongs to.

Rows are recognised by their labels, never by position: a row is a row label followed by
the values up to the next label. Line ends matter only where the layout says a row ends
(a line of several cells, or a blank line in one-cell-per-line conversions); a label
alone on its line takes the values of the lines after it. Group labels, drifted or
spaced-out labels and padding cells therefore need no special case. Table 4 has no row
labels: its values are the one data row after its headers.

The *run* of a row is its values from the first printed one to the last; empty cells
inside the run are blanks, the others are padding (``contract.md``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Literal

import attrs

from gov_disclosure.formats import REVIEW_GROUPS, REVIEW_OUTCOMES
from gov_disclosure.labels import LabelInfo, Labels
from gov_disclosure.parser import TableCell
from gov_disclosure.transform import Document, TableBlock
from gov_disclosure.values import ValueReading

__all__ = [
    "Header",
    "Item",
    "RowReading",
    "TableReading",
    "header_position",
    "read_tables",
    "review_group_order",
]

TABLE_NAMES = {2: "proactive", 3: "applications", 4: "review_litigation"}


@attrs.frozen(kw_only=True)
class Item:
    """One position of a row's run: a number, a blank (empty or ``—``), unreadable, or a
    run of digits glued to the row's label (one value or several)."""

    kind: Literal["number", "blank", "unreadable", "glued"]
    number: int | float | None
    text: str
    line: int
    unit: str | None = None
    column: str | None = None  # the column the item's position names (text laid out in columns)


@attrs.frozen(kw_only=True)
class RowReading:
    """A row as printed: its label, the label's line and its run of values.

    ``key`` is the row's key prefix, or ``None`` for a label the form does not have.
    ``group`` is set when a group label (``（六）其他处理``) carried values itself.
    """

    key: str | None
    label: str
    line: int
    items: tuple[Item, ...]
    exact: bool = True
    group: str | None = None
    kept: RowReading | None = None  # for a row printed twice: the reading kept instead
    grid: bool = False  # read from a real table's grid: empty slots are blanks


@attrs.frozen(kw_only=True)
class Header:
    """A column header as printed: the column it names, where, and under which block."""

    key: str
    line: int
    column: int  # the cell's place on its line; when positional, its column in the table
    positional: bool = False  # a markdown slot or a display column: comparable across lines
    block: str = ""  # table 2: the article of the block it heads


@attrs.frozen(kw_only=True)
class TableReading:
    """What one table of the report holds, before any arithmetic."""

    table: str
    present: bool
    line: int | None
    rows: tuple[RowReading, ...] = ()
    extra: tuple[RowReading, ...] = ()
    duplicates: tuple[RowReading, ...] = ()
    blocks: frozenset[str] = frozenset()
    data: RowReading | None = None  # table 4's data row
    foreign: int | None = None  # line of the first label only the other national form has
    block_forms: tuple[tuple[str, str | None], ...] = ()  # table 2: (article, the form its labels show)
    heads: tuple[str, ...] = ()  # the column headers of this format it prints, first printing each
    headers: tuple[Header, ...] = ()  # every column header printed (groups too), in reading order
    units: tuple[tuple[str, str], ...] = ()  # (column, unit) a header names: ("amount", "元")

    def row(self, key: str) -> RowReading | None:
        """The reading of the row with this key prefix, if printed."""
        return next((r for r in self.rows if r.key == key), None)


def _run(cells: Sequence[TableCell]) -> tuple[Item, ...]:
    """The run of value cells: from the first printed to the last, empties inside as blanks.
    In a real table's grid every slot counts: an empty one is a blank wherever it is."""
    printed = [i for i, c in enumerate(cells) if c.kind == "VALUE"]
    if _grid(cells):
        run = cells
    elif printed:
        run = cells[printed[0] : printed[-1] + 1]
    else:
        return ()
    items = []
    for cell in run:
        reading = cell.value
        if reading is None or cell.kind == "EMPTY" or reading.kind == "blank":
            items.append(Item(kind="blank", number=None, text=cell.text, line=cell.line))
        elif reading.kind in ("unreadable", "glued"):
            items.append(Item(kind=reading.kind, number=None, text=cell.text, line=cell.line))
        else:
            items.append(
                Item(kind="number", number=reading.number, text=cell.text, line=cell.line, unit=reading.unit)
            )
    return tuple(items)


def _positioned(
    items: tuple[Item, ...], cells: Sequence[TableCell], heads: Sequence[tuple[str, tuple[int, int]]]
) -> tuple[Item, ...]:
    """The items with the column each stands under, when text laid out in columns shows
    it for every one of them without doubt (a blank cell there leaves a gap)."""
    if not heads or len(items) != len(cells) or any(c.span is None for c in cells):
        return items
    columns = [_column_under(c.span, heads) for c in cells if c.span is not None]
    starts = [c.span[0] for c in cells if c.span is not None]
    if None in columns or len(set(columns)) != len(columns):
        return items
    order = {key: i for i, (key, _) in enumerate(sorted(heads, key=lambda h: h[1][0]))}
    if [order[c] for c in columns if c is not None] != sorted(order[c] for c in columns if c is not None):
        return items
    if starts != sorted(starts):
        return items
    return tuple(attrs.evolve(item, column=column) for item, column in zip(items, columns, strict=True))


def _column_under(span: tuple[int, int], heads: Sequence[tuple[str, tuple[int, int]]]) -> str | None:
    """The header a value stands under: the only header its span overlaps, when that
    header is also the nearest by centre. A value between headers, or under two, has no
    certain column (right-aligned numbers in a wide column, a cell spanning two)."""
    centre = (span[0] + span[1]) / 2
    distances = sorted((abs((start + end) / 2 - centre), key) for key, (start, end) in heads)
    overlapping = {key for key, (start, end) in heads if min(end, span[1]) > max(start, span[0])}
    near, key = distances[0]
    second = distances[1][0] if len(distances) > 1 else float("inf")
    return key if overlapping == {key} and near < second else None


def header_position(headers: Sequence[Header], key: str) -> tuple[int, int] | None:
    """Where the first printing of a header is: (line, column)."""
    first = next((h for h in headers if h.key == key), None)
    return None if first is None else (first.line, first.column)


def review_group_order(headers: Sequence[Header]) -> tuple[str, ...]:
    """Table 4's groups in the order the header prints them (the form's when it does not
    say): 行政诉讼 before 行政复议, 复议后起诉 before 未经复议直接起诉."""
    review = header_position(headers, "review")
    litigation = header_position(headers, "litigation") or header_position(headers, "litigation_direct")
    direct = header_position(headers, "litigation_direct")
    after = header_position(headers, "litigation_after_review")
    groups = ["litigation_direct", "litigation_after_review"]
    if direct is not None and after is not None and after < direct:
        groups.reverse()
    if review is not None and litigation is not None and litigation < review:
        return (*groups, "review")
    return ("review", *groups)


def _review_heads(
    heads: Sequence[tuple[str, tuple[int, int]]], groups: Sequence[str]
) -> list[tuple[str, tuple[int, int]]]:
    """Table 4's fifteen outcome headers as ``group.outcome`` columns, five per group in
    the printed group order: left to right when that gives each group all five; else in
    reading order (a layout engine that misplaces a header), but only when the groups are
    in the form's order (the review outcomes then come first, on the line above the
    litigation ones). None when neither holds."""
    outcomes = [(k, s) for k, s in heads if k in dict(REVIEW_OUTCOMES)]
    if len(outcomes) != len(REVIEW_GROUPS) * len(REVIEW_OUTCOMES):
        return []
    form_order = tuple(groups) == tuple(g for g, _ in REVIEW_GROUPS)
    for ordered, allowed in ((sorted(outcomes, key=lambda h: h[1][0]), True), (outcomes, form_order)):
        size = len(REVIEW_OUTCOMES)
        parts = [ordered[g * size : (g + 1) * size] for g in range(len(groups))]
        if allowed and all({k for k, _ in part} == set(dict(REVIEW_OUTCOMES)) for part in parts):
            return [
                (f"{group}.{key}", span)
                for group, part in zip(groups, parts, strict=True)
                for key, span in part
            ]
    return []


def _grid(cells: Sequence[TableCell]) -> bool:
    return bool(cells) and all(c.grid for c in cells)


# Text in a value's place that is not a number: 约1234, 12.5万, 十二, 1234., 1e3.
_NUMBER_LIKE = re.compile(
    r"^[约近超余共计多\d零〇一二三四五六七八九十百千万亿,.，．、\seE+\-元件个条项次%]+$"
)
_DIGITS = re.compile(r"[\d零〇一二三四五六七八九十百千万亿]")
_OTHER_HANDLING = (
    "applications.other_handling.overdue_correction",
    "applications.other_handling.overdue_fee",
)


# Headers over no single value column.
_SPANNING_HEADS = ("label", "applicant", "organisation", "litigation", *(g for g, _ in REVIEW_GROUPS))
_UNIT = re.compile(r"(万元|元)\W*$|单位\W*(万元|元)")


def _number_like(norm: str) -> bool:
    return bool(_NUMBER_LIKE.match(norm) and _DIGITS.search(norm))


@attrs.define
class _OpenRow:
    text: str
    norm: str
    line: int
    info: LabelInfo | None
    cells: list[TableCell] = attrs.field(factory=list)
    laid_out: bool = False  # the label is a piece of text laid out in columns

    @property
    def has_values(self) -> bool:
        return any(c.kind == "VALUE" for c in self.cells)


class _Assembler:
    """Walks one table's cells in reading order and cuts them into rows."""

    def __init__(self, labels: Labels, kind: int) -> None:
        self.labels = labels
        self.kind = kind
        self.head_spans: dict[str, list[tuple[str, tuple[int, int]]]] = {}  # block -> (column, span)
        self._block = ""
        self.current: _OpenRow | None = None
        self.rows: list[RowReading] = []
        self.extra: list[RowReading] = []
        self.orphans: list[list[TableCell]] = []
        self.blocks: set[str] = set()
        self.name = labels.name
        self.foreign: int | None = None
        self.block_forms: list[tuple[str, str | None]] = []
        self.heads: dict[str, int] = {}  # column header -> line, in reading order
        self.headers: list[Header] = []
        self.units: dict[str, str] = {}
        self.value_column: int | None = None  # in an aligned table: the first value column
        self._orphan_run: list[TableCell] = []
        self._group: str | None = None
        self._previous: str | None = None

    def feed(self, blocks: Iterable[TableBlock]) -> None:
        for block in blocks:
            for line in block.lines:
                for cell in line.cells:
                    self._cell(cell)
                if line.ends_row:
                    self._row_break()
            self._row_break()
        self._close()
        self._end_orphans()

    def _cell(self, cell: TableCell) -> None:
        if cell.kind in ("VALUE", "EMPTY"):
            if self.current is not None:
                self.current.cells.append(cell)
            else:
                self._orphan_run.append(cell)
            return
        if cell.kind == "TEXTCELL" and _number_like(cell.norm):
            # printed in a value's place but not a number: an unreadable value
            self._cell(attrs.evolve(cell, kind="VALUE", value=ValueReading(kind="unreadable")))
            return
        self._end_orphans()
        form = cell.label.form if cell.label is not None else None
        if form is not None and form != self.name and self.foreign is None:
            self.foreign = cell.line
        if cell.kind != "BLOCK" and form is not None and cell.label is not None and cell.label.table == 2:
            # The first label only one form has tells which form the block follows.
            if not self.block_forms:
                self.block_forms.append(("", form))
            elif self.block_forms[-1][1] is None:
                self.block_forms[-1] = (self.block_forms[-1][0], form)
        if cell.kind == "BLOCK" and cell.label is not None:
            self._close()
            self._block = cell.label.key
            self.blocks.add(cell.label.key)
            self.block_forms.append((cell.label.key, form))
        elif cell.kind in ("HEAD", "NOTE"):
            self._close()
            if cell.label is not None and cell.label.form in (None, self.name):
                self.heads.setdefault(cell.label.key, cell.line)
                if cell.kind == "HEAD" and cell.label.table == self.kind and cell.label.key != "label":
                    self.headers.append(
                        Header(
                            key=cell.label.key,
                            line=cell.line,
                            column=cell.column if cell.span is None else cell.span[0],
                            positional=cell.aligned or cell.span is not None,
                            block=self._block,
                        )
                    )
                if (
                    cell.span is not None
                    and cell.kind == "HEAD"
                    and cell.label.table == self.kind
                    and cell.label.key not in _SPANNING_HEADS
                ):
                    self._head_span(cell.label.key, cell.span)
                if (
                    cell.aligned
                    and cell.kind == "HEAD"
                    and cell.label.table == 3
                    and cell.label.key not in _SPANNING_HEADS
                ):
                    first = self.value_column
                    self.value_column = cell.column if first is None else min(first, cell.column)
                unit = _UNIT.search(cell.norm)
                if unit:
                    self.units.setdefault(cell.label.key, unit.group(1) or unit.group(2))
        elif cell.kind in ("GROUP", "LABEL", "TEXTCELL"):
            if cell.kind == "GROUP" and cell.label is not None:
                self._group = cell.label.key
            self._label(cell)

    def _head_span(self, key: str, span: tuple[int, int]) -> None:
        """Record where a header stands. A header printed again (repeated after a page
        break) starts over: the rows below stand under the latest printing."""
        spans = self.head_spans.setdefault(self._block, [])
        times = sum(1 for k, _ in spans if k == key)
        if times >= (len(REVIEW_GROUPS) if self.kind == 4 else 1):
            spans.clear()
        spans.append((key, span))

    def _label(self, cell: TableCell) -> None:
        current = self.current
        if current is not None and not current.has_values and cell.kind != "GROUP":
            joined = self._join(current, cell)
            if joined is not None:
                self.current = joined
                return
            if cell.kind == "TEXTCELL" and current.info is not None and current.info.role == "row":
                return  # a fragment of text beside a row label: not a row of its own
        self._close()
        self.current = _OpenRow(
            text=cell.text, norm=cell.norm, line=cell.line, info=cell.label, laid_out=cell.span is not None
        )

    def _join(self, current: _OpenRow, cell: TableCell) -> _OpenRow | None:
        """The label continued in the next cell (``5.要求行政机关确认或重新`` / ``出具已获取信息``)."""
        if current.info is not None and current.info.exact:
            return None
        norm = current.norm + cell.norm
        rows = [o for o in self.labels.classify(norm) if o.role == "row"]
        if len(rows) != 1 or (cell.label is not None and cell.label.exact):
            return None
        return _OpenRow(
            text=current.text + cell.text,
            norm=norm,
            line=current.line,
            info=rows[0],
            cells=current.cells,
            laid_out=current.laid_out,
        )

    def _foreign(self, info: LabelInfo) -> bool:
        """A row the other national form prints: its label, or the block it stands in."""
        if info.form not in (None, self.name):
            return True
        if info.table != 2 or not self.block_forms:
            return False
        return self.block_forms[-1][1] not in (None, self.name)

    def _row_break(self) -> None:
        if self.current is not None and self.current.has_values:
            self._close()
        self._end_orphans()

    def _end_orphans(self) -> None:
        if self._orphan_run:
            self.orphans.append(self._orphan_run)
            self._orphan_run = []

    def _close(self) -> None:
        current, self.current = self.current, None
        if current is None:
            return
        cells = current.cells
        if self.value_column is not None and cells and all(c.aligned for c in cells):
            # An aligned table's empty slots left of its first value column are label columns.
            cells = [c for c in cells if c.column >= self.value_column or c.kind != "EMPTY"]
        heads = self.head_spans.get(self._block, [])
        items = _positioned(_run(cells), cells, heads)
        if (
            not items
            and current.laid_out
            and heads
            and current.info is not None
            and current.info.role == "row"
        ):
            # Laid out in columns under placed headers, a row with no value leaves every
            # column a gap: blanks, as empty slots of a real table are.
            items = tuple(
                Item(kind="blank", number=None, text="", line=current.line, column=key)
                for key in dict.fromkeys(key for key, _ in heads)
            )
        grid = _grid(cells)
        info = current.info
        if (
            info is not None
            and info.key == "applications.other_handling.other"
            and not (self._group == "other_handling" or self._previous in _OTHER_HANDLING)
        ):
            info = None  # a bare 其他 outside （六）其他处理: a local row, not 3.其他
        if info is not None and self._foreign(info):
            info = None  # a row of the other national form: kept aside, never in a key
        if info is not None and info.role == "row":
            self._previous = info.key
            self.rows.append(
                RowReading(
                    key=info.key,
                    label=current.text,
                    line=current.line,
                    items=items,
                    exact=info.exact,
                    grid=grid,
                )
            )
        elif items and info is not None and info.role == "group":
            self.extra.append(
                RowReading(key=None, label=current.text, line=current.line, items=items, group=info.key)
            )
        elif items:
            self.extra.append(RowReading(key=None, label=current.text, line=current.line, items=items))


def _read(kind: int, blocks: Sequence[TableBlock], labels: Labels) -> TableReading:
    name = TABLE_NAMES[kind]
    if not blocks:
        return TableReading(table=name, present=False, line=None)
    assembler = _Assembler(labels, kind)
    assembler.feed(blocks)
    by_key: dict[str, list[RowReading]] = {}
    for row in assembler.rows:
        if row.key is None or row.key.split(".")[0] != name:
            continue  # a label of another table, strayed in: it has its own table
        by_key.setdefault(row.key, []).append(row)
    rows: list[RowReading] = []
    duplicates: list[RowReading] = []
    for readings in by_key.values():
        # A row printed twice: keep the reading with values and an exact label, else the first.
        kept = min(readings, key=lambda r: (not r.items, not r.exact, r.line))
        rows.append(kept)
        duplicates += [attrs.evolve(r, kept=kept) for r in readings if r is not kept]
    rows.sort(key=lambda r: r.line)
    extra = list(assembler.extra)
    data = None
    grid = any(_grid(run) for run in assembler.orphans)
    runs = [_run(run) for run in assembler.orphans]
    runs = [r for r in runs if r and any(i.kind != "blank" or i.text for i in r)]
    if kind == 4:
        if runs:
            orphans = [c for run in assembler.orphans for c in run]
            items = tuple(i for r in runs for i in r)
            heads = _review_heads(assembler.head_spans.get("", []), review_group_order(assembler.headers))
            if len(items) == len(orphans):  # every cell a value: positions can name columns
                items = _positioned(items, orphans, heads)
            data = RowReading(key=name, label="", line=runs[0][0].line, items=items, grid=grid)
    else:
        extra += [RowReading(key=None, label="", line=r[0].line, items=r) for r in runs]
    extra.sort(key=lambda r: r.line)
    return TableReading(
        table=name,
        present=True,
        line=blocks[0].first_line,
        rows=tuple(rows),
        extra=tuple(extra),
        duplicates=tuple(duplicates),
        blocks=frozenset(assembler.blocks),
        data=data,
        foreign=assembler.foreign,
        block_forms=tuple(assembler.block_forms),
        heads=tuple(assembler.heads),
        headers=tuple(assembler.headers),
        units=tuple(assembler.units.items()),
    )


def read_tables(document: Document, labels: Labels) -> dict[str, TableReading]:
    """Each table's rows, keyed by table name (``proactive``, ``applications``, …)."""
    return {TABLE_NAMES[kind]: _read(kind, document.tables_of(kind), labels) for kind in (2, 3, 4)}
