"""The station's export and enrolment file (issue 14): what leaves the station, and how."""

from __future__ import annotations

import json
import sqlite3
import zipfile

import pytest
from sqlalchemy import select
from sync_helpers import World

from app.i18n import restore_catalog, use_catalog
from app.models import Member, Volunteer
from app.services.station import INCARNATION, get_state, set_state
from app.sync.enrol import enrol_station, read_enrolment, write_enrolment
from app.sync.errors import EnrolmentRefused
from app.sync.export import HASH_KEY, export_sync, set_acknowledged, sync_status


def _payload(path, tmp_path) -> sqlite3.Connection:
    with zipfile.ZipFile(path) as zf:
        (tmp_path / "p.sqlite").write_bytes(zf.read("payload.sqlite"))
    return sqlite3.connect(tmp_path / "p.sqlite")


def test_an_export_starts_after_the_acknowledged_sequence_never_the_last_export(world, tmp_path):
    station = world.a
    first = export_sync(station.db, station.data_dir, tmp_path / "1")
    second = export_sync(station.db, station.data_dir, tmp_path / "2")
    assert first.seq_from == second.seq_from == 1  # exporting marks nothing synced
    incarnation = get_state(station.db, INCARNATION)
    assert not set_acknowledged(station.db, "another-incarnation", 50)  # not this copy's
    assert sync_status(station.db).acked_seq == 0
    assert set_acknowledged(station.db, incarnation, 50)
    third = export_sync(station.db, station.data_dir, tmp_path / "3")
    assert (third.seq_from, third.acked_seq) == (51, 50)
    assert third.path.name == f"330481101001_51-{third.seq_to}.wbsync"
    assert sync_status(station.db).waiting == third.seq_to - 50
    full = export_sync(station.db, station.data_dir, tmp_path / "4", full=True)
    assert full.seq_from == 1 and full.rows == first.rows
    with zipfile.ZipFile(third.path) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    assert manifest["prev_sha256"]  # the chain of files: the previous one's hash
    assert (manifest["base_seq"], manifest["base_incarnation"]) == (50, incarnation)


def test_the_file_is_renamed_into_place_and_no_temporary_file_is_left(world, tmp_path):
    stick = tmp_path / "stick"
    summary = export_sync(world.a.db, world.a.data_dir, stick)
    assert [p.name for p in stick.iterdir()] == [summary.path.name]
    with zipfile.ZipFile(summary.path) as zf:
        assert sorted(zf.namelist()) == ["manifest.json", "manifest.sig", "payload.sqlite"]
    with _payload(summary.path, tmp_path) as con:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        kinds = {r[0] for r in con.execute("SELECT type FROM sqlite_master")}
    assert kinds == {"table"}  # no index, trigger or view of its own


def _full_values(db) -> set[str]:
    with db.read() as s:
        values = set()
        for cls in (Member, Volunteer):
            for id_number, phone in s.execute(select(cls.id_number, cls.phone)):
                values |= {v for v in (id_number, phone) if v}
    return values


@pytest.mark.parametrize("keyed", [False, True])
def test_no_full_id_number_or_phone_leaves_the_station(world: World, tmp_path, keyed):
    station = world.a
    full = _full_values(station.db)
    assert len(full) > 10  # the demo's residents have ID numbers and phones
    if keyed:
        with station.db.write() as s:
            set_state(s, HASH_KEY, "ab" * 32)
    summary = export_sync(station.db, station.data_dir, tmp_path)
    con = _payload(summary.path, tmp_path)
    raw = (tmp_path / "p.sqlite").read_bytes()
    try:
        for value in full:
            assert value.encode() not in raw
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master")]
        for table in tables:
            for row in con.execute(f'SELECT * FROM "{table}"'):
                assert not any(str(v) in full for v in row if v is not None), table
        masked = con.execute("SELECT id_masked, phone_masked FROM member LIMIT 1").fetchone()
        assert "*" in masked[0] + masked[1]
        hashes = con.execute("SELECT count(*) FROM person_hash").fetchone()[0]
        assert (hashes > 0) == keyed
        hashed_ids = con.execute("SELECT count(*) FROM member WHERE id_hash != ''").fetchone()[0]
        assert (hashed_ids > 0) == keyed
    finally:
        con.close()
    with zipfile.ZipFile(summary.path) as zf:
        assert json.loads(zf.read("manifest.json"))["person_hash"] == (
            "keyed" if keyed else "absent"
        )
    assert summary.person_hash_keyed == keyed


def test_the_summary_says_what_the_file_holds_in_words(world, tmp_path):
    summary = export_sync(world.a.db, world.a.data_dir, tmp_path)
    before = use_catalog("zh_CN")
    try:
        words = summary.kinds()
    finally:
        restore_catalog(before)
    assert f"{summary.counts['point_entry']} 条积分记录" in words
    assert f"{summary.counts['activity']} 条活动" in words


def test_an_enrolment_file_enrols_the_station_once_with_its_fingerprint(world, tmp_path):
    from sync_helpers import make_township

    path = write_enrolment(world.a.db, world.a.data_dir, tmp_path)
    enrolment = read_enrolment(path)
    assert enrolment.code == "330481101001" and len(enrolment.fingerprint) == 39
    town = make_township(tmp_path / "t")
    try:
        with pytest.raises(EnrolmentRefused, match="does not match"):
            enrol_station(town.db, path, fingerprint="0000 1111")
        enrol_station(town.db, path, fingerprint=enrolment.fingerprint.lower())
        enrol_station(town.db, path)  # again: a no-op
        body = json.loads(path.read_text(encoding="utf-8"))
        body["name"] = "别的站"
        edited = tmp_path / "edited.wbenrol"
        edited.write_text(json.dumps(body), encoding="utf-8")
        with pytest.raises(EnrolmentRefused, match="not a valid enrolment file"):
            enrol_station(town.db, edited)
        with pytest.raises(EnrolmentRefused, match="at the township"):
            enrol_station(world.b.db, path)
        own = write_enrolment(town.db, town.data_dir, tmp_path / "own")
        with pytest.raises(EnrolmentRefused, match="own enrolment file"):
            enrol_station(town.db, own)
    finally:
        town.db.dispose()


def test_a_stick_pulled_out_while_writing_leaves_no_file_under_the_final_name(
    world, tmp_path, monkeypatch
):
    import app.sync.envelope as envelope

    def pulled_out(fd: int) -> None:
        raise OSError(5, "Input/output error")  # what the OS says when the stick is gone

    monkeypatch.setattr(envelope.os, "fsync", pulled_out)
    stick = tmp_path / "stick"
    from app.sync.errors import ExportFailed

    with pytest.raises(ExportFailed, match="Input/output error"):
        export_sync(world.a.db, world.a.data_dir, stick)
    assert list(stick.iterdir()) == []
