"""Stage 4b: rows -> cells: put each printed value in its column, derive what is certain.

A row whose run has as many values as the row has columns is placed as printed. A row
with fewer values (*short*) or more (*long*) has several *placements*: the values in order
over the columns, leaving gaps or dropping values. Blanks (empty cells, ``—``, ``无``)
and gaps are unknowns. For each combination of placements the unknowns are filled by
propagation through the format's relations: a row's own 总计 first, then the column
sums. A placement is *possible* when it breaks no relation beyond those that fail for
every placement (the report not adding up somewhere). A cell is *certain* when every
possible placement gives it the same value; certain cells are kept, the others are null
with an error. This module implements the rules of ``contract.md``, "Reading cells".
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Literal

import attrs

from gov_disclosure.formats import FormatSpec, Relation, TableRow
from gov_disclosure.model import Cell, Diagnostic, ExtraRow, Severity
from gov_disclosure.order import column_order
from gov_disclosure.tables import Item, RowReading, TableReading
from gov_disclosure.values import read_value

__all__ = ["Placed", "place_cells"]

Number = int | float
# Combinations of placements tried jointly; past this, rows are decided one at a time.
MAX_COMBINATIONS = 4096
_PRIORITY = {"row": 0, "sum": 0, "leaves": 1, "balance": 2}
TABLE_TITLES = {
    "proactive": "表二 (主动公开政府信息情况)",
    "applications": "表三 (收到和处理政府信息公开申请情况)",
    "review_litigation": "表四 (行政复议、行政诉讼情况)",
}


@attrs.frozen(kw_only=True)
class Slot:
    """What a placement puts in one column of a row."""

    kind: Literal["read", "blank", "gap", "unreadable"]
    item: Item | None = None


@attrs.frozen(kw_only=True)
class Placed:
    """The cells of the three tables, the rows no key holds, and what was doubtful."""

    cells: dict[str, Cell]
    extra_rows: tuple[ExtraRow, ...]
    diagnostics: tuple[Diagnostic, ...]


def _diag(
    code: str,
    severity: Severity,
    key: str | None,
    line: int | None,
    message: str,
    cells: Iterable[str] = (),
) -> Diagnostic:
    return Diagnostic(code=code, severity=severity, key=key, line=line, message=message, cells=tuple(cells))


def _slots(items: Sequence[Item]) -> tuple[Slot, ...]:
    out = []
    for item in items:
        kind: Literal["read", "blank", "unreadable"] = (
            "read" if item.kind == "number" else "blank" if item.kind == "blank" else "unreadable"
        )
        out.append(Slot(kind=kind, item=item))
    return tuple(out)


def placements(items: Sequence[Item], width: int) -> list[tuple[Slot, ...]]:
    """Every placement of a run over ``width`` columns, the most natural first (gaps or
    dropped values at the end of the row)."""
    slots = _slots(items)
    if len(slots) == width:
        return [slots]
    if len(slots) < width:
        out = []
        for gaps in sorted(itertools.combinations(range(width), width - len(slots)), reverse=True):
            values = iter(slots)
            out.append(tuple(Slot(kind="gap") if col in gaps else next(values) for col in range(width)))
        return out
    out = []
    for dropped in sorted(itertools.combinations(range(len(slots)), len(slots) - width), reverse=True):
        out.append(tuple(s for i, s in enumerate(slots) if i not in dropped))
    return out


def _count(items: int, width: int) -> int:
    return math.comb(max(items, width), min(items, width)) if items != width else 1


# --- propagation ------------------------------------------------------------------------

_ABSENT = object()


@attrs.frozen
class _Compiled:
    """A relation with its constant cells summed: ``const + sum(sign * x) == 0`` over the
    variable cells ``terms``."""

    rule: str
    const: Number
    terms: tuple[tuple[str, int], ...]


def _compile(
    relations: Sequence[Relation], base: Mapping[str, Number | None], variable: set[str]
) -> list[_Compiled]:
    """Relations through a variable cell, with every other cell's value folded in.
    A relation through a cell the report lacks is left out: it cannot be evaluated."""
    out = []
    for rel in relations:
        const: Number = 0
        terms: list[tuple[str, int]] = []
        for keys, sign in ((rel.left, 1), (rel.right, -1)):
            for key in keys:
                if key in variable:
                    terms.append((key, sign))
                    continue
                value = base.get(key, _ABSENT)
                if value is _ABSENT:
                    break
                if value is None:  # a cell decided elsewhere: unknown here
                    terms.append((key, sign))
                    continue
                const += sign * value  # type: ignore[operator]
            else:
                continue
            break
        else:
            if terms:
                out.append(_Compiled(rule=rel.rule, const=const, terms=tuple(terms)))
    return out


def _residual(
    values: Mapping[str, Number | None], rel: _Compiled
) -> tuple[list[tuple[str, int]] | None, Number]:
    """Unknown cells with their signs, and the known part of ``left - right``.
    ``None`` for the unknowns when a cell of the relation is unreadable."""
    unknown: list[tuple[str, int]] = []
    residual = rel.const
    for key, sign in rel.terms:
        value = values.get(key, _ABSENT)
        if value is _ABSENT:
            return None, 0
        if value is None:
            unknown.append((key, sign))
        else:
            residual += sign * value  # type: ignore[operator]
    return unknown, residual


def _propagate(
    values: dict[str, Number | None], relations: Sequence[_Compiled], blanks: set[str]
) -> frozenset[str]:
    """Fill unknowns (``None``) in place; return the relations this filling breaks."""
    violated: set[str] = set()
    progress = True
    while progress:
        progress = False
        for rel in relations:
            if rel.rule in violated:
                continue
            unknown, residual = _residual(values, rel)
            if not unknown:
                continue
            if len(unknown) == 1:
                key, coef = unknown[0]
                x = -residual * coef
                if x < 0 or x != int(x):
                    violated.add(rel.rule)
                    continue
                values[key] = int(x)
                progress = True
            elif len({c for _, c in unknown}) == 1:
                rest = -residual * unknown[0][1]
                if rest == 0:
                    for key, _ in unknown:
                        values[key] = 0
                    progress = True
                elif rest < 0:
                    violated.add(rel.rule)
    _zero_blanks(values, relations, {k for k in blanks if values.get(k, _ABSENT) is None})
    failed = set(violated)
    for rel in relations:
        unknown, residual = _residual(values, rel)
        if unknown == [] and abs(residual) > 1e-6:
            failed.add(rel.rule)
    return frozenset(failed)


def _zero_blanks(
    values: dict[str, Number | None], relations: Sequence[_Compiled], open_blanks: set[str]
) -> None:
    """Blanks the propagation left open are 0 where every relation through them is seen
    to hold with 0. A relation that fails, or that still has an unknown and so cannot be
    seen to hold, leaves its blanks open (null). Repeated until nothing changes, so the
    result does not depend on the order of the relations."""
    zeroed = set(open_blanks)
    for key in zeroed:
        values[key] = 0
    through = [rel for rel in relations if any(k in zeroed for k, _ in rel.terms)]
    changed = True
    while changed:
        changed = False
        for rel in through:
            mine = [k for k, _ in rel.terms if k in zeroed]
            if not mine:
                continue
            unknown, residual = _residual(values, rel)
            if unknown is None or unknown or abs(residual) > 1e-6:
                for key in mine:
                    values[key] = None
                    zeroed.discard(key)
                changed = True


# --- one table --------------------------------------------------------------------------


@attrs.define
class _RowPlan:
    row: TableRow
    reading: RowReading
    options: list[tuple[Slot, ...]]
    glued: Item | None = None  # a run of digits glued to the label: the options are its splits
    no_options: str = "there are too many ways to place its values"  # why, when there are none
    defective: bool = attrs.field(
        init=False,
        default=attrs.Factory(
            lambda self: self.glued is not None or len(self.reading.items) != len(self.row.columns),
            takes_self=True,
        ),
    )


class _TableSolver:
    """Places the rows of one table and decides each cell."""

    def __init__(
        self,
        plans: list[_RowPlan],
        relations: Sequence[Relation],
        fixed: Mapping[str, Number],
        money: Mapping[str, str | None] | None = None,
    ) -> None:
        self.plans = plans
        self.fixed = dict(fixed)
        self.money = dict(money or {})  # money cell -> the unit its column header names
        self.cells: dict[str, Cell] = {}
        self.diagnostics: list[Diagnostic] = []
        # Only relations through a cell that is not a plain printed number can change
        # anything; the others are the same for every placement.
        variable: set[str] = set()
        for plan in plans:
            if plan.defective:
                variable.update(plan.row.cells)
            else:
                slots = zip(plan.row.cells, plan.options[0], strict=True)
                variable.update(key for key, slot in slots if slot.kind != "read")
        ordered = sorted(relations, key=lambda r: _PRIORITY[r.kind])
        self.relations = [r for r in ordered if any(k in variable for k in r.cells)]
        self.all_relations = ordered
        self._read: dict[str, Number] | None = None

    def solve(self) -> None:
        every_defective = [p for p in self.plans if p.defective]
        for plan in [p for p in every_defective if not p.options]:
            self._give_up(plan, plan.no_options)
        defective = [p for p in every_defective if p.options]
        exact = [p for p in self.plans if not p.defective]
        joint = math.prod(len(p.options) for p in defective) <= MAX_COMBINATIONS
        groups = [defective] if joint else [[p] for p in defective]
        exact_values: dict[str, Number | None] | None = None
        for group in groups:
            others = [p for p in every_defective if p not in group]
            choice, values = self._decide(group, others)
            if choice is None:
                for plan in group:
                    self._give_up(plan, "no placement of its values fits the table's arithmetic")
                continue
            for plan in group:
                self._emit(plan, choice[plan.row.key], values)
            if joint:
                exact_values = values
        if exact_values is None:
            _, exact_values = self._decide([], every_defective)
        for plan in exact:
            self._emit(plan, plan.options[0], exact_values)

    def _base(self, skip: Sequence[_RowPlan]) -> tuple[dict[str, Number | None], set[str]]:
        values: dict[str, Number | None] = dict(self.fixed)
        blanks: set[str] = set()
        skipped = {p.row.key for p in skip}
        for plan in self.plans:
            if plan.row.key in skipped:  # decided on its own: its cells are unknowns here
                values.update(dict.fromkeys(plan.row.cells))
                continue
            if plan.defective:
                continue
            for key, slot in zip(plan.row.cells, plan.options[0], strict=True):
                self._set(values, blanks, key, slot)
        return values, blanks

    @staticmethod
    def _set(values: dict[str, Number | None], blanks: set[str], key: str, slot: Slot) -> None:
        if slot.kind == "read" and slot.item is not None:
            values[key] = slot.item.number
        elif slot.kind == "unreadable":
            values.pop(key, None)  # printed but unreadable: no relation through it is used
        else:
            values[key] = None
            if slot.kind == "blank":
                blanks.add(key)

    def _decide(
        self, group: Sequence[_RowPlan], skip: Sequence[_RowPlan]
    ) -> tuple[dict[str, tuple[Slot, ...]] | None, dict[str, Number | None]]:
        """Try every combination of the group's placements; keep the certain values."""
        base, base_blanks = self._base(skip)
        unknown = {k for k, v in base.items() if v is None}  # blanks, and rows decided elsewhere
        variable = unknown | {k for plan in group for k in plan.row.cells}
        compiled = _compile(self.relations, base, variable)
        start: dict[str, Number | None] = dict.fromkeys(unknown)
        results = []
        for combo in itertools.product(*(p.options for p in group)):
            values = dict(start)
            blanks = set(base_blanks)
            for plan, option in zip(group, combo, strict=True):
                for key, slot in zip(plan.row.cells, option, strict=True):
                    self._set(values, blanks, key, slot)
            failed = _propagate(values, compiled, blanks)
            results.append((combo, values, failed))
        always = frozenset.intersection(*(f for _, _, f in results))
        possible = [(c, v) for c, v, f in results if f <= always]
        if not possible:
            return None, {}
        combo, first = possible[0]
        certain: dict[str, Number | None] = dict(base)
        for key in variable:
            value = first.get(key)
            same = all(v.get(key) == value for _, v in possible[1:])
            certain[key] = value if same else None
        choice = {plan.row.key: option for plan, option in zip(group, combo, strict=True)}
        return choice, certain

    def _row_diagnostic(self, plan: _RowPlan, severity: Severity, why: str, cells: Sequence[str]) -> None:
        code = "row.short" if len(plan.reading.items) < len(plan.row.columns) else "row.long"
        message = f"{_row_words(plan)}; {why}"
        if plan.glued is not None:
            code = "cell.glued"
            label = plan.reading.label or plan.row.label
            message = f"row {label!r} prints its values as one run of digits {plan.glued.text!r}; "
            message += why.replace("placement", "split")
        self.diagnostics.append(_diag(code, severity, plan.row.key, plan.reading.line, message, cells))

    def _give_up(self, plan: _RowPlan, why: str) -> None:
        for key in plan.row.cells:
            self.cells[key] = Cell.null()
        self._row_diagnostic(plan, "error", f"{why}, so its cells are left empty", plan.row.cells)

    def _emit(self, plan: _RowPlan, option: tuple[Slot, ...], values: Mapping[str, Number | None]) -> None:
        nulls: list[str] = []
        derived: list[str] = []
        for key, slot in zip(plan.row.cells, option, strict=True):
            cell = self._cell(plan, key, slot, values.get(key))
            self.cells[key] = cell
            if cell.value is None:
                nulls.append(key)
            elif slot.kind == "gap":
                derived.append(key)
        if not plan.defective:
            return
        if nulls:
            arithmetic = any(k in rel.cells for rel in self.all_relations for k in plan.row.cells)
            why = (
                f"the placements that fit the arithmetic disagree on {len(nulls)} cell(s), left empty"
                if arithmetic
                else "no arithmetic relates its cells, so where each value belongs is unknown: left empty"
            )
            self._row_diagnostic(plan, "error", why, nulls)
        else:
            why = "every placement that fits the arithmetic gives the same values"
            short = len(plan.reading.items) < len(plan.row.columns)
            if derived:
                why += f", {len(derived)} derived"
            cells = derived if short else plan.row.cells
            if plan.glued is not None:
                printed = {id(item) for item in plan.reading.items}
                cells = [
                    k
                    for k, slot in zip(plan.row.cells, option, strict=True)
                    if slot.item is not None and id(slot.item) not in printed
                ]
            self._row_diagnostic(plan, "warning", why, cells)

    def _uncertain(self, key: str, line: int | None, message: str) -> Cell:
        """A null cell, with the ``cell.uncertain`` error that says why."""
        self.diagnostics.append(_diag("cell.uncertain", "error", key, line, message, [key]))
        return Cell.null()

    def _cell(self, plan: _RowPlan, key: str, slot: Slot, value: Number | None) -> Cell:
        item = slot.item
        if slot.kind == "read" and item is not None:
            if value is None:
                return Cell.null()
            if key in self.money:
                return self._money(key, item)
            if isinstance(item.number, float):
                return self._uncertain(key, item.line, f"{item.text!r} is not a whole number")
            if item.unit is not None:
                message = f"{item.text!r} read as {item.number} (a count; the unit {item.unit} dropped)"
                self.diagnostics.append(_diag("cell.unit", "info", key, item.line, message))
            return Cell(value=item.number, how="read", line=item.line, text=item.text)
        if slot.kind == "unreadable" and item is not None:
            return self._uncertain(key, item.line, f"{item.text!r} is not a number")
        if slot.kind == "gap":
            if value is None:
                return Cell.null()
            return Cell(value=value, how="derived", line=plan.reading.line, text="")
        assert item is not None
        conflict = self._conflicting(key)
        if value is None or conflict:
            self.diagnostics.append(
                _diag(
                    "cell.uncertain",
                    "error",
                    key,
                    item.line,
                    "blank cell whose value the arithmetic does not fix"
                    + (f" ({conflict})" if conflict else ""),
                    [key],
                )
            )
            return Cell.null()
        if value == 0:
            self.diagnostics.append(
                _diag(
                    "cell.blank", "info", key, item.line, f"blank cell {item.text or '(empty)'!s} read as 0"
                )
            )
            return Cell(value=0, how="blank", line=item.line, text=item.text)
        printed = f"{item.text!r}" if item.text else "an empty cell"
        self.diagnostics.append(
            _diag(
                "cell.derived",
                "warning",
                key,
                item.line,
                f"blank ({printed}), but the arithmetic gives {value}",
            )
        )
        return Cell(value=value, how="derived", line=plan.reading.line, text="")

    def _money(self, key: str, item: Item) -> Cell:
        """A money cell in 万元: converted when the cell or its header prints 元."""
        assert item.number is not None
        unit = item.unit or self.money.get(key)
        if unit == "元":
            self.diagnostics.append(
                _diag("cell.unit", "warning", key, item.line, f"{item.text!r} in 元, converted to 万元")
            )
            return Cell(value=item.number / 10000, how="read", line=item.line, text=item.text)
        if unit is None and key.endswith("procurement.amount"):
            self.diagnostics.append(
                _diag("cell.unit", "info", key, item.line, f"{item.text!r}: no unit printed, read as 万元")
            )
        return Cell(value=item.number, how="read", line=item.line, text=item.text)

    def _conflicting(self, key: str) -> str:
        """A blank on which two relations, each fully printed but for it, disagree."""
        implied: dict[Number, str] = {}
        read = self._read_values()
        for rel in self.all_relations:
            if key not in rel.cells:
                continue
            others = [k for k in rel.cells if k != key]
            if not all(k in read for k in others):
                continue
            left = sum(read[k] for k in rel.left if k != key)
            right = sum(read[k] for k in rel.right if k != key)
            value = right - left if key in rel.left else left - right
            if value >= 0 and value == int(value):  # a relation no count can satisfy fails anyway
                implied[value] = rel.rule
        if len(implied) > 1:
            return "relations " + " and ".join(sorted(implied.values())) + " disagree"
        return ""

    def _read_values(self) -> dict[str, Number]:
        if self._read is not None:
            return self._read
        read: dict[str, Number] = {}
        for plan in self.plans:
            if plan.defective:
                continue
            for key, slot in zip(plan.row.cells, plan.options[0], strict=True):
                if slot.kind == "read" and slot.item is not None and slot.item.number is not None:
                    read[key] = slot.item.number
        read.update(self.fixed)
        self._read = read
        return read


