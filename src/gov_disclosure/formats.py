"""The national report formats as data: tables, rows, columns, official labels, arithmetic.

Only the official form's wording lives here (国办公开办函〔2021〕30号). Keys follow the
output contract (``cells.json``) and are generated from the model classes, so the model and
the form cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import attrs

from gov_disclosure.model import (
    Applications,
    Applications2019,
    Proactive,
    Proactive2019,
    ReviewLitigation,
    cell_paths,
)

__all__ = [
    "APPLICANT_COLUMNS",
    "FORMATS",
    "FORMAT_2019",
    "FORMAT_2021",
    "Block",
    "FormatSpec",
    "Relation",
    "TableRow",
]


@attrs.frozen(kw_only=True)
class TableRow:
    """A row of a table: its key prefix, official label, and the keys of its columns."""

    table: str
    key: str  # "applications.denied.state_secret"
    label: str
    columns: tuple[str, ...]  # column names, e.g. ("issued", "repealed", "in_force")
    group: str | None = None  # group key for table 3 ("denied"), block for table 2 ("一")
    # The row's cell keys in column order.
    cells: tuple[str, ...] = attrs.field(
        init=False,
        default=attrs.Factory(lambda self: tuple(f"{self.key}.{c}" for c in self.columns), takes_self=True),
    )


@attrs.frozen(kw_only=True)
class Block:
    """A block of table 2, headed by the article it reports on (第二十条第（一）项)."""

    article: str  # "一"
    columns: tuple[tuple[str, str], ...]  # (column name, official header)
    rows: tuple[tuple[str, str], ...]  # (row name, official label)


@attrs.frozen(kw_only=True)
class Relation:
    """An arithmetic relation: ``sum(left) == sum(right)``."""

    rule: str
    left: tuple[str, ...]
    right: tuple[str, ...]
    kind: str  # "balance", "leaves", "row", "sum"

    @property
    def cells(self) -> tuple[str, ...]:
        """Every key the relation adds up, left side first."""
        return self.left + self.right


APPLICANT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("natural_person", "自然人"),
    ("commercial", "商业企业"),
    ("research", "科研机构"),
    ("social_org", "社会公益组织"),
    ("legal_service", "法律服务机构"),
    ("other_org", "其他"),
    ("total", "总计"),
)

REVIEW_GROUPS: tuple[tuple[str, str], ...] = (
    ("review", "行政复议"),
    ("litigation_direct", "未经复议直接起诉"),
    ("litigation_after_review", "复议后起诉"),
)

REVIEW_OUTCOMES: tuple[tuple[str, str], ...] = (
    ("upheld", "结果维持"),
    ("corrected", "结果纠正"),
    ("other", "其他结果"),
    ("pending", "尚未审结"),
    ("total", "总计"),
)

# Table 3 groups: key -> official label of the merged cell.
APPLICATION_GROUPS_2021: tuple[tuple[str, str], ...] = (
    ("result", "三、本年度办理结果"),
    ("denied", "（三）不予公开"),
    ("unable", "（四）无法提供"),
    ("not_processed", "（五）不予处理"),
    ("other_handling", "（六）其他处理"),
)

# Table 3 rows: (row key, official label, group).
APPLICATION_ROWS_2021: tuple[tuple[str, str, str | None], ...] = (
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
)

PROACTIVE_BLOCKS_2021: tuple[Block, ...] = (
    Block(
        article="一",
        columns=(("issued", "本年制发件数"), ("repealed", "本年废止件数"), ("in_force", "现行有效件数")),
        rows=(("regulations", "规章"), ("normative_documents", "行政规范性文件")),
    ),
    Block(article="五", columns=(("decisions", "本年处理决定数量"),), rows=(("licensing", "行政许可"),)),
    Block(
        article="六",
        columns=(("decisions", "本年处理决定数量"),),
        rows=(("penalty", "行政处罚"), ("coercion", "行政强制")),
    ),
    Block(
        article="八", columns=(("amount", "本年收费金额（单位：万元）"),), rows=(("fees", "行政事业性收费"),)
    ),
)


@attrs.frozen(kw_only=True)
class FormatSpec:
    """One national format: its tables' rows and the relations between their cells."""

    name: str
    blocks: tuple[Block, ...]
    application_groups: tuple[tuple[str, str], ...]
    application_rows: tuple[tuple[str, str, str | None], ...]
    money: frozenset[str]
    table_classes: tuple[tuple[str, type], ...]

    @property
    def keys(self) -> tuple[str, ...]:
        """Every cell key of the format, in contract order."""
        return _keys(self)

    @property
    def rows(self) -> tuple[TableRow, ...]:
        """Every row of the three tables (table 4 as its three groups)."""
        return _rows(self)

    def row(self, key: str) -> TableRow:
        """The row with this key prefix."""
        return _row_index(self)[key]

    def block_of(self, row_key: str) -> Block:
        """The table-2 block that holds a ``proactive.*`` row."""
        name = row_key.split(".", 1)[1]
        return next(b for b in self.blocks if any(r == name for r, _ in b.rows))

    @property
    def leaves(self) -> tuple[str, ...]:
        """Table-3 rows that add up to （七）总计 (their key without ``applications.``)."""
        return tuple(key for key, _, group in self.application_rows if group is not None and key != "total")

    @property
    def relations(self) -> tuple[Relation, ...]:
        """Every arithmetic check, in the contract's order."""
        return _relations(self)


