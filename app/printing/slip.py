"""积分超市兑换单 — the redemption slip, and its 作废单 (void slip) variant.

Pages:
* ``"A4"``  — two copies on one portrait sheet (存根联 above, 客户联 below), each
  half an A4 (210 × 148 mm) with a dashed cut line between them;
* ``"A5"``  — one copy per A5 *landscape* page: the same half-A4 layout, so a
  township edits one layout (``slip_copy.json``) for both;
* ``"80mm"`` / ``"58mm"`` — receipt rolls, one copy after the other; the page
  height follows the number of items (``slip_80mm.json``, ``slip_58mm.json``).

A copy with more items than its half page holds continues on a further half page
(marked 续); nothing is ever cut off.  A reprint carries a red 补打 stamp; a void
slip is titled 积分兑换作废单, repeats the items being refunded, names the
original slip number and the reason, and is overprinted 作废.

The printing layer receives display-ready strings: ``household_head`` is the name
as it should appear (masked or not is the caller's decision).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from io import BytesIO
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm

from app.printing.layout import Layout, LayoutPlan, load_layout, plan
from app.printing.text import GREY, draw_text, format_datetime, new_canvas

__all__ = ["SLIP_NOTE", "SlipData", "SlipLine", "render_slip", "render_slips"]

SLIP_NOTE = "本单一式两联：存根联由实践站留存备查，客户联交兑换户。积分一经兑换，不予退还。"
SLIP_NOTE_SINGLE = "积分一经兑换，不予退还。请妥善保管本单。"
A4 = (210 * mm, 297 * mm)
A5_LANDSCAPE = (210 * mm, 148 * mm)


@dataclass(frozen=True, slots=True)
class SlipLine:
    """One line of a 兑换单: goods name, unit, quantity, points each, points."""

    name: str
    unit: str
    qty: int | float
    unit_points: int | float
    points: int | float


@dataclass(frozen=True, slots=True)
class SlipData:
    """积分兑换单: everything printed, already resolved to display values."""

    number: str
    station_name: str
    household_number: str
    household_head: str
    items: Sequence[SlipLine]
    total_points: int | float
    balance_before: int | float
    balance_after: int | float
    operator_name: str
    issued_at: datetime
    verify_payload: str
    reprint: bool = False
    voided: bool = False
    void_reason: str = ""
    void_number: str = ""  # the void slip's own number, when the service numbers voids
    voided_at: datetime | None = None
    note: str | None = None  # None: the standard note for the number of copies
    extra: Mapping[str, Any] = field(default_factory=dict)  # for custom layouts


def _fields(data: SlipData, copy_label: str, copies: int = 2) -> dict[str, Any]:
    fields: dict[str, Any] = dict(data.extra)
    fields.update(
        number=data.number,
        display_number=data.void_number or data.number,
        title="积分兑换作废单" if data.voided else "积分兑换单",
        station_name=data.station_name,
        household_number=data.household_number,
        household_head=data.household_head,
        items=list(data.items),
        total_points=data.total_points,
        balance_before=data.balance_before,
        balance_after=data.balance_after,
        operator_name=data.operator_name,
        issued_at=format_datetime(
            data.voided_at if data.voided and data.voided_at else data.issued_at
        ),
        verify_payload=data.verify_payload,
        reprint=data.reprint,
        voided=data.voided,
        void_reason=data.void_reason,
        copy_label=copy_label,
        note=data.note if data.note is not None else SLIP_NOTE if copies >= 2 else SLIP_NOTE_SINGLE,
    )
    return fields


def _cut_line(c: Any, y: float) -> None:
    c.saveState()
    c.setStrokeColor(GREY)
    c.setLineWidth(0.5)
    c.setDash([3 * mm, 2 * mm], 0)
    c.line(6 * mm, y, 92 * mm, y)
    c.line(118 * mm, y, 204 * mm, y)
    c.restoreState()
    draw_text(c, 105 * mm, y - 2.5, "沿此线裁开", 7.5, align="center", fill=GREY)


def _draw_slips(
    c: Any,
    slips: Sequence[SlipData],
    page: str,
    copies: Sequence[str],
    layouts: Mapping[str, Layout],
) -> None:
    if page in ("80mm", "58mm"):
        layout = layouts[page]
        for data in slips:
            for label in copies or ("",):
                p = plan(layout, _fields(data, label, len(copies)))
                c.setPageSize((p.width, p.height))
                p.draw_page(c, 0)
                c.showPage()
        return
    layout = layouts["copy"]
    if page == "A5":
        for data in slips:
            for label in copies or ("",):
                p = plan(layout, _fields(data, label, len(copies)))
                for i in range(p.page_count):
                    c.setPageSize(A5_LANDSCAPE)
                    p.draw_page(c, i)
                    c.showPage()
        return
    # A4: half-page regions, two to a sheet, in reading order (top, then bottom).
    half = A4[1] / 2
    for data in slips:
        regions: list[tuple[LayoutPlan, int]] = []
        for label in copies or ("",):
            p = plan(layout, _fields(data, label, len(copies)))
            regions.extend((p, i) for i in range(p.page_count))
        for k in range(0, len(regions), 2):
            c.setPageSize(A4)
            top_plan, top_index = regions[k]
            top_plan.draw_page(c, top_index, (0.0, half))
            if k + 1 < len(regions):
                bottom_plan, bottom_index = regions[k + 1]
                bottom_plan.draw_page(c, bottom_index, (0.0, half - bottom_plan.height))
                _cut_line(c, half)
            c.showPage()


def _layouts(page: str, layout_dir: str | Path | None) -> dict[str, Layout]:
    if page not in ("A4", "A5", "80mm", "58mm"):
        raise ValueError(f"unknown slip page {page!r} (A4, A5, 80mm or 58mm)")
    if page in ("80mm", "58mm"):
        return {page: load_layout(f"slip_{page}", layout_dir)}
    return {"copy": load_layout("slip_copy", layout_dir)}


def render_slips(
    slips: Sequence[SlipData],
    page: str = "A4",
    copies: Sequence[str] = ("存根联", "客户联"),
    *,
    layout_dir: str | Path | None = None,
) -> bytes:
    """Many slips in one PDF (a day's slips for the archive)."""
    layouts = _layouts(page, layout_dir)
    buf = BytesIO()
    c = new_canvas(buf, A4, title="积分兑换单")
    _draw_slips(c, slips, page, copies, layouts)
    c.save()
    return buf.getvalue()


def render_slip(
    data: SlipData,
    page: str = "A4",
    copies: Sequence[str] = ("存根联", "客户联"),
    *,
    layout_dir: str | Path | None = None,
) -> bytes:
    """One 兑换单 as PDF bytes; ``copies=()`` prints a single unlabelled copy."""
    return render_slips([data], page, copies, layout_dir=layout_dir)
