"""The installed program against the source checkout: size and cold start.

Prints the bundle's size on disk, the .deb's size and its Installed-Size, and,
as medians over N fresh processes each, the time from starting the process to
the main window shown (``gui --self-test admin`` on the demo station: the whole
start-up, the real sign-in with its scrypt hash, the main window) for

* the source checkout: ``.venv/bin/python main.py``,
* the installed bundle: the .deb's files unpacked (``dpkg-deb -x``, the tree
  ``dpkg -i`` writes under /) and its ``/opt/station-workbench/StationWorkbench``.

The two run alternately, after one warm-up start each (a second start of the
day: files in the OS cache).  Goals: the bundle no slower than the checkout,
at most 250 MB installed.  Usage (after installers/build-bundle.sh and
installers/debian/build-deb.sh)::

    .venv/bin/python tests/benchmarks/bench_bundle.py [--runs 7] [--deb FILE]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "demo1234"


def size_mb(path: Path) -> float:
    """Disk usage as du counts it (blocks, links not followed), in MiB."""
    out = subprocess.run(["du", "-sk", str(path)], capture_output=True, text=True, check=True)
    return int(out.stdout.split()[0]) / 1024


def main_window_s(program: list[str], data: Path) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    start = time.perf_counter()
    proc = subprocess.Popen(
        [*program, "--data-dir", str(data), "gui", "--self-test", "admin"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
        env=env,
    )
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(PASSWORD + "\n")
    proc.stdin.close()
    shown = None
    for line in proc.stdout:
        if line.startswith("Main window shown") and shown is None:
            shown = time.perf_counter() - start
    if proc.wait(timeout=300) != 0 or shown is None:
        raise SystemExit(f"{program[0]}: the self-test failed")
    return shown


def newest_deb() -> Path | None:
    debs = sorted((ROOT / "build" / "deb").glob("station-workbench_*.deb"), key=os.path.getmtime)
    return debs[-1] if debs else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--deb", type=Path, default=None, help="default: the newest in build/deb")
    parser.add_argument(
        "--bundle", type=Path, default=None, help="time this bundle folder instead of a .deb's"
    )
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="wb-bench-bundle-"))
    deb = None if args.bundle else (args.deb or newest_deb())
    if args.bundle:
        installed = args.bundle.resolve()
    elif deb is None:
        raise SystemExit("no .deb: run installers/build-bundle.sh, installers/debian/build-deb.sh")
    else:
        subprocess.run(["dpkg-deb", "-x", str(deb), str(work / "root")], check=True)
        installed = work / "root" / "opt" / "station-workbench"
    data = work / "station"
    subprocess.run(
        [sys.executable, "main.py", "--data-dir", str(data), "demo"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    source = [sys.executable, "main.py"]
    bundle = [str(installed / "StationWorkbench")]
    main_window_s(source, data)  # warm the OS file cache once, as a second start of the day
    main_window_s(bundle, data)
    from_source, from_bundle = [], []
    for _ in range(args.runs):
        from_source.append(main_window_s(source, data))
        from_bundle.append(main_window_s(bundle, data))
    src, bun = statistics.median(from_source), statistics.median(from_bundle)
    if deb is not None:
        installed_kib = subprocess.run(
            ["dpkg-deb", "--field", str(deb), "Installed-Size"], capture_output=True, text=True
        ).stdout.strip()
        print(f"{deb.name}")
        print(f"  .deb file                              {size_mb(deb):7.1f} MiB")
        print(f"  installed (Installed-Size)             {int(installed_kib) / 1024:7.1f} MiB")
    print(f"  bundle on disk ({installed})")
    print(f"                                         {size_mb(installed):7.1f} MiB")
    print(f"cold start to the main window, median of {args.runs} (incl. one scrypt sign-in)")
    print(f"  source checkout (.venv python main.py) {src * 1000:7.0f} ms")
    print(f"  installed bundle                       {bun * 1000:7.0f} ms  ({bun / src:.2f}x)")
    print(
        "  all runs, ms: source "
        + " ".join(f"{t * 1000:.0f}" for t in from_source)
        + " | bundle "
        + " ".join(f"{t * 1000:.0f}" for t in from_bundle)
    )


if __name__ == "__main__":
    main()
