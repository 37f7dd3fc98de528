"""What real reports do to the form, read in every text layout: labels without their
numbering or with spaces inside, half-width brackets, 合计 for 总计, the 法人或其他组织
header row missing or merged, units, zero markers and thousands separators."""

from __future__ import annotations

import pytest

from gov_disclosure import Report, parse_report

from builder import T3_ROWS
from helpers import TEXT_LAYOUTS, render

NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
ORGS = ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
HEADERS = {
    "full": [
        [NOTE, "申请人情况"],
        ["", "自然人", "法人或其他组织", "", "", "", "", "总计"],
        ["", "", *ORGS, ""],
    ],
    "merged": [[NOTE, "自然人", *ORGS, "总计"]],
    "no_organisation_row": [[NOTE, "自然人", *ORGS, "合计"]],
}
# The printed label of some rows, as reports print them.
LABELS = {
    "granted": ["予 以 公 开"],  # no numbering, spaces inside
    "partially_granted": ["部分公开(区分处理的，只计这一情形，不计其他情形)"],  # half-width brackets
    "denied.state_secret": ["(三)不予公开", "1.属于国家秘密"],
    "total": ["(七)合计"],
}
VALUES = ["1234", "3", "0", "0", "0", "0", "1237"]
PRINTED = {
    "new_received": ["1,234", "3件", "—", "-", "/", "无", "1,237"],
    "granted": ["1,234", "3", "0", "0", "0", "0", "1,237"],
    "total": ["1234", "3", "0", "0", "0", "0", "1237"],
}
COLUMNS = ["natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total"]


def _report(layout: str, header: str) -> Report:
    rows = [list(r) for r in HEADERS[header]]
    for key, label, _ in T3_ROWS:
        rows.append([*LABELS.get(key, [label]), *PRINTED.get(key, ["0"] * 7)])
    text = (
        "某市人力资源和社会保障局2024年政府信息公开工作年度报告\n一、总体情况\n平稳。\n"
        "三、收到和处理政府信息公开申请情况\n"
        + render(rows, layout)
        + "\n五、存在的主要问题及改进情况\n无。\n"
    )
    return parse_report(text)


@pytest.mark.parametrize("header", list(HEADERS))
@pytest.mark.parametrize("layout", TEXT_LAYOUTS)
def test_variants_are_read_in_every_layout(layout: str, header: str) -> None:
    report = _report(layout, header)
    for row in ("new_received", "granted", "total"):
        assert [report.cells[f"applications.{row}.{c}"] for c in COLUMNS] == [int(v) for v in VALUES], row
    assert report.cells["applications.partially_granted.total"] == 0
    assert report.cells["applications.denied.state_secret.total"] == 0
    assert all(check.ok is True for check in report.checks if check.rule.startswith("applications."))
    found = {(d.code, d.key, d.severity) for d in report.diagnostics}
    for column in ("research", "social_org", "legal_service", "other_org"):
        assert ("cell.blank", f"applications.new_received.{column}", "info") in found
    assert ("cell.unit", "applications.new_received.commercial", "info") in found
    assert ("label.variant", "applications.total", "info") in found
    # Nothing in table 3 is more than a harmless reading (the report has no tables 2 and 4).
    assert not [
        d for d in report.diagnostics if d.severity != "info" and (d.key or "").startswith("applications")
    ]
