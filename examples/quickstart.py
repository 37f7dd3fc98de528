"""Parse a disclosure annual report and show what gov_disclosure gives.

python examples/quickstart.py                 # the bundled example report
python examples/quickstart.py REPORT.txt      # a report of your own (UTF-8 text)
python examples/quickstart.py --json          # the full output contract as JSON
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import gov_disclosure


def main(argv: list[str]) -> int:
    paths = [a for a in argv if not a.startswith("--")]
    path = Path(paths[0]) if paths else Path(__file__).with_name("report_2023.txt")
    report = gov_disclosure.parse_report(path.read_text(encoding="utf-8"))

    if "--json" in argv:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=1))
        return 0

    meta = report.meta
    print(f"{meta.organ} — report on {meta.year} (format {report.format}), dated {meta.published}")
    print("sections:", ", ".join(f"{s.number} {s.title} (line {s.line})" for s in report.sections))
    if report.applications is not None:
        apps = report.applications
        print("applications received this year:", apps.new_received.total.value)
        print(
            "granted:", apps.granted.total.value, "| partially granted:", apps.partially_granted.total.value
        )
        cell = report.cell("applications.denied.query_matter.total")
        print(f"denied as 行政查询事项: {cell.value} ({cell.how}, line {cell.line})")
    failed = [c.rule for c in report.checks if c.ok is False]
    print(f"checks: {len(report.checks)}, failed: {failed or 'none'}")
    for d in report.diagnostics:
        if d.severity != "info":
            print(f"  {d.severity:7} {d.code:14} line {d.line}: {d.message}")
    print(f"({sum(d.severity == 'info' for d in report.diagnostics)} info diagnostics not shown)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
