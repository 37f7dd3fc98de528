"""The typed, frozen result of parsing a report.

Every table is a tree of small attrs classes whose attribute path is the cell's stable key:
``report.applications.denied.state_secret.natural_person`` is the cell
``"applications.denied.state_secret.natural_person"``. Each leaf is a :class:`Cell` that
carries its value and where it came from. Serialisation lives in :mod:`gov_disclosure.export`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import attrs

if TYPE_CHECKING:
    from typing import TypeAlias

__all__ = [
    "ApplicantCounts",
    "Applications",
    "Applications2019",
    "Cell",
    "Check",
    "Contact",
    "Decisions",
    "Denied",
    "Diagnostic",
    "DocumentCounts",
    "DocumentCounts2019",
    "ExtraRow",
    "FeeItems",
    "Fees",
    "ItemCounts",
    "Meta",
    "NotProcessed",
    "OtherHandling",
    "Outcomes",
    "Proactive",
    "Proactive2019",
    "Procurement",
    "Report",
    "ReviewLitigation",
    "Section",
    "Source",
    "Unable",
]

Number: TypeAlias = "int | float"
How: TypeAlias = Literal["read", "blank", "derived"]
Severity: TypeAlias = Literal["info", "warning", "error"]
FormatName: TypeAlias = Literal["2021", "2019", "free-form"]


@attrs.frozen(kw_only=True)
class Cell:
    """One table cell: its value and its provenance.

    ``value`` is ``None`` when the report gives no value or it cannot be placed with
    certainty. ``how`` says how a non-null value was obtained: ``"read"`` as printed,
    ``"blank"`` an empty cell or a dash read as 0, ``"derived"`` fixed by the arithmetic.
    ``line`` is the input line of the printed text (for a derived value, of its row's
    label); ``text`` the printed characters, trimmed.
    """

    value: int | float | None = None
    how: How | None = None
    line: int | None = None
    text: str = ""

    @classmethod
    def null(cls) -> Cell:
        """A cell without a value."""
        return cls()


# --- table 2: 主动公开政府信息情况 ---------------------------------------------------------


@attrs.frozen(kw_only=True)
class DocumentCounts:
    """规章 / 行政规范性文件: 本年制发件数, 本年废止件数, 现行有效件数."""

    issued: Cell
    repealed: Cell
    in_force: Cell


@attrs.frozen(kw_only=True)
class Decisions:
    """行政许可 / 行政处罚 / 行政强制: 本年处理决定数量."""

    decisions: Cell


@attrs.frozen(kw_only=True)
class Fees:
    """行政事业性收费: 本年收费金额 in 万元."""

    amount: Cell


@attrs.frozen(kw_only=True)
class Proactive:
    """Table 2 of the 2021 format (主动公开政府信息情况)."""

    regulations: DocumentCounts
    normative_documents: DocumentCounts
    licensing: Decisions
    penalty: Decisions
    coercion: Decisions
    fees: Fees


# --- table 2 of the 2019 format (国办公开办函〔2019〕60号) ---------------------------------


@attrs.frozen(kw_only=True)
class DocumentCounts2019:
    """2019 format, 规章 / 规范性文件: 本年新制作数量, 本年新公开数量, 对外公开总数量."""

    made: Cell
    published: Cell
    total_published: Cell


@attrs.frozen(kw_only=True)
class ItemCounts:
    """2019 format, 行政许可 / 其他对外管理服务事项 / 行政处罚 / 行政强制: 上一年项目数量,
    本年增/减 (signed), 处理决定数量."""

    previous_items: Cell
    change: Cell
    decisions: Cell


@attrs.frozen(kw_only=True)
class FeeItems:
    """2019 format, 行政事业性收费: 上一年项目数量, 本年增/减 (signed)."""

    previous_items: Cell
    change: Cell


@attrs.frozen(kw_only=True)
class Procurement:
    """2019 format, 政府集中采购: 采购项目数量, 采购总金额 (万元)."""

    items: Cell
    amount: Cell


@attrs.frozen(kw_only=True)
class Proactive2019:
    """Table 2 of the 2019 format (主动公开政府信息情况)."""

    regulations: DocumentCounts2019
    normative_documents: DocumentCounts2019
    licensing: ItemCounts
    other_services: ItemCounts
    penalty: ItemCounts
    coercion: ItemCounts
    fees: FeeItems
    procurement: Procurement


# --- table 3: 收到和处理政府信息公开申请情况 -------------------------------------------------


@attrs.frozen(kw_only=True)
class ApplicantCounts:
    """One row of table 3, by applicant: 自然人, the five 法人或其他组织 types, 总计."""

    natural_person: Cell
    commercial: Cell
    research: Cell
    social_org: Cell
    legal_service: Cell
    other_org: Cell
    total: Cell


@attrs.frozen(kw_only=True)
class Denied:
    """（三）不予公开 and its eight grounds."""

    state_secret: ApplicantCounts
    prohibited_by_law: ApplicantCounts
    security_stability: ApplicantCounts
    third_party: ApplicantCounts
    internal_affairs: ApplicantCounts
    process_info: ApplicantCounts
    enforcement_file: ApplicantCounts
    query_matter: ApplicantCounts


@attrs.frozen(kw_only=True)
class Unable:
    """（四）无法提供."""

    not_held: ApplicantCounts
    needs_creation: ApplicantCounts
    unclear: ApplicantCounts


@attrs.frozen(kw_only=True)
class NotProcessed:
    """（五）不予处理."""

    petition: ApplicantCounts
    duplicate: ApplicantCounts
    publication: ApplicantCounts
    excessive: ApplicantCounts
    reconfirm: ApplicantCounts


@attrs.frozen(kw_only=True)
class OtherHandling:
    """（六）其他处理, divided into three rows in the 2021 format."""

    overdue_correction: ApplicantCounts
    overdue_fee: ApplicantCounts
    other: ApplicantCounts


@attrs.frozen(kw_only=True)
class Applications:
    """Table 3 of the 2021 format (收到和处理政府信息公开申请情况)."""

    new_received: ApplicantCounts
    carried_over: ApplicantCounts
    granted: ApplicantCounts
    partially_granted: ApplicantCounts
    denied: Denied
    unable: Unable
    not_processed: NotProcessed
    other_handling: OtherHandling
    total: ApplicantCounts
    carried_forward: ApplicantCounts


@attrs.frozen(kw_only=True)
class Applications2019:
    """Table 3 of the 2019 format: as 2021's, with （六）其他处理 one row."""

    new_received: ApplicantCounts
    carried_over: ApplicantCounts
    granted: ApplicantCounts
    partially_granted: ApplicantCounts
    denied: Denied
    unable: Unable
    not_processed: NotProcessed
    other_handling: ApplicantCounts
    total: ApplicantCounts
    carried_forward: ApplicantCounts


