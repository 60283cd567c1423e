"""Services own every action (issue 8): what a page does with one click — a batch of
200 cards, a year's star grants, a volunteer's or an activity's file, the month's
activities, the forms' catalogue, the home page's overview — is one service call and
one transaction, however many rows it touches."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import pytest
from sqlalchemy import event, func, select
from volunteers_factory import make_world

from app.db import Database
from app.models import AuditEntry, Card, Volunteer
from app.services import activities, station, volunteers
from app.services.documents.cards import household_cards_pdf, volunteer_cards_pdf
from app.services.households import HouseholdData, MemberData, add_household
from app.services.volunteers import certificates
from app.services.volunteers import hours as service_hours

BATCH = 200


@contextmanager
def transactions(db: Database) -> Iterator[list[int]]:
    """Count the transactions begun on *db* inside the block."""
    count = [0]

    def begun(_conn: object) -> None:
        count[0] += 1

    event.listen(db.engine, "begin", begun)
    try:
        yield count
    finally:
        event.remove(db.engine, "begin", begun)


@pytest.fixture
def w(station_db, data_dir):  # type: ignore[no-untyped-def]
    db, admin = station_db
    return make_world(db, admin, data_dir)


def _many_volunteers(w, n: int) -> list[str]:  # type: ignore[no-untyped-def]
    with w.db.write() as s:  # set-up in one go (this is not what is measured)
        return [
            volunteers.add_volunteer(s, w.worker, volunteers.VolunteerData(name=f"志愿者{i}")).id
            for i in range(n)
        ]


def _many_households(w, n: int) -> list[str]:  # type: ignore[no-untyped-def]
    with w.db.write() as s:
        return [
            add_household(
                s, w.worker, HouseholdData(number=f"9-{i}"), MemberData(name=f"户主{i}")
            ).id
            for i in range(n)
        ]


def _audit(db: Database) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(AuditEntry)) or 0


@pytest.mark.parametrize("reissue", [False, True])
def test_a_batch_of_200_volunteer_cards_is_one_transaction(w, reissue: bool) -> None:  # type: ignore[no-untyped-def]
    ids = _many_volunteers(w, BATCH)
    if reissue:
        volunteer_cards_pdf(w.db, w.worker, w.data_dir, ids)
    before = _audit(w.db)
    with transactions(w.db) as count:
        pdf = volunteer_cards_pdf(w.db, w.worker, w.data_dir, ids, reissue=reissue, reason="补办")
    assert pdf.startswith(b"%PDF")
    assert count[0] == 1
    assert _audit(w.db) - before == BATCH  # one audit entry per card, all in that transaction
    with w.db.read() as s:
        live = select(func.count()).select_from(Card).where(Card.revoked_at.is_(None))
        assert s.scalar(live.where(Card.kind == "V")) == BATCH


def test_a_batch_of_200_household_cards_is_one_transaction(w) -> None:  # type: ignore[no-untyped-def]
    ids = _many_households(w, BATCH)
    with transactions(w.db) as count:
        pdf = household_cards_pdf(w.db, w.worker, w.data_dir, ids)
    assert pdf.startswith(b"%PDF") and count[0] == 1


def test_the_pages_reads_are_one_transaction_each(w) -> None:  # type: ignore[no-untyped-def]
    ids = _many_volunteers(w, BATCH)
    today = date.today()
    with w.db.write() as s:  # 200 volunteers reach their first star levels today
        policy = volunteers.load_policy(s)
        for v in s.scalars(select(Volunteer).where(Volunteer.id.in_(ids))):
            v.approved_minutes = 100 * 60
            assert service_hours.grant_in_session(s, w.worker, v, today, policy)
    month = activities.month_of(today)
    reads = {
        "grants of the year": lambda: service_hours.grants_of_year(w.db, today.year),
        "volunteer file": lambda: volunteers.volunteer_file(w.db, ids[0]),
        "activity file": lambda: activities.activity_file(w.db, w.activity_id),
        "month overview": lambda: activities.month_overview(w.db, month),
        "forms catalogue": lambda: volunteers.form_catalog(w.db),
        "home overview": lambda: station.overview(w.db),
    }
    for name, call in reads.items():
        with transactions(w.db) as count:
            result = call()
        assert count[0] == 1, name
        assert result, name
    grants = service_hours.grants_of_year(w.db, today.year)
    assert len({g.number for g in grants}) == BATCH and all(g.name for g in grants)
    # the year's one-star certificates: candidates read and 200 numbered in one go
    with transactions(w.db) as count:
        issued = certificates.issue_star_batch(w.db, w.worker, w.key, today.year, 1)
    assert count[0] == 1 and len(issued) == BATCH
    assert len({c.number for c in issued}) == BATCH
