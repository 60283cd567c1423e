"""The township's 汇总 equals each station's own figures once their files are imported."""

from __future__ import annotations

from sync_helpers import World

from app.services.township.summary import (
    FIGURES,
    enrolled_stations,
    month_summary,
    months_with_activities,
)
from app.sync.export import export_sync
from app.sync.importer import import_files


def own(station) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return enrolled_stations_of(station)


def enrolled_stations_of(station) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    from app.services.station import get_station

    info = get_station(station.db)
    return [(station.station_id, info.code, info.name)]


def test_two_stations_figures_add_up_at_the_township(world: World, tmp_path) -> None:  # type: ignore[no-untyped-def]
    stick = tmp_path / "stick"
    for station in (world.a, world.b):
        export_sync(station.db, station.data_dir, stick)
    assert all(v.status == "imported" for v in import_files(world.town.db, [stick]))
    town = world.town.db
    assert {s[0] for s in enrolled_stations(town)} == {world.a.station_id, world.b.station_id}
    months = months_with_activities(town, [world.a.station_id, world.b.station_id])
    assert months, "the demo stations have activities"
    checked = 0
    for month in months:
        at_town = month_summary(town, month)
        by_id = {row.station_id: row for row in at_town.stations}
        for station in (world.a, world.b):
            home = month_summary(station.db, month, own(station))
            assert len(home.stations) == 1
            mine = home.stations[0]
            there = by_id[station.station_id]
            for name in FIGURES:
                assert getattr(there, name) == getattr(mine, name), (month, name)
            assert [c for c in at_town.categories if c.station_id == station.station_id] == list(
                home.categories
            )
            checked += sum(getattr(mine, name) for name in FIGURES)
        for name in FIGURES:
            assert getattr(at_town.totals, name) == sum(getattr(r, name) for r in at_town.stations)
    assert checked > 0, "some figure was not zero"


def test_a_station_not_imported_counts_nothing(world: World, tmp_path) -> None:  # type: ignore[no-untyped-def]
    export_sync(world.a.db, world.a.data_dir, tmp_path / "a")
    import_files(world.town.db, [tmp_path / "a"])
    months = months_with_activities(world.a.db, [world.a.station_id])
    summary = month_summary(world.town.db, months[0])
    b = next(r for r in summary.stations if r.station_id == world.b.station_id)
    assert all(getattr(b, name) == 0 for name in FIGURES)
    a = next(r for r in summary.stations if r.station_id == world.a.station_id)
    assert a.sessions > 0


