"""The config commands of main.py: enrol-township, publish-config, import-config."""

from __future__ import annotations

from pathlib import Path

import pytest
from sync_helpers import World

from app.cli import main
from app.sync.config import config_status
from app.sync.enrol import read_enrolment, write_enrolment


def test_cli_enrol_publish_import(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    enrol = write_enrolment(world.town.db, world.town.data_dir, tmp_path / "t")
    fingerprint = read_enrolment(enrol).fingerprint
    for s in (world.a, world.b, world.town):
        s.db.dispose()
    a_dir, town_dir = str(world.a.data_dir.root), str(world.town.data_dir.root)
    usb = tmp_path / "usb"
    assert (
        main(
            [
                "--data-dir",
                a_dir,
                "--lang",
                "en",
                "enrol-township",
                str(enrol),
                "--fingerprint",
                fingerprint,
            ]
        )
        == 0
    )
    assert main(["--data-dir", town_dir, "--lang", "en", "publish-config", "--to", str(usb)]) == 0
    out = capsys.readouterr().out
    assert "version 1" in out and "2 stations" in out
    package = next(usb.glob("*_config_1.wbconf"))
    assert main(["--data-dir", a_dir, "--lang", "en", "import-config", str(package)]) == 0
    assert "applied" in capsys.readouterr().out
    # the same package again is refused (exit 1) with the version in force
    assert main(["--data-dir", a_dir, "--lang", "en", "import-config", str(package)]) == 1
    assert "version 1 is already in force" in capsys.readouterr().err
    from app.db import Database

    db = Database(world.a.data_dir.database)
    try:
        assert config_status(db).version == 1
    finally:
        db.dispose()
