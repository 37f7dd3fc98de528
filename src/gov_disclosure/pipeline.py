"""The pipeline: decode -> normalise -> parse -> transform -> read tables -> validate.

``parse_report`` takes decoded text; readers of other inputs produce the same
:class:`~gov_disclosure.normalize.SourceLine` sequence and call :func:`parse_lines`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from itertools import pairwise
from typing import Any

import attrs

from gov_disclosure.checks import plausibility, run_checks
from gov_disclosure.detect import decide_format
from gov_disclosure.errors import GovDisclosureError, InputTypeError, NotAReportError
from gov_disclosure.formats import FORMAT_2019, FORMAT_2021, FormatSpec
from gov_disclosure.labels import Labels
from gov_disclosure.meta import read_meta
from gov_disclosure.model import Diagnostic, FormatName, Meta, Report, Section, Source, build_table
from gov_disclosure.normalize import SourceLine, to_lines
from gov_disclosure.parser import tokenize
from gov_disclosure.placement import place_cells
from gov_disclosure.sections import SECTION_KEYS, SECTION_TITLES, HeadingCandidate, find_headings
from gov_disclosure.tables import TableReading, read_tables
from gov_disclosure.transform import Document, document_parser

__all__ = ["parse_lines", "parse_report"]

_REPORT_WORDS = ("政府信息公开", "年度报告")
_MIN_NATIONAL_SECTIONS = 3
_MAX_HEADING = 40


@cache
def _labels(spec: FormatSpec) -> Labels:
    other = FORMAT_2019 if spec is FORMAT_2021 else FORMAT_2021
    return Labels(spec, other)


def _document(
    lines: Sequence[SourceLine], headings: Sequence[HeadingCandidate], spec: FormatSpec
) -> Document:
    tree = document_parser().parse(tokenize(lines, {h.line: h for h in headings}, _labels(spec)))
    assert isinstance(tree, Document)  # the builder transforms the tree while parsing
    return tree


def parse_report(text: str) -> Report:
    """Parse the decoded text of a report.

    Never raises because a report is messy: every doubt becomes a diagnostic. Raises
    :class:`~gov_disclosure.InputTypeError` when ``text`` is not a ``str`` and
    :class:`~gov_disclosure.NotAReportError` when it is empty or not a disclosure report.
    """
    if not isinstance(text, str):
        raise InputTypeError(
            f"parse_report() takes the report's text as str, not {type(text).__name__}"
            + (" (decode bytes first)" if isinstance(text, (bytes, bytearray)) else "")
        )
    return parse_lines(to_lines(text))


def parse_lines(
    lines: Sequence[SourceLine], *, source: Source | None = None, notes: Sequence[Diagnostic] = ()
) -> Report:
    """Parse a report given as lines of cells (what every reader produces).

    ``lines`` are :class:`~gov_disclosure.SourceLine` items numbered upwards from 1 (the
    numbers are the input's lines, which every position in the result refers to).
    ``source`` says where they were read from; ``notes`` are the reader's own diagnostics
    (which encoding it chose, say), added to the report's."""
    _check_lines(lines)
    report = _parse(lines)
    if source is None and not notes:
        return report
    return attrs.evolve(report, source=source, diagnostics=_sorted([*report.diagnostics, *notes]))


def _parse(lines: Sequence[SourceLine]) -> Report:
    if not any(line.norm for line in lines):
        raise NotAReportError("the text is empty: there is no report to read")
    headings = find_headings(lines)
    document = _document(lines, headings, FORMAT_2021)
    _check_is_report(lines, headings, document)

    meta, diagnostics, signature = read_meta(document.front, lines)
    sections, section_diagnostics = _sections(document, headings, set(signature))
    diagnostics += section_diagnostics
    if not document.tables and _free_form_structure(lines, headings, meta.year):
        # Its own numbering: find the sections again without the national numbers.
        headings = find_headings(lines, own_numbers=False)
        document = _document(lines, headings, FORMAT_2021)
        meta, diagnostics, signature = read_meta(document.front, lines)
        sections, section_diagnostics = _sections(document, headings, set(signature))
        return _free_form(meta, sections, [*diagnostics, *section_diagnostics])
    readings = read_tables(document, _labels(FORMAT_2021))
    spec, notes = decide_format(readings, meta.year)
    diagnostics += notes
    if spec is not FORMAT_2021:  # read again with the labels of the form it follows
        document = _document(lines, headings, spec)
        readings = read_tables(document, _labels(spec))
    diagnostics += _mixed(readings, spec)
    heading_lines = {h.key: h.line for h in headings}
    placed = place_cells(spec, readings, heading_lines)
    checks, failed = run_checks(spec, placed.cells)
    diagnostics += placed.diagnostics
    diagnostics += failed
    diagnostics += plausibility(spec, placed.cells)
    tables: dict[str, Any] = {name: build_table(cls, name, placed.cells) for name, cls in spec.table_classes}
    fmt: FormatName = "2019" if spec is FORMAT_2019 else "2021"
    return Report(
        format=fmt,
        meta=meta,
        sections=sections,
        proactive=tables["proactive"],
        applications=tables["applications"],
        review_litigation=tables["review_litigation"],
        extra_rows=placed.extra_rows,
        checks=checks,
        diagnostics=_sorted(diagnostics),
    )


# Headings of the structure before the national formats (2008–2018 reports).
# A top-level heading of the structure before the national formats: 四、政府信息公开的收费及减免情况.
_PRE_2019_HEADING = re.compile(
    r"^(?:第?[一二三四五六七八九十]+(?:部分)?[、.]|\d+[、.])\s*"
    r"(?:.{0,12}收费(?:及|和)?减免.{0,4}|.{0,8}咨询(?:处理)?情况|.{0,8}依申请公开(?:政府信息)?(?:的)?(?:工作)?情况|概述)$"
)


def _free_form_structure(
    lines: Sequence[SourceLine], headings: Sequence[HeadingCandidate], year: int | None
) -> bool:
    """A report without national tables is free-form unless it has the national section
    structure: free-form when few national headings are found, when it reports on a
    year before the national formats, or when it has the older top-level headings
    (收费及减免情况, 咨询处理情况, 依申请公开情况, 概述) without all six national ones
    (``FORMAT.md`` rule 5)."""
    if len(headings) < _MIN_NATIONAL_SECTIONS:
        return True
    if len(headings) == len(SECTION_KEYS):
        return False  # the six national sections, tables absent: read by year (rule 4)
    if year is not None and year < _FIRST_NATIONAL_YEAR:
        return True
    # Only top-level headings count: （二）依申请公开情况 is a common sub-head of 总体情况.
    return any(len(line.norm) <= _MAX_HEADING and _PRE_2019_HEADING.match(line.norm) for line in lines)


def _free_form(meta: Meta, sections: tuple[Section, ...], diagnostics: list[Diagnostic]) -> Report:
    diagnostics = [d for d in diagnostics if d.code != "section.missing"]
    national = meta.year is None or meta.year >= _FIRST_NATIONAL_YEAR
    why = "no national statistics tables and no national section structure: metadata and sections only"
    if national:
        # A report on 2019 or later should follow a national format: its tables may be
        # pictures or an attachment, so this is not a harmless reading.
        on = f"on {meta.year}" if meta.year is not None else "on an unknown year"
        why += f"; a report {on} should have them (pictures, an attachment?)"
    diagnostics.append(
        Diagnostic(
            code="format.free_form",
            severity="warning" if national else "info",
            key=None,
            line=None,
            message=why,
        )
    )
    return Report(
        format="free-form",
        meta=meta,
        sections=sections,
        proactive=None,
        applications=None,
        review_litigation=None,
        diagnostics=_sorted(diagnostics),
    )


def _sections(
    document: Document, headings: Sequence[HeadingCandidate], signature: set[int]
) -> tuple[tuple[Section, ...], list[Diagnostic]]:
    sections = []
    diagnostics = []
    for part in document.sections:
        heading = part.heading
        kept = [line.text for line in part.text_lines if line.text.strip() and line.number not in signature]
        text = "\n".join(kept)
        sections.append(
            Section(
                number=SECTION_KEYS.index(heading.key) + 1,
                key=heading.key,
                title=heading.title,
                line=heading.line,
                text=text,
            )
        )
        official = SECTION_TITLES[heading.key]
        if "".join(heading.title.split()).replace("、", "") != official.replace("、", ""):
            diagnostics.append(
                Diagnostic(
                    code="section.variant",
                    severity="info",
                    key=f"sections.{heading.key}",
                    line=heading.line,
                    message=f"heading {heading.title!r} read as {official!r}",
                )
            )
    found = {h.key for h in headings}
    for key in SECTION_KEYS:
        if key not in found:
            diagnostics.append(
                Diagnostic(
                    code="section.missing",
                    severity="warning",
                    key=f"sections.{key}",
                    line=None,
                    message=f"no heading for section {SECTION_KEYS.index(key) + 1} ({SECTION_TITLES[key]})",
                )
            )
    return tuple(sections), diagnostics


_MIN_TABLE_LABELS = 3


_FIRST_NATIONAL_YEAR = 2019


def _mixed(readings: dict[str, TableReading], spec: FormatSpec) -> list[Diagnostic]:
    """One warning when the tables print rows of the other national form too."""
    lines = [r.foreign for r in readings.values() if r.foreign is not None]
    if not lines:
        return []
    other = "2021" if spec is FORMAT_2019 else "2019"
    message = (
        f"the tables mix the two national forms: read as the {spec.name} form; the rows of the "
        f"{other} form are kept in extra_rows, not in keys"
    )
    return [Diagnostic(code="format.mixed", severity="warning", key=None, line=min(lines), message=message)]


def _check_lines(lines: Sequence[SourceLine]) -> None:
    if isinstance(lines, (str, bytes)) or not all(isinstance(line, SourceLine) for line in lines):
        raise InputTypeError(
            "parse_lines() takes a sequence of SourceLine (see to_lines); use parse_report for text"
        )
    numbers = [line.number for line in lines]
    if any(n < 1 for n in numbers[:1]) or any(b <= a for a, b in pairwise(numbers)):
        raise GovDisclosureError("parse_lines() needs lines numbered upwards from 1, as in the input")


def _check_is_report(
    lines: Sequence[SourceLine], headings: Sequence[HeadingCandidate], document: Document
) -> None:
    labels = sum(
        1
        for table in document.tables
        for line in table.lines
        for cell in line.cells
        if cell.label is not None
    )
    if labels >= _MIN_TABLE_LABELS or len(headings) >= 2:
        return
    text = "".join("".join(line.norm.split()) for line in lines)
    if all(word in text for word in _REPORT_WORDS):
        return
    raise NotAReportError(
        "this text is not a government information disclosure annual report: it has no "
        "政府信息公开…年度报告 title, fewer than two of the six national section headings and "
        "no statistics table (fewer than three of the tables' labels)"
    )


def _sorted(diagnostics: list[Diagnostic]) -> tuple[Diagnostic, ...]:
    return tuple(sorted(diagnostics, key=lambda d: (d.line is None, d.line or 0)))
