"""Which lines head the six sections."""

from __future__ import annotations

from gov_disclosure import parse_report
from gov_disclosure.normalize import to_lines
from gov_disclosure.sections import find_headings


def _headings(text: str) -> list[tuple[str, int]]:
    return [(h.key, h.line) for h in find_headings(to_lines(text))]


def test_numbered_headings_in_any_top_level_style() -> None:
    text = "\n".join(
        [
            "1、 总体情况",
            "正文。",
            "二、主动公开政府信息情况",
            "3. 收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况",
            "五、存在的主要问题及改进情况",
            "六、其他需要报告的事项",
        ]
    )
    assert _headings(text) == [
        ("overview", 1),
        ("proactive", 3),
        ("applications", 4),
        ("review_litigation", 5),
        ("problems", 6),
        ("other", 7),
    ]


def test_sub_heads_and_table_rows_are_not_sections() -> None:
    text = "\n".join(
        [
            "一、总体情况",
            "（一）主动公开政府信息情况",
            "（二）依申请公开方面",
            "（7） 平台建设工作",
            "一、本年新收政府信息公开申请数量",
            "四、结转下年度继续办理",
            "二、主动公开政府信息情况",
        ]
    )
    assert _headings(text) == [("overview", 1), ("proactive", 7)]


def test_a_numbered_heading_wins_over_an_unnumbered_sub_head() -> None:
    text = "\n".join(["一、总体情况", "主动公开政府信息情况", "正文。", "二、行政机关主动公开政府信息情况"])
    assert _headings(text) == [("overview", 1), ("proactive", 4)]


def test_the_last_unnumbered_candidate_before_the_next_heading_wins() -> None:
    text = "\n".join(
        [
            "一、总体情况",
            "四、政府信息公开行政复议、行政诉讼情况",
            "五、存在的主要问题及改进情况",
            "其他需要报告的事项",
            "（一）收费情况",
            "其他需要报告的事项",
            "（六）本行政机关认为需要报告的其他事项",
        ]
    )
    assert _headings(text)[-1] == ("other", 6)


def test_long_lines_and_sentences_are_not_headings() -> None:
    text = "\n".join(
        [
            "一、总体情况。本年度我局认真贯彻落实条例",
            "一、总体情况，全年主动公开信息100条",
            "本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况等部分组成",
        ]
    )
    assert _headings(text) == []


def test_section_text_leaves_tables_out() -> None:
    text = "\n".join(
        [
            "某局2023年政府信息公开工作年度报告",
            "一、总体情况",
            "第一段。",
            "第二段。",
            "二、主动公开政府信息情况",
            "第二十条第（五）项\t",
            "信息内容\t本年处理决定数量",
            "行政许可\t5",
            "表后说明文字较长的一段话。",
            "三、收到和处理政府信息公开申请情况",
        ]
    )
    report = parse_report(text)
    overview, proactive, _ = report.sections
    assert overview.text == "第一段。\n第二段。"
    assert proactive.text == "表后说明文字较长的一段话。"
    assert report.cells["proactive.licensing.decisions"] == 5
    missing = {d.key for d in report.diagnostics if d.code == "section.missing"}
    assert missing == {"sections.review_litigation", "sections.problems", "sections.other"}


def test_reworded_titles_are_read_with_an_info() -> None:
    report = parse_report("某局2023年政府信息公开工作年度报告\n一、概述\n二、行政机关主动公开政府信息情况\n")
    assert [s.key for s in report.sections] == ["overview", "proactive"]
    variants = [d for d in report.diagnostics if d.code == "section.variant"]
    assert {d.key for d in variants} == {"sections.overview", "sections.proactive"}
    assert all(d.severity == "info" for d in variants)
