"""``main.py hub`` refuses a folder that is not a township's; one log line per request."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import httpx
from hub_helpers import upload
from hub_server import ROOT, HubServer
from sync_helpers import World

from app.sync.export import export_sync


def _hub(folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "main.py", "hub", "--data-dir", str(folder), "--port", "1"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_hub_refuses_a_station_folder_and_an_empty_one(world: World, tmp_path: Path) -> None:
    for folder in (world.a.data_dir.root, tmp_path / "empty"):
        done = _hub(folder)
        assert done.returncode == 1
        assert "不是乡镇的数据文件夹" in done.stderr and str(folder) in done.stderr
        assert "Traceback" not in done.stderr


_LINE = re.compile(
    r"INFO app\.sync\.hub\.access: (GET|POST|PUT) (/[\x21-\x7e]*) (\d{3}) \d+ms (\d{12}|-)$"
)


def test_one_log_line_per_request_without_personal_data(
    world: World, hub: HubServer, tmp_path: Path
) -> None:
    summary = export_sync(world.a.db, world.a.data_dir, tmp_path / "out")
    assert upload(hub.url, summary.path).status_code == 200
    httpx.post(
        hub.url + "/api/v1/stations",
        content=b"{}",
        headers={"Authorization": "Basic YWRtaW46c2VjcmV0LXB3", "X-Wb-Fingerprint": "1"},
        timeout=30,
    )  # admin:secret-pw
    httpx.get(hub.url + "/api/v1/health", timeout=10)
    hub.stop()
    lines = [line for line in hub.output().splitlines() if "hub.access" in line]
    found = [_LINE.search(line) for line in lines]
    assert all(found), lines
    seen = [(m.group(1), m.group(2), m.group(3), m.group(4)) for m in found if m]
    assert ("POST", "/api/v1/sync-files", "200", "330481101001") in seen
    assert ("POST", "/api/v1/stations", "401", "-") in seen
    text = hub.output()
    assert "secret-pw" not in text and "YWRtaW46" not in text
    assert summary.path.name not in text  # not even the file's name
