"""户籍档案: create/edit households and members, privacy, search and paging."""

from __future__ import annotations

from datetime import date

import pytest
from household_factory import make_id, new_household, snapshot

from app.errors import NotFound, PermissionDenied, ValidationError
from app.models import AuditEntry, Member, Role
from app.services import households
from app.services.auth import Actor
from app.services.households import HouseholdData, HouseholdFilter, MemberData

COUNTER = Actor("x", "counter", "值守员", Role.COUNTER)


def test_create_household_with_head_caches_name_initials_and_masks(station_db) -> None:
    db, admin = station_db
    view = new_household(
        db,
        admin,
        "3-12",
        "张三",
        group_name="第三村民小组",
        phone="13812345678",
        id_number=make_id(),
    )
    assert view.number == "3-12" and view.head_name == "张三"
    assert view.phone_masked == "138****5678"
    (head,) = view.members
    assert head.is_head and head.relation == "户主"
    assert head.id_masked == "330***********" + make_id()[-4:]
    assert head.birth_date == date(1990, 1, 1)  # taken from the ID number
    with db.read() as s:
        member = s.get(Member, head.id)
        assert member.initials == "zs" and len(member.id_hash) == 64
        # the audit log is synced: it must not carry the full number
        summaries = " ".join(s.scalars(__import__("sqlalchemy").select(AuditEntry.summary)))
        assert make_id() not in summaries and "13812345678" not in summaries


def test_duplicate_household_number_is_refused_and_nothing_changes(station_db) -> None:
    db, admin = station_db
    new_household(db, admin, "001")
    before = snapshot(db)
    with pytest.raises(ValidationError, match="already in use"):
        new_household(db, admin, "001", "李四")
    assert snapshot(db) == before


def test_same_id_number_twice_is_refused_naming_the_other_resident(station_db) -> None:
    db, admin = station_db
    first = new_household(db, admin, "001", "张三", id_number=make_id())
    before = snapshot(db)
    with pytest.raises(ValidationError) as err:
        households.add_member(db, admin, first.id, MemberData("张小三", "子", id_number=make_id()))
    assert "张三" in str(err.value) and "001" in str(err.value)
    with pytest.raises(ValidationError):
        new_household(db, admin, "002", "王五", id_number=make_id())
    assert snapshot(db) == before


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (MemberData(""), "name"),
        (MemberData("李四", sex="X"), "Sex"),
        (MemberData("李四", id_number="3.30481E+17"), "scientific"),
        (MemberData("李四", phone="12345"), "mobile"),
        (MemberData("李四", birth_date=date(2999, 1, 1)), "birth date"),
        (MemberData("李四", id_number=make_id(), birth_date=date(1980, 1, 1)), "does not match"),
        (MemberData("李四", relation="户主"), "one head"),
    ],
)
def test_bad_member_input_is_refused(station_db, data: MemberData, fragment: str) -> None:
    db, admin = station_db
    h = new_household(db, admin, "001")
    before = snapshot(db)
    with pytest.raises(ValidationError) as err:
        households.add_member(db, admin, h.id, data)
    assert fragment in err.value.untranslated
    assert snapshot(db) == before


def test_bad_household_input_is_refused(station_db) -> None:
    db, admin = station_db
    with pytest.raises(ValidationError):
        households.create_household(db, admin, HouseholdData(""), MemberData("张三"))
    with pytest.raises(ValidationError):
        households.create_household(db, admin, HouseholdData("1 2"), MemberData("张三"))
    with pytest.raises(NotFound):
        households.add_member(db, admin, "nope", MemberData("李四"))


def test_counter_role_cannot_register_households(station_db) -> None:
    db, _ = station_db
    with pytest.raises(PermissionDenied):
        new_household(db, COUNTER, "001")


