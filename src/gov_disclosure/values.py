"""Reading the number in one table cell.

A cell is *value-like* when it holds a number (``12``, ``1,234``, ``235.78``, ``-3``,
``+12``), a change in words (``减少3``, ``增加5``), a number with a unit (``3件``,
``251000元``) or a printed zero marker (``-``, ``—``, ``/``, ``无``). Everything else in a
table is a label.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

import attrs

__all__ = ["ValueReading", "is_value_like", "read_value"]

_NUMBER = r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_NUMBER_RE = re.compile(rf"^{_NUMBER}$")
_WITH_UNIT_RE = re.compile(rf"^(?P<n>{_NUMBER})\(?(?P<unit>万元|元|人次|件|个|条|项|次|宗|起|份)\)?$")
# 本年增/减 written in words: 增加5, 新增5, 增5, 减少3, 减3 (a unit may follow).
_CHANGE_RE = re.compile(rf"^(?P<word>增加|新增|增|减少|减)(?P<n>{_NUMBER})(?:项|个|件|宗)?$")
_BLANK_RE = re.compile(r"^(?:[-—–―‐‑‒−/\\]+|无|空|持平)$")
# One number with spaces only around its sign, change word or unit: "- 3", "增加 2 项", "46 项".
_SPACED_ONE = re.compile(
    rf"^(?:[+-]|增加|新增|增|减少|减)?\s*{_NUMBER}\s*\(?(?:万元|元|人次|件|个|条|项|次|宗|起|份)?\)?$"
)
_SPACES = re.compile(r"\s+")
_MAX_DIGITS = 15


@attrs.frozen(kw_only=True)
class ValueReading:
    """What a value-like cell says.

    ``kind`` is ``"number"``, ``"blank"`` (an empty cell or a printed zero marker),
    ``"unreadable"`` (looks like a number but is not one, such as ``1.2.3``) or
    ``"glued"`` (a run of digits glued to its row label, perhaps several values).
    """

    kind: Literal["number", "blank", "unreadable", "glued"]
    number: int | float | None = None
    unit: str | None = None


_EMPTY = ValueReading(kind="blank")


@lru_cache(maxsize=8192)
def is_value_like(norm: str) -> bool:
    """True when a normalised cell text is a number, a number with a unit or a zero marker."""
    return read_value(norm).kind != "unreadable" or _looks_numeric(norm)


def _looks_numeric(norm: str) -> bool:
    """Digits with misplaced separators (``1.2.3``), but not a numbering such as ``1.``."""
    compact = _SPACES.sub("", norm)
    return (
        any(ch.isdigit() for ch in compact)
        and all(ch.isdigit() or ch in ",.+-" for ch in compact)
        and not compact.endswith((".", ","))
    )


@lru_cache(maxsize=4096)
def read_value(norm: str) -> ValueReading:
    """Read a normalised cell text.

    Thousands separators are removed; a whole number is an ``int``, a decimal a ``float``;
    a unit is split off and reported in ``unit`` (conversion is the caller's decision).

    >>> read_value("1,234")
    ValueReading(kind='number', number=1234, unit=None)
    >>> read_value("—").kind
    'blank'
    """
    norm = norm.replace("\u2212", "-")  # the minus sign
    compact = _SPACES.sub("", norm)
    if not compact or _BLANK_RE.match(compact):
        return _EMPTY
    if compact != norm.strip() and not _SPACED_ONE.match(norm.strip()):
        return ValueReading(kind="unreadable")  # 12 34: two numbers, or one with a gap?
    unit = None
    change = _CHANGE_RE.match(compact)
    if change:
        magnitude = read_value(change.group("n")).number or 0
        return ValueReading(
            kind="number", number=-magnitude if change.group("word").startswith("减") else magnitude
        )
    match = _WITH_UNIT_RE.match(compact)
    if match:
        compact, unit = match.group("n"), match.group("unit")
    elif not _NUMBER_RE.match(compact):
        return ValueReading(kind="unreadable")
    digits = compact.replace(",", "")
    if len(digits) > _MAX_DIGITS:
        return ValueReading(kind="unreadable")  # no count or amount is that long: a glued run
    number: int | float
    if "." in digits:
        as_float = float(digits)
        number = int(as_float) if as_float.is_integer() and digits.rstrip("0").endswith(".") else as_float
    else:
        number = int(digits)
    return ValueReading(kind="number", number=number, unit=unit)
