"""A volunteer's card shows their stored photo: the PDF embeds it as an image."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from app.services import volunteers
from app.services.documents.cards import volunteer_cards_pdf
from app.services.volunteers import VolunteerData

pytestmark = pytest.mark.skipif(not shutil.which("pdfimages"), reason="poppler-utils not installed")


def images_in(pdf: bytes, tmp_path: Path, name: str) -> list[str]:
    """The image rows of ``pdfimages -list`` (one per image drawn on a page)."""
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        ["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True
    ).stdout
    return [line for line in out.splitlines()[2:] if line.strip()]


def test_a_volunteer_card_with_a_photo_embeds_it(station_db, data_dir, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db, admin = station_db
    with_photo = volunteers.create_volunteer(db, admin, VolunteerData(name="欧阳建国")).id
    without = volunteers.create_volunteer(db, admin, VolunteerData(name="王芳")).id
    image = QImage(300, 400, QImage.Format.Format_RGB32)
    image.fill(QColor("#3c508c"))
    assert image.save(str(tmp_path / "face.png"))
    volunteers.set_volunteer_photo(db, admin, data_dir.photos, with_photo, tmp_path / "face.png")

    plain = volunteer_cards_pdf(db, admin, data_dir, [without])
    assert plain.startswith(b"%PDF-") and images_in(plain, tmp_path, "plain") == []

    single = volunteer_cards_pdf(db, admin, data_dir, [with_photo])
    rows = images_in(single, tmp_path, "single")
    assert len(rows) == 1 and rows[0].split()[2] == "image"  # page, num, type
    assert b"/Subtype /Image" in single

    sheet = volunteer_cards_pdf(db, admin, data_dir, [with_photo, without])
    assert len(images_in(sheet, tmp_path, "sheet")) == 1  # only the one with a photo
