"""The certificate register: numbering, refusals, reprints, voids, 公示, QR checks."""

from __future__ import annotations

import os
import threading
from datetime import date, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from volunteers_factory import DAY, make_id, make_world, new_volunteer, snapshot

from app.errors import PermissionDenied, ValidationError
from app.ids import new_id
from app.services import cards, volunteers
from app.services.volunteers import VolunteerData, certificates
from app.services.volunteers import hours as service_hours

START, END = date(2026, 1, 1), date(2026, 12, 31)


@pytest.fixture
def w(station_db, data_dir):
    db, admin = station_db
    return make_world(db, admin, data_dir)


def _approved(w, vid, day, minutes, content="清扫村道"):
    r = service_hours.add_manual_record(w.db, w.worker, vid, day, minutes, content, "补录")
    service_hours.approve(w.db, w.admin, [r.id])
    return r


def _volunteer_with_hours(w):
    v = volunteers.create_volunteer(
        w.db, w.worker, VolunteerData(name="张三", id_number=make_id("19900101", seq="123"))
    )
    _approved(w, v.id, date(2026, 3, 1), 120, "理论宣讲进村")
    _approved(w, v.id, date(2026, 4, 1), 90)
    pending = service_hours.add_manual_record(w.db, w.worker, v.id, date(2026, 4, 2), 60, "x", "y")
    assert pending.status == "pending"
    return v


def test_a_certificate_carries_every_element_and_the_approved_hours_only(w) -> None:
    v = _volunteer_with_hours(w)
    cert = certificates.issue_service_record(
        w.db, w.worker, w.key, v.id, START, END, issued_on=date(2026, 5, 9)
    )
    assert cert.number == "ZM-2026-0001" and cert.kind == "service_record"
    assert (cert.total_minutes, cert.total_hours) == (210, "3.5")
    assert cert.volunteer_name == "张三" and cert.volunteer_number == v.number
    assert cert.id_type == "居民身份证" and cert.id_masked == v.id_masked
    assert "*" in cert.id_masked
    assert [(s.service_date, s.title, s.hours) for s in cert.services] == [
        (date(2026, 3, 1), "理论宣讲进村", "2"),
        (date(2026, 4, 1), "清扫村道", "1.5"),
    ]
    assert cert.content == "参加理论宣讲进村、清扫村道2次志愿服务"
    assert cert.issuer == "东风村新时代文明实践站" and cert.leader_name == "王建国"
    assert cert.operator_name == "李秀英" and cert.contact_phone == "0573-87001234"
    assert not cert.is_copy and not cert.voided
    check = certificates.verify_certificate(w.db, w.key, cert.verify_payload)
    assert (check.status, check.number, check.total_minutes) == ("valid", cert.number, 210)


def test_no_approved_hours_in_the_period_is_refused_and_takes_no_number(w) -> None:
    v = _volunteer_with_hours(w)
    before = snapshot(w.db)
    with pytest.raises(certificates.CertificateRefused, match="no approved service hours"):
        certificates.issue_service_record(
            w.db, w.worker, w.key, v.id, date(2025, 1, 1), date(2025, 12, 31)
        )
    with pytest.raises(certificates.CertificateRefused):  # only pending hours on that day
        certificates.issue_service_record(
            w.db, w.worker, w.key, v.id, date(2026, 4, 2), date(2026, 4, 2)
        )
    with pytest.raises(ValidationError):
        certificates.issue_service_record(w.db, w.worker, w.key, v.id, END, START)
    assert snapshot(w.db) == before
    cert = certificates.issue_service_record(
        w.db, w.worker, w.key, v.id, START, END, issued_on=date(2026, 5, 9)
    )
    assert cert.number == "ZM-2026-0001"  # no gap from the refusals


def test_numbers_are_sequential_per_year_and_without_gaps(w) -> None:
    v = _volunteer_with_hours(w)
    numbers = [
        certificates.issue_service_record(
            w.db, w.worker, w.key, v.id, START, END, issued_on=day
        ).number
        for day in (date(2025, 12, 30), date(2026, 1, 2), date(2026, 1, 3), date(2025, 12, 31))
    ]
    assert numbers == ["ZM-2025-0001", "ZM-2026-0001", "ZM-2026-0002", "ZM-2025-0002"]
    assert certificates.count_register(w.db, 2026) == 2


