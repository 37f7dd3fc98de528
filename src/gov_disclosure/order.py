"""The order in which a report prints its value columns, read from its headers.

Reports do not always print the form's column order (商业企业 after 科研机构, 总计 first in
table 4). Values are read in the printed order when the headers show it without doubt:
every column of the set printed, on one line, or one a line on consecutive lines (as
one-cell-per-line conversions write a row), or, in text laid out in columns and in
markdown tables, at known distinct positions. When no set of a table's columns can be
read this way but its headers are printed in another order than the form's, a warning
says so, and the values are read in the form's order.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from gov_disclosure.formats import REVIEW_GROUPS, REVIEW_OUTCOMES, TableRow
from gov_disclosure.model import Diagnostic
from gov_disclosure.tables import Header, TableReading, header_position, review_group_order

__all__ = ["ColumnOrder", "column_order"]

_OUTCOMES = tuple(key for key, _ in REVIEW_OUTCOMES)
_MERGED = ("natural_person", "total")  # table 3's headers two rows tall: not on the line of the others


@attrs.frozen
class ColumnOrder:
    """The printed order of each row's columns (by row key), and what to say about it."""

    columns: dict[str, tuple[str, ...]]
    diagnostics: tuple[Diagnostic, ...]


def _first(headers: Sequence[Header], keys: Sequence[str], block: str = "") -> list[Header]:
    seen: dict[str, Header] = {}
    for header in headers:
        if header.key in keys and header.block == block:
            seen.setdefault(header.key, header)
    return sorted(seen.values(), key=lambda h: (h.line, h.column))


def _read(headers: Sequence[Header], keys: Sequence[str]) -> tuple[str, ...] | None:
    """The keys in printed order, when every one is printed and their order is certain."""
    if len(headers) != len(keys):
        return None
    if all(h.positional for h in headers) and len({h.column for h in headers}) == len(headers):
        return tuple(h.key for h in sorted(headers, key=lambda h: h.column))
    if len({h.line for h in headers}) == 1:
        return tuple(h.key for h in sorted(headers, key=lambda h: h.column))
    lines = sorted(h.line for h in headers)
    if lines == list(range(lines[0], lines[0] + len(lines))):
        # One cell per line on consecutive lines: a converter writes a row's cells in order.
        return tuple(h.key for h in sorted(headers, key=lambda h: h.line))
    return None


def _applications(headers: Sequence[Header], columns: tuple[str, ...]) -> tuple[str, ...] | None:
    """Table 3: the five organisation columns as printed on their line; 自然人 before them
    and 总计 after, unless positions say otherwise or 总计 is read before 自然人."""
    every = _first(headers, columns)
    if (
        len(every) == len(columns)
        and all(h.positional for h in every)
        and len({h.column for h in every}) == len(every)
    ):
        return _read(every, columns)
    organisations = [c for c in columns if c not in _MERGED]
    printed = _read(_first(headers, organisations), organisations)
    if printed is None:
        return None
    person, total = header_position(headers, "natural_person"), header_position(headers, "total")
    if person is not None and total is not None and total < person:
        return ("total", "natural_person", *printed)  # 总计 printed first
    return ("natural_person", *printed, "total")


def _review(headers: Sequence[Header], columns: tuple[str, ...]) -> tuple[str, ...] | None:
    """Table 4: the groups and each group's outcomes as printed; ``group.outcome`` columns.
    The outcome headers are read line by line, five per group; when every group prints
    the same order (or one printing stands over all groups), which five belong to which
    group does not matter."""
    # In reading order: the form prints the review outcomes on one line and the litigation
    # ones on the next, so line by line, left to right.
    outcomes = sorted((h for h in headers if h.key in _OUTCOMES), key=lambda h: (h.line, h.column))
    size = len(_OUTCOMES)
    if len(outcomes) >= size * len(REVIEW_GROUPS):
        chunks = [outcomes[g * size : (g + 1) * size] for g in range(len(REVIEW_GROUPS))]
    elif len(outcomes) >= size:
        chunks = [outcomes[:size]] * len(REVIEW_GROUPS)
    else:
        return None
    orders = []
    for chunk in chunks:
        if {h.key for h in chunk} != set(_OUTCOMES):
            return None
        printed = _read(chunk, _OUTCOMES)
        if printed is None:
            return None
        orders.append(printed)
    groups = review_group_order(headers)
    form_groups = tuple(g for g, _ in REVIEW_GROUPS)
    if groups != form_groups and len(set(orders)) > 1:
        return None  # groups moved and outcomes in several orders: which is whose is unknown
    by_group = dict(zip(form_groups, orders, strict=True))
    order = [f"{group}.{key}" for group in groups for key in by_group[group]]
    return tuple(order) if set(order) == set(columns) else None


def column_order(table: str, rows: Sequence[TableRow], reading: TableReading) -> ColumnOrder:
    """The printed column order of the table's rows, read from its headers."""
    headers = reading.headers
    columns: dict[str, tuple[str, ...]] = {}
    diagnostics: list[Diagnostic] = []
    if table == "review_litigation":
        whole = tuple(f"{r.key.split('.', 1)[1]}.{c}" for r in rows for c in r.columns)
        sets = {"review_litigation": (whole, _review(headers, whole))}
    elif table == "applications":
        row_columns = rows[0].columns
        printed = _applications(headers, row_columns)
        sets = {row.key: (row.columns, printed) for row in rows}
    else:
        sets = {
            row.key: (row.columns, _read(_first(headers, row.columns, row.group or ""), row.columns))
            for row in rows
        }
    said: set[tuple[str, ...]] = set()
    for key, (form, printed) in sets.items():
        if printed is None or printed == form:
            continue
        columns[key] = printed
        if printed not in said:
            said.add(printed)
            names = ", ".join(c.rsplit(".", 1)[-1] for c in printed)
            if table == "review_litigation":
                groups = list(dict.fromkeys(c.split(".")[0] for c in printed))
                outcomes = [c.split(".")[1] for c in printed if c.startswith(groups[0] + ".")]
                names = f"{', '.join(groups)}, each {', '.join(outcomes)}"
            diagnostics.append(
                Diagnostic(
                    code="columns.order",
                    severity="info",
                    key=table,
                    line=reading.line,
                    message=f"the columns are printed in the order {names}, not the form's; values are "
                    "read in the printed order",
                )
            )
    return ColumnOrder(columns=columns, diagnostics=tuple(diagnostics))
