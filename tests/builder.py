"""Build realistic 2021-format reports with known contents, for tests.

``build_report(rng, layout=...)`` draws an organ, a year and arithmetically consistent
numbers, prints them in one of the text layouts real conversions produce (``tabs``,
``lines``, ``pdf``), optionally injects defects, and returns the text together with what
``parse_report`` must give: every cell, and the diagnostics the defects require.

The builder is independent of the library: it has its own copy of the official form and
decides what is certain by brute force over placements, not with the library's solver.
"""

from __future__ import annotations

import itertools
import random
import re
from dataclasses import dataclass, field
from typing import Any

COLUMNS = ["natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total"]
COLUMN_LABELS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]

# (row key, official label, group label or None, numbered-with group label text)
T3_ROWS: list[tuple[str, str, str | None]] = [
    ("new_received", "一、本年新收政府信息公开申请数量", None),
    ("carried_over", "二、上年结转政府信息公开申请数量", None),
    ("granted", "（一）予以公开", "result"),
    ("partially_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "result"),
    ("denied.state_secret", "1.属于国家秘密", "denied"),
    ("denied.prohibited_by_law", "2.其他法律行政法规禁止公开", "denied"),
    ("denied.security_stability", "3.危及“三安全一稳定”", "denied"),
    ("denied.third_party", "4.保护第三方合法权益", "denied"),
    ("denied.internal_affairs", "5.属于三类内部事务信息", "denied"),
    ("denied.process_info", "6.属于四类过程性信息", "denied"),
    ("denied.enforcement_file", "7.属于行政执法案卷", "denied"),
    ("denied.query_matter", "8.属于行政查询事项", "denied"),
    ("unable.not_held", "1.本机关不掌握相关政府信息", "unable"),
    ("unable.needs_creation", "2.没有现成信息需要另行制作", "unable"),
    ("unable.unclear", "3.补正后申请内容仍不明确", "unable"),
    ("not_processed.petition", "1.信访举报投诉类申请", "not_processed"),
    ("not_processed.duplicate", "2.重复申请", "not_processed"),
    ("not_processed.publication", "3.要求提供公开出版物", "not_processed"),
    ("not_processed.excessive", "4.无正当理由大量反复申请", "not_processed"),
    ("not_processed.reconfirm", "5.要求行政机关确认或重新出具已获取信息", "not_processed"),
    (
        "other_handling.overdue_correction",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "other_handling",
    ),
    (
        "other_handling.overdue_fee",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "other_handling",
    ),
    ("other_handling.other", "3.其他", "other_handling"),
    ("total", "（七）总计", "result"),
    ("carried_forward", "四、结转下年度继续办理", None),
]
GROUP_LABELS = {
    "denied": "（三）不予公开",
    "unable": "（四）无法提供",
    "not_processed": "（五）不予处理",
    "other_handling": "（六）其他处理",
}
RESULT_LABEL = "三、本年度办理结果"

# Table 2: (article, [(row key, label)], [(column key, header)])
T2_BLOCKS = [
    (
        "一",
        [("regulations", "规章"), ("normative_documents", "行政规范性文件")],
        [("issued", "本年制发件数"), ("repealed", "本年废止件数"), ("in_force", "现行有效件数")],
    ),
    ("五", [("licensing", "行政许可")], [("decisions", "本年处理决定数量")]),
    ("六", [("penalty", "行政处罚"), ("coercion", "行政强制")], [("decisions", "本年处理决定数量")]),
    ("八", [("fees", "行政事业性收费")], [("amount", "本年收费金额（单位：万元）")]),
]
T2_BLOCKS_2019 = [
    (
        "一",
        [("regulations", "规章"), ("normative_documents", "规范性文件")],
        [("made", "本年新制作数量"), ("published", "本年新公开数量"), ("total_published", "对外公开总数量")],
    ),
    (
        "五",
        [("licensing", "行政许可"), ("other_services", "其他对外管理服务事项")],
        [("previous_items", "上一年项目数量"), ("change", "本年增/减"), ("decisions", "处理决定数量")],
    ),
    (
        "六",
        [("penalty", "行政处罚"), ("coercion", "行政强制")],
        [("previous_items", "上一年项目数量"), ("change", "本年增/减"), ("decisions", "处理决定数量")],
    ),
    ("八", [("fees", "行政事业性收费")], [("previous_items", "上一年项目数量"), ("change", "本年增/减")]),
    ("九", [("procurement", "政府集中采购")], [("items", "采购项目数量"), ("amount", "采购总金额")]),
]
T3_ROWS_2019 = [row for row in T3_ROWS if not row[0].startswith("other_handling.")]
T3_ROWS_2019.insert(
    [r[0] for r in T3_ROWS_2019].index("total"), ("other_handling", "（六）其他处理", "result")
)


@dataclass(frozen=True)
class Form:
    """One national format as the builder prints it."""

    name: str
    t2_blocks: list[tuple[str, list[tuple[str, str]], list[tuple[str, str]]]]
    t3_rows: list[tuple[str, str, str | None]]

    @property
    def leaves(self) -> list[str]:
        return [k for k, _, g in self.t3_rows if g is not None and k != "total"]

    @property
    def money(self) -> set[str]:
        return {"proactive.fees.amount"} if self.name == "2021" else {"proactive.procurement.amount"}


FORMS = {"2021": Form("2021", T2_BLOCKS, T3_ROWS), "2019": Form("2019", T2_BLOCKS_2019, T3_ROWS_2019)}
T4_GROUPS = ["review", "litigation_direct", "litigation_after_review"]
T4_OUTCOMES = ["upheld", "corrected", "other", "pending", "total"]
T4_OUTCOME_LABELS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]

