"""The sign-in kiosk: every rule of app.services.volunteers.kiosk, good and bad scans."""

from __future__ import annotations

import os
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select
from volunteers_factory import (
    DAY,
    changed,
    household_card,
    make_world,
    new_activity,
    snapshot,
    volunteer_card,
)

from app.errors import NotFound, ValidationError
from app.ids import new_id
from app.models import Participation, PointEntry, Presence, ScanEvent, ServiceRecord
from app.services import activities, cards, households, volunteers
from app.services.volunteers import hours as service_hours
from app.services.volunteers import kiosk

T8 = DAY.replace(hour=8)


@pytest.fixture
def w(station_db, data_dir):
    db, admin = station_db
    return make_world(db, admin, data_dir)


def scan(w, payload, at, mode="auto", activity_id=None):
    return kiosk.scan(w.db, w.worker, w.key, activity_id or w.activity_id, payload, mode, at)


def test_sign_in_then_sign_out_writes_events_presence_and_a_pending_record(w) -> None:
    vid, card = volunteer_card(w, "张三")
    r = scan(w, card, T8 + timedelta(minutes=2))
    assert (r.status, r.reason, r.action, r.kind) == ("green", "signed_in", "sign_in", "V")
    assert r.person_name == "张三" and r.text == "张三 signed in at 08:02" and r.wrote
    out = scan(w, card, T8 + timedelta(hours=2, minutes=50))
    assert (out.status, out.reason, out.action) == ("green", "signed_out", "sign_out")
    assert out.activity_minutes == 150  # 2 h 48 min, rounded down to 2.5 h
    assert out.args["hours"] == "2.5" and out.signed_in_at == T8 + timedelta(minutes=2)
    with w.db.read() as s:
        assert len(s.scalars(select(ScanEvent)).all()) == 2
        presence = s.scalars(select(Presence)).one()
        assert presence.state == "out" and presence.minutes == 150
        record = s.scalars(select(ServiceRecord)).one()
        assert (record.volunteer_id, record.minutes, record.source) == (vid, 150, "scan")
    assert kiosk.live_counts(w.db, w.activity_id) == kiosk.LiveCounts(1, 0, 0)


def test_same_card_within_the_window_returns_the_earlier_result_and_writes_nothing(w) -> None:
    _, card = volunteer_card(w)
    first = scan(w, card, T8)
    before = snapshot(w.db)
    again = scan(w, card.lower(), T8 + timedelta(seconds=4))
    assert again.duplicate and not again.wrote
    assert (again.status, again.reason, again.event_id) == ("green", "signed_in", first.event_id)
    assert snapshot(w.db) == before


def test_auto_mode_soon_after_sign_in_is_amber_and_a_second_scan_confirms(w) -> None:
    _, card = volunteer_card(w, "李四")
    scan(w, card, T8.replace(minute=32))
    amber = scan(w, card, T8.replace(minute=35))
    assert (amber.status, amber.reason, amber.action) == ("amber", "confirm_out", "none")
    assert amber.text == "李四 already signed in at 08:32 — scan again to sign out?"
    assert kiosk.live_counts(w.db, w.activity_id).present == 1
    # within the duplicate window: the same amber card again, nothing written
    assert scan(w, card, T8.replace(minute=35, second=3)).duplicate
    out = scan(w, card, T8.replace(minute=35, second=30))
    assert (out.status, out.action) == ("green", "sign_out")
    assert kiosk.live_counts(w.db, w.activity_id).present == 0


def test_an_amber_result_older_than_the_confirm_window_asks_again(w) -> None:
    _, card = volunteer_card(w)
    scan(w, card, T8)
    scan(w, card, T8 + timedelta(minutes=1))
    again = scan(w, card, T8 + timedelta(minutes=3))
    assert again.reason == "confirm_out"


