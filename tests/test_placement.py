"""The contract's rules for blanks, short and long rows, in small hand-made tables."""

from __future__ import annotations

import random

from gov_disclosure import parse_report

from builder import T3_ROWS, build_report

HEAD = "某市审计局2023年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况\n"


def _table3(rows: dict[str, list[str]]) -> str:
    """A tab-separated table 3 with all rows zero except those given."""
    lines = []
    for key, label, _ in T3_ROWS:
        values = rows.get(key, ["0"] * 7)
        lines.append("\t".join([label, "", *values]))
    return HEAD + NOTE + "\n".join(lines) + "\n"


def _table2(lines: str) -> str:
    return f"某局2023年政府信息公开工作年度报告\n{lines}\n"


def _diag(report, code, key):  # type: ignore[no-untyped-def]
    return [d for d in report.diagnostics if d.code == code and d.key == key]


def test_blank_total_at_the_end_of_a_row_is_derived() -> None:
    text = _table3(
        {
            "granted": ["3", "2", "0", "0", "0", "0", ""],
            "total": ["3", "2", "0", "0", "0", "0", "5"],
            "new_received": ["3", "2", "0", "0", "0", "0", "5"],
        }
    )
    report = parse_report(text)
    cell = report.cell("applications.granted.total")
    assert (cell.value, cell.how, cell.text) == (5, "derived", "")
    (short,) = _diag(report, "row.short", "applications.granted")
    assert short.severity == "warning"
    assert short.cells == ("applications.granted.total",)
    assert all(c.ok is not False for c in report.checks)


def test_printed_blank_that_the_arithmetic_fills_is_derived_with_a_warning() -> None:
    text = _table3(
        {
            "granted": ["3", "2", "0", "0", "0", "0", "—"],
            "total": ["3", "2", "0", "0", "0", "0", "5"],
            "new_received": ["3", "2", "0", "0", "0", "0", "5"],
        }
    )
    report = parse_report(text)
    cell = report.cell("applications.granted.total")
    assert (cell.value, cell.how, cell.text) == (5, "derived", "")  # derived: no printed text
    (derived,) = _diag(report, "cell.derived", "applications.granted.total")
    assert derived.severity == "warning"
    assert "'—'" in derived.message


def test_blank_is_zero_when_every_relation_holds_with_zero() -> None:
    report = parse_report(_table3({"granted": ["0", "", "0", "/", "0", "无", "0"]}))
    for column in ("commercial", "social_org", "other_org"):
        cell = report.cell(f"applications.granted.{column}")
        assert (cell.value, cell.how) == (0, "blank")
        assert _diag(report, "cell.blank", f"applications.granted.{column}")[0].severity == "info"
    assert report.cell("applications.granted.social_org").text == "/"


def test_blank_the_relations_disagree_on_is_null_with_an_error() -> None:
    # Row says the blank is 2 (5 - 3), the column says 0: it cannot be both.
    text = _table3(
        {
            "granted": ["3", "", "0", "0", "0", "0", "5"],
            "total": ["3", "0", "0", "0", "0", "0", "3"],
            "new_received": ["3", "0", "0", "0", "0", "0", "3"],
        }
    )
    report = parse_report(text)
    assert report.cells["applications.granted.commercial"] is None
    (error,) = _diag(report, "cell.uncertain", "applications.granted.commercial")
    assert error.severity == "error"
    assert error.cells == ("applications.granted.commercial",)


def test_short_row_of_zeros_is_certain() -> None:
    report = parse_report(_table3({"unable.not_held": ["0"] * 6}))
    assert [report.cells[f"applications.unable.not_held.{c}"] for c in ("natural_person", "total")] == [0, 0]
    assert _diag(report, "row.short", "applications.unable.not_held")[0].severity == "warning"


