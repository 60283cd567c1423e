"""二维码卡与验证码 — signed QR payloads for cards, slips and certificates (DESIGN §4).

Payload: ``WB1:<kind>:<id>:<mac>``, uppercase A–Z, 2–7 and ``:`` only, so a QR
code stays in alphanumeric mode (smaller, reads better off a worn card):

* ``kind`` — H household card, V volunteer card, R redemption slip,
  C certificate;
* ``id`` — the 16 bytes of the record's UUID in RFC 4648 base32 without
  padding (26 characters).  For cards (H, V) it is the *card's* id, not the
  household's: a reissued card has a new id and the old card is revoked, so a
  lost card stops working while the household keeps its number and ledger;
* ``mac`` — the first 10 base32 characters (50 bits) of
  HMAC-SHA256(card key, ``WB1:<kind>:<id>``).  50 bits is plenty against
  guessing at a counter where each try is a physical scan, and it keeps the
  code small.

The card key is passed in by the caller (app.services.keys.card_key(folder); a
township may distribute a shared one), never read here.

:func:`resolve_in` (:func:`resolve_card` in a transaction of its own) is the one
card resolver: the households search, the counter, the kiosk and the volunteers
page all call it, and it raises a distinct error, with its own message, for
each case: malformed (not our format — e.g. an IME mangled the scan), forged
(bad MAC on one of our cards: edited), foreign (bad MAC on an id we never made:
another township's key), the wrong kind for the place (a household card where
volunteers sign in, a slip's code), unknown (well signed but not in this
database: another station of the township, or a restored backup), another
station's card (its row is here, as on a hub), revoked (replaced by a newer
card, or reported lost).  Keyboard-wedge scanners with Caps Lock
on send lowercase, and a Chinese IME may turn ``:`` into ``：``; both are
normalised before checking.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import re
import unicodedata
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.errors import DomainError, NotFound, ValidationError
from app.i18n import QT_TRANSLATE_NOOP
from app.ids import new_id
from app.models import Card, Household, utcnow
from app.models.base import STATION_ID
from app.services import audit
from app.services.auth import Actor, Permission, require

VERSION = "WB1"
MAC_CHARS = 10
_PAYLOAD = re.compile(r"^WB1:([A-Z]):([A-Z2-7]{26}):([A-Z2-7]{10})$")


class CardKind(StrEnum):
    HOUSEHOLD = "H"
    VOLUNTEER = "V"
    REDEMPTION_SLIP = "R"
    CERTIFICATE = "C"


CARD_KINDS = (CardKind.HOUSEHOLD, CardKind.VOLUNTEER)  # kinds with a Card row


class CardError(DomainError):
    """A scanned code that cannot be used.

    ``reason`` names the case (the kiosk records it); ``kind``, ``card_id`` and
    ``subject_id`` are what the code and the card row said, as far as they were read.
    """

    reason = "card"

    def __init__(
        self,
        message: str,
        *,
        kind: str = "",
        card_id: str | None = None,
        subject_id: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(message, **kwargs)
        self.kind = kind
        self.card_id = card_id
        self.subject_id = subject_id


class MalformedCard(CardError):
    reason = "malformed"


class ForgedCard(CardError):
    """Bad MAC on one of our cards' ids: the card was altered."""

    reason = "forged"


class ForeignCard(ForgedCard):
    """Bad MAC on an id we never made: a card of another township (another key)."""

    reason = "foreign"


class OtherStationCard(CardError):
    """A genuine card of another station whose rows this database holds (a hub, a replica)."""

    reason = "other_station"


class UnknownCard(CardError):
    """Well signed, but no such card here: another station of the township (shared key)."""

    reason = "unknown"


class RevokedCard(CardError):
    reason = "revoked"


class WrongCardKind(CardError):
    """A genuine code of another kind than the place takes."""

    reason = "wrong_kind"


