"""The machinery of the end-to-end tests: a real X desktop, the real program on it,
real key and mouse events, and a real print queue.

* :class:`Desktop` — an ``Xvfb`` screen of 1366×768 (the station PCs' common
  size) with the ``openbox`` window manager, which keeps a 40 px strip at the
  bottom free as a taskbar would (``_NET_WORKAREA`` is 1366×728).  Keys and
  clicks are sent with ``xdotool``: ``xdotool type`` presses Shift for capitals
  and ``:`` around each key, a few ms apart, exactly like a USB scanner.
* :class:`RunningApp` — ``main.py gui`` started as a subprocess on that
  screen with the test probe on (:mod:`app.views.test_probe`): the only way
  to know where a button is drawn.  :meth:`RunningApp.wait_for` asks the
  probe again and again until a condition on what is on screen holds.
* :class:`PrintQueue` — a private ``cupsd`` with a ``cups-pdf`` queue as the
  default printer; the program finds it through ``CUPS_SERVER``, like any
  CUPS client, and prints on it with QPrinter.

Every wait is a bounded loop on a condition; nothing waits a fixed time.
Between two looks at a condition, the loop waits on the app's process (so a
crash ends the wait at once) or on the X server / cupsd process.
"""

from __future__ import annotations

import json
import os
import re
import select
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHOTS = Path("/tmp/shots-e2e")
SCREEN = (1366, 768)
TASKBAR = 40  # px kept free at the bottom by the window manager
IN_CI = os.environ.get("CI") == "true"
LOOK = 0.03  # s between two looks at a condition

X_TOOLS = ("Xvfb", "openbox", "xdotool", "wmctrl", "xprop", "import")
PRINT_TOOLS = ("cupsd", "lpadmin", "lpstat", "pdfinfo", "pdftoppm", "convert", "tesseract")
CUPS_PDF_BACKEND = Path("/usr/lib/cups/backend/cups-pdf")
CUPS_PDF_PPD = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd")


def need_tools(tools: tuple[str, ...], files: tuple[Path, ...] = ()) -> None:
    """Skip when a tool is missing on a developer's PC; fail in CI (dev.sh installs them)."""
    missing = [t for t in tools if shutil.which(t) is None]
    missing += [str(f) for f in files if not f.exists()]
    if missing:
        message = f"missing for the end-to-end tests: {', '.join(missing)} (./dev.sh installs them)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)


def wait_until(
    condition: Callable[[], Any],
    timeout: float,
    what: str,
    process: subprocess.Popen[Any] | None = None,
) -> Any:
    """Look at *condition* until it is truthy; fail after *timeout* seconds.

    With *process*, each pause between two looks is a wait for that process to
    end, and its ending fails the wait at once.
    """
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}")
        if process is not None:
            try:
                process.wait(LOOK)
            except subprocess.TimeoutExpired:
                continue
            pytest.fail(f"the process ended (code {process.returncode}) while waiting for {what}")
        else:
            select.select([], [], [], LOOK)


def stop(process: subprocess.Popen[Any] | None, timeout: float = 10) -> None:
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout)


# --- the X desktop --------------------------------------------------------------------


OPENBOX_RC = f"""<?xml version="1.0" encoding="UTF-8"?>
<openbox_config xmlns="http://openbox.org/3.4/rc">
  <margins><top>0</top><bottom>{TASKBAR}</bottom><left>0</left><right>0</right></margins>
  <focus><focusNew>yes</focusNew><followMouse>no</followMouse></focus>
  <placement><policy>Smart</policy></placement>
</openbox_config>
"""