ORGANS = [
    "杭州市西湖区财政局",
    "成都市武侯区人民政府",
    "南京市鼓楼区教育局",
    "广州市天河区卫生健康局",
    "长沙市岳麓区市场监督管理局",
    "西安市雁塔区人民政府办公室",
    "合肥市蜀山区交通运输局",
    "昆明市官渡区司法局",
    "兰州市城关区民政局",
    "沈阳市和平区住房和城乡建设局",
    "贵阳市南明区自然资源局",
    "太原市小店区应急管理局",
    "南宁市青秀区农业农村局",
    "呼和浩特市新城区文化和旅游局",
    "福州市鼓楼区人民政府",
    "海口市美兰区生态环境局",
    "石家庄市长安区统计局",
    "济南市历下区人力资源和社会保障局",
    "大理市下关镇人民政府",
    "宜昌市夷陵区小溪塔街道办事处",
]
SENTENCES = [
    "坚持以公开为常态、不公开为例外，推进决策、执行、管理、服务、结果公开。",
    "通过门户网站、政务新媒体等渠道及时发布政策文件和工作动态。",
    "严格执行信息发布保密审查制度，做到先审后发。",
    "进一步规范依申请公开受理、登记、办理、答复等环节，按时答复申请人。",
    "加强政府信息公开平台建设，优化栏目设置，提升信息检索便利度。",
    "将政务公开工作纳入年度绩效考核，定期开展自查整改。",
    "组织工作人员参加政务公开业务培训，提升业务能力。",
    "政策解读形式还不够丰富，图解和视频解读数量偏少。",
    "部分栏目更新不够及时，信息发布的规范性有待提高。",
    "下一步将加强统筹协调，持续提升政务公开工作质量。",
]
STREETS = ["人民路", "解放路", "中山路", "建设路", "和平路", "文化路"]


@dataclass
class Built:
    """A built report: its text and what parsing it must give."""

    text: str
    layout: str
    organ: str
    year: int
    cells: dict[str, int | float | None]
    expect: list[tuple[str, str, str]] = field(default_factory=list)  # (code, key prefix, severity)
    defect_keys: set[str] = field(default_factory=set)  # prefixes where warnings/errors may fall
    extra_rows: list[tuple[str, str]] = field(default_factory=list)  # (table, label)
    notes: list[str] = field(default_factory=list)
    form: Form = FORMS["2021"]


# --- numbers ------------------------------------------------------------------------------


def _small(rng: random.Random, p_zero: float, high: int) -> int:
    return 0 if rng.random() < p_zero else rng.randint(1, high)


def consistent_numbers(rng: random.Random, form: Form, zero_share: float = 0.6) -> dict[str, int | float]:
    """Every cell of the format, the arithmetic holding everywhere."""
    out: dict[str, int | float] = {}
    for _, rows, columns in form.t2_blocks:
        for row, _ in rows:
            for col, _ in columns:
                key = f"proactive.{row}.{col}"
                if col == "amount":
                    out[key] = 0.0 if rng.random() < 0.5 else round(rng.uniform(0.5, 900), 2)
                elif col == "change":
                    out[key] = 0 if rng.random() < 0.4 else rng.randint(-8, 12)
                else:
                    out[key] = _small(rng, zero_share, 3000 if col == "decisions" else 60)
    totals = dict.fromkeys(COLUMNS[:-1], 0)
    for leaf in form.leaves:
        parts = [_small(rng, zero_share + 0.2 * (i > 0), 25 if i == 0 else 8) for i in range(6)]
        for col, v in zip(COLUMNS, parts, strict=False):
            out[f"applications.{leaf}.{col}"] = v
            totals[col] += v
        out[f"applications.{leaf}.total"] = sum(parts)
    for col in COLUMNS[:-1]:
        out[f"applications.total.{col}"] = totals[col]
        carried_over = _small(rng, 0.7, 5)
        forward = rng.randint(0, totals[col] + carried_over) if rng.random() < 0.4 else 0
        out[f"applications.carried_over.{col}"] = carried_over
        out[f"applications.carried_forward.{col}"] = forward
        out[f"applications.new_received.{col}"] = totals[col] + forward - carried_over
    for row in ("new_received", "carried_over", "total", "carried_forward"):
        out[f"applications.{row}.total"] = sum(out[f"applications.{row}.{c}"] for c in COLUMNS[:-1])  # type: ignore[misc]
    for group in T4_GROUPS:
        parts = [_small(rng, 0.7, 6) for _ in range(4)]
        for outcome, v in zip(T4_OUTCOMES, [*parts, sum(parts)], strict=True):
            out[f"review_litigation.{group}.{outcome}"] = v
    return out


def relations(form: Form) -> list[tuple[str, list[str], list[str]]]:
    """The format's relations (42 or 40): (rule, left keys, right keys)."""
    a = "applications"
    rels = []
    for c in COLUMNS:
        rels.append(
            (
                f"{a}.balance.{c}",
                [f"{a}.new_received.{c}", f"{a}.carried_over.{c}"],
                [f"{a}.total.{c}", f"{a}.carried_forward.{c}"],
            )
        )
    for c in COLUMNS:
        rels.append((f"{a}.leaves.{c}", [f"{a}.total.{c}"], [f"{a}.{r}.{c}" for r in form.leaves]))
    for key, _, _ in form.t3_rows:
        rels.append((f"{a}.row.{key}", [f"{a}.{key}.total"], [f"{a}.{key}.{c}" for c in COLUMNS[:-1]]))
    for g in T4_GROUPS:
        rels.append(
            (
                f"review_litigation.sum.{g}",
                [f"review_litigation.{g}.total"],
                [f"review_litigation.{g}.{o}" for o in T4_OUTCOMES[:-1]],
            )
        )
    return rels


def failing_rules(cells: dict[str, int | float | None], form: Form) -> set[str]:
    """Relations that fail on these cells (a null cell: not evaluated)."""
    out = set()
    for rule, left, right in relations(form):
        values = [cells.get(k) for k in left + right]
        if any(v is None for v in values):
            continue
        if abs(sum(values[: len(left)]) - sum(values[len(left) :])) > 1e-6:  # type: ignore[arg-type]
            out.add(rule)
    return out


