"""库存 — stock moves: purchase, donation, damage, stocktake, and the on-hand check.

Stock arrives by purchase or donation (with the donor's name) and leaves by
damage, a stocktake adjustment or a redemption, each an append-only
``stock_move`` written by :func:`_move`, the only writer of a move and of the
goods' cached ``on_hand``; :func:`verify_stock` re-checks the cache against
the moves.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import Database
from app.errors import DomainError, ValidationError
from app.i18n import QT_TRANSLATE_NOOP
from app.ids import new_id
from app.models import Goods, MoveKind, StockMove
from app.services import audit
from app.services.auth import Actor, Permission, require
from app.services.supermarket.goods import _get_goods

MAX_STOCK_QTY = 1_000_000


class RedemptionProblem(DomainError):
    """A redemption, void or stock move that cannot be done as asked."""


class OutOfStock(RedemptionProblem):
    """Fewer goods on hand than a redemption or a damage report takes."""


@dataclass(frozen=True)
class MoveView:
    id: str
    goods_id: str
    kind: str
    qty: int
    on_hand_after: int
    donor: str
    reference: str
    operator_name: str
    created_at: datetime
    link_id: str = ""


def _move_view(m: StockMove) -> MoveView:
    return MoveView(
        m.id,
        m.goods_id,
        m.kind,
        m.qty,
        m.on_hand_after,
        m.donor,
        m.reference,
        m.operator_name,
        m.created_at,
        m.link_id,
    )


def _move(
    session: Session,
    actor: Actor,
    goods: Goods,
    kind: MoveKind,
    qty: int,
    *,
    donor: str = "",
    reference: str = "",
    link_type: str = "",
    link_id: str = "",
    reverses_id: str | None = None,
) -> StockMove:
    """Append one stock move and move the on-hand cache with it."""
    goods.on_hand = (goods.on_hand or 0) + qty
    move = StockMove(
        id=new_id(),
        goods_id=goods.id,
        kind=kind.value,
        qty=qty,
        on_hand_after=goods.on_hand,
        donor=donor,
        reference=reference,
        link_type=link_type,
        link_id=link_id,
        reverses_id=reverses_id,
        operator_id=actor.operator_id,
        operator_name=actor.display_name,
    )
    session.add(move)
    return move


def _check_stock_qty(qty: int) -> None:
    if not isinstance(qty, int) or isinstance(qty, bool) or not (1 <= qty <= MAX_STOCK_QTY):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The quantity must be a whole number from 1 to {max}."),
            max=MAX_STOCK_QTY,
        )


def receive_stock(
    db: Database, actor: Actor, goods_id: str, qty: int, *, donor: str = "", reference: str = ""
) -> MoveView:
    """Stock in: a purchase, or a donation when *donor* (爱心企业/爱心人士) is named."""
    require(actor, Permission.DAILY_WORK)
    _check_stock_qty(qty)
    donor = donor.strip()[:100]
    with db.write() as session:
        goods = _get_goods(session, goods_id)
        kind = MoveKind.DONATION if donor else MoveKind.PURCHASE
        move = _move(
            session, actor, goods, kind, qty, donor=donor, reference=reference.strip()[:100]
        )
        audit.record(
            session,
            actor,
            f"stock.{kind.value}",
            "goods",
            goods.id,
            after={"name": goods.name, "qty": qty, "donor": donor, "on_hand": goods.on_hand},
        )
        return _move_view(move)


def record_damage(db: Database, actor: Actor, goods_id: str, qty: int, reason: str) -> MoveView:
    """报损: goods broken, spoiled or past their date."""
    require(actor, Permission.DAILY_WORK)
    _check_stock_qty(qty)
    reason = reason.strip()
    if not reason:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Please give a reason."))
    with db.write() as session:
        goods = _get_goods(session, goods_id)
        if qty > goods.on_hand:
            raise OutOfStock(
                QT_TRANSLATE_NOOP("errors", "Only {on_hand} {unit} of “{name}” are in stock."),
                on_hand=goods.on_hand,
                unit=goods.unit,
                name=goods.name,
            )
        move = _move(session, actor, goods, MoveKind.DAMAGE, -qty, reference=reason[:100])
        audit.record(
            session,
            actor,
            "stock.damage",
            "goods",
            goods.id,
            after={"name": goods.name, "qty": -qty, "reason": reason, "on_hand": goods.on_hand},
        )
        return _move_view(move)


def stocktake(
    db: Database, actor: Actor, goods_id: str, counted: int, note: str = ""
) -> MoveView | None:
    """盘点: set on-hand to the *counted* quantity with an adjustment; None if it agreed."""
    require(actor, Permission.DAILY_WORK)
    if (
        not isinstance(counted, int)
        or isinstance(counted, bool)
        or not (0 <= counted <= MAX_STOCK_QTY)
    ):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The counted quantity must be a whole number, 0 or more.")
        )
    with db.write() as session:
        goods = _get_goods(session, goods_id)
        difference = counted - goods.on_hand
        if difference == 0:
            return None
        before = goods.on_hand
        move = _move(
            session, actor, goods, MoveKind.STOCKTAKE, difference, reference=note.strip()[:100]
        )
        audit.record(
            session,
            actor,
            "stock.stocktake",
            "goods",
            goods.id,
            before={"on_hand": before},
            after={"on_hand": counted, "note": note.strip()},
        )
        return _move_view(move)


def stock_moves(db: Database, goods_id: str, limit: int = 100) -> list[MoveView]:
    """The goods' newest *limit* moves (the 库存记录 dialog)."""
    return fetch_stock_moves(db, 0, max(1, min(limit, 5000)), goods_id)


def count_stock_moves(db: Database, goods_id: str) -> int:
    """How many moves :func:`fetch_stock_moves` can return (the whole history)."""
    with db.read() as session:
        query = select(func.count()).select_from(StockMove).where(StockMove.goods_id == goods_id)
        return int(session.scalar(query) or 0)


def fetch_stock_moves(db: Database, offset: int, limit: int, goods_id: str) -> list[MoveView]:
    """A window of the goods' moves, newest first — the list and its export read the same."""
    with db.read() as session:
        rows = session.scalars(
            select(StockMove)
            .where(StockMove.goods_id == goods_id)
            .order_by(StockMove.created_at.desc(), StockMove.id.desc())
            .offset(max(0, offset))
            .limit(max(0, min(limit, 5000)))
        )
        return [_move_view(m) for m in rows]


def verify_stock(db: Database) -> list[tuple[str, str, int, int]]:
    """Goods whose cached on-hand differs from its moves' sum: (id, name, cached, ledger)."""
    with db.read() as session:
        sums = dict(
            session.execute(
                select(StockMove.goods_id, func.sum(StockMove.qty)).group_by(StockMove.goods_id)
            ).all()
        )
        return [
            (gid, name, cached, int(sums.get(gid) or 0))
            for gid, name, cached in session.execute(select(Goods.id, Goods.name, Goods.on_hand))
            if cached != int(sums.get(gid) or 0)
        ]