class Desktop:
    """Xvfb + openbox; see the module docstring."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.xvfb: subprocess.Popen[bytes] | None = None
        self.wm: subprocess.Popen[bytes] | None = None
        self.display = ""
        self._displayfd: int | None = None

    def start(self) -> Desktop:
        # -displayfd: Xvfb picks a free display number and writes it once it accepts clients
        read_end, write_end = os.pipe()
        width, height = SCREEN
        self.xvfb = subprocess.Popen(
            [
                "Xvfb",
                "-displayfd",
                str(write_end),
                "-screen",
                "0",
                f"{width}x{height}x24",
                "-nolisten",
                "tcp",
                "-noreset",
            ],
            pass_fds=(write_end,),
            stdout=subprocess.DEVNULL,
            stderr=(self.folder / "xvfb.log").open("wb"),
        )
        os.close(write_end)
        ready, _, _ = select.select([read_end], [], [], 20)
        number = os.read(read_end, 32).decode().strip() if ready else ""
        self._displayfd = read_end  # kept open: Xvfb writes to it again if it ever resets
        if not number:
            pytest.fail("Xvfb did not start within 20 s; see " + str(self.folder / "xvfb.log"))
        self.display = f":{number}"
        rc = self.folder / "openbox-rc.xml"
        rc.write_text(OPENBOX_RC, encoding="utf-8")
        self.wm = subprocess.Popen(
            ["openbox", "--config-file", str(rc)],
            env=self.env(),
            stdout=subprocess.DEVNULL,
            stderr=(self.folder / "openbox.log").open("wb"),
        )
        wait_until(
            lambda: self.run(["wmctrl", "-m"], check=False).returncode == 0,
            20,
            "the window manager",
            self.wm,
        )
        return self

    def close(self) -> None:
        stop(self.wm)
        stop(self.xvfb)
        if self._displayfd is not None:
            os.close(self._displayfd)

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env["DISPLAY"] = self.display
        return env

    def run(self, args: list[str], *, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            args, env=self.env(), capture_output=True, text=True, timeout=20, check=check
        )

    def activate(self, pid: int, title: str) -> bool:
        """Ask the window manager to focus process *pid*'s window titled *title*, as a
        click on it in the taskbar does; False if the window manager does not list it."""
        for line in self.run(["wmctrl", "-l", "-p"]).stdout.splitlines():
            # 0x00400007  0 12345  host 登录 — 文明实践站工作台
            parts = line.split(None, 4)
            if len(parts) == 5 and parts[2] == str(pid) and parts[4] == title:
                self.run(["wmctrl", "-i", "-a", parts[0]])
                return True
        return False

    def workarea(self) -> tuple[int, int, int, int]:
        out = self.run(["xprop", "-root", "_NET_WORKAREA"]).stdout
        x, y, w, h = (int(v) for v in out.split("=")[1].split(",")[:4])
        return x, y, w, h

    # input, as a person and a scanner give it

    def scan(self, code: str) -> None:
        """A USB scanner's burst: each key ~5 ms apart (Shift for capitals and ':'), Enter."""
        # one xdotool command: Return follows the last key as closely as a scanner's
        self.run(["xdotool", "type", "--delay", "5", "--args", "1", code, "key", "Return"])

    def type(self, text: str) -> None:
        """A person typing (about 8 keys a second)."""
        self.run(["xdotool", "type", "--delay", "120", text])

    def key(self, *keys: str) -> None:
        self.run(["xdotool", "key", "--delay", "60", *keys])

    def click(self, x: int, y: int) -> None:
        self.run(["xdotool", "mousemove", "--sync", str(x), str(y), "click", "1"])

    def screenshot(self, name: str) -> Path:
        SHOTS.mkdir(parents=True, exist_ok=True)
        path = SHOTS / f"{name}.png"
        self.run(["import", "-window", "root", str(path)])
        return path


# --- the program, seen through the probe ----------------------------------------------


@dataclass
class Screen:
    """One answer of the probe (see app.views.test_probe)."""

    data: dict[str, Any]

    @property
    def focus(self) -> str:
        focus = self.data.get("focus")
        return str(focus["name"]) if focus else ""

    def windows(self) -> list[dict[str, Any]]:
        return list(self.data["windows"])

    def window(self, name: str) -> dict[str, Any] | None:
        """The window with the object name (or else the title) *name*."""
        return next(
            (w for w in self.data["windows"] if name in (w["name"], w["title"]) and name), None
        )

    def widget(self, name: str, window: str | None = None) -> dict[str, Any] | None:
        return next(
            (
                w
                for w in self.data["widgets"]
                if w["name"] == name and (window is None or w["window"] == window)
            ),
            None,
        )

    def widgets(self, prefix: str = "") -> list[dict[str, Any]]:
        return [w for w in self.data["widgets"] if w["name"].startswith(prefix)]

    def button(self, text: str, window: str | None = None) -> dict[str, Any] | None:
        """A visible button whose text, without its &-shortcut marks, starts with *text*."""
        for w in self.data["widgets"]:
            shown = w["text"].replace("&", "")
            is_button = w["checked"] is not None
            if is_button and shown.startswith(text) and window in (None, w["window"]):
                return w
        return None

    def item(self, view: str, contains: str) -> dict[str, Any] | None:
        return next(
            (i for i in self.data["items"] if i["view"] == view and contains in i["text"]), None
        )

    def items(self, view: str) -> list[dict[str, Any]]:
        return [i for i in self.data["items"] if i["view"] == view]

    def tab(self, text: str) -> dict[str, Any] | None:
        return next((t for t in self.data["tabs"] if t["text"].replace("&", "") == text), None)

    def text(self, name: str) -> str:
        w = self.widget(name)
        return str(w["text"]) if w else ""


