"""The households-and-points demo filler: the service path, the bulk path, and their sameness."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from app.db import Database
from app.demo import points as demo_points
from app.demo import station as demo
from app.demo.station import DemoSize, create_demo_station
from app.models import (
    Card,
    ChangeCounter,
    Goods,
    Household,
    Member,
    PointEntry,
    Redemption,
    RedemptionVoid,
    syncable_tables,
)
from app.paths import DataDir
from app.services import audit, cards, keys, points, supermarket
from app.services.personal import id_check_digit

TINY = DemoSize(
    households=50,
    volunteers=0,
    activities=0,
    ledger_entries=2_000,
    redemptions=100,
    scan_events=0,
)
SEED = 7


def _only_points_filler(monkeypatch: pytest.MonkeyPatch, *, bulk: bool | None) -> None:
    """Run just this filler (later capabilities' fillers are not under test here)."""
    monkeypatch.setattr(
        demo,
        "FILLERS",
        [("households and points", functools.partial(demo_points.fill_demo, bulk=bulk))],
    )
    if hasattr(demo, "_load_fillers"):  # it would register the other capabilities' fillers
        monkeypatch.setattr(demo, "_load_fillers", lambda: None)


def _count(db: Database, model) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def _check_invariants(db: Database, *, households: int, entries: int, redemptions: int) -> None:
    assert _count(db, Household) == households
    assert _count(db, PointEntry) == entries
    assert _count(db, Redemption) == redemptions
    assert _count(db, RedemptionVoid) >= 1
    with db.read() as s:
        # every household has members and exactly one head, whose name is cached on it
        rows = s.execute(
            text(
                "SELECT h.id, h.head_name, count(m.id), sum(m.is_head), "
                "max(CASE WHEN m.is_head THEN m.name END), max(m.id = h.head_member_id) "
                "FROM household h JOIN member m ON m.household_id = h.id GROUP BY h.id"
            )
        ).all()
        assert len(rows) == households
        for _, head_name, members, heads, head_member, linked in rows:
            assert members >= 1 and heads == 1 and head_member == head_name and linked == 1
        assert _count(db, Member) > households * 2
        # personal data: valid synthetic ID numbers, stored masked next to the full value
        for id_number, masked, id_hash, phone, phone_masked in s.execute(
            select(
                Member.id_number,
                Member.id_masked,
                Member.id_hash,
                Member.phone,
                Member.phone_masked,
            )
        ):
            if id_number:
                assert id_check_digit(id_number[:17]) == id_number[17]
                assert masked == id_number[:3] + "*" * 11 + id_number[-4:]
                assert len(id_hash) == 64
            else:
                assert masked == "" and id_hash == ""
            if phone:
                assert re.fullmatch(r"1\d{10}", phone) and phone_masked[3:7] == "****"
        # one active household card each
        assert (
            s.scalar(
                select(func.count(func.distinct(Card.subject_id))).where(
                    Card.kind == "H", Card.revoked_at.is_(None)
                )
            )
            == households
        )
        # goods: 69… EAN-13 barcodes, stock on hand
        goods = s.execute(select(Goods.name, Goods.barcode, Goods.on_hand)).all()
        assert len(goods) >= 15
        for _name, barcode, _ in goods:
            assert barcode.startswith("69") and demo_points.ean13(barcode[:12]) == barcode
        assert sum(on_hand for *_, on_hand in goods) > 0
        # each entry's balance_after is the running sum of its household's entries
        broken = s.scalar(
            text(
                "SELECT count(*) FROM (SELECT balance_after, sum(points) OVER "
                "(PARTITION BY household_id ORDER BY id) AS running FROM point_entry) "
                "WHERE balance_after != running"
            )
        )
        assert broken == 0
        kinds = set(s.scalars(select(PointEntry.kind).distinct()))
        assert {"base", "earn", "deduct", "redeem", "reverse", "adjust"} <= kinds
    report = points.verify_balances(db)
    assert report.ok and report.checked == households
    assert supermarket.verify_stock(db) == []
    chain = audit.verify_chain(db)
    assert chain.ok, chain


def test_small_demo_goes_through_the_services(tmp_path: Path, monkeypatch) -> None:
    _only_points_filler(monkeypatch, bulk=None)
    data_dir = DataDir(tmp_path / "demo")
    db = create_demo_station(data_dir, "small")
    try:
        size = demo.SIZES["small"]
        _check_invariants(
            db,
            households=size.households,
            entries=size.ledger_entries,
            redemptions=size.redemptions,
        )
        # the services audited every action, e.g. one entry per redemption
        with db.read() as s:
            actions = dict(
                s.execute(text("SELECT action, count(*) FROM audit_entry GROUP BY action")).all()
            )
        assert actions["supermarket.redeem"] == size.redemptions
        assert actions["card.issue"] == size.households
        assert "demo.bulk_load" not in actions
        # a printed card scans back to its household
        card_key = keys.load_keys(data_dir.keys).card_key
        with db.read() as s:
            card_id, household_id = s.execute(select(Card.id, Card.subject_id).limit(1)).one()
        payload = cards.sign_payload(card_key, "H", card_id)
        assert cards.resolve_card(db, card_key, payload).subject_id == household_id
        # a searchable village: pinyin initials of a head find their household
        with db.read() as s:
            head_initials = s.scalar(select(Household.head_initials).limit(1))
        from app.services import households

        assert households.search(db, head_initials)
    finally:
        db.dispose()


def test_tiny_demo_through_the_bulk_path(tmp_path: Path, monkeypatch) -> None:
    _only_points_filler(monkeypatch, bulk=True)
    monkeypatch.setattr(demo_points, "TXN_ROWS", 700)  # several transactions, as at large
    db = create_demo_station(DataDir(tmp_path / "demo"), TINY, seed=SEED)
    try:
        _check_invariants(
            db,
            households=TINY.households,
            entries=TINY.ledger_entries,
            redemptions=TINY.redemptions,
        )
        station_id = db.station_id
        with db.read() as s:
            counter = s.scalar(select(ChangeCounter.value))
            assert counter
            for table in syncable_tables():
                unstamped = s.scalar(
                    text(
                        f"SELECT count(*) FROM {table} WHERE change_seq IS NULL "
                        "OR change_seq < 1 OR change_seq > :counter OR row_version IS NULL "
                        "OR row_version < 1 OR station_id != :station OR created_at IS NULL "
                        "OR updated_at IS NULL OR deleted IS NULL OR deleted != 0 "
                        "OR length(id) != 36"
                    ),
                    {"counter": counter, "station": station_id},
                )
                assert unstamped == 0, table
            # the ledgers were inserted once: version 1; the balance caches were written in
            # the last transaction (one more version unless inserted by that same transaction)
            for table in ("point_entry", "stock_move", "redemption", "redemption_line"):
                assert s.scalar(text(f"SELECT max(row_version) FROM {table}")) == 1
            transactions = s.scalar(text("SELECT count(DISTINCT change_seq) FROM point_entry"))
            assert transactions is not None and transactions > 2
            # (the demo's very last transaction seals the bulk rows: one more number)
            assert s.scalar(text("SELECT min(change_seq) FROM household")) == counter - 1
            assert s.scalar(text("SELECT min(row_version) FROM household")) == 2
            assert s.scalar(text("SELECT max(row_version) FROM household")) == 2
            actions = dict(
                s.execute(text("SELECT action, count(*) FROM audit_entry GROUP BY action")).all()
            )
        assert actions["demo.bulk_load"] == 1
    finally:
        db.dispose()


# --- the bulk rows are the rows the services write ---------------------------------------

_SEMANTIC = {
    "household": "SELECT number, number_sort, head_name, head_initials, group_name, address, "
    "phone, phone_masked, phone_tail, note, balance, rating, active FROM household",
    "member": "SELECT h.number, m.name, m.initials, m.relation, m.is_head, m.sex, m.birth_date, "
    "m.id_number, m.id_masked, m.id_hash != '', m.phone, m.phone_masked, m.phone_tail, "
    "m.active, m.left_reason FROM member m JOIN household h ON h.id = m.household_id",
    "card": "SELECT h.number, c.kind, c.serial, c.issued_by, c.revoked_at IS NULL, "
    "c.revoke_reason FROM card c JOIN household h ON h.id = c.subject_id",
    "point_period": "SELECT key, kind, state, base_points, end_action, note, "
    "publicized_at IS NULL, finalized_at IS NULL FROM point_period",
    "point_batch": "SELECT b.kind, b.rule_code, b.rule_name, b.reason, b.period, b.entry_count, "
    "b.total_points, b.operator_name, r.kind FROM point_batch b "
    "LEFT JOIN point_batch r ON r.id = b.reverses_batch_id",
    "point_entry": "SELECT h.number, e.member_name, m.name, e.kind, e.points, e.quantity, "
    "e.scored, e.rule_code, e.rule_name, e.rule_points, pr.code, e.reason, e.occurred_on, "
    "e.period, b.kind, e.link_type, coalesce(r.number, rv.number), o.kind, o.points, "
    "e.operator_name, e.balance_after FROM point_entry e "
    "JOIN household h ON h.id = e.household_id LEFT JOIN member m ON m.id = e.member_id "
    "LEFT JOIN point_rule pr ON pr.id = e.rule_id LEFT JOIN point_batch b ON b.id = e.batch_id "
    "LEFT JOIN redemption r ON r.id = e.link_id AND e.link_type = 'redemption' "
    "LEFT JOIN redemption rv ON rv.id = e.link_id AND e.link_type = 'redemption_void' "
    "LEFT JOIN point_entry o ON o.id = e.reverses_id",
    "stock_move": "SELECT g.name, s.kind, s.qty, s.on_hand_after, s.donor, s.reference, "
    "s.link_type, r.number, o.kind, o.qty, s.operator_name FROM stock_move s "
    "JOIN goods g ON g.id = s.goods_id LEFT JOIN redemption r ON r.id = s.link_id "
    "LEFT JOIN stock_move o ON o.id = s.reverses_id",
    "redemption": "SELECT r.number, r.household_number, r.head_name, h.number, r.total_points, "
    "r.balance_before, r.balance_after, e.points, e.balance_after, r.operator_name "
    "FROM redemption r JOIN household h ON h.id = r.household_id "
    "JOIN point_entry e ON e.id = r.point_entry_id",
    "redemption_line": "SELECT r.number, l.line_no, l.goods_name, g.name, l.unit, l.unit_points, "
    "l.qty, l.line_points, s.qty, s.reference FROM redemption_line l "
    "JOIN redemption r ON r.id = l.redemption_id JOIN goods g ON g.id = l.goods_id "
    "JOIN stock_move s ON s.id = l.stock_move_id",
    "redemption_void": "SELECT r.number, v.reason, e.points, e.kind, v.operator_name "
    "FROM redemption_void v JOIN redemption r ON r.id = v.redemption_id "
    "JOIN point_entry e ON e.id = v.point_entry_id",
    "print_log": "SELECT p.doc_type, r.number, p.copy_no, p.note, p.operator_name "
    "FROM print_log p JOIN redemption r ON r.id = p.doc_id",
    "goods": "SELECT name, category, unit, points_price, barcode, on_hand, low_stock_threshold, "
    "active FROM goods",
}


def _semantic_rows(db: Database) -> dict[str, list[tuple]]:
    with db.read() as s:
        return {
            table: sorted((tuple(r) for r in s.execute(text(sql)).all()), key=repr)
            for table, sql in _SEMANTIC.items()
        }


def test_bulk_rows_are_the_rows_the_services_write(tmp_path: Path, monkeypatch) -> None:
    size = DemoSize(
        households=30, volunteers=0, activities=0, ledger_entries=500, redemptions=40, scan_events=0
    )
    found = {}
    for bulk in (False, True):
        _only_points_filler(monkeypatch, bulk=bulk)
        db = create_demo_station(DataDir(tmp_path / f"demo-{bulk}"), size, seed=SEED)
        try:
            found[bulk] = _semantic_rows(db)
        finally:
            db.dispose()
    for table in _SEMANTIC:
        assert found[True][table], table
        assert found[True][table] == found[False][table], table


def test_ean13_and_group_names() -> None:
    assert demo_points.ean13("400638133393") == "4006381333931"  # a published example
    assert demo_points.ean13("690123456789") == "6901234567892"
    with pytest.raises(ValueError):
        demo_points.ean13("12345")
    assert demo_points.group_name(3) == "第三村民小组"
    assert demo_points.group_name(10) == "第十村民小组"
    assert demo_points.group_name(12) == "第十二村民小组"
    assert demo_points.group_name(40) == "第四十村民小组"
