"""兑换资格 — whether a household may spend points at the supermarket now.

The counter asks before it confirms a cart, and the redemption itself checks
again in its transaction: the period score against the pass line (合格线), the
balance against the station's minimum for redeeming, and the cost against
the balance.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from app.errors import DomainError
from app.i18n import QT_TRANSLATE_NOOP
from app.models import Household
from app.services.points.ledger import period_score
from app.services.points.settings import PointsSettings, period_key


class RedemptionRefused(DomainError):
    """The household may not redeem now (balance, pass line, minimum balance)."""


class InsufficientBalance(RedemptionRefused):
    pass


class BelowPassLine(RedemptionRefused):
    pass


class BelowMinimumBalance(RedemptionRefused):
    pass


def below_minimum_balance(
    number: str, balance: int, settings: PointsSettings
) -> BelowMinimumBalance | None:
    """The refusal for a household whose balance is below the station's minimum
    for redeeming (None when it may redeem); the counter says it before confirming."""
    if settings.min_balance is None or balance >= settings.min_balance:
        return None
    return BelowMinimumBalance(
        QT_TRANSLATE_NOOP(
            "errors",
            "Household {number} has {balance} points; at least {minimum} are needed to redeem.",
        ),
        number=number,
        balance=balance,
        minimum=settings.min_balance,
    )


def check_can_redeem(
    session: Session,
    household: Household,
    cost: int,
    settings: PointsSettings,
    on: date | None = None,
) -> None:
    """Raise a :class:`RedemptionRefused` if *household* may not spend *cost* points now."""
    if settings.pass_line is not None:
        key = period_key(on or date.today(), settings.period_kind)
        score = period_score(session, household.id, key)
        if score < settings.pass_line:
            raise BelowPassLine(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "Household {number} has a score of {score} in {period}, below the pass "
                    "line of {line}; it cannot redeem until it reaches the pass line.",
                ),
                number=household.number,
                score=score,
                period=key,
                line=settings.pass_line,
            )
    below = below_minimum_balance(household.number, household.balance, settings)
    if below is not None:
        raise below
    if cost > household.balance:
        raise InsufficientBalance(
            QT_TRANSLATE_NOOP(
                "errors",
                "Household {number} has {balance} points; these goods need {cost}.",
            ),
            number=household.number,
            balance=household.balance,
            cost=cost,
        )
