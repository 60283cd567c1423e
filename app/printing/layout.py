"""Layouts are data (DESIGN §6): a document is a JSON dict of elements placed in mm.

A township adjusts a certificate by dropping an edited JSON file into the data
folder (``load_layout(name, override_dir)``); no code changes.  The shipped
defaults live in ``app/printing/layouts/*.json``.

Coordinates are millimetres from the **top-left** corner of the page (as a ruler
on the paper reads).  For text, ``y`` is the baseline; for boxes, QR codes, images
and tables it is the top edge; seals and stars give their centre.

A layout::

    {"name": "...", "version": 1,
     "page": {"size": "A4" | "A5" | "A6" | "80mm" | "58mm" | "card",
              "orientation": "portrait" | "landscape",
              "width": mm, "height": mm | "auto"},      # width/height override size
     "defaults": {"size": 11, "color": "#000000"},
     "elements": [ {"id": "name", "type": "text", ...}, ... ]}

Element types and their keys (all positions/sizes in mm, font sizes in pt):

``text``      ``field`` | ``text`` | ``template`` ("证明编号：{number}"), ``x``, ``y``,
              ``size``, ``align`` left|center|right, ``max_width`` (shrink-to-fit,
              default: up to the page margin), ``min_size``, ``max_lines`` (wraps
              downward), ``bold``, ``color``, ``char_space`` (pt), ``format``
              (date|datetime|number).
``paragraph`` ``template`` | ``text`` | ``field``, ``x``, ``y`` (top), ``width``,
              ``height`` (the text shrinks to stay inside), ``size``, ``leading``
              (× size), ``indent`` (first-line indent in characters), ``align``.
``line``      ``x1``, ``y1``, ``x2``, ``y2``, ``width`` (pt), ``dash`` [on, off] (mm), ``color``.
``box``       ``x``, ``y``, ``w``, ``h``, ``width`` (pt), ``radius``, ``dash``, ``color``, ``fill``.
``qr``        ``field`` (payload), ``x``, ``y``, ``size``; ``caption`` under it.
``seal``      ``x``, ``y`` (centre), ``diameter`` (default 42), ``label`` (default 盖章处),
              ``label_offset`` (mm below the centre; negative moves it up).
``stars``     ``field`` (a count) or ``count``, ``x``, ``y`` (centre of the row),
              ``size`` (one star), ``gap``, ``color``, ``max`` (outlines for the rest).
``image``     ``field`` (a file path), ``x``, ``y``, ``w``, ``h``; ``placeholder`` text
              drawn in an outlined box when the field is empty or unreadable.
``mark``      a stamp (补打 / 副本 / 作废): ``text`` or ``field``, ``x``, ``y`` (centre),
              ``size``, ``angle``, ``color``, ``boxed``, ``alpha``.
``table``     ``field`` (a list of rows: mappings or objects), ``x``, ``y``, ``bottom``
              (where the table must end on the last page), ``columns``
              [{``key``, ``title``, ``width`` (mm or "*"), ``align``, ``wrap``, ``format``}],
              ``width`` (for "*" columns), ``size``, ``row_height``, ``header_height``,
              ``min_rows`` (blank rows so a short list still looks like a form),
              ``footer`` {key: template} (a total row), ``continue_y``/``continue_bottom``
              (where the table runs on continuation pages).  The key ``#`` numbers rows.

Every element may carry ``if`` / ``unless`` (a field name: drawn only when it is
truthy / falsy) and ``pages``: ``first`` (default), ``last``, ``all`` or ``rest``.
Only one table per layout may flow onto further pages; on those pages only ``all``,
``rest`` and (on the final one) ``last`` elements are drawn — so a certificate's
issuer block and seal belong on ``last``.  With ``"height": "auto"`` (receipts) the
table never breaks: the page grows or shrinks with it and everything below the
table's nominal ``bottom`` moves by the same amount.

Field values are formatted for print: dates as ``2025年3月8日``, datetimes as
``2025-03-08 14:05``, whole numbers without ``.0``; a missing field prints empty.
Templates may use ``{page}`` and ``{pages}``.  In a template, ``[...]`` marks an
optional part: it disappears when one of its fields is empty, and so do the
separators and brackets it leaves dangling — a label never prints without its
value (``（[{id_type}：{id_number}]，[志愿者编号：{volunteer_number}]）``,
``[联系电话：{contact_phone}]``; see ``fill_template``).
"""

from __future__ import annotations

