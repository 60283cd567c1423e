"""积分兑换单 and 作废单: a redemption as the printer's :class:`SlipData`, its PDF,
and the print log that makes a second print a 补打.

The counter renders a slip, sends it to the printer (or a preview, or a
folder) and only then records the print with :func:`record_slip_print`; the
command line does the same with a file.  A slip printed when the print log
already has one is stamped 补打; a void slip carries the void's stored time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app.db import Database
from app.services import supermarket
from app.services.auth import Actor
from app.services.cards import slip_payload
from app.services.documents import local_time
from app.services.supermarket import PrintRecord, RedemptionResult

if TYPE_CHECKING:
    from app.printing.slip import SlipData

REDEMPTION = "redemption"
VOID = "redemption_void"
PAGES = ("A4", "A5", "80mm", "58mm")
TWO_COPIES = ("存根联", "客户联")
ONE_COPY = ("客户联",)


def copies_of(two_copies: bool) -> tuple[str, ...]:
    """The copies printed: 存根联 and 客户联, or the 客户联 only."""
    return TWO_COPIES if two_copies else ONE_COPY


def slip_data(
    result: RedemptionResult,
    station_name: str,
    card_key: bytes,
    *,
    reprint: bool = False,
    void: bool = False,
    balance_after: int | None = None,
) -> SlipData:
    """The printer's data for *result*; with *void*, its 作废单 (reason and stored time)."""
    from app.printing.slip import SlipData, SlipLine

    return SlipData(
        number=result.number,
        station_name=station_name,
        household_number=result.household_number,
        household_head=result.head_name,
        items=[
            SlipLine(x.goods_name, x.unit, x.qty, x.unit_points, x.line_points)
            for x in result.lines
        ],
        total_points=result.total_points,
        balance_before=result.balance_before,
        balance_after=result.balance_after if balance_after is None else balance_after,
        operator_name=result.operator_name,
        issued_at=local_time(result.created_at) or result.created_at,
        verify_payload=slip_payload(card_key, result.id),
        reprint=reprint,
        voided=void,
        void_reason=result.void_reason if void else "",
        voided_at=local_time(result.voided_at) if void else None,
    )


def slip_pdf(
    result: RedemptionResult,
    station_name: str,
    card_key: bytes,
    page: str,
    copies: Sequence[str],
    *,
    reprint: bool = False,
    void: bool = False,
    balance_after: int | None = None,
    db: Database | None = None,
) -> bytes:
    """The slip's PDF; with *db*, on the layouts of the township's config package."""
    from app.printing.slip import render_slip
    from app.services.documents.layouts import layout_dir

    data = slip_data(
        result, station_name, card_key, reprint=reprint, void=void, balance_after=balance_after
    )
    return render_slip(data, page, copies, layout_dir=layout_dir(db) if db else None)


def is_reprint(result: RedemptionResult, *, void: bool = False) -> bool:
    """Whether the next print of this slip (or of its 作废单) is a 补打."""
    return (result.void_print_count if void else result.print_count) > 0


@dataclass(frozen=True)
class VoidDone:
    """A void and its 作废单."""

    result: RedemptionResult
    reason: str
    balance_after: int
    pdf: bytes


def void_slip(
    db: Database,
    actor: Actor,
    redemption_id: str,
    reason: str,
    station_name: str,
    card_key: bytes,
    page: str,
    copies: Sequence[str],
) -> VoidDone:
    """作废: void the redemption (one transaction) and make its 作废单."""
    done = supermarket.void_redemption(db, actor, redemption_id, reason)
    result = supermarket.get_redemption(db, redemption_id)
    pdf = slip_pdf(
        result,
        station_name,
        card_key,
        page,
        copies,
        void=True,
        balance_after=done.balance_after,
        db=db,
    )
    return VoidDone(result, done.reason, done.balance_after, pdf)


def record_slip_print(
    db: Database, actor: Actor, result: RedemptionResult, *, void: bool = False
) -> PrintRecord:
    """Log that the slip (or its 作废单) was printed; the next one is then a 补打."""
    return supermarket.record_print(db, actor, result.id, doc_type=VOID if void else REDEMPTION)


@dataclass(frozen=True)
class PrintedSlip:
    result: RedemptionResult
    pdf: bytes
    void: bool
    reprint: bool


def find_slip(db: Database, number: str) -> RedemptionResult:
    """The redemption of slip *number* (e.g. DH-2026-000012)."""
    from app.errors import NotFound
    from app.i18n import QT_TRANSLATE_NOOP

    result = supermarket.find_redemption_by_number(db, number)
    if result is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "No slip numbered {number}."), number=number)
    return result


def print_slip(
    db: Database,
    actor: Actor,
    number: str,
    station_name: str,
    card_key: bytes,
    page: str,
    copies: Sequence[str],
    write: Any,
) -> PrintedSlip:
    """(Re)print slip *number* as the counter's Reprint does: a voided one as its
    作废单; 补打 when it was printed before.  *write(pdf)* delivers the PDF; the
    print is logged only after it returned."""
    result = find_slip(db, number)
    void = result.voided
    reprint = is_reprint(result, void=void)
    pdf = slip_pdf(result, station_name, card_key, page, copies, reprint=reprint, void=void, db=db)
    write(pdf)
    record_slip_print(db, actor, result, void=void)
    return PrintedSlip(result, pdf, void, reprint)