def _row_words(plan: _RowPlan) -> str:
    n, width = len(plan.reading.items), len(plan.row.columns)
    label = plan.reading.label or plan.row.label
    return f"row {label!r} has {n} value{'s' if n != 1 else ''} for {width} column{'s' if width != 1 else ''}"


# --- the whole report -------------------------------------------------------------------


def _check_values(plan_items: Sequence[Item]) -> tuple[Item, ...]:
    """Counts must be whole numbers: a fraction in a count cell is unreadable."""
    out = []
    for item in plan_items:
        if item.kind == "number" and isinstance(item.number, float):
            out.append(attrs.evolve(item, kind="unreadable", number=None))
        else:
            out.append(item)
    return tuple(out)


def _rows_of(spec: FormatSpec, table: str) -> list[TableRow]:
    return [r for r in spec.rows if r.table == table]


def _undivided(
    spec: FormatSpec, reading: TableReading, found: set[str]
) -> tuple[dict[str, Cell], list[Diagnostic]]:
    """A 2021 report printing （六）其他处理 as one row: its three rows' cells."""
    rows = [r for r in _rows_of(spec, "applications") if r.group == "other_handling"]
    merged = next((e for e in reading.extra if e.group == "other_handling"), None)
    if merged is None or not rows or any(r.key in found for r in rows):
        return {}, []
    keys = [k for r in rows for k in r.cells]
    zeros = all(i.kind == "blank" or i.number == 0 for i in merged.items)
    cells = {
        k: Cell(value=0, how="derived", line=merged.line, text="") if zeros else Cell.null() for k in keys
    }
    message = f"（六）其他处理 is printed as one row (line {merged.line}); its three rows " + (
        "are all zero" if zeros else "are unknown"
    )
    return cells, [
        _diag("row.undivided", "warning", "applications.other_handling", merged.line, message, keys)
    ]


