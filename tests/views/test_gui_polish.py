"""Small things a new user tripped over: spin box arrows, mnemonics, stale messages, Esc."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QDoubleSpinBox, QSpinBox

from app.views.application import apply_stylesheet


@pytest.fixture
def styled(qapp) -> Iterator[QApplication]:  # type: ignore[no-untyped-def]
    apply_stylesheet(qapp)
    yield qapp
    qapp.setStyleSheet("")


def _arrow_rows(widget, x0: int, top: bool) -> int:  # type: ignore[no-untyped-def]
    """Rows of the button column with a short dark run: the rows of an arrow (a blank
    button has only its long edges)."""
    image = widget.grab().toImage()
    half = image.height() // 2
    rows = range(0, half) if top else range(half, image.height())
    columns = range(x0, image.width() - 3)
    return sum(
        1 for y in rows if 1 <= sum(image.pixelColor(x, y).lightness() < 110 for x in columns) <= 10
    )


@pytest.mark.parametrize("cls", [QSpinBox, QDoubleSpinBox])
def test_spin_boxes_show_their_arrows(qtbot, styled, cls) -> None:  # type: ignore[no-untyped-def]
    spin = cls()
    qtbot.addWidget(spin)
    spin.setRange(0, 100)
    spin.setValue(50)  # both arrows enabled
    spin.resize(140, 36)
    spin.show()
    qtbot.waitExposed(spin)
    x0 = spin.width() - 20
    assert _arrow_rows(spin, x0, top=True) >= 4  # an up arrow, not a blank button
    assert _arrow_rows(spin, x0, top=False) >= 4
