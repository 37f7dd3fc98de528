"""Text laid out in columns (pdftotext -layout): label pieces stacked over lines."""

from __future__ import annotations

from gov_disclosure import parse_report
from gov_disclosure.columns import join_stacked_labels
from gov_disclosure.formats import FORMAT_2019, FORMAT_2021
from gov_disclosure.labels import Labels
from gov_disclosure.normalize import to_lines

LABELS = Labels(FORMAT_2021, FORMAT_2019)


def _cells(text: str) -> list[list[str]]:
    return [[c.text for c in line.cells] for line in join_stacked_labels(to_lines(text), LABELS)]


def test_stacked_header_words_are_joined_by_column() -> None:
    text = "  自然人     商业     科研     总计\n             企业     机构"
    assert _cells(text) == [["自然人", "商业企业", "科研机构", "总计"]]


def test_a_wrapped_row_label_is_joined_and_keeps_its_values() -> None:
    text = (
        "  （二）部分公开（区分处理的，      3     0     3\n"
        "  只计这一情形，不计其他情形）\n"
        "  （三）不予公开      1     0     1"
    )
    cells = _cells(text)
    assert cells[0] == ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "3", "0", "3"]
    assert cells[1][0] == "（三）不予公开"


def test_a_centred_wrap_is_joined_too() -> None:
    text = "     5.要求行政机关确认或重新      4\n          出具已获取信息"
    assert _cells(text) == [["5.要求行政机关确认或重新出具已获取信息", "4"]]


def test_a_merged_label_spread_over_the_rows_beside_it_is_joined_into_its_first_line() -> None:
    text = (
        "  三、本     （一）予以公开      1   0   1\n"
        "  年度办     （二）部分公开（区分处理的，只计这一情形，不计其他情形）   0   0   0\n"
        "  理结果     （三）不予公开   1.属于国家秘密   0   0   0"
    )
    cells = _cells(text)
    assert cells[0][0] == "三、本年度办理结果"
    assert cells[1][0].startswith("（二）部分公开")
    assert cells[2][:2] == ["（三）不予公开", "1.属于国家秘密"]


def test_pieces_that_make_no_label_stay_where_they_are() -> None:
    text = "  规章        5\n  行政许可    3\n  第二十条第（五）项\n  信息内容    本年处理决定数量"
    assert _cells(text) == [
        ["规章", "5"],
        ["行政许可", "3"],
        ["第二十条第（五）项"],
        ["信息内容    本年处理决定数量"],
    ]


def _at(*placed: tuple[int, str]) -> str:
    """A line with each text at a display column (Chinese characters two columns wide)."""
    line = ""
    for column, text in placed:
        width = sum(2 if ord(ch) > 0x2E80 else 1 for ch in line)
        line += " " * (column - width) + text
    return line


HEADS = [
    (40, "自然人"),
    (52, "商业企业"),
    (64, "科研机构"),
    (76, "社会公益组织"),
    (92, "法律服务机构"),
    (108, "其他"),
    (118, "总计"),
]
TABLE3 = "\n".join(
    [
        "一、总体情况",
        "三、收到和处理政府信息公开申请情况",
        _at(*HEADS[:1], (52, "法人或其他组织"), HEADS[-1]),
        _at(*HEADS[1:-1]),
    ]
)


