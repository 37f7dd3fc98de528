"""Reading one cell's number."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gov_disclosure.normalize import normalize_text
from gov_disclosure.values import is_value_like, read_value

WIDE = str.maketrans("0123456789,.", "０１２３４５６７８９，．")


def _thousands(n: int) -> str:
    return f"{n:,}"


@given(st.integers(min_value=0, max_value=10**9))
def test_integers_read_back(n: int) -> None:
    assert read_value(str(n)).number == n
    assert read_value(_thousands(n)).number == n
    assert read_value(normalize_text(_thousands(n).translate(WIDE))).number == n
    assert read_value(normalize_text(f"\u3000{n}\u00a0")).number == n
    assert isinstance(read_value(str(n)).number, int)


@given(st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False))
def test_decimals_read_back(d: object) -> None:
    text = str(d)
    reading = read_value(text)
    assert reading.kind == "number"
    assert reading.number is not None
    assert abs(float(reading.number) - float(text)) < 1e-9


@given(st.integers(min_value=-1000, max_value=1000), st.sampled_from(["件", "个", "条", "元", "万元"]))
def test_units_are_split_off(n: int, unit: str) -> None:
    reading = read_value(f"{n}{unit}")
    assert (reading.number, reading.unit) == (n, unit)


@pytest.mark.parametrize("text", ["", "-", "—", "——", "－", "/", "无", " — "])
def test_zero_markers_are_blanks(text: str) -> None:
    assert read_value(normalize_text(text)).kind == "blank"
    assert is_value_like(normalize_text(text)) or not normalize_text(text)


@pytest.mark.parametrize("text", ["1.2.3", "12,34", "1..2"])
def test_broken_numbers_are_unreadable_values(text: str) -> None:
    assert read_value(text).kind == "unreadable"
    assert is_value_like(text)


@pytest.mark.parametrize("text", ["1.", "3、", "规章", "1.属于国家秘密", "第二十条第（一）项", "2022年"])
def test_labels_and_numbering_are_not_values(text: str) -> None:
    assert not is_value_like(normalize_text(text))


@given(st.text(max_size=30))
def test_reading_never_raises(text: str) -> None:
    reading = read_value(normalize_text(text))
    assert reading.kind in ("number", "blank", "unreadable")


def test_one_number_with_spaces_around_its_sign_word_or_unit() -> None:
    assert read_value("增加 2 项").number == 2
    assert read_value("减 2").number == -2
    assert read_value("- 3").number == -3
    assert read_value("\u22121").number == -1  # U+2212 MINUS SIGN
    assert (read_value("46 项").number, read_value("46 项").unit) == (46, "项")
    assert (read_value("2315(件)").number, read_value("2315(件)").unit) == (2315, "件")
    assert read_value("持平").kind == "blank"  # no change: 0
    # Two numbers with a gap are not one number.
    assert read_value("12 34").kind == "unreadable"
    assert read_value("- 3 4").kind == "unreadable"


def test_a_digit_run_too_long_for_any_count_is_unreadable() -> None:
    assert read_value("1" * 5000).kind == "unreadable"
    assert read_value("1" * 16).kind == "unreadable"
    assert read_value("123456789012345").number == 123456789012345
