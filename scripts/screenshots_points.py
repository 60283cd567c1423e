"""Screenshots of 居民与积分 and 积分超市 (households, points, the supermarket counter) for review:
``python scripts/screenshots_points.py [--out DIR]``.

Runs offscreen on a temporary station filled through the services (households
with members, the default rule catalogue, awards, goods with stock, a few
redemptions), then grabs: the households page with a household open, the
points tabs, the goods tab, the counter in the middle of a checkout, and a
兑换单 (A4 and 80 mm) rendered to PNG with ``pdftoppm``.  PNGs go to
``screenshots/points/``.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication, QWidget

from app.db import Database, migrate
from app.errors import DomainError
from app.paths import DataDir
from app.services import cards, households, points, supermarket
from app.services.households import HouseholdData, MemberData
from app.services.keys import load_keys
from app.services.station import AdminAccount, StationInfo, setup_station
from app.services.supermarket import GoodsData
from app.settings import Settings
from app.views.application import create_application
from app.views.pages import AppEvents, PageContext
from app.views.tasks import default_runner

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静强磊军洋勇艳杰娟涛明超秀英华玲桂兰"
GOODS = (
    ("食用油 5L", 50, "粮油", "桶", "6901234567890"),
    ("大米 10斤", 30, "粮油", "袋", "6901234567891"),
    ("洗衣粉", 12, "日用品", "袋", "6901234567892"),
    ("肥皂", 3, "日用品", "块", "6901234567893"),
    ("毛巾", 8, "日用品", "条", None),
    ("牙膏", 6, "日用品", "支", None),
    ("酱油", 8, "调味品", "瓶", None),
    ("保温杯", 40, "家居", "个", None),
    ("雨伞", 25, "家居", "把", None),
)


def settle(app: QApplication, until: Callable[[], bool] | None = None, rounds: int = 3000) -> None:
    runner = default_runner()
    for _ in range(rounds):
        app.processEvents()
        if runner.is_idle() and (until is None or until()):
            break
        runner.pool.waitForDone(10)
    app.processEvents()


def grab(widget: QWidget, out: Path, name: str) -> None:
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(path)


def build_station(root: Path) -> tuple[Database, DataDir, object, dict[str, object]]:
    data_dir = DataDir(root / "station").ensure()
    db = Database(data_dir.database)
    migrate.ensure_schema(db.engine)
    admin = setup_station(
        db,
        data_dir.keys,
        StationInfo(
            name="东风村新时代文明实践站",
            code="330481101001",
            village="东风村",
            township="城关镇",
            county="海宁市",
            leader_name="王建国",
            contact_phone="0573-87001234",
        ),
        AdminAccount("admin", "王建国", "demo1234"),
    )
    rng = random.Random(3)
    with db.write() as s:
        points.seed_default_rules(s)
        for i in range(1, 61):
            surname = rng.choice(SURNAMES)
            head = surname + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
            phone = "13" + "".join(str(rng.randrange(10)) for _ in range(9))
            h = households.add_household(
                s,
                admin,  # type: ignore[arg-type]
                HouseholdData(
                    f"{i:03d}",
                    f"第{'一二三四'[i % 4]}村民小组",
                    f"东风村{'一二三四'[i % 4]}组{rng.randint(1, 90)}号",
                    phone,
                ),
                MemberData(head, sex="男"),
            )
            for relation in ("配偶", "子")[: rng.randint(0, 2)]:
                name = surname + rng.choice(GIVEN)
                households.insert_member(
                    s, h, households.clean_member(MemberData(name, relation, phone=""))
                )
    ids = [h.id for h in households.fetch_households(db, 0, 100)]
    codes = [r.code for r in points.list_rules(db)]
    for hid in ids:
        for _ in range(rng.randint(1, 6)):
            with contextlib.suppress(DomainError):  # a cap reached: skip, it is demo data
                points.award(db, admin, hid, rng.choice(codes), reason="村民会议评议")  # type: ignore[arg-type]
    points.batch_award(db, admin, ids[:40], "HJ01", "春季环境整治", skip_capped=True)  # type: ignore[arg-type]
    goods = []
    for name, price, category, unit, barcode in GOODS:
        g = supermarket.create_goods(
            db,
            admin,
            GoodsData(name, price, category, unit, barcode, low_stock_threshold=3),  # type: ignore[arg-type]
        )
        supermarket.receive_stock(
            db, admin, g.id, rng.randint(2, 30), donor=rng.choice(("", "爱心企业某公司"))
        )  # type: ignore[arg-type]
        goods.append(g)
    key = load_keys(data_dir.keys).card_key
    rich = max(households.fetch_households(db, 0, 100), key=lambda h: h.balance)
    card = cards.issue_card(db, admin, key, "H", rich.id)  # type: ignore[arg-type]
    cheap = [g for g in goods if g.points_price <= 12][:2]
    for hid in ids[:5]:
        with contextlib.suppress(DomainError):  # not enough points: skip
            supermarket.redeem(db, admin, supermarket.new_redemption_id(), hid, [(cheap[0].id, 1)])  # type: ignore[arg-type]
    return db, data_dir, admin, {"rich": rich, "card": card.payload, "goods": goods}


def pdf_to_png(pdf: bytes, out: Path, name: str) -> None:
    pdf_path = out / f"{name}.pdf"
    pdf_path.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "110", "-singlefile", str(pdf_path), str(out / name)], check=True
    )
    print(out / f"{name}.png")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="screenshots/points")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = create_application(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        db, data_dir, admin, facts = build_station(Path(tmp))
        settings = Settings(data_dir.settings_file)
        ctx = PageContext(db, data_dir, settings, admin, AppEvents())  # type: ignore[arg-type]

        from app.views.points.households_page import HouseholdsPage

        page = HouseholdsPage(ctx)
        page.resize(1366, 800)
        page.show()
        settle(app)
        page.households.view.selectRow(2)
        settle(app, lambda: page.households.detail.household is not None)
        grab(page, out, "01_households")
        page.households.search.setText("zs")
        page.households.apply_search()
        settle(app)
        page.tabs.setCurrentIndex(1)
        settle(app)
        grab(page, out, "02_rules")
        page.tabs.setCurrentIndex(2)
        page.periods.show_ratings()
        settle(app)
        grab(page, out, "03_periods")
        page.close()

        from app.views.points.options import SLIP_FOLDER, SLIP_OUTPUT
        from app.views.supermarket.page import SupermarketPage

        settings.set(SLIP_OUTPUT, "folder")
        settings.set(SLIP_FOLDER, str(Path(tmp) / "slips"))
        shop = SupermarketPage(ctx)
        shop.resize(1366, 800)
        shop.show()
        settle(app, lambda: shop.counter.facts is not None)
        counter = shop.counter
        counter.on_scanned(str(facts["card"]))
        settle(app, lambda: counter.household is not None)
        goods = facts["goods"]
        counter.add_goods_id(goods[3].id)  # type: ignore[index]
        counter.add_goods_id(goods[3].id)  # type: ignore[index]
        counter.add_goods_id(goods[4].id)  # type: ignore[index]
        counter.on_scanned(str(goods[2].barcode))  # type: ignore[index]
        settle(app)
        grab(shop, out, "04_counter_checkout")
        counter.confirm()
        settle(app, lambda: counter.household is None)
        settle(app)
        grab(shop, out, "05_counter_done")
        result = counter.last_result
        assert result is not None and counter.facts is not None
        from app.printing.slip import render_slip
        from app.services.documents.slips import slip_data

        data = slip_data(result, counter.facts.name, counter.facts.card_key)
        pdf_to_png(render_slip(data, "A4"), out, "06_slip_A4")
        pdf_to_png(render_slip(data, "80mm", ("客户联",)), out, "07_slip_80mm")
        shop.tabs.setCurrentIndex(1)
        settle(app)
        grab(shop, out, "08_goods")
        shop.close()
        settle(app)
        default_runner().wait_for_threads()
        db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
