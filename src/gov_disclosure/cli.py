"""The command line: ``gov-disclosure parse|check PATH...`` (also ``python -m gov_disclosure``).

Data goes to standard output (or ``-o FILE``, written whole or not at all), progress and
the summary to standard error. Exit status: 0 when every file gave a report (and, for
``check``, none has an error-level diagnostic), 1 otherwise, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from typing import IO, Any

from gov_disclosure import __version__
from gov_disclosure.batch import Outcome, expand_paths, parse_files

__all__ = ["main"]

_RANK = {"info": 0, "warning": 1, "error": 2}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gov-disclosure",
        description="Read government information disclosure annual reports (政府信息公开工作年度报告) "
        "into validated data.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def common(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("paths", nargs="+", metavar="PATH", help="files, directories or glob patterns")
        sub.add_argument("-j", "--jobs", type=int, default=1, metavar="N", help="parse N files at a time")
        sub.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")

    parse = commands.add_parser(
        "parse", help="parse reports and write their data", description="Parse reports and write their data."
    )
    common(parse)
    parse.add_argument(
        "-f",
        "--format",
        choices=("json", "jsonl", "csv"),
        default="json",
        help="json: a list of reports; jsonl: one report a line; "
        "csv: one cell a row (file, organ, year, key, value)",
    )
    parse.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    check = commands.add_parser(
        "check",
        help="show failed checks and diagnostics",
        description="Show each report's failed checks and diagnostics; exit 1 if any has an error.",
    )
    common(check)
    check.add_argument(
        "--level",
        choices=("info", "warning", "error"),
        default="warning",
        help="the least severity shown (default: warning)",
    )
    return parser


class _Progress:
    """A progress bar on standard error when it is a terminal (tqdm, if installed)."""

    def __init__(self, total: int, quiet: bool) -> None:
        self.bar: Any = None
        if quiet or total < 2 or not sys.stderr.isatty():
            return
        try:
            from tqdm import tqdm
        except ImportError:
            return
        self.bar = tqdm(total=total, unit="report", file=sys.stderr, disable=None)

    def __call__(self, outcome: Outcome) -> None:
        if self.bar is not None:
            self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _record(outcome: Outcome) -> dict[str, Any]:
    assert outcome.report is not None
    return {"file": outcome.path, **outcome.report.to_dict()}


def _csv_rows(outcome: Outcome) -> Iterator[list[Any]]:
    assert outcome.report is not None
    meta = outcome.report.meta
    for key, value in outcome.report.cells.items():
        yield [
            outcome.path,
            meta.organ or "",
            meta.year if meta.year is not None else "",
            key,
            "" if value is None else value,
        ]


def _write(outcomes: Iterator[Outcome], fmt: str, out: IO[str], failed: list[Outcome]) -> list[Outcome]:
    """Write each report as it comes; return every outcome."""
    seen: list[Outcome] = []
    writer = csv.writer(out, lineterminator="\n") if fmt == "csv" else None
    if writer is not None:
        writer.writerow(["file", "organ", "year", "key", "value"])
    if fmt == "json":
        out.write("[")
    first = True
    for outcome in outcomes:
        seen.append(outcome)
        if not outcome.ok:
            failed.append(outcome)
            print(f"gov-disclosure: {outcome.path}: {outcome.error}", file=sys.stderr)
            continue
        if writer is not None:
            writer.writerows(_csv_rows(outcome))
        elif fmt == "jsonl":
            out.write(json.dumps(_record(outcome), ensure_ascii=False) + "\n")
        else:
            out.write(("\n" if first else ",\n") + json.dumps(_record(outcome), ensure_ascii=False, indent=1))
        first = False
        out.flush()
    if fmt == "json":
        out.write("\n]\n" if not first else "]\n")
    return seen


def _parse_command(args: argparse.Namespace, paths: Sequence[str]) -> int:
    failed: list[Outcome] = []
    progress = _Progress(len(paths), args.quiet)
    outcomes = parse_files(paths, jobs=args.jobs, progress=progress)
    try:
        if args.output:
            seen = _write_file(args.output, outcomes, args.format, failed)
        else:
            seen = _write(outcomes, args.format, sys.stdout, failed)
    finally:
        progress.close()
    _summary(seen, args.quiet)
    return 1 if failed else 0


def _output_problem(target: str) -> str | None:
    """Why ``-o target`` cannot be written (checked before any file is parsed)."""
    if os.path.isdir(target):
        return f"-o {target}: is a directory"
    directory = os.path.dirname(os.path.abspath(os.path.realpath(target)))
    if not os.path.isdir(directory):
        return f"-o {target}: the directory {directory} does not exist"
    if not os.access(directory, os.W_OK) and not os.path.exists(target):
        return f"-o {target}: cannot write in {directory}"
    return None


def _write_file(target: str, outcomes: Iterator[Outcome], fmt: str, failed: list[Outcome]) -> list[Outcome]:
    """Write a regular file through a temporary file beside it, moved into place at the
    end, so that it is never left half written; its permissions are kept (a new file gets
    the usual ones). A symbolic link is followed; a device or pipe is written directly."""
    if os.path.exists(target) and not os.path.isfile(target):  # /dev/stdout, a named pipe
        with open(target, "w", encoding="utf-8", newline="") as out:
            return _write(outcomes, fmt, out, failed)
    real = os.path.realpath(target)
    if os.path.exists(real):
        mode = os.stat(real).st_mode & 0o7777
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    handle, temporary = tempfile.mkstemp(prefix=".gov-disclosure-", dir=os.path.dirname(real))
    try:
        with open(handle, "w", encoding="utf-8", newline="") as out:
            seen = _write(outcomes, fmt, out, failed)
        os.chmod(temporary, mode)
        os.replace(temporary, real)
    except BaseException:
        os.unlink(temporary)
        raise
    return seen


def _check_command(args: argparse.Namespace, paths: Sequence[str]) -> int:
    least = _RANK[args.level]
    progress = _Progress(len(paths), args.quiet)
    seen: list[Outcome] = []
    errors = 0
    try:
        for outcome in parse_files(paths, jobs=args.jobs, progress=progress):
            seen.append(outcome)
            if outcome.report is None:
                errors += 1
                print(f"{outcome.path}: cannot be read: {outcome.error}")
                continue
            report = outcome.report
            shown = [d for d in report.diagnostics if _RANK[d.severity] >= least]
            counts = {s: sum(d.severity == s for d in report.diagnostics) for s in ("error", "warning")}
            errors += counts["error"] > 0
            failed_checks = sum(c.ok is False for c in report.checks)
            who = f"{report.meta.organ or '(organ unknown)'}, {report.meta.year or '(year unknown)'}"
            found = (
                f"{counts['error']} error(s), {counts['warning']} warning(s), {failed_checks} failed check(s)"
            )
            print(f"{outcome.path}: {who} — {found}")
            for d in shown:
                line = f"line {d.line}" if d.line is not None else "—"
                print(f"  {line:>9}  {d.severity:<7} {d.code:<16} {d.key or '':<45} {d.message}")
    finally:
        progress.close()
    _summary(seen, args.quiet)
    return 1 if errors else 0


def _summary(outcomes: Sequence[Outcome], quiet: bool) -> None:
    if quiet:
        return
    read = [o for o in outcomes if o.report is not None]
    flagged = sum(any(_RANK[d.severity] >= 1 for d in o.report.diagnostics) for o in read if o.report)
    print(
        f"gov-disclosure: {len(outcomes)} file(s): {len(read)} read, {len(outcomes) - len(read)} failed, "
        f"{flagged} with warnings or errors",
        file=sys.stderr,
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    if args.jobs < 1:
        print("gov-disclosure: --jobs must be at least 1", file=sys.stderr)
        return 2
    problem = _output_problem(args.output) if getattr(args, "output", None) else None
    if problem:
        print(f"gov-disclosure: {problem}", file=sys.stderr)
        return 2
    paths = expand_paths(args.paths)
    try:
        if args.command == "parse":
            return _parse_command(args, paths)
        return _check_command(args, paths)
    except BrokenPipeError:  # the reader of our output went away (| head): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
