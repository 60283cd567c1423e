"""户与家庭成员 — households, their members, and QR cards.

A household (户) is the unit of the points system: one file per household, one
cached points balance.  Its head's name, pinyin initials and the phone's last
four digits are cached on the row so that the search a village worker types
("zs", "0571", "3-12") is an indexed prefix lookup, never a table scan.

Personal data (DESIGN §3, DOMAIN "Privacy"): a member's 身份证号 and phone are
optional.  The full values are kept only on the station (``id_number``,
``phone``); every list shows the masked forms stored next to them, and
``id_hash`` is a keyed HMAC used to find the same person twice without
comparing full numbers.  A sync export must send the masked forms and the hash,
never ``id_number`` or ``phone`` (see app.services.personal).

``Card`` is generic over the DESIGN §4 kinds (H household, V volunteer): the
card's own id is what the QR carries, so reissuing a card (new id, old one
revoked) makes a lost card useless while the household keeps its identity.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Syncable


class Household(Syncable, Base):
    """户 — a household file with its cached points balance."""

    __tablename__ = "household"
    __table_args__ = (UniqueConstraint("station_id", "number"),)

    number: Mapped[str] = mapped_column(String(20), index=True)  # 户号
    number_sort: Mapped[str] = mapped_column(
        String(60), index=True
    )  # "3-12" -> "00000003-00000012"
    head_member_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    head_name: Mapped[str] = mapped_column(String(50), default="")  # cache of the head's name
    head_initials: Mapped[str] = mapped_column(String(30), default="", index=True)
    group_name: Mapped[str] = mapped_column(String(50), default="", index=True)  # 村民小组
    address: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")  # full; station only
    phone_masked: Mapped[str] = mapped_column(String(20), default="")
    phone_tail: Mapped[str] = mapped_column(String(4), default="", index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    balance: Mapped[int] = mapped_column(Integer, default=0)  # cache of the ledger sum
    rating: Mapped[str] = mapped_column(String(30), default="")  # 星级文明户 ... (last rated year)
    rating_year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Member(Syncable, Base):
    """家庭成员 — a resident, member of one household."""

    __tablename__ = "member"

    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"), index=True)
    name: Mapped[str] = mapped_column(String(50), index=True)
    initials: Mapped[str] = mapped_column(String(30), default="", index=True)
    relation: Mapped[str] = mapped_column(String(20), default="")  # 与户主关系
    is_head: Mapped[bool] = mapped_column(Boolean, default=False)
    sex: Mapped[str] = mapped_column(String(1), default="")  # "M", "F" or ""
    birth_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    id_number: Mapped[str] = mapped_column(String(18), default="")  # full; station only
    id_masked: Mapped[str] = mapped_column(String(18), default="")
    id_hash: Mapped[str] = mapped_column(String(64), default="", index=True)
    phone: Mapped[str] = mapped_column(String(20), default="")  # full; station only
    phone_masked: Mapped[str] = mapped_column(String(20), default="")
    phone_tail: Mapped[str] = mapped_column(String(4), default="", index=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    left_reason: Mapped[str] = mapped_column(String(100), default="")  # 迁出/死亡...


class Card(Syncable, Base):
    """二维码卡 — one printed card; a reissue revokes the previous one."""

    __tablename__ = "card"
    __table_args__ = (Index("ix_card_kind_subject_id", "kind", "subject_id"),)

    kind: Mapped[str] = mapped_column(String(1))  # H household, V volunteer
    subject_id: Mapped[str] = mapped_column(String(36))
    serial: Mapped[int] = mapped_column(Integer, default=1)  # 1st, 2nd... card of the subject
    issued_at: Mapped[datetime] = mapped_column(DateTime)
    issued_by: Mapped[str] = mapped_column(String(50), default="")
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    revoke_reason: Mapped[str] = mapped_column(String(100), default="")