def place_cells(
    spec: FormatSpec, readings: Mapping[str, TableReading], heading_lines: Mapping[str, int]
) -> Placed:
    """Decide every cell of the format from the tables' row readings."""
    cells: dict[str, Cell] = {}
    diagnostics: list[Diagnostic] = []
    extra_rows: list[ExtraRow] = []
    for table, reading in readings.items():
        rows = _rows_of(spec, table)
        for row in rows:
            cells.update(dict.fromkeys(row.cells, Cell.null()))
        if not reading.present:
            diagnostics.append(
                _diag(
                    "table.missing",
                    "warning",
                    table,
                    heading_lines.get(table),
                    f"{TABLE_TITLES[table]} is not in the report",
                )
            )
            continue
        printed = column_order(table, rows, reading)
        diagnostics += printed.diagnostics
        order = "" if printed.columns else _column_order(spec, table, reading.heads)
        if order:
            keys = [k for row in rows for k in row.cells]
            diagnostics.append(_diag("columns.order", "warning", table, reading.line, order, keys))
        if table == "review_litigation":
            placed, found = _review_plan(rows, reading, printed.columns), {"review_litigation"}
        else:
            rows_read = [attrs.evolve(r, columns=printed.columns.get(r.key, r.columns)) for r in rows]
            placed = _plans(spec, rows_read, reading, diagnostics)
            found = {r.key for r in reading.rows if r.key}
        fixed_cells, undivided = _undivided(spec, reading, found) if table == "applications" else ({}, [])
        cells.update(fixed_cells)
        diagnostics += undivided
        diagnostics += _missing(
            spec, table, reading, rows, found | {k.rsplit(".", 1)[0] for k in fixed_cells}
        )
        relations = [r for r in spec.relations if r.cells[0].startswith(table + ".")]
        fixed = {k: c.value for k, c in fixed_cells.items() if c.value is not None}
        units = dict(reading.units)
        money = {key: units.get(key.rsplit(".", 1)[1]) for key in spec.money if key.startswith(table + ".")}
        solver = _TableSolver(placed, relations, fixed, money)
        solver.solve()
        cells.update(solver.cells)
        diagnostics += solver.diagnostics
        extra_rows += _extra(table, reading, diagnostics)
    for key in spec.money:  # money is always a float of 万元, whatever was printed
        value = cells[key].value
        if value is not None:
            cells[key] = attrs.evolve(cells[key], value=float(value))
    return Placed(cells=cells, extra_rows=tuple(extra_rows), diagnostics=tuple(diagnostics))


