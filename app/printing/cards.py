"""Household and volunteer QR cards (家庭积分卡 / 志愿者证), credit-card size.

One card is 85.6 × 54 mm (ISO/IEC 7810 ID-1), so it fits a wallet and a card
sleeve.  ``render_cards`` puts eight on an A4 sheet (2 × 4, edge to edge so one
cut serves two cards) with crop marks in the margin and a hairline outline;
``render_card`` gives one card on a card-sized page (for a PVC card printer) or
in the first slot of an A4 sheet.  The face is a layout (``card.json``, or
``card_photo.json`` when a photo is given), so a township can restyle it.

The QR payload is the signed card payload (DESIGN §4); the number is printed so a
card can still be typed in when a scanner fails.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm

from app.printing.layout import Layout, load_layout, plan
from app.printing.text import GREY, draw_text, new_canvas

__all__ = ["CARD_H", "CARD_W", "CardData", "render_card", "render_cards"]

CARD_W = 85.6  # mm
CARD_H = 54.0
A4_W, A4_H = 210.0, 297.0
DEFAULT_HINT = "请妥善保管本卡，遗失请及时到实践站挂失补办"


@dataclass(frozen=True, slots=True)
class CardData:
    """One card face; ``name`` as it should be printed, ``payload`` the signed QR text."""

    kind_label: str  # "家庭积分卡" / "志愿者证"
    title_line: str  # station name
    name: str
    number: str
    extra_lines: Sequence[str] = ()
    payload: str = ""
    photo_path: str | Path | None = None
    hint: str = DEFAULT_HINT


def _fields(card: CardData) -> dict[str, Any]:
    extras = list(card.extra_lines)[:3]
    fields: dict[str, Any] = {
        "kind_label": card.kind_label,
        "title_line": card.title_line,
        "name": card.name,
        "number": card.number,
        "payload": card.payload,
        "photo_path": str(card.photo_path) if card.photo_path else "",
        "hint": card.hint,
    }
    for i in range(3):
        fields[f"extra_{i + 1}"] = extras[i] if i < len(extras) else ""
    return fields


def _grid(per_page: int) -> tuple[int, int]:
    if per_page not in (2, 4, 6, 8, 10):
        raise ValueError("per_page must be 2, 4, 6, 8 or 10 (two columns of cards)")
    return 2, per_page // 2


def _crop_marks(c: Any, left: float, top: float, cols: int, rows: int) -> None:
    """Short marks in the margin on every cut line, and hairline card outlines."""
    right = left + cols * CARD_W
    bottom = top + rows * CARD_H
    c.saveState()
    c.setStrokeColor(HexColor("#000000"))
    c.setLineWidth(0.3)
    gap, length = 2.0, 6.0
    for i in range(cols + 1):
        x = (left + i * CARD_W) * mm
        c.line(x, (A4_H - top + gap) * mm, x, (A4_H - top + gap + length) * mm)
        c.line(x, (A4_H - bottom - gap) * mm, x, (A4_H - bottom - gap - length) * mm)
    for j in range(rows + 1):
        y = (A4_H - top - j * CARD_H) * mm
        c.line((left - gap - length) * mm, y, (left - gap) * mm, y)
        c.line((right + gap) * mm, y, (right + gap + length) * mm, y)
    c.setStrokeColor(HexColor("#C8C8C8"))
    c.setLineWidth(0.25)
    for i in range(cols):
        for j in range(rows):
            c.rect(
                (left + i * CARD_W) * mm,
                (A4_H - top - (j + 1) * CARD_H) * mm,
                CARD_W * mm,
                CARD_H * mm,
            )
    c.restoreState()


def _layout_for(
    card: CardData, layouts: dict[str, Layout], layout_dir: str | Path | None
) -> Layout:
    name = "card_photo" if card.photo_path else "card"
    if name not in layouts:
        layouts[name] = load_layout(name, layout_dir)
    return layouts[name]


def render_cards(
    cards: Sequence[CardData], per_page: int = 8, *, layout_dir: str | Path | None = None
) -> bytes:
    """A4 sheets of cards (two columns), crop marks in the margins."""
    cols, rows = _grid(per_page)
    left = (A4_W - cols * CARD_W) / 2
    top = (A4_H - rows * CARD_H) / 2
    buf = BytesIO()
    c = new_canvas(buf, (A4_W * mm, A4_H * mm), title="卡片打印")
    layouts: dict[str, Layout] = {}
    sheets = max(1, -(-len(cards) // per_page))
    for s in range(sheets):
        batch = cards[s * per_page : (s + 1) * per_page]
        for k, card in enumerate(batch):
            col, row = k % cols, k // cols
            p = plan(_layout_for(card, layouts, layout_dir), _fields(card))
            origin = ((left + col * CARD_W) * mm, (A4_H - top - (row + 1) * CARD_H) * mm)
            p.draw_page(c, 0, origin)
        _crop_marks(c, left, top, cols, rows)
        label = f"卡片打印  第 {s + 1} 张 / 共 {sheets} 张 — 请沿裁切线裁开；用 100% 比例（实际大小）打印"
        draw_text(c, A4_W / 2 * mm, (A4_H - top + 12) * mm, label, 8, align="center", fill=GREY)
        c.showPage()
    c.save()
    return buf.getvalue()


def render_card(
    card: CardData, page: str = "card", *, layout_dir: str | Path | None = None
) -> bytes:
    """One card: ``page="card"`` is a card-sized page (card printers); ``"A4"`` a sheet slot."""
    if page == "A4":
        return render_cards([card], per_page=8, layout_dir=layout_dir)
    if page != "card":
        raise ValueError(f"unknown card page {page!r} (card or A4)")
    layouts: dict[str, Layout] = {}
    buf = BytesIO()
    c = new_canvas(buf, (CARD_W * mm, CARD_H * mm), title=card.kind_label)
    plan(_layout_for(card, layouts, layout_dir), _fields(card)).draw_page(c, 0)
    c.showPage()
    c.save()
    return buf.getvalue()
