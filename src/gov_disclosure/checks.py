"""Stage 5: validation: the format's arithmetic (勾稽关系) and plausibility.

Every relation of the format becomes a :class:`~gov_disclosure.model.Check`; one that
fails also becomes a ``check.failed`` warning. A failed check is a finding about the
report (many real reports do not add up), never a reason to change a number.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from gov_disclosure.formats import FormatSpec, Relation
from gov_disclosure.model import Cell, Check, Diagnostic

__all__ = ["plausibility", "run_checks"]

_EXPLAIN = {
    "balance": "一+二 = 三（七）+四",
    "leaves": "（七）总计 = 各项之和",
    "row": "总计 = 各申请人之和",
    "sum": "总计 = 维持+纠正+其他+未审结",
}


def _number(value: int | float) -> str:
    return str(value) if type(value) is int else f"{value:.2f}".rstrip("0").rstrip(".")


_MAX_SHOWN = 7
_FEES_PLAUSIBLE = 100_000  # 万元: ten 亿元 in fees from one organ


def _sum(values: list[int | float]) -> str:
    """``3 + 4``, or for a long sum (the 21 leaves of （七）) only its total."""
    if len(values) <= _MAX_SHOWN:
        return " + ".join(_number(v) for v in values)
    return f"{_number(sum(values))} (the sum of {len(values)} rows)"


def _check(rel: Relation, cells: Mapping[str, Cell]) -> Check:
    values = [cells[k].value for k in rel.cells]
    explain = _EXPLAIN[rel.kind]
    if any(v is None for v in values):
        missing = sum(v is None for v in values)
        return Check(rule=rel.rule, ok=None, cells=rel.cells, message=f"{explain}: {missing} cell(s) unknown")
    left = [v for v in values[: len(rel.left)] if v is not None]
    right = [v for v in values[len(rel.left) :] if v is not None]
    ok = abs(sum(left) - sum(right)) < 1e-6
    shown = _sum(left) + (" = " if ok else " ≠ ") + _sum(right)
    return Check(rule=rel.rule, ok=ok, cells=rel.cells, message=f"{explain}: {shown}")


def run_checks(
    spec: FormatSpec, cells: Mapping[str, Cell]
) -> tuple[tuple[Check, ...], tuple[Diagnostic, ...]]:
    """Every check of the format, and a ``check.failed`` warning for each that fails."""
    checks = tuple(_check(rel, cells) for rel in spec.relations)
    failed = []
    for check in checks:
        if check.ok is False:
            lines = [line for k in check.cells if (line := cells[k].line) is not None]
            failed.append(
                Diagnostic(
                    code="check.failed",
                    severity="warning",
                    key=check.rule,
                    line=min(lines) if lines else None,
                    message=f"the report does not add up: {check.message}",
                    cells=check.cells,
                )
            )
    return checks, tuple(failed)


def plausibility(spec: FormatSpec, cells: Mapping[str, Cell]) -> Iterator[Diagnostic]:
    """Relations that usually hold but need not (info only)."""
    fees = cells.get("proactive.fees.amount")
    if fees is not None and fees.value is not None and fees.value >= _FEES_PLAUSIBLE:
        yield Diagnostic(
            code="plausibility.fees",
            severity="info",
            key="proactive.fees.amount",
            line=fees.line,
            message=f"本年收费金额 of {_number(fees.value)} 万元 is very large: printed in 元?",
        )
    for key, cell in cells.items():
        if cell.value is not None and cell.value < 0 and not key.endswith(".change"):
            yield Diagnostic(
                code="plausibility.negative",
                severity="info",
                key=key,
                line=cell.line,
                message=f"a negative count ({_number(cell.value)})",
            )
    for key, cell in cells.items():  # 2019: 上一年项目数量 + 本年增/减 is this year's count
        if not key.endswith(".previous_items"):
            continue
        change = cells.get(key.replace(".previous_items", ".change"))
        if (
            cell.value is not None
            and change is not None
            and change.value is not None
            and cell.value + change.value < 0
        ):
            yield Diagnostic(
                code="plausibility.items",
                severity="info",
                key=key.rsplit(".", 1)[0],
                line=cell.line,
                message=f"上一年项目数量 {_number(cell.value)} + 本年增/减 {_number(change.value)} < 0",
            )
    for row in ("proactive.regulations", "proactive.normative_documents"):
        keys = [f"{row}.issued", f"{row}.in_force", f"{row}.repealed"]
        if not all(k in cells for k in keys):
            continue
        issued, in_force, repealed = (cells[k].value for k in keys)
        if (
            issued is not None
            and in_force is not None
            and repealed is not None
            and issued > in_force + repealed
        ):
            yield Diagnostic(
                code="plausibility.issued",
                severity="info",
                key=row,
                line=cells[keys[0]].line,
                message=f"本年制发件数 {_number(issued)} exceeds 现行有效件数 + 本年废止件数 "
                f"({_number(in_force)} + {_number(repealed)})",
            )
    del spec
