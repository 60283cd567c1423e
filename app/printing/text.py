"""Text and drawing helpers shared by every document: fitting, wrapping, marks.

All documents draw with the bundled CJK font (see ``fonts.py``).  The rule for a
string that does not fit its width is the same everywhere, so a long name never
runs over a border: shrink the font down to ``min_size``; if that is not enough,
wrap (Chinese breaks between any two characters, Latin words and numbers are kept
whole, closing punctuation never starts a line) up to ``max_lines``; as a last
resort the final line is cut with "…".  There is one font and one weight, so
"bold" is drawn as fill + thin stroke of the same outlines (PDF text render mode
2), which stays selectable, searchable text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache, lru_cache

from reportlab import rl_config
from reportlab.lib.colors import Color, HexColor
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from app.printing.fonts import register_fonts

__all__ = [
    "BLACK",
    "GREY",
    "RED",
    "FittedText",
    "color",
    "display_value",
    "draw_fitted",
    "draw_mark",
    "draw_text",
    "fit_text",
    "font",
    "format_date",
    "format_datetime",
    "format_number",
    "join_nonempty",
    "mm",
    "new_canvas",
    "text_width",
    "wrap_text",
]

RED = HexColor("#C00000")
BLACK = HexColor("#000000")
GREY = HexColor("#666666")

# Characters that may not begin a line (避头) — attached to the previous token.
_NO_LINE_START = set("，。、；：！？）》」』】〕,.;:!?)]}%…—·")
_TOKEN = re.compile(r"[A-Za-z0-9_@#%&+\-./:]+|\s+|.", re.S)


def font() -> str:
    """The reportlab name of the one font every document uses."""
    return register_fonts()


@cache
def color(value: str) -> Color:
    """``"#RRGGBB"`` -> reportlab colour (cached: layouts repeat the same few)."""
    return HexColor(value)


@lru_cache(maxsize=65536)
def text_width(text: str, size: float) -> float:
    """Width in points; cached — list reports repeat the same strings many times."""
    return float(stringWidth(text, font(), size))


@dataclass(frozen=True, slots=True)
class FittedText:
    """The result of fitting a string into a width: lines at one font size."""

    lines: tuple[str, ...]
    size: float

    @property
    def leading(self) -> float:
        return self.size * 1.25

    @property
    def height(self) -> float:
        return self.leading * len(self.lines)


def _tokens(text: str) -> list[str]:
    tokens: list[str] = []
    for tok in _TOKEN.findall(text):
        if tokens and tok[0] in _NO_LINE_START:
            tokens[-1] += tok
        else:
            tokens.append(tok)
    return tokens


def wrap_text(text: str, size: float, width: float) -> list[str]:
    """Greedy line breaking for mixed Chinese/Latin text; honours ``\\n``."""
    lines: list[str] = []
    for para in text.split("\n"):
        line, line_w = "", 0.0
        for tok in _tokens(para):
            tok_w = text_width(tok, size)  # glyph widths add up: no kerning in our font
            if line and line_w + tok_w > width:
                lines.append(line.rstrip())
                line = tok.lstrip()
                line_w = text_width(line, size)
            else:
                line += tok
                line_w += tok_w
            # A single token wider than the line (a very long number): hard-split.
            while line_w > width and len(line) > 1:
                cut = len(line) - 1
                while cut > 1 and text_width(line[:cut], size) > width:
                    cut -= 1
                lines.append(line[:cut])
                line = line[cut:]
                line_w = text_width(line, size)
        lines.append(line.rstrip())
    return lines


def _ellipsize(line: str, size: float, width: float) -> str:
    if text_width(line, size) <= width:
        return line
    while line and text_width(line + "…", size) > width:
        line = line[:-1]
    return line + "…"


def fit_text(
    text: str,
    size: float,
    width: float,
    *,
    min_size: float | None = None,
    max_lines: int = 1,
    height: float | None = None,
) -> FittedText:
    """Fit ``text`` into ``width`` (and ``height`` if given): shrink, then wrap, then cut.

    ``min_size`` defaults to 70 % of ``size``.  Never returns a line wider than
    ``width``; never more than ``max_lines`` lines.
    """
    text = "" if text is None else str(text)
    floor = min_size if min_size is not None else size * 0.7
    floor = min(floor, size)
    if width <= 0:
        return FittedText(("",), size)
    single = text_width(text, size) if "\n" not in text else float("inf")
    if single <= width:
        return FittedText((text,), size)
    if "\n" not in text:
        shrunk = size * width / single
        if shrunk >= floor:
            return FittedText((text,), max(floor, shrunk * 0.999))
    if max_lines > 1:
        # Try the largest size (from size down to floor) at which the wrapped text fits.
        steps = 6
        for i in range(steps + 1):
            s = size - (size - floor) * i / steps
            lines = wrap_text(text, s, width)
            fits_height = height is None or len(lines) * s * 1.25 <= height + 0.01
            if len(lines) <= max_lines and fits_height:
                return FittedText(tuple(lines), s)
        lines = wrap_text(text, floor, width)
        if height is not None:
            max_lines = max(1, min(max_lines, int((height + 0.01) // (floor * 1.25))))
        kept = lines[:max_lines]
        if len(lines) > max_lines:
            kept[-1] = _ellipsize(kept[-1] + "…", floor, width)
        return FittedText(tuple(kept), floor)
    first = text.split("\n")[0]
    return FittedText((_ellipsize(first, floor, width),), floor)


def draw_text(
    c: Canvas,
    x: float,
    y: float,
    text: str,
    size: float,
    *,
    align: str = "left",
    bold: bool = False,
    fill: Color | None = None,
    char_space: float = 0.0,
) -> None:
    """Draw one line with its baseline at ``y``; ``x`` is the left/centre/right edge."""
    if not text:
        return
    f = font()
    w = text_width(text, size) + char_space * max(len(text) - 1, 0)
    if align == "center":
        x -= w / 2
    elif align == "right":
        x -= w
    t = c.beginText(x, y)
    t.setFont(f, size)
    t.setFillColor(fill if fill is not None else BLACK)
    if char_space:
        t.setCharSpace(char_space)
    if bold:
        t.setTextRenderMode(2)
        c.saveState()
        c.setLineWidth(size * 0.035)
        c.setStrokeColor(fill if fill is not None else BLACK)
    t.textOut(text)
    c.drawText(t)
    if bold:
        c.restoreState()


def draw_fitted(
    c: Canvas,
    x: float,
    top: float,
    width: float,
    text: str,
    size: float,
    *,
    align: str = "left",
    valign_height: float | None = None,
    min_size: float | None = None,
    max_lines: int = 1,
    bold: bool = False,
    fill: Color | None = None,
) -> FittedText:
    """Fit ``text`` in a box whose top-left is (``x``, ``top``) and draw it.

    With ``valign_height`` the block is centred vertically in that height (table
    cells); otherwise the first line's ascent sits at ``top``.
    """
    fitted = fit_text(
        text, size, width, min_size=min_size, max_lines=max_lines, height=valign_height
    )
    s = fitted.size
    block = fitted.height
    if valign_height is not None:
        first_base = top - (valign_height - block) / 2 - s * 1.02
    else:
        first_base = top - s * 0.92
    ax = x + width / 2 if align == "center" else x + width if align == "right" else x
    for i, line in enumerate(fitted.lines):
        draw_text(
            c, ax, first_base - i * fitted.leading, line, s, align=align, bold=bold, fill=fill
        )
    return fitted


def draw_mark(
    c: Canvas,
    cx: float,
    cy: float,
    text: str,
    size: float,
    *,
    angle: float = 0.0,
    fill: Color = RED,
    boxed: bool = True,
    alpha: float = 1.0,
) -> None:
    """A stamp-like mark (补打, 副本, 作废) centred at (cx, cy), optionally rotated."""
    c.saveState()
    c.translate(cx, cy)
    if angle:
        c.rotate(angle)
    if alpha < 1.0:
        # reportlab takes the alpha from the colour object itself.
        fill = Color(fill.red, fill.green, fill.blue, alpha)
    w = text_width(text, size) + size * 0.15 * max(len(text) - 1, 0)
    if boxed:
        pad = size * 0.3
        c.setStrokeColor(fill)
        c.setLineWidth(max(size * 0.06, 1.0))
        c.roundRect(
            -w / 2 - pad, -size * 0.5 - pad * 0.8, w + 2 * pad, size + pad * 1.6, size * 0.15
        )
    draw_text(
        c, 0, -size * 0.36, text, size, align="center", bold=True, fill=fill, char_space=size * 0.15
    )
    c.restoreState()


def new_canvas(
    buf: object, pagesize: tuple[float, float], *, title: str, subject: str = ""
) -> Canvas:
    """A canvas with compression and document info set, the CJK font registered."""
    font()
    # Binary (not ASCII85) streams: a fifth smaller and much faster to write.
    rl_config.useA85 = 0
    c = Canvas(
        buf,
        pagesize=pagesize,
        pageCompression=1,
        initialFontName=font(),  # no stray non-embedded Helvetica in the font list
        initialFontSize=10,
    )
    c.setTitle(title)
    c.setAuthor("文明实践站工作台")
    c.setCreator("Station Workbench")
    if subject:
        c.setSubject(subject)
    return c


def format_date(value: date | datetime | str | None) -> str:
    """``2025年3月8日`` — the form used on Chinese official documents."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        return value
    return f"{value.year}年{value.month}月{value.day}日"


def format_datetime(value: datetime | str | None) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        return value
    return value.strftime("%Y-%m-%d %H:%M")


def format_number(value: object) -> str:
    """Points and hours: integers without ``.0``, others with up to two decimals."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value == int(value):
            return str(int(value))
        return f"{value:.2f}".rstrip("0").rstrip(".")
    try:  # Decimal and friends
        f = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return str(value)
    return format_number(f)


def display_value(value: object, fmt: str | None = None) -> str:
    """Any field value as printed: dates in Chinese form, numbers without ``.0``."""
    if value is None:
        return ""
    if fmt == "date" or (
        fmt is None and isinstance(value, date) and not isinstance(value, datetime)
    ):
        return format_date(value)  # type: ignore[arg-type]
    if fmt == "datetime" or (fmt is None and isinstance(value, datetime)):
        return format_datetime(value)  # type: ignore[arg-type]
    if isinstance(value, bool):
        return "是" if value else "否"
    if fmt == "number" or isinstance(value, (int, float)):
        return format_number(value)
    return str(value)


def join_nonempty(parts: Sequence[str], sep: str = "  ") -> str:
    return sep.join(p for p in parts if p)
