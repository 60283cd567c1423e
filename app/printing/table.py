"""The one table routine: measure rows, split them over pages, draw header and rows.

Used by the layout engine's ``table`` element (slips, certificates) and by the
list reports (积分榜, 红黑榜, 公示, any table report).  Drawing is direct canvas
work — no platypus — because a notice-board ranking of 5,000 households must be
done in well under three seconds; a row is a few strings and one grid path.

Cells never overflow: a ``wrap`` column wraps (up to ``max_lines``) and the row
grows; other columns shrink the font to fit, then cut with "…".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.lib.colors import Color, HexColor
from reportlab.pdfgen.canvas import Canvas

from app.printing.text import draw_fitted, fit_text, text_width

__all__ = [
    "Column",
    "TableStyle",
    "draw_table_part",
    "measure_rows",
    "paginate_rows",
    "resolve_widths",
]


@dataclass(frozen=True, slots=True)
class Column:
    """A table column; ``width`` in points (see ``resolve_widths`` for ``*``)."""

    key: str
    title: str
    width: float
    align: str = "left"
    wrap: bool = False


_GRID = HexColor("#444444")
_HEADER_FILL = HexColor("#E8E8E8")


@dataclass(frozen=True, slots=True)
class TableStyle:
    size: float = 10.0  # pt
    header_size: float = 10.5
    row_height: float = 18.0  # minimum, pt
    header_height: float = 20.0
    padding: float = 3.0  # left/right cell padding, pt
    max_lines: int = 2  # for wrap columns
    line_width: float = 0.5
    grid: Color = _GRID
    header_fill: Color | None = _HEADER_FILL
    zebra: Color | None = None
    header_text: Color | None = None
    text: Color | None = None


def resolve_widths(specs: Sequence[float | str | None], total: float | None) -> list[float]:
    """Column widths: numbers are kept; ``"*"``/None columns share what is left of ``total``."""
    fixed = sum(float(w) for w in specs if isinstance(w, (int, float)))
    stars = sum(1 for w in specs if not isinstance(w, (int, float)))
    rest = max((total or fixed) - fixed, 0.0)
    share = rest / stars if stars else 0.0
    return [float(w) if isinstance(w, (int, float)) else share for w in specs]


def measure_rows(
    columns: Sequence[Column], rows: Sequence[Sequence[str]], style: TableStyle
) -> list[float]:
    """Height (pt) of every row: the minimum, or more where a wrap column needs lines."""
    wrap_cols = [i for i, col in enumerate(columns) if col.wrap]
    heights: list[float] = []
    base = style.row_height
    for row in rows:
        h = base
        for i in wrap_cols:
            col = columns[i]
            text = row[i]
            if text and text_width(text, style.size) > col.width - 2 * style.padding:
                fitted = fit_text(
                    text, style.size, col.width - 2 * style.padding, max_lines=style.max_lines
                )
                h = max(h, fitted.height + style.size * 0.8)
        heights.append(h)
    return heights


def paginate_rows(
    heights: Sequence[float],
    available: Callable[[int, bool], float],
    *,
    last_extra: float = 0.0,
) -> list[tuple[int, int]]:
    """Split rows into pages: ``[(start, end), ...]``.

    ``available(page_index, is_last)`` is the height for rows on that page (header
    excluded); the last page must also hold ``last_extra`` (a total row).  Every
    page takes at least one row, so a giant row cannot loop forever.
    """
    n = len(heights)
    pages: list[tuple[int, int]] = []
    i = 0
    while True:
        page = len(pages)
        room_last = available(page, True) - last_extra
        used, j = 0.0, i
        while j < n and used + heights[j] <= room_last + 0.01:
            used += heights[j]
            j += 1
        if j == n:
            pages.append((i, n))
            return pages
        room = available(page, False)
        used, j = 0.0, i
        while j < n and used + heights[j] <= room + 0.01:
            used += heights[j]
            j += 1
        j = max(j, i + 1)
        if j == n:
            # Everything fits here but not with what the last page must hold: carry a
            # few tail rows over, so the total row never stands alone on a page.
            room_next = available(page + 1, True) - last_extra
            used, k = 0.0, n
            while k > i + 1 and n - k < 3 and used + heights[k - 1] <= room_next + 0.01:
                used += heights[k - 1]
                k -= 1
            j = k
            if j == n:
                pages.append((i, n))
                pages.append((n, n))
                return pages
        pages.append((i, j))
        i = j


def draw_table_part(
    c: Canvas,
    x: float,
    top: float,
    columns: Sequence[Column],
    rows: Sequence[Sequence[str]],
    heights: Sequence[float],
    style: TableStyle,
    *,
    header: bool = True,
    blank_rows: int = 0,
    footer: Sequence[str] | None = None,
    row_fills: Sequence[Color | None] | None = None,
) -> float:
    """Draw header, rows, blank rows and an optional footer row; return the bottom y (pt)."""
    widths = [col.width for col in columns]
    total_w = sum(widths)
    pad = style.padding
    y = top
    lines_y: list[float] = [y]
    c.saveState()
    if header:
        hh = style.header_height
        if style.header_fill is not None:
            c.setFillColor(style.header_fill)
            c.rect(x, y - hh, total_w, hh, stroke=0, fill=1)
        cx = x
        for col in columns:
            draw_fitted(
                c,
                cx + pad,
                y,
                col.width - 2 * pad,
                col.title,
                style.header_size,
                align="center",
                valign_height=hh,
                max_lines=2,
                bold=True,
                fill=style.header_text,
            )
            cx += col.width
        y -= hh
        lines_y.append(y)
    for r, (row, h) in enumerate(zip(rows, heights, strict=True)):
        fill = row_fills[r] if row_fills is not None else None
        if fill is None and style.zebra is not None and r % 2 == 1:
            fill = style.zebra
        if fill is not None:
            c.setFillColor(fill)
            c.rect(x, y - h, total_w, h, stroke=0, fill=1)
        cx = x
        for col, text in zip(columns, row, strict=True):
            if text:
                draw_fitted(
                    c,
                    cx + pad,
                    y,
                    col.width - 2 * pad,
                    text,
                    style.size,
                    align=col.align,
                    valign_height=h,
                    max_lines=style.max_lines if col.wrap else 1,
                    fill=style.text,
                )
            cx += col.width
        y -= h
        lines_y.append(y)
    marker: tuple[float, float] | None = None  # the （以下空白） row: one cell, no column rules
    for k in range(blank_rows):
        if k == 0:
            marker = (y, y - style.row_height)
            # The accounting convention: nothing may be added below the last line.
            draw_fitted(
                c,
                x,
                y,
                total_w,
                "（以下空白）",
                style.size * 0.9,
                align="center",
                valign_height=style.row_height,
                fill=style.grid,
            )
        y -= style.row_height
        lines_y.append(y)
    if footer is not None:
        h = style.row_height
        cx = x
        for col, text in zip(columns, footer, strict=True):
            if text:
                draw_fitted(
                    c,
                    cx + pad,
                    y,
                    col.width - 2 * pad,
                    text,
                    style.size,
                    align=col.align,
                    valign_height=h,
                    bold=True,
                    fill=style.text,
                )
            cx += col.width
        y -= h
        lines_y.append(y)
    # The grid as one path: horizontal rules, then the column rules.
    c.setStrokeColor(style.grid)
    c.setLineWidth(style.line_width)
    path = c.beginPath()
    for ly in lines_y:
        path.moveTo(x, ly)
        path.lineTo(x + total_w, ly)
    cx = x
    edges = [0.0, *widths]
    for i, w in enumerate(edges):
        cx += w
        inner = 0 < i < len(edges) - 1
        if inner and marker is not None:  # the column rules stop at the 以下空白 row
            path.moveTo(cx, top)
            path.lineTo(cx, marker[0])
            if marker[1] > y:
                path.moveTo(cx, marker[1])
                path.lineTo(cx, y)
        else:
            path.moveTo(cx, top)
            path.lineTo(cx, y)
    c.drawPath(path, stroke=1, fill=0)
    c.restoreState()
    return y
