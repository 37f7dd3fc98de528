"""gov_disclosure: Chinese government information disclosure annual reports as typed data.

>>> import gov_disclosure
>>> report = gov_disclosure.parse_report(text)          # doctest: +SKIP
>>> report.applications.granted.total.value              # doctest: +SKIP
"""

from __future__ import annotations

from gov_disclosure.batch import Outcome, parse_files
from gov_disclosure.errors import (
    GovDisclosureError,
    InputTypeError,
    MissingDependencyError,
    NotAReportError,
    UnreadableDocumentError,
)
from gov_disclosure.model import (
    ApplicantCounts,
    Applications,
    Cell,
    Check,
    Contact,
    Decisions,
    Denied,
    Diagnostic,
    DocumentCounts,
    ExtraRow,
    Fees,
    Meta,
    NotProcessed,
    OtherHandling,
    Outcomes,
    Proactive,
    Report,
    ReviewLitigation,
    Section,
    Source,
    Unable,
)
from gov_disclosure.normalize import SourceCell, SourceLine, to_lines
from gov_disclosure.pipeline import parse_lines, parse_report
from gov_disclosure.readers import detect_kind, parse_bytes, parse_file

__version__ = "0.1.0"

__all__ = [
    "ApplicantCounts",
    "Applications",
    "Cell",
    "Check",
    "Contact",
    "Decisions",
    "Denied",
    "Diagnostic",
    "DocumentCounts",
    "ExtraRow",
    "Fees",
    "GovDisclosureError",
    "InputTypeError",
    "Meta",
    "MissingDependencyError",
    "NotAReportError",
    "NotProcessed",
    "OtherHandling",
    "Outcome",
    "Outcomes",
    "Proactive",
    "Report",
    "ReviewLitigation",
    "Section",
    "Source",
    "SourceCell",
    "SourceLine",
    "Unable",
    "UnreadableDocumentError",
    "__version__",
    "detect_kind",
    "parse_bytes",
    "parse_file",
    "parse_files",
    "parse_lines",
    "parse_report",
    "to_lines",
]
