"""Recognising the official form's labels in a cell, however the conversion mangled them.

A label is reduced to its *body*: white space removed (PDF extraction spaces out vertical
text), numbering removed (``（一）``, ``1.``, ``一、``), punctuation removed (half- and
full-width brackets, quotes, commas). The body is looked up among the form's labels; a
body that is not found exactly is compared with the row labels by similarity, which
tolerates a character lost or changed (``其他法律行政止公开``), and with the table-4 headers
by containment, which tolerates the doubled characters of some PDF text layers
(``持结果维持``).
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Literal

import attrs

from gov_disclosure.formats import APPLICANT_COLUMNS, REVIEW_GROUPS, REVIEW_OUTCOMES, FormatSpec
from gov_disclosure.normalize import normalize_text

__all__ = ["LabelInfo", "Labels", "label_body", "split_numbering"]

Role = Literal["block", "head", "note", "group", "row"]

_NUMBERING = re.compile(
    r"^(?:第?[一二三四五六七八九十]{1,3}[、.,:]"
    r"|\([一二三四五六七八九十\d]{1,3}\)"
    r"|\d{1,2}(?:[、.,]|(?=[^\d.,])))"
)
_PUNCT = re.compile(r"[\W_]+")
_BLOCK = re.compile(r"第二十条第\(?([一二三四五六七八九十]{1,3})\)?项")
_NOTE_WORDS = ("勾稽关系", "第一项加第二项")
# Table-2 labels that only the 2019 form (国办公开办函〔2019〕60号) prints, as whole cells.
# Similarity finds a row label with a character lost or changed; short labels are too
# close to other words (行政许可事项, 行政处理) to be matched that way.
_MIN_SIMILAR = 8
_MIN_PREFIX = 6  # a wrapped label's first line: long enough to name one row
_MIN_HEAD_STEM = 5  # 采购总金额
_UNIT_SUFFIX = re.compile(r"(?:单位)?(?:万元|元)$")
_SIMILAR = 0.8


@attrs.frozen(kw_only=True)
class LabelInfo:
    """What a label cell is: the table it belongs to, its role and key.

    ``table`` is 2, 3 or 4. ``role`` is ``"block"`` (a table-2 article heading, key the
    article numeral), ``"head"`` (a column header, key the column name), ``"note"`` (the
    勾稽关系 note of table 3), ``"group"`` (a merged group label, key the group) or
    ``"row"`` (a row label, key the row's key prefix). ``exact`` is False when the label
    was recognised only as a variant. ``form`` is set for a label that belongs to the
    other national form (``规范性文件``, ``本年新制作数量`` in a 2021 reading).
    """

    table: int
    role: Role
    key: str
    exact: bool = True
    form: str | None = None  # "2019": a label only the other national form has


def split_numbering(norm: str) -> tuple[str, str]:
    """Split a normalised label into its numbering and the rest, spaces removed."""
    compact = "".join(norm.split())
    match = _NUMBERING.match(compact)
    if match:
        return match.group(0), compact[match.end() :]
    return "", compact


def label_body(norm: str) -> str:
    """The label without white space, numbering or punctuation."""
    return _PUNCT.sub("", split_numbering(norm)[1])


def _body(label: str) -> str:
    return label_body(normalize_text(label))


def _table2_labels(spec: FormatSpec) -> dict[str, list[LabelInfo]]:
    """Table 2's headers and row labels, by body."""
    out: dict[str, list[LabelInfo]] = {}
    for block in spec.blocks:
        entries = [("信息内容", LabelInfo(table=2, role="head", key="label"))]
        entries += [(h, LabelInfo(table=2, role="head", key=c)) for c, h in block.columns]
        entries += [(label, LabelInfo(table=2, role="row", key=f"proactive.{r}")) for r, label in block.rows]
        for text, info in entries:
            infos = out.setdefault(_body(text), [])
            if info not in infos:
                infos.append(info)
    return out


class Labels:
    """The label vocabulary of one format, with a cached classifier."""

    def __init__(self, spec: FormatSpec, other: FormatSpec | None = None) -> None:
        """The labels of ``spec``; with ``other``, the other format's table-2 and table-3
        labels too, marked with its ``form`` (a report may mix the two)."""
        self.name = spec.name
        exact: dict[str, list[LabelInfo]] = {}

        def add(text: str, info: LabelInfo) -> None:
            infos = exact.setdefault(_body(text), [])
            if info not in infos:
                infos.append(info)

        own = _table2_labels(spec)
        theirs = _table2_labels(other) if other is not None else {}
        for body, infos in own.items():
            for info in infos:
                add(body, attrs.evolve(info, form=None if body in theirs else spec.name))
        for body, infos in theirs.items():
            if body not in own:
                for info in infos:
                    add(body, attrs.evolve(info, form=other.name if other else None))
        add("申请人情况", LabelInfo(table=3, role="head", key="applicant"))
        add("法人或其他组织", LabelInfo(table=3, role="head", key="organisation"))
        for column, header in APPLICANT_COLUMNS:
            add(header, LabelInfo(table=3, role="head", key=column))
        for group, label in spec.application_groups:
            add(label, LabelInfo(table=3, role="group", key=group))
        for row, label, _ in spec.application_rows:
            add(label, LabelInfo(table=3, role="row", key=f"applications.{row}"))
        if other is not None:
            mine = {_body(label) for _, label, _ in spec.application_rows}
            mine |= {_body(label) for _, label in spec.application_groups}
            for row, label, _ in other.application_rows:
                if _body(label) not in mine:
                    add(label, LabelInfo(table=3, role="row", key=f"applications.{row}", form=other.name))
        add("合计", LabelInfo(table=3, role="row", key="applications.total", exact=False))
        add("合计", LabelInfo(table=3, role="head", key="total", exact=False))
        add("部分公开", LabelInfo(table=3, role="row", key="applications.partially_granted", exact=False))
        add("其它", LabelInfo(table=3, role="head", key="other_org", exact=False))
        if any(row == "other_handling.other" for row, _, _ in spec.application_rows):
            add("其它", LabelInfo(table=3, role="row", key="applications.other_handling.other", exact=False))
        add("行政诉讼", LabelInfo(table=4, role="head", key="litigation"))
        for group, label in REVIEW_GROUPS:
            add(label, LabelInfo(table=4, role="head", key=group))
        for outcome, label in REVIEW_OUTCOMES:
            add(label, LabelInfo(table=4, role="head", key=outcome))
        add("合计", LabelInfo(table=4, role="head", key="total", exact=False))

        self._exact = {body: tuple(infos) for body, infos in exact.items()}
        self._articles = frozenset(b.article for b in spec.blocks)
        self._their_articles = (
            frozenset(b.article for b in other.blocks) if other is not None else frozenset()
        )
        self._other = other.name if other is not None else None
        # Table-2 headers with words after them: 本年收费金额（单位：元）, 上一年项目数量(指2019年事项数),
        # 采购总金额（元）: matched by their stem, the official unit left out.
        self._t2_heads = [
            (stem, info)
            for body, infos in self._exact.items()
            for info in infos
            if info.table == 2
            and info.role == "head"
            and len(stem := _UNIT_SUFFIX.sub("", body)) >= _MIN_HEAD_STEM
        ]
        self._t4_words = [(_body(label), key) for key, label in REVIEW_OUTCOMES[:-1]] + [
            (_body(label), key) for key, label in REVIEW_GROUPS
        ]
        self._rows = [
            (body, info)
            for body, infos in self._exact.items()
            for info in infos
            if info.role in ("row", "group")
            and info.exact
            and info.form in (None, spec.name)
            and len(body) >= _MIN_SIMILAR
        ]
        self._starts = frozenset(body[:n] for body in self._exact for n in range(2, len(body)))
        self.classify = lru_cache(maxsize=8192)(self._classify)

    def begins(self, norm: str) -> bool:
        """Whether a normalised text is the beginning of a label (two characters or more)."""
        return label_body(norm) in self._starts

    def _classify(self, norm: str) -> tuple[LabelInfo, ...]:
        """Every reading of a normalised cell text as a label (empty: not a label)."""
        if not norm or len(norm) > 80:
            return ()
        compact = "".join(norm.split())
        block = _BLOCK.search(compact)
        if block:
            article = block.group(1)
            if article not in self._articles:
                form = self._other
            elif article not in self._their_articles and self._other is not None:
                form = self.name
            else:
                form = None
            return (LabelInfo(table=2, role="block", key=article, form=form),)
        if any(word in compact for word in _NOTE_WORDS):
            return (LabelInfo(table=3, role="note", key="note"),)
        body = label_body(norm)
        if not body:
            return ()
        found = self._exact.get(body)
        if found:
            return found
        for head, info in self._t2_heads:
            if body.startswith(head):
                return (attrs.evolve(info, exact=False),)
        for word, key in self._t4_words:
            # A character doubled by the PDF text layer (持结果维持), not a longer phrase.
            if word in body and len(body) <= len(word) + 1:
                return (LabelInfo(table=4, role="head", key=key, exact=False),)
        return self._prefix(body) or self._similar(body)

    def _prefix(self, body: str) -> tuple[LabelInfo, ...]:
        """A long label cut where its cell wraps (``（二）部分公开（区分处理的，`` with the rest
        on the next line): the start of exactly one row label."""
        if len(body) < _MIN_PREFIX:
            return ()
        found = {info.key: info for candidate, info in self._rows if candidate.startswith(body)}
        if len(found) != 1:
            return ()
        return (attrs.evolve(next(iter(found.values())), exact=False),)

    def _similar(self, body: str) -> tuple[LabelInfo, ...]:
        if len(body) < _MIN_SIMILAR - 2:
            return ()
        scored: list[tuple[float, LabelInfo]] = []
        matcher = SequenceMatcher(autojunk=False)
        matcher.set_seq2(body)
        for candidate, info in self._rows:
            matcher.set_seq1(candidate)
            if matcher.real_quick_ratio() < 0.7 or matcher.quick_ratio() < 0.7:
                continue
            scored.append((matcher.ratio(), info))
        scored.sort(key=lambda item: item[0], reverse=True)
        if not scored or scored[0][0] < _SIMILAR:
            return ()
        if len(scored) > 1 and scored[1][0] > scored[0][0] - 0.08 and scored[1][1].key != scored[0][1].key:
            return ()
        return (attrs.evolve(scored[0][1], exact=False),)
