"""Service hours: counting, manual entries, approval, corrections, stars, verification."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from volunteers_factory import (
    DAY,
    changed,
    make_world,
    new_volunteer,
    snapshot,
    volunteer_card,
)

from app.errors import NotFound, PermissionDenied, ValidationError
from app.i18n import hours_text
from app.models import Activity
from app.services import volunteers
from app.services.volunteers import VolunteerPolicy, kiosk
from app.services.volunteers import hours as service_hours
from app.services.volunteers.hours import RecordFilter, count_minutes

T8 = DAY.replace(hour=8)


@pytest.fixture
def w(station_db, data_dir):
    db, admin = station_db
    return make_world(db, admin, data_dir)


def _activity(cap: int | None = None) -> Activity:
    return Activity(starts_at=T8, ends_at=DAY.replace(hour=12), hours_cap_minutes=cap)


@pytest.mark.parametrize(
    ("in_at", "out_at", "cap", "policy", "minutes", "flags"),
    [
        (T8, T8 + timedelta(minutes=119), None, VolunteerPolicy(), 90, ()),
        (
            T8,
            T8 + timedelta(minutes=119),
            None,
            replace(VolunteerPolicy(), rounding="nearest"),
            120,
            (),
        ),
        (T8 - timedelta(hours=1), T8 + timedelta(hours=1), None, VolunteerPolicy(), 60, ()),
        (T8, DAY.replace(hour=18), None, VolunteerPolicy(), 240, ()),
        (T8, DAY.replace(hour=12), 150, VolunteerPolicy(), 150, ("capped",)),
        (T8 + timedelta(hours=1), T8, None, VolunteerPolicy(), 0, ("clock_back",)),
        (DAY.replace(hour=13), DAY.replace(hour=14), None, VolunteerPolicy(), 0, ()),
    ],
)
def test_counting_clips_to_the_schedule_caps_and_rounds(in_at, out_at, cap, policy, minutes, flags):
    counted = count_minutes(_activity(cap), in_at, out_at, policy)
    assert (counted.minutes, counted.flags) == (minutes, flags)


def _worked(w, name="张三", hours=3):
    vid, card = volunteer_card(w, name)
    kiosk.scan(w.db, w.worker, w.key, w.activity_id, card, "in", T8)
    kiosk.scan(w.db, w.worker, w.key, w.activity_id, card, "out", T8 + timedelta(hours=hours))
    record = service_hours.fetch_records(w.db, 0, 1, RecordFilter(volunteer_id=vid))[0]
    return vid, record


def test_approval_moves_the_cached_hours_once(w) -> None:
    vid, record = _worked(w)
    assert record.status == "pending" and record.minutes == 180
    before = snapshot(w.db)
    assert service_hours.approve(w.db, w.admin, [record.id]) == 1
    assert changed(before, snapshot(w.db)) == {"decision": 1, "audit": 1, "minutes": 180}
    assert volunteers.get_volunteer(w.db, vid).approved_minutes == 180
    again = snapshot(w.db)
    with pytest.raises(service_hours.HoursRefused):
        service_hours.approve(w.db, w.admin, [record.id])
    with pytest.raises(service_hours.HoursRefused):
        service_hours.reject(w.db, w.admin, record.id, "重复")
    assert snapshot(w.db) == again
    assert service_hours.verify(w.db).ok


def test_a_batch_approval_is_all_or_nothing(w) -> None:
    _, r1 = _worked(w, "甲")
    _, r2 = _worked(w, "乙")
    service_hours.approve(w.db, w.admin, [r2.id])
    before = snapshot(w.db)
    with pytest.raises(service_hours.HoursRefused):
        service_hours.approve(w.db, w.admin, [r1.id, r2.id])
    assert snapshot(w.db) == before
    with pytest.raises(NotFound):
        service_hours.approve(w.db, w.admin, ["nope"])


def test_workers_record_but_cannot_approve(w) -> None:
    _, record = _worked(w)
    with pytest.raises(PermissionDenied):
        service_hours.approve(w.db, w.worker, [record.id])
    with pytest.raises(PermissionDenied):
        service_hours.correct(w.db, w.worker, record.id, 60, "更正")


def test_rejected_records_stay_listed_and_cannot_be_corrected(w) -> None:
    _, record = _worked(w)
    with pytest.raises(ValidationError):
        service_hours.reject(w.db, w.admin, record.id, " ")
    rejected = service_hours.reject(w.db, w.admin, record.id, "未到场")
    assert rejected.status == "rejected"
    assert service_hours.count_records(w.db, RecordFilter(status="rejected")) == 1
    with pytest.raises(service_hours.HoursRefused):
        service_hours.correct(w.db, w.admin, record.id, 60, "更正")


def test_corrections_log_old_and_new_and_move_approved_totals(w) -> None:
    vid, record = _worked(w)
    service_hours.correct(w.db, w.admin, record.id, 150, "提前离开", requested_by="张三")
    service_hours.approve(w.db, w.admin, [record.id])
    assert volunteers.get_volunteer(w.db, vid).approved_minutes == 150
    view = service_hours.correct(w.db, w.admin, record.id, 210, "漏记半小时")
    assert (view.minutes, view.original_minutes, view.status) == (210, 180, "approved")
    assert volunteers.get_volunteer(w.db, vid).approved_minutes == 210
    log = service_hours.corrections(w.db, record.id)
    assert [(c.old_minutes, c.new_minutes) for c in log] == [(180, 150), (150, 210)]
    assert log[0].requested_by == "张三"
    for bad in (210, -5, 24 * 60 + 1, 0):
        with pytest.raises(ValidationError if bad != 0 else service_hours.HoursRefused):
            service_hours.correct(w.db, w.admin, record.id, bad, "x")
    assert service_hours.verify(w.db).ok


def test_manual_entries_need_a_reason_and_content(w) -> None:
    vid = new_volunteer(w.db, w.worker, "王五")
    before = snapshot(w.db)
    for kwargs in (
        {"minutes": 60, "content": "清扫", "reason": ""},
        {"minutes": 0, "content": "清扫", "reason": "补录"},
        {"minutes": 60, "content": "", "reason": "补录"},
        {"minutes": 60, "content": "清扫", "reason": "补录", "day": date(2999, 1, 1)},
    ):
        day = kwargs.pop("day", date(2026, 5, 1))
        with pytest.raises(ValidationError):
            service_hours.add_manual_record(w.db, w.worker, vid, day, **kwargs)
    assert snapshot(w.db) == before
    r = service_hours.add_manual_record(
        w.db, w.worker, vid, date(2026, 5, 1), 90, "清扫", "忘记签到"
    )
    assert (r.source, r.status, r.minutes, r.reason) == ("manual", "pending", 90, "忘记签到")


def test_star_levels_are_granted_in_order_after_approval(w) -> None:
    vid = new_volunteer(w.db, w.worker, "张三")
    ids = [
        service_hours.add_manual_record(
            w.db, w.worker, vid, date(2026, 1, 1) + timedelta(days=i), 24 * 60, "值守", "补录"
        ).id
        for i in range(13)
    ]  # 13 x 24 h = 312 h
    assert service_hours.eligible_for_stars(w.db) == []  # pending hours do not count
    service_hours.approve(w.db, w.admin, ids)
    eligible = service_hours.eligible_for_stars(w.db)
    assert [(e.volunteer_id, e.star_level, e.eligible_level) for e in eligible] == [(vid, 0, 2)]
    grants = service_hours.grant_stars(w.db, w.admin, [vid], date(2026, 2, 1))
    assert [(g.level, g.threshold_hours, g.minutes_at_grant) for g in grants] == [
        (1, 100, 312 * 60),
        (2, 300, 312 * 60),
    ]
    assert volunteers.get_volunteer(w.db, vid).star_level == 2
    assert service_hours.grant_stars(w.db, w.admin, [vid]) == []
    assert service_hours.eligible_for_stars(w.db) == []
    assert [g.level for g in service_hours.stars_granted(w.db, 2026)] == [1, 2]
    assert service_hours.verify(w.db).ok


def test_verify_reports_a_tampered_cache(w) -> None:
    vid, record = _worked(w)
    service_hours.approve(w.db, w.admin, [record.id])
    with w.db.write() as s:
        s.execute(text("UPDATE volunteer SET approved_minutes = 999 WHERE id = :i"), {"i": vid})
        s.execute(text("UPDATE service_record_state SET minutes = 1"))
    report = service_hours.verify(w.db)
    assert {m.kind for m in report.mismatches} == {"volunteer_minutes", "record_state"}


def test_hour_ledgers_refuse_updates(w) -> None:
    _, record = _worked(w)
    with pytest.raises(DBAPIError), w.db.write() as s:
        s.execute(text("UPDATE service_record SET minutes = 600"))
    assert service_hours.get_record(w.db, record.id).original_minutes == 180


def test_hours_text() -> None:
    assert [hours_text(m) for m in (0, 30, 60, 90, 100)] == [
        "0",
        "0.5",
        "1",
        "1.5",
        "1.7",
    ]


def test_record_of_an_unknown_volunteer(w) -> None:
    with pytest.raises(NotFound):
        service_hours.add_manual_record(w.db, w.worker, "nope", date(2026, 1, 1), 60, "x", "y")
    assert isinstance(datetime.now(), datetime)
