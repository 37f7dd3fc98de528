"""The package's exceptions: one root, raised only for input that cannot be read as a report.

A messy report never raises: its problems become diagnostics on the returned ``Report``.
"""

from __future__ import annotations

__all__ = [
    "GovDisclosureError",
    "InputTypeError",
    "MissingDependencyError",
    "NotAReportError",
    "UnreadableDocumentError",
]


class GovDisclosureError(ValueError):
    """Root of every exception this package raises on purpose."""


class InputTypeError(GovDisclosureError, TypeError):
    """The input is not of a type the function reads (``parse_report`` takes a ``str``)."""


class NotAReportError(GovDisclosureError):
    """The text is empty or is not a government information disclosure annual report."""


class UnreadableDocumentError(GovDisclosureError):
    """The file cannot be read as the kind it is: a damaged DOCX, a PDF without a usable
    text layer (scanned pages, undecodable fonts), bytes in no known encoding."""


class MissingDependencyError(GovDisclosureError, ImportError):
    """Reading this kind of file needs an optional extra (``pip install gov-disclosure[pdf]``)."""