import copy
import json
import math
import re
import string
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from io import BytesIO
from pathlib import Path
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from app.printing.qr import draw_qr
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
    RED,
    color,
    display_value,
    draw_fitted,
    draw_mark,
    draw_text,
    fit_text,
    new_canvas,
    wrap_text,
)

__all__ = [
    "PAGE_SIZES_MM",
    "Layout",
    "LayoutError",
    "LayoutPlan",
    "default_layout_names",
    "fill_template",
    "load_layout",
    "plan",
    "render",
    "render_many",
]

PAGE_SIZES_MM: dict[str, tuple[float, float | None]] = {
    "A4": (210.0, 297.0),
    "A5": (148.0, 210.0),
    "A6": (105.0, 148.0),
    "80mm": (80.0, None),
    "58mm": (58.0, None),
    "card": (85.6, 54.0),
}
ELEMENT_KEYS: dict[str, tuple[str, ...]] = {
    "text": ("x", "y"),
    "paragraph": ("x", "y", "width"),
    "line": ("x1", "y1", "x2", "y2"),
    "box": ("x", "y", "w", "h"),
    "qr": ("x", "y", "size"),
    "seal": ("x", "y"),
    "stars": ("x", "y"),
    "image": ("x", "y", "w", "h"),
    "mark": ("x", "y"),
    "table": ("x", "y", "bottom", "columns", "field"),
}
PAGE_MARGIN_MM = 5.0  # what an ordinary printer cannot print anyway


class LayoutError(ValueError):
    """A layout file that cannot be used; the message names the file and element."""


@dataclass(slots=True)
class Layout:
    """A validated layout.  ``height`` is None for auto-height (receipt) pages."""

    name: str
    width: float  # mm
    height: float | None  # mm
    nominal_height: float  # mm; for auto pages the designed height
    elements: list[dict[str, Any]]
    defaults: dict[str, Any] = field(default_factory=dict)
    source: str = ""

    @classmethod
    def from_dict(cls, doc: Mapping[str, Any], *, source: str = "") -> Layout:
        where = source or str(doc.get("name", "layout"))
        if not isinstance(doc, Mapping):
            raise LayoutError(f"{where}: a layout must be a JSON object")
        page = doc.get("page") or {}
        if not isinstance(page, Mapping):
            raise LayoutError(f"{where}: 'page' must be an object")
        size = page.get("size", "A4")
        if size not in PAGE_SIZES_MM and ("width" not in page or "height" not in page):
            raise LayoutError(f"{where}: unknown page size {size!r}")
        w, h = PAGE_SIZES_MM.get(size, (0.0, 0.0))
        w = float(page.get("width", w))
        raw_h = page.get("height", h)
        auto = raw_h in (None, "auto")
        if page.get("orientation") == "landscape" and not auto:
            w, raw_h = max(w, float(raw_h)), min(w, float(raw_h))
        nominal = float(page.get("nominal_height", 200.0)) if auto else float(raw_h)
        elements = doc.get("elements")
        if not isinstance(elements, list):
            raise LayoutError(f"{where}: 'elements' must be a list")
        tables = 0
        for i, el in enumerate(elements):
            label = f"{where}: element {i + 1}"
            if not isinstance(el, Mapping):
                raise LayoutError(f"{label} is not an object")
            label = f"{where}: element {el.get('id', i + 1)!s}"
            kind = el.get("type", "text")
            if kind not in ELEMENT_KEYS:
                raise LayoutError(f"{label}: unknown type {kind!r}")
            for key in ELEMENT_KEYS[kind]:
                if key not in el:
                    raise LayoutError(f"{label}: missing {key!r}")
            for key in ("x", "y", "x1", "y1", "x2", "y2", "w", "h", "size", "width"):
                if key in el and not isinstance(el[key], (int, float)) and key != "width":
                    raise LayoutError(f"{label}: {key!r} must be a number")
            if kind == "text" and not ({"field", "text", "template"} & set(el)):
                raise LayoutError(f"{label}: needs 'field', 'text' or 'template'")
            if el.get("pages", "first") not in ("first", "last", "all", "rest"):
                raise LayoutError(f"{label}: 'pages' must be first, last, all or rest")
            if kind == "table":
                tables += 1
                if not isinstance(el["columns"], list) or not el["columns"]:
                    raise LayoutError(f"{label}: 'columns' must be a non-empty list")
                for col in el["columns"]:
                    if not isinstance(col, Mapping) or "key" not in col:
                        raise LayoutError(f"{label}: every column needs a 'key'")
        if tables > 1:
            raise LayoutError(f"{where}: only one table per layout is supported")
        return cls(
            name=str(doc.get("name", where)),
            width=w,
            height=None if auto else float(raw_h),
            nominal_height=nominal,
            elements=[dict(el) for el in elements],
            defaults=dict(doc.get("defaults") or {}),
            source=source,
        )


