"""Shared assertions: compare a parsed report with what a test expects of it."""

from __future__ import annotations

from typing import Any

from gov_disclosure import Report

RANK = {"info": 0, "warning": 1, "error": 2}


def under(key: str | None, prefix: str) -> bool:
    """``key`` is ``prefix`` or lies beneath it."""
    return key is not None and (key == prefix or key.startswith(prefix + "."))


def diagnostic_names(d: Any) -> list[str]:
    return [d.key, *d.cells]


def cell_problems(report: Report, cells: dict[str, Any]) -> list[str]:
    """Cells whose value or type differs from the expectation."""
    got = report.cells
    problems = []
    for key, want in cells.items():
        value = got.get(key, "absent")
        same = value == want and type(value) is type(want) if want is not None else value is None
        if isinstance(want, float) and isinstance(value, float):
            same = abs(value - want) < 1e-9
        if not same:
            problems.append(f"{key}: want {want!r} got {value!r}")
    return problems


def missing_diagnostics(report: Report, expect: list[tuple[str, str, str]]) -> list[str]:
    """Expected (code, key prefix, severity) with no diagnostic of that code, severity and
    key (or one of its cells) at or under the prefix."""
    out = []
    for code, prefix, severity in expect:
        if not any(
            d.code == code and d.severity == severity and any(under(k, prefix) for k in diagnostic_names(d))
            for d in report.diagnostics
        ):
            out.append(f"no {severity} {code} on {prefix}")
    return out


def noise(report: Report, allowed: set[str]) -> list[str]:
    """Warnings and errors about nothing in ``allowed`` (key prefixes or rule names)."""
    out = []
    for d in report.diagnostics:
        if RANK[d.severity] < 1:
            continue
        if not any(under(k, p) for k in diagnostic_names(d) for p in allowed):
            out.append(f"{d.severity} {d.code} {d.key} line {d.line}: {d.message}")
    return out


TEXT_LAYOUTS = ["tabs", "lines", "layout", "markdown"]


def render(rows: list[list[str]], layout: str) -> str:
    """Rows of cells in a text layout: tab-separated, one cell per line (tab-indented,
    a blank line after each row), columns aligned with spaces (every cell left-aligned at
    a fixed width, so positions hold), or a markdown pipe table."""
    if layout == "tabs":
        return "\n".join("\t".join(r) for r in rows)
    if layout == "lines":
        return "\n".join("\n".join(f"\t{c}" for c in r if c) + "\n" for r in rows)
    if layout == "layout":
        width = max(len(r) for r in rows)
        size = [max((_display(r[k]) for r in rows if k < len(r)), default=0) + 4 for k in range(width)]
        out = []
        for r in rows:
            line = "  "
            for k, c in enumerate(r):
                line += c + " " * (size[k] - _display(c))
            out.append(line.rstrip())
        return "\n".join(out)
    lines = ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join([lines[0], "|" + "---|" * len(rows[0]), *lines[1:]])


def _display(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)
