"""商品 — the supermarket's goods: their record, price in points, barcode and photo.

Goods are found for the counter's grid and the goods page by name, pinyin
initials or barcode (:func:`list_goods`, :func:`find_goods_by_barcode`); a
barcode is unique among the station's goods.  A photo
(:func:`set_goods_photo`) is copied like an activity's into
``<data>/photos/goods/<goods id>/`` (app.services.photos) and named by its
path relative to the photos folder, so backups carry it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.errors import NotFound, ValidationError
from app.i18n import QT_TRANSLATE_NOOP
from app.models import Goods
from app.models.base import STATION_ID
from app.services import audit, photos, text_input
from app.services.auth import Actor, Permission, require
from app.services.households import initials


@dataclass(frozen=True)
class GoodsData:
    name: str
    points_price: int
    category: str = ""
    unit: str = "件"
    barcode: str | None = None
    photo_path: str | None = None
    low_stock_threshold: int = 0
    sort_order: int = 0


@dataclass(frozen=True)
class GoodsView:
    id: str
    name: str
    category: str
    unit: str
    points_price: int
    barcode: str | None
    photo_path: str | None
    active: bool
    on_hand: int
    low_stock_threshold: int

    @property
    def low(self) -> bool:
        return self.on_hand <= self.low_stock_threshold


def _goods_view(g: Goods) -> GoodsView:
    return GoodsView(
        g.id,
        g.name,
        g.category,
        g.unit,
        g.points_price,
        g.barcode,
        g.photo_path,
        g.active,
        g.on_hand,
        g.low_stock_threshold,
    )


def _clean_goods(data: GoodsData) -> GoodsData:
    name = " ".join(data.name.split())
    if not name or len(name) > 100:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Please enter the goods' name."))
    price = data.points_price
    if not isinstance(price, int) or isinstance(price, bool) or not (1 <= price <= 100_000):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The points price must be a whole number from 1 to 100000.")
        )
    barcode = (data.barcode or "").strip() or None
    if barcode is not None and not re.fullmatch(r"[0-9A-Za-z\-]{1,40}", barcode):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A barcode has 1–40 letters or digits."))
    threshold = data.low_stock_threshold
    if not isinstance(threshold, int) or threshold < 0:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The low-stock warning level cannot be negative.")
        )
    return GoodsData(
        name,
        price,
        data.category.strip()[:40],
        (data.unit.strip() or "件")[:10],
        barcode,
        (data.photo_path or "").strip() or None,
        threshold,
        data.sort_order,
    )


def _check_barcode_free(session: Session, barcode: str | None, except_id: str = "") -> None:
    if barcode is None:
        return
    other = session.scalar(
        select(Goods.name).where(
            Goods.station_id == session.info.get(STATION_ID),
            Goods.barcode == barcode,
            Goods.id != except_id,
        )
    )
    if other is not None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The barcode {barcode} already belongs to “{name}”."),
            barcode=barcode,
            name=other,
        )


def _apply_goods(goods: Goods, data: GoodsData) -> None:
    goods.name = data.name
    goods.initials = initials(data.name)
    goods.points_price = data.points_price
    goods.category = data.category
    goods.unit = data.unit
    goods.barcode = data.barcode
    goods.photo_path = data.photo_path
    goods.low_stock_threshold = data.low_stock_threshold
    goods.sort_order = data.sort_order


def _get_goods(session: Session, goods_id: str) -> Goods:
    goods = session.get(Goods, goods_id)
    if goods is None or goods.deleted:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "No such goods."))
    return goods


def create_goods(db: Database, actor: Actor, data: GoodsData) -> GoodsView:
    require(actor, Permission.DAILY_WORK)
    data = _clean_goods(data)
    with db.write() as session:
        _check_barcode_free(session, data.barcode)
        goods = Goods(active=True, on_hand=0)
        _apply_goods(goods, data)
        session.add(goods)
        session.flush()
        audit.record(
            session, actor, "goods.create", "goods", goods.id, after=_goods_view(goods).__dict__
        )
        return _goods_view(goods)


def update_goods(db: Database, actor: Actor, goods_id: str, data: GoodsData) -> GoodsView:
    """Change goods details; the price change applies to later redemptions only."""
    require(actor, Permission.DAILY_WORK)
    data = _clean_goods(data)
    with db.write() as session:
        goods = _get_goods(session, goods_id)
        _check_barcode_free(session, data.barcode, except_id=goods.id)
        before = _goods_view(goods).__dict__
        _apply_goods(goods, data)
        audit.record(
            session,
            actor,
            "goods.update",
            "goods",
            goods.id,
            before=before,
            after=_goods_view(goods).__dict__,
        )
        return _goods_view(goods)


def set_goods_active(db: Database, actor: Actor, goods_id: str, active: bool) -> GoodsView:
    require(actor, Permission.DAILY_WORK)
    with db.write() as session:
        goods = _get_goods(session, goods_id)
        if goods.active != active:
            goods.active = active
            audit.record(
                session,
                actor,
                "goods.enable" if active else "goods.disable",
                "goods",
                goods.id,
                after={"name": goods.name, "active": active},
            )
        return _goods_view(goods)


GOODS_PHOTO_FOLDER = "goods"  # <data>/photos/goods/<goods id>/<new id><suffix>


def set_goods_photo(
    db: Database, actor: Actor, photos_root: Path, goods_id: str, source: Path | None
) -> GoodsView:
    """Give goods a copy of the picture *source* as their photo, or none (``None``).

    Removing the photo only drops the reference: the file stays, because photos
    are write-once and a backup may still name it.
    """
    require(actor, Permission.DAILY_WORK)
    return photos.set_record_photo(
        db,
        actor,
        photos_root,
        source,
        target_type="goods",
        folder=f"{GOODS_PHOTO_FOLDER}/{goods_id}",
        load=lambda session: _get_goods(session, goods_id),
        view=lambda _session, goods: _goods_view(goods),
    )


def list_goods(
    db: Database,
    *,
    query: str = "",
    category: str = "",
    include_inactive: bool = False,
    limit: int = 500,
) -> list[GoodsView]:
    """Goods for the counter's grid or the goods page (name, initials or barcode)."""
    with db.read() as session:
        q = select(Goods).where(Goods.deleted.is_(False))
        if not include_inactive:
            q = q.where(Goods.active.is_(True))
        if category:
            q = q.where(Goods.category == text_input.clean_search(category))
        text = text_input.clean_search(query)
        if text:
            q = q.where(
                text_input.contains(Goods.name, text)
                | text_input.starts_with(Goods.initials, text.lower())
                | (Goods.barcode == text)
            )
        q = q.order_by(Goods.sort_order, Goods.name).limit(max(1, min(limit, 5000)))
        return [_goods_view(g) for g in session.scalars(q)]


def find_goods_by_barcode(db: Database, barcode: str) -> GoodsView | None:
    with db.read() as session:
        code = text_input.clean_scan(barcode)
        goods = session.scalar(
            select(Goods).where(
                Goods.station_id == session.info.get(STATION_ID), Goods.barcode == code
            )
        )
        return _goods_view(goods) if goods is not None and not goods.deleted else None


def low_stock_in(session: Session) -> list[GoodsView]:
    """Active goods at or below their warning level, inside the caller's read."""
    rows = session.scalars(
        select(Goods)
        .where(
            Goods.active.is_(True),
            Goods.deleted.is_(False),
            Goods.on_hand <= Goods.low_stock_threshold,
        )
        .order_by(Goods.on_hand, Goods.name)
    )
    return [_goods_view(g) for g in rows]


def low_stock(db: Database) -> list[GoodsView]:
    """Active goods at or below their warning level (低库存预警)."""
    with db.read() as session:
        return low_stock_in(session)