def test_update_member_and_change_head(station_db) -> None:
    db, admin = station_db
    h = new_household(db, admin, "001", "张三")
    son = households.add_member(db, admin, h.id, MemberData("张小明", "子", sex="男"))
    assert son.sex == "M"
    households.update_member(db, admin, son.id, MemberData("张晓明", "子", phone="13900001111"))
    households.set_head(db, admin, son.id, old_head_relation="父亲")
    view = households.get_household(db, h.id)
    assert view.head_name == "张晓明"
    heads = [m for m in view.members if m.is_head]
    assert [m.name for m in heads] == ["张晓明"]
    assert {m.name: m.relation for m in view.members}["张三"] == "父亲"
    assert households.search(db, "zxm")[0].id == h.id


def test_head_cannot_be_deactivated_but_a_member_can(station_db) -> None:
    db, admin = station_db
    h = new_household(db, admin, "001", "张三")
    with pytest.raises(ValidationError, match="head"):
        households.deactivate_member(db, admin, h.members[0].id, "迁出")
    m = households.add_member(db, admin, h.id, MemberData("李四", "妻"))
    with pytest.raises(ValidationError, match="reason"):
        households.deactivate_member(db, admin, m.id, " ")
    gone = households.deactivate_member(db, admin, m.id, "迁出")
    assert not gone.active and gone.left_reason == "迁出"


def test_full_personal_values_are_revealed_only_with_an_audit_entry(station_db) -> None:
    db, admin = station_db
    h = new_household(db, admin, "001", "张三", id_number=make_id(), head_phone="13812345678")
    from app.services import audit

    n = audit.count(db)
    assert households.member_personal(db, admin, h.members[0].id) == (make_id(), "13812345678")
    assert audit.count(db) == n + 1


@pytest.fixture
def village(station_db):
    db, admin = station_db
    made = {
        "001": new_household(db, admin, "001", "张三", phone="13812345678", group_name="一组"),
        "002": new_household(db, admin, "002", "李四", group_name="一组"),
        "010": new_household(db, admin, "010", "王五", group_name="二组"),
        "2": new_household(db, admin, "2", "赵六", group_name="二组"),
    }
    households.add_member(
        db, admin, made["002"].id, MemberData("张小花", "女", phone="13900005678")
    )
    return db, admin, made


def test_search_by_pinyin_initials_finds_heads_and_members(village) -> None:
    db, _, made = village
    hits = households.search(db, "zs")
    assert [h.id for h in hits] == [made["001"].id]
    hits = households.search(db, "ZX")  # a member, case-insensitive
    assert [(h.number, h.matched) for h in hits] == [("002", "张小花")]


def test_search_by_name_number_and_phone_tail(village) -> None:
    db, _, _ = village
    assert {h.number for h in households.search(db, "张")} == {"001", "002"}
    assert households.search(db, "00")[0].number == "001"
    assert households.search(db, "010")[0].number == "010"
    assert [h.number for h in households.search(db, "5678")] == ["001", "002"]
    assert households.search(db, "%") == []  # LIKE wildcards are literal
    assert households.search(db, "  ") == []
    assert len(households.search(db, "张", limit=1)) == 1
    hit = households.search(db, "001")[0]
    assert hit.phone_masked == "138****5678"  # masked in lists


def test_households_page_counts_and_windows_in_natural_order(village) -> None:
    db, _, _ = village
    assert households.count_households(db) == 4
    rows = households.fetch_households(db, 0, 10)
    assert [r.number for r in rows] == ["001", "002", "2", "010"]  # 1, 2, 2, 10
    assert [r.number for r in households.fetch_households(db, 1, 2)] == ["002", "2"]
    flt = HouseholdFilter(group_name="二组")
    assert households.count_households(db, flt) == 2
    assert households.count_households(db, HouseholdFilter(text="ww")) == 1
    assert households.list_groups(db) == ["一组", "二组"]


def test_closed_households_leave_search_and_page_by_default(village) -> None:
    db, admin, made = village
    households.set_household_active(db, admin, made["010"].id, False, "迁出")
    assert households.search(db, "ww") == []
    assert len(households.search(db, "ww", include_inactive=True)) == 1
    assert households.count_households(db) == 3
    assert households.count_households(db, HouseholdFilter(include_inactive=True)) == 4