# Column headers in the order the form prints them, per table (a header may be absent).
_COLUMN_ORDER = {
    "applications": ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org"),
    "review_litigation": ("upheld", "corrected", "other", "pending", "total"),
}


def _column_order(spec: FormatSpec, table: str, heads: Sequence[str]) -> str:
    """What is wrong with the order of column headers printed where the order could not be
    read (headers spread over lines or missing): "" if nothing."""
    if table == "proactive":  # every block's columns, block after block
        expected = tuple(dict.fromkeys(c for block in spec.blocks for c, _ in block.columns))
    else:
        expected = _COLUMN_ORDER[table]  # (table 3's 总计 is a merged cell: it may come first)
    printed = [h for h in heads if h in expected]
    if printed == sorted(printed, key=expected.index):
        return ""
    return (
        f"the column headers are printed in the order {', '.join(printed)}, not the form's, and the "
        "printed order cannot be read with certainty; the values are read in the form's order, which "
        "may put them in the wrong columns"
    )


def _fit_grid(items: tuple[Item, ...], width: int, table: str) -> tuple[Item, ...]:
    """A grid row with more slots than columns: its extra empty slots at either end are
    outside the value columns. Tables 3 and 4 put their values in the last columns (an
    empty slot first is a label column); table 2 right after the label (an empty slot
    last is under no header)."""

    def empty(item: Item) -> bool:
        return item.kind == "blank" and not item.text

    ends = (0, -1) if table != "proactive" else (-1, 0)
    for end in ends:
        while len(items) > width and empty(items[end]):
            items = items[1:] if end == 0 else items[:-1]
    return items


