"""Digits glued to their row label by a scraper (``行政规范性文件8855698``): split only where
the arithmetic makes one split certain, in every text layout."""

from __future__ import annotations

import pytest

from gov_disclosure import Report, parse_report

from builder import T3_ROWS
from helpers import TEXT_LAYOUTS as LAYOUTS
from helpers import render

HEADS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
COLUMNS = ["natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total"]


def _report(table3: dict[str, list[str]], glued: str, layout: str, extra: str = "") -> Report:
    """Table 3 with the given rows (the others zero), the row ``glued`` printed as its label
    and its values run together."""
    rows = [["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", *HEADS]]
    for key, label, _ in T3_ROWS:
        values = table3.get(key, ["0"] * 7)
        rows.append([label + "".join(values)] if key == glued else [label, *values])
    text = (
        "某市统计局2023年政府信息公开工作年度报告\n一、总体情况\n本年度工作平稳。\n"
        + extra
        + "三、收到和处理政府信息公开申请情况\n"
        + render(rows, layout)
        + "\n五、存在的主要问题及改进情况\n无。\n"
    )
    return parse_report(text)


def _values(report: Report, row: str) -> list[int | float | None]:
    return [report.cells[f"applications.{row}.{c}"] for c in COLUMNS]


GRANTED = ["12", "3", "0", "0", "10", "0", "25"]
TABLE = {
    "new_received": GRANTED,
    "granted": GRANTED,
    "total": GRANTED,
}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_run_the_arithmetic_splits_one_way_only_is_split_with_a_warning(layout: str) -> None:
    report = _report(TABLE, "granted", layout)
    assert _values(report, "granted") == [12, 3, 0, 0, 10, 0, 25]
    (glued,) = [d for d in report.diagnostics if d.code == "cell.glued"]
    assert glued.severity == "warning"
    assert glued.key == "applications.granted"
    assert set(glued.cells) == {f"applications.granted.{c}" for c in COLUMNS}
    assert all(c.ok is not False for c in report.checks)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_run_that_splits_several_ways_is_null_with_an_error(layout: str) -> None:
    # Only the granted row carries numbers, so the table's column relations fail for every
    # split and only the row's own 总计 relation decides: 10|1|0|0|0|0|11 and 1|0|10|0|0|0|11
    # both satisfy it.
    table = {"granted": ["10", "1", "0", "0", "0", "0", "11"]}
    report = _report(table, "granted", layout)
    glued = [d for d in report.diagnostics if d.code == "cell.glued"]
    assert glued
    assert glued[0].severity == "error"
    nulls = [c for c in COLUMNS if report.cells[f"applications.granted.{c}"] is None]
    assert nulls
    assert {f"applications.granted.{c}" for c in nulls} <= set(glued[0].cells)
    # No value outside the split's certainty is invented.
    for c in COLUMNS:
        value = report.cells[f"applications.granted.{c}"]
        assert value is None or value == int(table["granted"][COLUMNS.index(c)])


def test_table2_runs_have_no_arithmetic_and_stay_null() -> None:
    text = (
        "某局2022年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n"
        "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t1\t2\t3\n行政规范性文件8855698\n"
        "第二十条第（五）项\n信息内容\t本年处理决定数量\n行政许可2774\n"
        "第二十条第（八）项\n信息内容\t本年收费金额（单位：万元）\n行政事业性收费835.22\n"
    )
    report = parse_report(text)
    row = [report.cells[f"proactive.normative_documents.{c}"] for c in ("issued", "repealed", "in_force")]
    assert row == [None, None, None]
    codes = {(d.code, d.key, d.severity) for d in report.diagnostics}
    assert ("cell.glued", "proactive.normative_documents", "error") in codes
    # A run that is the row's only value is that value: nothing to split.
    assert report.cells["proactive.licensing.decisions"] == 2774
    assert report.cells["proactive.fees.amount"] == 835.22
    assert ("cell.glued", "proactive.licensing", "info") in codes


def test_a_run_no_split_can_fit_is_null_with_an_error() -> None:
    # Seven columns but six digits: no split exists.
    report = _report({"granted": ["1", "2", "0", "0", "0", "3"]}, "granted", "tabs")
    (glued,) = [d for d in report.diagnostics if d.code == "cell.glued"]
    assert glued.severity == "error"
    assert _values(report, "granted") == [None] * 7
