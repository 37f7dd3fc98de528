"""Reports the parser has never seen: built with other organs, years and non-zero numbers,
in every layout, with the seed reports' defects moved between layouts."""

from __future__ import annotations

import random

import pytest

from gov_disclosure import parse_report
from gov_disclosure.sections import SECTION_KEYS

from builder import Built, build_report
from helpers import cell_problems, missing_diagnostics, noise

LAYOUTS = ["tabs", "lines", "pdf", "markdown", "layout", "plain"]
DEFECT_SETS = [
    (),
    ("blanks",),
    ("short_row",),
    ("long_t4",),
    ("short_t2",),
    ("missing_block",),
    ("missing_table:proactive",),
    ("missing_table:applications",),
    ("missing_table:review_litigation",),
    ("extra_t2",),
    ("not_adding_up",),
    ("undivided",),
    ("label_variant",),
    ("blank_nonzero",),
    ("blank_nonzero", "blanks", "long_t4"),
    ("short_row", "long_t4", "blanks"),
    ("missing_block", "extra_t2", "blanks", "label_variant"),
    ("undivided", "long_t4", "short_t2"),
    ("column_order", "blanks"),
    ("column_order", "missing_block", "not_adding_up", "blank_nonzero"),
]
SEEDS = range(6)
DEFECT_SETS_2019 = [
    (),
    ("blanks",),
    ("short_row", "long_t4"),
    ("missing_block", "extra_t2", "blank_nonzero"),
    ("not_adding_up", "label_variant"),
    ("missing_table:proactive",),
    ("column_order", "blanks", "extra_t2"),
]


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("defects", DEFECT_SETS, ids=lambda d: "+".join(d) or "clean")
@pytest.mark.parametrize("layout", LAYOUTS)
def test_built_report(layout: str, defects: tuple[str, ...], seed: int) -> None:
    rng = random.Random(f"{layout}|{'+'.join(defects)}|{seed}")
    _check(build_report(rng, layout, defects), "2021")


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("defects", DEFECT_SETS_2019, ids=lambda d: "+".join(d) or "clean")
@pytest.mark.parametrize("layout", LAYOUTS)
def test_built_report_2019(layout: str, defects: tuple[str, ...], seed: int) -> None:
    rng = random.Random(f"2019|{layout}|{'+'.join(defects)}|{seed}")
    _check(build_report(rng, layout, defects, form="2019"), "2019")


def _check(built: Built, form: str) -> None:
    report = parse_report(built.text)
    context = f"\n--- report ---\n{built.text}\nnotes: {built.notes}"
    assert report.format == form
    assert report.meta.organ == built.organ, context
    assert report.meta.year == built.year
    assert [s.key for s in report.sections] == list(SECTION_KEYS)
    assert cell_problems(report, built.cells) == [], context
    assert missing_diagnostics(report, built.expect) == [], context
    assert noise(report, built.defect_keys) == [], context
    labels = {(r.table, r.label) for r in report.extra_rows}
    for table, label in built.extra_rows:
        assert (table, label) in labels, context