def _by_column(row: TableRow, reading: RowReading) -> RowReading:
    """A row whose every value stands under a header of one of the row's columns (text
    laid out in columns): one item per column, a column with no value a blank."""
    columns = [item.column for item in reading.items]
    if not columns or None in columns or not set(columns) <= set(row.columns):
        return reading
    if row.table == "proactive" and {row.columns[0], row.columns[-1]} - set(columns):
        return reading  # table 2 has no arithmetic: an empty end of a row stays padding (short)
    by_column = {item.column: item for item in reading.items}
    gap = Item(kind="blank", number=None, text="", line=reading.line)
    return attrs.evolve(reading, items=tuple(by_column.get(c, gap) for c in row.columns))


def _plan(row: TableRow, reading: RowReading, width: int) -> _RowPlan:
    reading = _by_column(row, reading)
    if reading.grid:
        reading = attrs.evolve(reading, items=_fit_grid(reading.items, width, row.table))
    fits = _count(len(reading.items), width) <= MAX_COMBINATIONS
    return _RowPlan(row=row, reading=reading, options=placements(reading.items, width) if fits else [])


def _splits(digits: str, parts: int) -> list[tuple[str, ...]] | None:
    """Every way to cut a run of digits into ``parts`` numbers (no leading zeros), or
    None when there are too many to try."""
    if parts > len(digits):
        return []
    if math.comb(len(digits) - 1, parts - 1) > MAX_COMBINATIONS:
        return None
    out = []
    for cuts in itertools.combinations(range(1, len(digits)), parts - 1):
        bounds = (0, *cuts, len(digits))
        pieces = tuple(digits[a:b] for a, b in itertools.pairwise(bounds))
        if all(p == "0" or not p.startswith("0") for p in pieces):
            out.append(pieces)
    return out


