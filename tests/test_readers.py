"""Files as people find them: each report gives the same cells from text in any encoding,
from an HTML page, a Word document and a PDF built from its content."""

from __future__ import annotations

import io
import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from gov_disclosure import (
    InputTypeError,
    MissingDependencyError,
    NotAReportError,
    Report,
    UnreadableDocumentError,
    detect_kind,
    parse_bytes,
    parse_file,
    parse_report,
)
from gov_disclosure.readers.encoding import decode

from builder import build_report
from conftest import DATA
from files import blocks, to_docx, to_html, to_pdf
from helpers import RANK, under

CASES = sorted((DATA / "expected").glob("*.json")) + sorted((DATA / "examples").glob("*.json"))


def _case(path: Path) -> tuple[dict[str, Any], str]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    source = path.parent / gold["file"]
    if not source.exists():
        source = DATA / "seeds" / gold["file"]
    return gold, source.read_text(encoding="utf-8")


def _variants(text: str) -> dict[str, tuple[str, bytes]]:
    parts = blocks(text)
    return {
        "gbk.txt": (".txt", text.encode("gb18030")),
        "utf16-bom.txt": (".txt", b"\xff\xfe" + text.encode("utf-16-le")),
        "utf16-nobom.txt": (".txt", text.encode("utf-16-le")),
        "utf8-bom.md": (".md", b"\xef\xbb\xbf" + text.encode("utf-8")),
        "page.html": (".html", to_html(parts)),
        "page-gb2312.htm": (".htm", to_html(parts, "gb2312")),
        "document.docx": (".docx", to_docx(parts)),
        "document.pdf": (".pdf", to_pdf(parts)),
    }


def _same_reading(got: Report, want: Report, gold: dict[str, Any]) -> None:
    assert got.cells == want.cells
    assert [s.key for s in got.sections] == [s.key for s in want.sections]
    names = {gold["meta"]["organ"], *gold["meta"].get("organ_alternatives", [])}
    assert got.meta.organ in names
    assert got.meta.year == gold["meta"]["year"]
    for entry in gold["expect_diagnostics_on"]:
        key = entry if isinstance(entry, str) else entry["key"]
        least = RANK["warning"] if isinstance(entry, str) else RANK[entry["min_severity"]]
        assert any(
            RANK[d.severity] >= least and any(under(k, key) for k in (d.key, *d.cells))
            for d in got.diagnostics
        ), key


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_every_input_kind_gives_the_same_cells(case: Path, tmp_path: Path) -> None:
    gold, text = _case(case)
    want = parse_report(text)
    for name, (suffix, data) in _variants(text).items():
        path = tmp_path / f"{case.stem}-{name}"
        assert path.suffix == suffix
        path.write_bytes(data)
        got = parse_file(path)
        assert got.source is not None
        assert got.source.kind == detect_kind(data, str(path))
        _same_reading(got, want, gold)


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("layout", ["tabs", "lines", "pdf"])
def test_unseen_reports_in_every_file_kind(layout: str, seed: int) -> None:
    defects = [(), ("blanks", "short_row"), ("long_t4", "extra_t2"), ("missing_block", "blank_nonzero")][seed]
    built = build_report(random.Random(f"files|{layout}|{seed}"), layout, defects)
    parts = blocks(built.text)
    for data in (to_html(parts), to_docx(parts), to_pdf(parts)):
        report = parse_bytes(data)
        assert report.cells == built.cells
        assert report.meta.organ == built.organ
        assert report.meta.year == built.year


