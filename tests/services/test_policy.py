"""The station policy's one home (app.services.policy): stored in the database, so a
backup carries it; versions upgraded, bad values back to defaults; the per-day caps."""

from __future__ import annotations

import json
import logging
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from volunteers_factory import DAY, make_world, new_activity, volunteer_card, worker_of

from app.errors import PermissionDenied, ValidationError
from app.models import AuditEntry, LocalState, PointPeriod
from app.paths import DataDir
from app.services import backup, points, policy, restore
from app.services.points import PointsSettings
from app.services.policy import PointsPolicy, VolunteerPolicy
from app.services.volunteers import hours as service_hours
from app.services.volunteers import kiosk

T8 = DAY.replace(hour=8)


def _put_raw(db, key: str, value: str) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        row = s.get(LocalState, key)
        if row is None:
            s.add(LocalState(key=key, value=value))
        else:
            row.value = value


def test_a_restore_brings_back_the_points_thresholds(station_db, data_dir: DataDir, tmp_path: Path):  # type: ignore[no-untyped-def]
    db, admin = station_db
    kept = PointsPolicy(
        period_kind="quarter",
        base_points=60,
        pass_line=80,
        min_balance=5,
        end_action="clear",
        rating_tiers=(("星级文明户", 150), ("文明信用户", 100)),
    )
    policy.set_points_policy(db, admin, kept)
    info = backup.backup_now(db, admin, tmp_path / "usb")
    policy.set_points_policy(db, admin, PointsPolicy(pass_line=10, min_balance=0))
    assert policy.get_points_policy(db).pass_line == 10
    restore.restore_backup(db, data_dir, admin, info.path)
    assert policy.get_points_policy(db) == kept
    assert policy.points_settings(db) == PointsSettings(
        period_kind="quarter", base_points=60, pass_line=80, min_balance=5, end_action="clear"
    )


def test_saving_needs_settings_permission_validates_and_audits_old_and_new(station_db) -> None:  # type: ignore[no-untyped-def]
    db, admin = station_db
    worker = worker_of(db, admin)
    with pytest.raises(PermissionDenied):
        policy.set_points_policy(db, worker, PointsPolicy(pass_line=50))
    with pytest.raises(PermissionDenied):
        policy.set_volunteer_policy(db, worker, VolunteerPolicy(max_signins_per_day=1))
    for bad in (
        PointsPolicy(period_kind="week"),
        PointsPolicy(pass_line=-1),
        PointsPolicy(rating_tiers=(("A", 10), ("A", 5))),
        PointsPolicy(rating_tiers=()),
    ):
        with pytest.raises(ValidationError):
            policy.set_points_policy(db, admin, bad)
    with pytest.raises(ValidationError):
        policy.set_volunteer_policy(db, admin, VolunteerPolicy(review_above_hours_per_day=25))
    policy.set_points_policy(db, admin, PointsPolicy(pass_line=50))
    with db.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "policy.points")).one()
    body = json.loads(entry.summary)
    assert body["before"] == {"pass_line": 0} and body["after"] == {"pass_line": 50}


def test_an_older_volunteer_policy_is_upgraded_and_bad_values_fall_back(station_db, caplog) -> None:  # type: ignore[no-untyped-def]
    db, admin = station_db
    # version 1: the flat JSON kept under "volunteer_policy" before the policy home
    _put_raw(
        db,
        policy.LEGACY_VOLUNTEERS_KEY,
        json.dumps(
            {
                "rounding_minutes": 15,
                "star_thresholds_hours": [50, 100],
                "certificate_prefix": "XY",
                "min_stay_minutes": "ten",  # wrong type -> default
                "rounding": "up",  # refused by the rules -> default
                "retired_setting": 3,  # unknown -> ignored
            }
        ),
    )
    with caplog.at_level(logging.WARNING, logger="app.services.policy"):
        old = policy.get_volunteer_policy(db)
    assert (old.rounding_minutes, old.star_thresholds_hours, old.certificate_prefix) == (
        15,
        (50, 100),
        "XY",
    )
    assert old.min_stay_minutes == 10 and old.rounding == "down"
    assert old.max_signins_per_day == 0 and old.review_above_hours_per_day == 0  # caps off
    assert "min_stay_minutes" in caplog.text and "rounding" in caplog.text
    # saving writes the versioned key and drops the old one
    policy.set_volunteer_policy(db, admin, replace(old, max_signins_per_day=2))
    with db.read() as s:
        assert s.get(LocalState, policy.LEGACY_VOLUNTEERS_KEY) is None
        doc = json.loads(s.get(LocalState, policy.VOLUNTEERS_KEY).value)
    assert doc["version"] == policy.VOLUNTEERS_VERSION
    assert doc["values"]["max_signins_per_day"] == 2
    assert policy.get_volunteer_policy(db).rounding_minutes == 15


def test_damaged_or_newer_points_policy_reads_what_it_can(station_db) -> None:  # type: ignore[no-untyped-def]
    db, _ = station_db
    _put_raw(db, policy.POINTS_KEY, "{not json")
    assert policy.get_points_policy(db) == PointsPolicy()
    _put_raw(
        db,
        policy.POINTS_KEY,
        json.dumps(
            {
                "version": policy.POINTS_VERSION + 1,
                "values": {
                    "pass_line": 70,
                    "rating_tiers": [["五好家庭", 150], ["bad"]],
                    "new_rule": True,
                },
            }
        ),
    )
    read = policy.get_points_policy(db)
    assert read.pass_line == 70
    assert read.rating_tiers == PointsPolicy().rating_tiers  # the damaged list -> defaults