def _glued_plan(row: TableRow, reading: RowReading, diagnostics: list[Diagnostic]) -> _RowPlan | None:
    """A row whose label has its values glued on (``行政规范性文件8855698``): the run is
    cut into as many numbers as the row lacks, every way; the arithmetic decides which
    cut, if any, is certain. A run that has to be one number only (the row's other values
    fill its other columns) is read as that number."""
    glued = [i for i, item in enumerate(reading.items) if item.kind == "glued"]
    if not glued:
        return None
    items = list(reading.items)
    for i in glued[1:]:
        items[i] = attrs.evolve(items[i], kind="unreadable")
    at, run = glued[0], items[glued[0]]
    parts = max(1, len(row.columns) - (len(items) - 1))
    if parts == 1:
        value = read_value(run.text)
        items[at] = attrs.evolve(run, kind="number", number=value.number)
        message = f"{run.text!r} is printed without a separator after the row's label"
        diagnostics.append(_diag("cell.glued", "info", row.key, run.line, message))
        plain = attrs.evolve(reading, items=tuple(items))
        return _plan(row, plain, len(row.columns))
    splits = _splits(run.text, parts) if run.text.isdigit() else []
    options = []
    for pieces in splits or []:
        cut = [Item(kind="number", number=int(p), text=p, line=run.line) for p in pieces]
        options.append(_slots([*items[:at], *cut, *items[at + 1 :]]))
    why = "there are too many ways to cut it" if splits is None else f"it cannot be cut into {parts} numbers"
    return _RowPlan(
        row=row, reading=attrs.evolve(reading, items=tuple(items)), options=options, glued=run, no_options=why
    )


