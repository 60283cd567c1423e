"""Draw the application icon: resources/icons/app.svg, app-<size>.png and app.ico.

The icon is a red rounded square (the colour of the station's signboards) with a
gold five-pointed star and a white band under it — geometry only, so it needs no
font and draws the same everywhere.  The PNGs are the hicolor sizes a Linux
desktop asks for; the .ico holds 16–256 for Windows (window, taskbar, shortcuts,
the installer).  Run again after changing the drawing; the outputs are committed.

    .venv/bin/python scripts/make_icons.py
"""

from __future__ import annotations

import math
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def _star(cx: float, cy: float, r: float) -> str:
    points = []
    for i in range(10):
        radius = r if i % 2 == 0 else r * 0.382
        angle = math.pi / 2 + i * math.pi / 5
        points.append(f"{cx + radius * math.cos(angle):.2f},{cy - radius * math.sin(angle):.2f}")
    return " ".join(points)


SVG = f"""<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">
  <rect x="16" y="16" width="480" height="480" rx="96" ry="96" fill="#c8161d"/>
  <polygon points="{_star(256, 218, 150)}" fill="#ffd24a"/>
  <rect x="96" y="384" width="320" height="40" rx="20" ry="20" fill="#ffffff"/>
</svg>
"""


def main() -> None:
    from PIL import Image
    from PySide6.QtCore import QByteArray, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(["make_icons", "-platform", "offscreen"])
    ICONS.mkdir(parents=True, exist_ok=True)
    (ICONS / "app.svg").write_text(SVG, encoding="utf-8")
    renderer = QSvgRenderer(QByteArray(SVG.encode()))
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        image.save(str(ICONS / f"app-{size}.png"))
    big = Image.open(ICONS / "app-256.png")
    big.save(ICONS / "app.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    del app


if __name__ == "__main__":
    main()
