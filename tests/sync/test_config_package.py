"""The township's config package: publish at the township, import at its stations."""

from __future__ import annotations

import json
import sys
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from config_helpers import enrol_both_ways
from sync_helpers import TOWNSHIP_CODE, World, make_township

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "services"))
from digests import table_digests

from app.services import cards, keys, policy
from app.services.auth import SYSTEM
from app.services.documents.layouts import layout_dir
from app.services.points.rules import RuleData, create_rule, list_rules
from app.services.station import get_state
from app.services.supermarket.goods import GoodsData, create_goods, list_goods
from app.sync.config import ConfigRefused, config_status, import_config, publish_config
from app.sync.export import ACKED_SEQ, HASH_KEY, export_sync, sync_status
from app.sync.importer import import_file

HID = "0190a1b2-7456-7129-8ef3-7f90d078d535"


def _configure_township(world: World) -> None:
    town = world.town
    create_rule(town.db, SYSTEM, RuleData("ZY09", "参加乡镇志愿服务日", 8, "志愿服务", "次", 40))
    create_goods(town.db, SYSTEM, GoodsData("乡镇统一环保袋", 15, "日用品", "个"))
    vol = policy.get_volunteer_policy(town.db)
    policy.set_volunteer_policy(town.db, SYSTEM, replace(vol, monthly_min_activities=11))
    folder = town.data_dir.root / "layouts"
    folder.mkdir()
    (folder / "certificate_service.json").write_text(
        json.dumps({"extends": "certificate_service", "name": "乡镇志愿服务证明"}),
        encoding="utf-8",
    )


def test_round_trip_applies_every_part(world: World, tmp_path: Path) -> None:
    enrol_both_ways(world)
    _configure_township(world)
    # the township holds station A's changes, so the package acknowledges them
    sent = export_sync(world.a.db, world.a.data_dir, tmp_path / "usb")
    assert import_file(world.town.db, sent.path).status == "imported"
    assert int(get_state(world.a.db, ACKED_SEQ) or 0) == 0

    summary = publish_config(world.town.db, world.town.data_dir, tmp_path / "usb")
    assert summary.path.name == f"{TOWNSHIP_CODE}_config_1.wbconf"
    assert summary.version == 1 and summary.stations == 2

    applied = import_config(world.a.db, world.a.data_dir, summary.path)
    assert applied.version == 1 and applied.township == "城关镇新时代文明实践所"
    import_config(world.b.db, world.b.data_dir, summary.path)

    a = world.a
    rule = next(r for r in list_rules(a.db) if r.code == "ZY09")
    assert (rule.name, rule.points, rule.cap_per_period) == ("参加乡镇志愿服务日", 8, 40)
    assert [g.name for g in list_goods(a.db, query="乡镇统一")] == ["乡镇统一环保袋"]
    assert policy.get_volunteer_policy(a.db).monthly_min_activities == 11
    folder = layout_dir(a.db)
    assert folder is not None
    from app.printing.layout import load_layout

    assert load_layout("certificate_service", folder).name == "乡镇志愿服务证明"
    # the ack: the next export starts after what the township holds
    assert sync_status(a.db).acked_seq == sent.seq_to
    # the keyed-hash key is the township's, the same at both stations
    town_hash = get_state(world.town.db, HASH_KEY)
    assert town_hash and get_state(a.db, HASH_KEY) == town_hash == get_state(world.b.db, HASH_KEY)
    # a card made with the shared key at A is accepted at B
    key_a = keys.card_key(a.data_dir.keys)
    key_b = keys.card_key(world.b.data_dir.keys)
    payload = cards.sign_payload(key_a, cards.CardKind.HOUSEHOLD, HID)
    assert cards.read_payload(key_b, payload) == (cards.CardKind.HOUSEHOLD, HID)
    status = config_status(a.db)
    assert status.version == 1 and status.township == "城关镇新时代文明实践所"
    assert status.applied_at is not None and status.township_fingerprint


