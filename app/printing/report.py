"""Flowing list reports for the notice board and the archive (A4, many pages).

A report is a title and a sequence of blocks — paragraphs, table sections, a
sign-off — flowed down the page.  Pages are laid out first and painted second, so
every footer can say "第 X 页 / 共 Y 页" without drawing anything twice.  Tables
go through the one table routine (``table.py``): the header row repeats on each
page, a section heading is never left alone at the foot of a page.

Page furniture: title (and subtitle) on the first page, a running title on the
following ones; footer with the station name, the page numbers and the print date.
Margins are 18 mm at the sides and ≥ 12 mm top and bottom, inside what any office
printer prints.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from io import BytesIO
from typing import Any

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from app.printing.table import (
    Column,
    TableStyle,
    draw_table_part,
    measure_rows,
    paginate_rows,
    resolve_widths,
)
from app.printing.text import (
    BLACK,
    GREY,
    display_value,
    draw_text,
    fit_text,
    format_date,
    new_canvas,
    wrap_text,
)
from app.progress import Cancel, ProgressFn, check, report

__all__ = [
    "Paragraph",
    "ReportColumn",
    "Section",
    "SignOff",
    "Spacer",
    "render_report",
    "render_table_report",
]

SIDE = 18 * mm
TOP = 14 * mm
BOTTOM = 18 * mm
FOOTER_Y = 9 * mm


@dataclass(frozen=True, slots=True)
class ReportColumn:
    """A column of a report table; ``width`` in mm, or ``"*"`` to share the rest."""

    title: str
    width: float | str = "*"
    align: str = "left"
    wrap: bool = False


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    size: float = 11.0
    align: str = "left"
    color: str = "#000000"
    indent: int = 0  # first-line indent, in characters
    leading: float = 1.6


@dataclass(frozen=True, slots=True)
class Spacer:
    height: float  # mm


@dataclass(frozen=True, slots=True)
class Section:
    """A table, optionally under a heading (e.g. 红榜 in red)."""

    columns: Sequence[ReportColumn]
    rows: Sequence[Sequence[Any]]
    heading: str = ""
    heading_color: str = "#000000"
    heading_size: float = 15.0
    empty_text: str = "（无）"
    row_height: float = 6.5  # mm
    size: float = 10.0
    zebra: bool = True
    row_fills: Sequence[str | None] | None = None


@dataclass(frozen=True, slots=True)
class SignOff:
    """Right-aligned closing lines: issuer and date under a notice."""

    lines: Sequence[str]
    size: float = 11.0


Block = Paragraph | Spacer | Section | SignOff
Op = Callable[[Canvas], object]


@dataclass(slots=True)
class _Flow:
    width: float
    next_top: float
    pages: list[list[Op]] = field(default_factory=lambda: [[]])
    y: float = 0.0

    @property
    def bottom(self) -> float:
        return BOTTOM

    def room(self) -> float:
        return self.y - self.bottom

    def new_page(self) -> None:
        self.pages.append([])
        self.y = self.next_top

    def add(self, op: Op) -> None:
        self.pages[-1].append(op)


def _text_op(x: float, y: float, text: str, size: float, **kw: Any) -> Op:
    return lambda c: draw_text(c, x, y, text, size, **kw)


def _flow_paragraph(flow: _Flow, block: Paragraph, left: float) -> None:
    s = block.size
    lead = s * block.leading
    text = "\u3000" * block.indent + block.text
    lines = wrap_text(text, s, flow.width)
    fill = HexColor(block.color)
    x = (
        left + flow.width / 2
        if block.align == "center"
        else left + flow.width
        if block.align == "right"
        else left
    )
    for line in lines:
        if flow.room() < lead:
            flow.new_page()
        flow.add(_text_op(x, flow.y - s, line, s, align=block.align, fill=fill))
        flow.y -= lead


def _flow_signoff(flow: _Flow, block: SignOff, left: float) -> None:
    lead = block.size * 1.8
    if flow.room() < lead * len(block.lines) + 6 * mm:
        flow.new_page()
    flow.y -= 6 * mm
    right = left + flow.width - 8 * mm
    for line in block.lines:
        fitted = fit_text(line, block.size, flow.width * 0.6)
        flow.add(_text_op(right, flow.y - block.size, fitted.lines[0], fitted.size, align="right"))
        flow.y -= lead


def _flow_section(flow: _Flow, block: Section, left: float) -> None:
    widths = resolve_widths(
        [c.width * mm if isinstance(c.width, (int, float)) else "*" for c in block.columns],
        flow.width,
    )
    columns = [
        Column(key=str(i), title=c.title, width=w, align=c.align, wrap=c.wrap)
        for i, (c, w) in enumerate(zip(block.columns, widths, strict=True))
    ]
    style = TableStyle(
        size=block.size,
        header_size=block.size,
        row_height=block.row_height * mm,
        header_height=max(block.row_height, 7.5) * mm,
        zebra=HexColor("#F3F3F3") if block.zebra else None,
    )
    cells = [[display_value(v) for v in row] for row in block.rows]
    heights = measure_rows(columns, cells, style)
    fills: list[Color | None] | None = None
    if block.row_fills is not None:
        fills = [HexColor(f) if f else None for f in block.row_fills]
    heading_h = block.heading_size * 2.0 if block.heading else 0.0
    first_row = heights[0] if heights else style.row_height
    # Keep the heading with the header row and at least one row.
    if flow.room() < heading_h + style.header_height + first_row:
        flow.new_page()
    if block.heading:
        color = HexColor(block.heading_color)
        hs = block.heading_size
        y = flow.y - hs * 1.2
        flow.add(
            _text_op(
                left + flow.width / 2,
                y,
                block.heading,
                hs,
                align="center",
                bold=True,
                fill=color,
                char_space=hs * 0.3,
            )
        )
        flow.add(_rule_op(left, y - hs * 0.45, flow.width, color))
        flow.y -= heading_h
    if not cells:
        top = flow.y
        flow.add(lambda c: draw_table_part(c, left, top, columns, [], [], style))
        flow.y -= style.header_height
        flow.add(
            _text_op(
                left + flow.width / 2,
                flow.y - 6 * mm,
                block.empty_text,
                block.size,
                align="center",
                fill=GREY,
            )
        )
        flow.y -= 9 * mm
        return
    first_room = flow.room()
    body = flow.next_top - flow.bottom

    def available(page: int, is_last: bool) -> float:
        return (first_room if page == 0 else body) - style.header_height

    for k, (start, end) in enumerate(paginate_rows(heights, available)):
        if k > 0:
            flow.new_page()
        part_fills = fills[start:end] if fills is not None else None
        flow.add(
            _table_op(
                left, flow.y, columns, cells[start:end], heights[start:end], style, part_fills
            )
        )
        flow.y -= style.header_height + sum(heights[start:end])
    flow.y -= 4 * mm


def _table_op(
    left: float,
    top: float,
    columns: Sequence[Column],
    cells: Sequence[Sequence[str]],
    heights: Sequence[float],
    style: TableStyle,
    fills: Sequence[Color | None] | None,
) -> Op:
    return lambda c: draw_table_part(c, left, top, columns, cells, heights, style, row_fills=fills)


def _rule_op(x: float, y: float, width: float, color: Color) -> Op:
    def op(c: Canvas) -> None:
        c.saveState()
        c.setStrokeColor(color)
        c.setLineWidth(1.2)
        c.line(x + width * 0.35, y, x + width * 0.65, y)
        c.restoreState()

    return op


def render_report(
    title: str,
    blocks: Sequence[Block],
    *,
    station_name: str = "",
    subtitle: str = "",
    generated_at: date | datetime | None = None,
    landscape_page: bool = False,
    title_color: str = "#000000",
    progress: ProgressFn | None = None,
    cancel: Cancel | None = None,
) -> bytes:
    """Flow ``blocks`` under ``title`` onto A4 pages; return the PDF bytes.

    *progress(page, pages, "pages")* follows the painting of a long list (a
    hundred pages and more), and *cancel* is polled between pages.
    """
    page_w, page_h = landscape(A4) if landscape_page else A4
    left = SIDE
    width = page_w - 2 * SIDE
    title_size = 20.0
    flow = _Flow(width=width, next_top=page_h - TOP - 12 * mm)
    tcolor = HexColor(title_color)
    fitted_title = fit_text(title, title_size, width, max_lines=2)
    ty = page_h - TOP - fitted_title.size
    for line in fitted_title.lines:
        flow.add(
            _text_op(
                page_w / 2,
                ty,
                line,
                fitted_title.size,
                align="center",
                bold=True,
                fill=tcolor,
                char_space=2,
            )
        )
        ty -= fitted_title.leading
    if subtitle:
        sub = fit_text(subtitle, 11, width)
        flow.add(_text_op(page_w / 2, ty - 2, sub.lines[0], sub.size, align="center", fill=GREY))
        ty -= 11 * 1.6
    flow.y = ty - 4 * mm
    for block in blocks:
        if isinstance(block, Paragraph):
            _flow_paragraph(flow, block, left)
        elif isinstance(block, Spacer):
            flow.y -= block.height * mm
        elif isinstance(block, Section):
            _flow_section(flow, block, left)
        else:
            _flow_signoff(flow, block, left)

    buf = BytesIO()
    c = new_canvas(buf, (page_w, page_h), title=title, subject=subtitle)
    total = len(flow.pages)
    printed = format_date(generated_at) if generated_at else ""
    running = fit_text(f"{title}（续）", 9, width).lines[0]
    for n, ops in enumerate(flow.pages, 1):
        check(cancel)
        if n > 1:
            draw_text(c, page_w / 2, page_h - TOP - 4 * mm, running, 9, align="center", fill=GREY)
        for op in ops:
            op(c)
        _footer(c, left, width, n, total, station_name, printed)
        c.showPage()
        if n % 20 == 0 or n == total:
            report(progress, n, total, "pages")
    c.save()
    return buf.getvalue()


def _footer(
    c: Canvas, left: float, width: float, n: int, total: int, station: str, printed: str
) -> None:
    c.saveState()
    c.setStrokeColor(GREY)
    c.setLineWidth(0.4)
    c.line(left, FOOTER_Y + 10, left + width, FOOTER_Y + 10)
    c.restoreState()
    if station:
        s = fit_text(station, 8, width * 0.38)
        draw_text(c, left, FOOTER_Y, s.lines[0], s.size, fill=BLACK)
    draw_text(c, left + width / 2, FOOTER_Y, f"第 {n} 页 / 共 {total} 页", 8, align="center")
    if printed:
        draw_text(c, left + width, FOOTER_Y, f"打印日期：{printed}", 8, align="right")


def render_table_report(
    title: str,
    columns: Sequence[ReportColumn],
    rows: Sequence[Sequence[Any]],
    *,
    station_name: str = "",
    subtitle: str = "",
    generated_at: date | datetime | None = None,
    note: str = "",
    landscape_page: bool = False,
) -> bytes:
    """Any list as a paginated A4 table: title, optional note, repeated header row."""
    blocks: list[Block] = [Section(columns, rows)]
    if note:
        blocks.append(Paragraph(note, size=9, color="#444444"))
    return render_report(
        title,
        blocks,
        station_name=station_name,
        subtitle=subtitle,
        generated_at=generated_at,
        landscape_page=landscape_page,
    )
