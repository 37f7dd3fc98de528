"""Hostile and broken input: never a crash, never a hang, always a typed result."""

from __future__ import annotations

import random
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gov_disclosure import NotAReportError, Report, parse_report, to_lines

from builder import build_report

BASE = build_report(random.Random(5), "tabs", ("blanks",)).text


def _parse(text: str) -> Report | None:
    try:
        return parse_report(text)
    except NotAReportError:
        return None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mangled_reports_parse(data: st.DataObject) -> None:
    lines = BASE.split("\n")
    for _ in range(data.draw(st.integers(0, 6))):
        op = data.draw(st.sampled_from(["drop", "dup", "swap", "garble", "split"]))
        i = data.draw(st.integers(0, len(lines) - 1))
        if op == "drop":
            del lines[i]
        elif op == "dup":
            lines.insert(i, lines[i])
        elif op == "swap" and i + 1 < len(lines):
            lines[i], lines[i + 1] = lines[i + 1], lines[i]
        elif op == "garble":
            lines[i] = data.draw(st.text(max_size=40))
        elif op == "split":
            lines[i : i + 1] = lines[i].split("\t")
        if not lines:
            lines = [""]
    text = "\n".join(lines)
    report = _parse(text)
    if report is not None:
        _assert_consistent(report, text)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["", "某局2023年政府信息公开工作年度报告\n一、总体情况\n"]))
def test_arbitrary_text_never_crashes(text: str, title: str) -> None:
    report = _parse(title + text)
    if title:
        assert report is not None
        _assert_consistent(report, title + text)


def _assert_consistent(report: Report, text: str) -> None:
    """What holds for any result: sources point at printed text, checks agree with the
    cells, diagnostics come sorted by line."""
    lines = to_lines(text)
    out = report.to_dict()
    for key, source in out["cell_sources"].items():
        if source["how"] == "read":
            line = lines[source["line"] - 1]
            pieces = {c.text for c in line.cells} | set(line.text.split())
            assert source["text"] in pieces, key
    for check in report.checks:
        values = [report.cells[k] for k in check.cells]
        assert (check.ok is None) == (None in values)
    numbered = [d.line for d in report.diagnostics if d.line is not None]
    assert numbered == sorted(numbered)
    failed = {c.rule for c in report.checks if c.ok is False}
    assert failed == {d.key for d in report.diagnostics if d.code == "check.failed"}


def _seconds(text: str) -> float:
    start = time.perf_counter()
    parse_report(text)
    return time.perf_counter() - start


def test_cost_grows_linearly_with_repeated_rows() -> None:
    row = "1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0\n"
    small = _seconds("政府信息公开工作年度报告\n" + row * 2000)
    large = _seconds("政府信息公开工作年度报告\n" + row * 8000)
    assert large < 4 * small * 3  # four times the rows: linear would be 4x; 12x allows for noise


def test_huge_inputs_stay_fast() -> None:
    tables = BASE[BASE.index("二、主动公开") :]
    for text in (
        "年度报告 政府信息公开\n" + "\t".join(["0"] * 20000) + "\n",  # one very long row of values
        "政府信息公开工作年度报告\n" + "总体情况" * 50000 + "\n",  # one very long line
        BASE + tables * 20,  # the tables repeated many times
        "政府信息公开工作年度报告\n" + "1.属于国家秘密\t0\n" * 5000,  # thousands of duplicate rows
    ):
        start = time.perf_counter()
        report = parse_report(text)
        assert time.perf_counter() - start < 20  # generous: this guards against blow-ups, not speed
        assert isinstance(report, Report)
