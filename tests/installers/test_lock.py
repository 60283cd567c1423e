"""requirements/lock.txt serves Linux and Windows: every package pinned with hashes, and
the packages only Windows installs are in it under their marker (the Windows
installer is built from the same pins as the .deb; pip --require-hashes refuses a
lock that lacks a dependency of the platform it runs on)."""

from __future__ import annotations

import re
from pathlib import Path

LOCK = Path(__file__).resolve().parents[2] / "requirements" / "lock.txt"
_ENTRY = re.compile(r"^([A-Za-z0-9_.-]+)==(\S+?)(?: ; ([^\\]+?))?\s*\\?$")


def _entries() -> dict[str, tuple[str, str, int]]:
    """name -> (version, marker, number of hashes)."""
    out: dict[str, tuple[str, str, int]] = {}
    current = ""
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        m = _ENTRY.match(line)
        if m:
            current = m.group(1).lower()
            out[current] = (m.group(2), (m.group(3) or "").strip(), 0)
        elif line.strip().startswith("--hash=sha256:") and current:
            version, marker, n = out[current]
            out[current] = (version, marker, n + 1)
    return out


def test_every_package_is_pinned_with_its_hashes() -> None:
    entries = _entries()
    assert {"pyside6", "sqlalchemy", "reportlab", "qrcode", "pytest-qt", "pyinstaller"} <= set(
        entries
    )
    assert all(n >= 1 for _v, _m, n in entries.values()), entries
    assert "setuptools" in entries  # dev.sh installs the project without build isolation


def test_the_packages_only_windows_installs_are_in_it_under_their_marker() -> None:
    entries = _entries()
    for name in ("pefile", "pywin32-ctypes"):  # PyInstaller's on Windows
        _version, marker, hashes = entries[name]
        assert "sys_platform == 'win32'" in marker and hashes >= 1, (name, marker)
    assert "win32" in entries["colorama"][1] or "nt" in entries["colorama"][1]  # click's
    assert entries["pyside6"][1] == ""  # what every platform installs carries no marker
