"""The Debian packages a PyInstaller bundle needs: ``python depends.py BUNDLE_DIR``.

Reads every ELF file's NEEDED entries (``readelf -d``), drops the libraries the
bundle ships itself, finds each remaining one on this system (``ldconfig -p``)
and the package that owns it (``dpkg -S``), and prints the packages
comma-separated for the .deb's ``Depends:`` — exactly those, nothing more.
Exits 1 naming any library this system does not have (the bundle would not
start here either: install the runtime packages, ``./dev.sh`` lists them).
With ``--explain`` it prints which library brought in each package.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

NEEDED = re.compile(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]")


def elf_files(root: Path) -> list[Path]:
    found = []
    for path in root.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        with path.open("rb") as f:
            if f.read(4) == b"\x7fELF":
                found.append(path)
    return found


def needed(path: Path) -> list[str]:
    out = subprocess.run(
        ["readelf", "-d", str(path)], capture_output=True, text=True, check=False
    ).stdout
    return NEEDED.findall(out)


def system_libraries() -> dict[str, str]:
    """soname -> path, from ldconfig's cache (64-bit entries first: the bundle's kind)."""
    ldconfig = shutil.which("ldconfig") or "/sbin/ldconfig"
    out = subprocess.run(
        [ldconfig, "-p"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "LC_ALL": "C"},
    ).stdout
    entries = re.findall(r"^\s*(\S+) \(([^)]*)\) => (\S+)$", out, re.MULTILINE)
    found: dict[str, str] = {}
    for soname, _flags, path in sorted(entries, key=lambda e: not re.search(r"64", e[1])):
        found.setdefault(soname, path)
    return found


LIBRARY_DIRS = (
    "/lib/x86_64-linux-gnu",
    "/usr/lib/x86_64-linux-gnu",
    "/lib/aarch64-linux-gnu",
    "/usr/lib/aarch64-linux-gnu",
    "/lib64",
    "/usr/lib64",
    "/lib",
    "/usr/lib",
)


def on_disk(soname: str) -> str | None:
    """A library under a name that is not its soname (``libbz2.so.1`` is a link to
    ``libbz2.so.1.0``'s file): the dynamic loader finds it in the system folders."""
    for folder in LIBRARY_DIRS:
        if os.path.exists(os.path.join(folder, soname)):
            return os.path.join(folder, soname)
    return None


def owner(path: str) -> str | None:
    for candidate in (path, os.path.realpath(path)):
        result = subprocess.run(
            ["dpkg-query", "-S", candidate], capture_output=True, text=True, check=False
        )
        if result.returncode == 0:
            return result.stdout.split(":", 1)[0].strip()
        # /lib is /usr/lib on a merged-/usr system: dpkg may know the other name
        alt = (
            candidate.removeprefix("/usr")
            if candidate.startswith("/usr/lib")
            else "/usr" + candidate
        )
        result = subprocess.run(
            ["dpkg-query", "-S", alt], capture_output=True, text=True, check=False
        )
        if result.returncode == 0:
            return result.stdout.split(":", 1)[0].strip()
    return None


def depends(bundle: Path) -> tuple[dict[str, set[str]], list[str]]:
    shipped = {p.name for p in bundle.rglob("*")}
    wanted: dict[str, set[str]] = {}  # soname -> the bundle files that need it
    for elf in elf_files(bundle):
        for soname in needed(elf):
            if soname not in shipped:
                wanted.setdefault(soname, set()).add(str(elf.relative_to(bundle)))
    system = system_libraries()
    packages: dict[str, set[str]] = {}
    missing = []
    for soname in sorted(wanted):
        path = system.get(soname) or on_disk(soname)
        package = owner(path) if path else None
        if package is None:
            missing.append(f"{soname} (needed by {sorted(wanted[soname])[0]})")
        else:
            packages.setdefault(package, set()).add(soname)
    return packages, missing


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    packages, missing = depends(Path(args[0]))
    if missing:
        print("libraries not found on this system:\n  " + "\n  ".join(missing), file=sys.stderr)
        return 1
    if "--explain" in sys.argv:
        for package, sonames in sorted(packages.items()):
            print(f"{package}: {', '.join(sorted(sonames))}")
    else:
        print(", ".join(sorted(packages)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