def test_short_row_the_column_sums_place() -> None:
    text = _table3(
        {
            "not_processed.duplicate": ["1", "0", "0", "1", "0", "9"],  # 商业企业 7 missing
            "total": ["1", "7", "0", "0", "1", "0", "9"],
            "new_received": ["1", "7", "0", "0", "1", "0", "9"],
        }
    )
    report = parse_report(text)
    cell = report.cell("applications.not_processed.duplicate.commercial")
    assert (cell.value, cell.how) == (7, "derived")
    assert report.cells["applications.not_processed.duplicate.legal_service"] == 1


def test_short_row_without_arithmetic_is_null_with_an_error() -> None:
    text = _table2("第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t1")
    report = parse_report(text)
    assert [report.cells[f"proactive.regulations.{c}"] for c in ("issued", "repealed", "in_force")] == [
        None
    ] * 3
    (error,) = _diag(report, "row.short", "proactive.regulations")
    assert error.severity == "error"
    assert len(error.cells) == 3


def test_long_table4_row_with_two_fitting_placements_nulls_the_cells_they_disagree_on() -> None:
    text = (
        "某局2023年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n"
        "行政复议\t\t\t\t\t行政诉讼\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n"
        # the last group could be 1 0 0 0 1 (drop the 16th) or 0 0 0 1 1 (drop the 11th)
        + "\t".join(["0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "1", "0", "0", "0", "1", "1"])
        + "\n"
    )
    report = parse_report(text)
    assert report.cells["review_litigation.review.total"] == 0
    assert report.cells["review_litigation.litigation_after_review.total"] == 1
    assert report.cells["review_litigation.litigation_after_review.upheld"] is None
    (long,) = _diag(report, "row.long", "review_litigation")
    assert long.severity == "error"
    assert "review_litigation.litigation_after_review.upheld" in long.cells


def test_numbers_that_do_not_add_up_are_kept_as_printed() -> None:
    text = _table3({"granted": ["3", "2", "0", "0", "0", "0", "6"]})
    report = parse_report(text)
    assert report.cells["applications.granted.total"] == 6
    failed = {c.rule for c in report.checks if c.ok is False}
    assert "applications.row.granted" in failed
    check = next(
        d for d in report.diagnostics if d.code == "check.failed" and d.key == "applications.row.granted"
    )
    assert check.severity == "warning"
    assert set(check.cells) == {
        f"applications.granted.{c}"
        for c in (
            "natural_person",
            "commercial",
            "research",
            "social_org",
            "legal_service",
            "other_org",
            "total",
        )
    }


def test_unreadable_value_is_null_with_an_error() -> None:
    report = parse_report(_table3({"granted": ["0", "1.2.3", "0", "0", "0", "0", "0"]}))
    assert report.cells["applications.granted.commercial"] is None
    assert _diag(report, "cell.uncertain", "applications.granted.commercial")[0].severity == "error"


def test_fraction_in_a_count_is_unreadable() -> None:
    report = parse_report(_table3({"granted": ["0", "2.5", "0", "0", "0", "0", "2.5"]}))
    assert report.cells["applications.granted.commercial"] is None


def test_money_in_yuan_is_converted() -> None:
    text = _table2("第二十条第（八）项\n信息内容\t本年收费金额（单位：万元）\n行政事业性收费\t251000元")
    report = parse_report(text)
    cell = report.cell("proactive.fees.amount")
    assert cell.value == 25.1
    assert cell.text == "251000元"
    assert _diag(report, "cell.unit", "proactive.fees.amount")[0].severity == "warning"


def test_undivided_other_handling_of_zeros() -> None:
    rows = {key: ["0"] * 7 for key, _, group in T3_ROWS}
    # Table 2 shows the 2021 form, so the single （六） row is that report's defect.
    lines = [HEAD.strip(), "第二十条第（五）项", "信息内容\t本年处理决定数量", "行政许可\t3", NOTE.strip()]
    for key, label, group in T3_ROWS:
        if group == "other_handling":
            if key.endswith("overdue_correction"):
                lines.append("\t".join(["（六）其他处理", "", *rows[key]]))
            continue
        lines.append("\t".join([label, "", *rows[key]]))
    report = parse_report("\n".join(lines))
    cell = report.cell("applications.other_handling.overdue_fee.total")
    assert (cell.value, cell.how) == (0, "derived")
    (undivided,) = _diag(report, "row.undivided", "applications.other_handling")
    assert len(undivided.cells) == 21
    assert [r.label for r in report.extra_rows] == ["（六）其他处理"]
    assert not _diag(report, "row.missing", "applications.other_handling.other")
    assert report.format == "2021"


def test_repeated_row_keeps_the_first_and_reports_the_second() -> None:
    text = _table2("第二十条第（五）项\n信息内容\t本年处理决定数量\n行政许可\t5\n行政许可\t7")
    report = parse_report(text)
    assert report.cells["proactive.licensing.decisions"] == 5
    assert _diag(report, "row.duplicate", "proactive.licensing")[0].severity == "warning"
    assert [(r.label, r.values) for r in report.extra_rows] == [("行政许可", (7,))]


def test_every_layout_gives_the_same_cells() -> None:
    texts = [build_report(random.Random(11), layout) for layout in ("tabs", "lines", "pdf")]
    cells = [parse_report(b.text).cells for b in texts]
    assert cells[0] == cells[1] == cells[2] == texts[0].cells


def test_table2_of_the_2019_form_is_read_as_2019() -> None:
    text = _table2(
        "第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t1\t2\t3\n"
        "第二十条第（五）项\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n行政许可\t10\t-2\t300"
    )
    report = parse_report(text)
    assert report.format == "2019"
    assert [report.cells[f"proactive.regulations.{c}"] for c in ("made", "published", "total_published")] == [
        1,
        2,
        3,
    ]
    assert [report.cells[f"proactive.licensing.{c}"] for c in ("previous_items", "change", "decisions")] == [
        10,
        -2,
        300,
    ]
    assert len(report.cells) == 198
    assert len(report.checks) == 40


def test_blanks_the_arithmetic_cannot_decide_are_null_whatever_the_order() -> None:
    # 重复申请 and （六）1. each have two blanks; together the relations leave one degree
    # of freedom, so no blank can be read as 0 (the true values are 2, 2 and 2, 4).
    text = _table3(
        {
            "new_received": ["0", "0", "0", "0", "4", "2", "6"],
            "total": ["0", "0", "0", "0", "4", "2", "6"],
            "not_processed.duplicate": ["0", "0", "0", "0", "—", "0", "—"],
            "other_handling.overdue_correction": ["0", "0", "0", "0", "—", "2", "—"],
        }
    )
    report = parse_report(text)
    for key in (
        "applications.not_processed.duplicate.legal_service",
        "applications.not_processed.duplicate.total",
        "applications.other_handling.overdue_correction.legal_service",
        "applications.other_handling.overdue_correction.total",
    ):
        assert report.cells[key] is None, key
        assert _diag(report, "cell.uncertain", key)[0].severity == "error"


def test_a_printed_row_beats_an_empty_or_variant_reading_of_the_same_row() -> None:
    text = _table2("第二十条第（五）项\n信息内容\t本年处理决定数量\n行政许可\n行政许可\t1765")
    report = parse_report(text)
    assert report.cells["proactive.licensing.decisions"] == 1765
    (duplicate,) = _diag(report, "row.duplicate", "proactive.licensing")
    assert "line 5" in duplicate.message


def test_short_labels_are_not_matched_by_similarity() -> None:
    text = _table2(
        "第二十条第（五）项\n信息内容\t本年处理决定数量\n行政许可事项\t30\n行政处理\t7\n行政许可\t1234"
    )
    report = parse_report(text)
    assert report.cells["proactive.licensing.decisions"] == 1234
    assert report.cells["proactive.penalty.decisions"] is None  # block 六 is absent
    assert [r.label for r in report.extra_rows] == ["行政许可事项", "行政处理"]


def test_a_bare_other_outside_other_handling_is_a_local_row() -> None:
    lines = [HEAD.strip(), NOTE.strip()]
    for key, label, _ in T3_ROWS:
        values = ["2", "0", "0", "0", "1", "0", "3"] if key == "other_handling.other" else ["0"] * 7
        if key == "total" or key == "new_received":
            values = ["2", "0", "0", "0", "1", "0", "3"]
        lines.append("\t".join([label, "", *values]))
        if key == "denied.query_matter":
            lines.append("\t".join(["9.其他", "", *["0"] * 7]))
    report = parse_report("\n".join(lines))
    assert report.cells["applications.other_handling.other.total"] == 3
    assert [r.label for r in report.extra_rows] == ["9.其他"]


def test_text_in_a_values_place_is_an_unreadable_value() -> None:
    for printed in ("约1234", "12.5万", "十二", "1234.", "1e3"):
        report = parse_report(_table2(f"第二十条第（五）项\n信息内容\t本年处理决定数量\n行政许可\t{printed}"))
        assert report.cells["proactive.licensing.decisions"] is None
        (error,) = _diag(report, "cell.uncertain", "proactive.licensing.decisions")
        assert printed in error.message


def test_values_separated_by_spaces_are_split() -> None:
    text = _table2(
        "第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n"
        "规章 2 1 15\n行政规范性文件\t3 0 7"
    )
    report = parse_report(text)
    assert [report.cells[f"proactive.regulations.{c}"] for c in ("issued", "repealed", "in_force")] == [
        2,
        1,
        15,
    ]
    cell = report.cell("proactive.normative_documents.in_force")
    assert (cell.value, cell.text) == (7, "7")


def test_a_report_on_2020_without_telling_labels_is_read_by_its_year() -> None:
    text = (
        "某局2020年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
        "第二十条第（一）项\n规章\t2\t2\t15\n第二十条第（五）项\n行政许可\t10\t-2\t300\n"
    )
    report = parse_report(text)
    assert report.format == "2019"
    assert report.cells["proactive.regulations.total_published"] == 15
    assert report.cells["proactive.licensing.change"] == -2
    (note,) = [d for d in report.diagnostics if d.code == "format.by_year"]
    assert "2020" in note.message


def test_columns_printed_in_another_order_are_read_in_that_order() -> None:
    header = "\t\t自然人\t科研机构\t商业企业\t社会公益组织\t法律服务机构\t其他\t总计\n"
    text = _table3({"granted": ["3", "2", "0", "0", "0", "0", "5"]}).replace(NOTE, NOTE + header)
    report = parse_report(text)
    (order,) = _diag(report, "columns.order", "applications")
    assert order.severity == "info"
    assert report.cells["applications.granted.research"] == 2
    assert report.cells["applications.granted.commercial"] == 0
    assert not _diag(parse_report(_table3({})), "columns.order", "applications")


def test_an_order_that_cannot_be_read_is_a_warning_and_the_forms_order_is_kept() -> None:
    # The organisation headers one per line and one of them missing: the order is not certain.
    header = "\t\t自然人\n科研机构\n商业企业\n社会公益组织\n其他\n总计\n"
    text = _table3({"granted": ["3", "2", "0", "0", "0", "0", "5"]}).replace(NOTE, NOTE + header)
    report = parse_report(text)
    (order,) = _diag(report, "columns.order", "applications")
    assert order.severity == "warning"
    assert "applications.granted.total" in order.cells
    assert report.cells["applications.granted.commercial"] == 2


def test_table4_outcomes_printed_in_another_order() -> None:
    outcomes = "\t".join(["总计", "结果维持", "结果纠正", "其他结果", "尚未审结"])
    text = (
        "某局2022年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n"
        "行政复议\t\t\t\t\t行政诉讼\n"
        f"{outcomes}\t未经复议直接起诉\t\t\t\t\t复议后起诉\n"
        f"\t\t\t\t\t{outcomes}\t{outcomes}\n"
        + "\t".join(["3", "1", "2", "0", "0"] * 3)
        + "\n五、存在的主要问题及改进情况\n无。\n"
    )
    report = parse_report(text)
    for group in ("review", "litigation_direct", "litigation_after_review"):
        assert report.cells[f"review_litigation.{group}.total"] == 3
        assert report.cells[f"review_litigation.{group}.upheld"] == 1
        assert report.cells[f"review_litigation.{group}.corrected"] == 2
    assert _diag(report, "columns.order", "review_litigation")[0].severity == "info"


def test_mixed_forms_keep_the_other_forms_rows_out_of_keys() -> None:
    text = _table2(
        "第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t1\t2\t3\n"
        "行政规范性文件\t4\t5\t6\n"
        "第二十条第（五）项\n信息内容\t本年处理决定数量\n行政许可\t7\n"
        "第二十条第（九）项\n信息内容\t采购项目数量\t采购总金额\n政府集中采购\t2\t35.5\n"
    )
    report = parse_report(text)
    assert report.format == "2021"
    assert report.cells["proactive.regulations.in_force"] == 3
    assert report.cells["proactive.licensing.decisions"] == 7
    assert [(r.label, r.values) for r in report.extra_rows] == [("政府集中采购", (2, 35.5))]
    (mixed,) = [d for d in report.diagnostics if d.code == "format.mixed"]
    assert mixed.severity == "warning"


def test_2019_changes_in_words_and_procurement_units() -> None:
    text = (
        "某局2019年政府信息公开工作年度报告\n第二十条第（五）项\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n"
        "行政许可\t10\t减少3\t300\n其他对外管理服务事项\t4\t+2\t9\n第二十条第（六）项\n行政处罚\t2\t增加5\t17\n"
        "第二十条第（九）项\n信息内容\t采购项目数量\t采购总金额\n政府集中采购\t3\t251000元\n"
    )
    report = parse_report(text)
    assert report.format == "2019"
    assert report.cells["proactive.licensing.change"] == -3
    assert report.cells["proactive.other_services.change"] == 2
    assert report.cells["proactive.penalty.change"] == 5
    assert report.cells["proactive.procurement.amount"] == 25.1
    assert _diag(report, "cell.unit", "proactive.procurement.amount")[0].severity == "warning"
    plain = parse_report(text.replace("251000元", "25.1"))
    assert plain.cells["proactive.procurement.amount"] == 25.1
    assert _diag(plain, "cell.unit", "proactive.procurement.amount")[0].severity == "info"
    header = parse_report(text.replace("采购总金额", "采购总金额（元）"))
    assert header.cells["proactive.procurement.amount"] == 25.1  # the header names 元


def test_2019_format_without_table_2_is_told_by_other_handling() -> None:
    lines = [HEAD.strip(), NOTE.strip()]
    for key, label, group in T3_ROWS:
        if group == "other_handling":
            if key.endswith("overdue_correction"):
                lines.append("\t".join(["（六）其他处理", "", "1", "0", "0", "0", "0", "0", "1"]))
            continue
        values = ["1", "0", "0", "0", "0", "0", "1"] if key in ("total", "new_received") else ["0"] * 7
        lines.append("\t".join([label, "", *values]))
    report = parse_report("\n".join(lines).replace("2023", "2021"))
    assert report.format == "2019"
    assert report.cells["applications.other_handling.total"] == 1
    assert all(c.ok is not False for c in report.checks)


def test_a_unit_in_a_money_header_converts_the_amount() -> None:
    head = "某县财政局{y}年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
    text_2019 = head.format(y=2020) + (
        "第二十条第（九）项\n信息内容\t采购项目数量\t采购总金额（元）\n政府集中采购\t37\t18624500\n"
    )
    text_2021 = head.format(y=2023) + (
        "第二十条第（八）项\n信息内容\t本年收费金额（单位：元）\n行政事业性收费\t37500\n"
    )
    for text, key, want in (
        (text_2019, "proactive.procurement.amount", 1862.45),
        (text_2021, "proactive.fees.amount", 3.75),
    ):
        report = parse_report(text)
        assert report.cells[key] == want
        (unit,) = _diag(report, "cell.unit", key)
        assert unit.severity == "warning"


def test_table4_groups_printed_litigation_first() -> None:
    text = "某县财政局2023年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n" + (
        "行政诉讼\t\t\t\t\t\t\t\t\t\t行政复议\t\t\t\t\n"
        "未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n"
        "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n"
        "1\t0\t1\t2\t4\t0\t3\t2\t0\t5\t0\t0\t2\t3\t5\n"
    )
    report = parse_report(text)
    assert report.cells["review_litigation.litigation_direct.total"] == 4
    assert report.cells["review_litigation.litigation_after_review.corrected"] == 3
    assert report.cells["review_litigation.review.pending"] == 3
    assert _diag(report, "columns.order", "review_litigation")[0].severity == "info"


def test_table3_total_printed_first() -> None:
    header = "\t\t总计\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\n"
    text = _table3({"granted": ["5", "3", "2", "0", "0", "0", "0"]}).replace(NOTE, NOTE + header)
    report = parse_report(text)
    assert report.cells["applications.granted.total"] == 5
    assert report.cells["applications.granted.natural_person"] == 3
    assert report.cells["applications.granted.commercial"] == 2
    assert _diag(report, "columns.order", "applications")[0].severity == "info"


def test_several_blank_totals_are_decided_together() -> None:
    # Four rows end in a blank 总计 (padding in tab-separated text: short rows). Only their
    # joint placement, with the column sums, makes each certain.
    rows = {
        "not_processed.duplicate": ["1", "0", "0", "0", "0", "0", ""],
        "not_processed.publication": ["0", "0", "0", "0", "0", "6", ""],
        "not_processed.reconfirm": ["0", "2", "0", "0", "0", "0", ""],
        "other_handling.overdue_fee": ["0", "0", "0", "4", "0", "0", ""],
        "total": ["1", "2", "0", "4", "0", "6", "13"],
        "new_received": ["1", "2", "0", "4", "0", "6", "13"],
    }
    report = parse_report(_table3(rows))
    assert report.cells["applications.not_processed.publication.total"] == 6
    assert report.cells["applications.not_processed.publication.other_org"] == 6
    assert report.cells["applications.other_handling.overdue_fee.total"] == 4
    assert all(d.severity == "warning" for d in report.diagnostics if d.code == "row.short")


def test_2019_changes_written_with_spaces_or_as_no_change() -> None:
    text = (
        "某局2019年政府信息公开工作年度报告\n第二十条第（五）项\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n"
        "行政许可\t10\t增加 2 项\t300\n其他对外管理服务事项\t4\t持平\t9\n"
        "第二十条第（六）项\n行政处罚\t2\t\u22121\t17\n"
    )
    report = parse_report(text)
    assert report.cells["proactive.licensing.change"] == 2
    assert report.cells["proactive.other_services.change"] == 0
    assert report.cell("proactive.other_services.change").how == "blank"
    assert report.cells["proactive.penalty.change"] == -1
    assert report.extra_rows == ()


def test_2019_headers_in_another_order_that_cannot_be_read_are_a_warning() -> None:
    text = (
        "某局2020年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n"
        "信息内容\t本年新公开数量\t本年新制作数量\t对外公开数\n规章\t5\t2\t30\n"
    )
    report = parse_report(text)
    (order,) = _diag(report, "columns.order", "proactive")
    assert order.severity == "warning"
    assert "proactive.regulations.made" in order.cells