def test_in_and_out_modes(w) -> None:
    _, card = volunteer_card(w, "王五")
    before = snapshot(w.db)
    refused = scan(w, card, T8, mode="out")
    assert (refused.status, refused.reason) == ("red", "not_signed_in")
    assert changed(before, snapshot(w.db)) == {
        "scan": 1,
        "audit": 1,
    }  # sign-out without sign-in (sealed)
    assert scan(w, card, T8 + timedelta(minutes=1), mode="in").reason == "signed_in"
    already = scan(w, card, T8 + timedelta(minutes=20), mode="in")
    assert (already.status, already.reason) == ("amber", "already_in")
    assert already.text == "王五 is already signed in (since 08:01)"
    # out mode signs out at once, however soon
    assert scan(w, card, T8 + timedelta(minutes=21), mode="out").reason == "signed_out"


@pytest.mark.parametrize("case", ["forged", "foreign", "unknown", "revoked", "malformed", "slip"])
def test_bad_cards_are_red_and_write_only_their_scan_event(w, case) -> None:
    vid, card = volunteer_card(w)
    if case == "forged":  # one of our cards with an edited security code
        payload = card[:-1] + ("A" if card[-1] != "A" else "B")
    elif case == "foreign":  # a card of another township: another key, an id we never made
        payload = cards.sign_payload(os.urandom(32), "V", new_id())
    elif case == "unknown":  # another station of the township: our key, no card row here
        payload = cards.sign_payload(w.key, "V", new_id())
    elif case == "revoked":
        payload = card
        volunteers.reissue_volunteer_card(w.db, w.admin, w.key, vid, "丢失")
    elif case == "malformed":
        payload = "ＷＢ1：V：张三"
    else:
        payload = cards.slip_payload(w.key, new_id())
    before = snapshot(w.db)
    r = scan(w, payload, T8)
    expected = {"slip": "not_a_card"}.get(case, case)
    assert (r.status, r.reason, r.action) == ("red", expected, "none")
    assert r.wrote and r.text
    # its scan event, and the audit entry that seals it (no row goes unaccounted)
    assert changed(before, snapshot(w.db)) == {"scan": 1, "audit": 1}


def test_household_card_records_participation_and_awards_points_once(w) -> None:
    hid, card = household_card(w, "3-12", "王五")
    before = snapshot(w.db)
    r = scan(w, card, T8)
    assert (r.status, r.reason, r.kind, r.points) == ("green", "household", "H", 5)
    assert r.text == "Household 3-12 (王五) recorded: +5 points"
    assert changed(before, snapshot(w.db)) == {
        "scan": 1,
        "participation": 1,
        "point_entry": 1,
        "balance": 5,
        "audit": 1,
    }
    mid = snapshot(w.db)
    again = scan(w, card, T8 + timedelta(minutes=30), mode="out")
    assert (again.status, again.reason, again.points) == ("amber", "household_repeat", 0)
    assert changed(mid, snapshot(w.db)) == {"scan": 1, "audit": 1}
    with w.db.read() as s:
        entry = s.scalars(select(PointEntry).where(PointEntry.household_id == hid)).one()
        assert (entry.link_type, entry.link_id, entry.points) == ("activity", w.activity_id, 5)
    assert households.get_household(w.db, hid).balance == 5
    assert kiosk.live_counts(w.db, w.activity_id).households == 1


def test_household_points_refused_by_the_ledger_still_record_participation(w) -> None:
    from app.services import points

    points.create_rule(
        w.db, w.admin, points.RuleData(code="CAP1", name="封顶", points=5, cap_per_period=5)
    )
    a1 = new_activity(w.db, w.worker, rule="CAP1", title="第一场")
    a2 = new_activity(w.db, w.worker, rule="CAP1", title="第二场")
    _, card = household_card(w, "1-1")
    assert scan(w, card, T8, activity_id=a1).points == 5
    r = scan(w, card, T8, activity_id=a2)
    assert (r.status, r.reason, r.points) == ("amber", "household", 0)
    assert "cap" in r.text
    assert kiosk.live_counts(w.db, a2).households == 1


def test_household_card_refused_where_only_volunteers_are_taken(w) -> None:
    aid = new_activity(w.db, w.worker, allow_households=False, title="志愿者培训")
    _, card = household_card(w, "2-1")
    before = snapshot(w.db)
    r = scan(w, card, T8, activity_id=aid)
    assert (r.status, r.reason) == ("red", "household_not_allowed")
    # its scan event, and the audit entry that seals it (no row goes unaccounted)
    assert changed(before, snapshot(w.db)) == {"scan": 1, "audit": 1}


