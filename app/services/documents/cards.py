"""Household 家庭积分卡 and 志愿者证: the card faces and their PDF — one card-sized
page for a single card, A4 sheets of eight for several.

Issuing is a write: the cards of a batch are issued (or, for 补办, reissued:
the old card is revoked) in one transaction, then laid out.  A reprint
(:func:`reprint_household_cards`, :func:`reprint_volunteer_cards`, what
``main.py print cards`` does) prints the subjects' current cards as they are:
it never issues, revokes or logs anything, and refuses a subject with no card.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from app.db import Database
from app.errors import NotFound
from app.i18n import QT_TRANSLATE_NOOP
from app.models import Station
from app.models.base import own_station
from app.paths import DataDir
from app.services import cards, households, volunteers
from app.services.auth import Actor, Permission, require
from app.services.cards import CardKind, IssuedCard
from app.services.keys import card_key

if TYPE_CHECKING:
    from app.printing.cards import CardData

PER_SHEET = 8


def layout(faces: Sequence[CardData]) -> bytes:
    """One card-sized page for one face, A4 sheets of eight for several."""
    from app.printing.cards import render_card, render_cards

    if len(faces) == 1:
        return render_card(faces[0], "card")
    return render_cards(faces, per_page=PER_SHEET)


def _serial_line(card: IssuedCard) -> list[str]:
    return [f"第 {card.serial} 张卡"] if card.serial > 1 else []


def _station_name(session: Session) -> str:
    station = session.get(Station, own_station(session))
    if station is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This station is not set up yet."))
    return station.name


def household_faces_in(session: Session, issued: Sequence[IssuedCard]) -> list[CardData]:
    """Step: the faces of the households' cards, read in the action's transaction."""
    from app.printing.cards import CardData

    station_name = _station_name(session)
    faces = []
    for card in issued:
        h = households.get_household_row(session, card.subject_id)
        extra = [h.group_name] if h.group_name else []
        faces.append(
            CardData(
                kind_label="家庭积分卡",
                title_line=station_name,
                name=h.head_name,
                number=h.number,
                extra_lines=extra + _serial_line(card),
                payload=card.payload,
            )
        )
    return faces


def volunteer_faces_in(
    session: Session, photos_root: Path, issued: Sequence[IssuedCard]
) -> list[CardData]:
    """Step: the faces of the volunteers' cards, read in the action's transaction."""
    from app.printing.cards import CardData

    station_name = _station_name(session)
    faces = []
    for card in issued:
        v = volunteers.volunteer_view(
            session, volunteers.get_volunteer_row(session, card.subject_id)
        )
        photo = Path(photos_root).joinpath(*v.photo_path.split("/")) if v.photo_path else None
        faces.append(
            CardData(
                kind_label="志愿者证",
                title_line=station_name,
                name=v.name,
                number=v.number,
                extra_lines=[t.name for t in v.teams[:2]] + _serial_line(card),
                payload=card.payload,
                photo_path=photo,
            )
        )
    return faces


def household_cards_pdf(
    db: Database,
    actor: Actor,
    data_dir: DataDir,
    household_ids: Sequence[str],
    *,
    reissue: bool = False,
    reason: str = "",
) -> bytes:
    """Issue (or reissue) the households' cards and read their faces in one transaction,
    then lay them out (after the commit: rendering holds no lock)."""
    require(actor, Permission.DAILY_WORK)
    key = card_key(data_dir.keys)
    with db.write() as session:
        issued = cards.issue_cards_in(
            session, actor, key, CardKind.HOUSEHOLD, household_ids, reissue=reissue, reason=reason
        )
        faces = household_faces_in(session, issued)
    return layout(faces)


def volunteer_cards_pdf(
    db: Database,
    actor: Actor,
    data_dir: DataDir,
    volunteer_ids: Sequence[str],
    *,
    reissue: bool = False,
    reason: str = "",
) -> bytes:
    """Issue (or reissue) the volunteers' cards and read their faces in one transaction,
    then lay them out (after the commit: rendering holds no lock)."""
    require(actor, Permission.DAILY_WORK)
    key = card_key(data_dir.keys)
    with db.write() as session:
        issued = cards.issue_cards_in(
            session,
            actor,
            key,
            CardKind.VOLUNTEER,
            volunteer_ids,
            reissue=reissue,
            reason=reason,
            check=volunteers.check_card_subject,
        )
        faces = volunteer_faces_in(session, data_dir.photos, issued)
    return layout(faces)


def _current_in(
    session: Session, key: bytes, kind: CardKind, ids: Sequence[str], numbers: Sequence[str]
) -> list[IssuedCard]:
    out = []
    for card, number in zip(cards.current_cards_in(session, key, kind, ids), numbers, strict=True):
        if card is None:
            raise NotFound(
                QT_TRANSLATE_NOOP(
                    "errors", "{number} has no card yet; issue its card in the app first."
                ),
                number=number,
            )
        out.append(card)
    return out


def reprint_household_cards(db: Database, data_dir: DataDir, numbers: Sequence[str]) -> bytes:
    """The current cards of the households numbered *numbers* (户号), unchanged."""
    ids = []
    for number in numbers:
        h = households.find_by_number(db, number)
        if h is None:
            raise NotFound(
                QT_TRANSLATE_NOOP("errors", "No household numbered {number}."), number=number
            )
        ids.append(h.id)
    key = card_key(data_dir.keys)
    with db.read() as session:
        issued = _current_in(session, key, CardKind.HOUSEHOLD, ids, numbers)
        faces = household_faces_in(session, issued)
    return layout(faces)


def reprint_volunteer_cards(db: Database, data_dir: DataDir, numbers: Sequence[str]) -> bytes:
    """The current cards of the volunteers numbered *numbers*, unchanged."""
    ids = []
    for number in numbers:
        v = volunteers.find_by_number(db, number)
        if v is None:
            raise NotFound(
                QT_TRANSLATE_NOOP("errors", "No volunteer numbered {number}."), number=number
            )
        ids.append(v.id)
    key = card_key(data_dir.keys)
    with db.read() as session:
        issued = _current_in(session, key, CardKind.VOLUNTEER, ids, numbers)
        faces = volunteer_faces_in(session, data_dir.photos, issued)
    return layout(faces)