# --- table 4: 政府信息公开行政复议、行政诉讼情况 ---------------------------------------------


@attrs.frozen(kw_only=True)
class Outcomes:
    """结果维持, 结果纠正, 其他结果, 尚未审结, 总计."""

    upheld: Cell
    corrected: Cell
    other: Cell
    pending: Cell
    total: Cell


@attrs.frozen(kw_only=True)
class ReviewLitigation:
    """Table 4: 行政复议, 行政诉讼 未经复议直接起诉 and 复议后起诉."""

    review: Outcomes
    litigation_direct: Outcomes
    litigation_after_review: Outcomes


# --- everything else -------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Contact:
    """Contact details the report gives for its organ; ``None`` where not found."""

    address: str | None = None
    postcode: str | None = None
    phone: str | None = None
    fax: str | None = None
    email: str | None = None
    website: str | None = None


@attrs.frozen(kw_only=True)
class Meta:
    """Who reports on which year, and when the report is dated."""

    organ: str | None = None
    year: int | None = None
    published: dt.date | None = None
    contact: Contact = attrs.field(factory=Contact)


@attrs.frozen(kw_only=True)
class Source:
    """Where a report was read from: the file (if any), its kind and text encoding."""

    path: str | None = None
    kind: str = "text"  # "text", "html", "docx" or "pdf"
    encoding: str | None = None  # for text and HTML bytes: the encoding they were decoded with


@attrs.frozen(kw_only=True)
class Section:
    """One of the six national sections: its heading and the narrative under it."""

    number: int
    key: str
    title: str
    line: int
    text: str


@attrs.frozen(kw_only=True)
class ExtraRow:
    """A row the report prints that no key of its format holds (a local row, say)."""

    table: str
    label: str
    line: int | None
    values: tuple[int | float | None, ...]