def test_scans_after_close_are_refused_and_close_signs_out_everyone_for_review(w) -> None:
    a, card_a = volunteer_card(w, "甲")
    _, card_b = volunteer_card(w, "乙")
    scan(w, card_a, T8)
    scan(w, card_b, T8 + timedelta(minutes=5))
    scan(w, card_b, T8 + timedelta(hours=1))  # 乙 signs out properly
    result = activities.close_activity(w.db, w.worker, w.activity_id, DAY.replace(hour=15))
    assert result.signed_out == 1 and result.activity.state == "closed"
    with w.db.read() as s:
        record = s.scalars(select(ServiceRecord).where(ServiceRecord.volunteer_id == a)).one()
        assert record.source == "close" and record.review_reason == "closed"
        assert record.minutes == 240  # until the scheduled end at 12:00, not 15:00
    flagged = service_hours.fetch_records(
        w.db, 0, 10, service_hours.RecordFilter(flagged_only=True)
    )
    assert [r.volunteer_id for r in flagged] == [a]
    before = snapshot(w.db)
    r = scan(w, card_a, DAY.replace(hour=15, minute=1))
    assert (r.status, r.reason) == ("red", "closed")
    # its scan event, and the audit entry that seals it (no row goes unaccounted)
    assert changed(before, snapshot(w.db)) == {"scan": 1, "audit": 1}
    with pytest.raises(activities.ActivityRefused):
        activities.close_activity(w.db, w.worker, w.activity_id, DAY.replace(hour=16))


def test_planned_activity_takes_no_scans(w) -> None:
    aid = new_activity(w.db, w.worker, open_it=False)
    _, card = volunteer_card(w)
    assert scan(w, card, T8, activity_id=aid).reason == "not_open"


def test_clock_moved_backwards_never_gives_negative_hours_and_is_flagged(w) -> None:
    vid, card = volunteer_card(w, "张三")
    _, other = volunteer_card(w, "李四")
    scan(w, card, DAY.replace(hour=10))
    # the PC clock is set back by an hour; the next scans come "before" the first
    r_other = scan(w, other, DAY.replace(hour=9, minute=10))
    assert r_other.reason == "signed_in" and "clock_back" in r_other.flags
    r = scan(w, card, DAY.replace(hour=9, minute=30), mode="out")
    assert (r.status, r.reason, r.action) == ("amber", "clock_back", "sign_out")
    assert r.activity_minutes == 0
    with w.db.read() as s:
        record = s.scalars(select(ServiceRecord).where(ServiceRecord.volunteer_id == vid)).one()
        assert record.minutes == 0 and record.raw_minutes < 0
        assert "clock_back" in record.review_reason
    # a 0-hour record cannot be approved until corrected
    with pytest.raises(service_hours.HoursRefused):
        service_hours.approve(w.db, w.admin, [record.id])


def test_annul_a_mistaken_sign_in_and_household_scan(w) -> None:
    _, card = volunteer_card(w, "张三")
    hid, hcard = household_card(w, "5-5")
    signed = scan(w, card, T8)
    house = scan(w, hcard, T8)
    annul = kiosk.annul_scan(w.db, w.worker, signed.event_id, "扫错了人", T8 + timedelta(minutes=1))
    assert annul.action == "annul" and annul.reason == "annulled"
    assert kiosk.live_counts(w.db, w.activity_id).signed_in == 0
    kiosk.annul_scan(w.db, w.worker, house.event_id, "不是本户", T8 + timedelta(minutes=2))
    assert households.get_household(w.db, hid).balance == 0
    assert kiosk.live_counts(w.db, w.activity_id).households == 0
    with pytest.raises(kiosk.KioskRefused):
        kiosk.annul_scan(w.db, w.worker, signed.event_id, "再来", T8 + timedelta(minutes=3))
    with pytest.raises(kiosk.KioskRefused):
        kiosk.annul_scan(w.db, w.worker, annul.event_id, "再来", T8 + timedelta(minutes=3))
    with pytest.raises(ValidationError):
        kiosk.annul_scan(w.db, w.worker, house.event_id, "  ", T8)
    # the household may scan in again and gets its points again, once
    again = scan(w, hcard, T8 + timedelta(minutes=10))
    assert again.points == 5 and households.get_household(w.db, hid).balance == 5
    rows = kiosk.recent_scans(w.db, w.activity_id)
    assert rows[0].id == again.event_id
    assert {r.id for r in rows if r.annulled} == {signed.event_id, house.event_id}