def test_card_from_station_before_package_is_not_accepted_elsewhere(world: World) -> None:
    """The baseline the shared key fixes: two stations' own keys do not accept each other's."""
    key_a = keys.card_key(world.a.data_dir.keys)
    key_b = keys.card_key(world.b.data_dir.keys)
    payload = cards.sign_payload(key_a, cards.CardKind.HOUSEHOLD, HID)
    with pytest.raises(cards.ForgedCard):
        cards.read_payload(key_b, payload)


def test_replayed_and_older_packages_are_refused(world: World, tmp_path: Path) -> None:
    enrol_both_ways(world)
    first = publish_config(world.town.db, world.town.data_dir, tmp_path / "v1")
    second = publish_config(world.town.db, world.town.data_dir, tmp_path / "v2")
    assert second.version == 2
    import_config(world.a.db, world.a.data_dir, second.path)
    before = table_digests(world.a.data_dir.database)
    for path in (second.path, first.path):
        with pytest.raises(ConfigRefused) as refused:
            import_config(world.a.db, world.a.data_dir, path)
        assert "version 2 is already in force" in str(refused.value)
    assert table_digests(world.a.data_dir.database) == before


def test_package_of_another_township_is_refused(world: World, tmp_path: Path) -> None:
    enrol_both_ways(world)
    other = make_township(tmp_path / "other-town")
    try:
        # the other township enrols station A too (A's file), and publishes for it
        from app.sync.enrol import enrol_station, write_enrolment

        enrol_station(other.db, write_enrolment(world.a.db, world.a.data_dir, tmp_path / "e"))
        package = publish_config(other.db, other.data_dir, tmp_path / "other")
    finally:
        other.db.dispose()
    before = table_digests(world.a.data_dir.database)
    card_before = keys.card_key(world.a.data_dir.keys)
    with pytest.raises(ConfigRefused) as refused:
        import_config(world.a.db, world.a.data_dir, package.path)
    assert "not signed by this station's township" in str(refused.value)
    assert table_digests(world.a.data_dir.database) == before
    assert keys.card_key(world.a.data_dir.keys) == card_before


def test_secrets_are_sealed_for_each_station_only(world: World, tmp_path: Path) -> None:
    enrol_both_ways(world)
    package = publish_config(world.town.db, world.town.data_dir, tmp_path / "usb")
    with zipfile.ZipFile(package.path) as zf:
        opened = b"".join(zf.read(n) for n in zf.namelist())
    raw = package.path.read_bytes()
    card = bytes.fromhex(get_state(world.town.db, "config/shared_card_key") or "")
    hash_key = get_state(world.town.db, HASH_KEY) or ""
    assert len(card) == 32 and hash_key
    for blob in (raw, opened):
        assert card not in blob and card.hex().encode() not in blob
        assert bytes.fromhex(hash_key) not in blob and hash_key.encode() not in blob
    # a station it was not sealed for (a third station enrolled at no township) cannot
    # open it: a station that enrols the township later finds nothing for itself
    from two_stations import make_station

    third = make_station(tmp_path / "c")
    try:
        from app.sync.enrol import enrol_township, write_enrolment

        enrol_township(
            third.db,
            third.data_dir,
            write_enrolment(world.town.db, world.town.data_dir, tmp_path / "te"),
        )
        before = table_digests(third.data_dir.database)
        with pytest.raises(ConfigRefused):
            import_config(third.db, third.data_dir, package.path)
        assert table_digests(third.data_dir.database) == before
        assert hash_key not in json.dumps(dict(_all_state(third)))
    finally:
        third.db.dispose()


def _all_state(station) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from app.models import LocalState

    with station.db.read() as session:
        return [(r.key, r.value) for r in session.scalars(select(LocalState))]


