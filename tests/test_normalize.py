"""The normaliser: line numbering, cells, width folding, converter artefacts."""

from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st

from gov_disclosure.normalize import normalize_text, split_lines, to_lines

# Text as conversions produce it: CJK, ASCII, full-width forms, odd spaces, tabs, breaks.
ALPHABET = st.sampled_from(
    [
        *"政府信息公开年度报告一二三（）()、，。：0123456789abcXYZ ",
        *["\t", "\n", "\r", "\r\n", "\u3000", "\u00a0", "\f", "\v", "\u2028", "\x85", "０", "９", "（", "）"],
    ]
)
TEXTS = st.lists(ALPHABET, max_size=200).map("".join)


@given(TEXTS)
def test_line_count_follows_only_the_three_line_ends(text: str) -> None:
    lines = to_lines(text)
    breaks = text.count("\r\n") + text.replace("\r\n", "").count("\r") + text.replace("\r\n", "").count("\n")
    trailing = text.endswith(("\n", "\r"))
    assert len(lines) == (breaks + 1 - trailing if text else 0)
    assert [line.number for line in lines] == list(range(1, len(lines) + 1))


@given(TEXTS)
def test_normalising_is_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


@given(TEXTS)
def test_matching_form_has_no_wide_digits_or_odd_spaces(text: str) -> None:
    norm = normalize_text(text)
    assert not any(ch in norm for ch in "０１２３４５６７８９\u3000\u00a0\t\f\v")
    assert norm == norm.strip()
    assert "  " not in norm


@given(st.lists(st.text(alphabet="政府0123 ", max_size=6), min_size=1, max_size=8))
def test_cells_are_the_tab_separated_pieces(pieces: list[str]) -> None:
    text = "\t".join(pieces)
    assume(text and len(pieces) > 1)  # a line without a tab may be split at runs of spaces
    (line,) = to_lines(text)
    if len(pieces) > 1 and not pieces[0].strip():
        assert line.indented
        pieces = pieces[1:]
    assert [c.text for c in line.cells] == [p.strip(" ") for p in pieces]


def test_split_lines_keeps_other_separators_inside_lines() -> None:
    assert split_lines("a\fb\vc\u2028d\x85e") == ["a\fb\vc\u2028d\x85e"]
    assert split_lines("a\r\nb\rc\nd") == ["a", "b", "c", "d"]
    assert split_lines("a\n\n") == ["a", ""]


def test_bookmark_artefacts_are_removed_from_text_and_cells() -> None:
    (line,) = to_lines("\t[bookmark: _Hlk66973412]一、本年新收政府信息公开申请数量")
    assert line.indented
    assert line.cells[0].text == "一、本年新收政府信息公开申请数量"
    (line,) = to_lines("[bookmark: _GoBack]2022年，宝山镇")
    assert line.text == "2022年，宝山镇"


def test_printed_text_is_only_trimmed_but_matching_form_is_folded() -> None:
    (line,) = to_lines("\t\u3000０\u00a0")
    cell = line.cells[0]
    assert cell.text == "０"
    assert cell.norm == "0"


def test_bom_is_dropped() -> None:
    assert to_lines("\ufeff总体情况")[0].cells[0].text == "总体情况"


def test_markdown_pipe_rows_are_grid_rows_with_every_slot() -> None:
    lines = to_lines("| 规章 | 5 |  | 12 |\n| --- | :---: | --- | --- |\n| 行政规范性文件 | 1 | 0 | 3 |")
    row, rule, second = lines
    assert [c.text for c in row.cells] == ["规章", "5", "", "12"]
    assert row.grid
    assert row.aligned
    assert rule.blank
    assert rule.number == 2
    assert second.number == 3
    assert second.cells[0].text == "行政规范性文件"


def test_placeholder_header_rows_of_a_split_markdown_table_are_blank() -> None:
    text = "| 规章 | 5 |\n\n| Col1 | Col2 |\n|---|---|\n| 行政规范性文件 | 1 |"
    lines = to_lines(text)
    assert lines[2].blank
    assert lines[3].blank
    assert [c.text for c in lines[4].cells] == ["行政规范性文件", "1"]


def test_a_line_laid_out_in_columns_is_split_into_pieces_with_their_columns() -> None:
    (line,) = to_lines("  行政规范性文件      12       0      1,234")
    assert [c.text for c in line.cells] == ["行政规范性文件", "12", "0", "1,234"]
    # A Chinese character takes two display columns.
    assert [(p.start, p.end) for p in line.pieces] == [(2, 16), (22, 24), (31, 32), (38, 43)]


def test_narrative_with_a_wide_space_inside_stays_one_cell() -> None:
    (line,) = to_lines("联系人：张三    电话：0571-12345678")
    assert [c.text for c in line.cells] == ["联系人：张三    电话：0571-12345678"]
    assert len(line.pieces) == 2  # kept for the column pass; not a table row by itself


@given(st.lists(st.sampled_from(["规章", "12", "0", "-", "行政许可", "总计"]), min_size=3, max_size=8))
def test_pieces_keep_every_printed_cell_in_order(words: list[str]) -> None:
    (line,) = to_lines("  " + "   ".join(words))
    assert [c.text for c in line.cells] == words
    starts = [p.start for p in line.pieces]
    assert starts == sorted(starts)
    assert len(set(starts)) == len(starts)


def test_a_row_of_small_values_heading_a_markdown_piece_is_kept() -> None:
    text = "| 5 | 0 | 2 | 4 | 11 |\n|---|---|---|---|---|\n| Col1 | Col2 |\n"
    lines = to_lines(text)
    assert [c.text for c in lines[0].cells] == ["5", "0", "2", "4", "11"]
    numbered = to_lines("| 1 | 2 | 3 |\n|---|---|---|\n")
    assert numbered[0].blank
