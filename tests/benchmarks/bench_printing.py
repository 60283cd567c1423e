"""Printing benchmarks (a script, not a pytest test): run with
``.venv/bin/python tests/benchmarks/bench_printing.py``.

Targets (issues 3 and 4): a 5,000-household ranking PDF under 3 s; 500
certificates to one PDF under 10 s.  Also a day's worth of slips: 1,000
redemption slips rendered one PDF each (as the counter prints them) and all in one
PDF (an archive print).  Each figure is the best of ``--repeat`` runs, after one
warm-up that registers the font.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.printing.certificate import ServiceCertificate, ServiceItem, render_certificates
from app.printing.rankings import RankRow, render_ranking
from app.printing.slip import SlipData, SlipLine, render_slip, render_slips

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "建国秀英志强丽娟德明春花国庆玉兰伟军红梅"


def ranking_rows(n: int) -> list[RankRow]:
    return [
        RankRow(
            i + 1,
            f"DF-{i // 400 + 1:02d}-{i % 400 + 1:03d}",
            f"{SURNAMES[i % 20]}*{GIVEN[i % 18]}",
            f"第{i % 12 + 1}村民小组",
            800 - i // 7,
        )
        for i in range(n)
    ]


def certificates(n: int) -> list[ServiceCertificate]:
    items = [
        ServiceItem(date(2024, m, 10), f"2024年{m}月 理论宣讲进农家活动", 2.5) for m in range(1, 13)
    ]
    return [
        ServiceCertificate(
            number=f"东风站证〔2025〕第{i:04d}号",
            name=f"{SURNAMES[i % 20]}{GIVEN[i % 18]}",
            id_type="居民身份证",
            id_number_masked="330***********1234",
            volunteer_number=f"V3301022024{i:04d}",
            period_start=date(2024, 1, 1),
            period_end=date(2024, 12, 31),
            total_hours=30,
            activities=items,
            issuer_name="东风村新时代文明实践站",
            leader_name="王德明",
            handler_name="李秀英",
            contact_phone="0571-88886666",
            issue_date=date(2025, 1, 8),
            verify_payload=f"WB1:C:01J9ZK3X7Q2M{i:08d}:3F7KQ2MA",
        )
        for i in range(n)
    ]


def slips(n: int) -> list[SlipData]:
    base = SlipData(
        number="",
        station_name="东风村新时代文明实践站",
        household_number="DF-03-017",
        household_head="欧阳建国",
        items=[
            SlipLine("金龙鱼食用油 5L", "桶", 1, 60, 60),
            SlipLine("立白洗衣粉", "袋", 2, 12, 24),
            SlipLine("毛巾", "条", 3, 5, 15),
        ],
        total_points=99,
        balance_before=350,
        balance_after=251,
        operator_name="李秀英",
        issued_at=datetime(2025, 3, 8, 14, 5),
        verify_payload="",
    )
    return [
        dataclasses.replace(
            base, number=f"DH-2025-{i:06d}", verify_payload=f"WB1:R:01J9ZK3X{i:08d}:3F7KQ2MA"
        )
        for i in range(n)
    ]


def best(fn: Callable[[], object], repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return min(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    render_slip(slips(1)[0])  # warm-up: font registration, layout files

    rows = ranking_rows(5000)
    t, pdf = best(
        lambda: render_ranking(
            "2024年度家庭积分榜", "东风村新时代文明实践站", "2024年度", rows, datetime(2025, 1, 5)
        ),
        args.repeat,
    )
    print(
        f"ranking, 5,000 rows -> one PDF        {t:6.2f} s  ({len(pdf) / 1e6:.1f} MB)  target < 3 s"
    )  # type: ignore[arg-type]

    certs = certificates(500)
    t, pdf = best(lambda: render_certificates(certs), args.repeat)
    print(
        f"500 certificates -> one PDF           {t:6.2f} s  ({len(pdf) / 1e6:.1f} MB)  target < 10 s"
    )  # type: ignore[arg-type]

    day = slips(1000)
    t, _ = best(lambda: [render_slip(s) for s in day], args.repeat)
    print(f"1,000 slips, one A4 PDF each          {t:6.2f} s  ({t:.2f} ms per slip)")
    t, _ = best(lambda: [render_slip(s, "80mm") for s in day], args.repeat)
    print(f"1,000 slips, one 80 mm PDF each       {t:6.2f} s  ({t:.2f} ms per slip)")
    t, pdf = best(lambda: render_slips(day), args.repeat)
    print(f"1,000 slips -> one A4 PDF (archive)   {t:6.2f} s  ({len(pdf) / 1e6:.1f} MB)")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