@cache
def _keys(spec: FormatSpec) -> tuple[str, ...]:
    out: list[str] = []
    for prefix, cls in spec.table_classes:
        out.extend(cell_paths(cls, prefix))
    return tuple(out)


@cache
def _rows(spec: FormatSpec) -> tuple[TableRow, ...]:
    rows: list[TableRow] = []
    for block in spec.blocks:
        for name, label in block.rows:
            rows.append(
                TableRow(
                    table="proactive",
                    key=f"proactive.{name}",
                    label=label,
                    columns=tuple(c for c, _ in block.columns),
                    group=block.article,
                )
            )
    columns = tuple(c for c, _ in APPLICANT_COLUMNS)
    for key, label, group in spec.application_rows:
        rows.append(
            TableRow(
                table="applications", key=f"applications.{key}", label=label, columns=columns, group=group
            )
        )
    outcomes = tuple(o for o, _ in REVIEW_OUTCOMES)
    for key, label in REVIEW_GROUPS:
        rows.append(
            TableRow(table="review_litigation", key=f"review_litigation.{key}", label=label, columns=outcomes)
        )
    return tuple(rows)


@cache
def _row_index(spec: FormatSpec) -> dict[str, TableRow]:
    return {row.key: row for row in spec.rows}


def _sum_relation(rule: str, total: str, parts: Sequence[str], kind: str) -> Relation:
    return Relation(rule=rule, left=(total,), right=tuple(parts), kind=kind)


@cache
def _relations(spec: FormatSpec) -> tuple[Relation, ...]:
    columns = [c for c, _ in APPLICANT_COLUMNS]
    a = "applications"
    out: list[Relation] = [
        Relation(
            rule=f"{a}.balance.{c}",
            left=(f"{a}.new_received.{c}", f"{a}.carried_over.{c}"),
            right=(f"{a}.total.{c}", f"{a}.carried_forward.{c}"),
            kind="balance",
        )
        for c in columns
    ]
    out += [
        _sum_relation(f"{a}.leaves.{c}", f"{a}.total.{c}", [f"{a}.{r}.{c}" for r in spec.leaves], "leaves")
        for c in columns
    ]
    out += [
        _sum_relation(f"{a}.row.{key}", f"{a}.{key}.total", [f"{a}.{key}.{c}" for c in columns[:-1]], "row")
        for key, _, _ in spec.application_rows
    ]
    out += [
        _sum_relation(
            f"review_litigation.sum.{g}",
            f"review_litigation.{g}.total",
            [f"review_litigation.{g}.{o}" for o, _ in REVIEW_OUTCOMES[:-1]],
            "sum",
        )
        for g, _ in REVIEW_GROUPS
    ]
    return tuple(out)


FORMAT_2021 = FormatSpec(
    name="2021",
    blocks=PROACTIVE_BLOCKS_2021,
    application_groups=APPLICATION_GROUPS_2021,
    application_rows=APPLICATION_ROWS_2021,
    money=frozenset({"proactive.fees.amount"}),
    table_classes=(
        ("proactive", Proactive),
        ("applications", Applications),
        ("review_litigation", ReviewLitigation),
    ),
)


PROACTIVE_BLOCKS_2019: tuple[Block, ...] = (
    Block(
        article="一",
        columns=(
            ("made", "本年新制作数量"),
            ("published", "本年新公开数量"),
            ("total_published", "对外公开总数量"),
        ),
        rows=(("regulations", "规章"), ("normative_documents", "规范性文件")),
    ),
    Block(
        article="五",
        columns=(
            ("previous_items", "上一年项目数量"),
            ("change", "本年增/减"),
            ("decisions", "处理决定数量"),
        ),
        rows=(("licensing", "行政许可"), ("other_services", "其他对外管理服务事项")),
    ),
    Block(
        article="六",
        columns=(
            ("previous_items", "上一年项目数量"),
            ("change", "本年增/减"),
            ("decisions", "处理决定数量"),
        ),
        rows=(("penalty", "行政处罚"), ("coercion", "行政强制")),
    ),
    Block(
        article="八",
        columns=(("previous_items", "上一年项目数量"), ("change", "本年增/减")),
        rows=(("fees", "行政事业性收费"),),
    ),
    Block(
        article="九",
        columns=(("items", "采购项目数量"), ("amount", "采购总金额")),
        rows=(("procurement", "政府集中采购"),),
    ),
)

# Table 3 of the 2019 form: as 2021's, with （六）其他处理 one row of its own.
APPLICATION_GROUPS_2019 = tuple(g for g in APPLICATION_GROUPS_2021 if g[0] != "other_handling")
_ROWS_2019 = [row for row in APPLICATION_ROWS_2021 if not row[0].startswith("other_handling.")]
_ROWS_2019.insert(
    next(i for i, row in enumerate(_ROWS_2019) if row[0] == "total"),
    ("other_handling", "（六）其他处理", "result"),
)
APPLICATION_ROWS_2019: tuple[tuple[str, str, str | None], ...] = tuple(_ROWS_2019)

FORMAT_2019 = FormatSpec(
    name="2019",
    blocks=PROACTIVE_BLOCKS_2019,
    application_groups=APPLICATION_GROUPS_2019,
    application_rows=APPLICATION_ROWS_2019,
    money=frozenset({"proactive.procurement.amount"}),
    table_classes=(
        ("proactive", Proactive2019),
        ("applications", Applications2019),
        ("review_litigation", ReviewLitigation),
    ),
)

FORMATS = {spec.name: spec for spec in (FORMAT_2021, FORMAT_2019)}