class NotAHouseholdCard(WrongCardKind):
    """A genuine code of another kind (a volunteer card, a slip) where a household card is wanted."""


class NotAVolunteerCard(WrongCardKind):
    """A household card, a slip or a certificate where a volunteer card is wanted."""


class NotACard(WrongCardKind):
    """A slip's or a certificate's code where a card is wanted."""

    reason = "not_a_card"


@dataclass(frozen=True)
class IssuedCard:
    card_id: str
    kind: str
    subject_id: str
    serial: int
    payload: str
    issued_at: datetime


@dataclass(frozen=True)
class CardSubject:
    """What a scan resolved to: the record it names, and for cards the card."""

    kind: str
    subject_id: str
    card_id: str = ""
    serial: int = 0


# --- payloads -------------------------------------------------------------------------


def encode_id(record_id: str) -> str:
    return base64.b32encode(uuid.UUID(record_id).bytes).decode("ascii").rstrip("=")


def decode_id(text: str) -> str:
    return str(uuid.UUID(bytes=base64.b32decode(text + "======")))


def _mac(card_key: bytes, body: str) -> str:
    digest = hmac.new(card_key, body.encode("ascii"), hashlib.sha256).digest()
    return base64.b32encode(digest).decode("ascii")[:MAC_CHARS]


def sign_payload(card_key: bytes, kind: CardKind | str, record_id: str) -> str:
    """The QR text for *record_id* of *kind*."""
    body = f"{VERSION}:{CardKind(kind).value}:{encode_id(record_id)}"
    return f"{body}:{_mac(card_key, body)}"


def normalize_scan(text: str) -> str:
    """Undo what scanners and input methods do to a payload: Caps Lock's lower case, an
    active Chinese IME's full-width ``：`` (U+FF1A) or full-width letters and digits
    (全角), and spaces."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(text.split()).upper()


def looks_like_payload(text: str) -> bool:
    """Is *text* meant to be one of our codes (as opposed to a search term)?"""
    return normalize_scan(text).startswith(f"{VERSION}:")


def read_payload(card_key: bytes, payload: str) -> tuple[CardKind, str]:
    """Check a payload's format and MAC; returns (kind, record id). No database access."""
    text = normalize_scan(payload)
    match = _PAYLOAD.match(text)
    if match is None or match.group(1) not in CardKind._value2member_map_:
        raise MalformedCard(
            QT_TRANSLATE_NOOP(
                "errors",
                "This code is not a station card or slip. If it was scanned, switch the input "
                "method to English and scan again.",
            )
        )
    kind, encoded, mac = match.groups()
    body = f"{VERSION}:{kind}:{encoded}"
    if not hmac.compare_digest(_mac(card_key, body), mac):
        raise ForgedCard(
            QT_TRANSLATE_NOOP(
                "errors",
                "This card's security code does not match. It was not issued by this station "
                "(or its township), or it was altered.",
            )
        )
    try:
        record_id = decode_id(encoded)
    except ValueError as err:  # cannot happen for a MAC-valid payload we made
        raise MalformedCard(QT_TRANSLATE_NOOP("errors", "This code is damaged.")) from err
    return CardKind(kind), record_id


# --- cards ------------------------------------------------------------------------------


def _check_subject(session: Session, kind: CardKind, subject_id: str) -> None:
    if kind == CardKind.HOUSEHOLD:
        household = session.get(Household, subject_id)
        if household is None or household.deleted:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No such household."))
        if not household.active:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "This household is closed; it cannot get a card.")
            )


def _active_card(session: Session, kind: CardKind, subject_id: str) -> Card | None:
    return session.scalar(
        select(Card)
        .where(
            Card.kind == kind.value,
            Card.subject_id == subject_id,
            Card.revoked_at.is_(None),
            Card.deleted.is_(False),
        )
        .order_by(Card.serial.desc())
        .limit(1)
    )


