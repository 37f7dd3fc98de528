"""Stage 1: decoded text -> lines of cells, each with its input line number.

This is the representation every reader produces and the grammar consumes: a sequence of
:class:`SourceLine`, one per input line, each holding the tab-separated
:class:`SourceCell` items of that line. A cell keeps the text as printed (for
``cell_sources``) and a normalised form used only for matching: NFKC (full-width digits,
letters and brackets, ideographic and non-breaking spaces, Kangxi radicals), docx
bookmark artefacts removed, white space collapsed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

import attrs

__all__ = ["SourceCell", "SourceLine", "normalize_text", "split_lines", "to_lines"]

# `[bookmark: _GoBack]`, `[bookmark: _Hlk66973412]` left by docx-to-text converters.
_ARTEFACT = re.compile(r"\[bookmark:[^\]\n]{0,200}\]")
# White space for matching: ASCII, NFKC'd ideographic/no-break spaces, form feeds, zero width.
_SPACE_RUN = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]+")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# Only these end a line (the output contract's rule): not \f, \v or U+2028.
_LINE_END = re.compile(r"\r\n|\r|\n")
# Trimmed around printed cell text (the contract's `text`).
_TRIM = " \t\u00a0\u3000"


def normalize_text(text: str) -> str:
    """The matching form of a piece of text (never shown to users).

    >>> normalize_text("\\u3000（一）予以公开 １２\\u00a0")
    '(一)予以公开 12'
    """
    text = _ARTEFACT.sub("", text)
    text = unicodedata.normalize("NFKC", text)
    text = _CONTROL.sub("", text)
    return _SPACE_RUN.sub(" ", text).strip()


@attrs.frozen(kw_only=True)
class SourceCell:
    """One cell of a line: as printed (trimmed) and normalised for matching."""

    text: str
    norm: str

    @classmethod
    def of(cls, printed: str) -> SourceCell:
        """A cell from its printed text."""
        text = _ARTEFACT.sub("", printed).strip(_TRIM)
        return cls(text=text, norm=normalize_text(text))

    @property
    def empty(self) -> bool:
        """True when the cell holds nothing but white space."""
        return not self.norm


@attrs.frozen(kw_only=True)
class SourceLine:
    """One input line as cells.

    ``cells`` are the line's tab-separated cells; a leading tab (the indentation that
    one-cell-per-line conversions put before every table cell) is dropped and recorded as
    ``indented``. ``text`` is the line without converter artefacts, for narrative output.
    """

    number: int
    cells: tuple[SourceCell, ...]
    indented: bool = False
    text: str = ""

    @property
    def blank(self) -> bool:
        """An empty line (white space only, no tab): a paragraph or row break."""
        return not self.indented and all(c.empty for c in self.cells)

    @property
    def norm(self) -> str:
        """The whole line's matching form, cells joined by a space."""
        return " ".join(c.norm for c in self.cells if c.norm)

    @property
    def single(self) -> SourceCell | None:
        """The line's only cell, if it has exactly one."""
        return self.cells[0] if len(self.cells) == 1 else None


def split_lines(text: str) -> list[str]:
    """Split on ``\\n``, ``\\r\\n`` and a lone ``\\r`` only; a final line break ends the text."""
    parts = _LINE_END.split(text)
    if len(parts) > 1 and parts[-1] == "":
        parts.pop()
    return parts


def _line(number: int, raw: str) -> SourceLine:
    raw = _ARTEFACT.sub("", raw)
    pieces = raw.split("\t")
    indented = len(pieces) > 1 and not pieces[0].strip(_TRIM)
    if indented:
        pieces = pieces[1:]
    cells = tuple(SourceCell.of(p) for p in pieces)
    return SourceLine(number=number, cells=cells, indented=indented, text=raw.strip(_TRIM + "\f\r"))


def to_lines(text: str | Iterable[str]) -> list[SourceLine]:
    """Decoded text (or its lines) as :class:`SourceLine` items numbered from 1."""
    raw_lines = split_lines(text) if isinstance(text, str) else list(text)
    if raw_lines and raw_lines[0].startswith("\ufeff"):
        raw_lines[0] = raw_lines[0][1:]
    return [_line(i, raw) for i, raw in enumerate(raw_lines, start=1)]