def test_update_household_refuses_a_taken_number(village) -> None:
    db, admin, made = village
    with pytest.raises(ValidationError):
        households.update_household(db, admin, made["002"].id, HouseholdData("001"))
    view = households.update_household(
        db, admin, made["002"].id, HouseholdData("002", group_name="三组", address="东风路1号")
    )
    assert view.group_name == "三组"


def test_initials_and_sort_key_helpers() -> None:
    assert households.initials("张三") == "zs"
    assert households.initials("李Ann") == "lann"
    assert households.number_sort_key("3-12") == "00000003-00000012"


def test_editing_a_household_without_retyping_the_phone_keeps_it(station_db) -> None:
    db, admin = station_db
    h = new_household(db, admin, "009", phone="13812345678")
    assert h.phone_masked == "138****5678"
    kept = households.update_household(
        db, admin, h.id, HouseholdData(number="009", address="新地址", phone=None)
    )
    assert kept.phone_masked == "138****5678" and kept.address == "新地址"
    cleared = households.update_household(db, admin, h.id, HouseholdData(number="009", phone=""))
    assert cleared.phone_masked == ""


def test_residents_are_found_by_name_initials_or_part_of_the_name(station_db) -> None:
    db, admin = station_db
    new_household(db, admin, "3-12", head="张三")
    h = new_household(db, admin, "3-13", head="李四")
    households.add_member(db, admin, h.id, MemberData(name="李小三", relation="子"))
    assert [r.label for r in households.search_residents(db, "张")] == ["张三 · 3-12"]
    assert [r.name for r in households.search_residents(db, "lxs")] == ["李小三"]
    assert {r.name for r in households.search_residents(db, "三")} == {"张三", "李小三"}
    assert households.search_residents(db, "  ") == []
    hit = households.search_residents(db, "李小三")[0]
    assert households.describe_resident(db, hit.member_id) == hit
    assert hit.relation == "子" and hit.household_number == "3-13"


def test_a_scanned_card_names_its_resident(station_db, data_dir) -> None:
    from app.services import cards, keys, volunteers
    from app.services.volunteers import VolunteerData

    db, admin = station_db
    key = keys.card_key(data_dir.keys)
    h = new_household(db, admin, "3-13", head="李四")
    households.add_member(db, admin, h.id, MemberData(name="李小三", relation="子"))
    card = cards.issue_card(db, admin, key, "H", h.id).payload
    assert households.resident_of_card(db, key, card).label == "李四 · 3-13"
    son = households.search_residents(db, "李小三")[0]
    linked = volunteers.create_volunteer(
        db, admin, VolunteerData(name="李小三", member_id=son.member_id)
    )
    outsider = volunteers.create_volunteer(db, admin, VolunteerData(name="外村志愿者"))
    vcard = volunteers.issue_volunteer_card(db, admin, key, linked.id).payload
    assert households.resident_of_card(db, key, vcard) == son
    other = volunteers.issue_volunteer_card(db, admin, key, outsider.id).payload
    with pytest.raises(NotFound):
        households.resident_of_card(db, key, other)
    with pytest.raises(cards.ForgedCard):
        households.resident_of_card(db, key, card[:-2] + ("AA" if card[-2:] != "AA" else "BB"))


def test_village_groups_are_listed_in_natural_order(station_db) -> None:
    db, admin = station_db
    names = ["第三村民小组", "第一村民小组", "第十一村民小组", "第二村民小组", "第十村民小组"]
    names += ["10组", "2组", "1组"]
    with db.write() as s:
        for i, group in enumerate(names, 1):
            households.add_household(
                s, admin, HouseholdData(f"{i:03d}", group), MemberData(f"户{i}")
            )
    assert households.list_groups(db) == [
        "1组",
        "2组",
        "10组",
        "第一村民小组",
        "第二村民小组",
        "第三村民小组",
        "第十村民小组",
        "第十一村民小组",
    ]
    assert households.chinese_numeral_value("一百零五") == 105
    assert households.chinese_numeral_value("二十三") == 23