def test_concurrent_issues_never_share_a_number(w) -> None:
    v = _volunteer_with_hours(w)
    numbers: list[str] = []
    errors: list[BaseException] = []

    def issue() -> None:
        try:
            for _ in range(5):
                numbers.append(
                    certificates.issue_service_record(
                        w.db, w.worker, w.key, v.id, START, END, issued_on=date(2026, 5, 9)
                    ).number
                )
        except BaseException as err:  # pragma: no cover - reported below
            errors.append(err)

    threads = [threading.Thread(target=issue) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sorted(numbers) == [f"ZM-2026-{i:04d}" for i in range(1, 16)]


def test_reprints_are_copies_and_voids_stay_listed(w) -> None:
    v = _volunteer_with_hours(w)
    cert = certificates.issue_service_record(w.db, w.worker, w.key, v.id, START, END)
    copy = certificates.reprint(w.db, w.worker, w.key, cert.id, "原件遗失")
    assert copy.is_copy and copy.copy_no == 1 and copy.number == cert.number
    assert certificates.reprint(w.db, w.worker, w.key, cert.id).copy_no == 2
    with pytest.raises(PermissionDenied):
        certificates.void(w.db, w.worker, cert.id, "填错")
    with pytest.raises(ValidationError):
        certificates.void(w.db, w.admin, cert.id, "  ")
    row = certificates.void(w.db, w.admin, cert.id, "时段填错")
    assert row.voided and row.void_reason == "时段填错" and row.reprints == 2
    before = snapshot(w.db)
    with pytest.raises(certificates.CertificateRefused):
        certificates.void(w.db, w.admin, cert.id, "again")
    with pytest.raises(certificates.CertificateRefused):
        certificates.reprint(w.db, w.worker, w.key, cert.id)
    assert snapshot(w.db) == before
    register = certificates.fetch_register(w.db, 0, 10)
    assert [(r.number, r.voided) for r in register] == [(cert.number, True)]
    assert certificates.verify_certificate(w.db, w.key, cert.verify_payload).status == "voided"
    assert certificates.certificate_data(w.db, w.key, cert.id).voided


def test_publicity_list_shows_the_last_seven_days(w) -> None:
    v = _volunteer_with_hours(w)
    today = date.today()
    for days_ago in (0, 6, 7):
        certificates.issue_service_record(
            w.db, w.worker, w.key, v.id, START, END, issued_on=today - timedelta(days=days_ago)
        )
    rows = certificates.publicity_list(w.db, today)
    assert [r.issued_on for r in rows] == [today - timedelta(days=6), today]


def test_star_and_participation_certificates(w) -> None:
    vid = new_volunteer(w.db, w.worker, "李四")
    with pytest.raises(certificates.CertificateRefused):
        certificates.issue_star(w.db, w.worker, w.key, vid)
    for i in range(5):
        _approved(w, vid, date(2026, 1, 1) + timedelta(days=i), 24 * 60)
    service_hours.grant_stars(w.db, w.admin, [vid], date(2026, 1, 10))
    star = certificates.issue_star(w.db, w.worker, w.key, vid)
    assert (star.kind, star.star_level, star.total_minutes) == ("star", 1, 120 * 60)
    assert [c.volunteer_id for c in certificates.star_candidates(w.db, 2026, 1)] == [vid]
    assert certificates.star_candidates(w.db, 2026, 5) == []
    with pytest.raises(certificates.CertificateRefused):  # hours at the activity not approved
        certificates.issue_participation(w.db, w.worker, w.key, vid, w.activity_id)
    r = service_hours.add_manual_record(
        w.db, w.worker, vid, DAY.date(), 120, "", "补录", activity_id=w.activity_id
    )
    service_hours.approve(w.db, w.admin, [r.id])
    part = certificates.issue_participation(w.db, w.worker, w.key, vid, w.activity_id)
    assert part.activity_title == "理论宣讲进村" and part.total_minutes == 120
    assert [s.title for s in part.services] == ["理论宣讲进村"]


def test_foreign_or_non_certificate_codes_do_not_verify(w) -> None:
    assert certificates.verify_certificate(w.db, w.key, "hello").status == "invalid"
    other = cards.sign_payload(os.urandom(32), "C", new_id())
    assert certificates.verify_certificate(w.db, w.key, other).status == "invalid"
    ours = cards.sign_payload(w.key, "C", new_id())
    assert certificates.verify_certificate(w.db, w.key, ours).status == "unknown"


def test_register_rows_are_append_only(w) -> None:
    v = _volunteer_with_hours(w)
    certificates.issue_service_record(w.db, w.worker, w.key, v.id, START, END)
    with pytest.raises(DBAPIError), w.db.write() as s:
        s.execute(text("UPDATE certificate SET minutes = 9999"))
