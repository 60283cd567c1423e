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

    from app.services.township.summary import (
        MonthSummary,
        StationFigures,
        export_summary_xlsx,
    )

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

    from app.services.township.summary import save_township_report

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