def _row(label: str, values: dict[int, str]) -> str:
    """A row with values centred under the headers at the given positions."""
    placed = [(2, label)]
    for k, value in sorted(values.items()):
        column, head = HEADS[k]
        centre = column + sum(2 if ord(ch) > 0x2E80 else 1 for ch in head) // 2
        placed.append((centre - len(value) // 2, value))
    return _at(*placed)


def test_a_gap_under_a_header_is_a_blank() -> None:
    row = _row("一、本年新收政府信息公开申请数量", {0: "3", 1: "1", 3: "2", 6: "6"})
    report = parse_report(TABLE3 + "\n" + row)
    values = {c: report.cell(f"applications.new_received.{c}") for c in COLUMNS}
    assert {c: cell.value for c, cell in values.items()} == {
        "natural_person": 3,
        "commercial": 1,
        "research": 0,
        "social_org": 2,
        "legal_service": 0,
        "other_org": 0,
        "total": 6,
    }
    assert values["research"].how == "blank"
    assert ("cell.blank", "applications.new_received.research") in {
        (d.code, d.key) for d in report.diagnostics
    }


def test_a_value_between_two_columns_is_not_placed_by_position() -> None:
    # Six values, the second centred between 商业企业 and 科研机构: a cell spanning both.
    row = _row("一、本年新收政府信息公开申请数量", {0: "3", 3: "2", 4: "0", 5: "0", 6: "6"})
    line = row[:59] + "1" + row[60:]
    report = parse_report(TABLE3 + "\n" + line)
    (short,) = [d for d in report.diagnostics if d.code == "row.short"]
    assert short.key == "applications.new_received"
    assert short.severity == "error"
    # Read in order, the values could sit in several places: those cells are null, not guessed.
    assert report.cell("applications.new_received.natural_person").value is None
    assert "applications.new_received.natural_person" in short.cells


COLUMNS = ["natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total"]


def test_a_row_with_no_value_under_placed_headers_is_all_blanks() -> None:
    rows = "\n".join(
        [
            _row("（一）予以公开", {0: "4", 1: "2", 5: "1", 6: "7"}),
            _at((2, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）")),
            _row("一、本年新收政府信息公开申请数量", {0: "4", 1: "2", 5: "1", 6: "7"}),
        ]
    )
    report = parse_report(TABLE3 + "\n" + rows)
    cells = [report.cell(f"applications.partially_granted.{c}") for c in COLUMNS]
    assert [(c.value, c.how) for c in cells] == [(0, "blank")] * 7
    assert not [
        d for d in report.diagnostics if d.key == "applications.partially_granted" and d.severity != "info"
    ]


def test_a_header_repeated_after_a_page_break_places_the_rows_below_it() -> None:
    first = _row("一、本年新收政府信息公开申请数量", {0: "4", 1: "2", 5: "1", 6: "7"})
    # The next page prints the header again, shifted two columns to the right.
    shifted = TABLE3.split("\n", 2)[2].replace("\n", "\n  ")
    second = "  " + _row("（一）予以公开", {0: "4", 1: "2", 5: "1", 6: "7"})
    report = parse_report(TABLE3 + "\n" + first + "\n\n      - 3 -\n\f\n  " + shifted + "\n" + second)
    for row in ("new_received", "granted"):
        assert [report.cells[f"applications.{row}.{c}"] for c in COLUMNS] == [4, 2, 0, 0, 0, 1, 7]


def test_a_value_outside_every_header_is_not_placed_by_position() -> None:
    # 3 is right-aligned under 本年制发件数 and ends where 本年废止件数 begins: it touches
    # no header, so its column is not certain; table 2 has no arithmetic: null, an error.
    text = (
        "某局2022年政府信息公开工作年度报告\n二、主动公开政府信息情况\n  第二十条第（一）项\n"
        + _at((2, "信息内容"), (24, "本年制发件数"), (40, "本年废止件数"), (56, "现行有效件数"))
        + "\n"
        + _at((2, "规章"), (38, "3"), (54, "2"))
        + "\n"
        + _at((2, "行政规范性文件"), (27, "12"), (43, "0"), (59, "20"))
        + "\n"
    )
    report = parse_report(text)
    assert [report.cells[f"proactive.regulations.{c}"] for c in ("issued", "repealed", "in_force")] == [
        None
    ] * 3
    assert ("row.short", "error") in {
        (d.code, d.severity) for d in report.diagnostics if d.key == "proactive.regulations"
    }
    assert [
        report.cells[f"proactive.normative_documents.{c}"] for c in ("issued", "repealed", "in_force")
    ] == [12, 0, 20]