def test_html_page_with_spans_breaks_and_page_furniture() -> None:
    page = """<html><head><meta charset="gbk"><title>某区2023年政府信息公开工作年度报告-某区人民政府</title>
    <script>document.write('<p>一、总体情况</p>')</script></head><body>
    <div class="nav">首页 &gt; 信息公开 &gt; 年度报告</div>
    <h1>某区教育局2023年政府信息公开工作年度报告</h1>
    <div id="content"><p>一、总体情况</p><p>全年工作顺利。</p>
    <p>二、主动公开政府信息情况</p>
    <table border=1>
      <tr><td colspan="4">第二十条第（一）项</td></tr>
      <tr><td>信息内容</td><td>本年<br>制发件数</td><td>本年<br/>废止件数</td><td>现行有效<br>件数</td></tr>
      <tr><td>规章</td><td>1</td><td>&nbsp;</td><td>3</td></tr>
      <tr><td>行政规范性文件</td><td>4</td><td>0</td><td>9</td></tr>
      <tr><td colspan="4">第二十条第（五）项</td></tr>
      <tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
      <tr><td>行政许可</td><td colspan="3">15</td></tr>
      <tr><td></td><td></td><td></td><td></td></tr>
    </table>
    <p>三、收到和处理政府信息公开申请情况</p>
    <table>
      <tr><td rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>
          <td colspan="7">申请人情况</td></tr>
      <tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
      <tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
      <tr><td>一、本年新收政府信息公开申请数量</td><td>3</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>4</td></tr>
      <tr><td rowspan="2">三<br>、<br>本<br>年<br>度<br>办<br>理<br>结<br>果</td><td>（一）予以公开</td>
          <td>2</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td></td></tr>
      <tr><td>（二）部分公开</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td></tr>
    </table></div>
    <div class="footer">网站标识码：123 版权所有</div></body></html>"""
    report = parse_bytes(page.encode("gbk"))
    assert report.source is not None
    assert (report.source.kind, report.source.encoding) == ("html", "gb18030")
    assert report.meta.organ == "某区教育局"
    assert [s.key for s in report.sections] == ["overview", "proactive", "applications"]
    assert report.cells["proactive.regulations.issued"] == 1
    assert report.cell("proactive.regulations.repealed").how == "blank"  # &nbsp; in a value slot
    assert report.cells["proactive.licensing.decisions"] == 15
    assert report.cells["applications.new_received.total"] == 4
    granted = report.cell("applications.granted.total")  # an empty grid slot the row fills
    assert (granted.value, granted.how) == (3, "derived")
    assert report.cells["applications.partially_granted.total"] == 1
    assert "网站标识码" not in " ".join(s.text for s in report.sections)


def test_docx_merged_cells() -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("某县司法局2022年政府信息公开工作年度报告")
    document.add_paragraph("四、政府信息公开行政复议、行政诉讼情况")
    table = document.add_table(rows=4, cols=15)
    table.cell(0, 0).merge(table.cell(0, 4)).text = "行政复议"
    table.cell(0, 5).merge(table.cell(0, 14)).text = "行政诉讼"
    for g in range(3):
        labels = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
        for i, label in enumerate(labels):
            table.cell(2, 5 * g + i).text = label
    table.cell(1, 0).merge(table.cell(2, 0))  # a vertical merge: the slot below is covered
    table.cell(1, 0).text = "结果维持"
    values = [1, 0, 0, 1, 2, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1]
    for i, v in enumerate(values):
        table.cell(3, i).text = str(v)
    buffer = io.BytesIO()
    document.save(buffer)
    report = parse_bytes(buffer.getvalue())
    assert report.source is not None
    assert report.source.kind == "docx"
    assert report.cells["review_litigation.review.total"] == 2
    assert report.cells["review_litigation.litigation_after_review.corrected"] == 1


@pytest.mark.parametrize(
    ("data", "encoding", "how"),
    [
        ("总体情况".encode("utf-8-sig"), "utf-8", "bom"),
        ("总体情况".encode("utf-16"), "utf-16-le", "bom"),
        ("2023年总体情况\n".encode("utf-16-be"), "utf-16-be", "nul"),
        ("一、总体情况".encode("utf-16-le"), "utf-16-le", "nul"),
        ("总体情况".encode(), "utf-8", "utf-8"),
        ("总体情况".encode("gbk"), "gb18030", "gb18030"),
        ('<meta charset="GB2312">总体'.encode("gbk"), "gb18030", "declared"),
        ('<?xml version="1.0" encoding="gbk"?><a>总体</a>'.encode("gbk"), "gb18030", "declared"),
    ],
)
def test_encoding_cascade(data: bytes, encoding: str, how: str) -> None:
    decoded = decode(data)
    assert (decoded.encoding, decoded.how) == (encoding, how)
    assert "总体" in decoded.text