def center(box: dict[str, Any]) -> tuple[int, int]:
    return box["x"] + box["w"] // 2, box["y"] + box["h"] // 2


@dataclass
class RunningApp:
    desktop: Desktop
    data_dir: Path
    folder: Path
    extra_env: dict[str, str] = field(default_factory=dict)
    process: subprocess.Popen[bytes] | None = None
    serial: int = 0

    @property
    def probe_dir(self) -> Path:
        return self.folder / "probe"

    @property
    def log(self) -> Path:
        return self.folder / "app.log"

    def start(self) -> RunningApp:
        env = self.desktop.env()
        env.update(self.extra_env)
        env["QT_QPA_PLATFORM"] = "xcb"
        env["STATION_WORKBENCH_TEST_PROBE"] = str(self.probe_dir)
        env.pop("STATION_WORKBENCH_DATA", None)
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), "--data-dir", str(self.data_dir), "gui"],
            cwd=ROOT,
            env=env,
            stdout=self.log.open("wb"),
            stderr=subprocess.STDOUT,
        )
        return self

    def stop(self) -> None:
        stop(self.process)

    def look(self, timeout: float = 10) -> Screen:
        """Ask the probe what is on screen now."""
        assert self.process is not None
        self.serial += 1
        serial = str(self.serial)
        answer = self.probe_dir / "widgets.json"
        self.probe_dir.mkdir(parents=True, exist_ok=True)
        request = self.probe_dir / "request"
        request.write_text(serial, encoding="utf-8")

        def answered() -> dict[str, Any] | None:
            try:
                data = json.loads(answer.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                return None
            return data if data.get("serial") == serial else None

        data = wait_until(answered, timeout, "the test probe's answer", self.process)
        if "error" in data:
            pytest.fail(f"the test probe failed: {data['error']} (log: {self.log})")
        return Screen(data)

    def wait_for(self, condition: Callable[[Screen], Any], what: str, timeout: float = 15) -> Any:
        """Look until *condition(screen)* is truthy; returns its value.

        On a time-out the screen is saved to /tmp/shots-e2e/timeout-*.png.
        """
        deadline = time.monotonic() + timeout
        while True:
            screen = self.look()
            value = condition(screen)
            if value:
                return value
            if time.monotonic() > deadline:
                shot = self.desktop.screenshot("timeout-" + "".join(c for c in what if c.isalnum()))
                pytest.fail(
                    f"timed out after {timeout:.0f} s waiting for {what}; screen: {shot}; "
                    f"focus: {screen.focus!r}; windows: "
                    f"{[(w['name'], w['title']) for w in screen.windows()]}"
                )
            assert self.process is not None
            try:
                self.process.wait(LOOK)
            except subprocess.TimeoutExpired:
                continue
            pytest.fail(f"the program ended (code {self.process.returncode}); log: {self.log}")

    def click(self, box: dict[str, Any]) -> None:
        self.desktop.click(*center(box))

    def activate(self, name: str) -> None:
        """Make the window *name* the active one.  A window the program opens is
        usually focused by the window manager; when it is not (Qt marks a window
        that no user action opened as "don't focus"), it is activated as from the
        taskbar."""
        assert self.process is not None
        pid = self.process.pid

        def active(s: Screen) -> bool:
            w = s.window(name)
            if w is None:
                return False
            if not w["active"]:
                self.desktop.activate(pid, w["title"])
            return bool(w["active"])

        self.wait_for(active, f"the window {name} active")

    def quit(self, timeout: float = 20) -> int:
        """Quit as a person does (Ctrl+Q in the main window); returns the exit code."""
        assert self.process is not None
        self.desktop.key("ctrl+q")
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            pytest.fail(f"the program did not quit within {timeout:.0f} s")


# --- the print queue ------------------------------------------------------------------


class PrintQueue:
    """A private cupsd with one cups-pdf queue, the default printer (needs root:
    the cups-pdf backend refuses to run otherwise)."""

    NAME = "StationPDF"

    def __init__(self) -> None:
        # not under pytest's private tmp: cupsd's filters run as the user lp
        self.root = Path(tempfile.mkdtemp(prefix="station-cups-"))
        self.instance = f"station{os.getpid()}"
        self.pdf_conf = Path("/etc/cups") / f"cups-pdf-{self.instance}.conf"
        self.out = self.root / "out"
        self.socket = self.root / "cups.sock"
        self.process: subprocess.Popen[bytes] | None = None

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env["CUPS_SERVER"] = str(self.socket)
        for name in ("PRINTER", "LPDEST"):
            env.pop(name, None)
        return env

    def run(self, args: list[str], *, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            args, env=self.env(), capture_output=True, text=True, timeout=30, check=check
        )

    def start(self) -> PrintQueue:
        r = self.root
        for sub in ("etc/ppd", "spool", "cache", "state", "log", "out", "pdf-spool"):
            (r / sub).mkdir(parents=True, exist_ok=True)
        for path in [r, *r.rglob("*")]:
            path.chmod(0o755)
        (r / "tmp").mkdir(mode=0o1777)
        (r / "tmp").chmod(0o1777)
        (r / "etc" / "cupsd.conf").write_text(
            f"Listen {self.socket}\nLogLevel warn\nBrowsing No\nWebInterface No\n"
            "DefaultAuthType None\n<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
            "<Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n",
            encoding="utf-8",
        )
        (r / "etc" / "cups-files.conf").write_text(
            f"ServerRoot {r}/etc\nRequestRoot {r}/spool\nCacheDir {r}/cache\n"
            f"StateDir {r}/state\nTempDir {r}/tmp\nErrorLog {r}/log/error_log\n"
            f"AccessLog {r}/log/access_log\nPageLog {r}/log/page_log\n"
            "SystemGroup root\nSandboxing Relaxed\n",
            encoding="utf-8",
        )
        # cups-pdf reads /etc/cups/cups-pdf-<instance>.conf for a cups-pdf:/<instance> queue
        self.pdf_conf.write_text(
            f"Out {self.out}\nAnonDirName {self.out}\nSpool {r}/pdf-spool\n"
            f"Grp root\nLog {r}/log\nLogType 1\n",
            encoding="utf-8",
        )
        self.process = subprocess.Popen(
            ["cupsd", "-f", "-c", f"{r}/etc/cupsd.conf", "-s", f"{r}/etc/cups-files.conf"],
            env=self.env(),
            stdout=subprocess.DEVNULL,
            stderr=(r / "log" / "cupsd.log").open("wb"),
        )
        wait_until(
            lambda: "is running" in self.run(["lpstat", "-r"], check=False).stdout,
            20,
            "cupsd",
            self.process,
        )
        self.run(
            [
                "lpadmin",
                "-p",
                self.NAME,
                "-E",
                "-v",
                f"cups-pdf:/{self.instance}",
                "-P",
                str(CUPS_PDF_PPD),
            ]
        )
        self.run(["lpadmin", "-d", self.NAME])
        return self

    def close(self) -> None:
        stop(self.process)
        self.pdf_conf.unlink(missing_ok=True)
        shutil.rmtree(self.root, ignore_errors=True)

    def completed(self) -> int:
        out = self.run(["lpstat", "-W", "completed", "-o", self.NAME], check=False).stdout
        return len(out.splitlines())

    def pending(self) -> int:
        out = self.run(["lpstat", "-W", "not-completed", "-o", self.NAME], check=False).stdout
        return len(out.splitlines())

    def pdfs(self) -> set[Path]:
        return set(self.out.glob("*.pdf"))

    def wait_for_printout(
        self, before: set[Path], jobs_before: int, what: str, timeout: float = 60
    ) -> Path:
        """The one PDF the queue wrote since *before*, once its job has completed."""

        def done() -> Path | None:
            if self.completed() <= jobs_before or self.pending():
                return None
            new = self.pdfs() - before
            return next(iter(new)) if len(new) == 1 and next(iter(new)).stat().st_size else None

        path: Path = wait_until(done, timeout, what, self.process)
        return path


def pdf_info(path: Path) -> dict[str, str]:
    out = subprocess.run(
        ["pdfinfo", str(path)], capture_output=True, text=True, timeout=30, check=True
    ).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


def page_size_mm(info: dict[str, str]) -> tuple[float, float]:
    # "Page size:       595.276 x 841.89 pts (A4)"
    w, _, rest = info["Page size"].partition(" x ")
    h = rest.split()[0]
    return float(w) * 25.4 / 72, float(h) * 25.4 / 72


def read_printout(
    path: Path, page: int = 1, dpi: int = 200, layouts: tuple[int, ...] = (4,)
) -> str:
    """The text a person reads on the printed page: the queue's PDF holds the page as
    the picture the printer gets (the program draws each page as an image), so it
    is read back by OCR (tesseract, simplified Chinese).  The green channel turns
    red ink (the 补打 stamp) black; each page-layout mode in *layouts* (tesseract's
    --psm) reads the page once, and the texts are joined."""
    png = path.with_name(f"{path.stem}-p{page}")
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            str(dpi),
            "-png",
            "-singlefile",
            "-f",
            str(page),
            "-l",
            str(page),
            str(path),
            str(png),
        ],
        check=True,
        timeout=60,
    )
    green = png.with_name(png.name + "-g.png")
    subprocess.run(
        ["convert", f"{png}.png", "-channel", "G", "-separate", str(green)], check=True, timeout=60
    )
    texts = []
    for psm in layouts:
        out = subprocess.run(
            ["tesseract", str(green), "-", "-l", "chi_sim", "--psm", str(psm)],
            capture_output=True,
            text=True,
            timeout=90,
            check=True,
        ).stdout
        texts.append("".join(out.split()))  # OCR puts spaces between CJK characters
    return "\n".join(texts)