def _plans(
    spec: FormatSpec, rows: Sequence[TableRow], reading: TableReading, diagnostics: list[Diagnostic]
) -> list[_RowPlan]:
    """The rows of table 2 or 3 that the report prints, with their placements."""
    plans = []
    for row in rows:
        printed = reading.row(row.key)
        if printed is None:
            continue
        money = any(k in spec.money for k in row.cells)  # fractions are checked per cell there
        items = printed.items if money else _check_values(printed.items)
        read = attrs.evolve(printed, items=items)
        plans.append(_glued_plan(row, read, diagnostics) or _plan(row, read, len(row.columns)))
        if not printed.exact:
            diagnostics.append(
                _diag(
                    "label.variant", "info", row.key, printed.line, f"{printed.label!r} read as {row.label!r}"
                )
            )
    return plans


def _review_plan(
    rows: Sequence[TableRow], reading: TableReading, printed: Mapping[str, tuple[str, ...]]
) -> list[_RowPlan]:
    """Table 4 as one row of 15 cells over its three groups (in the printed order)."""
    if reading.data is None:
        return []
    columns = tuple(f"{r.key.split('.', 1)[1]}.{c}" for r in rows for c in r.columns)
    columns = printed.get("review_litigation", columns)
    whole = TableRow(
        table="review_litigation", key="review_litigation", label="行政复议、行政诉讼", columns=columns
    )
    data = attrs.evolve(reading.data, items=_check_values(reading.data.items))
    return [_plan(whole, data, len(columns))]


