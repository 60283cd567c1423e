"""户籍档案 — households and their members: register, edit, read one.

Every function here is one user action.  Results are plain dataclasses that
carry only the *masked* ID number and phone (DESIGN §3); the full values are
returned by :func:`member_personal` alone, which records who looked.  Audit
summaries use the masked forms too, because the audit log is synced.  The
small helpers at the top (pinyin initials, the natural order of household
numbers and of 村民小组 names) are what every list of households sorts and
searches by.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date

from pypinyin import Style, lazy_pinyin
from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from app.db import Database
from app.errors import NotFound, ValidationError
from app.i18n import QT_TRANSLATE_NOOP
from app.models import Household, Member, VolunteerAccount
from app.models.base import STATION_ID
from app.services import audit, personal, text_input
from app.services.auth import Actor, Permission, require

HEAD_RELATION = "户主"
_SEX_WORDS = {"男": "M", "女": "F", "M": "M", "F": "F", "m": "M", "f": "F", "": ""}


def initials(text: str) -> str:
    """Lower-case pinyin initials of *text*: ``张三`` -> ``zs``; Latin letters are kept."""
    parts = lazy_pinyin(text, style=Style.FIRST_LETTER, errors="default")
    return "".join(c for c in "".join(parts).lower() if c.isascii() and c.isalnum())[:30]


def number_sort_key(number: str) -> str:
    """Natural sort key for a 户号: digit runs are zero-padded (``2`` before ``10``)."""
    return re.sub(r"\d+", lambda m: m.group().zfill(8), number)[:60]


_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_NUMERAL_RUN = re.compile(r"\d+|[零〇一二两三四五六七八九十百千]+")


def chinese_numeral_value(text: str) -> int:
    """``十一`` -> 11, ``二十`` -> 20, ``一百零五`` -> 105, ``三`` -> 3."""
    total = current = 0
    after_digit = False
    for ch in text:
        if ch in _CN_DIGITS:  # 二〇二四: digits in a row read as a number
            current = current * 10 + _CN_DIGITS[ch] if after_digit else _CN_DIGITS[ch]
            after_digit = True
        else:
            total += (current or 1) * _CN_UNITS[ch]
            current, after_digit = 0, False
    return total + current


def group_sort_key(name: str) -> tuple[str, str]:
    """Natural order of village groups: 第一, 第二, … 第十, 第十一; 1组, 2组, 10组."""

    def padded(m: re.Match[str]) -> str:
        run = m.group()
        value = int(run) if run.isdigit() else chinese_numeral_value(run)
        return f"{value:08d}"

    return _NUMERAL_RUN.sub(padded, name), name


def sort_groups(names: Iterable[str]) -> list[str]:
    """Distinct non-empty group names in natural order (every list of groups uses this)."""
    return sorted({n for n in names if n}, key=group_sort_key)


@dataclass(frozen=True)
class MemberData:
    """What a person types into the member form (full values; validated here)."""

    name: str
    relation: str = ""
    sex: str = ""  # "M", "F", "男", "女" or ""
    birth_date: date | None = None
    id_number: str = ""
    phone: str = ""


@dataclass(frozen=True)
class HouseholdData:
    """The household form (the head is a :class:`MemberData`)."""

    number: str
    group_name: str = ""
    address: str = ""
    phone: str | None = ""  # None when editing: keep the stored number (shown masked)
    note: str = ""


@dataclass(frozen=True)
class MemberView:
    id: str
    household_id: str
    name: str
    relation: str
    is_head: bool
    sex: str
    birth_date: date | None
    id_masked: str
    phone_masked: str
    active: bool
    left_reason: str = ""


@dataclass(frozen=True)
class HouseholdView:
    id: str
    number: str
    head_name: str
    group_name: str
    address: str
    phone_masked: str
    balance: int
    rating: str
    active: bool
    note: str = ""
    members: tuple[MemberView, ...] = field(default=())


def _member_view(m: Member) -> MemberView:
    return MemberView(
        id=m.id,
        household_id=m.household_id,
        name=m.name,
        relation=m.relation,
        is_head=m.is_head,
        sex=m.sex,
        birth_date=m.birth_date,
        id_masked=m.id_masked,
        phone_masked=m.phone_masked,
        active=m.active,
        left_reason=m.left_reason,
    )


def _household_view(h: Household, members: list[Member] | None = None) -> HouseholdView:
    return HouseholdView(
        id=h.id,
        number=h.number,
        head_name=h.head_name,
        group_name=h.group_name,
        address=h.address,
        phone_masked=h.phone_masked,
        balance=h.balance,
        rating=h.rating,
        active=h.active,
        note=h.note,
        members=tuple(_member_view(m) for m in members or ()),
    )


def _public_member(m: Member) -> dict[str, object]:
    """A member as the (synced) audit log may show it: masked."""
    return {
        "name": m.name,
        "relation": m.relation,
        "sex": m.sex,
        "birth_date": m.birth_date.isoformat() if m.birth_date else "",
        "id": m.id_masked,
        "phone": m.phone_masked,
        "active": m.active,
    }


def _public_household(h: Household) -> dict[str, object]:
    return {
        "number": h.number,
        "head": h.head_name,
        "group": h.group_name,
        "address": h.address,
        "phone": h.phone_masked,
        "active": h.active,
    }


@dataclass(frozen=True)
class CleanMember:
    name: str
    relation: str
    sex: str
    birth_date: date | None
    id_number: str
    phone: str


def clean_member(data: MemberData, *, today: date | None = None) -> CleanMember:
    """Validate a member form; raises :class:`ValidationError` naming the first problem."""
    today = today or date.today()
    name = " ".join(data.name.split())
    if not name:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Please enter the person's name."))
    if len(name) > 50:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A name can have at most 50 characters."))
    relation = data.relation.strip()[:20]
    if data.sex.strip() not in _SEX_WORDS:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Sex must be male, female or empty."))
    sex = _SEX_WORDS[data.sex.strip()]
    id_number = (
        personal.normalize_id_number(data.id_number, today=today)
        if str(data.id_number).strip()
        else ""
    )
    phone = personal.normalize_phone(data.phone) if str(data.phone).strip() else ""
    birth = data.birth_date
    if birth is not None and (birth > today or birth.year < 1900):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The birth date is not a real date."))
    if id_number:
        id_birth = personal.id_birth_date(id_number)
        if birth is not None and birth != id_birth:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "errors", "The birth date does not match the one in the ID number."
                )
            )
        birth = id_birth
        id_sex = personal.id_sex(id_number)
        if sex and sex != id_sex:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "The sex does not match the one in the ID number.")
            )
        sex = id_sex
    return CleanMember(name, relation, sex, birth, id_number, phone)


def _clean_household(data: HouseholdData) -> HouseholdData:
    number = data.number.strip().upper()
    if not number:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Please enter the household number."))
    if len(number) > 20 or any(c.isspace() for c in number):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A household number has 1–20 characters without spaces.")
        )
    if data.phone is None:
        phone: str | None = None
    else:
        phone = personal.normalize_phone(data.phone) if data.phone.strip() else ""
    return HouseholdData(
        number=number,
        group_name=data.group_name.strip()[:50],
        address=data.address.strip()[:200],
        phone=phone,
        note=data.note.strip(),
    )


def _check_number_free(session: Session, number: str, except_id: str | None = None) -> None:
    query = select(Household.id).where(
        Household.station_id == session.info.get(STATION_ID), Household.number == number
    )
    if except_id:
        query = query.where(Household.id != except_id)
    if session.scalar(query.limit(1)) is not None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Household number {number} is already in use."),
            number=number,
        )


def _check_id_free(session: Session, id_hash: str, except_id: str | None = None) -> None:
    if not id_hash:
        return
    query = (
        select(Member.name, Household.number)
        .join(Household, Household.id == Member.household_id)
        .where(Member.id_hash == id_hash, Member.active.is_(True))
    )
    if except_id:
        query = query.where(Member.id != except_id)
    found = session.execute(query.limit(1)).first()
    if found is not None:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "This ID number is already registered to {name} of household {number}."
            ),
            name=found[0],
            number=found[1],
        )


def _apply_member(session: Session, member: Member, clean: CleanMember) -> None:
    member.name = clean.name
    member.initials = initials(clean.name)
    member.relation = clean.relation
    member.sex = clean.sex
    member.birth_date = clean.birth_date
    member.id_number = clean.id_number
    member.id_masked = personal.mask_id(clean.id_number)
    member.id_hash = personal.id_hash(session, clean.id_number)
    member.phone = clean.phone
    member.phone_masked = personal.mask_phone(clean.phone)
    member.phone_tail = personal.phone_tail(clean.phone)


def _apply_household(household: Household, data: HouseholdData) -> None:
    household.number = data.number
    household.number_sort = number_sort_key(data.number)
    household.group_name = data.group_name
    household.address = data.address
    if data.phone is not None:
        household.phone = data.phone
        household.phone_masked = personal.mask_phone(data.phone)
        household.phone_tail = personal.phone_tail(data.phone)
    household.note = data.note


def _set_head_cache(household: Household, head: Member) -> None:
    household.head_member_id = head.id
    household.head_name = head.name
    household.head_initials = initials(head.name)


def village_households() -> ColumnElement[bool]:
    """A condition on ``Household``: a household of the village, not the points file of a
    volunteer from outside (志愿者积分银行, app.services.volunteers.bank) — those get no
    基础分 and stand in no household ranking or rating."""
    return Household.id.not_in(select(VolunteerAccount.household_id))


def get_household_row(session: Session, household_id: str) -> Household:
    household = session.get(Household, household_id)
    if household is None or household.deleted:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "No such household."))
    return household


def _get_member(session: Session, member_id: str) -> Member:
    member = session.get(Member, member_id)
    if member is None or member.deleted:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "No such resident."))
    return member


def add_household(
    session: Session, actor: Actor, data: HouseholdData, head: MemberData
) -> Household:
    """Step of a larger action (create, roster import): a household and its head."""
    data = _clean_household(data)
    clean = clean_member(head)
    _check_number_free(session, data.number)
    household = Household(balance=0, rating="", active=True, head_name="", head_initials="")
    _apply_household(household, data)
    session.add(household)
    session.flush()
    member = Member(household_id=household.id, is_head=True, active=True, left_reason="")
    _apply_member(session, member, replace_relation(clean, HEAD_RELATION))
    _check_id_free(session, member.id_hash)
    session.add(member)
    session.flush()
    _set_head_cache(household, member)
    audit.record(
        session,
        actor,
        "household.create",
        "household",
        household.id,
        after={**_public_household(household), "head_member": _public_member(member)},
    )
    return household


def replace_relation(clean: CleanMember, relation: str) -> CleanMember:
    return CleanMember(
        clean.name, relation, clean.sex, clean.birth_date, clean.id_number, clean.phone
    )


def create_household(
    db: Database, actor: Actor, data: HouseholdData, head: MemberData
) -> HouseholdView:
    """Register a household with its head (户主)."""
    require(actor, Permission.DAILY_WORK)
    with db.write() as session:
        household = add_household(session, actor, data, head)
        return _household_view(household, _members(session, household.id))


def update_household(
    db: Database,
    actor: Actor,
    household_id: str,
    data: HouseholdData,
    *,
    blank_phone_keeps: bool = False,
) -> HouseholdView:
    """Change a household's facts.  With *blank_phone_keeps* (the edit form, which
    shows the phone masked) an empty phone keeps the stored number."""
    require(actor, Permission.DAILY_WORK)
    data = _clean_household(data)
    with db.write() as session:
        household = get_household_row(session, household_id)
        if blank_phone_keeps and not (data.phone or "").strip() and household.phone:
            data = replace(data, phone=None)
        _check_number_free(session, data.number, except_id=household.id)
        before = _public_household(household)
        _apply_household(household, data)
        audit.record(
            session,
            actor,
            "household.update",
            "household",
            household.id,
            before=before,
            after=_public_household(household),
        )
        return _household_view(household, _members(session, household.id))


def set_household_active(
    db: Database, actor: Actor, household_id: str, active: bool, reason: str = ""
) -> HouseholdView:
    """Close a household file (moved away, merged) or reopen it; the ledger stays."""
    require(actor, Permission.DAILY_WORK)
    with db.write() as session:
        household = get_household_row(session, household_id)
        if household.active == active:
            return _household_view(household, _members(session, household.id))
        household.active = active
        audit.record(
            session,
            actor,
            "household.reopen" if active else "household.close",
            "household",
            household.id,
            before={"active": not active},
            after={"active": active, "reason": reason.strip()},
        )
        return _household_view(household, _members(session, household.id))


def insert_member(session: Session, household: Household, clean: CleanMember) -> Member:
    """Step of a larger action (roster import): add a non-head member, checking the ID."""
    member = Member(household_id=household.id, is_head=False, active=True, left_reason="")
    _apply_member(session, member, clean)
    _check_id_free(session, member.id_hash)
    session.add(member)
    session.flush()
    return member


def add_member(db: Database, actor: Actor, household_id: str, data: MemberData) -> MemberView:
    require(actor, Permission.DAILY_WORK)
    clean = clean_member(data)
    if clean.relation == HEAD_RELATION:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "A household has one head. Use “Make head” to change the head."
            )
        )
    with db.write() as session:
        household = get_household_row(session, household_id)
        member = insert_member(session, household, clean)
        audit.record(
            session,
            actor,
            "member.create",
            "member",
            member.id,
            after={"household": household.number, **_public_member(member)},
        )
        return _member_view(member)


def update_member(db: Database, actor: Actor, member_id: str, data: MemberData) -> MemberView:
    """Replace a member's details with the form's (an empty ID/phone clears it)."""
    require(actor, Permission.DAILY_WORK)
    clean = clean_member(data)
    with db.write() as session:
        member = _get_member(session, member_id)
        if member.is_head:
            clean = replace_relation(clean, HEAD_RELATION)
        elif clean.relation == HEAD_RELATION:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "errors", "A household has one head. Use “Make head” to change the head."
                )
            )
        before = _public_member(member)
        _apply_member(session, member, clean)
        _check_id_free(session, member.id_hash, except_id=member.id)
        if member.is_head:
            _set_head_cache(get_household_row(session, member.household_id), member)
        audit.record(
            session,
            actor,
            "member.update",
            "member",
            member.id,
            before=before,
            after=_public_member(member),
        )
        return _member_view(member)


def set_head(db: Database, actor: Actor, member_id: str, old_head_relation: str = "") -> MemberView:
    """Make *member_id* the head of its household (户主变更)."""
    require(actor, Permission.DAILY_WORK)
    with db.write() as session:
        member = _get_member(session, member_id)
        if not member.active:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "A resident who has left cannot be the head.")
            )
        household = get_household_row(session, member.household_id)
        old = session.get(Member, household.head_member_id) if household.head_member_id else None
        if old is not None and old.id != member.id:
            old.is_head = False
            old.relation = old_head_relation.strip()[:20]
        member.is_head = True
        member.relation = HEAD_RELATION
        _set_head_cache(household, member)
        audit.record(
            session,
            actor,
            "household.set_head",
            "household",
            household.id,
            before={"head": old.name if old else ""},
            after={"head": member.name},
        )
        return _member_view(member)


def deactivate_member(db: Database, actor: Actor, member_id: str, reason: str) -> MemberView:
    """A resident leaves the household (迁出, 去世...): kept, marked inactive."""
    require(actor, Permission.DAILY_WORK)
    reason = reason.strip()
    if not reason:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Please give a reason."))
    with db.write() as session:
        member = _get_member(session, member_id)
        if member.is_head:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "errors", "This is the head of the household. Make someone else head first."
                )
            )
        if not member.active:
            return _member_view(member)
        member.active = False
        member.left_reason = reason[:100]
        audit.record(
            session,
            actor,
            "member.deactivate",
            "member",
            member.id,
            before={"active": True},
            after={"active": False, "reason": member.left_reason},
        )
        return _member_view(member)


def member_personal(db: Database, actor: Actor, member_id: str) -> tuple[str, str]:
    """The full ID number and phone of a member, for the edit form; the look is audited."""
    require(actor, Permission.DAILY_WORK)
    with db.write() as session:
        member = _get_member(session, member_id)
        audit.record(session, actor, "member.reveal", "member", member.id)
        return member.id_number, member.phone


def _members(session: Session, household_id: str) -> list[Member]:
    return list(
        session.scalars(
            select(Member)
            .where(Member.household_id == household_id, Member.deleted.is_(False))
            .order_by(Member.is_head.desc(), Member.active.desc(), Member.created_at)
        )
    )


def get_household(db: Database, household_id: str) -> HouseholdView:
    with db.read() as session:
        household = get_household_row(session, household_id)
        return _household_view(household, _members(session, household.id))


def find_by_number(db: Database, number: str) -> HouseholdView | None:
    with db.read() as session:
        household = session.scalar(
            select(Household).where(
                Household.station_id == session.info.get(STATION_ID),
                Household.number == text_input.clean_search(number).upper(),
                Household.deleted.is_(False),
            )
        )
        return _household_view(household) if household else None


def list_groups(db: Database) -> list[str]:
    """The village groups (村民小组) in use, for filters and the roster import."""
    with db.read() as session:
        return sort_groups(session.scalars(select(Household.group_name).distinct()))