# --- loading -------------------------------------------------------------------------


def _read_json(path: Path | Any, where: str) -> dict[str, Any]:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise LayoutError(f"{where}: not valid JSON (line {exc.lineno}: {exc.msg})") from exc
    except OSError as exc:
        raise LayoutError(f"{where}: cannot be read ({exc})") from exc
    if not isinstance(doc, dict):
        raise LayoutError(f"{where}: a layout must be a JSON object")
    return doc


def _default_doc(name: str) -> dict[str, Any]:
    if not name.replace("_", "").replace("-", "").isalnum():
        raise LayoutError(f"invalid layout name {name!r}")
    res = resources.files("app.printing") / "layouts" / f"{name}.json"
    if not res.is_file():
        raise LayoutError(f"no default layout named {name!r}")
    return _read_json(res, f"{name}.json")


def default_layout_names() -> list[str]:
    folder = resources.files("app.printing") / "layouts"
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".json"))


def _merge(base: dict[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    """Apply a partial override: page/defaults keys replace, elements patch by ``id``.

    An element patch with ``"remove": true`` deletes that element; an unknown id adds it.
    """
    merged = copy.deepcopy(base)
    merged["page"] = {**merged.get("page", {}), **(override.get("page") or {})}
    merged["defaults"] = {**merged.get("defaults", {}), **(override.get("defaults") or {})}
    by_id = {el.get("id"): el for el in merged["elements"] if el.get("id")}
    for patch in override.get("elements") or []:
        target = by_id.get(patch.get("id"))
        if patch.get("remove"):
            if target is not None:
                merged["elements"].remove(target)
        elif target is not None:
            target.update(patch)
        else:
            merged["elements"].append(dict(patch))
    if "name" in override:
        merged["name"] = override["name"]
    return merged


def load_layout(name: str, override_dir: str | Path | None = None) -> Layout:
    """The layout ``name``: ``override_dir/name.json`` if present, else the shipped default.

    An override may be a whole layout or a patch: ``{"extends": "<default name>",
    "elements": [{"id": "name", "y": 100}]}`` moves one field and keeps the rest.
    A broken override raises ``LayoutError`` (we do not silently print the default
    when a township believes its own layout is in use).
    """
    if override_dir is not None:
        path = Path(override_dir) / f"{name}.json"
        if path.is_file():
            doc = _read_json(path, str(path))
            if "extends" in doc:
                doc = _merge(_default_doc(str(doc["extends"])), doc)
            return Layout.from_dict(doc, source=str(path))
    return Layout.from_dict(_default_doc(name), source=f"{name}.json")


# --- values --------------------------------------------------------------------------


class _Formatter(string.Formatter):
    def get_value(self, key: int | str, args: Sequence[Any], kwargs: Mapping[str, Any]) -> Any:
        return kwargs.get(str(key))

    def format_field(self, value: Any, format_spec: str) -> str:
        if not format_spec:
            return display_value(value)
        if format_spec in ("date", "datetime", "number"):
            return display_value(value, format_spec)
        try:
            return format(value, format_spec)
        except (TypeError, ValueError):
            return display_value(value)


_FORMATTER = _Formatter()


def _get(row: Any, key: str) -> Any:
    if isinstance(row, Mapping):
        return row.get(key)
    return getattr(row, key, None)


# Separators left dangling once an optional part is dropped: "（，志愿者编号：V1）",
# "（居民身份证：…，）", "（）".
_OPEN = "（(【"
_CLOSE = "）)】"
_SEPARATORS = "，、；,;"
_DANGLING = (
    (re.compile(f"([{_OPEN}])\\s*[{_SEPARATORS}]\\s*"), r"\1"),
    (re.compile(f"\\s*[{_SEPARATORS}]\\s*([{_CLOSE}])"), r"\1"),
    (re.compile(f"^\\s*[{_SEPARATORS}]\\s*|\\s*[{_SEPARATORS}]\\s*$"), ""),
    (re.compile(f"([{_SEPARATORS}])\\s*[{_SEPARATORS}]"), r"\1"),
    (re.compile(r"（\s*）|\(\s*\)|【\s*】"), ""),
)


def _split_groups(template: str) -> list[Any]:
    """``"a[b{x}[c]]d"`` -> ``["a", ["b{x}", ["c"]], "d"]``; ``[[``/``]]`` are literal."""
    root: list[Any] = []
    stack = [root]
    text = ""
    i = 0
    while i < len(template):
        ch = template[i]
        if ch in "[]" and template[i + 1 : i + 2] == ch:
            text += ch
            i += 2
            continue
        if ch == "[":
            if text:
                stack[-1].append(text)
            text = ""
            group: list[Any] = []
            stack[-1].append(group)
            stack.append(group)
        elif ch == "]" and len(stack) > 1:
            if text:
                stack[-1].append(text)
            text = ""
            stack.pop()
        else:
            text += ch
        i += 1
    if text:
        stack[-1].append(text)
    return root


def _render_group(parts: list[Any], data: Mapping[str, Any]) -> tuple[str, bool, bool]:
    """(text, drop this optional part, some optional part inside was dropped).

    An optional part is dropped when one of its own fields is empty, or when it
    has no fields of its own and every optional part inside it was dropped.
    """
    out: list[str] = []
    own_fields = inner = inner_kept = 0
    empty_field = dropped_any = False
    for part in parts:
        if isinstance(part, list):
            inner += 1
            text, dropped, dropped_inside = _render_group(part, data)
            dropped_any = dropped_any or dropped or dropped_inside
            if not dropped:
                inner_kept += 1
                out.append(text)
            continue
        for literal, name, spec, conv in _FORMATTER.parse(part):
            out.append(literal)
            if name is None:
                continue
            own_fields += 1
            value, _ = _FORMATTER.get_field(name, (), data)
            value = _FORMATTER.format_field(_FORMATTER.convert_field(value, conv), spec or "")
            empty_field = empty_field or not value.strip()
            out.append(value)
    drop = empty_field or (own_fields == 0 and inner > 0 and inner_kept == 0)
    return "".join(out), drop, dropped_any


def fill_template(template: str, data: Mapping[str, Any]) -> str:
    """Fill ``{field}`` placeholders; ``[...]`` marks an optional part of the text.

    The rule that keeps a label from printing without its value: an optional part
    — typically a label, its field and the punctuation around it, e.g.
    ``[联系电话：{contact_phone}]`` or ``（[{id_type}：{id_number}]，[志愿者编号：
    {volunteer_number}]）`` — disappears when one of its fields is empty, and the
    separators and brackets that would then dangle (``（，``, ``，）``, ``（）``)
    go with it.  Parts nest; ``[[`` and ``]]`` print literal brackets.
    """
    text, _, dropped = _render_group(_split_groups(template), data)
    if dropped:
        for pattern, repl in _DANGLING:
            text = pattern.sub(repl, text)
    return text


def _value_text(el: Mapping[str, Any], data: Mapping[str, Any]) -> str:
    if "template" in el:
        try:
            return fill_template(str(el["template"]), data)
        except (ValueError, IndexError, KeyError, AttributeError):
            return str(el["template"])
    if "field" in el:
        return display_value(data.get(el["field"]), el.get("format"))
    return str(el.get("text", ""))


def _truthy(value: Any) -> bool:
    return bool(value) and value not in ("0", "false", "False")


# --- planning and drawing ------------------------------------------------------------


@dataclass(slots=True)
class _TablePlan:
    element: dict[str, Any]
    columns: list[Column]
    cells: list[list[str]]
    heights: list[float]
    style: TableStyle
    pages: list[tuple[int, int]]
    footer: list[str] | None
    actual_height: float  # pt, for auto-height pages (single page)


@dataclass(slots=True)
class LayoutPlan:
    """A layout bound to data and split into pages; draw each page where you like."""

    layout: Layout
    data: Mapping[str, Any]
    table: _TablePlan | None
    page_count: int
    width: float  # pt
    height: float  # pt (resolved for auto pages)
    shift: float = 0.0  # pt, auto pages: how far elements below the table move

    def draw_page(self, c: Canvas, index: int, origin: tuple[float, float] = (0.0, 0.0)) -> None:
        _draw_page(self, c, index, origin)


def _table_plan(
    el: dict[str, Any], data: Mapping[str, Any], defaults: Mapping[str, Any]
) -> _TablePlan:
    specs = el["columns"]
    widths = [c.get("width", "*") for c in specs]
    resolved = [w * mm if isinstance(w, (int, float)) else w for w in widths]
    total = float(el["width"]) * mm if isinstance(el.get("width"), (int, float)) else None
    real = resolve_widths(resolved, total)
    columns = [
        Column(
            key=str(spec["key"]),
            title=str(spec.get("title", "")),
            width=w,
            align=str(spec.get("align", "left")),
            wrap=bool(spec.get("wrap", False)),
        )
        for spec, w in zip(specs, real, strict=True)
    ]
    size = float(el.get("size", defaults.get("size", 10.5)))
    style = TableStyle(
        size=size,
        header_size=float(el.get("header_size", size)),
        row_height=float(el.get("row_height", 7.0)) * mm,
        header_height=float(el.get("header_height", el.get("row_height", 7.0))) * mm,
        max_lines=int(el.get("max_lines", 2)),
        line_width=float(el.get("line_width", 0.6)),
        grid=color(el.get("grid_color", "#333333")),
        header_fill=color(el["header_fill"]) if el.get("header_fill") else None,
    )
    rows = data.get(el["field"]) or []
    cells: list[list[str]] = []
    for n, row in enumerate(rows, 1):
        cells.append(
            [
                str(n)
                if spec["key"] == "#"
                else display_value(_get(row, spec["key"]), spec.get("format"))
                for spec in specs
            ]
        )
    heights = measure_rows(columns, cells, style)
    footer = None
    if isinstance(el.get("footer"), Mapping):
        footer = [
            _FORMATTER.vformat(str(el["footer"].get(spec["key"], "")), (), data) for spec in specs
        ]
    return _TablePlan(el, columns, cells, heights, style, [(0, len(cells))], footer, 0.0)


def plan(layout: Layout, data: Mapping[str, Any]) -> LayoutPlan:
    """Bind ``data`` to ``layout``: measure the table and decide the pages."""
    table_el = next(
        (el for el in layout.elements if el.get("type") == "table" and _visible(el, data)),
        None,
    )
    width = layout.width * mm
    if table_el is None:
        height = (layout.height or layout.nominal_height) * mm
        return LayoutPlan(layout, data, None, 1, width, height)
    tp = _table_plan(table_el, data, layout.defaults)
    style = tp.style
    min_rows = int(table_el.get("min_rows", 0))
    footer_h = style.row_height if tp.footer is not None else 0.0
    if layout.height is None:
        blank = max(min_rows - len(tp.cells), 0)
        tp.actual_height = (
            style.header_height + sum(tp.heights) + blank * style.row_height + footer_h
        )
        nominal = (float(table_el["bottom"]) - float(table_el["y"])) * mm
        shift = tp.actual_height - nominal
        height = layout.nominal_height * mm + shift
        return LayoutPlan(layout, data, tp, 1, width, height, shift)
    page_h = layout.height
    y0 = float(table_el["y"])
    bottom = float(table_el["bottom"])
    cont_y = float(table_el.get("continue_y", y0))
    cont_bottom = float(table_el.get("continue_bottom", page_h - 20.0))

    def available(page: int, is_last: bool) -> float:
        top = y0 if page == 0 else cont_y
        limit = bottom if is_last else cont_bottom if page > 0 else max(bottom, cont_bottom)
        return (limit - top) * mm - style.header_height

    tp.pages = paginate_rows(tp.heights, available, last_extra=footer_h)
    return LayoutPlan(layout, data, tp, len(tp.pages), width, layout.height * mm)


def _visible(el: Mapping[str, Any], data: Mapping[str, Any]) -> bool:
    if "if" in el and not _truthy(data.get(el["if"])):
        return False
    return not ("unless" in el and _truthy(data.get(el["unless"])))


def _on_page(el: Mapping[str, Any], index: int, count: int) -> bool:
    pages = el.get("pages", "first")
    if pages == "all":
        return True
    if pages == "first":
        return index == 0
    if pages == "last":
        return index == count - 1
    return index > 0  # rest


def _draw_page(p: LayoutPlan, c: Canvas, index: int, origin: tuple[float, float]) -> None:
    ox, oy = origin
    page_h = p.height
    defaults = p.layout.defaults
    data: Mapping[str, Any] = {**p.data, "page": index + 1, "pages": p.page_count}
    table_bottom = float(p.table.element["bottom"]) if p.table is not None else math.inf

    def shift_for(y_mm: float) -> float:
        return p.shift if p.shift and y_mm >= table_bottom - 0.01 else 0.0

    def X(x_mm: float) -> float:
        return ox + float(x_mm) * mm

    def Y(y_mm: float) -> float:
        return oy + page_h - float(y_mm) * mm - shift_for(float(y_mm))

    for el in p.layout.elements:
        if not _on_page(el, index, p.page_count) and not (
            el.get("type") == "table" and p.table is not None and el is p.table.element
        ):
            continue
        if not _visible(el, data):
            continue
        kind = el.get("type", "text")
        if kind == "table":
            if p.table is not None and el is p.table.element:
                _draw_table(p, c, index, X, Y, ox, oy, page_h)
            continue
        _DRAWERS[kind](c, el, data, defaults, X, Y, p)


def _col(el: Mapping[str, Any], defaults: Mapping[str, Any], key: str = "color") -> Color:
    value = el.get(key, defaults.get(key))
    return color(value) if value else BLACK


def _draw_text_el(
    c: Canvas,
    el: Mapping[str, Any],
    data: Mapping[str, Any],
    defaults: Mapping[str, Any],
    X: Any,
    Y: Any,
    p: LayoutPlan,
) -> None:
    text = _value_text(el, data)
    if not text:
        return
    size = float(el.get("size", defaults.get("size", 11)))
    align = str(el.get("align", "left"))
    x = float(el["x"])
    page_w = p.layout.width
    if "max_width" in el:
        max_w = float(el["max_width"])
    elif align == "center":
        max_w = 2 * min(x - PAGE_MARGIN_MM, page_w - PAGE_MARGIN_MM - x)
    elif align == "right":
        max_w = x - PAGE_MARGIN_MM
    else:
        max_w = page_w - PAGE_MARGIN_MM - x
    max_lines = int(el.get("max_lines", 1))
    fitted = fit_text(text, size, max_w * mm, min_size=el.get("min_size"), max_lines=max_lines)
    fill = _col(el, defaults)
    for i, line in enumerate(fitted.lines):
        draw_text(
            c,
            X(x),
            Y(float(el["y"])) - i * fitted.leading,
            line,
            fitted.size,
            align=align,
            bold=bool(el.get("bold")),
            fill=fill,
            char_space=float(el.get("char_space", 0)),
        )


def _draw_paragraph(
    c: Canvas,
    el: Mapping[str, Any],
    data: Mapping[str, Any],
    defaults: Mapping[str, Any],
    X: Any,
    Y: Any,
    p: LayoutPlan,
) -> None:
    text = _value_text(el, data)
    if not text:
        return
    size = float(el.get("size", defaults.get("size", 11)))
    width = float(el["width"]) * mm
    height = float(el["height"]) * mm if "height" in el else None
    leading = float(el.get("leading", 1.6))
    indent = int(el.get("indent", 0))
    text = "\u3000" * indent + text if indent else text
    # Shrink until the paragraph fits its height (with this leading).
    floor = float(el.get("min_size", size * 0.7))
    s = size
    lines = wrap_text(text, s, width)
    while height is not None and len(lines) * s * leading > height and s > floor:
        s = max(floor, s - 0.5)
        lines = wrap_text(text, s, width)
    if height is not None:
        keep = max(1, int(height // (s * leading)))
        if len(lines) > keep:
            lines = lines[:keep]
            lines[-1] = fit_text(lines[-1] + "…", s, width).lines[0]
    align = str(el.get("align", "left"))
    x = X(float(el["x"]))
    ax = x + width / 2 if align == "center" else x + width if align == "right" else x
    top = Y(float(el["y"]))
    fill = _col(el, defaults)
    for i, line in enumerate(lines):
        draw_text(
            c,
            ax,
            top - s * 0.92 - i * s * leading,
            line,
            s,
            align=align,
            fill=fill,
            bold=bool(el.get("bold")),
        )


def _dash(c: Canvas, el: Mapping[str, Any]) -> None:
    dash = el.get("dash")
    if isinstance(dash, list) and dash:
        c.setDash([float(d) * mm for d in dash], 0)


def _draw_line(
    c: Canvas,
    el: Mapping[str, Any],
    data: Mapping[str, Any],
    defaults: Mapping[str, Any],
    X: Any,
    Y: Any,
    p: LayoutPlan,
) -> None:
    c.saveState()
    c.setStrokeColor(_col(el, defaults))
    c.setLineWidth(float(el.get("width", 0.6)))
    _dash(c, el)
    c.line(X(el["x1"]), Y(el["y1"]), X(el["x2"]), Y(el["y2"]))
    c.restoreState()


def _draw_box(
    c: Canvas,
    el: Mapping[str, Any],
    data: Mapping[str, Any],
    defaults: Mapping[str, Any],
    X: Any,
    Y: Any,
    p: LayoutPlan,
) -> None:
    c.saveState()
    lw = float(el.get("width", 0.6))
    c.setLineWidth(lw)
    c.setStrokeColor(_col(el, defaults))
    if el.get("fill"):
        c.setFillColor(color(el["fill"]))
    _dash(c, el)
    x, top = X(el["x"]), Y(el["y"])
    w, h = float(el["w"]) * mm, float(el["h"]) * mm
    stroke = 1 if lw > 0 else 0
    fill = 1 if el.get("fill") else 0
    radius = float(el.get("radius", 0)) * mm
    if radius:
        c.roundRect(x, top - h, w, h, radius, stroke=stroke, fill=fill)
    else:
        c.rect(x, top - h, w, h, stroke=stroke, fill=fill)
    c.restoreState()


def _draw_qr_el(
    c: Canvas,
    el: Mapping[str, Any],
    data: Mapping[str, Any],
    defaults: Mapping[str, Any],
    X: Any,
    Y: Any,
    p: LayoutPlan,
) -> None:
    payload = _value_text(el, data)
    if not payload:
        return
    size = float(el["size"]) * mm
    x, top = X(el["x"]), Y(el["y"])
    draw_qr(c, payload, x, top - size, size)
    caption = el.get("caption")
    if caption:
        cs = float(el.get("caption_size", 7))
        draw_fitted(
            c,
            x - 5 * mm,
            top - size - 0.5 * mm,
            size + 10 * mm,
            str(caption),
            cs,
            align="center",
            fill=_col(el, defaults),
        )


def _draw_seal(
    c: Canvas,
    el: Mapping[str, Any],
    data: Mapping[str, Any],
    defaults: Mapping[str, Any],
    X: Any,
    Y: Any,
    p: LayoutPlan,
) -> None:
    d = float(el.get("diameter", 42)) * mm
    cx, cy = X(el["x"]), Y(el["y"])
    fill = color(el.get("color", "#B0B0B0"))
    c.saveState()
    c.setStrokeColor(fill)
    c.setLineWidth(0.8)
    c.setDash([2 * mm, 1.5 * mm], 0)
    c.circle(cx, cy, d / 2, stroke=1, fill=0)
    c.restoreState()
    label = str(el.get("label", "盖章处"))
    if label:
        ly = cy - 3.5 - float(el.get("label_offset", 0)) * mm
        draw_text(c, cx, ly, label, float(el.get("size", 10)), align="center", fill=fill)


def _star_path(c: Canvas, cx: float, cy: float, r: float) -> Any:
    path = c.beginPath()
    inner = r * 0.382
    for i in range(10):
        rad = r if i % 2 == 0 else inner
        a = math.pi / 2 + i * math.pi / 5
        px, py = cx + rad * math.cos(a), cy + rad * math.sin(a)
        if i == 0:
            path.moveTo(px, py)
        else:
            path.lineTo(px, py)
    path.close()
    return path


def _draw_stars(
    c: Canvas,
    el: Mapping[str, Any],
    data: Mapping[str, Any],
    defaults: Mapping[str, Any],
    X: Any,
    Y: Any,
    p: LayoutPlan,
) -> None:
    raw = data.get(el["field"]) if "field" in el else el.get("count", 0)
    try:
        count = max(0, int(raw or 0))
    except (TypeError, ValueError):
        count = 0
    total = max(count, int(el.get("max", count)))
    if total == 0:
        return
    size = float(el.get("size", 12)) * mm
    gap = float(el.get("gap", 3)) * mm
    span = total * size + (total - 1) * gap
    cx0 = X(el["x"]) - span / 2 + size / 2
    cy = Y(el["y"])
    fill = color(el.get("color", "#D4A017"))
    c.saveState()
    c.setFillColor(fill)
    c.setStrokeColor(fill)
    c.setLineWidth(0.8)
    for i in range(total):
        path = _star_path(c, cx0 + i * (size + gap), cy - size * 0.05, size / 2)
        c.drawPath(path, stroke=1, fill=1 if i < count else 0)
    c.restoreState()


PRINT_SIDE = 1600  # pixels on the long side: sharp at any size a layout draws a photo


def printable_image(path: Path) -> Any:
    """What to draw for the photo at *path*: the path itself, a reduced copy of a picture
    stored before photos were re-encoded (a 12000×12000 PNG took 2.7 s and 1.5 GB
    per card), or None for a file that is not a picture or has too many pixels.
    Only the file's header is read to decide."""
    import warnings

    from PIL import Image
    from reportlab.lib.utils import ImageReader

    from app.image_limits import MAX_PIXELS, OPEN_FORMATS

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        image = Image.open(path, formats=OPEN_FORMATS)
    with image:
        width, height = image.size
        if width * height > MAX_PIXELS:
            return None
        if max(width, height) <= PRINT_SIDE:
            return str(path)
        image.draft("RGB", (PRINT_SIDE, PRINT_SIDE))
        small = image.convert("RGB")
        small.thumbnail((PRINT_SIDE, PRINT_SIDE))
        return ImageReader(small)


def _draw_image(
    c: Canvas,
    el: Mapping[str, Any],
    data: Mapping[str, Any],
    defaults: Mapping[str, Any],
    X: Any,
    Y: Any,
    p: LayoutPlan,
) -> None:
    x, top = X(el["x"]), Y(el["y"])
    w, h = float(el["w"]) * mm, float(el["h"]) * mm
    path = data.get(el["field"]) if "field" in el else None
    if path:
        try:
            image = printable_image(Path(path))
            if image is not None:
                c.drawImage(image, x, top - h, w, h, preserveAspectRatio=True, anchor="c")
                return
        except Exception:  # an unreadable photo must not stop a batch of cards
            pass
    placeholder = el.get("placeholder")
    if placeholder:
        c.saveState()
        c.setStrokeColor(color("#999999"))
        c.setLineWidth(0.5)
        c.rect(x, top - h, w, h, stroke=1, fill=0)
        c.restoreState()
        draw_fitted(
            c,
            x,
            top,
            w,
            str(placeholder),
            8,
            align="center",
            valign_height=h,
            fill=color("#999999"),
        )


def _draw_mark_el(
    c: Canvas,
    el: Mapping[str, Any],
    data: Mapping[str, Any],
    defaults: Mapping[str, Any],
    X: Any,
    Y: Any,
    p: LayoutPlan,
) -> None:
    text = _value_text(el, data)
    if not text:
        return
    draw_mark(
        c,
        X(el["x"]),
        Y(el["y"]),
        text,
        float(el.get("size", 20)),
        angle=float(el.get("angle", 0)),
        fill=color(el["color"]) if el.get("color") else RED,
        boxed=bool(el.get("boxed", True)),
        alpha=float(el.get("alpha", 1.0)),
    )


def _draw_table(
    p: LayoutPlan, c: Canvas, index: int, X: Any, Y: Any, ox: float, oy: float, page_h: float
) -> None:
    tp = p.table
    assert tp is not None
    el = tp.element
    start, end = tp.pages[index]
    last = index == len(tp.pages) - 1
    top_mm = float(el["y"]) if index == 0 else float(el.get("continue_y", el["y"]))
    top = oy + page_h - top_mm * mm
    blank = 0
    if last:
        blank = max(int(el.get("min_rows", 0)) - len(tp.cells), 0)
    draw_table_part(
        c,
        X(el["x"]),
        top,
        tp.columns,
        tp.cells[start:end],
        tp.heights[start:end],
        tp.style,
        blank_rows=blank,
        footer=tp.footer if last else None,
    )


_DRAWERS: dict[str, Any] = {
    "text": _draw_text_el,
    "paragraph": _draw_paragraph,
    "line": _draw_line,
    "box": _draw_box,
    "qr": _draw_qr_el,
    "seal": _draw_seal,
    "stars": _draw_stars,
    "image": _draw_image,
    "mark": _draw_mark_el,
}


# --- whole documents -----------------------------------------------------------------


def render_many(
    jobs: Iterable[tuple[Layout, Mapping[str, Any]]],
    *,
    title: str = "",
    canvas: Canvas | None = None,
) -> bytes:
    """Several documents, each on its own page(s) and page size, in one PDF."""
    buf = BytesIO()
    c = canvas
    for layout, data in jobs:
        p = plan(layout, data)
        if c is None:
            c = new_canvas(buf, (p.width, p.height), title=title or layout.name)
        for i in range(p.page_count):
            c.setPageSize((p.width, p.height))
            p.draw_page(c, i)
            c.showPage()
    if c is None:
        raise LayoutError("nothing to render")
    if canvas is None:
        c.save()
    return buf.getvalue()


def render(layout: Layout, data: Mapping[str, Any], *, title: str = "") -> bytes:
    """One document (one or more pages) as PDF bytes."""
    return render_many([(layout, data)], title=title)
