"""Verifying QR codes drawn as vector rectangles (DESIGN §4).

The ``qrcode`` package computes the module matrix (error correction M; a payload
such as ``WB1:R:ABCDEF:MAC`` — uppercase, digits and ``:`` — is encoded in the
compact alphanumeric mode automatically).  The matrix is drawn as one filled path
made of horizontal runs, so a code is sharp at any printer resolution and costs a
few dozen path operations instead of hundreds of rectangles.  The standard quiet
zone of four modules is part of the requested size, so a code placed in a box of
``size`` never touches its neighbours.
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.lib.colors import Color, black, white
from reportlab.pdfgen.canvas import Canvas

QUIET_ZONE = 4  # modules, as ISO/IEC 18004 asks


@lru_cache(maxsize=2048)
def qr_matrix(payload: str) -> tuple[tuple[bool, ...], ...]:
    """The module matrix (True = dark) of ``payload``, without quiet zone."""
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0, box_size=1)
    code.add_data(payload)
    code.make(fit=True)
    return tuple(tuple(bool(v) for v in row) for row in code.get_matrix())


@lru_cache(maxsize=2048)
def _rectangles(matrix: tuple[tuple[bool, ...], ...]) -> list[tuple[int, int, int, int]]:
    """Dark modules as (col, row, width, height) rectangles: horizontal runs, merged
    downwards when the next row has the identical run — about a third fewer shapes."""
    done: list[tuple[int, int, int, int]] = []
    open_runs: dict[tuple[int, int], tuple[int, int]] = {}  # (col, width) -> (row, height)
    for r, row in enumerate(matrix):
        runs: set[tuple[int, int]] = set()
        n, col = len(row), 0
        while col < n:
            if row[col]:
                start = col
                while col < n and row[col]:
                    col += 1
                runs.add((start, col - start))
            else:
                col += 1
        for key in list(open_runs):
            if key not in runs:
                top, h = open_runs.pop(key)
                done.append((key[0], top, key[1], h))
        for key in runs:
            top, h = open_runs.get(key, (r, 0))
            open_runs[key] = (top, h + 1)
    done.extend((key[0], top, key[1], h) for key, (top, h) in open_runs.items())
    return done


def draw_qr(
    c: Canvas,
    payload: str,
    x: float,
    y: float,
    size: float,
    *,
    quiet_zone: bool = True,
    fill: Color = black,
    background: Color | None = white,
) -> float:
    """Draw ``payload`` as a QR code in the square with bottom-left (x, y), side ``size`` pt.

    Returns the size of one module in points (callers may check it is printable:
    at 0.33 mm and above a phone or a scanner reads it reliably).
    """
    matrix = qr_matrix(payload)
    n = len(matrix)
    total = n + (2 * QUIET_ZONE if quiet_zone else 0)
    module = size / total
    offset = QUIET_ZONE * module if quiet_zone else 0.0
    c.saveState()
    if background is not None:
        c.setFillColor(background)
        c.rect(x, y, size, size, stroke=0, fill=1)
    c.setFillColor(fill)
    path = c.beginPath()
    for col, row, w, h in _rectangles(matrix):
        # A hair of overlap avoids hairline seams between rectangles in some viewers.
        path.rect(
            x + offset + col * module,
            y + size - offset - (row + h) * module - 0.01,
            w * module,
            h * module + 0.02,
        )
    c.drawPath(path, stroke=0, fill=1)
    c.restoreState()
    return module
