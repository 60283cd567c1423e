"""The shared table routine: pagination covers every row once and respects the room."""

from __future__ import annotations

import itertools
import random

from app.printing.table import paginate_rows, resolve_widths


def test_widths_share_the_rest() -> None:
    assert resolve_widths([10, "*", 20, None], 100) == [10, 35, 20, 35]
    assert resolve_widths([10, 20], None) == [10, 20]


def test_pagination_is_complete_ordered_and_fits() -> None:
    rng = random.Random(7)
    for _ in range(300):
        heights = [rng.choice([18.0, 18.0, 18.0, 30.0, 42.0]) for _ in range(rng.randint(0, 80))]
        first, rest, last_limit, extra = (
            rng.randint(60, 400),
            rng.randint(200, 600),
            rng.randint(60, 300),
            rng.choice([0, 18]),
        )

        def available(
            page: int, is_last: bool, first=first, rest=rest, last_limit=last_limit
        ) -> float:
            room = first if page == 0 else rest
            return min(room, last_limit) if is_last else room

        pages = paginate_rows(heights, available, last_extra=extra)
        assert pages[0][0] == 0 and pages[-1][1] == len(heights)
        for (s1, e1), (s2, _) in itertools.pairwise(pages):
            assert e1 == s2 and s1 <= e1
        for k, (s, e) in enumerate(pages):
            last = k == len(pages) - 1
            used = sum(heights[s:e]) + (extra if last else 0)
            if e - s > 1:  # a single oversized row is allowed to overflow
                assert used <= available(k, last) + 0.01
        if len(heights) >= 2 and len(pages) > 1:
            s, e = pages[-1]
            assert e > s or sum(heights) == 0, "the total row stands alone on the last page"


def test_nothing_to_paginate() -> None:
    assert paginate_rows([], lambda p, last: 100.0) == [(0, 0)]


def test_the_column_rules_do_not_run_through_the_blank_marker() -> None:
    """（以下空白） is one cell across the table: no column line may cross it."""
    import re
    from io import BytesIO

    from reportlab.pdfgen.canvas import Canvas

    from app.printing.table import Column, TableStyle, draw_table_part

    out = BytesIO()
    c = Canvas(out, pageCompression=0)
    style = TableStyle()
    columns = [Column("a", "品名", 60), Column("b", "数量", 40), Column("c", "积分", 40)]
    top = 700.0
    bottom = draw_table_part(
        c, 10, top, columns, [["食用油", "1", "20"]], [18.0], style, blank_rows=3
    )
    c.save()
    marker_top = top - style.header_height - 18.0
    marker_bottom = marker_top - style.row_height
    numbers = r"(-?[\d.]+)"
    segments = re.findall(rf"{numbers} {numbers} m {numbers} {numbers} l".encode(), out.getvalue())
    vertical = [tuple(map(float, s)) for s in segments if float(s[0]) == float(s[2])]
    inner = [v for v in vertical if 10 < v[0] < 150]
    assert {v[0] for v in inner} == {70.0, 110.0}
    for x1, y1, _x2, y2 in inner:
        low, high = sorted((y1, y2))
        assert high <= marker_bottom + 0.01 or low >= marker_top - 0.01, (x1, y1, y2)
    assert min(min(v[1], v[3]) for v in inner) == bottom  # the rules go on below it
