"""志愿者 — volunteers: registration, numbers, search and the list, photos, cards, and
the volunteer policy's names (teams and sub-records are in .teams and .records).

DOMAIN "Volunteers and service hours".  A volunteer's name, sex, birth date, ID
number and phone are validated by the same rules as a resident's
(app.services.households.clean_member, app.services.personal): a 居民身份证
number is checked (GB 11643) and fixes birth date and sex; other ID types
(passports, 港澳/台湾 permits) are checked for shape only.  Every view shows
the masked forms; the full values are read only by :func:`volunteer_personal`,
which is audited.

**志愿者编号** is ``<last 6 digits of the station code>-V-<5-digit sequence>``,
e.g. ``101001-V-00042``: the station code's last six digits are its township
and village numbers, so numbers stay unique across the township's stations and
a volunteer can read theirs out; the sequence is the station's next number under
the write lock (``BEGIN IMMEDIATE``), never reused.

**Search** (:func:`search_volunteers`) reads what a worker typed like the
households search: a volunteer number or its digits (prefix), four digits (also
the phone's last four), letters (pinyin initials, ``zs`` finds 张三), a scanned
card payload (``WB1:V:...``, through the one card resolver: a forged, revoked,
foreign or household card raises its own error), otherwise a name substring.

**Policy**: the thresholds a township may change (categories, quotas, kiosk
windows, rounding, star thresholds, per-day caps) are one :class:`VolunteerPolicy`
value, declared with the points rules in app.services.policy and stored in the
database.  Every service that needs it reads it in its own transaction with
:func:`load_policy`.

**Photo**: a volunteer may have a card photo (:func:`set_volunteer_photo`),
copied like a goods photo into ``<data>/photos/volunteers/<volunteer id>/``
(app.services.photos) and named by its path relative to the photos folder, so
backups carry it; the printed card shows it (the ``card_photo`` layout).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from app.db import Database
from app.errors import NotFound, ValidationError
from app.i18n import QT_TRANSLATE_NOOP
from app.models import (
    Member,
    TeamMembership,
    Volunteer,
    VolunteerStatus,
    VolunteerTeam,
)
from app.models.base import STATION_ID, own_station
from app.services import audit, cards, numbering, personal, photos, text_input
from app.services import policy as policy_home
from app.services.auth import Actor, Permission, require
from app.services.households import MemberData, clean_member, initials
from app.services.policy import VolunteerPolicy

MAX_SEARCH_LIMIT = 200
MAX_FETCH = 1000


ID_CARD = "id_card"
ID_TYPES: dict[str, str] = {
    ID_CARD: QT_TRANSLATE_NOOP("id_types", "Resident ID card"),
    "hk_macao": QT_TRANSLATE_NOOP("id_types", "Mainland travel permit (Hong Kong/Macao)"),
    "taiwan": QT_TRANSLATE_NOOP("id_types", "Mainland travel permit (Taiwan)"),
    "passport": QT_TRANSLATE_NOOP("id_types", "Passport"),
    "foreign_pr": QT_TRANSLATE_NOOP("id_types", "Foreigner's permanent residence ID"),
}
ID_TYPE_NAMES_ZH = {
    ID_CARD: "居民身份证",
    "hk_macao": "港澳居民来往内地通行证",
    "taiwan": "台湾居民来往大陆通行证",
    "passport": "护照",
    "foreign_pr": "外国人永久居留身份证",
}
_OTHER_ID = re.compile(r"^[A-Z0-9]{5,30}$")
_NUMBER = re.compile(r"^\d{6}-V-\d{5}$")
_SEP = "|"


# --- policy (declared in app.services.policy; these names are kept for the callers) ---


def load_policy(session: Session) -> VolunteerPolicy:
    return policy_home.load_volunteer_policy(session)


def get_policy(db: Database) -> VolunteerPolicy:
    return policy_home.get_volunteer_policy(db)


def save_policy(db: Database, actor: Actor, policy: VolunteerPolicy) -> VolunteerPolicy:
    return policy_home.set_volunteer_policy(db, actor, policy)


# --- inputs and views --------------------------------------------------------------------


@dataclass(frozen=True)
class VolunteerData:
    """The volunteer form (full ID number and phone; validated here)."""

    name: str
    sex: str = ""  # "M", "F", "男", "女" or ""
    birth_date: date | None = None
    id_type: str = ID_CARD
    id_number: str = ""
    phone: str = ""
    group_name: str = ""
    address: str = ""
    skills: tuple[str, ...] = ()
    service_categories: tuple[str, ...] = ()
    member_id: str | None = None
    joined_on: date | None = None
    note: str = ""


@dataclass(frozen=True)
class TeamRef:
    id: str
    name: str
    role: str = ""


@dataclass(frozen=True)
class VolunteerView:
    id: str
    number: str
    name: str
    sex: str
    birth_date: date | None
    id_type: str
    id_masked: str
    phone_masked: str
    group_name: str
    address: str
    skills: tuple[str, ...]
    service_categories: tuple[str, ...]
    member_id: str | None
    status: str
    joined_on: date | None
    note: str
    approved_minutes: int
    star_level: int
    teams: tuple[TeamRef, ...] = field(default=())
    photo_path: str | None = None  # relative to the photos folder, "/"-separated

    @property
    def approved_hours(self) -> float:
        return self.approved_minutes / 60

    @property
    def active(self) -> bool:
        return self.status == VolunteerStatus.ACTIVE.value


@dataclass(frozen=True)
class VolunteerHit:
    """One line of the volunteers list or the search drop-down."""

    id: str
    number: str
    name: str
    sex: str
    group_name: str
    phone_masked: str
    status: str
    approved_minutes: int
    star_level: int


@dataclass(frozen=True)
class VolunteerFilter:
    text: str = ""
    team_id: str = ""
    category: str = ""
    group_name: str = ""
    min_star: int = 0
    include_inactive: bool = False


@dataclass(frozen=True)
class TeamData:
    name: str
    category: str = ""
    leader_name: str = ""
    description: str = ""
    sort_order: int = 0


@dataclass(frozen=True)
class TeamView:
    id: str
    name: str
    category: str
    leader_name: str
    description: str
    active: bool
    sort_order: int
    member_count: int = 0


@dataclass(frozen=True)
class TrainingView:
    id: str
    held_on: date
    title: str
    organizer: str
    minutes: int
    note: str


@dataclass(frozen=True)
class AwardView:
    id: str
    awarded_on: date
    title: str
    level: str
    issuer: str
    note: str


@dataclass(frozen=True)
class EvaluationView:
    id: str
    period: str
    rating: str
    comment: str
    evaluator: str


@dataclass(frozen=True)
class VolunteerRecords:
    """The sub-records of one volunteer (培训、表彰奖励、评价)."""

    trainings: tuple[TrainingView, ...]
    awards: tuple[AwardView, ...]
    evaluations: tuple[EvaluationView, ...]


def _split(text: str) -> tuple[str, ...]:
    return tuple(t for t in text.split(_SEP) if t)


def _join(values: tuple[str, ...] | list[str]) -> str:
    cleaned = [" ".join(v.replace(_SEP, " ").split())[:30] for v in values]
    return _SEP.join(dict.fromkeys(v for v in cleaned if v))


def _teams_of(session: Session, volunteer_id: str) -> tuple[TeamRef, ...]:
    rows = session.execute(
        select(VolunteerTeam.id, VolunteerTeam.name, TeamMembership.role)
        .join(TeamMembership, TeamMembership.team_id == VolunteerTeam.id)
        .where(
            TeamMembership.volunteer_id == volunteer_id,
            TeamMembership.active.is_(True),
            TeamMembership.deleted.is_(False),
        )
        .order_by(VolunteerTeam.sort_order, VolunteerTeam.name)
    ).all()
    return tuple(TeamRef(r[0], r[1], r[2]) for r in rows)


def _teams_of_many(session: Session, volunteer_ids: list[str]) -> dict[str, tuple[TeamRef, ...]]:
    """:func:`_teams_of` for a page of volunteers in one query."""
    found: dict[str, list[TeamRef]] = {}
    if not volunteer_ids:
        return {}
    rows = session.execute(
        select(
            TeamMembership.volunteer_id, VolunteerTeam.id, VolunteerTeam.name, TeamMembership.role
        )
        .join(TeamMembership, TeamMembership.team_id == VolunteerTeam.id)
        .where(
            TeamMembership.volunteer_id.in_(volunteer_ids),
            TeamMembership.active.is_(True),
            TeamMembership.deleted.is_(False),
        )
        .order_by(VolunteerTeam.sort_order, VolunteerTeam.name)
    ).all()
    for vid, tid, name, role in rows:
        found.setdefault(vid, []).append(TeamRef(tid, name, role))
    return {vid: tuple(refs) for vid, refs in found.items()}


def volunteer_view(
    session: Session, v: Volunteer, teams: tuple[TeamRef, ...] | None = None
) -> VolunteerView:
    return VolunteerView(
        id=v.id,
        number=v.number,
        name=v.name,
        sex=v.sex,
        birth_date=v.birth_date,
        id_type=v.id_type,
        id_masked=v.id_masked,
        phone_masked=v.phone_masked,
        group_name=v.group_name,
        address=v.address,
        skills=_split(v.skills),
        service_categories=_split(v.service_categories),
        member_id=v.member_id,
        status=v.status,
        joined_on=v.joined_on,
        note=v.note,
        approved_minutes=v.approved_minutes,
        star_level=v.star_level,
        teams=_teams_of(session, v.id) if teams is None else teams,
        photo_path=v.photo_path,
    )


def _public(v: Volunteer) -> dict[str, object]:
    """A volunteer as the (synced) audit log may show it: masked."""
    return {
        "number": v.number,
        "name": v.name,
        "sex": v.sex,
        "birth_date": v.birth_date.isoformat() if v.birth_date else "",
        "id_type": v.id_type,
        "id": v.id_masked,
        "phone": v.phone_masked,
        "group": v.group_name,
        "address": v.address,
        "skills": v.skills,
        "categories": v.service_categories,
        "member_id": v.member_id or "",
        "status": v.status,
    }


# --- validation ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Clean:
    name: str
    sex: str
    birth_date: date | None
    id_type: str
    id_number: str
    phone: str


def _clean(data: VolunteerData, policy: VolunteerPolicy, today: date | None = None) -> _Clean:
    id_type = data.id_type or ID_CARD
    if id_type not in ID_TYPES:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Please choose the type of ID."))
    raw_id = str(data.id_number or "").strip()
    is_card = id_type == ID_CARD
    person = clean_member(
        MemberData(
            name=data.name,
            sex=data.sex,
            birth_date=data.birth_date,
            id_number=raw_id if is_card else "",
            phone=data.phone,
        ),
        today=today,
    )
    id_number = person.id_number
    if raw_id and not is_card:
        id_number = raw_id.upper().replace(" ", "").replace("-", "")
        if not _OTHER_ID.match(id_number):
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "errors", "This ID number should have 5–30 Latin letters and digits."
                )
            )
    unknown = [c for c in data.service_categories if c.strip() not in policy.team_categories]
    if unknown:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "“{category}” is not one of the service categories."),
            category=unknown[0],
        )
    return _Clean(
        person.name,
        person.sex,
        person.birth_date,
        id_type if id_number else "",
        id_number,
        person.phone,
    )


def check_volunteer_data(
    data: VolunteerData, policy: VolunteerPolicy, *, today: date | None = None
) -> str:
    """Check a volunteer form as :func:`add_volunteer` would, writing nothing.

    Raises :class:`ValidationError` naming the first problem; returns the
    normalised ID number ("" for none), e.g. to look for duplicates.
    """
    return _clean(data, policy, today).id_number


def _check_duplicate_id(session: Session, id_hash: str, except_id: str | None = None) -> None:
    if not id_hash:
        return
    query = select(Volunteer.name, Volunteer.number).where(
        Volunteer.id_hash == id_hash, Volunteer.deleted.is_(False)
    )
    if except_id:
        query = query.where(Volunteer.id != except_id)
    found = session.execute(query.limit(1)).first()
    if found is not None:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "This ID number is already registered to volunteer {name} ({number})."
            ),
            name=found[0],
            number=found[1],
        )


def _check_member(session: Session, member_id: str | None, except_id: str | None = None) -> None:
    if not member_id:
        return
    member = session.get(Member, member_id)
    if member is None or member.deleted:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "No such resident."))
    query = select(Volunteer.number).where(
        Volunteer.member_id == member_id, Volunteer.deleted.is_(False)
    )
    if except_id:
        query = query.where(Volunteer.id != except_id)
    number = session.scalar(query.limit(1))
    if number is not None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "{name} is already registered as volunteer {number}."),
            name=member.name,
            number=number,
        )


def _apply(session: Session, v: Volunteer, clean: _Clean, data: VolunteerData) -> None:
    v.name = clean.name
    v.initials = initials(clean.name)
    v.sex = clean.sex
    v.birth_date = clean.birth_date
    v.id_type = clean.id_type
    v.id_number = clean.id_number
    v.id_masked = personal.mask_id(clean.id_number)
    v.id_hash = personal.id_hash(session, clean.id_number)
    v.phone = clean.phone
    v.phone_masked = personal.mask_phone(clean.phone)
    v.phone_tail = personal.phone_tail(clean.phone)
    v.group_name = data.group_name.strip()[:50]
    v.address = data.address.strip()[:200]
    v.skills = _join(list(data.skills))
    v.service_categories = _join([c.strip() for c in data.service_categories])
    v.member_id = data.member_id or None
    v.joined_on = data.joined_on
    v.note = data.note.strip()


def _next_number(session: Session) -> tuple[str, int]:
    n = numbering.next_number(session, own_station(session), numbering.Series.VOLUNTEER)
    return n.text, n.seq


def get_volunteer_row(session: Session, volunteer_id: str) -> Volunteer:
    v = session.get(Volunteer, volunteer_id)
    if v is None or v.deleted:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "No such volunteer."))
    return v


def _get_team(session: Session, team_id: str) -> VolunteerTeam:
    team = session.get(VolunteerTeam, team_id)
    if team is None or team.deleted:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "No such volunteer team."))
    return team


def _join_team(
    session: Session, team: VolunteerTeam, v: Volunteer, role: str, on: date | None
) -> bool:
    row = session.scalar(
        select(TeamMembership).where(
            TeamMembership.team_id == team.id, TeamMembership.volunteer_id == v.id
        )
    )
    if row is None:
        session.add(
            TeamMembership(team_id=team.id, volunteer_id=v.id, role=role, joined_on=on, active=True)
        )
        return True
    if row.active and not row.deleted and row.role == role:
        return False
    row.active, row.deleted, row.role = True, False, role
    row.joined_on = row.joined_on or on
    return True


# --- volunteers ------------------------------------------------------------------------


def add_volunteer(
    session: Session,
    actor: Actor,
    data: VolunteerData,
    team_ids: tuple[str, ...] = (),
    *,
    today: date | None = None,
) -> Volunteer:
    """Step of a larger action (create, import, demo): register one volunteer."""
    policy = load_policy(session)
    clean = _clean(data, policy, today)
    _check_member(session, data.member_id)
    number, seq = _next_number(session)
    v = Volunteer(
        number=number,
        number_seq=seq,
        status=VolunteerStatus.ACTIVE.value,
        left_reason="",
        approved_minutes=0,
        star_level=0,
    )
    _apply(session, v, clean, data)
    v.joined_on = data.joined_on or today or date.today()
    _check_duplicate_id(session, v.id_hash)
    session.add(v)
    session.flush()
    for team_id in dict.fromkeys(team_ids):
        _join_team(session, _get_team(session, team_id), v, "", v.joined_on)
    audit.record(
        session,
        actor,
        "volunteer.create",
        "volunteer",
        v.id,
        after={**_public(v), "teams": list(dict.fromkeys(team_ids))},
    )
    return v


def create_volunteer(
    db: Database, actor: Actor, data: VolunteerData, team_ids: tuple[str, ...] = ()
) -> VolunteerView:
    """Register a volunteer (志愿者登记), optionally in some teams."""
    require(actor, Permission.DAILY_WORK)
    with db.write() as session:
        v = add_volunteer(session, actor, data, team_ids)
        return volunteer_view(session, v)


def update_volunteer(
    db: Database, actor: Actor, volunteer_id: str, data: VolunteerData
) -> VolunteerView:
    """Replace a volunteer's details with the form's (an empty ID/phone clears it)."""
    require(actor, Permission.DAILY_WORK)
    with db.write() as session:
        v = get_volunteer_row(session, volunteer_id)
        clean = _clean(data, load_policy(session))
        _check_member(session, data.member_id, except_id=v.id)
        before = _public(v)
        joined = v.joined_on
        _apply(session, v, clean, data)
        v.joined_on = data.joined_on or joined
        _check_duplicate_id(session, v.id_hash, except_id=v.id)
        audit.record(
            session, actor, "volunteer.update", "volunteer", v.id, before=before, after=_public(v)
        )
        return volunteer_view(session, v)


def set_volunteer_active(
    db: Database, actor: Actor, volunteer_id: str, active: bool, reason: str = ""
) -> VolunteerView:
    """Mark a volunteer inactive (moved away, withdrew) or active again; records stay."""
    require(actor, Permission.DAILY_WORK)
    status = VolunteerStatus.ACTIVE.value if active else VolunteerStatus.INACTIVE.value
    with db.write() as session:
        v = get_volunteer_row(session, volunteer_id)
        if v.status != status:
            before = v.status
            v.status = status
            v.left_reason = "" if active else reason.strip()[:100]
            audit.record(
                session,
                actor,
                "volunteer.activate" if active else "volunteer.deactivate",
                "volunteer",
                v.id,
                before={"status": before},
                after={"status": status, "reason": v.left_reason},
            )
        return volunteer_view(session, v)


VOLUNTEER_PHOTO_FOLDER = "volunteers"  # <data>/photos/volunteers/<volunteer id>/<new id><suffix>


def set_volunteer_photo(
    db: Database, actor: Actor, photos_root: Path, volunteer_id: str, source: Path | None
) -> VolunteerView:
    """Give a volunteer a copy of the picture *source* as their card photo, or none (``None``).

    Removing the photo only drops the reference: the file stays, because photos
    are write-once and a backup may still name it.
    """
    require(actor, Permission.DAILY_WORK)
    return photos.set_record_photo(
        db,
        actor,
        photos_root,
        source,
        target_type="volunteer",
        folder=f"{VOLUNTEER_PHOTO_FOLDER}/{volunteer_id}",
        load=lambda session: get_volunteer_row(session, volunteer_id),
        view=volunteer_view,
    )


def volunteer_personal(db: Database, actor: Actor, volunteer_id: str) -> tuple[str, str]:
    """The full ID number and phone, for the edit form; the look is audited."""
    require(actor, Permission.DAILY_WORK)
    with db.write() as session:
        v = get_volunteer_row(session, volunteer_id)
        audit.record(session, actor, "volunteer.reveal", "volunteer", v.id)
        return v.id_number, v.phone


def get_volunteer(db: Database, volunteer_id: str) -> VolunteerView:
    with db.read() as session:
        return volunteer_view(session, get_volunteer_row(session, volunteer_id))


def find_by_number(db: Database, number: str) -> VolunteerView | None:
    with db.read() as session:
        v = session.scalar(
            select(Volunteer).where(
                Volunteer.station_id == session.info.get(STATION_ID),
                Volunteer.number == text_input.clean_search(number).upper(),
                Volunteer.deleted.is_(False),
            )
        )
        return volunteer_view(session, v) if v else None


# --- search and the lazy list --------------------------------------------------------------

_HIT_COLUMNS = (
    Volunteer.id,
    Volunteer.number,
    Volunteer.name,
    Volunteer.sex,
    Volunteer.group_name,
    Volunteer.phone_masked,
    Volunteer.status,
    Volunteer.approved_minutes,
    Volunteer.star_level,
)


def _hits(session: Session, query: Select) -> list[VolunteerHit]:
    return [VolunteerHit(*r) for r in session.execute(query).all()]


def search_volunteers(
    db: Database,
    query: str,
    limit: int = 20,
    *,
    include_inactive: bool = False,
    card_key: bytes | None = None,
) -> list[VolunteerHit]:
    """Volunteers matching what a person typed or scanned (see the module docstring)."""
    text = text_input.clean_search(query)
    if not text:
        return []
    limit = max(1, min(limit, MAX_SEARCH_LIMIT))
    found: dict[str, VolunteerHit] = {}

    def base() -> Select:
        q = select(*_HIT_COLUMNS).where(Volunteer.deleted.is_(False))
        if not include_inactive:
            q = q.where(Volunteer.status == VolunteerStatus.ACTIVE.value)
        return q

    def add(query: Select) -> None:
        for hit in _hits(session, query.limit(limit)):
            if len(found) < limit:
                found.setdefault(hit.id, hit)

    with db.read() as session:
        upper = text.upper()
        if cards.looks_like_payload(text):
            if card_key is not None:  # a forged, revoked... card raises the resolver's error
                subject = cards.resolve_in(session, card_key, text, want=cards.CardKind.VOLUNTEER)
                add(base().where(Volunteer.id == subject.subject_id))
            return list(found.values())
        if re.fullmatch(r"[0-9\-V]+", upper) and any(c.isdigit() for c in upper):
            add(
                base()
                .where(text_input.starts_with(Volunteer.number, upper))
                .order_by(Volunteer.number)
            )
            if re.fullmatch(r"\d{1,5}", text):
                # the running number alone: "42" finds ...-V-00042
                add(base().where(Volunteer.number_seq == int(text)))
            if re.fullmatch(r"\d{4}", text):
                add(base().where(Volunteer.phone_tail == text).order_by(Volunteer.number))
        elif re.fullmatch(r"[A-Za-z]+", text):
            add(
                base()
                .where(text_input.starts_with(Volunteer.initials, text.lower()))
                .order_by(Volunteer.number)
            )
        else:
            add(base().where(Volunteer.name == text).order_by(Volunteer.number))
            add(base().where(text_input.contains(Volunteer.name, text)).order_by(Volunteer.number))
    return list(found.values())


def search_card(db: Database, keys_folder: Path, code: str, limit: int = 5) -> list[VolunteerHit]:
    """A card scanned into the volunteers page: its volunteer, inactive ones too (the
    station's card key read here, off the GUI thread).  A forged, revoked, foreign or
    household card raises the card resolver's error, which the page shows."""
    from app.services.keys import card_key

    return search_volunteers(db, code, limit, include_inactive=True, card_key=card_key(keys_folder))


def _filtered(query: Select, flt: VolunteerFilter) -> Select:
    query = query.where(Volunteer.deleted.is_(False))
    if not flt.include_inactive:
        query = query.where(Volunteer.status == VolunteerStatus.ACTIVE.value)
    if flt.group_name:
        query = query.where(Volunteer.group_name == text_input.clean_search(flt.group_name))
    if flt.min_star:
        query = query.where(Volunteer.star_level >= flt.min_star)
    if flt.category:
        query = query.where(
            text_input.contains(
                _SEP + Volunteer.service_categories + _SEP,
                f"{_SEP}{text_input.clean_search(flt.category)}{_SEP}",
            )
        )
    if flt.team_id:
        query = query.where(
            Volunteer.id.in_(
                select(TeamMembership.volunteer_id).where(
                    TeamMembership.team_id == flt.team_id,
                    TeamMembership.active.is_(True),
                    TeamMembership.deleted.is_(False),
                )
            )
        )
    text = text_input.clean_search(flt.text)
    if text:
        query = query.where(
            or_(
                text_input.starts_with(Volunteer.number, text.upper()),
                text_input.starts_with(Volunteer.initials, text.lower()),
                text_input.contains(Volunteer.name, text),
                Volunteer.phone_tail == text,
            )
        )
    return query


def count_volunteers(db: Database, flt: VolunteerFilter | None = None) -> int:
    """How many rows :func:`fetch_volunteers` can return for *flt*."""
    flt = flt or VolunteerFilter()
    with db.read() as session:
        return session.scalar(_filtered(select(func.count()).select_from(Volunteer), flt)) or 0


def fetch_volunteers(
    db: Database, offset: int, limit: int, flt: VolunteerFilter | None = None
) -> list[VolunteerHit]:
    """A window of the volunteers list, in volunteer-number order."""
    flt = flt or VolunteerFilter()
    with db.read() as session:
        query = (
            _filtered(select(*_HIT_COLUMNS), flt)
            .order_by(Volunteer.number_seq, Volunteer.id)
            .offset(max(0, offset))
            .limit(max(0, min(limit, MAX_FETCH)))
        )
        return _hits(session, query)


def fetch_volunteer_views(
    db: Database, offset: int, limit: int, flt: VolunteerFilter | None = None
) -> list[VolunteerView]:
    """A window of the list as full (masked) views with their teams — for exports.

    Same rows and order as :func:`fetch_volunteers`.
    """
    flt = flt or VolunteerFilter()
    with db.read() as session:
        query = (
            _filtered(select(Volunteer), flt)
            .order_by(Volunteer.number_seq, Volunteer.id)
            .offset(max(0, offset))
            .limit(max(0, min(limit, MAX_FETCH)))
        )
        rows = list(session.scalars(query))
        teams = _teams_of_many(session, [v.id for v in rows])
        return [volunteer_view(session, v, teams.get(v.id, ())) for v in rows]


# --- cards ---------------------------------------------------------------------------------


def check_card_subject(session: Session, volunteer_id: str) -> None:
    """An inactive volunteer gets no card (step of a larger action)."""
    v = get_volunteer_row(session, volunteer_id)
    if v.status != VolunteerStatus.ACTIVE.value:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "{name} is marked inactive; make them active before printing a card."
            ),
            name=v.name,
        )


