"""Reading files as people find them: text in any Chinese encoding, HTML, DOCX, PDF.

Every reader produces the same lines of cells (:class:`~gov_disclosure.SourceLine`) and
hands them to :func:`~gov_disclosure.parse_lines`: there is one parser.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import BinaryIO, Literal

from gov_disclosure.errors import InputTypeError, NotAReportError, UnreadableDocumentError
from gov_disclosure.model import Diagnostic, Report, Source
from gov_disclosure.normalize import to_lines
from gov_disclosure.pipeline import parse_lines
from gov_disclosure.readers.encoding import Decoded, decode

__all__ = ["KINDS", "Kind", "detect_kind", "parse_bytes", "parse_file"]

Kind = Literal["text", "html", "docx", "pdf"]
KINDS: tuple[Kind, ...] = ("text", "html", "docx", "pdf")
_SUFFIXES: dict[str, Kind] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".markdown": "text",
    ".htm": "html",
    ".html": "html",
    ".shtml": "html",
    ".xhtml": "html",
    ".docx": "docx",
    ".pdf": "pdf",
}
_HTML_MARKS = (b"<!doctype html", b"<html", b"<body", b"<table", b"<div", b"<p>", b"<meta")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 .doc, .wps


def detect_kind(data: bytes, name: str | None = None) -> Kind:
    """The kind of a file, from its content, then its name's extension."""
    head = data[:2048]
    if head.startswith(b"%PDF") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04") and (
        b"word/" in data[:65536] or (name or "").lower().endswith(".docx")
    ):
        return "docx"
    suffix = Path(name).suffix.lower() if name else ""
    lowered = head.lower().replace(b"\x00", b"")
    html = any(mark in lowered for mark in _HTML_MARKS)
    if head.startswith(_OLE) or (suffix in (".doc", ".wps") and not html):
        raise UnreadableDocumentError(
            "this is a Word 97-2003 (.doc) or WPS file, which is not read: save it as .docx"
        )
    if suffix in _SUFFIXES:
        return _SUFFIXES[suffix]
    return "html" if html else "text"


_WHY = {
    "bom": "by its byte-order mark",
    "given": "as the caller asked",
    "declared": "as the document declares",
    "nul": "as UTF-16 (it has NUL bytes)",
    "utf-8": "as UTF-8 (valid UTF-8)",
    "gb18030": "as GB18030 (not valid UTF-8)",
    "detected": "by charset-normalizer's guess",
}


def _encoding_note(decoded: Decoded) -> Diagnostic:
    why = _WHY[decoded.how]
    return Diagnostic(
        code="input.encoding",
        severity="warning" if decoded.how == "detected" else "info",
        key=None,
        line=None,
        message=f"decoded {why}: {decoded.encoding}",
    )


def parse_bytes(
    data: bytes,
    *,
    kind: Kind | None = None,
    encoding: str | None = None,
    name: str | None = None,
) -> Report:
    """Parse a report from the bytes of a file.

    ``kind`` (``"text"``, ``"html"``, ``"docx"``, ``"pdf"``) is detected from the content
    and ``name`` when not given. ``encoding`` overrides the detection for text and HTML.
    Raises :class:`~gov_disclosure.MissingDependencyError` when the kind needs an extra
    that is not installed, :class:`~gov_disclosure.UnreadableDocumentError` for a file
    that cannot be read as its kind, and what :func:`~gov_disclosure.parse_report` raises.
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise InputTypeError(f"parse_bytes() takes bytes, not {type(data).__name__}")
    data = bytes(data)
    if kind is not None and kind not in KINDS:
        raise InputTypeError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    kind = kind or detect_kind(data, name)
    notes: list[Diagnostic] = []
    used: str | None = None
    decoded = None
    if kind in ("text", "html"):
        decoded = decode(data, encoding)
        notes.append(_encoding_note(decoded))
        used = decoded.encoding
        if kind == "text":
            lines = to_lines(decoded.text)
        else:
            from gov_disclosure.readers.html import read_html

            lines = read_html(decoded.text)
    elif kind == "docx":
        from gov_disclosure.readers.docx import read_docx

        lines = read_docx(data)
    else:
        from gov_disclosure.readers.pdf import read_pdf

        lines = read_pdf(data)
    try:
        return parse_lines(lines, source=Source(path=name, kind=kind, encoding=used), notes=notes)
    except NotAReportError as exc:
        if decoded is None or decoded.how in ("given", "bom", "declared"):
            raise
        raise NotAReportError(
            f"{exc} (the bytes were read as {kind} in {decoded.encoding}, chosen {_WHY[decoded.how]}; "
            "if that is wrong, pass kind=… or encoding=…)"
        ) from None


def parse_file(
    source: str | os.PathLike[str] | bytes | BinaryIO,
    *,
    kind: Kind | None = None,
    encoding: str | None = None,
) -> Report:
    """Parse a report from a file: a path (``str`` or path-like), the file's bytes, or a
    binary file object. See :func:`parse_bytes` for ``kind``, ``encoding`` and errors;
    a missing file raises :class:`FileNotFoundError`."""
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        return parse_bytes(path.read_bytes(), kind=kind, encoding=encoding, name=str(source))
    if isinstance(source, (bytes, bytearray, memoryview)):
        return parse_bytes(bytes(source), kind=kind, encoding=encoding)
    if isinstance(source, io.TextIOBase):
        raise InputTypeError("parse_file() reads binary files: open the file with 'rb'")
    if hasattr(source, "read"):
        data = source.read()
        if not isinstance(data, bytes):
            raise InputTypeError("parse_file() reads binary files: open the file with 'rb'")
        return parse_bytes(data, kind=kind, encoding=encoding, name=getattr(source, "name", None))
    raise InputTypeError(f"parse_file() takes a path, bytes or a binary file, not {type(source).__name__}")
