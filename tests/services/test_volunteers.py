"""Volunteers, teams, sub-records, search, the lazy list, cards and the policy."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from volunteers_factory import make_id, make_world, new_volunteer, snapshot, worker_of

from app.errors import NotFound, PermissionDenied, ValidationError
from app.models import Role
from app.services import cards, volunteers
from app.services.auth import Actor
from app.services.households import HouseholdData, MemberData, create_household
from app.services.volunteers import VolunteerData, VolunteerFilter, VolunteerPolicy


def test_a_volunteer_gets_a_station_number_and_masked_personal_data(station_db) -> None:
    db, admin = station_db
    id_number = make_id("19850312", seq="124")  # even 17th digit: female
    v = volunteers.create_volunteer(
        db,
        admin,
        VolunteerData(
            name="李 秀英",
            id_number=id_number,
            phone="139 1234 5678",
            skills=("唱歌", "剪纸"),
            service_categories=("文化文艺",),
        ),
    )
    assert v.number == "101001-V-00001"
    assert v.name == "李 秀英"
    assert v.id_masked == "330***********" + id_number[-4:]
    assert v.phone_masked == "139****5678"
    assert v.birth_date == date(1985, 3, 12) and v.sex == "F"
    assert v.skills == ("唱歌", "剪纸") and v.service_categories == ("文化文艺",)
    second = volunteers.create_volunteer(db, admin, VolunteerData(name="王五"))
    assert second.number == "101001-V-00002"
    assert volunteers.volunteer_personal(db, admin, v.id) == (id_number, "13912345678")


@pytest.mark.parametrize(
    "data",
    [
        VolunteerData(name=""),
        VolunteerData(name="张三", id_number="330481199001011230"),  # bad check digit
        VolunteerData(name="张三", phone="12345"),
        VolunteerData(name="张三", id_type="passport", id_number="E1"),
        VolunteerData(name="张三", id_type="library_card", id_number="E1234567"),
        VolunteerData(name="张三", service_categories=("打麻将",)),
        VolunteerData(name="张三", sex="X"),
    ],
)
def test_bad_volunteer_forms_are_refused_and_change_nothing(station_db, data) -> None:
    db, admin = station_db
    before = snapshot(db)
    with pytest.raises(ValidationError):
        volunteers.create_volunteer(db, admin, data)
    assert snapshot(db) == before
    assert volunteers.count_volunteers(db) == 0


def test_passport_numbers_are_kept_and_masked(station_db) -> None:
    db, admin = station_db
    v = volunteers.create_volunteer(
        db, admin, VolunteerData(name="Anna", id_type="passport", id_number="e1234 5678")
    )
    assert v.id_type == "passport" and v.id_masked == "E12**5678"


def test_the_same_id_number_cannot_be_registered_twice(station_db) -> None:
    db, admin = station_db
    new_volunteer(db, admin, "张三", id_number=make_id())
    before = snapshot(db)
    with pytest.raises(ValidationError, match="already registered"):
        new_volunteer(db, admin, "张三丰", id_number=make_id())
    assert snapshot(db) == before


def test_a_volunteer_can_be_linked_to_one_resident(station_db) -> None:
    db, admin = station_db
    h = create_household(db, admin, HouseholdData(number="1-1"), MemberData(name="赵六"))
    member_id = h.members[0].id
    v = volunteers.create_volunteer(db, admin, VolunteerData(name="赵六", member_id=member_id))
    assert v.member_id == member_id
    with pytest.raises(ValidationError, match="already registered as volunteer"):
        volunteers.create_volunteer(db, admin, VolunteerData(name="赵六", member_id=member_id))
    with pytest.raises(NotFound):
        volunteers.create_volunteer(db, admin, VolunteerData(name="赵七", member_id="nope"))


def test_update_and_deactivate_are_audited_and_keep_the_number(station_db) -> None:
    db, admin = station_db
    vid = new_volunteer(db, admin, "张三")
    v = volunteers.update_volunteer(
        db, admin, vid, VolunteerData(name="张三丰", phone="13800001111")
    )
    assert v.name == "张三丰" and v.number.endswith("00001") and v.phone_masked == "138****1111"
    v = volunteers.set_volunteer_active(db, admin, vid, False, "搬走")
    assert not v.active
    assert volunteers.count_volunteers(db) == 0
    assert volunteers.count_volunteers(db, VolunteerFilter(include_inactive=True)) == 1


def test_search_by_name_initials_number_phone_tail_and_card(station_db, data_dir) -> None:
    db, admin = station_db
    w = make_world(db, admin, data_dir)
    a = new_volunteer(db, admin, "张三", phone="13912345678")
    b = new_volunteer(db, admin, "李四", phone="13800005678")
    new_volunteer(db, admin, "王张明")
    assert volunteers.search_volunteers(db, "张三")[0].id == a
    assert {h.name for h in volunteers.search_volunteers(db, "张")} == {"张三", "王张明"}
    assert [h.id for h in volunteers.search_volunteers(db, "zs")] == [a]
    assert [h.id for h in volunteers.search_volunteers(db, "101001-V-00002")] == [b]
    assert [h.id for h in volunteers.search_volunteers(db, "2")] == [b]
    assert {h.id for h in volunteers.search_volunteers(db, "5678")} == {a, b}
    card = volunteers.issue_volunteer_card(db, admin, w.key, b)
    assert [
        h.id for h in volunteers.search_volunteers(db, card.payload.lower(), card_key=w.key)
    ] == [b]
    assert volunteers.search_volunteers(db, "") == []
    assert volunteers.search_volunteers(db, "%") == []


def test_lazy_list_counts_and_fetches_windows_with_filters(station_db) -> None:
    db, admin = station_db
    team = volunteers.create_team(db, admin, volunteers.TeamData("红马甲", "文化文艺"))
    for i in range(25):
        vid = new_volunteer(
            db, admin, f"志愿者{i}", service_categories=("卫生健康",) if i % 5 == 0 else ()
        )
        if i < 3:
            volunteers.add_to_team(db, admin, team.id, vid)
    assert volunteers.count_volunteers(db) == 25
    page = volunteers.fetch_volunteers(db, 20, 10)
    assert [h.number[-2:] for h in page] == ["21", "22", "23", "24", "25"]
    assert volunteers.count_volunteers(db, VolunteerFilter(category="卫生健康")) == 5
    assert volunteers.count_volunteers(db, VolunteerFilter(team_id=team.id)) == 3
    assert volunteers.count_volunteers(db, VolunteerFilter(text="志愿者1")) == 11


def test_default_teams_are_seeded_once_and_memberships_kept(station_db) -> None:
    db, admin = station_db
    assert len(volunteers.list_teams(db)) == 10  # seeded at station set-up
    assert volunteers.seed_default_teams(db, admin) == 0
    teams = volunteers.list_teams(db)
    assert teams[0].name == "理论宣讲志愿服务队" and len(teams) == 10
    vid = new_volunteer(db, admin)
    v = volunteers.add_to_team(db, admin, teams[1].id, vid, "队长")
    assert [(t.name, t.role) for t in v.teams] == [("文化文艺志愿服务队", "队长")]
    v = volunteers.remove_from_team(db, admin, teams[1].id, vid)
    assert v.teams == ()
    v = volunteers.add_to_team(db, admin, teams[1].id, vid)
    assert len(v.teams) == 1
    with pytest.raises(ValidationError, match="already a team"):
        volunteers.create_team(db, admin, volunteers.TeamData("文化文艺志愿服务队"))


def test_sub_records_are_listed_and_withdrawn_as_tombstones(station_db) -> None:
    db, admin = station_db
    vid = new_volunteer(db, admin)
    t = volunteers.add_training(db, admin, vid, date(2026, 3, 1), "急救培训", "县红十字会", 120)
    volunteers.add_award(db, admin, vid, date(2026, 1, 1), "优秀志愿者", "县")
    volunteers.add_evaluation(db, admin, vid, "2025", "优秀")
    records = volunteers.list_sub_records(db, vid)
    assert len(records.trainings) == len(records.awards) == len(records.evaluations) == 1
    volunteers.remove_sub_record(db, admin, "training", t.id)
    assert volunteers.list_sub_records(db, vid).trainings == ()
    with pytest.raises(ValidationError):
        volunteers.add_training(db, admin, vid, date(2999, 1, 1), "未来")
    with pytest.raises(ValidationError):
        volunteers.add_evaluation(db, admin, vid, "last year", "优秀")
    with pytest.raises(NotFound):
        volunteers.remove_sub_record(db, admin, "training", t.id)


def test_reissued_volunteer_card_revokes_the_old_one(station_db, data_dir) -> None:
    db, admin = station_db
    w = make_world(db, admin, data_dir)
    vid = new_volunteer(db, admin)
    first = volunteers.issue_volunteer_card(db, admin, w.key, vid)
    assert volunteers.issue_volunteer_card(db, admin, w.key, vid).payload == first.payload
    second = volunteers.reissue_volunteer_card(db, admin, w.key, vid, "丢失")
    assert second.serial == 2 and second.payload != first.payload
    with pytest.raises(cards.RevokedCard, match=r"No\. 2"):  # refused with the reason, not []
        volunteers.search_volunteers(db, first.payload, card_key=w.key)
    assert [h.id for h in volunteers.search_volunteers(db, second.payload, card_key=w.key)] == [vid]
    volunteers.set_volunteer_active(db, admin, vid, False)
    with pytest.raises(ValidationError, match="inactive"):
        volunteers.issue_volunteer_card(db, admin, w.key, vid)


def test_counter_role_cannot_register_volunteers(station_db) -> None:
    db, _ = station_db
    counter = Actor("x", "c", "柜台", Role.COUNTER)
    with pytest.raises(PermissionDenied):
        volunteers.create_volunteer(db, counter, VolunteerData(name="张三"))


def test_policy_is_saved_validated_and_needs_settings_permission(station_db) -> None:
    db, admin = station_db
    worker = worker_of(db, admin)
    policy = replace(VolunteerPolicy(), rounding_minutes=15, star_thresholds_hours=(50, 100))
    with pytest.raises(PermissionDenied):
        volunteers.save_policy(db, worker, policy)
    volunteers.save_policy(db, admin, policy)
    assert volunteers.get_policy(db).rounding_minutes == 15
    assert volunteers.get_policy(db).star_thresholds_hours == (50, 100)
    for bad in (
        replace(policy, star_thresholds_hours=(100, 50)),
        replace(policy, rounding_minutes=7),
        replace(policy, team_categories=()),
        replace(policy, certificate_prefix="证明"),
    ):
        with pytest.raises(ValidationError):
            volunteers.save_policy(db, admin, bad)
    assert volunteers.get_policy(db).rounding_minutes == 15
