"""Compile resources/translations/*.ts into .qm files (run by ./dev.sh).

``--update`` first re-extracts every translatable string from ``app/`` into
the .ts sources with pyside6-lupdate (keeping existing translations), which is
what a developer runs after adding UI text.  Compilation is skipped when the
.qm is newer than its .ts.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN", "en")
# English is the source language: its file holds only the plural messages ("%n rows"),
# whose singular and plural forms Qt cannot derive from the source text.
PLURAL_ONLY = {"en"}


def tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found; install PySide6")
    return found


def python_sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "app").rglob("*.py"))


def update() -> None:
    for lang in LANGUAGES:
        ts = TS_DIR / f"station_{lang}.ts"
        extra = ["-pluralonly", "-target-language", lang] if lang in PLURAL_ONLY else []
        subprocess.run(
            [tool("pyside6-lupdate"), *python_sources(), "-no-obsolete", *extra, "-ts", str(ts)],
            cwd=ROOT,
            check=True,
        )


def release() -> None:
    for ts in sorted(TS_DIR.glob("station_*.ts")):
        qm = ts.with_suffix(".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        # compiled beside it, then renamed over it: a running program has the old file
        # mapped (QTranslator maps it), and rewritten in place its texts turned English
        part = qm.with_name(qm.name + ".part")
        subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(part)], check=True)
        os.replace(part, qm)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--update", action="store_true", help="re-extract strings first")
    if parser.parse_args().update:
        update()
    release()
