"""Parsing many files: paths expanded, files read in parallel processes, results in order.

A file that cannot be read (missing, damaged, not a report, needing an extra) gives an
``Outcome`` with its error; the batch goes on.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import attrs

from gov_disclosure.model import Report

__all__ = ["READABLE_SUFFIXES", "Outcome", "expand_paths", "parse_files"]

READABLE_SUFFIXES = frozenset(
    {".txt", ".text", ".md", ".markdown", ".htm", ".html", ".shtml", ".xhtml", ".docx", ".pdf"}
)
# Found in directories too, so that each is reported (as needing conversion), not skipped.
REPORTED_SUFFIXES = READABLE_SUFFIXES | {".doc", ".wps"}
_GLOB_CHARS = frozenset("*?[")


@attrs.frozen(kw_only=True)
class Outcome:
    """One file's result: its report, or why it could not be read."""

    path: str
    report: Report | None = None
    error: str | None = None  # "ExceptionType: message"

    @property
    def ok(self) -> bool:
        """True when the file gave a report."""
        return self.report is not None


def expand_paths(arguments: Iterable[str]) -> list[str]:
    """Files named by the arguments: a file as given, a directory's readable files
    (recursively, sorted), a glob pattern's matches (``**`` recursive). An argument that
    matches nothing is kept, so that reading it reports the problem."""
    out: list[str] = []
    for argument in arguments:
        if any(ch in argument for ch in _GLOB_CHARS) and not os.path.exists(argument):
            matches = sorted(glob.glob(argument, recursive=True))
            files = [m for m in matches if os.path.isfile(m)]
            out += files if files else [argument]
        elif os.path.isdir(argument):
            found = sorted(
                str(p)
                for p in Path(argument).rglob("*")
                if p.is_file() and p.suffix.lower() in REPORTED_SUFFIXES
            )
            out += found or [argument]  # an empty directory is reported, not skipped
        else:
            out.append(argument)
    return list(dict.fromkeys(out))


def _read(path: str) -> Outcome:
    from gov_disclosure.readers import parse_file

    if os.path.isdir(path):
        suffixes = ", ".join(sorted(READABLE_SUFFIXES))
        return Outcome(path=path, error=f"a directory without files to read ({suffixes})")
    try:
        return Outcome(path=path, report=parse_file(path))
    except (OSError, ValueError, ImportError) as exc:  # the package's errors are ValueErrors
        return Outcome(path=path, error=f"{type(exc).__name__}: {exc}")


def parse_files(
    paths: Sequence[str],
    *,
    jobs: int = 1,
    progress: Callable[[Outcome], None] | None = None,
) -> Iterator[Outcome]:
    """Parse files in order, ``jobs`` processes at a time; ``progress`` is called after each."""
    if jobs <= 1 or len(paths) <= 1:
        results: Iterable[Outcome] = map(_read, paths)
        for outcome in results:
            if progress is not None:
                progress(outcome)
            yield outcome
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        chunk = max(1, min(16, len(paths) // (jobs * 4)))
        for outcome in pool.map(_read, paths, chunksize=chunk):
            if progress is not None:
                progress(outcome)
            yield outcome
