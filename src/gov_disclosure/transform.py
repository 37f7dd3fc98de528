"""Stage 3: parse tree -> document: front matter, sections with their narrative, tables.

The Transformer only rebuilds what the grammar recognised, as plain frozen objects; the
tables' rows and values are read from these in :mod:`gov_disclosure.tables`.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import attrs
from lark import Lark, Token, Transformer

from gov_disclosure.normalize import SourceLine
from gov_disclosure.parser import TableLine, build_parser
from gov_disclosure.sections import HeadingCandidate

__all__ = ["DocSection", "Document", "DocumentBuilder", "TableBlock", "document_parser"]


@attrs.frozen(kw_only=True)
class TableBlock:
    """A run of lines of one table (2, 3 or 4), as the grammar delimited it."""

    kind: int
    lines: tuple[TableLine, ...]
    section: str | None

    @property
    def first_line(self) -> int:
        """The input line the block starts on."""
        return self.lines[0].number


@attrs.frozen(kw_only=True)
class DocSection:
    """A section: its heading and its narrative lines (table lines left out)."""

    heading: HeadingCandidate
    text_lines: tuple[SourceLine, ...]
    tables: tuple[TableBlock, ...]


@attrs.frozen(kw_only=True)
class Document:
    """A parsed report before its tables are read."""

    front: tuple[SourceLine, ...]
    sections: tuple[DocSection, ...]
    tables: tuple[TableBlock, ...]

    def tables_of(self, kind: int) -> list[TableBlock]:
        """The blocks of one table, in input order."""
        return [t for t in self.tables if t.kind == kind]


class DocumentBuilder(Transformer[Token, Document]):
    """Builds a :class:`Document`, one method per grammar rule."""

    def paragraph(self, children: list[Token]) -> SourceLine:
        line: SourceLine = children[0].value
        return line

    def loose(self, children: list[Token]) -> SourceLine:
        line: TableLine = children[0].value
        return SourceLine(number=line.number, cells=(), text=line.text)

    def _table(self, kind: int, children: list[Token]) -> TableBlock:
        first: TableLine = children[0].value
        rest: tuple[TableLine, ...] = children[1].value if len(children) > 1 else ()
        return TableBlock(kind=kind, lines=(first, *rest), section=None)

    def table2(self, children: list[Token]) -> TableBlock:
        return self._table(2, children)

    def table3(self, children: list[Token]) -> TableBlock:
        return self._table(3, children)

    def table4(self, children: list[Token]) -> TableBlock:
        return self._table(4, children)

    def section(self, children: list[Any]) -> DocSection:
        heading = children[0].value.heading
        text = tuple(c for c in children[1:] if isinstance(c, SourceLine))
        tables = tuple(
            attrs.evolve(c, section=heading.key) for c in children[1:] if isinstance(c, TableBlock)
        )
        return DocSection(heading=heading, text_lines=text, tables=tables)

    def front(self, children: list[Any]) -> DocSection:
        text = tuple(c for c in children if isinstance(c, SourceLine))
        tables = tuple(c for c in children if isinstance(c, TableBlock))
        heading = HeadingCandidate(line=0, key="", number=None, style="none", title="")
        return DocSection(heading=heading, text_lines=text, tables=tables)

    def start(self, children: list[DocSection]) -> Document:
        front, *sections = children
        tables = front.tables + tuple(t for s in sections for t in s.tables)
        return Document(front=front.text_lines, sections=tuple(sections), tables=tables)


@cache
def document_parser() -> Lark:
    """The parser that builds a :class:`Document`, made once per process."""
    return build_parser(DocumentBuilder())
