"""Stage 6: export: the model as the output contract's JSON-ready dict.

``to_dict`` gives exactly the shape of ``contract.md`` (``schema_version`` 1): users store
and join these across thousands of reports, so keys are never renamed.
"""

from __future__ import annotations

from typing import Any

import attrs

from gov_disclosure.model import Diagnostic, Report

__all__ = ["SCHEMA_VERSION", "to_dict"]

SCHEMA_VERSION = 1


def _diagnostic(d: Diagnostic) -> dict[str, Any]:
    return {
        "code": d.code,
        "severity": d.severity,
        "key": d.key,
        "line": d.line,
        "message": d.message,
        "cells": list(d.cells),
    }


def to_dict(report: Report) -> dict[str, Any]:
    """The report as plain JSON types, in the contract's shape."""
    meta = report.meta
    contact = {k: v for k, v in attrs.asdict(meta.contact).items() if v is not None}
    cells: dict[str, Any] = {}
    sources: dict[str, Any] = {}
    for key, cell in report.iter_cells():
        cells[key] = cell.value
        if cell.value is not None:
            sources[key] = {"line": cell.line, "text": cell.text, "how": cell.how}
    return {
        "schema_version": SCHEMA_VERSION,
        "format": report.format,
        "meta": {
            "organ": meta.organ,
            "year": meta.year,
            "published": meta.published.isoformat() if meta.published else None,
            "contact": contact,
        },
        "sections": [
            {"number": s.number, "key": s.key, "title": s.title, "line": s.line, "text": s.text}
            for s in report.sections
        ],
        "cells": cells,
        "cell_sources": sources,
        "extra_rows": [
            {"table": r.table, "label": r.label, "line": r.line, "values": list(r.values)}
            for r in report.extra_rows
        ],
        "checks": [
            {"rule": c.rule, "ok": c.ok, "cells": list(c.cells), "message": c.message} for c in report.checks
        ],
        "diagnostics": [_diagnostic(d) for d in report.diagnostics],
        "source": attrs.asdict(report.source) if report.source is not None else None,
    }