def test_before_it_is_saved_the_points_policy_continues_the_newest_period(station_db) -> None:  # type: ignore[no-untyped-def]
    db, admin = station_db
    assert policy.get_points_policy(db) == PointsPolicy()
    points.open_period(
        db, admin, PointsSettings(period_kind="month", base_points=60, end_action="clear")
    )
    with db.read() as s:
        assert s.scalars(select(PointPeriod)).one().kind == "month"
    read = policy.get_points_policy(db)
    # (a period records its end action when it is finalized)
    assert (read.period_kind, read.base_points) == ("month", 60)


def test_legacy_points_settings_are_adopted_once(station_db) -> None:  # type: ignore[no-untyped-def]
    db, admin = station_db
    assert policy.adopt_legacy_points(
        db, {"pass_line": 60, "min_balance": 5, "rating_tiers": [["五好家庭", 150]]}
    )
    read = policy.get_points_policy(db)
    assert (read.pass_line, read.min_balance, read.rating_tiers) == (60, 5, (("五好家庭", 150),))
    policy.set_points_policy(db, admin, replace(read, pass_line=70))
    assert not policy.adopt_legacy_points(db, {"pass_line": 10})  # the database wins
    assert policy.get_points_policy(db).pass_line == 70


# --- the per-day caps ---------------------------------------------------------------------


@pytest.fixture
def w(station_db, data_dir):  # type: ignore[no-untyped-def]
    db, admin = station_db
    return make_world(db, admin, data_dir)


def _review(w, record_id: str) -> str:  # type: ignore[no-untyped-def]
    return service_hours.get_record(w.db, record_id).review_reason


def test_hours_above_the_days_limit_are_flagged_for_review(w) -> None:  # type: ignore[no-untyped-def]
    vid, _ = volunteer_card(w, "张三")
    day = date.today() - timedelta(days=1)
    first = service_hours.add_manual_record(w.db, w.worker, vid, day, 300, "宣讲", "补录")
    assert _review(w, first.id) == ""  # off by default: nothing flagged
    policy.set_volunteer_policy(
        w.db, w.admin, replace(policy.get_volunteer_policy(w.db), review_above_hours_per_day=8)
    )
    second = service_hours.add_manual_record(w.db, w.worker, vid, day, 180, "宣讲", "补录")
    assert _review(w, second.id) == ""  # 8 h in the day: at the limit, not above
    third = service_hours.add_manual_record(w.db, w.worker, vid, day, 30, "宣讲", "补录")
    assert _review(w, third.id) == service_hours.OVER_DAY_HOURS
    assert third.status == "pending"
    other_day = service_hours.add_manual_record(
        w.db, w.worker, vid, day - timedelta(days=1), 60, "宣讲", "补录"
    )
    assert _review(w, other_day.id) == ""


def test_sign_ins_beyond_the_days_maximum_are_refused(w) -> None:  # type: ignore[no-untyped-def]
    _, card = volunteer_card(w, "张三")

    def scan(at):  # type: ignore[no-untyped-def]
        return kiosk.scan(w.db, w.worker, w.key, w.activity_id, card, "auto", at)

    assert scan(T8).reason == "signed_in"
    assert scan(T8 + timedelta(hours=1)).reason == "signed_out"
    assert scan(T8 + timedelta(hours=2)).reason == "signed_in"  # no limit by default
    assert scan(T8 + timedelta(hours=3)).reason == "signed_out"
    policy.set_volunteer_policy(
        w.db, w.admin, replace(policy.get_volunteer_policy(w.db), max_signins_per_day=2)
    )
    refused = scan(T8 + timedelta(hours=4))
    assert (refused.status, refused.reason, refused.action) == ("red", "too_many_signins", "none")
    assert (
        refused.text
        == "张三 has already signed in 2 times at this activity today, the most allowed."
    )
    other = new_activity(w.db, w.admin)
    assert (
        kiosk.scan(w.db, w.worker, w.key, other, card, "auto", T8 + timedelta(hours=4)).reason
        == "signed_in"
    )  # the cap is per activity


def test_a_version_1_points_policy_has_no_points_bank_and_bad_bank_values_are_refused(
    station_db,
) -> None:  # type: ignore[no-untyped-def]
    db, admin = station_db
    _put_raw(db, policy.POINTS_KEY, json.dumps({"version": 1, "values": {"pass_line": 60}}))
    read = policy.get_points_policy(db)
    assert read.pass_line == 60 and read.service_points_per_hour == 0
    assert read.service_kinds == ("activity", "manual") and read.service_account == "household"
    for bad in (
        {"service_points_per_hour": -1},
        {"service_cap_per_period": 10001},
        {"service_rounding": "ceil"},
        {"service_kinds": ("activity", "chat")},
        {"service_account": "team"},
    ):
        with pytest.raises(ValidationError):
            policy.set_points_policy(db, admin, replace(read, **bad))  # type: ignore[arg-type]
    saved = policy.set_points_policy(
        db, admin, replace(read, service_points_per_hour=1, service_kinds=("manual", "manual"))
    )
    assert saved.service_kinds == ("manual",)
    assert policy.get_points_policy(db).service_points_per_hour == 1
    # a stored value the rules refuse falls back to its default, the rest is kept
    _put_raw(
        db,
        policy.POINTS_KEY,
        json.dumps({"version": 2, "values": {"service_points_per_hour": 5, "service_rounding": 3}}),
    )
    read = policy.get_points_policy(db)
    assert (read.service_points_per_hour, read.service_rounding) == (5, "down")
