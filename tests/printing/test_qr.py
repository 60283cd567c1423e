"""QR codes: vector drawing reproduces the matrix exactly, quiet zone included."""

from __future__ import annotations

import importlib.util
from io import BytesIO

import pytest

from app.printing.qr import QUIET_ZONE, _rectangles, draw_qr, qr_matrix
from tests.printing.conftest import needs_poppler

PAYLOAD = "WB1:R:01J9ZK3X7Q2M4N5P6R7S8T9V0W:3F7KQ2MA9X"


def test_matrix_is_square_and_uses_alphanumeric_mode() -> None:
    import qrcode

    m = qr_matrix(PAYLOAD)
    assert len(m) == len(m[0]) >= 21
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(PAYLOAD)
    code.make(fit=True)
    assert code.data_list[0].mode == qrcode.util.MODE_ALPHA_NUM
    # 42 alphanumeric characters at level M fit version 3 (byte mode would need 4).
    assert len(m) == 29


def test_merged_rectangles_cover_exactly_the_dark_modules() -> None:
    m = qr_matrix(PAYLOAD)
    painted = [[False] * len(m) for _ in m]
    for col, row, w, h in _rectangles(m):
        for r in range(row, row + h):
            for c in range(col, col + w):
                assert not painted[r][c], "overlapping rectangles"
                painted[r][c] = True
    assert [tuple(r) for r in painted] == [tuple(r) for r in m]
    assert len(_rectangles(m)) < sum(map(sum, m)) / 2


def _page_with_qr(payload: str) -> tuple[bytes, float, float, float]:
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    buf = BytesIO()
    c = Canvas(buf, pagesize=(100 * mm, 100 * mm))
    x, y, size = 20 * mm, 20 * mm, 60 * mm
    module = draw_qr(c, payload, x, y, size)
    c.showPage()
    c.save()
    return buf.getvalue(), x, y + size, module


@needs_poppler
def test_rasterised_qr_matches_the_matrix_module_by_module(pdf) -> None:
    from PIL import Image

    data, left, top, module = _page_with_qr(PAYLOAD)
    doc = pdf(data, "qr")
    dpi = 300
    image = Image.open(doc.png(dpi=dpi)).convert("L")
    scale = dpi / 72
    height_px = image.height
    m = qr_matrix(PAYLOAD)
    n = len(m) + 2 * QUIET_ZONE
    for r in range(n):
        for col in range(n):
            px = int((left + (col + 0.5) * module) * scale)
            py = int(height_px - (top - (r + 0.5) * module) * scale)
            dark = image.getpixel((px, py)) < 128
            inside = QUIET_ZONE <= r < n - QUIET_ZONE and QUIET_ZONE <= col < n - QUIET_ZONE
            expected = m[r - QUIET_ZONE][col - QUIET_ZONE] if inside else False
            assert dark == expected, f"module ({r}, {col})"


@needs_poppler
@pytest.mark.skipif(importlib.util.find_spec("zxingcpp") is None, reason="zxing-cpp not installed")
def test_rendered_qr_decodes_with_zxing(pdf) -> None:
    import zxingcpp
    from PIL import Image

    data, *_ = _page_with_qr(PAYLOAD)
    image = Image.open(pdf(data, "qrz").png(dpi=150))
    results = zxingcpp.read_barcodes(image)
    assert [r.text for r in results] == [PAYLOAD]