def _issued(card_key: bytes, card: Card) -> IssuedCard:
    return IssuedCard(
        card.id,
        card.kind,
        card.subject_id,
        card.serial,
        sign_payload(card_key, card.kind, card.id),
        card.issued_at,
    )


def _new_card(session: Session, actor: Actor, kind: CardKind, subject_id: str) -> Card:
    last = session.scalar(
        select(Card.serial)
        .where(Card.kind == kind.value, Card.subject_id == subject_id)
        .order_by(Card.serial.desc())
        .limit(1)
    )
    card = Card(
        id=new_id(),
        kind=kind.value,
        subject_id=subject_id,
        serial=(last or 0) + 1,
        issued_at=utcnow(),
        issued_by=actor.display_name,
        revoke_reason="",
    )
    session.add(card)
    return card


def _check_kind(kind: CardKind | str) -> CardKind:
    kind = CardKind(kind)
    if kind not in CARD_KINDS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Cards are made for households and volunteers only.")
        )
    return kind


def issue_in(
    session: Session, actor: Actor, card_key: bytes, kind: CardKind, subject_id: str
) -> IssuedCard:
    """Step of a larger action: the subject's current card, or a new one."""
    _check_subject(session, kind, subject_id)
    card = _active_card(session, kind, subject_id)
    if card is None:
        card = _new_card(session, actor, kind, subject_id)
        session.flush()
        audit.record(
            session,
            actor,
            "card.issue",
            "card",
            card.id,
            after={"kind": kind.value, "subject": subject_id, "serial": card.serial},
        )
    return _issued(card_key, card)


def reissue_in(
    session: Session, actor: Actor, card_key: bytes, kind: CardKind, subject_id: str, reason: str
) -> IssuedCard:
    """Step of a larger action: revoke the subject's current card(s), issue a new one."""
    reason = reason.strip()[:100]
    _check_subject(session, kind, subject_id)
    now = utcnow()
    revoked = []
    for old in session.scalars(
        select(Card).where(
            Card.kind == kind.value, Card.subject_id == subject_id, Card.revoked_at.is_(None)
        )
    ):
        old.revoked_at = now
        old.revoke_reason = reason or "reissued"
        revoked.append(old.serial)
    card = _new_card(session, actor, kind, subject_id)
    session.flush()
    audit.record(
        session,
        actor,
        "card.reissue",
        "card",
        card.id,
        before={"revoked_serials": revoked},
        after={
            "kind": kind.value,
            "subject": subject_id,
            "serial": card.serial,
            "reason": reason,
        },
    )
    return _issued(card_key, card)


def issue_card(
    db: Database, actor: Actor, card_key: bytes, kind: CardKind | str, subject_id: str
) -> IssuedCard:
    """The subject's card: its current one if it has one (to print again), else a new one."""
    require(actor, Permission.DAILY_WORK)
    kind = _check_kind(kind)
    with db.write() as session:
        return issue_in(session, actor, card_key, kind, subject_id)


def reissue_card(
    db: Database,
    actor: Actor,
    card_key: bytes,
    kind: CardKind | str,
    subject_id: str,
    reason: str = "",
) -> IssuedCard:
    """补办: revoke the subject's current card(s) and issue a new one (lost, damaged)."""
    require(actor, Permission.DAILY_WORK)
    kind = _check_kind(kind)
    with db.write() as session:
        return reissue_in(session, actor, card_key, kind, subject_id, reason)


def issue_cards_in(
    session: Session,
    actor: Actor,
    card_key: bytes,
    kind: CardKind | str,
    subject_ids: Sequence[str],
    *,
    reissue: bool = False,
    reason: str = "",
    check: Callable[[Session, str], None] | None = None,
) -> list[IssuedCard]:
    """Step of a larger action: issue (or 补办) the cards of several subjects."""
    kind = _check_kind(kind)
    out = []
    for subject_id in subject_ids:
        if check is not None:
            check(session, subject_id)
        if reissue:
            out.append(reissue_in(session, actor, card_key, kind, subject_id, reason))
        else:
            out.append(issue_in(session, actor, card_key, kind, subject_id))
    return out


