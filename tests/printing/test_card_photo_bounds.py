"""Photos stored before photos were re-encoded (any size, any bytes) print fast:
one with too many pixels gets the 照片 placeholder, a large one is reduced."""

from __future__ import annotations

import re
import subprocess
import time
import tracemalloc
from pathlib import Path

from app.printing.cards import render_card
from tests.printing.conftest import needs_poppler
from tests.printing.test_card_sheets import volunteer
from tests.services.hostile import images

pytestmark = needs_poppler
MB = 1 << 20


def _timed(photo: Path) -> tuple[bytes, float, float]:
    render_card(volunteer())  # fonts and layouts loaded: not what is measured
    tracemalloc.start()
    started = time.monotonic()
    try:
        data = render_card(volunteer(photo))
        return data, time.monotonic() - started, tracemalloc.get_traced_memory()[1] / MB
    finally:
        tracemalloc.stop()


def test_a_photo_with_too_many_pixels_prints_the_placeholder_quickly(tmp_path: Path, pdf) -> None:
    photo = images.write(tmp_path / "legacy.png", images.huge_png(12000, 12000))
    data, seconds, peak = _timed(photo)
    assert seconds < 1.5 and peak < 50, (seconds, peak)
    doc = pdf(data)
    assert "照片" in doc.flat() and "欧阳建国" in doc.flat()


def test_a_large_legacy_photo_is_printed_reduced(tmp_path: Path, pdf) -> None:
    photo = images.write(tmp_path / "legacy.jpg", images.jpeg(6000, 4000))
    data, seconds, peak = _timed(photo)
    assert seconds < 3 and peak < 150, (seconds, peak)
    doc = pdf(data)
    listing = subprocess.run(
        ["pdfimages", "-list", str(doc.path)], capture_output=True, text=True, check=True
    ).stdout
    sizes = [
        tuple(map(int, m))
        for m in re.findall(r"^\s*\d+\s+\d+\s+\w+\s+(\d+)\s+(\d+)", listing, re.M)
    ]
    assert sizes and max(max(s) for s in sizes) <= 1600, listing
    assert "照片" not in doc.flat()