def test_annul_a_sign_out_puts_the_person_back_and_withdraws_the_hours(w) -> None:
    _, card = volunteer_card(w)
    scan(w, card, T8)
    out = scan(w, card, T8 + timedelta(hours=1))
    kiosk.annul_scan(w.db, w.worker, out.event_id, "还没走", T8 + timedelta(hours=1, minutes=1))
    assert kiosk.live_counts(w.db, w.activity_id).present == 1
    rejected = service_hours.fetch_records(
        w.db, 0, 5, service_hours.RecordFilter(status="rejected")
    )
    assert len(rejected) == 1
    final = scan(w, card, T8 + timedelta(hours=3))
    assert final.action == "sign_out" and final.activity_minutes == 180


def test_annul_refused_when_hours_are_already_approved(w) -> None:
    _, card = volunteer_card(w)
    signed = scan(w, card, T8)
    scan(w, card, T8 + timedelta(hours=2))
    record = service_hours.fetch_records(w.db, 0, 1)[0]
    service_hours.approve(w.db, w.admin, [record.id])
    before = snapshot(w.db)
    with pytest.raises(kiosk.KioskRefused, match="approved"):
        kiosk.annul_scan(w.db, w.worker, signed.event_id, "错", T8 + timedelta(hours=3))
    assert snapshot(w.db) == before


def test_manual_fallback_and_bad_requests(w) -> None:
    vid, _ = volunteer_card(w, "张三")
    r = kiosk.manual_scan(w.db, w.worker, w.activity_id, vid, "in", T8)
    assert r.reason == "signed_in" and "manual" in r.flags
    before = snapshot(w.db)
    with pytest.raises(ValidationError):
        scan(w, "   ", T8)
    with pytest.raises(ValidationError):
        scan(w, "X", T8, mode="sideways")
    with pytest.raises(NotFound):
        scan(w, "X", T8, activity_id="no-such-activity")
    assert snapshot(w.db) == before


def test_inactive_volunteer_is_refused(w) -> None:
    vid, card = volunteer_card(w, "张三")
    volunteers.set_volunteer_active(w.db, w.admin, vid, False)
    r = scan(w, card, T8)
    assert (r.status, r.reason) == ("red", "inactive")


def test_participation_is_unique_per_activity_and_household(w) -> None:
    """The household's card scanned twice, past the duplicate-scan window: one
    participation, and the second scan says the household is already counted."""
    hid, card = household_card(w, "8-8")
    first = scan(w, card, T8)
    second = scan(w, card, T8 + timedelta(hours=1))
    assert (first.status, first.reason) == ("green", "household")
    assert (second.status, second.reason) == ("amber", "household_repeat")
    with w.db.read() as s:
        assert s.scalars(select(Participation)).one().household_id == hid


def test_scan_results_read_back_from_the_ledger(w) -> None:
    _, card = volunteer_card(w, "张三")
    r = scan(w, card, datetime(2026, 5, 9, 8, 0))
    row = kiosk.recent_scans(w.db, w.activity_id, 1)[0]
    assert row.text == r.text and row.status == "green"


def test_close_time_sign_outs_read_back_in_the_recent_scans(w) -> None:
    _, card = volunteer_card(w, "张三")
    scan(w, card, T8)
    activities.close_activity(w.db, w.worker, w.activity_id, DAY.replace(hour=11))
    row = kiosk.recent_scans(w.db, w.activity_id, 1)[0]
    assert (row.origin, row.reason) == ("close", "closed")
    assert row.text == "张三 was signed out when the activity closed"