def test_station_prints_with_the_package_layout(world: World, tmp_path: Path) -> None:
    """A certificate printed at the station takes the page of the township's layout."""
    import re
    from datetime import date

    from sqlalchemy import select

    from app.models import Volunteer
    from app.services.documents.certificates import issue_certificate

    enrol_both_ways(world)
    folder = world.town.data_dir.root / "layouts"
    folder.mkdir()
    (folder / "certificate_service.json").write_text(
        json.dumps({"extends": "certificate_service", "page": {"width": 215.9, "height": 279.4}}),
        encoding="utf-8",
    )
    a = world.a
    with a.db.read() as session:
        volunteer_id = session.scalars(select(Volunteer.id)).first()
    assert volunteer_id is not None

    def media_box() -> str:
        _, data = issue_certificate(
            a.db,
            SYSTEM,
            a.data_dir,
            "service",
            volunteer_id,
            start=date(2000, 1, 1),
            end=date.today(),
        )
        found = re.search(rb"/MediaBox \[\s*0 0 ([\d.]+) ([\d.]+)", data)
        assert found is not None
        return f"{float(found[1]):.0f}x{float(found[2]):.0f}"

    assert media_box() == "595x842"  # A4, the shipped layout
    package = publish_config(world.town.db, world.town.data_dir, tmp_path / "usb")
    import_config(a.db, a.data_dir, package.path)
    assert media_box() == "612x792"  # the township's page


def test_station_prints_slips_with_the_package_layout(world: World, tmp_path: Path) -> None:
    """A receipt-printer slip at the station takes the width of the township's layout."""
    import re

    from sqlalchemy import select

    from app.models import Redemption
    from app.services.documents.slips import print_slip

    enrol_both_ways(world)
    folder = world.town.data_dir.root / "layouts"
    folder.mkdir()
    (folder / "slip_80mm.json").write_text(
        json.dumps({"extends": "slip_80mm", "page": {"width": 100}}), encoding="utf-8"
    )
    a = world.a
    with a.db.read() as session:
        number = session.scalars(select(Redemption.number)).first()
    assert number is not None

    def width() -> int:
        done = print_slip(
            a.db, SYSTEM, number, "站", keys.card_key(a.data_dir.keys), "80mm", (), lambda b: None
        )
        found = re.search(rb"/MediaBox \[\s*0 0 ([\d.]+)", done.pdf)
        assert found is not None
        return round(float(found[1]) / 72 * 25.4)

    assert width() == 80
    package = publish_config(world.town.db, world.town.data_dir, tmp_path / "usb")
    import_config(a.db, a.data_dir, package.path)
    assert width() == 100


def test_a_policy_the_township_never_set_leaves_the_station_s_own(
    world: World, tmp_path: Path
) -> None:
    enrol_both_ways(world)
    a = world.a
    mine = replace(policy.get_volunteer_policy(a.db), monthly_min_activities=5)
    policy.set_volunteer_policy(a.db, SYSTEM, mine)
    points_before = policy.get_points_policy(a.db)
    package = publish_config(world.town.db, world.town.data_dir, tmp_path / "usb")
    import_config(a.db, a.data_dir, package.path)
    assert policy.get_volunteer_policy(a.db).monthly_min_activities == 5
    assert policy.get_points_policy(a.db) == points_before


def test_the_townships_points_bank_rules_reach_its_stations(world: World, tmp_path: Path) -> None:
    enrol_both_ways(world)
    town, a = world.town, world.a
    bank = replace(
        policy.get_points_policy(town.db),
        service_points_per_hour=7,
        service_rounding="nearest",
        service_cap_per_activity=40,
        service_cap_per_period=300,
        service_kinds=("activity",),
        service_account="own",
    )
    policy.set_points_policy(town.db, SYSTEM, bank)
    assert policy.get_points_policy(a.db).service_points_per_hour != 7  # the station's own
    package = publish_config(town.db, town.data_dir, tmp_path / "usb")
    import_config(a.db, a.data_dir, package.path)
    got = policy.get_points_policy(a.db)
    assert (
        got.service_points_per_hour,
        got.service_rounding,
        got.service_cap_per_activity,
        got.service_cap_per_period,
        got.service_kinds,
        got.service_account,
    ) == (7, "nearest", 40, 300, ("activity",), "own")
