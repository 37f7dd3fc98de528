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
from collections.abc import Iterable, Sequence
from functools import lru_cache

import attrs

__all__ = ["Piece", "SourceCell", "SourceLine", "normalize_text", "split_lines", "to_lines"]

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
    if "[bookmark:" in text:
        text = _ARTEFACT.sub("", text)
    return _fold(unicodedata.normalize("NFKC", text))


def _fold(nfkc: str) -> str:
    """Control characters dropped, white space runs as one space, ends trimmed."""
    return _SPACE_RUN.sub(" ", _CONTROL.sub("", nfkc)).strip()


@attrs.frozen(kw_only=True)
class SourceCell:
    """One cell of a line: as printed (trimmed) and normalised for matching."""

    text: str
    norm: str

    @classmethod
    def of(cls, printed: str) -> SourceCell:
        """A cell from its printed text (for readers that build lines themselves)."""
        text = _ARTEFACT.sub("", printed) if "[bookmark:" in printed else printed
        text = text.strip(_TRIM)
        return cls(text=text, norm=normalize_text(text))

    @property
    def empty(self) -> bool:
        """True when the cell holds nothing but white space."""
        return not self.norm


@attrs.frozen
class Piece:
    """A piece of a line laid out in columns: its cell and the display columns it spans."""

    start: int
    end: int
    cell: SourceCell


@attrs.frozen(kw_only=True)
class SourceLine:
    """One input line as cells.

    ``cells`` are the line's tab-separated cells; a leading tab (the indentation that
    one-cell-per-line conversions put before every table cell) is dropped and recorded as
    ``indented``. ``text`` is the line without converter artefacts, for narrative output;
    ``norm`` the matching form of its non-empty cells joined by a space. ``grid`` is True
    for a row of a real table (HTML, DOCX, PDF): its cells are the row's slots, slots
    covered by a span left out, so an empty cell is an empty slot (a blank), not padding.
    ``aligned`` is True for a row of a markdown pipe table: converters print every slot,
    merged ones empty, so slot k is the same column in every row of the table.
    ``pieces`` are, for a line without tabs, its pieces between runs of two or more spaces
    with the display columns each spans (a Chinese character is two columns wide), as
    ``pdftotext -layout`` aligns table columns; when the line looks like a table row its
    ``cells`` are these pieces.
    """

    number: int
    cells: tuple[SourceCell, ...]
    indented: bool = False
    text: str = ""
    norm: str = attrs.field(default="")
    grid: bool = False
    aligned: bool = False
    pieces: tuple[Piece, ...] = ()

    def __attrs_post_init__(self) -> None:
        if not self.norm and self.cells:
            object.__setattr__(self, "norm", " ".join(c.norm for c in self.cells if c.norm))
        if not self.text and self.cells:
            object.__setattr__(self, "text", "\t".join(c.text for c in self.cells))

    def __str__(self) -> str:
        return self.text

    @property
    def blank(self) -> bool:
        """An empty line (white space only, no tab): a paragraph or row break."""
        return not self.indented and all(c.empty for c in self.cells)

    @property
    def single(self) -> SourceCell | None:
        """The line's only cell, if it has exactly one."""
        return self.cells[0] if len(self.cells) == 1 else None


def split_lines(text: str) -> list[str]:
    """Split on ``\\n``, ``\\r\\n`` and a lone ``\\r`` only; a final line break ends the text."""
    if not text:
        return []
    parts = _LINE_END.split(text)
    if len(parts) > 1 and parts[-1] == "":
        parts.pop()
    return parts


_CACHED_LINE = 200  # short lines repeat a lot in tables (a tab and 0, a lone tab); long ones do not


_Pieces = tuple[Piece, ...]
_Read = tuple[tuple[SourceCell, ...], bool, str, str, bool, _Pieces]

# Markdown pipe tables (OCR/LLM converters): a row, and the rule under a header row.
_MD_ROW = re.compile(r"^\s*\|.*\|\s*$")
_MD_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
# pdftotext -layout: columns separated by runs of spaces.
_GAP = re.compile(r"[ \u3000\u00a0]{2,}")


def _read_line(raw: str) -> _Read:
    """Cells, indentation, text, matching form of a raw line, and whether it is a grid row."""
    return _read_short_line(raw) if len(raw) <= _CACHED_LINE else _read_any_line(raw)


def _cells(pieces: Iterable[str]) -> tuple[SourceCell, ...]:
    return tuple(
        SourceCell(text=p.strip(_TRIM), norm=_fold(unicodedata.normalize("NFKC", p))) for p in pieces
    )


# Wide (East Asian W and F) characters: two display columns each.
_WIDE = re.compile(
    "[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6"
    "\U00020000-\U0003fffd]"
)


def _width(text: str) -> int:
    """Display columns of a text: wide (Chinese) characters take two."""
    return len(text) if text.isascii() else len(text) + len(_WIDE.findall(text))


