"""Text laid out in columns by a real layout engine: PDFs built from the fixture reports,
turned back into text by pdfplumber's layout mode (what ``pdftotext -layout`` does), then
parsed as text. Its quirks are its own (headers and labels wrapped and centred in their
cells, values spaced differently from their headers); every value must come out right,
or null with a diagnostic."""

from __future__ import annotations

import io
import random

import pdfplumber
import pytest

from gov_disclosure import parse_report

from builder import build_report
from files import blocks, to_pdf
from helpers import cell_problems, missing_diagnostics, noise

CASES = [
    ("2021", ()),
    ("2021", ("column_order",)),
    ("2021", ("short_row", "missing_block")),
    ("2021", ("not_adding_up", "extra_t2")),
    ("2019", ()),
    ("2019", ("column_order",)),
    ("2019", ("short_row",)),
]


def _layout_text(pdf_bytes: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        return "\n".join(page.extract_text(layout=True) for page in pdf.pages)


@pytest.mark.parametrize("seed", range(2))
@pytest.mark.parametrize(("form", "defects"), CASES, ids=lambda c: "+".join(c) if isinstance(c, tuple) else c)
def test_pdf_layout_text_reads_like_the_report(form: str, defects: tuple[str, ...], seed: int) -> None:
    built = build_report(random.Random(f"layout-text|{form}|{defects}|{seed}"), "tabs", defects, form=form)
    text = _layout_text(to_pdf(blocks(built.text), ruled=seed == 0))
    report = parse_report(text)
    context = f"\n--- text ---\n{text}"
    assert report.format == form
    assert report.meta.organ == built.organ
    assert cell_problems(report, built.cells) == [], context
    assert missing_diagnostics(report, built.expect) == [], context
    assert noise(report, built.defect_keys) == [], context
