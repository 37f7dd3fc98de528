"""Metadata: the reporting organ, the year reported on, the date signed, contact details.

The organ comes from the title (``某某镇人民政府`` / ``2022年政府信息公开工作年度报告``, or
one line ``某某市某某局2023年政府信息公开工作年度报告``), else from the signature at the
end. The year from the title, else from the statistics period. The date from the
closing lines. Contact details from the front matter and the closing lines.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence

from gov_disclosure.model import Contact, Diagnostic, Meta
from gov_disclosure.normalize import SourceLine

__all__ = ["read_meta"]

_YEAR = r"((?:19|20)\d{2})"
_TITLE = re.compile(rf"^(?P<pre>.*?){_YEAR}\s*年\s*度?(?P<mid>.*?)(?:政府信息公开|政务公开|信息公开)")
_REPORT_WORDS = ("年度报告", "年报", "工作报告")
_PERIOD = re.compile(rf"(?:统计期限|统计时限|统计期间|统计时间)\D{{0,8}}{_YEAR}\s*年")
_DATE = re.compile(rf"{_YEAR}\s*[年.\-/]\s*(\d{{1,2}})\s*[月.\-/]\s*(\d{{1,2}})\s*日?")
_CN_DIGITS = {
    "〇": 0,
    "○": 0,
    "零": 0,
    "O": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_DATE = re.compile(
    r"([〇○零O一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日"
)
_ORGAN_NOISE = re.compile(r"^(?:关于)|(?:关于|的)$")
_PUNCT = set("。，,；;：:！？!?>›»|/\\")
_NOT_ORGAN = ("首页", "当前位置", "您的位置", "政务公开", "信息公开")

_ADDRESS = re.compile(r"(?:通讯地址|联系地址|办公地址|地址|地点)\s*[:：]?\s*([^;；,，。)）(（\s]{4,60})")
_POSTCODE = re.compile(r"(?:邮编|邮政编码)\s*[:：]?\s*(\d{6})")
_PHONE_NUMBER = r"(\(?0\d{2,3}\)?\s*[-－—]?\s*\d{7,8}(?:[-－]\d{1,5})?|1[3-9]\d{9})"
_PHONE = re.compile(rf"(?:联系电话|咨询电话|电话|热线)\s*[:：]?\s*{_PHONE_NUMBER}")
_FAX = re.compile(rf"传真\s*[:：]?\s*{_PHONE_NUMBER}")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_URL = re.compile(r"(?:https?://|www\.)[A-Za-z0-9\-._~/?#\[\]@!$&'*+=%:]+")


def _is_title(text: str) -> bool:
    return any(w in text for w in _REPORT_WORDS) and ("公开" in text or "报告" in text)


def _clean_organ(text: str) -> str | None:
    text = "".join(text.split()).strip('《》“”"')
    text = _ORGAN_NOISE.sub("", text)
    if (
        not text
        or len(text) > 40
        or any(ch in _PUNCT for ch in text)
        or any(word in text for word in _NOT_ORGAN)
        or not re.search(r"[\u4e00-\u9fff]", text)
    ):
        return None
    return text


_CN_YEAR = re.compile(r"([〇○零O一二三四五六七八九]{4})(?=\s*年)")


def _arabic_years(text: str) -> str:
    """二〇二三年 as 2023年."""
    return _CN_YEAR.sub(lambda m: "".join(str(_CN_DIGITS[ch]) for ch in m.group(1)), text)


def _title(front: Sequence[SourceLine]) -> tuple[str | None, int | None]:
    """The organ and year named by the title lines."""
    lines = [_arabic_years(line.norm) for line in front if line.norm][:8]
    for i, text in enumerate(lines):
        if not _is_title(text) or len(text) > 60:
            continue
        compact = "".join(text.split())
        match = _TITLE.match(compact)
        year = int(match.group(2)) if match else None
        organ = None
        if match:
            organ = _clean_organ(match.group("pre")) or _clean_organ(match.group("mid"))
        else:
            head = compact.split("政府信息公开")[0]
            organ = _clean_organ(head)
        if organ is None and i > 0:
            organ = _clean_organ(lines[i - 1])
        return organ, year
    return None, None


def _closing(lines: Sequence[SourceLine]) -> list[SourceLine]:
    filled = [line for line in lines if line.norm]
    return filled[-8:]


def _parse_date(text: str) -> dt.date | None:
    compact = "".join(text.split())
    match = _DATE.search(compact)
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        cn = _CN_DATE.search(compact)
        if not cn:
            return None
        year = int("".join(str(_CN_DIGITS[ch]) for ch in cn.group(1)))
        cn_month, cn_day = _cn_number(cn.group(2)), _cn_number(cn.group(3))
        if cn_month is None or cn_day is None:
            return None
        month, day = cn_month, cn_day
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _cn_number(text: str) -> int | None:
    """一 … 三十一 as a number; ``None`` for anything else (十十)."""
    match = re.fullmatch(r"([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)", text)
    if not text or not match:
        return None
    tens, ten, units = match.groups()
    if ten:  # 十, 十一, 二十, 二十五
        return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)
    if tens and units:  # 二二
        return None
    return _CN_DIGITS[tens or units]


def _signature(lines: Sequence[SourceLine]) -> tuple[str | None, dt.date | None, tuple[int, ...]]:
    """The organ and date of the signature at the end of the report, and its lines."""
    closing = _closing(lines)
    for i in range(len(closing) - 1, -1, -1):
        text = closing[i].norm
        if len(text) > 24:
            continue
        date = _parse_date(text)
        if date is None:
            continue
        organ = _clean_organ(closing[i - 1].norm) if i > 0 else None
        signed = (closing[i - 1].number, closing[i].number) if organ else (closing[i].number,)
        return organ, date, signed
    return None, None, ()


def _contact(lines: Iterator[str]) -> Contact:
    found: dict[str, str] = {}
    patterns = (("address", _ADDRESS), ("postcode", _POSTCODE), ("phone", _PHONE), ("fax", _FAX))
    for text in lines:
        for field, pattern in patterns:
            if field not in found:
                match = pattern.search(text)
                if match:
                    found[field] = match.group(1).strip()
        if "email" not in found and "@" in text:
            at = text.index("@")  # search near the @ only: the pattern is slow on long runs
            match = _EMAIL.search(text, max(0, at - 64), at + 256)
            if match:
                found["email"] = match.group(0)
        if "website" not in found:
            match = _URL.search(text)
            if match:
                found["website"] = match.group(0).rstrip(".,;")
    if "phone" in found:
        found["phone"] = re.sub(r"\s+", "", found["phone"])
    return Contact(**found)


_FIELD_WORDS = {
    "organ": "reporting organ",
    "year": "year reported on",
    "published": "date the report is signed",
}
_MAX_CONTACT_LINE = 2000


def read_meta(
    front: Sequence[SourceLine], lines: Sequence[SourceLine]
) -> tuple[Meta, list[Diagnostic], tuple[int, ...]]:
    """The report's metadata, a ``meta.missing`` info for each field not found, and the
    lines of the signature at the end (not narrative)."""
    organ, year = _title(front)
    signer, published, signature = _signature(lines)
    if organ is None:
        organ = signer
    if year is None:
        for line in front or lines[:20]:
            match = _PERIOD.search("".join(line.norm.split()))
            if match:
                year = int(match.group(1))
                break
    searched = {line.number: line for line in (*front, *_closing(lines))}
    contact = _contact(line.text[:_MAX_CONTACT_LINE] for _, line in sorted(searched.items()))
    meta = Meta(organ=organ, year=year, published=published, contact=contact)
    diagnostics = [
        Diagnostic(
            code="meta.missing",
            severity="info",
            key=f"meta.{field}",
            line=None,
            message=f"the {_FIELD_WORDS[field]} was not found",
        )
        for field, value in (("organ", organ), ("year", year), ("published", published))
        if value is None
    ]
    return meta, diagnostics, signature
