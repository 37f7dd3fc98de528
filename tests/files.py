"""Build real files (HTML, DOCX, PDF, encoded text) from a text report's content, for tests.

``blocks(text)`` cuts a text report into paragraphs and tables, each table a list of rows
of ``Cell(text, colspan)``, the way the original document held them: the empty cells a
text conversion prints before a row's label are the slots a merged label above covers
(left out), the empty cells between a label and its first value or after the last value
belong to the merged cell before them (a wider span), and empty cells between values are
empty cells. The writers then lay these out as a government web page (``rowspan`` on group
labels, ``colspan``, ``&nbsp;``, ``<br>`` inside labels), a Word document (merged cells)
and a PDF (reportlab's built-in Chinese font, spanned cells).
"""

from __future__ import annotations

import html
import io
from dataclasses import dataclass, field

from gov_disclosure.formats import FORMAT_2021
from gov_disclosure.labels import Labels
from gov_disclosure.normalize import to_lines
from gov_disclosure.parser import tokenize
from gov_disclosure.sections import find_headings
from gov_disclosure.transform import document_parser

_LABELS = Labels(FORMAT_2021)


@dataclass
class Cell:
    text: str
    colspan: int = 1
    rowspan: int = 1


@dataclass
class Table:
    rows: list[list[Cell]] = field(default_factory=list)

    @property
    def width(self) -> int:
        return max((sum(c.colspan for c in row) for row in self.rows), default=1)


Block = str | Table


def _row(texts: list[str], is_label: list[bool]) -> list[Cell]:
    """Cells of one printed row, empties turned into the spans they stand for."""
    while texts and not texts[0]:
        texts, is_label = texts[1:], is_label[1:]
    cells: list[Cell] = []
    seen_value = False
    pending_empty = 0
    for text, label in zip(texts, is_label, strict=True):
        if not text:
            pending_empty += 1
            continue
        if pending_empty:
            if seen_value and not label:
                cells += [Cell("") for _ in range(pending_empty)]  # blanks between values
            elif cells:
                cells[-1].colspan += pending_empty
            pending_empty = 0
        cells.append(Cell(text))
        seen_value = seen_value or not label
    if pending_empty and cells:
        cells[-1].colspan += pending_empty
    return cells


def blocks(text: str) -> list[Block]:
    """A text report as paragraphs and tables."""
    lines = to_lines(text)
    headings = {h.line: h for h in find_headings(lines)}
    document = document_parser().parse(tokenize(lines, headings, _LABELS))
    table_lines: dict[int, tuple[int, object]] = {}
    for index, table in enumerate(document.tables):  # type: ignore[attr-defined]
        for line in table.lines:
            table_lines[line.number] = (index, line)
    out: list[Block] = []
    current: tuple[int, list[list[tuple[str, bool]]]] | None = None
    for line in lines:
        found = table_lines.get(line.number)
        if found is None:
            if current is not None:
                out.append(_table(current[1]))
                current = None
            if line.text.strip():
                out.append(line.text.strip())
            continue
        index, tline = found
        if current is None or current[0] != index:
            if current is not None:
                out.append(_table(current[1]))
            current = (index, [[]])
        rows = current[1]
        if tline.blank:  # type: ignore[attr-defined]
            if rows[-1]:
                rows.append([])
            continue
        cells = [(c.text, c.kind not in ("VALUE", "EMPTY")) for c in tline.cells]  # type: ignore[attr-defined]
        if len(cells) >= 2:  # a tab-separated row
            if rows[-1]:
                rows.append([])
            rows[-1].extend(cells)
            rows.append([])
        else:  # one cell per line: the row goes on to the next blank line
            rows[-1].extend(cells)
    if current is not None:
        out.append(_table(current[1]))
    return out


def _table(rows: list[list[tuple[str, bool]]]) -> Table:
    table = Table()
    for row in rows:
        cells = _row([t for t, _ in row], [label for _, label in row])
        if cells:
            table.rows.append(cells)
    width = table.width
    for row in table.rows:  # every row as wide as the table: the first cell spans the rest
        row[0].colspan += width - sum(c.colspan for c in row)
    return table


# --- writers ------------------------------------------------------------------------------

_GROUP_WORDS = ("不予公开", "无法提供", "不予处理", "其他处理", "本年度办理结果")


def _vertical(text: str) -> str:
    """A merged group label as web pages print it: one character per line."""
    return "<br>".join(html.escape(ch) for ch in text)


