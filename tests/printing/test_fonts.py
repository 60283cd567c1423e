"""The bundled CJK font is embedded in PDFs, so Chinese prints on any PC."""

from __future__ import annotations

import shutil
import subprocess
from io import BytesIO
from pathlib import Path

import pytest

from app.printing.fonts import register_fonts
from app.resources import font_path


def test_bundled_font_and_its_licence_are_shipped() -> None:
    assert font_path().is_file()
    assert (font_path().parent / "LICENSE-wqy-microhei.txt").is_file()


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
def test_a_pdf_with_chinese_embeds_the_font_and_reads_back(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    font = register_fonts()
    buf = BytesIO()
    c = canvas.Canvas(buf)
    c.setFont(font, 14)
    c.drawString(72, 720, "东风村新时代文明实践站 积分兑换单")
    c.save()
    pdf = tmp_path / "t.pdf"
    pdf.write_bytes(buf.getvalue())
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "东风村新时代文明实践站 积分兑换单" in text
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    assert "WenQuanYiMicroHei" in fonts and " yes " in fonts  # embedded subset
