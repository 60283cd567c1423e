"""查找 — finding households and residents, and the households list's windows.

Search (:func:`search`) is what the household picker and the counter call on
every keystroke, so each branch is an indexed lookup with a LIMIT:

* digits/dashes  -> household number prefix (``number``), and for 4 digits the
  phone tail of a household or a member;
* ASCII letters  -> pinyin-initials prefix of the head or any member (``zs``
  finds 张三);
* anything else  -> the member's exact name, then a name substring (a LIKE scan
  of the member-name index, not of the member table — about 5 ms at 60,000
  members).

:func:`count_households` / :func:`fetch_households` serve a lazy Qt table
model: the view asks for a count, then for windows of rows as it scrolls.  They
list the village's households: a volunteer's own points file (志愿者积分银行) is
shown on that volunteer's page and is not counted here.
:func:`search_residents` finds a person to link another record (a volunteer)
to.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, false, func, or_, select
from sqlalchemy.orm import Session

from app.db import Database
from app.db.dialect import contains_by_index_scan
from app.models import Household, Member
from app.services import text_input
from app.services.households.records import village_households

MAX_SEARCH_LIMIT = 200


def _name_contains(session: Session, text: str):
    """Members whose name contains *text*, found by scanning the small name index.

    ``name LIKE '%…%'`` cannot seek, but it need not read the member table (ID
    numbers, phones, hashes): on SQLite the rowids come from a scan of
    ``ix_member_name`` alone (a covering index for this), 3x faster at 60,000
    members (app.db.dialect).
    """
    pattern, escape = text_input.like_contains(text)
    return contains_by_index_scan(session, Member.__table__, "name", pattern, escape=escape)


@dataclass(frozen=True)
class HouseholdHit:
    """One line of the search drop-down or the households page."""

    id: str
    number: str
    head_name: str
    group_name: str
    phone_masked: str
    balance: int
    active: bool
    matched: str = ""  # the member whose name/initials/phone matched, if not the head


@dataclass(frozen=True)
class HouseholdFilter:
    text: str = ""
    group_name: str = ""
    include_inactive: bool = False


_HIT_COLUMNS = (
    Household.id,
    Household.number,
    Household.head_name,
    Household.group_name,
    Household.phone_masked,
    Household.balance,
    Household.active,
)


def _hits(session: Session, query: Select) -> list[HouseholdHit]:
    """Rows of ``_HIT_COLUMNS`` (plus an optional matched member name) as hits."""
    return [
        HouseholdHit(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7] if len(r) > 7 else "")
        for r in session.execute(query).all()
    ]


def search(
    db: Database,
    query: str,
    limit: int = 20,
    *,
    include_inactive: bool = False,
    card_key: bytes | None = None,
) -> list[HouseholdHit]:
    """Households matching what a person typed or scanned (see the module docstring).

    A scanned household card (with *card_key*) finds its household; a forged,
    revoked or unknown card raises the card service's error, so the person is
    told why rather than shown an empty list.
    """
    text = text_input.clean_search(query)
    if not text:
        return []
    limit = max(1, min(limit, MAX_SEARCH_LIMIT))
    found: dict[str, HouseholdHit] = {}
    from app.services import cards

    if card_key is not None and cards.looks_like_payload(text):
        subject = cards.resolve_card(db, card_key, text, want=cards.CardKind.HOUSEHOLD)
        with db.read() as session:
            query_one = select(*_HIT_COLUMNS).where(
                Household.id == subject.subject_id, Household.deleted.is_(False)
            )
            return _hits(session, query_one)

    def base(*extra):
        q = select(*_HIT_COLUMNS, *extra).where(Household.deleted.is_(False))
        if not include_inactive:
            q = q.where(Household.active.is_(True))
        return q

    def member_match(condition) -> Select:
        return (
            base(Member.name)
            .join(Member, Member.household_id == Household.id)
            .where(condition, Member.deleted.is_(False))
            .order_by(Member.is_head.desc(), Household.number_sort)
            .limit(limit)
        )

    def add(hits: list[HouseholdHit]) -> None:
        for hit in hits:
            if len(found) >= limit:
                return
            if hit.id not in found:
                matched = "" if hit.matched == hit.head_name else hit.matched
                found[hit.id] = HouseholdHit(**{**hit.__dict__, "matched": matched})

    with db.read() as session:
        upper = text.upper()
        if re.fullmatch(r"[0-9A-Z\-]+", upper) and any(c.isdigit() for c in upper):
            add(
                _hits(
                    session,
                    base().where(Household.number == upper).limit(1),
                )
            )
            add(
                _hits(
                    session,
                    base()
                    .where(text_input.starts_with(Household.number, upper))
                    .order_by(Household.number_sort)
                    .limit(limit),
                )
            )
            if re.fullmatch(r"\d{4}", text):
                add(
                    _hits(
                        session,
                        base()
                        .where(Household.phone_tail == text)
                        .order_by(Household.number_sort)
                        .limit(limit),
                    )
                )
                add(_hits(session, member_match(Member.phone_tail == text)))
        elif re.fullmatch(r"[A-Za-z]+", text):
            lower = text.lower()
            add(
                _hits(
                    session,
                    base()
                    .where(text_input.starts_with(Household.head_initials, lower))
                    .order_by(Household.number_sort)
                    .limit(limit),
                )
            )
            add(
                _hits(
                    session,
                    member_match(text_input.starts_with(Member.initials, lower)),
                )
            )
        else:
            add(_hits(session, member_match(Member.name == text)))
            add(_hits(session, member_match(_name_contains(session, text))))
    return list(found.values())


def _filtered(query: Select, flt: HouseholdFilter) -> Select:
    # the village's households: a volunteer's own points file (积分银行) is shown on the
    # volunteer's page, not counted as one of the village's households
    query = query.where(Household.deleted.is_(False), village_households())
    if not flt.include_inactive:
        query = query.where(Household.active.is_(True))
    if flt.group_name:
        query = query.where(Household.group_name == text_input.clean_search(flt.group_name))
    text = text_input.clean_search(flt.text)
    if text:
        query = query.where(
            or_(
                text_input.starts_with(Household.number, text.upper()),
                text_input.starts_with(Household.head_initials, text.lower()),
                text_input.contains(Household.head_name, text),
                Household.phone_tail == text,
                text_input.contains(Household.address, text),
            )
        )
    return query


def count_households(db: Database, flt: HouseholdFilter | None = None) -> int:
    """How many rows :func:`fetch_households` can return for *flt*."""
    flt = flt or HouseholdFilter()
    with db.read() as session:
        return session.scalar(_filtered(select(func.count()).select_from(Household), flt)) or 0


def fetch_households(
    db: Database, offset: int, limit: int, flt: HouseholdFilter | None = None
) -> list[HouseholdHit]:
    """A window of the households page, in natural household-number order."""
    flt = flt or HouseholdFilter()
    with db.read() as session:
        query = (
            _filtered(select(*_HIT_COLUMNS), flt)
            .order_by(Household.number_sort, Household.number, Household.id)
            .offset(max(0, offset))
            .limit(max(0, min(limit, 1000)))
        )
        return _hits(session, query)


def fetch_hits_by_id(db: Database, household_ids: Sequence[str]) -> list[HouseholdHit]:
    """The list rows of these households as they are now (a row refreshed in place)."""
    ids = list(dict.fromkeys(household_ids))[:1000]
    if not ids:
        return []
    with db.read() as session:
        return _hits(session, select(*_HIT_COLUMNS).where(Household.id.in_(ids)))


@dataclass(frozen=True)
class ResidentHit:
    """A resident found by name, with their household (masked personal data only)."""

    member_id: str
    name: str
    household_number: str
    relation: str
    sex: str
    birth_date: date | None
    id_masked: str

    @property
    def label(self) -> str:
        return f"{self.name} · {self.household_number}"


_RESIDENT_COLUMNS = (
    Member.id,
    Member.name,
    Household.number,
    Member.relation,
    Member.sex,
    Member.birth_date,
    Member.id_masked,
)


def search_residents(db: Database, query: str, limit: int = 20) -> list[ResidentHit]:
    """Active residents whose name or pinyin initials start with *query*, or contain it."""
    text = text_input.clean_search(query)
    if not text:
        return []
    limit = max(1, min(limit, MAX_SEARCH_LIMIT))
    lowered = text.lower()
    with db.read() as session:
        condition = or_(
            text_input.starts_with(Member.name, text),
            text_input.starts_with(Member.initials, lowered) if lowered.isascii() else false(),
            _name_contains(session, text),
        )
        rows = session.execute(
            select(*_RESIDENT_COLUMNS)
            .join(Household, Household.id == Member.household_id)
            .where(
                condition,
                Member.deleted.is_(False),
                Member.active.is_(True),
                Household.deleted.is_(False),
            )
            .order_by(Member.name, Household.number_sort)
            .limit(limit)
        ).all()
    return [ResidentHit(*row) for row in rows]


def resident_of_card(db: Database, card_key: bytes, payload: str) -> ResidentHit:
    """The resident a scanned card names: a household card's head of household, or
    the resident a volunteer card's volunteer is (a volunteer from outside the
    register is refused: they order as someone else).  A forged, foreign, revoked
    or unknown card is refused as everywhere (app.services.cards.resolve_in)."""
    from app.errors import NotFound
    from app.i18n import QT_TRANSLATE_NOOP
    from app.models import Volunteer
    from app.services.cards import CardKind, resolve_in

    with db.read() as session:
        subject = resolve_in(session, card_key, payload)
        if subject.kind == CardKind.VOLUNTEER.value:
            volunteer = session.get(Volunteer, subject.subject_id)
            member_id = volunteer.member_id if volunteer is not None else None
            where = Member.id == (member_id or "")
        else:
            where = (Member.household_id == subject.subject_id) & Member.is_head.is_(True)
        row = session.execute(
            select(*_RESIDENT_COLUMNS)
            .join(Household, Household.id == Member.household_id)
            .where(where, Member.deleted.is_(False), Household.deleted.is_(False))
            .order_by(Member.created_at)
            .limit(1)
        ).first()
    if row is None:
        raise NotFound(
            QT_TRANSLATE_NOOP(
                "errors",
                "This card names nobody in the households register (a volunteer from outside "
                "the village, or a household without a head): take the order as someone else.",
            )
        )
    return ResidentHit(*row)


def describe_resident(db: Database, member_id: str) -> ResidentHit | None:
    """The resident *member_id* as a search hit (None if gone)."""
    with db.read() as session:
        row = session.execute(
            select(*_RESIDENT_COLUMNS)
            .join(Household, Household.id == Member.household_id)
            .where(Member.id == member_id, Member.deleted.is_(False))
        ).first()
    return ResidentHit(*row) if row else None