def _layout_pieces(raw: str) -> _Pieces:
    """The pieces of a line between runs of spaces, with their display columns."""
    raw = raw.replace("\f", "")
    pieces = []
    start = 0
    column = 0  # display column of raw[start]
    for gap in [*_GAP.finditer(raw), None]:
        end = gap.start() if gap is not None else len(raw)
        piece = raw[start:end]
        text = piece.strip(_TRIM)
        if text:
            lead = column + _width(piece[: len(piece) - len(piece.lstrip(_TRIM))])
            cell = SourceCell(text=text, norm=_fold(unicodedata.normalize("NFKC", text)))
            pieces.append(Piece(lead, lead + _width(text), cell))
        if gap is not None:
            column += _width(raw[start : gap.end()])
            start = gap.end()
    return tuple(pieces)


def _row_like(pieces: _Pieces) -> bool:
    """Pieces that look like a table row: three or more, or two with a value."""
    from gov_disclosure.values import is_value_like

    return len(pieces) >= 3 or (len(pieces) == 2 and any(is_value_like(p.cell.norm) for p in pieces))


def _read_any_line(raw: str) -> _Read:
    if "[bookmark:" in raw:
        raw = _ARTEFACT.sub("", raw)
    text = raw.strip(_TRIM + "\f\r")
    layout: _Pieces = ()
    if "\t" not in raw:
        if _MD_RULE.match(raw) and "|" in raw:
            return (), False, text, "", False, ()  # the rule under a markdown header row
        if _MD_ROW.match(raw) and raw.count("|") >= 2:
            cells = _cells(raw.strip().strip("|").split("|"))
            return cells, False, text, " ".join(c.norm for c in cells if c.norm), True, ()
        if text and (raw[0] in _TRIM or raw[-1] in _TRIM or _GAP.search(text)):
            layout = _layout_pieces(raw)
            if _row_like(layout):
                cells = tuple(p.cell for p in layout)
                return cells, False, text, " ".join(c.norm for c in cells), False, layout
    pieces = raw.split("\t")
    folded = unicodedata.normalize("NFKC", raw).split("\t")  # NFKC neither makes nor removes tabs
    indented = len(pieces) > 1 and not pieces[0].strip(_TRIM)
    start = 1 if indented else 0
    cells = tuple(
        SourceCell(text=printed.strip(_TRIM), norm=_fold(nfkc))
        for printed, nfkc in zip(pieces[start:], folded[start:], strict=True)
    )
    norm = " ".join(c.norm for c in cells if c.norm)
    return cells, indented, text, norm, False, layout


_read_short_line = lru_cache(maxsize=16384)(_read_any_line)
_PLACEHOLDER = re.compile(r"^(?:col(?:umn)?\s*_?\d+|unnamed:?\s*_?\d+|\d{1,2}|)$", re.IGNORECASE)


def _placeholders(cells: Sequence[SourceCell]) -> bool:
    """A header row of placeholders: ``Col1``, ``Unnamed: 0``, empty, or the numbers
    1, 2, 3 … in order (not a row of small values that happens to head a piece)."""
    if not all(_PLACEHOLDER.match(c.norm) for c in cells):
        return False
    numbers = [c.norm for c in cells if c.norm.isdigit()]
    return not numbers or numbers == [str(n) for n in range(int(numbers[0]), int(numbers[0]) + len(numbers))]


def _line(number: int, raw: str) -> SourceLine:
    cells, indented, text, norm, grid, pieces = _read_line(raw)
    # Markdown pipe rows are this stage's only grid rows, and they print every slot.
    return SourceLine(
        number=number,
        cells=cells,
        indented=indented,
        text=text,
        norm=norm,
        grid=grid,
        aligned=grid,
        pieces=pieces,
    )


def _without_placeholders(lines: list[SourceLine], raw_lines: list[str]) -> list[SourceLine]:
    """Markdown header rows that only hold placeholders (``| Col1 | Col2 |``, ``| | |``),
    as converters print over each piece of a split table, are blank lines."""
    out = list(lines)
    for i, raw in enumerate(raw_lines):
        if i == 0 or "|" not in raw or not _MD_RULE.match(raw):
            continue
        header = out[i - 1]
        if header.grid and _placeholders(header.cells):
            out[i - 1] = SourceLine(number=header.number, cells=(), text="")
    return out


def to_lines(text: str | Iterable[str]) -> list[SourceLine]:
    """Decoded text (or its lines) as :class:`SourceLine` items numbered from 1."""
    raw_lines = split_lines(text) if isinstance(text, str) else list(text)
    if raw_lines and raw_lines[0].startswith("\ufeff"):
        raw_lines[0] = raw_lines[0][1:]
    lines = [_line(i, raw) for i, raw in enumerate(raw_lines, start=1)]
    if any("|" in raw for raw in raw_lines):
        lines = _without_placeholders(lines, raw_lines)
    return lines
