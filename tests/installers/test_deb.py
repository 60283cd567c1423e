"""The Linux installer, end to end: the PyInstaller bundle and the .deb built from
this working tree, installed into a scratch root, run headless, upgraded and
removed — nothing installed on this machine.

``dpkg --root`` installs into a folder of its own with its own package database;
``--force-script-chrootless`` runs the maintainer scripts here with ``DPKG_ROOT``
set (they touch only files under it), ``--force-depends`` because that database
knows none of this machine's packages (the test checks instead that every
package of ``Depends`` is installed here, so ``apt install ./file.deb`` finds
them on Debian 12).  The installed program runs with ``QT_QPA_PLATFORM=offscreen``
on fresh data folders under the test's temporary folder.

The upgrade installs a second build over the first: bundle and .deb built again
from a copy of the tree with the version bumped (dpkg's upgrade path: the old
package's files replaced, the conffile and every data folder kept).  The data it
must migrate is an older version's data folder, the frozen schema 0010
(tests/fixtures), which the newer program upgrades after a backup; the first
install's station must come through unchanged.

Slow (two bundle builds of 40-80 s, the first .deb's xz a minute or two, the
second's gzip half a minute; about 4-5 minutes in all): ``-m "not installer"``
leaves it out; ``.ci/run`` runs it as a step of its own.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path

import httpx
import pytest

from tests.hub.hub_server import HubServer

pytestmark = [pytest.mark.installer, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "schema_0010.sqlite"
PASSWORD = "demo1234"  # the demo station's
OPT = "opt/station-workbench"
HICOLOR = ("16", "24", "32", "48", "64", "128", "256", "512")

for tool in ("dpkg", "dpkg-deb", "readelf", "pdffonts", "pdftotext"):
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is missing (./dev.sh installs it)", allow_module_level=True)


def sh(*args: str | Path, **kw: object) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, cwd=ROOT, timeout=1200, **kw
    )  # type: ignore[call-overload]
    assert done.returncode == 0, f"{args}\n{done.stdout[-4000:]}\n{done.stderr[-4000:]}"
    return done


class Installed:
    """The scratch root and the program installed in it."""

    def __init__(self, root: Path, home: Path) -> None:
        self.root = root
        self.home = home
        for sub in ("info", "updates", "triggers"):
            (root / "var/lib/dpkg" / sub).mkdir(parents=True, exist_ok=True)
        for name in ("status", "available"):
            (root / "var/lib/dpkg" / name).touch()
        home.mkdir(parents=True, exist_ok=True)

    @property
    def binary(self) -> Path:
        return self.root / OPT / "StationWorkbench"

    def dpkg(self, *args: str | Path) -> subprocess.CompletedProcess[str]:
        return sh(
            "dpkg",
            f"--root={self.root}",
            f"--log={self.root / 'dpkg.log'}",
            "--force-script-chrootless",
            "--force-depends",
            "--force-not-root",
            *args,
        )

    def version(self) -> str:
        return sh(
            "dpkg-query", f"--admindir={self.root / 'var/lib/dpkg'}", "-W", "-f=${Version}",
            "station-workbench",
        ).stdout  # fmt: skip

    def env(self) -> dict[str, str]:
        return {
            "PATH": "/usr/bin:/bin",
            "HOME": str(self.home),
            "QT_QPA_PLATFORM": "offscreen",
            "LANG": "C.UTF-8",
            "XDG_RUNTIME_DIR": str(self.home),
        }

    def run(self, *args: str | Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return sh(self.binary, *args, env=self.env(), input=stdin)

    def self_test(self, data: Path, *lang: str) -> dict[str, str]:
        done = self.run("--data-dir", data, *lang, "gui", "--self-test", "admin", stdin=PASSWORD)
        return dict(line.split(": ", 1) for line in done.stdout.splitlines() if ": " in line)


def newer_tree(dest: Path, version: str, newer: str) -> Path:
    """A copy of what the bundle is built from with the version bumped: the next release."""
    for name in ("app", "resources", "scripts", "installers"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "main.py", dest / "main.py")
    init = dest / "app" / "__init__.py"
    text = init.read_text(encoding="utf-8")
    assert f'__version__ = "{version}"' in text
    init.write_text(text.replace(f'"{version}"', f'"{newer}"', 1), encoding="utf-8")
    (dest / ".venv").symlink_to((ROOT / ".venv").resolve())
    return dest


@pytest.fixture(scope="module")
def debs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str, str]:
    """Two builds, bundle and .deb each: the working tree's, and the same tree with its
    version bumped (the upgrade: a newer program over the first)."""
    out = tmp_path_factory.mktemp("debs")
    sh("installers/build-bundle.sh")
    version = sh(ROOT / "dist/StationWorkbench/StationWorkbench", "--version").stdout.strip()
    env = {**os.environ, "DEB_OUT": str(out)}
    sh("installers/debian/build-deb.sh", env=env)
    newer = f"{version}+upgrade1"
    tree = newer_tree(tmp_path_factory.mktemp("newer"), version, newer)
    sh(tree / "installers/build-bundle.sh")
    # only the test installs it: gzip, seconds instead of xz's minute or two
    sh(tree / "installers/debian/build-deb.sh", env={**env, "DEB_COMPRESSION": "gzip"})
    arch = sh("dpkg", "--print-architecture").stdout.strip()
    first = out / f"station-workbench_{version}_{arch}.deb"
    second = out / f"station-workbench_{newer}_{arch}.deb"
    assert first.exists() and second.exists()
    return first, second, version, newer


def control_field(deb: Path, field: str) -> str:
    return sh("dpkg-deb", "--field", deb, field).stdout.strip()


def digest(folder: Path) -> dict[str, str]:
    """Every file of a data folder; a database by its tables' rows, not its bytes.

    A program that ends leaves SQLite's -wal and -shm files until the next one opens the
    database and checkpoints them: the same data in other bytes, which the upgrade and
    the removal must keep (and do) but need not leave byte for byte."""
    out: dict[str, str] = {}
    for p in sorted(folder.rglob("*")):
        if not p.is_file() or p.suffix in (".lock", ".log") or p.name.endswith(("-wal", "-shm")):
            continue
        if p.suffix == ".db":
            out[str(p.relative_to(folder))] = repr(sorted(table_digests(p).items()))
        else:
            out[str(p.relative_to(folder))] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def table_digests(path: Path) -> dict[str, str]:
    """One SHA-256 per table over its rows in key order (what a database holds)."""
    with contextlib.closing(sqlite3.connect(path)) as db:
        names = [
            r[0]
            for r in db.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {
            name: hashlib.sha256(
                repr(db.execute(f'SELECT * FROM "{name}" ORDER BY 1').fetchall()).encode()
            ).hexdigest()
            for name in sorted(names)
        }


def numbers(database: Path) -> tuple[str, str]:
    """A slip number and a certificate number of the demo station."""
    with sqlite3.connect(database) as db:
        (slip,) = db.execute("SELECT number FROM redemption ORDER BY number LIMIT 1").fetchone()
        (cert,) = db.execute("SELECT number FROM certificate ORDER BY number LIMIT 1").fetchone()
    return slip, cert


def schema(database: Path) -> str:
    with sqlite3.connect(database) as db:
        return str(db.execute("SELECT version_num FROM alembic_version").fetchone()[0])


def pdf_checked(pdf: Path, *words: str) -> None:
    fonts = sh("pdffonts", pdf).stdout
    rows = [line for line in fonts.splitlines()[2:] if line.strip()]
    assert rows and all(re.search(r"\byes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$", r) for r in rows)
    assert any("WenQuanYi" in r or "wqy" in r.lower() for r in rows), fonts
    text = sh("pdftotext", "-enc", "UTF-8", pdf, "-").stdout
    for word in words:
        assert word in text, text[:2000]


def test_the_deb_installs_runs_upgrades_and_uninstalls_keeping_the_data(
    debs: tuple[Path, Path, str, str], tmp_path: Path
) -> None:
    first, second, version, newer = debs
    head = sh(
        ".venv/bin/python", "-c", "from app.db import migrate; print(migrate.head_revision())"
    )
    head_revision = head.stdout.strip()

    # -- the package: what it declares -----------------------------------------------------
    depends = [d.strip() for d in control_field(first, "Depends").split(",")]
    for needed in ("libc6", "libxcb-cursor0", "libxkbcommon-x11-0", "libpulse0", "libcups2"):
        assert needed in depends
    for unneeded in ("libgtk-3-0", "libxcb-xinerama0", "libqt6core6", "python3"):
        assert unneeded not in depends  # Qt and Python ship in the bundle; no GTK theme
    installed_here = sh("dpkg-query", "-W", "-f=${Package} ${Status}\n", *depends).stdout
    assert installed_here.count("install ok installed") == len(depends), installed_here
    installed_kb = int(control_field(first, "Installed-Size"))
    assert installed_kb <= 250 * 1024, f"{installed_kb} KiB installed"

    # -- installed into the scratch root -----------------------------------------------------
    target = Installed(tmp_path / "root", tmp_path / "home")
    target.dpkg("-i", first)
    assert target.version() == version
    r = target.root
    assert os.readlink(r / "usr/bin/station-workbench") == "/opt/station-workbench/StationWorkbench"
    desktop = (
        r / "usr/share/applications/org.stationworkbench.StationWorkbench.desktop"
    ).read_text(encoding="utf-8")
    assert "Name=Station Workbench" in desktop and "Name[zh_CN]=文明实践站工作台" in desktop
    assert "Exec=/usr/bin/station-workbench" in desktop and "Icon=station-workbench" in desktop
    for size in HICOLOR:
        assert (r / f"usr/share/icons/hicolor/{size}x{size}/apps/station-workbench.png").is_file()
    assert (r / "usr/share/icons/hicolor/scalable/apps/station-workbench.svg").is_file()
    metainfo = r / "usr/share/metainfo/org.stationworkbench.StationWorkbench.metainfo.xml"
    assert f'version="{version}"' in metainfo.read_text(encoding="utf-8")
    unit = (r / "usr/lib/systemd/system/station-workbench-hub.service").read_text(encoding="utf-8")
    assert "User=station-workbench-hub" in unit and "StateDirectory=station-workbench-hub" in unit
    assert not (r / "etc/systemd/system/multi-user.target.wants").exists()  # shipped disabled
    assert "station-workbench-hub:" in (r / "etc/passwd").read_text(encoding="utf-8")  # postinst
    assert (r / "etc/default/station-workbench-hub").is_file()

    # the interpreter in the bundle, the version it reports
    assert target.run("--version").stdout.strip() == version

    # -- a fresh data folder: a station made by the CLI, the main window, documents --------
    station = tmp_path / "home/station"
    made = target.run("--data-dir", station, "demo")
    assert "demo1234" in made.stdout
    info = target.run("--data-dir", station, "info").stdout  # Chinese by default (.ts catalogue)
    assert "东风村新时代文明实践站" in info and "签名密钥指纹" in info
    fingerprint = re.search(r"签名密钥指纹：(.+)", info).group(1)  # type: ignore[union-attr]

    shown = target.self_test(station, "--lang", "zh_CN")
    assert shown["Main window shown"] == "文明实践站工作台"  # the Chinese translation loaded
    areas = shown["Areas (zh_CN)"]
    assert "首页" in areas and "积分超市" in areas and "志愿者" in areas
    assert shown["Opened"] == areas  # every area built in the bundle
    assert shown["Font"] == "WenQuanYi Micro Hei"
    assert any(k.startswith("Qt ") and k.endswith("on offscreen; image formats") for k in shown)
    assert "zxingcpp" in shown["Modules"] and "PySide6.QtCharts" in shown["Modules"]
    assert shown["Multimedia"]  # the FFmpeg backend loaded (the webcam's)
    english = target.self_test(station, "--lang", "en")
    assert english["Main window shown"] == "Station Workbench"
    assert "Home" in english["Areas (en_US)"] and "首页" not in english["Areas (en_US)"]

    slip, cert = numbers(station / "station.db")
    target.run("--data-dir", station, "print", "slip", slip, "--to", tmp_path / "slip.pdf")
    pdf_checked(tmp_path / "slip.pdf", "积分兑换单", slip)
    target.run("--data-dir", station, "print", "certificate", cert, "--to", tmp_path / "c.pdf")
    pdf_checked(tmp_path / "c.pdf", cert, "副本")

    # -- the hub, from the same package, on loopback ------------------------------------------
    target.run("demo", "--township", tmp_path / "town")
    hub = HubServer(tmp_path / "town/township", tmp_path / "hub.log", program=[str(target.binary)])
    hub.start()
    try:
        health = httpx.get(hub.url + "/api/v1/health", timeout=10).json()
        assert health["status"] == "ok" and health["township"] == "330481101000"
        assert health["schema"] == head_revision
    finally:
        hub.stop()

    # -- an older version's data folder, and the upgrade ------------------------------------------
    older = tmp_path / "home/older"
    older.mkdir()
    shutil.copy(FIXTURE, older / "station.db")
    assert schema(older / "station.db") == "0010"
    station_before = digest(station)
    (r / "var/lib/station-workbench-hub/township").mkdir(parents=True)
    (r / "var/lib/station-workbench-hub/township/marker").write_text("hub data")

    target.dpkg("-i", second)
    assert target.version() == newer
    assert target.run("--version").stdout.strip() == newer  # the newer program
    assert digest(station) == station_before  # the upgrade itself touched no data
    assert target.run("--data-dir", station, "check", "--full").returncode == 0
    assert fingerprint in target.run("--data-dir", station, "info").stdout
    assert target.self_test(station)["Main window shown"] == "文明实践站工作台"

    migrated = target.run("--data-dir", older, "migrate").stdout
    assert head_revision in migrated and schema(older / "station.db") == head_revision
    backups = target.run("--data-dir", older, "backups").stdout
    assert "pre-migration-0010" in backups, backups
    assert list((older / "backups").glob("*pre-migration-0010*"))
    assert target.self_test(older)["Main window shown"] == "文明实践站工作台"  # its demo admin

    # -- removed, then purged: the program goes, every data folder stays --------------------------
    older_before, station_before = digest(older), digest(station)
    target.dpkg("-r", "station-workbench")
    assert not (r / OPT).exists() and not (r / "usr/bin/station-workbench").exists()
    assert (r / "etc/default/station-workbench-hub").is_file()  # a conffile stays until purge
    target.dpkg("-P", "station-workbench")
    assert not (r / "etc/default/station-workbench-hub").exists()
    assert digest(station) == station_before and digest(older) == older_before
    assert (r / "var/lib/station-workbench-hub/township/marker").read_text() == "hub data"
    assert (tmp_path / "town/township/station.db").is_file()
