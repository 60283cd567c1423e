"""积分超市: goods, stock ledger, the idempotent redemption, refusals, void, prints."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from household_factory import new_household, snapshot
from PIL import Image
from PySide6.QtGui import QColor, QImage
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from app.errors import NotFound, PermissionDenied, ValidationError
from app.models import AuditEntry, PointEntry, Redemption, RedemptionLine, Role, StockMove
from app.services import audit, photos, points, supermarket
from app.services.auth import Actor
from app.services.points import (
    BelowMinimumBalance,
    BelowPassLine,
    InsufficientBalance,
    PointsSettings,
)
from app.services.supermarket import (
    AlreadyVoided,
    GoodsData,
    GoodsUnavailable,
    OutOfStock,
    RedemptionProblem,
)


@pytest.fixture
def shop(station_db):
    db, admin = station_db
    with db.write() as s:
        points.seed_default_rules(s)
    counter = Actor(admin.operator_id, "counter", "值守员", Role.COUNTER)
    h = new_household(db, admin, "001", "张三")
    poor = new_household(db, admin, "002", "李四")
    points.award(db, admin, h.id, "BZ01")  # 50 points
    oil = supermarket.create_goods(
        db, admin, GoodsData("食用油", 20, "粮油", "桶", "6901234567890", low_stock_threshold=2)
    )
    soap = supermarket.create_goods(db, admin, GoodsData("肥皂", 3, "日用品", "块"))
    supermarket.receive_stock(db, admin, oil.id, 5, reference="发票001")
    supermarket.receive_stock(db, admin, soap.id, 10, donor="爱心企业某公司")
    return db, admin, counter, h, poor, oil, soap


def test_redeem_writes_header_lines_ledger_and_stock_in_one_go(shop) -> None:
    db, _, counter, h, _, oil, soap = shop
    rid = supermarket.new_redemption_id()
    result = supermarket.redeem(db, counter, rid, h.id, [(oil.id, 1), (soap.id, 2), (soap.id, 1)])
    assert result.number.startswith("DH-") and result.number.endswith("-000001")
    assert (result.total_points, result.balance_before, result.balance_after) == (29, 50, 21)
    assert [(x.goods_name, x.qty, x.unit_points, x.line_points) for x in result.lines] == [
        ("食用油", 1, 20, 20),
        ("肥皂", 3, 3, 9),
    ]  # the two soap scans merged into one line
    assert not result.already_existed and result.print_count == 0
    assert points.balance(db, h.id) == 21
    goods = {g.id: g.on_hand for g in supermarket.list_goods(db)}
    assert goods == {oil.id: 4, soap.id: 7}
    with db.read() as s:
        entry = s.scalars(select(PointEntry).where(PointEntry.kind == "redeem")).one()
        assert (entry.points, entry.link_id, entry.scored) == (-29, rid, False)
    second = supermarket.redeem(db, counter, supermarket.new_redemption_id(), h.id, [(soap.id, 1)])
    assert second.number.endswith("-000002")
    # spending does not lower the household's score
    assert points.rankings(db, str(result.created_at.year))[0].score == 50


def test_same_redemption_id_twice_redeems_once(shop) -> None:
    """Double click, double scan or a retry after a crash: one redemption."""
    db, _, counter, h, _, oil, _ = shop
    rid = supermarket.new_redemption_id()
    first = supermarket.redeem(db, counter, rid, h.id, [(oil.id, 1)])
    before = snapshot(db)
    again = supermarket.redeem(db, counter, rid, h.id, [(oil.id, 1)])
    assert again.already_existed and again.number == first.number
    assert again.balance_after == first.balance_after == 30
    assert snapshot(db) == before


def test_concurrent_submissions_of_one_checkout_redeem_once(shop) -> None:
    db, _, counter, h, _, oil, _ = shop
    rid = supermarket.new_redemption_id()
    results: list[object] = []

    def submit() -> None:
        results.append(supermarket.redeem(db, counter, rid, h.id, [(oil.id, 1)]))

    threads = [threading.Thread(target=submit) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 4
    assert sum(not r.already_existed for r in results) == 1  # type: ignore[attr-defined]
    assert points.balance(db, h.id) == 30
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Redemption)) == 1


def test_reusing_a_checkout_id_for_another_household_is_refused(shop) -> None:
    db, admin, counter, h, poor, _, soap = shop
    points.award(db, admin, poor.id, "BZ02")
    rid = supermarket.new_redemption_id()
    supermarket.redeem(db, counter, rid, h.id, [(soap.id, 1)])
    before = snapshot(db)
    with pytest.raises(RedemptionProblem, match="another household"):
        supermarket.redeem(db, counter, rid, poor.id, [(soap.id, 1)])
    assert snapshot(db) == before


@pytest.mark.parametrize(
    ("case", "error", "fragment"),
    [
        ("insufficient", InsufficientBalance, "need 60"),
        ("out_of_stock", OutOfStock, "Only 5"),
        ("zero_qty", ValidationError, "1 or more"),
        ("negative_qty", ValidationError, "1 or more"),
        ("no_lines", ValidationError, "at least one"),
        ("unknown_goods", NotFound, "goods"),
        ("unknown_household", NotFound, "household"),
        ("bad_id", ValidationError, "not valid"),
    ],
)
def test_redemption_refusals_change_nothing(shop, case, error, fragment) -> None:
    db, _, counter, h, _, oil, soap = shop
    rid = supermarket.new_redemption_id()
    household, lines = h.id, [(oil.id, 1)]
    if case == "insufficient":
        lines = [(oil.id, 3)]
    elif case == "out_of_stock":
        points.adjust(db, shop[1], h.id, 500, "测试")
        lines = [(oil.id, 6)]
    elif case == "zero_qty":
        lines = [(oil.id, 0)]
    elif case == "negative_qty":
        lines = [(soap.id, 2), (oil.id, -1)]
    elif case == "no_lines":
        lines = []
    elif case == "unknown_goods":
        lines = [("nope", 1)]
    elif case == "unknown_household":
        household = "nope"
    elif case == "bad_id":
        rid = "1234"
    before = snapshot(db)
    with pytest.raises(error) as err:
        supermarket.redeem(db, counter, rid, household, lines)
    assert fragment in err.value.untranslated
    assert snapshot(db) == before
    with db.read() as s:
        assert s.get(Redemption, rid) is None


def test_inactive_goods_cannot_be_redeemed(shop) -> None:
    db, admin, counter, h, _, oil, _ = shop
    supermarket.set_goods_active(db, admin, oil.id, False)
    before = snapshot(db)
    with pytest.raises(GoodsUnavailable):
        supermarket.redeem(db, counter, supermarket.new_redemption_id(), h.id, [(oil.id, 1)])
    assert snapshot(db) == before


def test_pass_line_and_minimum_balance_block_redemption(shop) -> None:
    db, _, counter, h, poor, _, soap = shop
    before = snapshot(db)
    with pytest.raises(BelowPassLine) as err:
        supermarket.redeem(
            db,
            counter,
            supermarket.new_redemption_id(),
            h.id,
            [(soap.id, 1)],
            PointsSettings(pass_line=60),
        )
    assert "60" in err.value.untranslated and "50" in err.value.untranslated
    with pytest.raises(BelowMinimumBalance):
        supermarket.redeem(
            db,
            counter,
            supermarket.new_redemption_id(),
            poor.id,
            [(soap.id, 1)],
            PointsSettings(min_balance=5),
        )
    assert snapshot(db) == before
    ok = supermarket.redeem(
        db,
        counter,
        supermarket.new_redemption_id(),
        h.id,
        [(soap.id, 1)],
        PointsSettings(pass_line=50, min_balance=5),
    )
    assert ok.balance_after == 47


def test_void_returns_points_and_goods_with_compensating_entries(shop) -> None:
    db, admin, counter, h, _, oil, soap = shop
    r = supermarket.redeem(
        db, counter, supermarket.new_redemption_id(), h.id, [(oil.id, 2), (soap.id, 1)]
    )
    with pytest.raises(PermissionDenied):
        supermarket.void_redemption(db, counter, r.id, "顾客退回")
    with pytest.raises(ValidationError, match="reason"):
        supermarket.void_redemption(db, admin, r.id, "  ")
    void = supermarket.void_redemption(db, admin, r.id, "录错商品")
    assert (void.points_returned, void.balance_after) == (43, 50)
    assert {g.id: g.on_hand for g in supermarket.list_goods(db)} == {oil.id: 5, soap.id: 10}
    with db.read() as s:
        moves = s.scalars(select(StockMove).where(StockMove.kind == "void")).all()
        originals = set(s.scalars(select(RedemptionLine.stock_move_id)))
        assert {m.reverses_id for m in moves} == originals
        rev = s.scalars(select(PointEntry).where(PointEntry.kind == "reverse")).one()
        assert rev.points == 43 and rev.link_id == r.id
    again = supermarket.get_redemption(db, r.id)
    assert again.voided and again.void_reason == "录错商品"
    before = snapshot(db)
    with pytest.raises(AlreadyVoided):
        supermarket.void_redemption(db, admin, r.id, "again")
    with pytest.raises(NotFound):
        supermarket.void_redemption(db, admin, supermarket.new_redemption_id(), "x")
    assert snapshot(db) == before
    assert points.verify_balances(db).ok and supermarket.verify_stock(db) == []
    assert audit.verify_chain(db).ok


def test_crash_before_printing_leaves_an_unprinted_slip_that_prints_once_then_reprints(
    shop,
) -> None:
    db, _, counter, h, _, oil, _ = shop
    r = supermarket.redeem(db, counter, supermarket.new_redemption_id(), h.id, [(oil.id, 1)])
    # the counter PC "crashed" here: the next start-up asks for the missing slips
    assert [u.id for u in supermarket.unprinted_redemptions(db)] == [r.id]
    first = supermarket.record_print(db, counter, r.id)
    assert (first.copy_no, first.is_reprint) == (1, False)
    assert supermarket.unprinted_redemptions(db) == []
    second = supermarket.record_print(db, counter, r.id)
    assert (second.copy_no, second.is_reprint) == (2, True)  # printed as 补打
    assert supermarket.get_redemption(db, r.id).print_count == 2
    with pytest.raises(NotFound):
        supermarket.record_print(db, counter, supermarket.new_redemption_id())


def test_redemption_rows_are_append_only(shop) -> None:
    db, _, counter, h, _, oil, _ = shop
    supermarket.redeem(db, counter, supermarket.new_redemption_id(), h.id, [(oil.id, 1)])
    for table in ("redemption", "redemption_line", "stock_move"):
        with pytest.raises(IntegrityError, match="append-only"), db.write() as s:
            s.execute(text(f"UPDATE {table} SET station_id = 'x'"))


def test_stock_receipts_damage_stocktake_and_low_stock(shop) -> None:
    db, admin, _, _, _, oil, soap = shop
    moves = supermarket.stock_moves(db, soap.id)
    assert [(m.kind, m.qty, m.donor) for m in moves] == [("donation", 10, "爱心企业某公司")]
    damage = supermarket.record_damage(db, admin, oil.id, 2, "漏油")
    assert (damage.kind, damage.qty, damage.on_hand_after) == ("damage", -2, 3)
    before = snapshot(db)
    with pytest.raises(OutOfStock):
        supermarket.record_damage(db, admin, oil.id, 4, "漏油")
    with pytest.raises(ValidationError):
        supermarket.record_damage(db, admin, oil.id, 1, "")
    with pytest.raises(ValidationError):
        supermarket.receive_stock(db, admin, oil.id, 0)
    with pytest.raises(ValidationError):
        supermarket.stocktake(db, admin, oil.id, -1)
    assert snapshot(db) == before
    assert supermarket.stocktake(db, admin, oil.id, 3) is None  # agrees: nothing written
    take = supermarket.stocktake(db, admin, oil.id, 1, "盘点少两桶")
    assert take is not None and (take.kind, take.qty, take.on_hand_after) == ("stocktake", -2, 1)
    assert [g.name for g in supermarket.low_stock(db)] == ["食用油"]
    assert supermarket.verify_stock(db) == []


def test_goods_validation_barcode_and_search(shop) -> None:
    db, admin, counter, _, _, oil, _ = shop
    with pytest.raises(ValidationError, match="already belongs"):
        supermarket.create_goods(db, admin, GoodsData("大米", 30, barcode="6901234567890"))
    for bad in (
        GoodsData("", 1),
        GoodsData("米", 0),
        GoodsData("米", -5),
        GoodsData("米", 1, barcode="条 码"),
        GoodsData("米", 1, low_stock_threshold=-1),
    ):
        with pytest.raises(ValidationError):
            supermarket.create_goods(db, admin, bad)
    with pytest.raises(PermissionDenied):
        supermarket.create_goods(db, counter, GoodsData("米", 1))
    assert supermarket.find_goods_by_barcode(db, "6901234567890").id == oil.id
    assert [g.name for g in supermarket.list_goods(db, query="syy")] == ["食用油"]
    assert [g.name for g in supermarket.list_goods(db, query="肥")] == ["肥皂"]
    updated = supermarket.update_goods(db, admin, oil.id, GoodsData("食用油", 25, unit="桶"))
    assert updated.points_price == 25 and updated.barcode is None


# --- goods photos ------------------------------------------------------------------------


def picture(path: Path, color: str = "red") -> Path:
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    assert image.save(str(path))
    return path


def audit_actions(db, target_id: str) -> list[str]:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return list(
            s.scalars(
                select(AuditEntry.action)
                .where(AuditEntry.target_id == target_id)
                .order_by(AuditEntry.seq)
            )
        )


def stored_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


def test_goods_photo_is_copied_audited_and_removal_keeps_the_file(
    shop, data_dir, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    db, admin, _, _, _, oil, _ = shop
    src = picture(tmp_path / "油.PNG")
    goods = supermarket.set_goods_photo(db, admin, data_dir.photos, oil.id, src)
    assert goods.photo_path is not None
    assert goods.photo_path.startswith(f"goods/{oil.id}/") and goods.photo_path.endswith(".jpg")
    first = data_dir.photos / goods.photo_path
    stored = Image.open(first)  # a re-encoded JPEG copy of the PNG
    assert (stored.format, stored.size) == ("JPEG", Image.open(src).size)
    assert not [p for p in first.parent.iterdir() if p.name.startswith(".")]  # no temp file left
    listed = {g.id: g.photo_path for g in supermarket.list_goods(db)}
    assert listed[oil.id] == goods.photo_path

    # a new photo is a new file; the old one stays (write-once)
    second = supermarket.set_goods_photo(
        db, admin, data_dir.photos, oil.id, picture(tmp_path / "b.jpg", "blue")
    )
    assert second.photo_path != goods.photo_path and first.exists()

    removed = supermarket.set_goods_photo(db, admin, data_dir.photos, oil.id, None)
    assert removed.photo_path is None
    assert first.exists() and (data_dir.photos / str(second.photo_path)).exists()
    # removing nothing writes nothing
    before = snapshot(db)
    supermarket.set_goods_photo(db, admin, data_dir.photos, oil.id, None)
    assert snapshot(db) == before
    assert audit_actions(db, oil.id)[-3:] == [
        "goods.photo_set",
        "goods.photo_set",
        "goods.photo_remove",
    ]
    assert audit.verify_chain(db).ok


@pytest.mark.parametrize("name", ["notes.txt", "huge.jpg", "empty.png", "missing.jpg"])
def test_refused_goods_photos_write_nothing(shop, data_dir, tmp_path: Path, name: str) -> None:  # type: ignore[no-untyped-def]
    db, admin, _, _, _, oil, _ = shop
    src = tmp_path / name
    if name == "notes.txt":
        picture(tmp_path / "real.png").rename(src)  # a picture's bytes, not a picture's name
    elif name == "huge.jpg":
        with src.open("wb") as f:
            f.truncate(photos.MAX_PHOTO_BYTES + 1)  # sparse: costs no disk
    elif name == "empty.png":
        src.write_bytes(b"")
    before = snapshot(db)
    with pytest.raises(ValidationError):
        supermarket.set_goods_photo(db, admin, data_dir.photos, oil.id, src)
    assert snapshot(db) == before
    assert stored_files(data_dir.photos) == []
    assert all(g.photo_path is None for g in supermarket.list_goods(db))


def test_goods_photo_permission_missing_goods_and_failed_transaction(
    shop, data_dir, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    db, admin, counter, _, _, oil, _ = shop
    src = picture(tmp_path / "a.png")
    with pytest.raises(PermissionDenied):
        supermarket.set_goods_photo(db, counter, data_dir.photos, oil.id, src)
    with pytest.raises(NotFound):
        supermarket.set_goods_photo(db, admin, data_dir.photos, "nope", src)

    def broken(*_a, **_k):  # type: ignore[no-untyped-def]
        raise RuntimeError("disk full")

    monkeypatch.setattr(audit, "record", broken)  # as goods.set_goods_photo looks it up
    with pytest.raises(RuntimeError):
        supermarket.set_goods_photo(db, admin, data_dir.photos, oil.id, src)
    assert stored_files(data_dir.photos) == []  # the copy is removed with the transaction
    monkeypatch.undo()
    assert {g.id: g.photo_path for g in supermarket.list_goods(db)}[oil.id] is None
