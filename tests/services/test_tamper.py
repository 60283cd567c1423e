"""Tamper evidence that a careful edit cannot pass: direct edits of the database
with the sqlite3 tool — single fields, consistent pairs (an entry and the
balance it moved), rows deleted or inserted, seals rewritten to match, the audit
log truncated and re-hashed — are each reported by ``check --full``.

Each kind makes at least 50 random edits on a copy of a demo station (guard
triggers dropped first, as an attacker would, and put back after) and checks
that the report names every edited row.
"""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app.db import Database
from app.demo.station import create_demo_station
from app.paths import DataDir
from app.services import audit, backup
from app.services.audit import UNSEALED
from app.services.checks import run_checks

EDITS_PER_KIND = 50


@pytest.fixture(scope="module")
def demo_station(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = DataDir(tmp_path_factory.mktemp("tamper") / "demo")
    db = create_demo_station(data, "small", seed=7)
    try:
        backup.make_backup(db, data.backups, "manual")  # signs an anchor of the chain's head
    finally:
        db.dispose()
    return data.root


@pytest.fixture
def station(demo_station: Path, tmp_path: Path) -> Iterator[Path]:
    copy = tmp_path / "station"
    shutil.copytree(demo_station, copy, ignore=shutil.ignore_patterns("backups"))
    yield copy


class Editor:
    """The sqlite3 tool in an attacker's hands: guards off, edit, guards back on."""

    def __init__(self, folder: Path, seed: int) -> None:
        self.path = folder / "station.db"
        self.rng = random.Random(seed)
        self.con = sqlite3.connect(self.path, isolation_level=None)
        self.saved = self.con.execute(
            "SELECT sql FROM sqlite_master WHERE type='trigger'"
        ).fetchall()
        for (name,) in self.con.execute(
            "SELECT name FROM sqlite_master WHERE type='trigger'"
        ).fetchall():
            self.con.execute(f'DROP TRIGGER "{name}"')

    def rows(self) -> dict[tuple[str, str], tuple]:
        return {
            (table, str(row[0])): row
            for table in self.tables()
            for row in self.con.execute(f'SELECT id, * FROM "{table}"')
        }

    def close(self) -> None:
        for (sql,) in self.saved:
            self.con.execute(sql)
        self.con.close()

    def tables(self) -> list[str]:
        names = [
            r[0]
            for r in self.con.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return [n for n in names if n not in UNSEALED and self.count(n)]

    def count(self, table: str) -> int:
        return self.con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]

    def ids(self, table: str, where: str = "1") -> list[str]:
        return [r[0] for r in self.con.execute(f'SELECT id FROM "{table}" WHERE {where}')]

    def columns(self, table: str) -> list[tuple[str, str]]:
        return [(r[1], r[2].upper()) for r in self.con.execute(f'PRAGMA table_info("{table}")')]


def _flip(value: object, kind: str, rng: random.Random) -> object:
    if isinstance(value, int) and not isinstance(value, bool):
        return value + rng.choice([-3, -1, 1, 2, 7, 100])
    if isinstance(value, float):
        return value + 0.5
    if isinstance(value, str):
        return value + rng.choice(["x", "改", " ", "0"])
    if value is None:
        return 1 if "INT" in kind or "BOOL" in kind else "x"
    return b"x"


def single_field_edits(ed: Editor) -> set[tuple[str, str]]:
    edited = set()
    tables = ed.tables()
    while len(edited) < EDITS_PER_KIND * 2:
        table = ed.rng.choice(tables)
        row_id = ed.rng.choice(ed.ids(table))
        if (table, row_id) in edited:
            continue
        columns = [c for c in ed.columns(table) if c[0] != "id"]
        name, kind = ed.rng.choice(columns)
        value = ed.con.execute(
            f'SELECT "{name}" FROM "{table}" WHERE id = ?', (row_id,)
        ).fetchone()[0]
        try:
            ed.con.execute(
                f'UPDATE "{table}" SET "{name}" = ? WHERE id = ?',
                (_flip(value, kind, ed.rng), row_id),
            )
        except sqlite3.IntegrityError:
            continue  # a unique or foreign key the tool refuses as well
        edited.add((table, row_id))
    return edited


def entry_with_balance(ed: Editor) -> set[tuple[str, str]]:
    """An entry ±N with its household's balance ±N: the ledger still adds up."""
    edited = set()
    rows = ed.con.execute("SELECT id, household_id FROM point_entry").fetchall()
    for entry_id, household_id in ed.rng.sample(rows, EDITS_PER_KIND):
        n = ed.rng.choice([-5, 3, 10, 50])
        ed.con.execute("UPDATE point_entry SET points = points + ? WHERE id = ?", (n, entry_id))
        ed.con.execute("UPDATE household SET balance = balance + ? WHERE id = ?", (n, household_id))
        edited |= {("point_entry", entry_id), ("household", household_id)}
    return edited


def entry_deleted_with_balance(ed: Editor) -> set[tuple[str, str]]:
    edited = set()
    rows = ed.con.execute("SELECT id, household_id, points FROM point_entry").fetchall()
    for entry_id, household_id, n in ed.rng.sample(rows, EDITS_PER_KIND):
        ed.con.execute("DELETE FROM point_entry WHERE id = ?", (entry_id,))
        ed.con.execute("UPDATE household SET balance = balance - ? WHERE id = ?", (n, household_id))
        edited |= {("point_entry", entry_id), ("household", household_id)}
    return edited


def _copy_row(ed: Editor, table: str, row_id: str, changes: dict[str, object]) -> str:
    columns = [c for c, _ in ed.columns(table)]
    row = dict(
        zip(
            columns,
            ed.con.execute(f'SELECT * FROM "{table}" WHERE id = ?', (row_id,)).fetchone(),
            strict=True,
        )
    )
    new_id = hashlib.sha256(f"{table}{row_id}{ed.rng.random()}".encode()).hexdigest()[:36]
    row.update(changes, id=new_id)
    marks = ",".join("?" * len(columns))
    ed.con.execute(
        f'INSERT INTO "{table}" ({",".join(columns)}) VALUES ({marks})', [row[c] for c in columns]
    )
    return new_id


def entry_inserted_with_balance(ed: Editor) -> set[tuple[str, str]]:
    edited = set()
    rows = ed.con.execute("SELECT id, household_id FROM point_entry").fetchall()
    for entry_id, household_id in ed.rng.sample(rows, EDITS_PER_KIND):
        new_id = _copy_row(ed, "point_entry", entry_id, {"points": 20})
        ed.con.execute("UPDATE household SET balance = balance + 20 WHERE id = ?", (household_id,))
        edited |= {("point_entry", new_id), ("household", household_id)}
    return edited


def stock_move_with_on_hand(ed: Editor) -> set[tuple[str, str]]:
    edited = set()
    rows = ed.con.execute("SELECT id, goods_id FROM stock_move").fetchall()
    for move_id, goods_id in ed.rng.sample(rows, EDITS_PER_KIND):
        ed.con.execute("UPDATE stock_move SET qty = qty + 4 WHERE id = ?", (move_id,))
        ed.con.execute("UPDATE goods SET on_hand = on_hand + 4 WHERE id = ?", (goods_id,))
        edited |= {("stock_move", move_id), ("goods", goods_id)}
    return edited


def service_record_with_state(ed: Editor) -> set[tuple[str, str]]:
    edited = set()
    rows = ed.con.execute(
        "SELECT r.id, s.id FROM service_record r JOIN service_record_state s ON s.record_id = r.id"
    ).fetchall()
    for record_id, state_id in ed.rng.sample(rows, EDITS_PER_KIND):
        ed.con.execute(
            "UPDATE service_record SET minutes = minutes + 120 WHERE id = ?", (record_id,)
        )
        ed.con.execute(
            "UPDATE service_record_state SET minutes = minutes + 120 WHERE id = ?", (state_id,)
        )
        edited |= {("service_record", record_id), ("service_record_state", state_id)}
    return edited


def rows_inserted_everywhere(ed: Editor) -> set[tuple[str, str]]:
    edited = set()
    tables = ed.tables()
    while len(edited) < EDITS_PER_KIND:
        table = ed.rng.choice(tables)
        try:
            edited.add((table, _copy_row(ed, table, ed.rng.choice(ed.ids(table)), {})))
        except sqlite3.IntegrityError:
            continue  # a unique column (a rule code, a card payload): the tool refuses too
    return edited


def rows_deleted_everywhere(ed: Editor) -> set[tuple[str, str]]:
    edited = set()
    ed.con.execute("PRAGMA foreign_keys=OFF")
    tables = ed.tables()
    while len(edited) < EDITS_PER_KIND:
        table = ed.rng.choice(tables)
        ids = ed.ids(table)
        if len(ids) < 2:
            continue
        row_id = ed.rng.choice(ids)
        ed.con.execute(f'DELETE FROM "{table}" WHERE id = ?', (row_id,))
        edited.add((table, row_id))
    return edited


def edit_with_matching_seal(ed: Editor) -> set[tuple[str, str]]:
    """The careful attacker: edit an entry and rewrite its latest seal to match."""
    edited = set()
    rows = ed.con.execute("SELECT id FROM point_entry").fetchall()
    columns = [c for c, _ in ed.columns("point_entry")]
    for (entry_id,) in ed.rng.sample(rows, EDITS_PER_KIND):
        ed.con.execute("UPDATE point_entry SET points = points + 9 WHERE id = ?", (entry_id,))
        values = ed.con.execute("SELECT * FROM point_entry WHERE id = ?", (entry_id,)).fetchone()
        ed.con.execute(
            "UPDATE audit_row SET row_hash = ? WHERE id = (SELECT max(id) FROM audit_row "
            "WHERE table_name = 'point_entry' AND row_key = ?)",
            (audit.row_hash("point_entry", columns, values), entry_id),
        )
        edited.add(("point_entry", entry_id))
    return edited


EDITS: dict[str, Callable[[Editor], set[tuple[str, str]]]] = {
    "one field of a random row of any table": single_field_edits,
    "an entry ±N with the balance ±N": entry_with_balance,
    "an entry deleted with the balance adjusted": entry_deleted_with_balance,
    "an entry inserted with the balance adjusted": entry_inserted_with_balance,
    "a stock move with goods on hand": stock_move_with_on_hand,
    "a service record with its state row": service_record_with_state,
    "rows inserted into any table": rows_inserted_everywhere,
    "rows deleted from any table": rows_deleted_everywhere,
    "an edit with its seal rewritten to match": edit_with_matching_seal,
}


def _named(report: audit.SealReport) -> set[tuple[str, str]]:
    return {tuple(p.split(":", 1)[0].split(" ", 1)) for p in report.problems}  # type: ignore[misc]


@pytest.mark.parametrize("kind", list(EDITS))
def test_every_direct_edit_is_reported_by_check_full(station: Path, kind: str) -> None:
    db = Database(station / "station.db")
    try:
        assert all(r.ok for r in run_checks(db, full=True))
        ed = Editor(station, seed=sum(map(ord, kind)))
        try:
            before = ed.rows()
            edited = EDITS[kind](ed)
            after = ed.rows()
        finally:
            ed.close()
        # a row edited twice back to what it was (two entries of one household
        # whose points cancel out) is not an edit
        edited = {key for key in edited if before.get(key) != after.get(key)}
        assert len(edited) >= EDITS_PER_KIND
        report = audit.verify_seals(db, limit=10_000)
        results = {r.name: r for r in run_checks(db, full=True)}
        assert not results["Every row accounted for in the audit log"].ok
        if kind == "an edit with its seal rewritten to match":
            # the seal matches the row now, but not the digest its entry carries
            assert sum("row seals it covers were changed" in p for p in report.problems) >= 1
            assert report.total_problems >= 1
        else:
            missed = edited - _named(report)
            assert not missed, (
                f"{len(missed)} of {len(edited)} edits not reported: {sorted(missed)[:5]}"
            )
            print(f"{kind}: {len(edited)} edited rows, all {len(edited)} reported")
    finally:
        db.dispose()


def _rehash_chain(con: sqlite3.Connection) -> None:
    prev = audit.GENESIS
    rows = con.execute(
        "SELECT id, station_id, seq, at, operator_id, operator_name, action, target_type, "
        "target_id, summary, rows_digest FROM audit_entry ORDER BY seq"
    ).fetchall()
    for seq, row in enumerate(rows, start=1):
        at = row[3] if "." in row[3] else row[3] + ".000000"
        content = [row[0], row[1], seq, at.replace(" ", "T"), *row[4:10], prev]
        if row[10]:
            content.append(row[10])
        digest = hashlib.sha256(
            json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode()
        ).hexdigest()
        con.execute(
            "UPDATE audit_entry SET seq = ?, prev_hash = ?, entry_hash = ? WHERE id = ?",
            (seq, prev, digest, row[0]),
        )
        prev = digest


@pytest.mark.parametrize("cut", [1, 5, 40])
def test_a_truncated_and_rehashed_audit_log_is_caught_by_the_signed_anchor(
    station: Path, cut: int
) -> None:
    db = Database(station / "station.db")
    try:
        ed = Editor(station, seed=cut)
        try:
            top = ed.con.execute("SELECT max(seq) FROM audit_entry").fetchone()[0]
            ed.con.execute("DELETE FROM audit_entry WHERE seq > ?", (top - cut,))
            # and one early entry edited, the whole chain re-hashed to hide both
            ed.con.execute("UPDATE audit_entry SET summary = '{}' WHERE seq = 3")
            _rehash_chain(ed.con)
        finally:
            ed.close()
        assert audit.verify_chain(db).ok  # the chain alone is self-consistent again
        results = {r.name: r for r in run_checks(db, full=True)}
        assert not results["Audit log against its signed anchors"].ok
    finally:
        db.dispose()


def test_the_anchor_file_outlives_anchors_deleted_from_the_database(station: Path) -> None:
    db = Database(station / "station.db")
    try:
        ed = Editor(station, seed=1)
        try:
            ed.con.execute("DELETE FROM audit_anchor")
            top = ed.con.execute("SELECT max(seq) FROM audit_entry").fetchone()[0]
            ed.con.execute("DELETE FROM audit_entry WHERE seq > ?", (top - 3,))
        finally:
            ed.close()
        report = audit.verify_anchors(db)
        assert not report.ok and "truncated" in report.reason
    finally:
        db.dispose()
