"""The seed reports and the spec's constructed examples against their expected files.

The expected files are those of the output contract (copied from the project's spec);
the assertions mirror what the contract's scorer checks.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from gov_disclosure import parse_report

from conftest import DATA
from helpers import RANK, under

CASES = sorted((DATA / "expected").glob("*.json")) + sorted((DATA / "examples").glob("*.json"))


def _input(expected_file: Path, gold: dict[str, Any]) -> Path:
    beside = expected_file.parent / gold["file"]
    return beside if beside.exists() else DATA / "seeds" / gold["file"]


def test_cases_found() -> None:
    assert len(CASES) >= 9


@pytest.fixture(params=CASES, ids=lambda p: p.stem)
def case(request: pytest.FixtureRequest) -> tuple[dict[str, Any], dict[str, Any]]:
    gold = json.loads(request.param.read_text(encoding="utf-8"))
    text = _input(request.param, gold).read_text(encoding="utf-8")
    return gold, parse_report(text).to_dict()


def test_cells(case: tuple[dict[str, Any], dict[str, Any]]) -> None:
    gold, out = case
    assert out["format"] == gold["format"]
    wrong = []
    for key, want in gold["cells"].items():
        got = out["cells"][key]
        if want is None:
            if got is not None:
                wrong.append((key, want, got))
        elif got is None or isinstance(got, bool) or abs(got - want) > 1e-9:
            wrong.append((key, want, got))
    assert wrong == []
    assert set(out["cells"]) == set(gold["cells"])


def test_meta_and_sections(case: tuple[dict[str, Any], dict[str, Any]]) -> None:
    gold, out = case
    meta = gold["meta"]
    names = {meta["organ"], *meta.get("organ_alternatives", [])}
    assert out["meta"]["organ"] in names
    assert out["meta"]["year"] == meta["year"]
    assert out["meta"]["published"] == meta.get("published")
    assert out["meta"]["contact"] == meta.get("contact", {})
    assert [(s["key"], s["line"]) for s in out["sections"]] == [
        (s["key"], s["line"]) for s in gold["sections"]
    ]


def test_expected_defects_are_reported(case: tuple[dict[str, Any], dict[str, Any]]) -> None:
    gold, out = case
    for entry in gold["expect_diagnostics_on"]:
        key = entry if isinstance(entry, str) else entry["key"]
        least = RANK["warning"] if isinstance(entry, str) else RANK[entry["min_severity"]]
        assert any(
            RANK[d["severity"]] >= least and any(under(k, key) for k in [d["key"], *d["cells"]])
            for d in out["diagnostics"]
        ), key
    for entry in gold.get("expect_diagnostics", []):
        assert any(
            d["code"] == entry["code"]
            and d["severity"] == entry["severity"]
            and (
                any(under(k, entry["key"]) for k in [d["key"], *d["cells"]])
                if entry["key"]
                else d["key"] is None
            )
            for d in out["diagnostics"]
        ), entry


def test_no_warning_outside_the_defects(case: tuple[dict[str, Any], dict[str, Any]]) -> None:
    gold, out = case
    defects = [e if isinstance(e, str) else e["key"] for e in gold["expect_diagnostics_on"]]
    noise = [
        d
        for d in out["diagnostics"]
        if RANK[d["severity"]] >= RANK["warning"]
        and not any(under(k, p) for k in [d["key"], *d["cells"]] for p in defects)
    ]
    assert noise == []


def test_details(case: tuple[dict[str, Any], dict[str, Any]]) -> None:
    gold, out = case
    if "expect_checks_failed" in gold:
        assert {c["rule"] for c in out["checks"] if c["ok"] is False} == set(gold["expect_checks_failed"])
    for row in gold.get("expect_extra_rows", []):
        assert any(r["table"] == row["table"] and r["line"] == row["line"] for r in out["extra_rows"])
    for key, how in gold.get("expect_sources", {}).items():
        assert out["cell_sources"][key]["how"] == how, key


def test_seed_parses_the_same_from_crlf(case: tuple[dict[str, Any], dict[str, Any]]) -> None:
    """Line ends do not change a report's reading (\\r\\n and lone \\r end lines too)."""
    gold, out = case
    path = next(p for p in CASES if json.loads(p.read_text(encoding="utf-8"))["file"] == gold["file"])
    text = _input(path, gold).read_text(encoding="utf-8")
    for ending in ("\r\n", "\r"):
        again = parse_report(text.replace("\n", ending)).to_dict()
        assert again["cells"] == out["cells"]
        assert again["sections"] == out["sections"]