def _printed(rng: random.Random, built: Built, key: str, numbers: dict[str, int | float]) -> str:
    """A table-2 value as reports print it: 本年增/减 signed or in words, 2019's 采购总金额
    sometimes in 元 (converted back, with a warning)."""
    value = numbers[key]
    if key.endswith(".change") and value:
        style = rng.choice(["plain", "plain", "words", "sign"])
        if style == "words":
            return ("增加" if value > 0 else "减少") + str(abs(int(value)))
        if style == "sign" and value > 0:
            return f"+{value}"
        return str(value)
    if key == "proactive.procurement.amount" and value and rng.random() < 0.3:
        built.expect.append(("cell.unit", key, "warning"))
        built.defect_keys.add(key)
        return f"{round(value * 10000)}元"
    return _fmt(value)


def _fmt(v: int | float) -> str:
    return f"{v:.2f}".rstrip("0").rstrip(".") if isinstance(v, float) else str(v)


# --- the oracle for short and long rows ---------------------------------------------------


def oracle_row(
    cells: dict[str, int | float | None], row_keys: list[str], printed: list[int], form: Form
) -> dict[str, int | float | None]:
    """What the contract makes of one defective row, computed directly: every placement of
    the printed values over the row's columns, a single gap filled so that the row's own
    总计 relation holds; the placements that break no relation beyond those every
    placement breaks are possible; a cell is certain where they all agree."""
    width = len(row_keys)
    rels = [
        r
        for r in relations(form)
        if any(k in row_keys for k in r[1] + r[2])
        and all(cells.get(k) is not None or k in row_keys for k in r[1] + r[2])
    ]
    if len(printed) < width:
        layouts: list[list[int | None]] = []
        for gaps in itertools.combinations(range(width), width - len(printed)):
            it = iter(printed)
            layouts.append([None if c in gaps else next(it) for c in range(width)])
    else:
        layouts = [
            [v for i, v in enumerate(printed) if i not in drop]
            for drop in itertools.combinations(range(len(printed)), len(printed) - width)
        ]
    own = [r for r in rels if set(r[1] + r[2]) <= set(row_keys)]
    outcomes: list[tuple[dict[str, int | float | None], set[str]]] = []
    for layout in layouts:
        values = dict(zip(row_keys, layout, strict=True))
        for _, left, right in own:  # fill a single gap from the row's own relation
            gaps = [k for k in left + right if values[k] is None]
            if len(gaps) == 1:
                known = sum((values[k] or 0) * (1 if k in left else -1) for k in left + right)
                fill = -known if gaps[0] in left else known
                values[gaps[0]] = fill if fill >= 0 else None
        trial = {**cells, **values}
        failed = set()
        for rule, left, right in rels:
            vals = [trial.get(k) for k in left + right]
            if any(v is None for v in vals):
                failed.add(rule) if any(values.get(k, 0) is None for k in left + right) else None
                continue
            if abs(sum(vals[: len(left)]) - sum(vals[len(left) :])) > 1e-6:  # type: ignore[arg-type]
                failed.add(rule)
        outcomes.append((values, failed))
    always = set.intersection(*(f for _, f in outcomes))
    possible = [v for v, f in outcomes if f <= always]
    out: dict[str, int | float | None] = {}
    for key in row_keys:
        seen = {v[key] for v in possible}
        out[key] = seen.pop() if len(seen) == 1 else None
    return out


# --- printing -----------------------------------------------------------------------------


@dataclass
class Row:
    """A row to print: its labels (top, group, leaf) and its printed value cells."""

    key: str
    labels: list[str]
    values: list[str]


def _display(text: str) -> int:
    """Columns a text takes in a monospaced layout (Chinese characters take two)."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(2, width - _display(text))


def _dash_ends(cells: list[str]) -> list[str]:
    """A blank moved to either end of a row by reordering is printed as a dash: an empty
    cell there would be padding, not a blank."""
    return ["—" if c == "" and k in (0, len(cells) - 1) else c for k, c in enumerate(cells)]


def _put(line: str, text: str, column: int) -> str:
    """The line with text added at a display column (two spaces at least after the rest)."""
    if not text:
        return line
    line = line.rstrip()
    gap = column - _display(line) if line else column
    return line + " " * max(2 if line else 0, gap) + text


_VALUE = re.compile(r"^(?:[-—/无]|[+\-]?[\d,]+(?:\.\d+)?[元件]?|(?:增加|减少|增|减)\d+)$")


def _values_at(cells: list[str]) -> list[int]:
    """Where a row's values are (a dash for a blank counts)."""
    return [k for k, c in enumerate(cells) if _VALUE.match(c)]


def _spaced(text: str) -> str:
    return " ".join(text)


