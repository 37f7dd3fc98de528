"""The package's exceptions: one root, raised only for input that cannot be a report.

A messy report never raises: its problems become diagnostics on the returned ``Report``.
"""

from __future__ import annotations

__all__ = ["GovDisclosureError", "InputTypeError", "NotAReportError"]


class GovDisclosureError(ValueError):
    """Root of every exception this package raises on purpose."""


class InputTypeError(GovDisclosureError, TypeError):
    """The input is not of a type the function reads (``parse_report`` takes a ``str``)."""


class NotAReportError(GovDisclosureError):
    """The text is empty or is not a government information disclosure annual report."""
