"""Organ, year, date and contact details."""

from __future__ import annotations

import datetime as dt

import pytest

from gov_disclosure import parse_report

BODY = "\n一、总体情况\n工作有序推进。\n二、主动公开政府信息情况\n"


@pytest.mark.parametrize(
    ("title", "organ", "year"),
    [
        ("七星镇人民政府\n\n2022年政府信息公开工作年度报告", "七星镇人民政府", 2022),
        ("洛阳市涧西区生态环境局2023年政府信息公开工作年度报告", "洛阳市涧西区生态环境局", 2023),
        ("海阳市二十里店镇 2021 年 政府信息公开工作年度报告", "海阳市二十里店镇", 2021),
        ("2024年度南京市教育局政府信息公开工作年度报告", "南京市教育局", 2024),
        ("关于成都市武侯区人民政府2022年政府信息公开工作年度报告", "成都市武侯区人民政府", 2022),
    ],
)
def test_title_gives_organ_and_year(title: str, organ: str, year: int) -> None:
    meta = parse_report(title + BODY).meta
    assert (meta.organ, meta.year) == (organ, year)


def test_signature_gives_date_and_organ_when_the_title_does_not() -> None:
    text = (
        "政府信息公开工作年度报告" + BODY + "\n\n      广州市天河区卫生健康局\n      二〇二四年一月二十六日\n"
    )
    meta = parse_report(text).meta
    assert meta.organ == "广州市天河区卫生健康局"
    assert meta.published == dt.date(2024, 1, 26)


def test_year_from_statistics_period() -> None:
    text = (
        "某区财政局政府信息公开工作年度报告\n本报告所列数据统计期限自2023年1月1日起至2023年12月31日止。"
        + BODY
    )
    assert parse_report(text).meta.year == 2023


def test_contact_details() -> None:
    text = (
        "某局2023年政府信息公开工作年度报告\n"
        "本报告电子版可在门户网站（http://www.example.gov.cn/xxgk/）查阅。如有疑问请联系（地址：某市人民路1号；"
        "邮编：100000；电话：010-12345678；传真：010-87654321；电子邮箱：office@example.gov.cn）。" + BODY
    )
    contact = parse_report(text).meta.contact
    assert contact.address == "某市人民路1号"
    assert contact.postcode == "100000"
    assert contact.phone == "010-12345678"
    assert contact.fax == "010-87654321"
    assert contact.email == "office@example.gov.cn"
    assert contact.website == "http://www.example.gov.cn/xxgk/"


def test_missing_fields_are_null_with_an_info() -> None:
    report = parse_report("政府信息公开工作年度报告" + BODY)
    assert report.meta.published is None
    missing = {d.key for d in report.diagnostics if d.code == "meta.missing"}
    assert missing == {"meta.organ", "meta.year", "meta.published"}
    assert report.to_dict()["meta"]["contact"] == {}


def test_a_malformed_chinese_date_is_not_a_date() -> None:
    report = parse_report("政府信息公开工作年度报告" + BODY + "某局\n二〇二三年十十月一日\n")
    assert report.meta.published is None


def test_a_breadcrumb_is_not_the_organ() -> None:
    text = (
        "首页 > 政务公开 > 年度报告\n2023年政府信息公开工作年度报告" + BODY + "\n某区统计局\n2024年1月20日\n"
    )
    meta = parse_report(text).meta
    assert meta.organ == "某区统计局"


def test_signature_is_not_section_text() -> None:
    text = (
        "某局2023年政府信息公开工作年度报告"
        + BODY
        + "六、其他需要报告的事项\n无。\n\n    某局\n    2024年1月20日\n"
    )
    report = parse_report(text)
    assert report.section("other").text == "无。"  # type: ignore[union-attr]


def test_a_year_in_chinese_numerals_in_the_title() -> None:
    meta = parse_report("德州市乐陵市教育局二〇二三年政府信息公开工作年度报告" + BODY).meta
    assert (meta.organ, meta.year) == ("德州市乐陵市教育局", 2023)