def test_encoding_given_by_the_caller() -> None:
    data = "總體情況".encode("big5")
    assert decode(data, "big5").text == "總體情況"
    with pytest.raises(UnreadableDocumentError, match="unknown encoding"):
        decode(data, "no-such-codec")
    text = "某局2023年政府信息公开工作年度报告\n一、总体情况\n二、主动公开政府信息情况"
    report = parse_bytes(text.encode("gbk"), encoding="gbk")
    assert report.meta.organ == "某局"
    assert any(d.code == "input.encoding" and "caller" in d.message for d in report.diagnostics)


def test_kind_detection() -> None:
    assert detect_kind(b"%PDF-1.7 ...") == "pdf"
    assert detect_kind(b"<!DOCTYPE html><html>") == "html"
    assert detect_kind("一、总体情况".encode(), "report.htm") == "html"
    assert detect_kind("一、总体情况".encode()) == "text"
    assert detect_kind(b"PK\x03\x04....word/document.xml") == "docx"
    with pytest.raises(UnreadableDocumentError, match=r"\.doc"):
        detect_kind(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)


def test_damaged_and_textless_files_are_typed_errors() -> None:
    with pytest.raises(UnreadableDocumentError, match="docx"):
        parse_bytes(b"PK\x03\x04 not really a zip word/", kind="docx")
    with pytest.raises(UnreadableDocumentError, match="PDF"):
        parse_bytes(b"%PDF-1.4 truncated", kind="pdf")
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.rect(100, 100, 200, 200)  # a scanned page has pictures, not text
    page.save()
    with pytest.raises(UnreadableDocumentError, match="OCR"):
        parse_bytes(buffer.getvalue())


def test_parse_file_takes_paths_bytes_and_binary_files(tmp_path: Path) -> None:
    text = (DATA / "seeds" / "001_c7cdc2898a3fcd12.txt").read_text(encoding="utf-8")
    path = tmp_path / "report.txt"
    path.write_bytes(text.encode("gbk"))
    cells = parse_report(text).cells
    assert parse_file(path).cells == cells
    assert parse_file(str(path)).cells == cells
    assert parse_file(path.read_bytes()).cells == cells
    with path.open("rb") as handle:
        assert parse_file(handle).cells == cells
    with path.open("r", encoding="gbk") as handle, pytest.raises(InputTypeError, match="rb"):
        parse_file(handle)  # type: ignore[arg-type]
    with pytest.raises(FileNotFoundError):
        parse_file(tmp_path / "missing.txt")
    with pytest.raises(InputTypeError):
        parse_bytes("text")  # type: ignore[arg-type]
    with pytest.raises(InputTypeError, match="kind"):
        parse_bytes(b"x", kind="rtf")  # type: ignore[arg-type]


