"""Decoding text bytes: a cascade that beats detectors on short Chinese text.

1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32);
2. the caller's ``encoding``, or a charset the document declares (``<meta charset>``,
   ``http-equiv``, an XML declaration); ``gb2312``/``gbk``/``x-gbk`` mean GB18030, as
   browsers read them;
3. NUL bytes: UTF-16, in the byte order whose text reads (a stray NUL in valid UTF-8
   text does not count);
4. strict UTF-8;
5. strict GB18030;
6. only then, if installed (``gov-disclosure[detect]``), charset-normalizer's guess.

Detectors misread short GBK text as Big5 or CP949 and markup-heavy pages as CP1258; the
cascade needs no dependency and records which step chose the encoding.
"""

from __future__ import annotations

import codecs
import re

import attrs

from gov_disclosure.errors import UnreadableDocumentError

__all__ = ["Decoded", "decode"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARED = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})"""
    rb"""|<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{2,40})""",
    re.IGNORECASE,
)
# Labels browsers read as GB18030 (the WHATWG encoding standard), and other aliases.
_ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "gb_2312-80": "gb18030",
    "csgb2312": "gb18030",
    "chinese": "gb18030",
    "utf8": "utf-8",
}


@attrs.frozen(kw_only=True)
class Decoded:
    """Decoded text, the encoding, and which step of the cascade chose it."""

    text: str
    encoding: str
    how: str  # "bom", "given", "declared", "nul", "utf-8", "gb18030", "detected"


def _canonical(name: str) -> str | None:
    name = name.strip().lower()
    name = _ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def decode(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode text bytes by the cascade above."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            text = _try(data[len(bom) :], name)
            if text is not None:
                return Decoded(text=text, encoding=name, how="bom")
    if encoding is not None:
        given = _canonical(encoding)
        if given is None:
            raise UnreadableDocumentError(f"unknown encoding {encoding!r}")
        text = _try(data, given)
        if text is None:
            raise UnreadableDocumentError(f"the bytes are not valid {encoding}")
        return Decoded(text=text, encoding=given, how="given")
    declared = _DECLARED.search(data[:4096])
    if declared:
        named = _canonical((declared.group(1) or declared.group(2)).decode("ascii"))
        if named is not None and not named.startswith("utf-16"):
            text = _try(data, named)
            if text is not None:
                return Decoded(text=text, encoding=named, how="declared")
    head = data[:4096]
    nuls = head.count(0)
    stray = nuls * 50 < len(head) and _try(data, "utf-8") is not None  # a stray NUL in UTF-8 text
    if nuls and not stray:
        utf16 = _utf16(data)
        if utf16 is not None:
            return utf16
    for name in ("utf-8", "gb18030"):
        text = _try(data, name)
        if text is not None:
            return Decoded(text=text, encoding=name, how=name)
    return _detected(data)


_READABLE = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\x20-\x7e\t\r\n]")


def _utf16(data: bytes) -> Decoded | None:
    """Text with NUL bytes as UTF-16: the byte order whose text reads as Chinese and ASCII
    (where the NULs fall says it too, for text with ASCII in it)."""
    even = data[: len(data) // 2 * 2]
    best: tuple[int, str, str] | None = None
    for name in ("utf-16-le", "utf-16-be"):
        text = _try(even, name)
        if text is not None:
            score = len(_READABLE.findall(text[:2000]))
            if best is None or score > best[0]:
                best = (score, name, text)
    return None if best is None else Decoded(text=best[2], encoding=best[1], how="nul")


def _detected(data: bytes) -> Decoded:
    if data.startswith(b"PK\x03\x04") or sum(b < 9 or 13 < b < 32 for b in data[:2048]) > 64:
        archive = " (a ZIP archive?)" if data.startswith(b"PK") else ""
        raise UnreadableDocumentError(f"these bytes are not text{archive}: pass kind=... for a document")
    try:
        from charset_normalizer import from_bytes
    except ImportError:
        raise UnreadableDocumentError(
            "the bytes are neither UTF-8, UTF-16 nor GB18030; pass encoding=..., or install "
            "gov-disclosure[detect] to let charset-normalizer guess"
        ) from None
    best = from_bytes(data).best()
    if best is None:
        raise UnreadableDocumentError("no text encoding fits these bytes")
    return Decoded(text=str(best), encoding=_canonical(best.encoding) or best.encoding, how="detected")
