"""The output contract: keys, shape and types of ``Report.to_dict()``."""

from __future__ import annotations

import json
import pickle
import random

import attrs
import pytest

from gov_disclosure import Report, parse_report
from gov_disclosure.formats import FORMAT_2021

from builder import build_report
from conftest import DATA

CELLS_JSON = json.loads((DATA / "spec" / "cells.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def report() -> Report:
    return parse_report(build_report(random.Random(3), "tabs", ("blanks", "extra_t2")).text)


def test_format_keys_are_the_contract_keys_in_order() -> None:
    assert list(FORMAT_2021.keys) == [e["key"] for e in CELLS_JSON["2021"]]
    assert len(FORMAT_2021.relations) == 42


def test_to_dict_shape(report: Report) -> None:
    out = report.to_dict()
    assert out["schema_version"] == 1
    assert out["format"] == "2021"
    assert list(out["cells"]) == [e["key"] for e in CELLS_JSON["2021"]]
    assert set(out["meta"]) == {"organ", "year", "published", "contact"}
    for key, value in out["cells"].items():
        if key == "proactive.fees.amount":
            assert isinstance(value, float)
        else:
            assert type(value) is int, key
        source = out["cell_sources"][key]
        assert source["how"] in ("read", "blank", "derived")
        assert isinstance(source["line"], int)
        assert isinstance(source["text"], str)
    assert [c["rule"] for c in out["checks"]] == [r.rule for r in FORMAT_2021.relations]
    for d in out["diagnostics"]:
        assert set(d) == {"code", "severity", "key", "line", "message", "cells"}
    json.dumps(out, ensure_ascii=False)  # plain JSON types only


def test_sources_point_at_the_printed_text(report: Report) -> None:
    lines = report_text_lines()
    out = report.to_dict()
    for key, source in out["cell_sources"].items():
        if source["how"] == "read":
            cells = [c.strip(" \u3000\u00a0") for c in lines[source["line"] - 1].split("\t")]
            assert source["text"] in cells, key
            value = out["cells"][key]
            assert float(source["text"].replace(",", "")) == value, key


def report_text_lines() -> list[str]:
    return build_report(random.Random(3), "tabs", ("blanks", "extra_t2")).text.split("\n")


def test_checks_agree_with_the_cells(report: Report) -> None:
    cells = report.cells
    relations = {r.rule: r for r in FORMAT_2021.relations}
    for check in report.checks:
        relation = relations[check.rule]
        assert check.cells == relation.cells
        left = [cells[k] for k in relation.left]
        right = [cells[k] for k in relation.right]
        if None in left + right:
            assert check.ok is None
        else:
            assert check.ok is (abs(sum(left) - sum(right)) < 1e-9)  # type: ignore[arg-type]


def test_the_model_is_frozen_and_pickles(report: Report) -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        report.format = "2019"  # type: ignore[misc]
    again = pickle.loads(pickle.dumps(report))
    assert again == report
    assert again.applications is not None
    assert again.applications.denied.state_secret.total == report.cell(
        "applications.denied.state_secret.total"
    )


def test_cell_lookup(report: Report) -> None:
    assert report.cell("proactive.fees.amount") is report.proactive.fees.amount  # type: ignore[union-attr]
    for bad in ("applications.nope.total", "applications.granted", "meta.organ", "_x"):
        with pytest.raises(KeyError):
            report.cell(bad)
    assert report.section("overview") is not None
    assert report.section("nope") is None


def test_free_form_has_no_cells() -> None:
    report = parse_report("某镇人民政府2017年政府信息公开工作年度报告\n一、概述\n二、主动公开情况\n")
    out = report.to_dict()
    assert out["format"] == "free-form"
    assert out["cells"] == {}
    assert out["checks"] == []
    assert out["cell_sources"] == {}
    assert report.applications is None