def test_core_works_without_extras_and_names_the_extra_to_install(tmp_path: Path) -> None:
    text = (DATA / "seeds" / "001_c7cdc2898a3fcd12.txt").read_text(encoding="utf-8")
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    (tmp_path / "r.html").write_bytes(to_html(blocks(text)))
    script = f"""
import sys
for name in ("lxml", "lxml.html", "docx", "pdfplumber", "charset_normalizer", "tqdm", "reportlab"):
    sys.modules[name] = None  # as if not installed
import gov_disclosure
print(gov_disclosure.parse_file({str(tmp_path / "r.txt")!r}).meta.organ)
page = open({str(tmp_path / "r.html")!r}, "rb").read()
for kind, data in (("html", page), ("docx", b"PK"), ("pdf", b"%PDF")):
    try:
        gov_disclosure.parse_bytes(data, kind=kind)
    except gov_disclosure.MissingDependencyError as exc:
        print(exc)
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    lines = result.stdout.splitlines()
    assert lines[0] == "海阳市二十里店镇"
    assert "gov-disclosure[html]" in lines[1]
    assert "gov-disclosure[docx]" in lines[2]
    assert "gov-disclosure[pdf]" in lines[3]
    assert issubclass(MissingDependencyError, ImportError)


@pytest.mark.parametrize("case", CASES[:5], ids=lambda p: p.stem)
def test_unruled_pdf_tables_never_give_a_wrong_value(case: Path) -> None:
    """Without ruling lines no table is found and rows come as lines of words; labels
    wrapped in narrow columns may leave rows unread, but never misread."""
    _, text = _case(case)
    want = parse_report(text)
    got = parse_bytes(to_pdf(blocks(text), ruled=False))
    assert got.meta.organ == want.meta.organ
    for key, value in got.cells.items():
        assert value is None or value == want.cells[key], key
    read = sum(v is not None for v in got.cells.values())
    assert read >= sum(v is not None for v in want.cells.values()) // 2


def _docx_with_wrappers() -> bytes:
    """A Word document whose numbers sit inside markup other than plain runs: a tracked
    insertion, a smart tag, content controls (inline and around the whole body), custom
    XML and a simple field; the tables inside a one-cell layout table."""
    import docx
    from docx.oxml.ns import qn
    from lxml import etree

    document = docx.Document()
    document.add_paragraph("某市统计局2023年政府信息公开工作年度报告")
    document.add_paragraph("二、主动公开政府信息情况")
    layout = document.add_table(rows=1, cols=1)
    cell = layout.cell(0, 0)
    cell.paragraphs[0].text = "第二十条第（一）项"
    inner = cell.add_table(rows=3, cols=4)
    for r, row in enumerate(
        [
            ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
            ["规章", "1", "2", "3"],
            ["行政规范性文件", "4", "5", "6"],
        ]
    ):
        for c, text in enumerate(row):
            inner.cell(r, c).text = text

    def wrap(run_text: str, tag: str) -> None:
        for t in document.element.body.iter(qn("w:t")):
            if t.text == run_text:
                run = t.getparent()
                wrapper = etree.SubElement(run.getparent(), qn(tag))
                run.addprevious(wrapper)
                if tag == "w:sdt":
                    wrapper = etree.SubElement(wrapper, qn("w:sdtContent"))
                wrapper.append(run)
                return
        raise AssertionError(run_text)

    wrap("1", "w:ins")
    wrap("2", "w:smartTag")
    wrap("3", "w:sdt")
    wrap("4", "w:customXml")
    wrap("5", "w:fldSimple")
    body = document.element.body
    control = etree.SubElement(body, qn("w:sdt"))
    content = etree.SubElement(control, qn("w:sdtContent"))
    for element in list(body)[:-1]:
        if element.tag != qn("w:sectPr"):
            content.append(element)
    body.insert(0, control)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_text_inside_other_markup_is_read() -> None:
    report = parse_bytes(_docx_with_wrappers())
    assert report.meta.organ == "某市统计局"
    values = [
        report.cells[f"proactive.{r}.{c}"]
        for r in ("regulations", "normative_documents")
        for c in ("issued", "repealed", "in_force")
    ]
    assert values == [1, 2, 3, 4, 5, 6]


def test_text_decoding_edge_cases(tmp_path: Path) -> None:
    text = (DATA / "seeds" / "001_c7cdc2898a3fcd12.txt").read_text(encoding="utf-8")
    stray = text.replace("二、主动公开", "\x00二、主动公开").encode("utf-8")
    report = parse_bytes(stray)
    assert report.source is not None
    assert report.source.encoding == "utf-8"
    assert report.meta.organ == "海阳市二十里店镇"
    with pytest.raises(UnreadableDocumentError, match="ZIP"):
        parse_bytes(b"PK\x03\x04" + bytes(range(256)) * 8)
    path = tmp_path / "gbk.txt"
    path.write_bytes(text.encode("gbk"))
    with path.open("r", encoding="gbk") as handle, pytest.raises(InputTypeError, match="rb"):
        parse_file(handle)  # type: ignore[arg-type]
    with pytest.raises(NotAReportError, match="read as text in utf-8"):
        parse_bytes("会议纪要：今天开会。".encode())
    with pytest.raises(UnreadableDocumentError, match=r"\.doc"):
        parse_bytes(b"binary", name="old.doc")
