"""Finding the six national section headings.

A heading is a line of its own, short, without 。 or ，, whose title (after its numbering)
matches one of the six section titles or a known variant. When several lines could head
the same section, a line numbered with the section's own number in a top-level style
(``二、``, ``2、``, ``2.``) wins; otherwise the last unnumbered candidate before the next
section's heading; a bracketed number (``（二）``) is the last resort, because that style
usually marks a sub-head of section 一.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from gov_disclosure.normalize import SourceLine

__all__ = ["SECTION_KEYS", "SECTION_TITLES", "HeadingCandidate", "find_headings"]

SECTION_KEYS = ("overview", "proactive", "applications", "review_litigation", "problems", "other")
SECTION_TITLES = {
    "overview": "总体情况",
    "proactive": "主动公开政府信息情况",
    "applications": "收到和处理政府信息公开申请情况",
    "review_litigation": "政府信息公开行政复议、行政诉讼情况",
    "problems": "存在的主要问题及改进情况",
    "other": "其他需要报告的事项",
}

_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_HEADING = re.compile(
    r"^(?:(?P<top>第?(?P<cn>[一二三四五六七八九十]{1,2})(?:部分)?\s*[、.:]|(?P<ar>\d{1,2})\s*[、.](?!\d))"
    r"|(?P<paren>\(\s*(?P<pn>[一二三四五六七八九十\d]{1,2})\s*\)))?\s*(?P<title>.*)$"
)
_TITLE_PATTERNS: dict[str, re.Pattern[str]] = {
    "overview": re.compile(r"^(?:政府信息公开(?:工作)?)?(?:总体情况|总体概况|概述|概况|基本情况|工作概况)$"),
    "proactive": re.compile(r"^(?:行政机关)?主动公开(?:政府)?信息(?:的)?(?:工作)?情况$|^主动公开情况$"),
    "applications": re.compile(
        r"^(?:行政机关)?(?:收到和处理|收到及处理|受理和处理)(?:政府信息公开)?申请(?:的)?情况$"
        r"|^(?:行政机关)?依申请公开(?:政府信息)?(?:的)?(?:工作)?情况$"
    ),
    "review_litigation": re.compile(r"^.{0,20}复议.{0,12}诉讼.{0,6}情况$"),
    "problems": re.compile(
        r"^.{0,12}(?:存在的?)?(?:主要)?问题.{0,12}(?:改进|措施|整改).{0,8}$|^.{0,12}存在的?(?:主要)?问题(?:和不足)?$"
    ),
    "other": re.compile(r"^其他(?:需要|需)?(?:报告)?的?事项$"),
}
_MAX_TITLE = 30
# Every title pattern needs one of these words: a cheap first test for each line.
_TITLE_WORDS = re.compile(r"情况|事项|概述|概况|问题")


@attrs.frozen(kw_only=True)
class HeadingCandidate:
    """A line that could head a section."""

    line: int
    key: str
    number: int | None  # the printed number, if any
    style: str  # "top" (二、 / 2、 / 2.), "paren" (（二）) or "none"
    title: str

    @property
    def own_number(self) -> bool:
        """Numbered with the section's own number (二 for proactive, …)."""
        return self.number == SECTION_KEYS.index(self.key) + 1


def _number(text: str | None) -> int | None:
    if text is None:
        return None
    if text.isdigit():
        return int(text)
    if len(text) == 1:
        return _NUMERALS.get(text)
    if text.startswith("十"):
        return 10 + _NUMERALS.get(text[1:], 0)
    return None


def candidate(line: SourceLine) -> HeadingCandidate | None:
    """The heading reading of a line, if it has one."""
    norm = line.norm
    if not norm or len(norm) > _MAX_TITLE + 12 or not _TITLE_WORDS.search(norm):
        return None
    if sum(1 for c in line.cells if c.norm) > 2:
        return None
    match = _HEADING.match(norm)
    if match is None:
        return None
    title = match.group("title").strip().rstrip(":").strip()
    compact = "".join(title.split())
    if not compact or len(compact) > _MAX_TITLE or "。" in compact or "，" in title or "," in title:
        return None
    number: int | None
    if match.group("ar"):
        style, number = "top", int(match.group("ar"))
    elif match.group("top"):
        style, number = "top", _number(match.group("cn"))
    elif match.group("paren"):
        style, number = "paren", _number(match.group("pn"))
    else:
        style, number = "none", None
    for key, pattern in _TITLE_PATTERNS.items():
        if pattern.match(compact):
            return HeadingCandidate(line=line.number, key=key, number=number, style=style, title=title)
    return None


def find_headings(lines: Sequence[SourceLine], *, own_numbers: bool = True) -> list[HeadingCandidate]:
    """The chosen heading of each section found, in input order (each key at most once).

    With ``own_numbers`` (the national structure) a numbered candidate counts only for
    the section its number names; without it (a free-form report, numbered its own way)
    any top-level numbered candidate counts."""
    found = [c for c in (candidate(line) for line in lines) if c is not None]
    if own_numbers:
        found = [c for c in found if c.number is None or c.own_number]
    else:
        found = [c for c in found if c.style != "paren"]
    chosen: dict[str, HeadingCandidate] = {}
    for key in SECTION_KEYS:
        top = [c for c in found if c.key == key and c.style == "top"]
        if top:
            chosen[key] = top[0]
    _keep_in_order(chosen)
    for style in ("none", "paren"):
        for key in SECTION_KEYS:
            if key in chosen:
                continue
            low, high = _bounds(chosen, key)
            options = [c for c in found if c.key == key and c.style == style and low < c.line < high]
            if options:
                chosen[key] = options[-1]
    return sorted(chosen.values(), key=lambda c: c.line)


def _bounds(chosen: dict[str, HeadingCandidate], key: str) -> tuple[int, float]:
    index = SECTION_KEYS.index(key)
    before = [chosen[k].line for k in SECTION_KEYS[:index] if k in chosen]
    after = [chosen[k].line for k in SECTION_KEYS[index + 1 :] if k in chosen]
    return (max(before) if before else 0), (min(after) if after else float("inf"))


def _keep_in_order(chosen: dict[str, HeadingCandidate]) -> None:
    """Drop chosen headings that break the sections' order (keep the longest ordered run)."""
    keys = [k for k in SECTION_KEYS if k in chosen]
    best: list[str] = []
    for start in range(len(keys)):
        run = [keys[start]]
        for k in keys[start + 1 :]:
            if chosen[k].line > chosen[run[-1]].line:
                run.append(k)
        if len(run) > len(best):
            best = run
    for k in keys:
        if k not in best:
            del chosen[k]
