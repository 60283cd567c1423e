"""Cold start: process start -> usable window, on the demo station.

Prints, as medians over N fresh processes:

* a bare PySide6 QMainWindow shown (the floor: interpreter + Qt),
* Station Workbench's sign-in dialog shown (the real ``main.py`` path:
  data folder, logging, font, translations, lock, database check, schema),
* Station Workbench's main window shown after signing in (the sign-in
  itself — one scrypt hash, ~50 ms by design — is included).

It also lists which heavy modules were loaded by then (reportlab, openpyxl,
QtPdf, QtMultimedia must not be).  Usage::

    .venv/bin/python tests/benchmarks/bench_startup.py [--runs 7] [--data-dir D]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

BARE = r"""
import sys, time, json
t0 = float(sys.argv[1])
from PySide6.QtWidgets import QApplication, QMainWindow
from PySide6.QtCore import QTimer
app = QApplication([])
w = QMainWindow(); w.resize(1200, 800); w.setWindowTitle("bare"); w.show()
def done():
    print(json.dumps({"window": time.time() - t0})); app.quit()
QTimer.singleShot(0, done)
app.exec()
"""

APP = r"""
import sys, time, json
t0 = float(sys.argv[1]); data = sys.argv[2]
sys.argv = ["main.py", "--data-dir", data]
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
marks = {}
def poll():
    app = QApplication.instance()
    if app is None:
        return
    for w in app.topLevelWidgets():
        name = type(w).__name__
        if not w.isVisible():
            continue
        if name == "LoginDialog" and "login" not in marks:
            marks["login"] = time.time() - t0
            w.username.setText("admin"); w.password.setText("demo1234"); w.submit()
        if name == "MainWindow" and "window" not in marks:
            marks["window"] = time.time() - t0
            heavy = ["reportlab", "openpyxl", "PySide6.QtPdf", "PySide6.QtMultimedia"]
            marks["heavy_loaded"] = [m for m in heavy if m in sys.modules]
            print(json.dumps(marks), flush=True)
            app.quit()
import app.cli  # the entry module first, as main.py does
import app.views.application as application
_create = application.create_application
def create(argv):
    qapp = _create(argv)
    timer = QTimer(qapp); timer.timeout.connect(poll); timer.start(2)
    return qapp
application.create_application = create
from app.cli import main
main()
"""


def run(code: str, *args: str) -> dict[str, object]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    out = subprocess.run(
        [sys.executable, "-c", code, str(time.time()), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=600,
        check=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--data-dir", type=Path)
    args = parser.parse_args()
    data = args.data_dir or Path(tempfile.mkdtemp(prefix="wb-bench-startup-"))
    if not (data / "station.db").exists():
        subprocess.run(
            [sys.executable, "main.py", "--data-dir", str(data), "demo"],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
    run(APP, str(data))  # warm the OS file cache once, as a second start of the day would
    bare = [float(run(BARE)["window"]) for _ in range(args.runs)]
    results = [run(APP, str(data)) for _ in range(args.runs)]
    login = [float(r["login"]) for r in results]  # type: ignore[arg-type]
    window = [float(r["window"]) for r in results]  # type: ignore[arg-type]
    print(f"cold start on the demo station, median of {args.runs} fresh processes")
    print(f"  bare PySide6 QMainWindow shown        {statistics.median(bare) * 1000:7.0f} ms")
    print(f"  Station Workbench sign-in shown       {statistics.median(login) * 1000:7.0f} ms")
    print(
        f"  Station Workbench main window shown   {statistics.median(window) * 1000:7.0f} ms"
        "  (incl. one scrypt sign-in)"
    )
    print(f"  heavy modules loaded at main window:  {results[-1]['heavy_loaded'] or 'none'}")


if __name__ == "__main__":
    main()
