"""Enrolment both ways for the config package: the stations' encryption keys at the
township, the township's signing key at the station."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from config_helpers import enrol_both_ways
from sync_helpers import World

from app.services import keys
from app.services.station import get_state
from app.sync.enrol import (
    ENC_KEY_PREFIX,
    enrol_township,
    enrolled_township,
    read_enrolment,
    write_enrolment,
)
from app.sync.errors import EnrolmentRefused


def test_station_encryption_key_is_private_and_enrolled(world: World) -> None:
    path = world.a.data_dir.keys / keys.ENCRYPT_KEY
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    stored = get_state(world.town.db, ENC_KEY_PREFIX + world.a.station_id)
    assert stored == keys.encryption_public_hex(world.a.data_dir.keys)


def test_a_station_without_the_key_gets_one_on_first_need(world: World, tmp_path: Path) -> None:
    (world.a.data_dir.keys / keys.ENCRYPT_KEY).unlink()
    enrolment = read_enrolment(write_enrolment(world.a.db, world.a.data_dir, tmp_path / "e"))
    assert enrolment.encrypt_key == keys.encryption_public_hex(world.a.data_dir.keys)
    assert enrolment.encrypt_fingerprint == keys.encryption_fingerprint(enrolment.encrypt_key)


def test_township_is_enrolled_with_its_fingerprint(world: World, tmp_path: Path) -> None:
    path = write_enrolment(world.town.db, world.town.data_dir, tmp_path / "t")
    with pytest.raises(EnrolmentRefused):
        enrol_township(world.a.db, world.a.data_dir, path, fingerprint="0000 1111")
    assert enrolled_township(world.a.db) is None
    enrol_both_ways(world)
    township = enrolled_township(world.a.db)
    assert township is not None and township.station_id == world.town.station_id
    assert township.fingerprint == read_enrolment(path).fingerprint


def test_township_of_another_key_is_not_taken_silently(world: World, tmp_path: Path) -> None:
    from sync_helpers import make_township

    enrol_both_ways(world)
    other = make_township(tmp_path / "other")
    try:
        path = write_enrolment(other.db, other.data_dir, tmp_path / "o")
    finally:
        other.db.dispose()
    with pytest.raises(EnrolmentRefused):
        enrol_township(world.a.db, world.a.data_dir, path)
    township = enrolled_township(world.a.db)
    assert township is not None and township.station_id == world.town.station_id


def test_a_township_does_not_enrol_a_township(world: World, tmp_path: Path) -> None:
    path = write_enrolment(world.a.db, world.a.data_dir, tmp_path / "s")
    with pytest.raises(EnrolmentRefused):
        enrol_township(world.town.db, world.town.data_dir, path)