def to_html(parts: list[Block], encoding: str = "utf-8") -> bytes:
    """A government article page: navigation, the title in an ``<h1>`` outside the body
    text, the report in a content ``<div>``, tables with spans and ``&nbsp;``."""
    index = next((i for i, p in enumerate(parts[:4]) if isinstance(p, str) and "年度报告" in p), None)
    heads = [] if index is None else [p for p in parts[: index + 1] if isinstance(p, str) and len(p) <= 40]
    title = "".join(" ".join(heads).split()) if heads else ""
    out = [
        "<!DOCTYPE html>",
        "<html><head>",
        f'<meta http-equiv="Content-Type" content="text/html; charset={encoding}">',
        f"<title>{html.escape(title)}_某某市人民政府门户网站</title>",
        "<style>td{border:1px solid #000}</style><script>var a = '<p>不是正文</p>';</script>",
        "</head><body>",
        '<div class="nav"><a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 年度报告</div>',
        f'<div class="title"><h1>{html.escape(title)}</h1></div>',
        '<div class="TRS_Editor" id="zoom">',
    ]
    for part in parts:
        if isinstance(part, str):
            if part not in heads:
                out.append(f"<p style='text-indent:2em'>{html.escape(part)}</p>")
            continue
        out.append('<table border="1" cellspacing="0" class="MsoNormalTable"><tbody>')
        for row in part.rows:
            out.append("<tr>")
            for cell in row:
                attrs = f' colspan="{cell.colspan}"' if cell.colspan > 1 else ""
                if any(w in cell.text for w in _GROUP_WORDS) and len(cell.text) < 12:
                    content = _vertical(cell.text)
                else:
                    content = html.escape(cell.text) if cell.text else "&nbsp;"
                out.append(f"<td{attrs}><p class='MsoNormal'>{content}<o:p></o:p></p></td>")
            out.append("</tr>")
        out.append("<tr>" + "<td></td>" * part.width + "</tr>")  # the ghost row Word exports end with
        out.append("</tbody></table>")
    out += [
        "</div>",
        '<div class="footer">主办：某某市人民政府办公室 网站标识码：1234567890</div>',
        "</body></html>",
    ]
    return "\n".join(out).encode(encoding, errors="xmlcharrefreplace")


def to_docx(parts: list[Block]) -> bytes:
    """A Word document: paragraphs, and tables whose spans are merged cells."""
    import docx

    document = docx.Document()
    for part in parts:
        if isinstance(part, str):
            document.add_paragraph(part)
            continue
        table = document.add_table(rows=len(part.rows), cols=part.width)
        for r, row in enumerate(part.rows):
            column = 0
            for cell in row:
                target = table.cell(r, column)
                if cell.colspan > 1:
                    target = target.merge(table.cell(r, column + cell.colspan - 1))
                lines = cell.text.split("\n") if cell.text else [""]
                target.paragraphs[0].text = lines[0]
                for extra in lines[1:]:
                    target.add_paragraph(extra)
                column += cell.colspan
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def to_pdf(parts: list[Block], ruled: bool = True) -> bytes:
    """A PDF in reportlab's built-in Chinese CID font (STSong-Light). Tables are ruled, or
    not (then a PDF reader finds no table, only lines of words)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, TableStyle
    from reportlab.platypus import Table as PdfTable

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    text_style = ParagraphStyle("body", fontName="STSong-Light", fontSize=9, leading=13)
    cell_style = ParagraphStyle("cell", fontName="STSong-Light", fontSize=6.5, leading=8)
    story: list[object] = []
    for part in parts:
        if isinstance(part, str):
            story.append(Paragraph(html.escape(part), text_style))
            continue
        data: list[list[object]] = []
        spans = []
        for r, row in enumerate(part.rows):
            line: list[object] = []
            for cell in row:
                c = len(line)
                line.append(Paragraph(html.escape(cell.text), cell_style))
                line += [""] * (cell.colspan - 1)
                if cell.colspan > 1:
                    spans.append(("SPAN", (c, r), (c + cell.colspan - 1, r)))
            data.append(line)
        table = PdfTable(data, colWidths=[760 / part.width] * part.width)
        grid = [("GRID", (0, 0), (-1, -1), 0.5, colors.black)] if ruled else []
        table.setStyle(TableStyle([*grid, *spans]))
        story += [Spacer(1, 4), table, Spacer(1, 4)]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=landscape(A4), leftMargin=36, rightMargin=36).build(story)
    return buffer.getvalue()
