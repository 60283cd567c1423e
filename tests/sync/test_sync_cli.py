"""``main.py export / enrol-file / enrol-station / import-sync`` on real data folders."""

from __future__ import annotations

from sync_helpers import World, holdings, make_township

from app.cli import main


def test_the_commands_take_two_stations_into_a_new_township(world: World, tmp_path, capsys):
    stick = tmp_path / "stick"
    for station in (world.a, world.b):
        station.db.dispose()
        folder = str(station.data_dir.root)
        assert main(["--data-dir", folder, "--lang", "en", "enrol-file", "--to", str(stick)]) == 0
        assert main(["--data-dir", folder, "--lang", "en", "export", "--to", str(stick)]) == 0
    out = capsys.readouterr().out
    assert "Read this fingerprint out to the township" in out and "points entries" in out
    town = make_township(tmp_path / "new-town")
    town.db.dispose()
    town_dir = str(town.data_dir.root)
    for enrol in sorted(stick.glob("*.wbenrol")):
        assert main(["--data-dir", town_dir, "--lang", "en", "enrol-station", str(enrol)]) == 0
    assert main(["--data-dir", town_dir, "--lang", "zh_CN", "import-sync", str(stick)]) == 0
    out = capsys.readouterr().out
    assert out.count("导入") >= 2, out
    assert main(["--data-dir", town_dir, "--lang", "en", "import-sync", str(stick)]) == 0
    assert capsys.readouterr().out.count("already imported on") == 2
    for station in (world.a, world.b):
        assert holdings(town.db, station.station_id) == holdings(station.db, station.station_id)


def test_an_import_with_a_refused_file_exits_1_and_says_why(world: World, tmp_path, capsys):
    bad = tmp_path / "330481101001_1-9.wbsync"
    bad.write_bytes(b"PK\x03\x04 not really")
    world.town.db.dispose()
    code = main(
        ["--data-dir", str(world.town.data_dir.root), "--lang", "en", "import-sync", str(bad)]
    )
    assert code == 1
    assert "is not a complete sync file" in capsys.readouterr().out