def _missing(
    spec: FormatSpec, table: str, reading: TableReading, rows: Sequence[TableRow], found: set[str]
) -> Iterator[Diagnostic]:
    """``block.missing`` and ``row.missing`` for what a present table lacks."""
    line = reading.line
    reported: set[str] = set()
    if table == "proactive":
        for block in spec.blocks:
            keys = [f"proactive.{name}" for name, _ in block.rows]
            if any(k in found for k in keys) or block.article in reading.blocks:
                continue
            reported.update(keys)
            cells = [c for k in keys for c in spec.row(k).cells]
            message = f"block 第二十条第（{block.article}）项 is not in the report"
            yield _diag("block.missing", "warning", "proactive", line, message, cells)
    if table == "review_litigation":
        if "review_litigation" not in found or reading.data is None:
            yield _diag("row.missing", "warning", table, line, "table 4 has no row of values")
        return
    for row in rows:
        if row.key not in found and row.key not in reported:
            yield _diag("row.missing", "warning", row.key, line, f"row {row.label!r} is not in the table")


def _extra(table: str, reading: TableReading, diagnostics: list[Diagnostic]) -> list[ExtraRow]:
    """Rows no key holds, each kept in ``extra_rows`` with a diagnostic."""
    out = []
    for row in reading.extra:
        out.append(_extra_row(table, row))
        if row.group == "other_handling":
            continue  # reported as row.undivided
        what = f"row {row.label!r}" if row.label else "values without a row label"
        diagnostics.append(
            _diag(
                "row.extra", "info", table, row.line, f"{what} is not a row of the form; kept in extra_rows"
            )
        )
    for row in reading.duplicates:
        out.append(_extra_row(table, row))
        kept = row.kept or row
        message = (
            f"row {row.label!r} is read as the same row as {kept.label!r} on line {kept.line}; "
            f"line {kept.line} is kept and this one goes to extra_rows"
        )
        diagnostics.append(_diag("row.duplicate", "warning", row.key, row.line, message, ()))
    out.sort(key=lambda r: r.line or 0)
    return out


def _extra_row(table: str, row: RowReading) -> ExtraRow:
    values = tuple(i.number if i.kind == "number" else None for i in row.items)
    return ExtraRow(table=table, label=row.label, line=row.line, values=values)
