"""HTML pages (government article pages) as lines: needs ``gov-disclosure[html]`` (lxml).

The page is decoded first (a declared ``gb2312`` handed to lxml as bytes can truncate text),
then parsed. The report's body is the smallest element holding its section headings and
its tables; the page's title is put first when the body lacks it. Paragraphs and block
elements become lines; a table without nested tables becomes grid lines (one per
``<tr>``: the row's own cells, those covered by a ``rowspan`` from above are not in it);
a table holding tables is page layout and is read as blocks.
"""

from __future__ import annotations

import re
from typing import Any

import attrs

from gov_disclosure.errors import MissingDependencyError
from gov_disclosure.normalize import SourceCell, SourceLine
from gov_disclosure.readers.grid import LineBuilder

__all__ = ["read_html"]

_BLOCKS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "body", "center", "dd", "div", "dl", "dt"),
        *("figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header"),
        *("hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot"),
        *("th", "thead", "tr", "ul"),
    }
)
_DROP = ("script", "style", "noscript", "template", "head", "select", "button", "svg", "iframe")
# Text that marks the report's body: section titles and table labels.
_ANCHORS = re.compile(
    r"总体情况|主动公开政府信息|收到和处理政府信息公开申请|行政复议|存在的主要问题|其他需要报告"
)
_TITLE_SPLIT = re.compile(r"\s*(?:_|\||-{1,2}|—|－)\s*")


def _lxml() -> Any:
    try:
        import lxml.html
    except ImportError:
        raise MissingDependencyError("reading HTML needs lxml: pip install 'gov-disclosure[html]'") from None
    return lxml.html


def _text_of_cell(cell: Any) -> str:
    for br in cell.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for block in cell.iter("p", "div"):
        block.tail = "\n" + (block.tail or "")
    return str(cell.text_content())


def _rows(table: Any) -> list[list[str]]:
    rows = []
    for tr in table.iter("tr"):
        rows.append([_text_of_cell(cell) for cell in tr if cell.tag in ("td", "th")])
    return rows


def _is_data_table(element: Any) -> bool:
    return element.tag == "table" and next(element.iterdescendants("table"), None) is None


class _Walker:
    def __init__(self) -> None:
        self.out = LineBuilder()
        self.buffer: list[str] = []

    def flush(self) -> None:
        text = "".join(self.buffer)
        self.buffer = []
        for piece in text.split("\n"):
            if piece.strip():
                self.out.paragraph(piece.strip())

    def walk(self, element: Any) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if not tag:
            return  # a comment or processing instruction; its tail belongs to the parent
        if _is_data_table(element):
            self.flush()
            self.out.table(_rows(element))
            return
        if tag == "br":
            self.buffer.append("\n")
            return
        block = tag in _BLOCKS
        if block:
            self.flush()
        if element.text:
            self.buffer.append(element.text)
        for child in element:
            self.walk(child)
            if child.tail:
                self.buffer.append(child.tail)
        if block:
            self.flush()


def _ancestors(element: Any) -> list[Any]:
    chain = []
    while element is not None:
        chain.append(element)
        element = element.getparent()
    return chain[::-1]


def _content(body: Any) -> Any:
    """The smallest element holding the report's headings and tables."""
    anchors = [t for t in body.iter("table") if _is_data_table(t)]
    for element in body.iter():
        if not isinstance(element.tag, str) or element.tag == "table":
            continue
        own = (element.text or "") + "".join(child.tail or "" for child in element)
        if _ANCHORS.search(own):
            anchors.append(element)
    if len(anchors) < 2:
        return body
    chains = [_ancestors(a) for a in anchors]
    common = body
    for level in zip(*chains, strict=False):
        if all(node is level[0] for node in level):
            common = level[0]
        else:
            break
    return common


def _starts_with_title(lines: list[SourceLine]) -> bool:
    """Whether one of the first lines is the report's title (not a sentence naming it)."""
    first = [line.text for line in lines if line.norm][:3]
    return any("年度报告" in text and len(text) <= 80 and "。" not in text for text in first)


_BREADCRUMB = re.compile(r"[>›»]|当前位置|您的位置|首页")


def _is_title(text: str) -> bool:
    return "年度报告" in text and "公开" in text and len(text) <= 80 and not _BREADCRUMB.search(text)


def _heading_outside(root: Any, content: Any) -> str | None:
    """A report title printed on the page outside the report's body (an ``<h1>``)."""
    inside = set(content.iter())
    for tags in (("h1", "h2", "h3"), ("div", "p", "span", "td", "strong", "font")):
        for element in root.iter(*tags):
            if element in inside:
                continue
            text = " ".join(element.text_content().split())
            if _is_title(text):
                return text
    return None


def _title_tag(root: Any) -> str | None:
    """The part of the page's ``<title>`` naming the report (sites append their name)."""
    title = root.findtext(".//title") or ""
    for piece in _TITLE_SPLIT.split(title):
        if _is_title(piece.strip()):
            return piece.strip()
    return None


def read_html(text: str) -> list[SourceLine]:
    """An HTML page's report as lines of cells."""
    html = _lxml()
    root = html.document_fromstring(text or "<html></html>")
    title = _title_tag(root)
    for element in list(root.iter(*_DROP)):
        if element.getparent() is not None:
            element.drop_tree()
    body = root.find("body")
    content = _content(body if body is not None else root)
    walker = _Walker()
    walker.walk(content)
    walker.flush()
    lines = walker.out.lines
    heading = None if _starts_with_title(lines) else _heading_outside(root, content) or title
    if heading:  # the title printed above the body (an <h1>), or the page's <title>
        first = SourceLine(number=1, cells=(SourceCell.of(heading),), text=heading)
        lines = [first, *(attrs.evolve(line, number=line.number + 1) for line in lines)]
    return lines
