"""One user action, one transaction: a batch done from a list (reject several records,
change a volunteer's teams, print a sheet of cards, a year's star certificates)
is all or nothing — a refusal part-way leaves nothing of the batch behind."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select
from volunteers_factory import make_world, new_volunteer

from app.errors import ValidationError
from app.models import Card, Certificate
from app.services import cards, households, volunteers
from app.services.documents.cards import household_cards_pdf, volunteer_cards_pdf
from app.services.households import HouseholdData, MemberData
from app.services.volunteers import TeamData, certificates
from app.services.volunteers import hours as service_hours
from app.services.volunteers.hours import HoursRefused


@pytest.fixture
def w(station_db, data_dir):  # type: ignore[no-untyped-def]
    db, admin = station_db
    return make_world(db, admin, data_dir)


def _pending(w, vid: str, day: int) -> str:  # type: ignore[no-untyped-def]
    return service_hours.add_manual_record(
        w.db, w.worker, vid, date(2026, 3, day), 60, "清扫村道", "补录"
    ).id


def _count(w, model) -> int:  # type: ignore[no-untyped-def]
    with w.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_rejecting_several_records_is_all_or_nothing(w) -> None:  # type: ignore[no-untyped-def]
    vid = new_volunteer(w.db, w.worker)
    first, second, decided = (_pending(w, vid, d) for d in (1, 2, 3))
    service_hours.approve(w.db, w.admin, [decided])
    with pytest.raises(HoursRefused):
        service_hours.reject_many(w.db, w.admin, [first, second, decided], "重复登记")
    assert [service_hours.get_record(w.db, r).status for r in (first, second)] == [
        "pending",
        "pending",
    ]
    assert service_hours.reject_many(w.db, w.admin, [first, second], "重复登记") == 2
    assert {service_hours.get_record(w.db, r).status for r in (first, second)} == {"rejected"}


def test_changing_teams_is_all_or_nothing(w) -> None:  # type: ignore[no-untyped-def]
    vid = new_volunteer(w.db, w.worker)
    old = volunteers.create_team(w.db, w.admin, TeamData(name="理论宣讲队"))
    new = volunteers.create_team(w.db, w.admin, TeamData(name="环境整治队"))
    closed = volunteers.create_team(w.db, w.admin, TeamData(name="文艺队"))
    volunteers.add_to_team(w.db, w.worker, old.id, vid)
    volunteers.set_team_active(w.db, w.admin, closed.id, False)
    with pytest.raises(ValidationError):
        volunteers.change_teams(w.db, w.worker, vid, (new.id, closed.id), (old.id,))
    assert [t.name for t in volunteers.get_volunteer(w.db, vid).teams] == ["理论宣讲队"]
    view = volunteers.change_teams(w.db, w.worker, vid, (new.id,), (old.id,))
    assert [t.name for t in view.teams] == ["环境整治队"]


def test_a_card_sheet_with_a_refused_volunteer_issues_no_card(w) -> None:  # type: ignore[no-untyped-def]
    fine = new_volunteer(w.db, w.worker, "王芳")
    gone = new_volunteer(w.db, w.worker, "李四")
    volunteers.set_volunteer_active(w.db, w.worker, gone, False, "迁出")
    with pytest.raises(ValidationError):
        volunteer_cards_pdf(w.db, w.worker, w.data_dir, [fine, gone])
    assert _count(w, Card) == 0
    sheet = volunteer_cards_pdf(w.db, w.worker, w.data_dir, [fine])
    assert sheet.startswith(b"%PDF-") and _count(w, Card) == 1


def test_reissuing_a_sheet_of_household_cards_is_one_transaction(w) -> None:  # type: ignore[no-untyped-def]
    a = households.create_household(w.db, w.worker, HouseholdData("1-1"), MemberData(name="张三"))
    b = households.create_household(w.db, w.worker, HouseholdData("1-2"), MemberData(name="李四"))
    household_cards_pdf(w.db, w.worker, w.data_dir, [a.id, b.id])
    households.set_household_active(w.db, w.admin, b.id, False, "迁出")
    with pytest.raises(ValidationError):  # a closed household gets no card
        household_cards_pdf(w.db, w.worker, w.data_dir, [a.id, b.id], reissue=True, reason="补办")
    with w.db.read() as s:  # 1-1's card was not revoked by the refused batch
        assert s.scalar(select(func.count()).where(Card.revoked_at.is_not(None))) == 0
    current = cards.current_cards(w.db, w.key, cards.CardKind.HOUSEHOLD, [a.id])
    assert current[0] is not None and current[0].serial == 1


def test_a_cancelled_star_batch_takes_no_numbers(w) -> None:  # type: ignore[no-untyped-def]
    ids = [new_volunteer(w.db, w.worker, name) for name in ("王芳", "李四", "赵六")]
    with w.db.write() as s:
        for vid in ids:
            volunteers.get_volunteer_row(s, vid).star_level = 5

    class Stop(Exception):
        pass

    def stop_at_the_second(done: int, total: int) -> None:
        if done == 2:
            raise Stop

    with pytest.raises(Stop):
        certificates.issue_stars(w.db, w.worker, w.key, ids, step=stop_at_the_second)
    assert _count(w, Certificate) == 0
    issued = certificates.issue_stars(w.db, w.worker, w.key, ids)
    assert [c.number[-4:] for c in issued] == ["0001", "0002", "0003"]


def test_the_edit_form_keeps_the_stored_phone_when_left_blank(w) -> None:  # type: ignore[no-untyped-def]
    h = households.create_household(
        w.db, w.worker, HouseholdData("1-1", phone="13800001234"), MemberData(name="张三")
    )
    form = HouseholdData("1-1", group_name="一组", phone="")
    kept = households.update_household(w.db, w.worker, h.id, form, blank_phone_keeps=True)
    assert kept.phone_masked == h.phone_masked != "" and kept.group_name == "一组"


def test_adding_several_photos_is_all_or_nothing(w, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from hostile.images import jpeg, png

    from app.models import ActivityPhoto
    from app.services import activities

    good = [tmp_path / "a.jpg", tmp_path / "b.png"]
    good[0].write_bytes(jpeg(color="red"))
    good[1].write_bytes(png(color="green"))
    empty = tmp_path / "c.jpg"
    empty.write_bytes(b"")
    with pytest.raises(ValidationError):
        activities.add_photos(w.db, w.worker, w.data_dir.photos, w.activity_id, [*good, empty])
    assert _count(w, ActivityPhoto) == 0
    assert not [p for p in w.data_dir.photos.rglob("*") if p.is_file()]
    n = activities.add_photos(w.db, w.worker, w.data_dir.photos, w.activity_id, good)
    assert n == 2 and _count(w, ActivityPhoto) == 2
    assert len([p for p in w.data_dir.photos.rglob("*") if p.is_file()]) == 2
