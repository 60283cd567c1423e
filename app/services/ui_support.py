"""Small read-only queries the GUI's overview screens need.

Kept apart from the operator-management services because these need no
permission: every signed-in operator may see how many colleagues the station
has on its home page, while only an administrator may list them.
"""

from __future__ import annotations

from sqlalchemy import func, select

from app.db import Database
from app.models import Operator


def count_operators(db: Database) -> int:
    """How many operator accounts are active."""
    with db.read() as session:
        return (
            session.scalar(
                select(func.count()).select_from(Operator).where(Operator.active.is_(True))
            )
            or 0
        )
