"""What raises, and what never does."""

from __future__ import annotations

import pytest

from gov_disclosure import GovDisclosureError, InputTypeError, NotAReportError, parse_report


@pytest.mark.parametrize("value", [b"\xe6\x80\xbb", None, 42, ["一、总体情况"]])
def test_non_text_input_is_a_typed_error(value: object) -> None:
    with pytest.raises(InputTypeError, match="str") as info:
        parse_report(value)  # type: ignore[arg-type]
    assert isinstance(info.value, GovDisclosureError)
    assert isinstance(info.value, TypeError)


def test_bytes_message_says_decode() -> None:
    with pytest.raises(InputTypeError, match="decode"):
        parse_report(b"abc")  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", "   \n\t\n\u3000\n", "\r\n\r\n"])
def test_empty_text_is_not_a_report(text: str) -> None:
    with pytest.raises(NotAReportError, match="empty"):
        parse_report(text)


@pytest.mark.parametrize(
    "text",
    [
        "关于做好2023年春节期间安全生产工作的通知\n各有关单位：\n请认真做好安全生产工作。",
        "The quick brown fox jumps over the lazy dog.\n" * 20,
        "2023年国民经济和社会发展统计公报\n一、综合\n全年地区生产总值增长5%。",
    ],
)
def test_unrelated_document_is_not_a_report(text: str) -> None:
    with pytest.raises(NotAReportError, match="not a government information disclosure annual report"):
        parse_report(text)


def test_not_a_report_is_a_value_error() -> None:
    assert issubclass(NotAReportError, ValueError)
    assert issubclass(NotAReportError, GovDisclosureError)


def test_title_alone_is_a_report_with_diagnostics() -> None:
    report = parse_report("某某局2023年政府信息公开工作年度报告\n本年度工作正常开展。")
    assert report.meta.organ == "某某局"
    assert report.meta.year == 2023
    assert report.format == "free-form"
    assert any(d.code == "format.free_form" for d in report.diagnostics)


def test_two_section_headings_make_a_report() -> None:
    report = parse_report("一、总体情况\n工作有序。\n五、存在的主要问题及改进情况\n问题不少。")
    assert [s.key for s in report.sections] == ["overview", "problems"]


def test_a_table_label_makes_a_report() -> None:
    text = "第二十条第（一）项\t\t\t\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t1\t2\t3\n"
    report = parse_report(text)
    assert report.cells["proactive.regulations.in_force"] == 3


def test_one_table_word_is_not_a_report() -> None:
    with pytest.raises(NotAReportError):
        parse_report("行政复议")


def test_parse_lines_checks_its_input() -> None:
    from gov_disclosure import SourceLine, parse_lines, to_lines

    lines = to_lines("某局2023年政府信息公开工作年度报告\n一、总体情况\n二、主动公开政府信息情况")
    assert parse_lines(lines).meta.organ == "某局"
    with pytest.raises(InputTypeError):
        parse_lines(["一、总体情况"])  # type: ignore[list-item]
    with pytest.raises(GovDisclosureError, match="numbered"):
        parse_lines([SourceLine(number=0, cells=line.cells) for line in lines])
    assert lines[1].text == "一、总体情况"
    assert SourceLine(number=1, cells=lines[1].cells).text == "一、总体情况"


def test_free_form_report_of_a_recent_year_is_a_warning() -> None:
    recent = parse_report("某局2023年政府信息公开工作年度报告\n全文见附件。")
    (note,) = [d for d in recent.diagnostics if d.code == "format.free_form"]
    assert note.severity == "warning"
    old = parse_report("某局2016年政府信息公开工作年度报告\n一、概述\n本年度工作正常开展。")
    (note,) = [d for d in old.diagnostics if d.code == "format.free_form"]
    assert note.severity == "info"


PRE_2019 = """某县林业局2017年政府信息公开工作年度报告
本报告是根据《中华人民共和国政府信息公开条例》要求，由某县林业局编制。
一、概述
2017年，我局认真贯彻落实政府信息公开工作要求。
二、主动公开政府信息情况
全年主动公开政府信息120条，其中行政许可36条。
三、依申请公开政府信息情况
全年共收到申请5件，均已按时答复。
四、政府信息公开的收费及减免情况
未收取任何费用。
五、因政府信息公开申请行政复议、提起行政诉讼的情况
无。
六、存在的主要问题及改进措施
公开的及时性有待提高。
某县林业局
2018年1月20日
"""


def test_a_report_in_the_older_structure_is_free_form_with_its_sections() -> None:
    report = parse_report(PRE_2019)
    assert report.format == "free-form"
    assert report.cells == {}
    assert report.checks == ()
    assert (report.meta.organ, report.meta.year, str(report.meta.published)) == (
        "某县林业局",
        2017,
        "2018-01-20",
    )
    # Numbered its own way (五、 for 复议诉讼): the sections are found all the same.
    assert [(s.key, s.line) for s in report.sections] == [
        ("overview", 3),
        ("proactive", 5),
        ("applications", 7),
        ("review_litigation", 11),
        ("problems", 13),
    ]
    assert "120" in report.sections[1].text
    (note,) = [d for d in report.diagnostics if d.code == "format.free_form"]
    assert note.severity == "info"
    assert not [d for d in report.diagnostics if d.code == "section.missing"]


def test_the_older_headings_make_a_report_free_form_whatever_year_it_names() -> None:
    report = parse_report(PRE_2019.replace("2017年", "年").replace("某县林业局2017", "某县林业局"))
    assert report.format == "free-form"


def test_six_national_headings_without_tables_are_not_free_form() -> None:
    text = (
        "某镇人民政府2022年政府信息公开工作年度报告\n一、总体情况\n正常。\n二、主动公开政府信息情况\n见网站。\n"
        "三、收到和处理政府信息公开申请情况\n无。\n四、政府信息公开行政复议、行政诉讼情况\n无。\n"
        "五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。\n"
    )
    report = parse_report(text)
    assert report.format == "2021"
    assert report.cells["applications.total.total"] is None
    assert {d.code for d in report.diagnostics} >= {"table.missing", "format.by_year"}


def test_an_older_heading_as_a_sub_head_does_not_make_a_report_free_form() -> None:
    text = (
        "某镇人民政府2022年政府信息公开工作年度报告\n一、总体情况\n（二）依申请公开情况\n本年收到申请3件。\n"
        "二、主动公开政府信息情况\n见网站。\n三、收到和处理政府信息公开申请情况\n见附件。\n"
        "四、政府信息公开行政复议、行政诉讼情况\n无。\n五、存在的主要问题及改进情况\n无。\n"
    )
    report = parse_report(text)
    assert report.format == "2021"
    assert len(report.cells) == 200
