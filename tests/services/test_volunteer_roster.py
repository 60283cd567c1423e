"""志愿者花名册: mapping, each row problem, hostile files, all-or-nothing commit, and the
masked list export."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import select
from volunteers_factory import make_id, new_volunteer, snapshot

from app.errors import ValidationError
from app.models import AuditEntry, Volunteer
from app.services import households, volunteers
from app.services.households import RosterError
from app.services.volunteers import TeamData, VolunteerData, VolunteerFilter
from app.services.volunteers.roster import (
    EXPORT_HEADER,
    VOLUNTEERS,
    commit_volunteer_import,
    export_volunteers_xlsx,
    validate_volunteer_rows,
)

HEADER = [
    "序号",
    "姓名",
    "性别",
    "出生日期",
    "证件类型",
    "证件号码",
    "手机",
    "村民小组",
    "住址",
    "技能/特长",
    "服务类别",
    "所属队伍",
]


def write_xlsx(
    path: Path, rows: list[list[object]], *, merge: str = "", header: list[str] = HEADER
) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "志愿者"
    ws.append(["东风村志愿者花名册"])  # a merged title row above the header
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    ws.append(header)
    for row in rows:
        ws.append(row)
    if merge:
        ws.merge_cells(merge)
    wb.save(path)
    return path


def read(path: Path) -> households.RosterPreview:
    return households.read_roster(path, spec=VOLUNTEERS)


@pytest.fixture
def teams(station_db) -> dict[str, str]:  # type: ignore[no-untyped-def]
    db, admin = station_db
    made = {}
    for name, category in (("文艺志愿服务队", "文化文艺"), ("理论宣讲队", "理论宣讲")):
        made[name] = volunteers.create_team(db, admin, TeamData(name, category)).id
    return made


GOOD = [
    [
        1,
        "张三",
        "男",
        None,
        "居民身份证",
        make_id("19800101", seq="111"),
        "13812345678",
        "一组",
        "东风路1号",
        "唱歌、剪纸",
        "文化文艺",
        "文艺志愿服务队",
    ],
    [
        2,
        "李梅",
        "女",
        date(1992, 2, 2),
        None,
        None,
        "139 1234 5678",
        "二组",
        None,
        None,
        None,
        None,
    ],
    [
        3,
        "王五",
        None,
        "1975-06-01",
        "护照",
        "E12345678",
        None,
        "一组",
        None,
        "书法",
        "理论宣讲，文化文艺",
        "理论宣讲队、文艺志愿服务队",
    ],
]


def test_headers_are_recognised_below_a_merged_title(tmp_path: Path) -> None:
    preview = read(write_xlsx(tmp_path / "v.xlsx", GOOD))
    assert preview.header_row == 2
    assert preview.mapping == {
        "name": 1,
        "sex": 2,
        "birth_date": 3,
        "id_type": 4,
        "id_number": 5,
        "phone": 6,
        "group_name": 7,
        "address": 8,
        "skills": 9,
        "service_categories": 10,
        "teams": 11,
    }
    assert [r.row_no for r in preview.rows] == [3, 4, 5]
    # other header words: 身份证号 / 联系电话 / 志愿服务队 / 特长
    other = ["姓名", "身份证号", "联系电话", "特长", "志愿服务队"]
    preview = read(
        write_xlsx(tmp_path / "o.xlsx", [["赵六", None, None, None, None]], header=other)
    )
    assert preview.mapping == {
        "name": 0,
        "id_number": 1,
        "phone": 2,
        "skills": 3,
        "teams": 4,
    }


def test_a_good_roster_imports_in_one_transaction(station_db, teams, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db, admin = station_db
    new_volunteer(db, admin, "老志愿者")
    preview = read(write_xlsx(tmp_path / "v.xlsx", GOOD))
    results = validate_volunteer_rows(db, preview, groups=["一组", "二组"])
    assert all(r.ok for r in results), [p.untranslated for r in results for p in r.problems]
    assert results[2].team_names == ("理论宣讲队", "文艺志愿服务队")
    counts = commit_volunteer_import(db, admin, results)
    assert counts.volunteers_created == 3
    assert (counts.first_number, counts.last_number) == ("101001-V-00002", "101001-V-00004")
    assert counts.team_places == 3
    zhang = volunteers.search_volunteers(db, "zs")[0]
    view = volunteers.get_volunteer(db, zhang.id)
    assert view.number == "101001-V-00002"
    assert view.id_masked.startswith("330") and "*" in view.id_masked
    assert view.phone_masked == "138****5678"
    assert view.birth_date == date(1980, 1, 1) and view.sex == "M"
    assert view.skills == ("唱歌", "剪纸") and view.service_categories == ("文化文艺",)
    assert [t.name for t in view.teams] == ["文艺志愿服务队"]
    wang = volunteers.get_volunteer(db, volunteers.search_volunteers(db, "王五")[0].id)
    assert wang.id_type == "passport" and {t.name for t in wang.teams} == {
        "理论宣讲队",
        "文艺志愿服务队",
    }
    li = volunteers.get_volunteer(db, volunteers.search_volunteers(db, "李梅")[0].id)
    assert li.birth_date == date(1992, 2, 2) and li.sex == "F"
    with db.read() as s:
        entry = s.scalars(
            select(AuditEntry).where(AuditEntry.action == "roster.import").order_by(AuditEntry.seq)
        ).one()
        assert entry.target_type == "volunteer"
        assert json.loads(entry.summary)["after"]["volunteers_created"] == 3
        # each volunteer is also audited as one registered by hand
        creates = s.scalars(
            select(AuditEntry.id).where(AuditEntry.action == "volunteer.create")
        ).all()
        assert len(creates) == 4
    # the same file again: every row with an ID number is a duplicate now
    again = validate_volunteer_rows(db, preview)
    assert "already registered to volunteer 张三 (101001-V-00002)" in " ".join(
        p.untranslated for p in again[0].problems
    )
    assert again[1].ok  # no ID number: nothing to match a person by


def bad_check_digit() -> str:
    good = make_id("19850505", seq="456")
    return good[:-1] + ("0" if good[-1] != "0" else "1")


def test_each_bad_row_gets_its_reasons(station_db, teams, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db, admin = station_db
    new_volunteer(db, admin, "老志愿者", id_number=make_id(seq="999"))
    volunteers.set_team_active(db, admin, teams["理论宣讲队"], False)

    def row(name: object, **cells: object) -> list[object]:  # cells by header text
        return [None, name, *(cells.get(h) for h in HEADER[2:])]

    rows = [
        row(None, 手机="13800001111"),  # 3: no name
        row("甲", 证件号码=bad_check_digit()),  # 4: check digit
        row("乙", 证件号码=330481199001011234),  # 5: number cell
        row("丙", 证件号码="3.30481E+17"),  # 6: scientific notation
        row("丁", 证件号码=make_id(seq="999")),  # 7: already a volunteer
        row("戊", 证件号码=make_id(seq="555")),  # 8: fine
        row("己", 证件号码=make_id(seq="555")),  # 9: same as row 8
        row("庚", 手机="1380000"),  # 10: phone
        row("辛", 所属队伍="舞龙队"),  # 11: unknown team
        row("壬", 所属队伍="理论宣讲队"),  # 12: disabled team
        row("癸", 证件类型="军官证"),  # 13: unknown ID type
        row("子", 服务类别="跳舞"),  # 14: not a category of the policy
        row("丑", 出生日期="1990-13-45"),  # 15: not a date
        row("寅", 村民小组="九组"),  # 16: unknown group
        row("卯", 性别="女", 证件号码=make_id(seq="111")),  # 17: odd 17th digit = male
    ]
    preview = read(write_xlsx(tmp_path / "bad.xlsx", rows))
    results = validate_volunteer_rows(db, preview, groups=["一组"])
    texts = {r.row_no: " | ".join(p.untranslated for p in r.problems) for r in results}
    assert "name" in texts[3]
    assert "typed wrong" in texts[4]
    assert "stored as a number" in texts[5]
    assert "scientific notation" in texts[6]
    assert "already registered to volunteer 老志愿者" in texts[7]
    assert texts[8] == ""
    assert "already on row 8" in texts[9]
    assert "11 digits" in texts[10]
    assert "舞龙队" in texts[11]
    assert "no longer active" in texts[12]
    assert "军官证" in texts[13]
    assert "跳舞" in texts[14]
    assert "birth date" in texts[15]
    assert "九组" in texts[16]
    assert "sex does not match" in texts[17]
    assert [r.row_no for r in results if r.ok] == [8]
    # each problem names the field it is about, for the dialog's list
    assert {p.column for p in results[1].problems} == {"id_number"}
    before = snapshot(db)
    with pytest.raises(ValidationError, match="without problems"):
        commit_volunteer_import(db, admin, results)
    with pytest.raises(ValidationError, match="no rows"):
        commit_volunteer_import(db, admin, [])
    assert snapshot(db) == before
    counts = commit_volunteer_import(db, admin, [r for r in results if r.ok])
    assert counts.volunteers_created == 1


def test_commit_is_all_or_nothing(station_db, teams, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db, admin = station_db
    preview = read(write_xlsx(tmp_path / "v.xlsx", GOOD))
    results = validate_volunteer_rows(db, preview)
    assert all(r.ok for r in results)
    # someone registers the third row's person between the check and the import
    volunteers.create_volunteer(
        db, admin, VolunteerData(name="王五", id_type="passport", id_number="E12345678")
    )
    before = snapshot(db)
    with db.read() as s:
        numbers_before = set(s.scalars(select(Volunteer.number)))
    with pytest.raises(ValidationError, match=r"Row 5: .*Nothing was imported"):
        commit_volunteer_import(db, admin, results)
    assert snapshot(db) == before
    with db.read() as s:
        assert set(s.scalars(select(Volunteer.number))) == numbers_before


def test_mapping_must_name_the_name_column(station_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db, _ = station_db
    preview = read(write_xlsx(tmp_path / "v.xlsx", GOOD))
    with pytest.raises(ValidationError, match="name"):
        validate_volunteer_rows(db, preview, {"phone": 6})


def test_empty_file_not_xlsx_and_sheets_without_rows(tmp_path: Path) -> None:
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    with pytest.raises(RosterError, match="empty"):
        read(empty)
    fake = tmp_path / "fake.xlsx"
    fake.write_text("姓名,手机\n张三,13812345678\n", encoding="utf-8")
    with pytest.raises(RosterError, match="not an Excel"):
        read(fake)
    zip_only = tmp_path / "zip.xlsx"
    zip_only.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(RosterError, match="not an Excel"):
        read(zip_only)
    with pytest.raises(RosterError, match="no rows"):
        read(write_xlsx(tmp_path / "h.xlsx", []))
    wb = Workbook()
    wb.active.append(["备注", "日期"])
    wb.save(tmp_path / "n.xlsx")
    with pytest.raises(RosterError, match="No header row"):
        read(tmp_path / "n.xlsx")


def test_formula_without_a_value_is_a_row_problem(station_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db, _ = station_db
    rows = [
        [1, "=B4", None, None, None, None, None, None, None, None, None, None],
        [2, "李四", None, None, None, None, "=123", None, None, None, None, None],
        [3, "王五", None, None, None, None, None, None, None, None, None, None],
    ]
    results = validate_volunteer_rows(db, read(write_xlsx(tmp_path / "f.xlsx", rows)))
    assert "formula" in results[0].problems[0].untranslated
    assert results[1].problems[0].column == "phone" and "手机" in results[1].problems[0].text
    assert results[2].ok


def test_a_merged_team_cell_covers_each_of_its_rows(
    station_db,
    teams,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    db, admin = station_db
    rows = [
        [1, "张一", None, None, None, None, None, None, None, None, None, "文艺志愿服务队"],
        [2, "张二", None, None, None, None, None, None, None, None, None, None],
        [3, "张三", None, None, None, None, None, None, None, None, None, None],
        [4, "张四", None, None, None, None, None, None, None, None, None, None],
    ]
    preview = read(write_xlsx(tmp_path / "m.xlsx", rows, merge="L3:L5"))
    assert [bool(r.merged) for r in preview.rows] == [False, True, True, False]
    results = validate_volunteer_rows(db, preview)
    assert [r.team_names for r in results] == [("文艺志愿服务队",)] * 3 + [()]
    commit_volunteer_import(db, admin, results)
    assert volunteers.count_volunteers(db, VolunteerFilter(team_id=teams["文艺志愿服务队"])) == 3


def test_the_export_has_masked_id_and_phone_only(station_db, teams, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db, admin = station_db
    id_number = make_id("19800101", seq="111")
    v = volunteers.create_volunteer(
        db,
        admin,
        VolunteerData(
            name="张三",
            id_number=id_number,
            phone="13812345678",
            skills=("唱歌",),
            service_categories=("文化文艺",),
        ),
        (teams["文艺志愿服务队"],),
    )
    other = new_volunteer(db, admin, "李四")
    volunteers.set_volunteer_active(db, admin, other, False)
    path = tmp_path / "out.xlsx"
    seen: list[tuple[int, int]] = []
    n = export_volunteers_xlsx(
        db, path, VolunteerFilter(), progress=lambda d, t: seen.append((d, t))
    )
    assert n == 1 and seen == [(1, 1)]
    assert not (tmp_path / "out.xlsx.part").exists()
    rows = list(load_workbook(path, read_only=True)["志愿者"].iter_rows(values_only=True))
    assert rows[0] == EXPORT_HEADER
    line = dict(zip(EXPORT_HEADER, rows[1], strict=True))
    assert line["志愿者编号"] == v.number and line["姓名"] == "张三" and line["性别"] == "男"
    assert line["证件号码"] == v.id_masked and line["联系电话"] == "138****5678"
    assert line["志愿服务队"] == "文艺志愿服务队" and line["状态"] == "在册"
    flat = " ".join(str(c) for r in rows for c in r)
    assert id_number not in flat and "13812345678" not in flat
    # the filter is the list's: the inactive volunteer only when asked for
    assert export_volunteers_xlsx(db, path, VolunteerFilter(include_inactive=True)) == 2
    # the exported sheet reads back as a volunteers roster (masked numbers flagged, not taken)
    preview = read(path)
    assert preview.mapping["id_number"] == EXPORT_HEADER.index("证件号码")
    assert preview.mapping["teams"] == EXPORT_HEADER.index("志愿服务队")


def test_a_cancelled_export_leaves_no_file(station_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db, admin = station_db
    new_volunteer(db, admin, "张三")

    class Cancelled(Exception):
        pass

    class Token:
        def check(self) -> None:
            raise Cancelled

    path = tmp_path / "out.xlsx"
    with pytest.raises(Cancelled):
        export_volunteers_xlsx(db, path, cancel=Token())
    assert not path.exists() and not (tmp_path / "out.xlsx.part").exists()


@pytest.mark.slow
def test_5000_volunteers_import_and_export(station_db, teams, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db, admin = station_db
    rows = [
        [i, f"志愿者{i}", None, None, None, None, f"139{i:08d}", None, None, None, None, None]
        for i in range(5200)
    ]
    results = validate_volunteer_rows(db, read(write_xlsx(tmp_path / "big.xlsx", rows)))
    assert all(r.ok for r in results)
    counts = commit_volunteer_import(db, admin, results)
    assert counts.last_number == "101001-V-05200"
    path = tmp_path / "all.xlsx"
    assert export_volunteers_xlsx(db, path) == 5200
    sheet = load_workbook(path, read_only=True)["志愿者"]
    last = list(sheet.iter_rows(min_row=5201, values_only=True))[-1]
    assert last[0] == "101001-V-05200" and last[6] == "139****5199"
