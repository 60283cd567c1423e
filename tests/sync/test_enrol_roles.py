"""An enrolment file says, under its signature, whether a station or a township wrote
it: a station's file is never taken as the township (nor a township's as a station)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sync_helpers import World

from app.services import keys
from app.sync.enrol import (
    ROLE_STATION,
    ROLE_TOWNSHIP,
    _body_bytes,
    enrol_station,
    enrol_township,
    enrolled_township,
    read_enrolment,
    write_enrolment,
)
from app.sync.errors import EnrolmentRefused
from app.sync.importer import station_states


def test_each_file_names_who_wrote_it(world: World, tmp_path: Path) -> None:
    station = read_enrolment(write_enrolment(world.a.db, world.a.data_dir, tmp_path / "s"))
    township = read_enrolment(write_enrolment(world.town.db, world.town.data_dir, tmp_path / "t"))
    assert (station.role, township.role) == (ROLE_STATION, ROLE_TOWNSHIP)


def test_a_station_does_not_take_another_stations_file_as_its_township(
    world: World, tmp_path: Path
) -> None:
    path = write_enrolment(world.b.db, world.b.data_dir, tmp_path / "b")
    with pytest.raises(EnrolmentRefused, match="not of a township"):
        enrol_township(world.a.db, world.a.data_dir, path)
    assert enrolled_township(world.a.db) is None


def test_a_township_does_not_enrol_a_townships_file_as_a_station(
    world: World, tmp_path: Path
) -> None:
    from sync_helpers import make_township

    other = make_township(tmp_path / "other")
    try:
        path = write_enrolment(other.db, other.data_dir, tmp_path / "o")
    finally:
        other.db.dispose()
    before = [s.code for s in station_states(world.town.db)]
    with pytest.raises(EnrolmentRefused, match="not of a station"):
        enrol_station(world.town.db, path)
    assert [s.code for s in station_states(world.town.db)] == before


def test_a_township_file_that_does_not_say_so_is_refused(world: World, tmp_path: Path) -> None:
    """A file signed by the township's key but without the role (an older program's)."""
    path = write_enrolment(world.town.db, world.town.data_dir, tmp_path / "t")
    body = json.loads(path.read_text(encoding="utf-8"))
    del body["role"], body["signature"]
    signing = keys.load_keys(world.town.data_dir.keys).signing
    body["signature"] = signing.sign(_body_bytes(body)).hex()
    path.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
    assert read_enrolment(path).role == ""
    with pytest.raises(EnrolmentRefused, match="older version"):
        enrol_township(world.a.db, world.a.data_dir, path)
    assert enrolled_township(world.a.db) is None


def test_an_unknown_role_is_refused(world: World, tmp_path: Path) -> None:
    path = write_enrolment(world.town.db, world.town.data_dir, tmp_path / "t")
    body = json.loads(path.read_text(encoding="utf-8"))
    body["role"] = "hub"
    del body["signature"]
    signing = keys.load_keys(world.town.data_dir.keys).signing
    body["signature"] = signing.sign(_body_bytes(body)).hex()
    path.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(EnrolmentRefused):
        read_enrolment(path)