def shot_of_printout(path: Path, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    target = SHOTS / name
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "60",
            "-png",
            "-singlefile",
            "-f",
            "1",
            "-l",
            "1",
            str(path),
            str(target),
        ],
        check=True,
        timeout=60,
    )
    return target.with_suffix(".png")


def _gray_page(pdf: Path, dpi: int) -> tuple[int, int, bytes]:
    """Page 1 of *pdf* as grey pixels (pdftoppm's PGM on stdout)."""
    data = subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-gray", "-singlefile", "-f", "1", "-l", "1", str(pdf)],
        capture_output=True,
        check=True,
        timeout=60,
    ).stdout
    header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+255\s", data)
    assert header is not None, "pdftoppm gave no PGM picture"
    return int(header[1]), int(header[2]), data[header.end() :]


def differences_where_they_differ(
    printed: Path, a: Path, b: Path, dpi: int = 100, block: int = 8
) -> tuple[float, float]:
    """How far page 1 of *printed* is from page 1 of *a* and of *b*, measured only
    where *a* and *b* differ: the pages are compared as the mean grey of blocks of
    *block*×*block* pixels (so the printer's pixel or two of shift does not count),
    on the blocks where *a* and *b* differ.  *printed* is *a* when the first
    number is much the smaller."""

    def blocks(pdf: Path) -> list[list[float]]:
        w, h, pixels = _gray_page(pdf, dpi)
        return [
            [
                sum(pixels[y * w + x] for y in range(by, by + block) for x in range(bx, bx + block))
                / block**2
                for bx in range(0, w - block + 1, block)
            ]
            for by in range(0, h - block + 1, block)
        ]

    pp, pa, pb = blocks(printed), blocks(a), blocks(b)
    to_a = to_b = 0.0
    count = 0
    for rp, ra, rb in zip(pp, pa, pb, strict=False):
        for vp, va, vb in zip(rp, ra, rb, strict=False):
            if abs(va - vb) > 24:
                to_a += abs(vp - va)
                to_b += abs(vp - vb)
                count += 1
    assert count, "the two pages look the same"
    return to_a / count, to_b / count
