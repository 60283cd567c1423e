"""Station set-up: division code rules, keys on disk, one station per database."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from app.db import Database
from app.errors import ValidationError
from app.models import StationMode
from app.paths import DataDir
from app.services import keys
from app.services.auth import Actor
from app.services.station import (
    AdminAccount,
    get_station,
    setup_station,
    update_station,
    validate_code,
)
from tests.conftest import sample_station


@pytest.mark.parametrize(
    ("code", "mode"),
    [("330481101001", StationMode.STATION), ("330481101000", StationMode.TOWNSHIP)],
)
def test_valid_division_codes(code: str, mode: StationMode) -> None:
    assert validate_code(f" {code} ", mode) == code


@pytest.mark.parametrize(
    ("code", "mode", "why"),
    [
        ("33048110100", StationMode.STATION, "12 digits"),
        ("3304811010011", StationMode.STATION, "12 digits"),
        ("33048110100A", StationMode.STATION, "12 digits"),
        ("３３０４８１１０１００１", StationMode.STATION, "12 digits"),  # full-width digits
        ("990481101001", StationMode.STATION, "province"),
        ("330081101001", StationMode.STATION, "city, county and township"),
        ("330481000001", StationMode.STATION, "city, county and township"),
        ("330481101000", StationMode.STATION, "village number"),
        ("330481101001", StationMode.TOWNSHIP, "ends in 000"),
    ],
)
def test_invalid_division_codes_are_refused(code: str, mode: StationMode, why: str) -> None:
    with pytest.raises(ValidationError, match=why):
        validate_code(code, mode)


def test_setup_writes_keys_readable_only_by_the_owner(
    station_db: tuple[Database, Actor], data_dir: DataDir
) -> None:
    db, _ = station_db
    for name in (keys.SIGNING_KEY, keys.CARD_KEY):
        mode = stat.S_IMODE((data_dir.keys / name).stat().st_mode)
        assert mode == 0o600, oct(mode)
    loaded = keys.load_keys(data_dir.keys)
    assert len(loaded.card_key) == 32
    assert get_station(db).signing_key_fingerprint == loaded.fingerprint
    # The key signs and its public half verifies (what sync files rely on).
    loaded.public.verify(loaded.signing.sign(b"manifest"), b"manifest")


def test_a_second_setup_is_refused_and_keys_are_not_overwritten(
    station_db: tuple[Database, Actor], data_dir: DataDir
) -> None:
    db, _ = station_db
    before = (data_dir.keys / keys.SIGNING_KEY).read_bytes()
    with pytest.raises(ValidationError, match="already set up"):
        setup_station(db, data_dir.keys, sample_station(), AdminAccount("a2", "二", "pw123456"))
    assert (data_dir.keys / keys.SIGNING_KEY).read_bytes() == before


def test_bad_setup_input_writes_nothing(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "keys"
    with pytest.raises(ValidationError):
        setup_station(db, folder, sample_station(), AdminAccount("admin", "王", "123"))
    bad = sample_station().__class__(**{**sample_station().__dict__, "code": "12345"})
    with pytest.raises(ValidationError):
        setup_station(db, folder, bad, AdminAccount("admin", "王", "pw123456"))
    assert db.station_id is None
    assert not folder.exists() or not any(folder.iterdir())


def test_update_station_facts_is_audited(station_db: tuple[Database, Actor]) -> None:
    db, admin = station_db
    info = get_station(db)
    updated = update_station(db, admin, info.__class__(**{**info.__dict__, "leader_name": "赵新"}))
    assert updated.leader_name == "赵新"
    assert get_station(db).leader_name == "赵新"