def issue_cards(
    db: Database,
    actor: Actor,
    card_key: bytes,
    kind: CardKind | str,
    subject_ids: Sequence[str],
    *,
    reissue: bool = False,
    reason: str = "",
    check: Callable[[Session, str], None] | None = None,
) -> list[IssuedCard]:
    """Issue (or, with *reissue*, 补办) the cards of several subjects in one transaction.

    *check* is the subject kind's own rule (e.g. an inactive volunteer gets no
    card), run inside the transaction for each subject; any refusal changes nothing.
    """
    require(actor, Permission.DAILY_WORK)
    kind = _check_kind(kind)
    with db.write() as session:
        return issue_cards_in(
            session, actor, card_key, kind, subject_ids, reissue=reissue, reason=reason, check=check
        )


def current_cards_in(
    session: Session, card_key: bytes, kind: CardKind | str, subject_ids: Sequence[str]
) -> list[IssuedCard | None]:
    """Step: the subjects' current cards (None for one without)."""
    kind = _check_kind(kind)
    out: list[IssuedCard | None] = []
    for subject_id in subject_ids:
        card = _active_card(session, kind, subject_id)
        out.append(None if card is None else _issued(card_key, card))
    return out


def current_cards(
    db: Database, card_key: bytes, kind: CardKind | str, subject_ids: Sequence[str]
) -> list[IssuedCard | None]:
    """The subjects' current cards (None for one without), to print again; nothing is
    issued or revoked."""
    with db.read() as session:
        return current_cards_in(session, card_key, kind, subject_ids)


def revoke_card(db: Database, actor: Actor, card_id: str, reason: str) -> None:
    """挂失: stop a card without issuing a new one."""
    require(actor, Permission.DAILY_WORK)
    with db.write() as session:
        card = session.get(Card, card_id)
        if card is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No such card."))
        if card.revoked_at is None:
            card.revoked_at = utcnow()
            card.revoke_reason = reason.strip()[:100] or "revoked"
            audit.record(
                session,
                actor,
                "card.revoke",
                "card",
                card.id,
                after={"serial": card.serial, "reason": card.revoke_reason},
            )


_WRONG_KIND = {
    CardKind.HOUSEHOLD: (
        NotAHouseholdCard,
        QT_TRANSLATE_NOOP(
            "errors", "This is a volunteer card, not a household card. Scan the family's card."
        ),
    ),
    CardKind.VOLUNTEER: (
        NotAVolunteerCard,
        QT_TRANSLATE_NOOP(
            "errors",
            "This is a household card, not a volunteer card. Scan the volunteer's own card.",
        ),
    ),
}


def _bad_mac(session: Session, payload: str) -> ForgedCard:
    """A MAC failure on one of our card ids is an alteration; otherwise a foreign card."""
    parts = normalize_scan(payload).split(":")
    card_id = None
    with contextlib.suppress(ValueError, IndexError):
        card_id = decode_id(parts[2])
    kind = parts[1] if len(parts) > 1 else ""
    if card_id is not None and session.get(Card, card_id) is not None:
        return ForgedCard(
            QT_TRANSLATE_NOOP(
                "errors",
                "This card's security code does not match: the card was altered. "
                "Keep it and tell the station head.",
            ),
            kind=kind,
        )
    return ForeignCard(
        QT_TRANSLATE_NOOP(
            "errors",
            "This card was not issued in this township (or its code is damaged). "
            "Look the person up by name.",
        ),
        kind=kind,
    )


def _subject_exists(session: Session, card: Card) -> bool:
    if card.kind == CardKind.HOUSEHOLD.value:
        household = session.get(Household, card.subject_id)
        return household is not None and not household.deleted
    from app.models import Volunteer  # the volunteers' models load on first use

    volunteer = session.get(Volunteer, card.subject_id)
    return volunteer is not None and not volunteer.deleted