def _check_card_subject(db: Database, volunteer_id: str) -> None:
    with db.read() as session:
        check_card_subject(session, volunteer_id)


def issue_volunteer_card(
    db: Database, actor: Actor, card_key: bytes, volunteer_id: str
) -> cards.IssuedCard:
    """The volunteer's current card (to print again), or a first one."""
    _check_card_subject(db, volunteer_id)
    return cards.issue_card(db, actor, card_key, cards.CardKind.VOLUNTEER, volunteer_id)


def reissue_volunteer_card(
    db: Database, actor: Actor, card_key: bytes, volunteer_id: str, reason: str = ""
) -> cards.IssuedCard:
    """补办: a new card; the old one is revoked and is refused at the kiosk."""
    _check_card_subject(db, volunteer_id)
    return cards.reissue_card(db, actor, card_key, cards.CardKind.VOLUNTEER, volunteer_id, reason)


def issue_volunteer_cards(
    db: Database,
    actor: Actor,
    card_key: bytes,
    volunteer_ids: Sequence[str],
    *,
    reissue: bool = False,
    reason: str = "",
) -> list[cards.IssuedCard]:
    """The cards of several volunteers (or their 补办), in one transaction."""
    return cards.issue_cards(
        db,
        actor,
        card_key,
        cards.CardKind.VOLUNTEER,
        volunteer_ids,
        reissue=reissue,
        reason=reason,
        check=check_card_subject,
    )
