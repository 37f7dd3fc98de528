"""Which national format a report follows, told by its tables' labels (never the year
alone; ``FORMAT.md``, "Telling the formats apart").

1. Table 2's blocks: each block shows its form by the first label only one form has
   (本年制发件数 / 本年新制作数量, 行政规范性文件 / 规范性文件, 第二十条第（九）项, …). The format
   is the form of most blocks; blocks of both forms make the report mixed (a warning).
2. Without table 2: table 3's （六）其他处理, followed by its three items (2021) or by
   numbers itself (2019).
3. Nothing decisive: the year reported on (2019 and 2020: the 2019 form; later or
   unknown: 2021), with a ``format.by_year`` info.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from gov_disclosure.formats import FORMAT_2019, FORMAT_2021, FormatSpec
from gov_disclosure.model import Diagnostic
from gov_disclosure.tables import TableReading

__all__ = ["by_year", "decide_format"]

_YEARS_2019 = (2019, 2020)


def by_year(year: int | None) -> FormatSpec:
    """The format a report on ``year`` should follow."""
    return FORMAT_2019 if year in _YEARS_2019 else FORMAT_2021


def _by_year_note(year: int | None, spec: FormatSpec, why: str) -> Diagnostic:
    on = f"the report is on {year}" if year is not None else "the year reported on is unknown"
    return Diagnostic(
        code="format.by_year",
        severity="info",
        key=None,
        line=None,
        message=f"{why}; {on}, so it is read as the {spec.name} format",
    )


def decide_format(
    readings: Mapping[str, TableReading], year: int | None
) -> tuple[FormatSpec, list[Diagnostic]]:
    """The format, from a first reading of the tables with the 2021 form's labels."""
    proactive, applications = readings["proactive"], readings["applications"]
    votes = Counter(form for _, form in proactive.block_forms if form is not None)
    if votes:
        (first, first_count), *rest = votes.most_common()
        if rest and rest[0][1] == first_count:
            spec = by_year(year)
            return spec, [_by_year_note(year, spec, "table 2 has as many blocks of each form")]
        return (FORMAT_2019 if first == "2019" else FORMAT_2021), []
    if applications.present:
        undivided = any(row.group == "other_handling" for row in applications.extra)
        divided = any((row.key or "").startswith("applications.other_handling.") for row in applications.rows)
        if undivided and not divided:
            return FORMAT_2019, []
        if divided:
            return FORMAT_2021, []
    spec = by_year(year)
    return spec, [_by_year_note(year, spec, "no label of the tables tells the format")]
