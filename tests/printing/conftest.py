"""Helpers for reading rendered PDFs back with poppler-utils (pdftotext, pdfinfo, ...)."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest

POPPLER = all(shutil.which(t) for t in ("pdftotext", "pdfinfo", "pdffonts", "pdftoppm"))
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils not installed")


@dataclass
class Pdf:
    path: Path

    def text(self, *, layout: bool = False, page: int | None = None) -> str:
        args = ["pdftotext", "-enc", "UTF-8"]
        if layout:
            args.append("-layout")
        if page is not None:
            args += ["-f", str(page), "-l", str(page)]
        out = subprocess.run([*args, str(self.path), "-"], capture_output=True, check=True)
        return out.stdout.decode("utf-8")

    def flat(self, page: int | None = None) -> str:
        """Text with all whitespace removed (wrapping and columns do not matter)."""
        return re.sub(r"\s+", "", self.text(page=page))

    def info(self) -> dict[str, str]:
        out = subprocess.run(
            ["pdfinfo", str(self.path)], capture_output=True, text=True, check=True
        )
        return dict(
            (k.strip(), v.strip())
            for k, _, v in (line.partition(":") for line in out.stdout.splitlines())
        )

    @property
    def pages(self) -> int:
        return int(self.info()["Pages"])

    def page_size_mm(self) -> tuple[float, float]:
        m = re.match(r"([\d.]+) x ([\d.]+) pts", self.info()["Page size"])
        assert m
        return float(m.group(1)) * 25.4 / 72, float(m.group(2)) * 25.4 / 72

    def fonts(self) -> str:
        return subprocess.run(
            ["pdffonts", str(self.path)], capture_output=True, text=True, check=True
        ).stdout

    def words(self, page: int = 1) -> list[tuple[str, float, float, float, float]]:
        """(word, xMin, yMin, xMax, yMax) in points from the top-left, via pdftotext -bbox."""
        out = subprocess.run(
            ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(self.path), "-"],
            capture_output=True,
            check=True,
        ).stdout.decode("utf-8")
        found = []
        for m in re.finditer(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
            out,
        ):
            found.append(
                (
                    m.group(5),
                    float(m.group(1)),
                    float(m.group(2)),
                    float(m.group(3)),
                    float(m.group(4)),
                )
            )
        return found

    def png(self, dpi: int = 150, page: int = 1, gray: bool = True) -> Path:
        prefix = self.path.with_suffix("")
        args = ["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile"]
        if gray:
            args.append("-gray")
        subprocess.run([*args, str(self.path), str(prefix)], check=True)
        return prefix.with_suffix(".png")


@pytest.fixture
def pdf(tmp_path: Path):
    """``pdf(bytes, name)`` writes the bytes and returns a reader."""
    counter = iter(range(1000))

    def make(data: bytes, name: str = "") -> Pdf:
        assert data.startswith(b"%PDF-")
        path = tmp_path / f"{name or 'doc'}-{next(counter)}.pdf"
        path.write_bytes(data)
        return Pdf(path)

    return make


def assert_font_embedded(doc: Pdf) -> None:
    fonts = doc.fonts()
    rows = [line for line in fonts.splitlines()[2:] if line.strip()]
    assert rows, fonts
    for row in rows:
        assert "WenQuanYiMicroHei" in row, f"unexpected font: {row}"
        assert re.search(r"\byes\s+yes\s+yes\b", row), f"font not embedded as a subset: {row}"


TODAY = date(2025, 1, 8)
NOW = datetime(2025, 3, 8, 14, 5)