def resolve_in(
    session: Session,
    card_key: bytes,
    payload: str,
    *,
    want: CardKind | str | None = None,
    cards_only: bool = True,
) -> CardSubject:
    """What a scanned card names — the one resolver every place that takes a scan uses.

    Raises, in this order: :class:`MalformedCard` (not our format),
    :class:`ForgedCard` (bad MAC on one of our cards: altered) or
    :class:`ForeignCard` (bad MAC on an id we never made: another township),
    :class:`WrongCardKind` (a genuine code of another kind than *want*; a slip or a
    certificate where a card is wanted, :class:`NotACard`), :class:`UnknownCard`
    (well signed, not in this database: another station of the township, or its
    person was removed), :class:`OtherStationCard` (a card row of another station
    that this database holds), :class:`RevokedCard` (replaced or cancelled).

    *want* (H or V) is the kind the place takes; without it any card kind is
    taken, and with *cards_only* False a slip's or certificate's code is
    returned as it is (kind and record id, no card).
    """
    try:
        kind, record_id = read_payload(card_key, payload)
    except ForgedCard:
        raise _bad_mac(session, payload) from None
    wanted = CardKind(want) if want else None
    if kind not in CARD_KINDS:
        if wanted is None and not cards_only:
            return CardSubject(kind.value, record_id)
        raise NotACard(
            QT_TRANSLATE_NOOP("errors", "This is the code of a slip or a certificate, not a card."),
            kind=kind.value,
        )
    if wanted is not None and kind != wanted:
        cls, message = _WRONG_KIND[wanted]
        raise cls(message, kind=kind.value, card_id=record_id)
    card = session.get(Card, record_id)
    if (
        card is None
        or card.deleted
        or card.kind != kind.value
        or not _subject_exists(session, card)
    ):
        raise UnknownCard(
            QT_TRANSLATE_NOOP(
                "errors",
                "This card is genuine but not registered at this station. "
                "Look the person up by name or number, or register them here.",
            ),
            kind=kind.value,
            card_id=record_id,
        )
    own = session.info.get(STATION_ID)
    if own and card.station_id != own:
        raise OtherStationCard(
            QT_TRANSLATE_NOOP(
                "errors",
                "This card belongs to another station; it cannot be used here.",
            ),
            kind=kind.value,
            card_id=card.id,
        )
    if card.revoked_at is not None:
        newer = session.scalar(
            select(Card.serial).where(
                Card.kind == card.kind,
                Card.subject_id == card.subject_id,
                Card.revoked_at.is_(None),
                Card.deleted.is_(False),
            )
        )
        where = {"kind": card.kind, "card_id": card.id, "subject_id": card.subject_id}
        if newer:
            raise RevokedCard(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "This card was replaced by card No. {serial} and no longer works. "
                    "Keep it and tell the station head.",
                ),
                serial=newer,
                **where,
            )
        raise RevokedCard(
            QT_TRANSLATE_NOOP(
                "errors",
                "This card was reported lost or cancelled and no longer works. "
                "Keep it and tell the station head.",
            ),
            **where,
        )
    return CardSubject(card.kind, card.subject_id, card.id, card.serial)


def resolve_card(
    db: Database,
    card_key: bytes,
    payload: str,
    *,
    want: CardKind | str | None = None,
    cards_only: bool = False,
) -> CardSubject:
    """:func:`resolve_in` in a read transaction of its own."""
    with db.read() as session:
        return resolve_in(session, card_key, payload, want=want, cards_only=cards_only)


def slip_payload(card_key: bytes, redemption_id: str) -> str:
    """The verifying QR printed on a 兑换单."""
    return sign_payload(card_key, CardKind.REDEMPTION_SLIP, redemption_id)
