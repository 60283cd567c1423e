"""活动台账 — the record book of a station's activities: a contents page, then one page each.

Built from plain data (:class:`LedgerEntry`), like every document here.  The
contents (目录) lists each activity with its date and page number; each
activity's page holds its title, category, platform, teams, place, time,
content, 人次, the volunteers and their hours, up to four photos and the
recorder.  A page's text that does not fit is cut with an ellipsis rather than
spilling over (an inspection reads one activity per page).  Photos go through
:func:`app.printing.layout.printable_image` (a huge picture is reduced first).

Progress is reported per page and cancel is polled between pages (app.progress).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from io import BytesIO
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from app.printing.layout import printable_image
from app.printing.text import GREY, draw_text, new_canvas, wrap_text
from app.progress import Cancel, ProgressFn, check, report

SIDE = 18 * mm
TOP = 16 * mm
BOTTOM = 16 * mm
PHOTOS_PER_PAGE = 4
CONTENTS_ROWS = 40  # lines per contents page


@dataclass(frozen=True)
class LedgerEntry:
    """One activity as its 台账 page shows it."""

    title: str
    category: str
    platform: str
    teams: tuple[str, ...]
    place: str
    starts_at: datetime
    ends_at: datetime
    content: str
    attendances: int  # 人次
    volunteers: tuple[tuple[str, float], ...]  # (name, hours)
    recorder: str
    photos: tuple[Path, ...] = field(default=())


def contents_pages(count: int) -> int:
    return max(1, -(-count // CONTENTS_ROWS))


def render_ledger(
    station_name: str,
    period_title: str,
    entries: Sequence[LedgerEntry],
    *,
    today: date | None = None,
    progress: ProgressFn | None = None,
    cancel: Cancel | None = None,
) -> bytes:
    """The 台账 PDF: contents page(s), then a page per entry (A4 portrait)."""
    day = today or date.today()
    width, height = A4
    buf = BytesIO()
    title = f"{station_name}文明实践活动台账"
    c = new_canvas(buf, A4, title=title, subject=period_title)
    first = contents_pages(len(entries)) + 1
    total_pages = first - 1 + len(entries)

    def footer(page: int) -> None:
        draw_text(c, SIDE, BOTTOM / 2, station_name, 8, fill=GREY)
        draw_text(
            c,
            width / 2,
            BOTTOM / 2,
            f"第 {page} 页 / 共 {total_pages} 页",
            8,
            align="center",
            fill=GREY,
        )
        draw_text(c, width - SIDE, BOTTOM / 2, f"{day:%Y-%m-%d}", 8, align="right", fill=GREY)

    # 目录
    for part in range(first - 1):
        y = height - TOP - 10 * mm
        if part == 0:
            draw_text(c, width / 2, y, title, 18, align="center", bold=True)
            y -= 8 * mm
            draw_text(
                c, width / 2, y, f"{period_title}　共 {len(entries)} 项活动", 11, align="center"
            )
            y -= 10 * mm
        draw_text(c, SIDE, y, "目  录", 14, bold=True)
        y -= 8 * mm
        for i in range(part * CONTENTS_ROWS, min(len(entries), (part + 1) * CONTENTS_ROWS)):
            e = entries[i]
            draw_text(c, SIDE, y, f"{i + 1}.", 10)
            draw_text(c, SIDE + 12 * mm, y, f"{e.starts_at:%Y-%m-%d}", 10)
            line = wrap_text(e.title, 10, width - 2 * SIDE - 60 * mm)
            draw_text(c, SIDE + 36 * mm, y, line[0] + ("…" if len(line) > 1 else ""), 10)
            draw_text(c, width - SIDE, y, str(first + i), 10, align="right")
            y -= 5.6 * mm
        footer(part + 1)
        c.showPage()
    for i, e in enumerate(entries):
        check(cancel)
        _entry_page(c, e, i + 1, width, height)
        footer(first + i)
        c.showPage()
        report(progress, i + 1, len(entries))
    c.save()
    return buf.getvalue()


def _entry_page(c: Canvas, e: LedgerEntry, number: int, width: float, height: float) -> None:
    inner = width - 2 * SIDE
    y = height - TOP - 8 * mm
    draw_text(c, width / 2, y, e.title[:40], 16, align="center", bold=True)
    y -= 6 * mm
    draw_text(c, width - SIDE, y, f"第 {number} 项", 9, align="right", fill=GREY)
    y -= 6 * mm
    hours = sum(h for _n, h in e.volunteers)
    fields = (
        ("活动类别", e.category),
        ("平台", e.platform),
        ("组织队伍", "、".join(e.teams) or "—"),
        ("活动地点", e.place or "—"),
        ("活动时间", f"{e.starts_at:%Y-%m-%d %H:%M} 至 {e.ends_at:%H:%M}"),
        ("参与人次", str(e.attendances)),
        ("志愿者", f"{len(e.volunteers)} 人，服务时长 {hours:.1f} 小时"),
    )
    for label, value in fields:
        draw_text(c, SIDE, y, f"{label}：", 10.5, bold=True)
        line = wrap_text(value, 10.5, inner - 24 * mm)
        draw_text(c, SIDE + 24 * mm, y, line[0] + ("…" if len(line) > 1 else ""), 10.5)
        y -= 6.5 * mm

    def block(label: str, text: str, max_lines: int) -> None:
        nonlocal y
        draw_text(c, SIDE, y, f"{label}：", 10.5, bold=True)
        y -= 6 * mm
        lines = wrap_text(text or "—", 10, inner)
        if len(lines) > max_lines:
            lines = [*lines[: max_lines - 1], lines[max_lines - 1] + "…"]
        for line in lines:
            draw_text(c, SIDE + 4 * mm, y, line, 10)
            y -= 5.2 * mm
        y -= 2 * mm

    block("活动内容", e.content, 8)
    block("志愿者及时长", "、".join(f"{n} {h:.1f}h" for n, h in e.volunteers), 5)
    photos = [p for p in e.photos if p.is_file()][:PHOTOS_PER_PAGE]
    if photos:
        draw_text(c, SIDE, y, "活动照片：", 10.5, bold=True)
        y -= 4 * mm
        w, h = (inner - 6 * mm) / 2, 55 * mm
        for k, path in enumerate(photos):
            x = SIDE + (k % 2) * (w + 6 * mm)
            top = y - (k // 2) * (h + 4 * mm)
            try:
                image = printable_image(path)
            except OSError:
                image = None
            if image is not None:
                c.drawImage(image, x, top - h, w, h, preserveAspectRatio=True, anchor="c")
    draw_text(
        c, width - SIDE, BOTTOM + 4 * mm, f"记录人：{e.recorder or '________'}", 10.5, align="right"
    )
