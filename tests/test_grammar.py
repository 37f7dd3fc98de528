"""The grammar and the token pass: conflict-free LALR, tables recognised in every layout."""

from __future__ import annotations

import random
from importlib import resources

import pytest
from lark import Lark

from gov_disclosure.formats import FORMAT_2021
from gov_disclosure.labels import Labels
from gov_disclosure.normalize import to_lines
from gov_disclosure.parser import _PassThrough, tokenize
from gov_disclosure.sections import SECTION_KEYS, find_headings
from gov_disclosure.transform import Document, document_parser

from builder import build_report


def _document(text: str) -> Document:
    lines = to_lines(text)
    headings = {h.line: h for h in find_headings(lines)}
    tree = document_parser().parse(tokenize(lines, headings, Labels(FORMAT_2021)))
    assert isinstance(tree, Document)
    return tree


def test_grammar_ships_with_the_package_and_has_no_conflicts() -> None:
    grammar = resources.files("gov_disclosure").joinpath("grammar.lark").read_text(encoding="utf-8")
    # strict=True raises on any shift/reduce or reduce/reduce conflict.
    Lark(grammar, parser="lalr", lexer=_PassThrough, strict=True)


@pytest.mark.parametrize("layout", ["tabs", "lines", "pdf"])
def test_three_tables_in_their_sections(layout: str) -> None:
    built = build_report(random.Random(8), layout)
    doc = _document(built.text)
    assert [s.heading.key for s in doc.sections] == list(SECTION_KEYS)
    assert sorted({t.kind for t in doc.tables}) == [2, 3, 4]
    assert {t.section for t in doc.tables} == {"proactive", "applications", "review_litigation"}
    assert doc.front[0].text.startswith(built.organ) or built.organ in doc.front[0].text


def test_narrative_line_closes_a_table_and_a_heading_opens_a_section() -> None:
    text = "\n".join(
        [
            "一、总体情况",
            "二、主动公开政府信息情况",
            "第二十条第（五）项",
            "信息内容\t本年处理决定数量",
            "行政许可\t3",
            "表格说明：以上数据截至年底，由各科室汇总后填报。",
            "行政强制\t4",
        ]
    )
    doc = _document(text)
    proactive = doc.sections[1]
    assert [line.text for line in proactive.text_lines] == [
        "表格说明：以上数据截至年底，由各科室汇总后填报。"
    ]
    assert [t.kind for t in proactive.tables] == [2, 2]


def test_continued_cell_in_one_cell_per_line_layout_is_joined() -> None:
    text = "\n".join(
        [
            "三、收到和处理政府信息公开申请情况",
            "\t（本列数据的勾稽关系为：第一项加第二项之和，",
            "等于第三项加第四项之和）",
            "\t5.要求行政机关确认或重新",
            "出具已获取信息",
            "\t1",
        ]
    )
    doc = _document(text)
    (table,) = doc.tables
    texts = [c.text for line in table.lines for c in line.cells]
    assert texts[:3] == [
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
        "5.要求行政机关确认或重新出具已获取信息",
        "1",
    ]
