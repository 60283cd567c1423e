"""演示数据: photos of the latest activities, and the drawing the orders' 结项 photos use.

A station keeps photos of what it did (活动台账, the order's 结项); a demo without
any shows empty photo boxes and a 台账 of text only.  The pictures are drawn
here (:func:`draw_photo`, no file is shipped): a sky, a field, the village hall
and a red banner with the activity's or service's name, and the words 演示照片,
so nobody takes them for real ones.  They go in through the services a
person's click calls (``activities.add_photos`` here; app.demo.orders passes
them to ``orders.complete``), so they are checked, re-encoded and audited like
any photo.
"""

from __future__ import annotations

import functools
import random
import tempfile
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.demo import volunteers as _volunteers  # noqa: F401  (its filler registers first)
from app.demo.station import DemoContext, register_filler
from app.models import Activity
from app.services import activities

ACTIVITIES_WITH_PHOTOS = 12  # at most; the latest held activities get two each
SIZE = (800, 600)
SKIES = ("#9cc9ef", "#b7d8f2", "#d9e8f5", "#f2d3b3")
FIELDS = ("#7fb069", "#9bc57a", "#c9b26b", "#6f9f5a")


@functools.cache
def _font(size: int) -> Any:
    from PIL import ImageFont

    from app.resources import font_path

    return ImageFont.truetype(str(font_path()), size)


def draw_photo(path: Path, title: str, seed: int) -> Path:
    """A picture of the village hall under a banner saying *title* (JPEG at *path*)."""
    from PIL import Image, ImageDraw

    rng = random.Random(seed)
    width, height = SIZE
    image = Image.new("RGB", SIZE, rng.choice(SKIES))
    draw = ImageDraw.Draw(image)
    horizon = int(height * rng.uniform(0.55, 0.65))
    draw.rectangle((0, horizon, width, height), fill=rng.choice(FIELDS))
    left = rng.randint(60, width - 600)
    hall = (left, horizon - 230, left + 520, horizon + 40)
    draw.rectangle(hall, fill="#efe6d8", outline="#8a7a66", width=4)
    draw.polygon(
        [
            (hall[0] - 30, hall[1]),
            ((hall[0] + hall[2]) // 2, hall[1] - 110),
            (hall[2] + 30, hall[1]),
        ],
        fill="#a33b2b",
    )
    draw.rectangle((left + 220, horizon - 120, left + 300, horizon + 40), fill="#6b4f3a")
    banner = (left - 10, hall[1] + 20, left + 530, hall[1] + 80)
    draw.rectangle(banner, fill="#c8161d")
    font = _font(34)
    text = title if len(title) <= 14 else title[:13] + "…"
    box = draw.textbbox((0, 0), text, font=font)
    draw.text(
        ((banner[0] + banner[2] - (box[2] - box[0])) // 2, banner[1] + 10),
        text,
        font=font,
        fill="#ffe9a8",
    )
    for _ in range(rng.randint(8, 16)):  # villagers in front of the hall
        x = rng.randint(40, width - 40)
        y = rng.randint(horizon + 60, height - 60)
        colour = rng.choice(("#2f4858", "#86bbd8", "#f26419", "#33658a", "#f6ae2d"))
        draw.ellipse((x - 12, y - 44, x + 12, y - 20), fill="#f1c27d")
        draw.rectangle((x - 16, y - 20, x + 16, y + 30), fill=colour)
    small = _font(22)
    draw.text((18, height - 40), "演示照片（程序生成）", font=small, fill="#ffffff")
    image.save(path, "JPEG", quality=85)
    return path


def fill_demo(ctx: DemoContext) -> None:
    """Two photos for each of the latest held activities (the orders' come with 结项)."""
    db, actor = ctx.db, ctx.actor
    with db.read() as session:
        held = session.execute(
            select(Activity.id, Activity.title)
            .where(Activity.state == "closed", Activity.deleted.is_(False))
            .order_by(Activity.starts_at.desc())
            .limit(min(ACTIVITIES_WITH_PHOTOS, max(1, ctx.size.activities // 3)))
        ).all()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for n, (activity_id, title) in enumerate(held):
            shots = [draw_photo(folder / f"a{n}-{k}.jpg", title, n * 10 + k) for k in (1, 2)]
            activities.add_photos(db, actor, ctx.data_dir.photos, activity_id, shots)


register_filler("photos", fill_demo)