class Printer:
    """Lays rows out in one of the layouts."""

    def __init__(self, rng: random.Random, layout: str) -> None:
        self.rng = rng
        self.layout = layout
        # One cell per line comes in two shapes: faithful to the grid (every cell of every
        # row, merged ones empty) or with merged cells mostly dropped.
        self.grid = layout == "lines" and rng.random() < 0.5
        # pdftotext -layout leaves a blank cell as a gap; some PDFs print a dash there.
        self.gaps = layout == "layout" and rng.random() < 0.6
        # Column orders as printed (the column_order defect changes them): positions in the
        # form's order of table 3's organisation columns, table 4's outcomes, table 2's columns.
        self.org_order = list(range(5))
        self.outcome_order = list(range(5))
        self.t2_order = list(range(3))

    def reorder(self) -> None:
        """Print the columns in another order than the form's (each set shuffled)."""
        for order in (self.org_order, self.outcome_order, self.t2_order):
            while order == sorted(order):
                self.rng.shuffle(order)

    @property
    def org_labels(self) -> list[str]:
        return [COLUMN_LABELS[1 + k] for k in self.org_order]

    @property
    def outcome_labels(self) -> list[str]:
        return [T4_OUTCOME_LABELS[k] for k in self.outcome_order]

    def t2_columns(self, cells: list[str]) -> list[str]:
        """A table-2 row's cells (or headers) in the printed order, when the block has three."""
        return _dash_ends([cells[k] for k in self.t2_order]) if len(cells) == 3 else cells

    def t3_columns(self, values: list[str]) -> list[str]:
        if len(values) != 7:
            return values
        return _dash_ends([values[0], *(values[1 + k] for k in self.org_order), values[6]])

    def t4_columns(self, values: list[str]) -> list[str]:
        if len(values) != 15:
            return values
        return _dash_ends([values[g * 5 + k] for g in range(3) for k in self.outcome_order])

    def _converted(self, method: Any, argument: Any) -> list[str] | None:
        """The table printed as tab-separated rows, then as the layout's converter prints
        it (None for the layouts that print tables themselves)."""
        if not self.grid and self.layout not in ("markdown", "layout", "plain"):
            return None
        layout, grid = self.layout, self.grid
        self.layout, self.grid = "tabs", False
        try:
            rows = method(argument)
        finally:
            self.layout, self.grid = layout, grid
        if grid:
            return self._as_lines(rows)
        return {"markdown": self._as_markdown, "layout": self._as_layout, "plain": self._as_plain}[layout](
            rows
        )

    def _as_markdown(self, tab_rows: list[str]) -> list[str]:
        """A markdown pipe table, as OCR/LLM converters write one: ragged rows (a missing
        cell is missing), split in two pieces, the second under a placeholder header."""
        rows = [row.split("\t") for row in tab_rows]
        rows = [row[: max((i + 1 for i, c in enumerate(row) if c), default=0)] for row in rows]
        width = max(len(r) for r in rows)
        out = []
        cut = self.rng.randint(len(rows) // 2, len(rows)) if len(rows) > 6 else len(rows)
        for i, row in enumerate(rows):
            if i == cut:
                placeholders = " | ".join(f"Col{k + 1}" for k in range(width))
                out += ["", f"| {placeholders} |", "|" + "---|" * width]
            out.append("| " + " | ".join(row) + " |")
            if i == 0:
                out.append("|" + " --- |" * width)
        return out

    def _as_layout(self, tab_rows: list[str]) -> list[str]:
        """pdftotext -layout: columns aligned with spaces, long labels wrapped onto the next
        line, header words stacked, a page footer and a form feed inside the table. A blank
        cell is a gap (or a dash); a row with a cell too few or too many is printed with its
        cells widened or narrowed across the value columns, as such a row's cells are drawn."""
        rows = [row.split("\t") for row in tab_rows]
        width = max(len(r) for r in rows)
        modes = self._usual_widths(rows)
        rows = [r + [""] * (width - len(r)) for r in rows]
        if not self.gaps:
            rows = [self._printed_blanks(r) for r in rows]
        size = [max((_display(r[k][:14]) for r in rows), default=0) + 3 for k in range(width)]
        starts = [2 + sum(size[:k]) for k in range(width + 1)]
        firsts = [_values_at(r)[0] for r in rows if _values_at(r)]
        centred = min(firsts) if firsts else width  # value columns: cells centred, as drawn

        def at(k: int, text: str) -> int:
            return starts[k] + ((size[k] - 3 - _display(text)) // 2 if k >= centred else 0)

        out: list[str] = []
        for i, row in enumerate(rows):
            first, rest = "", ""
            for k, cell in enumerate(row):
                head, tail = (cell[:14], cell[14:]) if len(cell) > 16 else (cell, "")
                if len(cell) == 4 and not any(ch.isdigit() for ch in cell) and i < 3:
                    head, tail = cell[:2], cell[2:]  # stacked header words: 商业 / 企业
                first = _put(first, head, at(k, head))
                rest = _put(rest, tail, at(k, tail))
            line = first
            if modes[i] is not None:
                line = self._spread(row[: modes[i][0]], size, starts, modes[i], row)
            out.append(line)
            if rest.strip():
                out.append(rest)
            if i == len(rows) // 2 and len(rows) > 10:
                out += ["", " " * 30 + "- 3 -", "\f"]
        return out

    @staticmethod
    def _usual_widths(rows: list[list[str]]) -> list[tuple[int, int] | None]:
        """For each row whose cell count differs from the usual one of its block (rows
        between one-cell lines): its first value cell and the usual count."""
        out: list[tuple[int, int] | None] = [None] * len(rows)
        segment: list[int] = []
        for i in [*range(len(rows)), None]:
            if i is not None and len(rows[i]) > 1:
                segment.append(i)
                continue
            # Trailing empty cells are padding in tab-separated text (a blank is never last).
            counts = [max(_values_at(rows[j])) + 1 for j in segment if _values_at(rows[j])]
            usual = max(set(counts), key=counts.count) if counts else 0
            for j in segment:
                values = _values_at(rows[j])
                if values and values[-1] + 1 != usual:
                    out[j] = (values[0], usual)
            segment = []
        return out

    def _spread(
        self, labels: list[str], size: list[int], starts: list[int], mode: tuple[int, int], row: list[str]
    ) -> str:
        """A row with a cell too few or too many, as drawn: one value centred across two
        columns (a cell spanning them), or two values squeezed into one column."""
        first, usual = mode
        values = [c for c in row[first:] if c]
        columns = usual - first
        centres = [starts[first + k] + (size[first + k] - 3) / 2 for k in range(columns)]
        j = self.rng.randrange(min(len(values), columns) - 1) if min(len(values), columns) > 1 else 0
        if len(values) == columns - 1:  # value j spans columns j and j + 1
            at = [*centres[:j], (centres[j] + centres[j + 1]) / 2, *centres[j + 2 :]]
        elif len(values) == columns + 1:  # values j and j + 1 share column j
            half = size[first + j] / 4
            at = [*centres[:j], centres[j] - half, centres[j] + half, *centres[j + 1 :]]
        else:  # spread evenly
            left, right = starts[first], starts[usual]
            at = [left + (k + 0.5) * (right - left) / len(values) for k in range(len(values))]
        line = "  " + "".join(_pad(c, size[k]) for k, c in enumerate(labels))
        for centre, value in zip(at, values, strict=True):
            column = max(int(centre - _display(value) / 2), _display(line.rstrip()) + 2)
            line = line.rstrip() + " " * max(2, column - _display(line.rstrip())) + value
        return line

    def _as_plain(self, tab_rows: list[str]) -> list[str]:
        """pdftotext without -layout: one cell a line, with or without a blank line after
        each row (a blank cell printed as a dash: an empty one would leave no trace)."""
        out = []
        spaced = self.rng.random() < 0.5
        for row in tab_rows:
            cells = self._printed_blanks(row.split("\t"))
            out += [c for c in cells if c]
            if spaced:
                out.append("")
        return out

    @staticmethod
    def _printed_blanks(cells: list[str]) -> list[str]:
        """Empty cells between values are printed as a dash: spaces would leave no trace."""
        values = _values_at(cells)
        if values:
            for k in range(values[0], values[-1]):
                if not cells[k]:
                    cells[k] = "-"
        return cells

    def _as_lines(self, tab_rows: list[str]) -> list[str]:
        """Tab-separated rows as one cell per line, a blank line before each row."""
        out = []
        for row in tab_rows:
            out.append("")
            for cell in row.split("\t"):
                if cell and not cell.replace(".", "").isdigit() and len(cell) > 12:
                    out += self._label_lines(cell)
                else:
                    out.append(f"\t{self._pad_value(cell)}")
        return out

    # table 2 -------------------------------------------------------------------
    def table2(self, blocks: list[tuple[str, list[Row], list[str]]]) -> list[str]:
        converted = self._converted(self.table2, blocks)
        if converted is not None:
            return converted
        out: list[str] = []
        for article, rows, headers in blocks:
            head = f"第二十条第（{article}）项"
            if self.layout == "lines":
                out += ["", f"\t{head}"] + ["\t"] * self.rng.choice([0, len(headers)]) + [""]
                out += ["\t信息内容"] + [f"\t{h}" for h in headers] + [""]
                for row in rows:
                    out += [f"\t{row.labels[-1]}"] + [f"\t{self._pad_value(v)}" for v in row.values] + [""]
            else:
                width = 1 + max(len(h) for _, _, h in blocks)
                out.append(head + "\t" * (width - 1))
                out.append("\t".join(["信息内容", *headers]) + "\t" * (width - 1 - len(headers)))
                for row in rows:
                    out.append(
                        "\t".join([row.labels[-1], *row.values]) + "\t" * (width - 1 - len(row.values))
                    )
        return out

    # table 3 -------------------------------------------------------------------
    def table3(self, rows: list[Row]) -> list[str]:
        note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
        converted = self._converted(self.table3, rows)
        if converted is not None:
            return converted
        if self.layout == "lines":
            return self._table3_lines(note, rows)
        out = [
            "\t".join([note, "", "", "申请人情况", "", "", "", "", "", ""]),
            "\t".join(["", "", "", "自然人", "法人或其他组织", "", "", "", "", "总计"]),
            "\t".join(["", "", "", "", *self.org_labels, ""]),
        ]
        if self.layout == "pdf":
            return out + self._table3_pdf(rows)
        groups_seen: set[str] = set()
        for row in rows:
            top, group, leaf = row.labels
            shown_group = group if group and group not in groups_seen else ""
            if group:
                groups_seen.add(group)
            if leaf.startswith(("一、", "二、", "四、")):
                cells = [leaf, "", ""]
            elif top:
                cells = [top, leaf, ""]
            elif shown_group:
                cells = ["", shown_group, leaf]
            elif group:
                cells = ["", "", leaf]
            else:
                cells = ["", leaf, ""]
            out.append("\t".join(cells + row.values))
        return out

    def _table3_pdf(self, rows: list[Row]) -> list[str]:
        """PDF extraction: merged labels spaced out and drifted onto another row of their group."""
        members: dict[str, list[int]] = {}
        for i, row in enumerate(rows):
            if row.labels[1]:
                members.setdefault(row.labels[1], []).append(i)
            if row.labels[0] or (row.labels[1] == "" and row.labels[2].startswith("（")):
                members.setdefault(RESULT_LABEL, []).append(i)
        drift = {self.rng.choice(idx): label for label, idx in members.items()}
        drift_result = {i for i, label in drift.items() if label == RESULT_LABEL}
        out = []
        for i, row in enumerate(rows):
            cells = [""] * self.rng.randint(0, 2)
            if i in drift_result:
                cells.append(_spaced(RESULT_LABEL))
            label = drift.get(i)
            if label and label != RESULT_LABEL:
                cells.append(_spaced(label))
            cells.append(row.labels[2])
            if self.rng.random() < 0.3:
                cells.append("")
            out.append("\t".join(cells + row.values))
        return out

    def _table3_lines(self, note: str, rows: list[Row]) -> list[str]:
        out = [
            f"\t{note}",
            "\t",
            "\t",
            "\t申请人情况",
            "",
            "\t",
            "\t自然人",
            "\t法人或其他组织",
            "\t总计",
            "",
        ]
        out += ["\t", "\t"] + [f"\t{c}" for c in self.org_labels] + ["\t", ""]
        groups_seen: set[str] = set()
        for row in rows:
            top, group, leaf = row.labels
            out.append("")
            pads = 1 if group else 0
            out += ["\t"] * pads
            if top:
                out.append(f"\t{top}")
            if group and group not in groups_seen:
                out.append(f"\t{group}")
                groups_seen.add(group)
            out += self._label_lines(leaf)
            out += [f"\t{self._pad_value(v)}" for v in row.values]
        out.append("")
        return out

    def _label_lines(self, label: str) -> list[str]:
        marker = self.rng.choice(["", "", "[bookmark: _Hlk66975537]"])
        if len(label) > 12 and self.rng.random() < 0.4:
            cut = self.rng.randint(6, len(label) - 3)
            return [f"\t{marker}{label[:cut]}", label[cut:]]
        return [f"\t{marker}{label}"]

    def _pad_value(self, v: str) -> str:
        return (self.rng.choice(["\u3000", "\u00a0", " "]) + v) if v and self.rng.random() < 0.15 else v

    # table 4 -------------------------------------------------------------------
    def table4(self, values: list[str]) -> list[str]:
        outcome = self.outcome_labels
        converted = self._converted(self.table4, values)
        if converted is not None:
            return converted
        if self.layout == "lines":
            out = ["\t行政复议", "\t行政诉讼", ""] + [f"\t{x}" for x in outcome]
            out += ["\t未经复议直接起诉", "\t复议后起诉", ""] + ["\t"] * 5
            out += [f"\t{x}" for x in outcome * 2] + [""]
            out += [f"\t{self._pad_value(v)}" for v in values]
            return out
        if self.layout == "pdf":
            doubled = ["持 结 果 维 持", "正 结 果 纠 正", "果 其 他 结 果", "结 尚 未 审 结", "总 计"]
            doubled = [doubled[k] for k in self.outcome_order]
            spaced = [
                ["结果 维持", "结果 纠正", "其他 结果", "尚 未 审 结", "总 计"][k] for k in self.outcome_order
            ]
            return [
                "行政复议" + "\t" * 5 + "行政诉讼" + "\t" * 10,
                "\t".join(
                    [
                        *spaced,
                        "未经复议直接起诉",
                        "",
                        "",
                        "",
                        "",
                        "复议后起诉",
                        "",
                        "",
                        "",
                        "",
                    ]
                ),
                "\t" * 5 + "\t".join(doubled * 2),
                "\t".join(values),
            ]
        return [
            "行政复议" + "\t" * 5 + "行政诉讼" + "\t" * 9,
            "\t".join([*outcome, "未经复议直接起诉", "", "", "", "", "复议后起诉", "", "", ""]),
            "\t" * 5 + "\t".join(outcome * 2),
            "\t".join(values),
        ]


# --- the report ---------------------------------------------------------------------------


def build_report(
    rng: random.Random,
    layout: str,
    defects: tuple[str, ...] = (),
    organ: str | None = None,
    year: int | None = None,
    form: str = "2021",
) -> Built:
    """A report in ``layout`` with the given defects (see ``DEFECTS``), in the 2021 form
    or the 2019 form (then on 2019 or 2020)."""
    spec = FORMS[form]
    organ = organ or rng.choice(ORGANS)
    year = year or (rng.randint(2021, 2025) if form == "2021" else rng.choice([2019, 2020]))
    numbers = consistent_numbers(rng, spec)
    expected: dict[str, int | float | None] = dict(numbers)
    built = Built(text="", layout=layout, organ=organ, year=year, cells=expected, form=spec)
    printer = Printer(rng, layout)

    # Printed values of every row, as strings, before defects.
    t3_values = {
        key: [_fmt(numbers[f"applications.{key}.{c}"]) for c in COLUMNS] for key, _, _ in spec.t3_rows
    }
    t2_values = {
        f"proactive.{row}": [_printed(rng, built, f"proactive.{row}.{c}", numbers) for c, _ in cols]
        for _, rows, cols in spec.t2_blocks
        for row, _ in rows
    }
    t4_values = [_fmt(numbers[f"review_litigation.{g}.{o}"]) for g in T4_GROUPS for o in T4_OUTCOMES]
    t3_labels = {key: label for key, label, _ in spec.t3_rows}
    blocks = [b[0] for b in spec.t2_blocks]
    tables = {"proactive", "applications", "review_litigation"}
    extra_t2: list[Row] = []
    undivided = False

    # Defects that null cells first, then those that change values, then those that
    # depend on the cells as they then are.
    stage = {
        "undivided": 1,
        "label_variant": 2,
        "not_adding_up": 2,
        "short_row": 3,
        "long_t4": 3,
        "blank_nonzero": 4,
        "blanks": 5,
    }
    order = sorted(defects, key=lambda d: stage.get(d, 0))
    for defect in order:
        if defect == "blanks":
            _blanks(rng, built, t3_values, t2_values, t4_values)
        elif defect == "blank_nonzero":
            _blank_nonzero(rng, built, t3_values)
        elif defect == "short_row":
            if "applications" in tables:
                _short_row(rng, built, t3_values)
        elif defect == "long_t4":
            if "review_litigation" in tables:
                _long_t4(rng, built, t4_values)
        elif defect == "short_t2":
            row = rng.choice(["proactive.regulations", "proactive.normative_documents"])
            t2_values[row] = t2_values[row][:2]
            for c, _ in spec.t2_blocks[0][2]:
                expected[f"{row}.{c}"] = None
            built.expect.append(("row.short", row, "error"))
            built.defect_keys.add(row)
        elif defect == "missing_block":
            blocks.remove("一")
            for row in ("regulations", "normative_documents"):
                for c, _ in spec.t2_blocks[0][2]:
                    expected[f"proactive.{row}.{c}"] = None
            built.expect.append(("block.missing", "proactive.regulations", "warning"))
            built.defect_keys.update({"proactive", "proactive.regulations", "proactive.normative_documents"})
        elif defect.startswith("missing_table:"):
            table = defect.split(":", 1)[1]
            tables.discard(table)
            for key in expected:
                if key.startswith(table + "."):
                    expected[key] = None
            built.expect.append(("table.missing", table, "warning"))
            built.defect_keys.add(table)
        elif defect == "extra_t2":
            label = rng.choice(["其他主动公开文件", "部门文件", "重大行政决策"])
            extra_t2.append(
                Row(key="", labels=["", "", label], values=[str(rng.randint(0, 9)) for _ in range(3)])
            )
            built.expect.append(("row.extra", "proactive", "info"))
            built.extra_rows.append(("proactive", label))
        elif defect == "not_adding_up":
            if "applications" not in tables:
                continue
            key = rng.choice(["granted", "denied.third_party", "unable.not_held"])
            printed = int(t3_values[key][-1]) + rng.randint(1, 3)
            t3_values[key][-1] = str(printed)
            expected[f"applications.{key}.total"] = printed
            built.defect_keys.add(f"applications.{key}")
            built.notes.append("totals do not add up")
        elif defect == "undivided":
            if "applications" not in tables or "proactive" not in tables or form != "2021":
                continue  # without a 2021 table 2, one （六） row makes the report a 2019 one
            undivided = True
            merged = [0] * 7
            for key, _, group in spec.t3_rows:
                if group == "other_handling":
                    merged = [m + int(v) for m, v in zip(merged, t3_values[key], strict=True)]
            zeros = not any(merged)
            built.notes.append(f"undivided, zeros={zeros}")
            for key in list(expected):
                if key.startswith("applications.other_handling."):
                    expected[key] = 0 if zeros else None
            t3_values["other_handling"] = [str(v) for v in merged]
            built.expect.append(("row.undivided", "applications.other_handling", "warning"))
            built.defect_keys.add("applications.other_handling")
            built.extra_rows.append(("applications", "（六）其他处理"))
        elif defect == "column_order":
            printer.reorder()
        elif defect == "label_variant":
            options = ["denied.prohibited_by_law", "other_handling.overdue_fee", "not_processed.reconfirm"]
            options = [
                k for k in options if k in t3_labels and not (undivided and k.startswith("other_handling"))
            ]
            key = rng.choice(options)
            t3_labels[key] = {
                "denied.prohibited_by_law": "2.其他法律行政止公开",
                "other_handling.overdue_fee": (
                    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其他政府信息公开申请"
                ),
                "not_processed.reconfirm": "5．要求行政机关确认或者重新出具已获取信息",
            }[key]
            built.expect.append(("label.variant", f"applications.{key}", "info"))
        else:
            raise ValueError(defect)

    # Values of tables and blocks left out print nothing: nothing to expect of them.
    gone = {t for t in ("proactive", "applications", "review_litigation") if t not in tables}
    if "一" not in blocks:
        gone |= {"proactive.regulations", "proactive.normative_documents"}
    built.expect = [
        e
        for e in built.expect
        if e[0] in ("table.missing", "block.missing")
        or not any(e[1] == g or e[1].startswith(g + ".") for g in gone)
    ]
    for rule in sorted(failing_rules(expected, spec)):
        built.expect.append(("check.failed", rule, "warning"))
        built.defect_keys.add(rule)

    if "column_order" in defects:
        three = any(len(cols) == 3 for article, _, cols in spec.t2_blocks if article in blocks)
        for table in sorted(tables):
            if table != "proactive" or three:
                built.expect.append(("columns.order", table, "info"))
    lines = _front(rng, organ, year, layout)
    lines += _overview(rng)
    lines.append(rng.choice(["二、主动公开政府信息情况", "二、主动公开政府信息情况 "]))
    if "proactive" in tables:
        chosen = [b for b in spec.t2_blocks if b[0] in blocks]
        rendered = []
        for article, rows, cols in chosen:
            printed_rows = [
                Row(
                    key=f"proactive.{r}",
                    labels=["", "", label],
                    values=printer.t2_columns(t2_values[f"proactive.{r}"])
                    if len(cols) == 3
                    else t2_values[f"proactive.{r}"],
                )
                for r, label in rows
            ]
            if not rendered:
                printed_rows += extra_t2
            headers = [h for _, h in cols]
            rendered.append((article, printed_rows, printer.t2_columns(headers)))
        lines += ["", *printer.table2(rendered), ""]
    else:
        lines.append(rng.choice(SENTENCES))
    lines.append(rng.choice(["三、收到和处理政府信息公开申请情况", "　  三、收到和处理政府信息公开申请情况"]))
    if "applications" in tables:
        rows = _t3_rows(spec, t3_values, t3_labels, undivided)
        rows = [Row(key=r.key, labels=r.labels, values=printer.t3_columns(r.values)) for r in rows]
        lines += ["", *printer.table3(rows), ""]
    lines.append(
        rng.choice(
            [
                "四、政府信息公开行政复议、行政诉讼情况",
                "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况",
            ]
        )
    )
    if "review_litigation" in tables:
        lines += ["", *printer.table4(printer.t4_columns(t4_values)), ""]
    lines += ["五、存在的主要问题及改进情况", rng.choice(SENTENCES), rng.choice(SENTENCES)]
    lines += ["六、其他需要报告的事项", f"{year}年度本机关未收取政府信息公开信息处理费。", ""]
    lines += [" " * 20 + organ, " " * 20 + f"{year + 1}年{rng.randint(1, 2)}月{rng.randint(1, 28)}日"]
    built.text = "\n".join(lines) + "\n"
    return built


def _front(rng: random.Random, organ: str, year: int, layout: str) -> list[str]:
    phone = f"0{rng.randint(10, 999)}-{rng.randint(2000000, 89999999)}"
    address = f"{organ[:3]}{rng.choice(STREETS)}{rng.randint(1, 300)}号"
    style = rng.choice(["two_lines", "one_line", "spaced"])
    if style == "two_lines":
        title = [organ, "", f"{year}年政府信息公开工作年度报告"]
    elif style == "one_line":
        title = [f"{organ}{year}年政府信息公开工作年度报告"]
    else:
        title = [f"{organ} {year} 年 政府信息公开工作年度报告"]
    preamble = (
        f"本报告根据《中华人民共和国政府信息公开条例》编制，所列数据统计期限自{year}年1月1日起至{year}年12月31日止。"
        f"如对本报告有疑问，请与{organ}联系（地址：{address}；电话：{phone}）。"
    )
    del layout
    return [*title, "", preamble]


def _overview(rng: random.Random) -> list[str]:
    lines = [rng.choice(["一、总体情况", "1、 总体情况", "一、 总体情况"])]
    for sub in [
        "（一）主动公开",
        "（二）依申请公开",
        "（三）政府信息管理",
        "（四）平台建设",
        "（五）监督保障",
    ]:
        lines += [sub, rng.choice(SENTENCES) + rng.choice(SENTENCES)]
    return lines


def _t3_rows(spec: Form, values: dict[str, list[str]], labels: dict[str, str], undivided: bool) -> list[Row]:
    rows = []
    first_in_result = True
    seen_groups: set[str] = set()
    for key, _, group in spec.t3_rows:
        if undivided and group == "other_handling":
            if "other_handling" not in seen_groups:
                seen_groups.add("other_handling")
                rows.append(
                    Row(
                        key="other_handling",
                        labels=["", "", "（六）其他处理"],
                        values=values["other_handling"],
                    )
                )
            continue
        top = RESULT_LABEL if group == "result" and first_in_result else ""
        if group == "result":
            first_in_result = False
        group_label = GROUP_LABELS.get(group or "", "")
        rows.append(Row(key=key, labels=[top, group_label, labels[key]], values=values[key]))
    return rows


def _touched(built: Built, key: str) -> bool:
    """Whether another defect already concerns this row (or its block or table)."""
    return any(key == p or key.startswith(p + ".") or p.startswith(key + ".") for p in built.defect_keys)


def _blanks(
    rng: random.Random,
    built: Built,
    t3: dict[str, list[str]],
    t2: dict[str, list[str]],
    t4: list[str],
) -> None:
    """Zeros printed as an empty cell or a dash: an empty cell only inside a row's run (at
    the run's end it would be padding), a dash anywhere. Rows with other defects are left."""
    candidates = [
        (key, i)
        for key, vals in t3.items()
        if len(vals) == 7 and not _touched(built, f"applications.{key}")
        for i, v in enumerate(vals)
        if v == "0"
    ]
    for key, i in rng.sample(candidates, min(4, len(candidates))):
        inside = 0 < i < 6
        t3[key][i] = rng.choice(["", "—", "-", "/", "无"]) if inside else rng.choice(["—", "/", "无"])
        built.expect.append(("cell.blank", f"applications.{key}.{COLUMNS[i]}", "info"))
    for key, vals in t2.items():
        if vals and vals[0] == "0" and not _touched(built, key) and rng.random() < 0.3:
            vals[0] = rng.choice(["—", "无"])
            first = next(
                cols[0][0]
                for _, rows, cols in built.form.t2_blocks
                for row, _ in rows
                if key.endswith(f".{row}")
            )
            built.expect.append(("cell.blank", f"{key}.{first}", "info"))
    if _touched(built, "review_litigation") or len(t4) != 15:
        return
    zeros = [i for i, v in enumerate(t4) if v == "0" and 0 < i < len(t4) - 1]
    for i in rng.sample(zeros, min(2, len(zeros))):
        t4[i] = rng.choice(["", "—"])
        built.expect.append(
            ("cell.blank", f"review_litigation.{T4_GROUPS[i // 5]}.{T4_OUTCOMES[i % 5]}", "info")
        )


def _blank_nonzero(rng: random.Random, built: Built, t3: dict[str, list[str]]) -> None:
    """Non-zero values printed as a dash or an empty cell, each alone in its row and its
    column, so the row's own 总计 relation (or the column's) fixes it: derived."""
    # Where the report does not add up (a total too large), the column relation gives a
    # blank in the 总计 column another value than its row: uncertain, not derived.
    used_columns: set[int] = {6} if "totals do not add up" in built.notes else set()
    rows = [
        k for k, _, _ in built.form.t3_rows if len(t3[k]) == 7 and not _touched(built, f"applications.{k}")
    ]
    rng.shuffle(rows)
    for key in rows[:3]:
        options = [i for i, v in enumerate(t3[key]) if v not in ("0", "") and i not in used_columns]
        if not options:
            continue
        i = rng.choice(options)
        used_columns.add(i)
        t3[key][i] = rng.choice(["—", "/", "无"]) if i in (0, 6) else rng.choice(["", "—", "-"])
        cell = f"applications.{key}.{COLUMNS[i]}"
        built.expect.append(("cell.derived", cell, "warning"))
        built.defect_keys.update({cell, f"applications.{key}"})


def _short_row(rng: random.Random, built: Built, t3: dict[str, list[str]]) -> None:
    """One table-3 row printed with a value missing (no cell at all where it was)."""
    key = rng.choice([k for k in built.form.leaves if not _touched(built, f"applications.{k}")])
    position = rng.choice([6, 6, rng.randint(0, 5)])
    printed = t3[key][:position] + t3[key][position + 1 :]
    t3[key] = printed
    row_keys = [f"applications.{key}.{c}" for c in COLUMNS]
    result = oracle_row(dict(built.cells), row_keys, [int(v) for v in printed], built.form)
    built.cells.update(result)
    severity = "warning" if all(v is not None for v in result.values()) else "error"
    built.expect.append(("row.short", f"applications.{key}", severity))
    built.defect_keys.add(f"applications.{key}")
    if severity == "error":
        # Null cells leave their checks unevaluated; nothing else to expect.
        built.notes.append(f"short row {key} is uncertain")


def _long_t4(rng: random.Random, built: Built, t4: list[str]) -> None:
    extra = rng.choice(["0", "0", str(rng.randint(1, 5))])
    t4.append(extra)
    keys = [f"review_litigation.{g}.{o}" for g in T4_GROUPS for o in T4_OUTCOMES]
    result = oracle_row(dict(built.cells), keys, [int(v) for v in t4], built.form)
    built.cells.update(result)
    severity = "warning" if all(v is not None for v in result.values()) else "error"
    built.expect.append(("row.long", "review_litigation", severity))
    built.defect_keys.add("review_litigation")


DEFECTS = [
    "blanks",
    "short_row",
    "long_t4",
    "short_t2",
    "missing_block",
    "missing_table:proactive",
    "missing_table:applications",
    "missing_table:review_litigation",
    "extra_t2",
    "not_adding_up",
    "undivided",
    "label_variant",
    "blank_nonzero",
    "column_order",
]