def test_the_export_writes_each_station_and_a_total_and_never_a_formula(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    from app.services.township.report import export_summary_xlsx
    from app.services.township.summary import MonthSummary, StationFigures

    rows = (
        StationFigures("a", "330481101001", '=HYPERLINK("http://x.example","y")', sessions=3),
        StationFigures("b", "330481101002", "东风村", sessions=2, minutes=90),
    )
    total = StationFigures("", "", "", sessions=5, minutes=90)
    path = tmp_path / "汇总.xlsx"
    assert export_summary_xlsx(MonthSummary("2026-11", rows, (), total), path) == 3
    ws = load_workbook(path).active
    values = [[c.value for c in row] for row in ws.iter_rows()]
    assert values[0][:3] == ["站点编码", "站点", "活动场次"]
    assert values[1][1] == '=HYPERLINK("http://x.example","y")'
    assert ws.cell(row=2, column=2).data_type == "s"
    assert values[2][7] == 1.5
    assert values[3][1] == "合计" and values[3][2] == 5


def test_the_township_report_names_each_station_the_total_and_the_sign_lines(
    world: World, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    import subprocess

    from app.services.township.report import save_township_report

    stick = tmp_path / "stick"
    for station in (world.a, world.b):
        export_sync(station.db, station.data_dir, stick)
    import_files(world.town.db, [stick])
    month = months_with_activities(world.town.db, [world.a.station_id])[0]
    summary = month_summary(world.town.db, month)
    path = save_township_report(world.town.db, summary, tmp_path / "月报.pdf", preparer="王填表")
    assert path.read_bytes().startswith(b"%PDF")
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "城关镇新时代文明实践所工作月报" in text
    year, mon = month.split("-")
    assert f"{year}年{int(mon)}月" in text
    assert "填表人：王填表" in text and "负责人：" in text
    for row in summary.stations:
        assert row.code in text
    total_line = next(line for line in text.splitlines() if line.strip().startswith("合计"))
    assert str(summary.totals.attendances) in total_line


def test_the_workbook_has_a_sheet_per_section_and_the_categories_name_the_station_code(
    world: World, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    from app.services.township.report import export_summary_xlsx

    stick = tmp_path / "stick"
    for station in (world.a, world.b):
        export_sync(station.db, station.data_dir, stick)
    import_files(world.town.db, [stick])
    month = max(
        months_with_activities(world.town.db, [world.a.station_id]),
        key=lambda m: len(month_summary(world.town.db, m).households),
    )
    summary = month_summary(world.town.db, month)
    path = tmp_path / "汇总.xlsx"
    export_summary_xlsx(summary, path)
    wb = load_workbook(path)
    assert wb.sheetnames == [
        f"汇总 {month}",
        "类别与平台",
        "库存",
        "农户积分排行",
        "志愿者服务时长排行",
        "参与率",
        "星级志愿者",
    ]

    def rows(name: str) -> list[list[object]]:
        return [[c.value for c in r] for r in wb[name].iter_rows()]

    codes = {s.station_id: s.code for s in summary.stations}
    categories = rows("类别与平台")
    assert categories[0][:2] == ["站点编码", "站点"]
    assert [r[0] for r in categories[1:]] == [codes[c.station_id] for c in summary.categories]
    assert {r[0] for r in categories[1:]} == set(codes.values()), "both stations have activities"
    stock = rows("库存")
    assert stock[-1][1] == "合计" and stock[-1][3] == sum(s.units for s in summary.stock)
    ranking = rows("农户积分排行")
    assert len(ranking) - 1 == len(summary.households) > 0
    assert [r[6] for r in ranking[1:]] == [h.points for h in summary.households]
    assert all("*" in str(r[5]) for r in ranking[1:]), "names masked"
    volunteers = rows("志愿者服务时长排行")
    assert [r[3] for r in volunteers[1:]] == [v.number for v in summary.volunteers]
    share = rows("参与率")
    assert share[-1][2] == sum(p.households for p in summary.participation)
    stars = rows("星级志愿者")
    assert stars[0][2:] == ["一星", "二星", "三星", "四星", "五星", "合计"]


def test_the_report_has_a_section_per_part_of_the_page(world: World, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import subprocess

    from app.services.township.report import save_township_report

    stick = tmp_path / "stick"
    for station in (world.a, world.b):
        export_sync(station.db, station.data_dir, stick)
    import_files(world.town.db, [stick])
    month = max(
        months_with_activities(world.town.db, [world.a.station_id]),
        key=lambda m: len(month_summary(world.town.db, m).households),
    )
    summary = month_summary(world.town.db, month)
    path = save_township_report(world.town.db, summary, tmp_path / "月报.pdf")
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    for heading in (
        "各站点情况",
        "按类别和平台统计（场次/人次）",
        "积分超市库存（月末）",
        "全乡镇农户积分排行",
        "全乡镇志愿者服务时长排行",
        "各村参与率",
        "星级志愿者（月末，按星级）",
    ):
        assert heading in text, heading
    assert summary.households and summary.households[0].name in text
    assert summary.volunteers and summary.volunteers[0].number in text
    for category in summary.categories:
        code = next(s.code for s in summary.stations if s.station_id == category.station_id)
        assert any(code in line and category.platform in line for line in text.splitlines())


def test_the_month_list_offers_the_current_month_once_a_station_was_imported(
    world: World, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from app.services.township.summary import township_months

    assert township_months(world.town.db, date(2031, 7, 4)) == []
    export_sync(world.a.db, world.a.data_dir, tmp_path / "a")
    import_files(world.town.db, [tmp_path / "a"])
    held = months_with_activities(world.town.db, [world.a.station_id])
    assert "2031-07" not in held
    assert township_months(world.town.db, date(2031, 7, 4)) == ["2031-07", *held]