@attrs.frozen(kw_only=True)
class Check:
    """One arithmetic relation of the format; ``ok`` is ``None`` when a cell is null."""

    rule: str
    ok: bool | None
    cells: tuple[str, ...]
    message: str


@attrs.frozen(kw_only=True)
class Diagnostic:
    """Something doubtful about the report, with where it is.

    ``key`` names the cell, row prefix, table, rule, ``sections.<key>`` or ``meta.<field>``
    it concerns (``None``: the whole report); ``cells`` lists the cells it affects.
    """

    code: str
    severity: Severity
    key: str | None
    line: int | None
    message: str
    cells: tuple[str, ...] = ()


Table = TypeVar("Table")


_FIELDS: dict[type[Any], tuple[tuple[str, Any], ...]] = {}


def _fields(cls: type[Any]) -> tuple[tuple[str, Any], ...]:
    """``(name, type)`` of a table class's fields, annotations resolved once."""
    found = _FIELDS.get(cls)
    if found is None:
        found = _FIELDS[cls] = tuple((f.name, f.type) for f in attrs.fields(attrs.resolve_types(cls)))
    return found


def cell_paths(cls: type[Any], prefix: str) -> Iterator[str]:
    """Every cell key of a table class, in field order (``prefix`` is the table key)."""
    for name, kind in _fields(cls):
        path = f"{prefix}.{name}"
        if kind is Cell:
            yield path
        else:
            yield from cell_paths(kind, path)


_NULL = Cell()


def build_table(cls: type[Table], prefix: str, cells: Mapping[str, Cell]) -> Table:
    """Build a table object from flat ``key -> Cell`` (missing keys become null cells)."""
    kwargs: dict[str, Any] = {}
    for name, kind in _fields(cls):
        path = f"{prefix}.{name}"
        kwargs[name] = cells.get(path, _NULL) if kind is Cell else build_table(kind, path, cells)
    return cls(**kwargs)


def _table_cells(table: object, prefix: str) -> Iterator[tuple[str, Cell]]:
    for name, _ in _fields(type(table)):
        value = getattr(table, name)
        path = f"{prefix}.{name}"
        if isinstance(value, Cell):
            yield path, value
        else:
            yield from _table_cells(value, path)


@attrs.frozen(kw_only=True)
class Report:
    """A parsed report: metadata, sections, the three tables, checks and diagnostics.

    ``format`` is ``"2021"``, ``"2019"`` or ``"free-form"`` (no tables). The tables are
    those of the format (``Proactive`` or ``Proactive2019``, ``Applications`` or
    ``Applications2019``); ``None`` only for a free-form report; a table the report lacks
    has null cells.
    """

    format: FormatName
    meta: Meta
    sections: tuple[Section, ...]
    proactive: Proactive | Proactive2019 | None
    applications: Applications | Applications2019 | None
    review_litigation: ReviewLitigation | None
    extra_rows: tuple[ExtraRow, ...] = ()
    checks: tuple[Check, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    source: Source | None = None

    def iter_cells(self) -> Iterator[tuple[str, Cell]]:
        """Every ``(key, Cell)`` of the report's format, in the order of ``cells.json``."""
        for name in ("proactive", "applications", "review_litigation"):
            table = getattr(self, name)
            if table is not None:
                yield from _table_cells(table, name)

    @property
    def cells(self) -> dict[str, int | float | None]:
        """Flat ``key -> value`` of every cell (all keys of the format, nulls included)."""
        return {key: cell.value for key, cell in self.iter_cells()}

    def cell(self, key: str) -> Cell:
        """The :class:`Cell` at a key such as ``"applications.granted.total"``."""
        node: object = self
        for part in key.split("."):
            if node is None or not hasattr(node, part) or part.startswith("_"):
                raise KeyError(key)
            node = getattr(node, part)
        if not isinstance(node, Cell):
            raise KeyError(key)
        return node

    def section(self, key: str) -> Section | None:
        """The section with this key (``"overview"`` … ``"other"``), if the report has it."""
        return next((s for s in self.sections if s.key == key), None)

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        """Diagnostics of severity ``"error"``: cells left null although printed."""
        return tuple(d for d in self.diagnostics if d.severity == "error")

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready dict of the output contract (``schema_version`` 1)."""
        from gov_disclosure.export import to_dict

        return to_dict(self)
