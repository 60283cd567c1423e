"""二维码卡: payload format, MAC, reissue/revoke, and each kind of bad scan."""

from __future__ import annotations

import re

import pytest
from household_factory import new_household

from app.errors import NotFound, PermissionDenied, ValidationError
from app.models import Role
from app.services import cards, households, keys
from app.services.auth import Actor
from app.services.cards import CardKind, ForgedCard, MalformedCard, RevokedCard, UnknownCard

QR_ALPHANUMERIC = re.compile(r"^[0-9A-Z $%*+\-./:]+$")


@pytest.fixture
def carded(station_db, data_dir):
    db, admin = station_db
    key = keys.load_keys(data_dir.keys).card_key
    h = new_household(db, admin, "001", "张三")
    return db, admin, key, h


def test_payload_is_qr_alphanumeric_and_resolves_to_the_household(carded) -> None:
    db, admin, key, h = carded
    card = cards.issue_card(db, admin, key, CardKind.HOUSEHOLD, h.id)
    assert QR_ALPHANUMERIC.match(card.payload)
    assert re.fullmatch(r"WB1:H:[A-Z2-7]{26}:[A-Z2-7]{10}", card.payload)
    subject = cards.resolve_card(db, key, card.payload)
    assert (subject.kind, subject.subject_id, subject.serial) == ("H", h.id, 1)
    # printing again gives the same card, not a new one
    assert cards.issue_card(db, admin, key, "H", h.id).payload == card.payload


def test_scanner_case_and_ime_colons_are_normalised(carded) -> None:
    db, admin, key, h = carded
    payload = cards.issue_card(db, admin, key, "H", h.id).payload
    mangled = " " + payload.lower().replace(":", "：") + "\n"
    assert cards.looks_like_payload(mangled)
    assert cards.resolve_card(db, key, mangled).subject_id == h.id
    # an IME in full-width (全角) mode: letters, digits and colons all full-width
    wide = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in payload)
    assert wide != payload and cards.looks_like_payload(wide)
    assert cards.resolve_card(db, key, wide).subject_id == h.id


@pytest.mark.parametrize(
    "text",
    [
        "",
        "hello",
        "WB1:H:ABC:DEF",
        "WB2:H:" + "A" * 26 + ":" + "A" * 10,
        "WB1:Z:" + "A" * 26 + ":" + "A" * 10,
        "WB1:H:" + "1" * 26 + ":AAAAAAAAAA",
    ],
)
def test_malformed_codes_are_refused(carded, text: str) -> None:
    db, _, key, _ = carded
    with pytest.raises(MalformedCard):
        cards.resolve_card(db, key, text)


def test_forged_or_edited_codes_are_refused(carded) -> None:
    db, admin, key, h = carded
    payload = cards.issue_card(db, admin, key, "H", h.id).payload
    flipped = payload[:-1] + ("A" if payload[-1] != "A" else "B")
    with pytest.raises(ForgedCard):
        cards.resolve_card(db, key, flipped)
    with pytest.raises(ForgedCard):  # signed with another station's key
        cards.resolve_card(db, b"x" * 32, payload)
    # another household's id with this card's MAC
    other = new_household(db, admin, "002", "李四")
    body = f"WB1:H:{cards.encode_id(other.id)}"
    with pytest.raises(ForgedCard):
        cards.resolve_card(db, key, body + payload[-11:])


def test_genuine_but_unknown_card_is_refused(carded) -> None:
    db, _, key, _ = carded
    from app.ids import new_id

    stranger = cards.sign_payload(key, "H", new_id())  # e.g. another station of the township
    with pytest.raises(UnknownCard):
        cards.resolve_card(db, key, stranger)


def test_reissue_revokes_the_old_card(carded) -> None:
    db, admin, key, h = carded
    old = cards.issue_card(db, admin, key, "H", h.id)
    new = cards.reissue_card(db, admin, key, "H", h.id, "丢失")
    assert new.serial == 2 and new.payload != old.payload
    assert cards.resolve_card(db, key, new.payload).subject_id == h.id
    with pytest.raises(RevokedCard) as err:
        cards.resolve_card(db, key, old.payload)
    assert "No. 2" in err.value.untranslated
    cards.revoke_card(db, admin, new.card_id, "挂失")
    with pytest.raises(RevokedCard, match="lost"):
        cards.resolve_card(db, key, new.payload)
    third = cards.issue_card(db, admin, key, "H", h.id)
    assert third.serial == 3


def test_cards_only_for_existing_open_households_and_allowed_roles(carded) -> None:
    db, admin, key, h = carded
    with pytest.raises(NotFound):
        cards.issue_card(db, admin, key, "H", "nope")
    with pytest.raises(ValidationError):
        cards.issue_card(db, admin, key, "R", h.id)
    with pytest.raises(PermissionDenied):
        cards.issue_card(db, Actor("x", "c", "c", Role.COUNTER), key, "H", h.id)
    households.set_household_active(db, admin, h.id, False)
    with pytest.raises(ValidationError):
        cards.issue_card(db, admin, key, "H", h.id)


def test_slip_payload_verifies_without_a_card_row(carded) -> None:
    db, _, key, _ = carded
    from app.ids import new_id

    rid = new_id()
    subject = cards.resolve_card(db, key, cards.slip_payload(key, rid))
    assert (subject.kind, subject.subject_id) == ("R", rid)
    assert cards.decode_id(cards.encode_id(rid)) == rid


def test_household_search_finds_a_scanned_card_and_explains_a_bad_one(carded) -> None:
    db, admin, key, h = carded
    new_household(db, admin, "002", "李四")
    card = cards.issue_card(db, admin, key, CardKind.HOUSEHOLD, h.id)
    hits = households.search(db, card.payload.lower(), card_key=key)  # Caps Lock on the scanner
    assert [x.number for x in hits] == ["001"]
    assert households.search(db, card.payload) == []  # without the key it is not a search term
    cards.reissue_card(db, admin, key, CardKind.HOUSEHOLD, h.id, "lost")
    with pytest.raises(cards.RevokedCard):
        households.search(db, card.payload, card_key=key)
    forged = card.payload[:-2] + ("AA" if not card.payload.endswith("AA") else "BB")
    with pytest.raises(cards.ForgedCard):
        households.search(db, forged, card_key=key)
