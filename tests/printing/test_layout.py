"""Layouts are data: shipped defaults load, overrides move fields, text never overflows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.printing.layout import (
    Layout,
    LayoutError,
    default_layout_names,
    fill_template,
    load_layout,
    plan,
    render,
)
from tests.printing.conftest import assert_font_embedded, needs_poppler

MM = 72 / 25.4

SIMPLE = {
    "name": "simple",
    "page": {"size": "A5"},
    "elements": [
        {"id": "name", "type": "text", "field": "name", "x": 30, "y": 80, "size": 14},
        {"id": "box", "type": "box", "x": 20, "y": 20, "w": 50, "h": 30},
        {
            "id": "fit",
            "type": "text",
            "field": "long",
            "x": 20,
            "y": 120,
            "size": 14,
            "max_width": 60,
        },
        {"id": "qr", "type": "qr", "field": "payload", "x": 100, "y": 150, "size": 30},
        {"id": "seal", "type": "seal", "x": 70, "y": 170},
        {"id": "stars", "type": "stars", "count": 3, "x": 74, "y": 40},
        {
            "id": "hidden",
            "type": "text",
            "text": "只在补打时出现",
            "if": "reprint",
            "x": 20,
            "y": 140,
        },
    ],
}


def test_every_shipped_layout_is_valid() -> None:
    names = default_layout_names()
    assert {"slip_copy", "slip_80mm", "slip_58mm", "card", "card_photo"} <= set(names)
    assert {"certificate_service", "certificate_star", "certificate_activity"} <= set(names)
    for name in names:
        layout = load_layout(name)
        assert layout.width > 0
        ids = [el.get("id") for el in layout.elements]
        assert len(ids) == len(set(ids)), f"{name}: duplicate element ids"


def test_landscape_swaps_the_page() -> None:
    layout = load_layout("certificate_star")
    assert (layout.width, layout.height) == (297.0, 210.0)


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        ({"page": {"size": "B9"}, "elements": []}, "unknown page size"),
        ({"elements": [{"type": "hologram", "x": 1, "y": 1}]}, "unknown type"),
        ({"elements": [{"id": "t", "type": "text", "x": 1}]}, "missing 'y'"),
        (
            {"elements": [{"id": "t", "type": "text", "x": "left", "y": 1, "text": "a"}]},
            "must be a number",
        ),
        ({"elements": [{"id": "t", "type": "text", "x": 1, "y": 1}]}, "needs 'field'"),
        ({"elements": "nope"}, "'elements' must be a list"),
    ],
)
def test_bad_layouts_are_refused_with_a_readable_message(doc: dict, message: str) -> None:
    with pytest.raises(LayoutError, match=message):
        Layout.from_dict(doc, source="x.json")


def test_a_broken_override_file_is_reported_not_silently_replaced(tmp_path: Path) -> None:
    (tmp_path / "card.json").write_text("{ not json", encoding="utf-8")
    with pytest.raises(LayoutError, match="not valid JSON"):
        load_layout("card", tmp_path)


def test_unknown_layout_and_path_tricks_are_refused() -> None:
    with pytest.raises(LayoutError):
        load_layout("nonexistent")
    with pytest.raises(LayoutError):
        load_layout("../secrets")


def test_missing_override_falls_back_to_the_default(tmp_path: Path) -> None:
    assert load_layout("card", tmp_path).source == "card.json"


@needs_poppler
def test_override_moves_a_field_and_the_text_lands_there(tmp_path: Path, pdf) -> None:
    data = {"name": "欧阳建国", "long": "短", "payload": "WB1:H:ABC:123"}
    (tmp_path / "simple.json").write_text(json.dumps(SIMPLE, ensure_ascii=False), encoding="utf-8")
    before = pdf(render(load_layout_from(tmp_path / "simple.json"), data))
    moved = json.loads(json.dumps(SIMPLE))
    moved["elements"][0].update(x=60, y=150)
    (tmp_path / "simple.json").write_text(json.dumps(moved, ensure_ascii=False), encoding="utf-8")
    after = pdf(render(load_layout_from(tmp_path / "simple.json"), data))

    def where(doc) -> tuple[float, float]:
        word = next(w for w in doc.words() if w[0].startswith("欧阳"))
        return word[1] / MM, word[4] / MM  # left edge, bottom (≈ baseline) in mm

    x0, y0 = where(before)
    x1, y1 = where(after)
    assert abs(x0 - 30) < 1.0 and abs(y0 - 80) < 2.0
    assert abs(x1 - 60) < 1.0 and abs(y1 - 150) < 2.0


def load_layout_from(path: Path) -> Layout:
    return load_layout(path.stem, path.parent)


@needs_poppler
def test_a_partial_override_extends_a_default(tmp_path: Path, pdf) -> None:
    from app.printing.cards import CardData, render_card

    card = CardData(
        "家庭积分卡",
        "东风村新时代文明实践站",
        "欧阳建国",
        "DF-03-017",
        ["第三村民小组"],
        "WB1:H:AB:CD",
    )
    patch = {
        "extends": "card",
        "elements": [
            {"id": "name", "x": 10, "y": 45},
            {"id": "hint", "remove": True},
            {"id": "motto", "type": "text", "text": "文明乡风", "x": 10, "y": 30},
        ],
    }
    (tmp_path / "card.json").write_text(json.dumps(patch, ensure_ascii=False), encoding="utf-8")
    doc = pdf(render_card(card, layout_dir=tmp_path))
    text = doc.flat()
    assert "文明乡风" in text and "DF-03-017" in text
    assert "请妥善保管" not in text
    name = next(w for w in doc.words() if w[0].startswith("欧阳"))
    assert abs(name[1] / MM - 10) < 1.0 and abs(name[4] / MM - 45) < 2.0


@needs_poppler
def test_long_text_shrinks_to_its_max_width_and_conditions_apply(pdf) -> None:
    layout = Layout.from_dict(SIMPLE)
    data = {
        "name": "张三",
        "long": "东风村新时代文明实践站积分超市爱心捐赠物资清单" * 2,
        "payload": "X",
    }
    doc = pdf(render(layout, data))
    assert_font_embedded(doc)
    words = [w for w in doc.words() if w[2] / MM > 110 and w[4] / MM < 125]
    assert words, "the long field was not drawn"
    assert min(w[1] for w in words) / MM >= 19.5
    assert max(w[3] for w in words) / MM <= 20 + 60 + 0.5
    assert "只在补打时出现" not in doc.flat()
    assert "只在补打时出现" in pdf(render(layout, {**data, "reprint": True})).flat()
    assert "盖章处" in doc.flat()


def test_missing_fields_print_empty_and_templates_survive_bad_braces() -> None:
    layout = Layout.from_dict(
        {
            "elements": [
                {"id": "t", "type": "text", "template": "编号：{number} {oops", "x": 10, "y": 10}
            ]
        }
    )
    assert render(layout, {}).startswith(b"%PDF")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"a": "甲", "b": "乙", "c": "丙"}, "张三（类型甲：乙，编号：丙）等"),
        ({"a": "", "b": "", "c": "丙"}, "张三（编号：丙）等"),
        ({"a": "甲", "b": "乙", "c": ""}, "张三（类型甲：乙）等"),
        ({"a": "甲", "b": "", "c": None}, "张三等"),
    ],
)
def test_an_optional_template_part_goes_with_its_empty_field(data: dict, expected: str) -> None:
    template = "{name}（[类型{a}：{b}]，[编号：{c}]）等"
    assert fill_template(template, {"name": "张三", **data}) == expected


def test_template_optional_parts_nest_and_brackets_can_be_literal() -> None:
    assert fill_template("[电话：{p}]", {"p": ""}) == ""
    assert fill_template("[电话：{p}]", {"p": "123"}) == "电话：123"
    assert fill_template("[[备注]]{x}[[{y}]]", {"x": 1, "y": 2.0}) == "[备注]1[2]"
    assert fill_template("A[（[{x}][、{y}]）]B", {"x": "", "y": ""}) == "AB"
    assert fill_template("A[（[{x}][、{y}]）]B", {"x": "", "y": "乙"}) == "A（乙）B"


def test_auto_height_page_grows_with_the_table() -> None:
    layout = load_layout("slip_80mm")
    rows = [{"name": f"物品{i}", "qty": 1, "unit_points": 5, "points": 5} for i in range(30)]
    short = plan(layout, {"items": rows[:2]})
    long = plan(layout, {"items": rows})
    assert short.page_count == long.page_count == 1
    assert long.height > short.height + 25 * 4 * MM
    assert short.width == pytest.approx(80 * MM)
