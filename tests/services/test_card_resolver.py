"""One card resolver (issue 8): every place that takes a scan refuses the same five bad
cards, each with a message of its own, in English and in Chinese.

The four callers are the households search, the redemption counter, the kiosk and
the volunteers search; the five cases are a forged card (edited security code), a
revoked card (reissued), another station's card (its row replicated here, signed
with the township's shared key), an unknown card (well signed, no such card here)
and the wrong kind of card for the place.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from datetime import datetime

import pytest
from volunteers_factory import DAY, World, household_card, make_world, new_activity
from volunteers_factory import volunteer_card as make_volunteer_card

from app.errors import DomainError
from app.i18n import restore_catalog, use_catalog
from app.ids import new_id
from app.models import Card, Household, Volunteer
from app.services import cards, households, supermarket, volunteers
from app.services.volunteers import kiosk

OTHER_STATION = "0190bbbb-0000-7000-8000-00000000000b"
T8 = DAY.replace(hour=8)
CASES = ("forged", "revoked", "other_station", "unknown", "wrong_kind")

# What each case says (a fragment of its English message), per kind of place.
STAFF_H = {
    "forged": "the card was altered",
    "revoked": "replaced by card No. 2",
    "other_station": "belongs to another station",
    "unknown": "not registered at this station",
    "wrong_kind": "a volunteer card, not a household card",
}
STAFF_V = {**STAFF_H, "wrong_kind": "a household card, not a volunteer card"}
KIOSK = {
    "forged": "has been altered",
    "revoked": "replaced or cancelled",
    "other_station": "belongs to another station",
    "unknown": "the person is not registered here",
    "wrong_kind": "this activity takes volunteer cards only",
}


def _other_stations_card(w: World, kind: str) -> str:
    """A card of another station whose rows this database holds (as a hub's does),
    signed with the township's shared key."""
    subject_id, card_id = new_id(), new_id()
    at = datetime(2026, 5, 1, 8, 0)
    stamp = {"station_id": OTHER_STATION, "row_version": 1, "change_seq": 900_000}
    stamp |= {"created_at": at, "updated_at": at}
    with w.db.replicating() as session:
        if kind == "H":
            session.add(
                Household(id=subject_id, number="9", number_sort="9", head_name="赵六", **stamp)
            )
        else:
            session.add(
                Volunteer(id=subject_id, number="X-V-1", number_seq=1, name="赵六", **stamp)
            )
        session.flush()
        session.add(
            Card(
                id=card_id,
                kind=kind,
                subject_id=subject_id,
                serial=1,
                issued_at=at,
                issued_by="",
                revoke_reason="",
                **stamp,
            )
        )
    return cards.sign_payload(w.key, kind, card_id)


_numbers = itertools.count(1)


def _bad_card(w: World, case: str, kind: str) -> str:
    """The *case* of a bad card, where *kind* cards are taken."""
    hid, hcard = household_card(w, f"1-{next(_numbers)}", "王五")
    vid, vcard = make_volunteer_card(w, "张三")
    own, subject = (hcard, hid) if kind == "H" else (vcard, vid)
    if case == "forged":
        return own[:-1] + ("A" if own[-1] != "A" else "B")
    if case == "revoked":
        cards.reissue_card(w.db, w.worker, w.key, kind, subject, "丢失")
        return own
    if case == "other_station":
        return _other_stations_card(w, kind)
    if case == "unknown":
        return cards.sign_payload(w.key, kind, new_id())
    return vcard if kind == "H" else hcard  # the wrong kind


def _refusal(call: Callable[[], object]) -> str:
    try:
        call()
    except DomainError as err:
        return str(err)
    raise AssertionError("a bad card was taken")


def _households_search(w: World, payload: str) -> str:
    return _refusal(lambda: households.search(w.db, payload, card_key=w.key))


def _counter(w: World, payload: str) -> str:
    return _refusal(lambda: supermarket.counter_household_of_card(w.db, w.key, payload))


def _volunteers_search(w: World, payload: str) -> str:
    return _refusal(
        lambda: volunteers.search_volunteers(
            w.db, payload, 5, include_inactive=True, card_key=w.key
        )
    )


def _kiosk(w: World, payload: str) -> str:
    only = new_activity(w.db, w.worker, allow_households=False, title="志愿者培训")
    result = kiosk.scan(w.db, w.worker, w.key, only, payload, "auto", T8)
    assert (result.status, result.action) == ("red", "none")
    return result.message.format(**result.args)  # untranslated; .text translates


CALLERS: dict[str, tuple[str, Callable[[World, str], str], dict[str, str]]] = {
    "households_search": ("H", _households_search, STAFF_H),
    "counter": ("H", _counter, STAFF_H),
    "kiosk": ("V", _kiosk, KIOSK),
    "volunteers_search": ("V", _volunteers_search, STAFF_V),
}


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("caller", CALLERS)
def test_each_bad_card_is_refused_with_its_own_message(
    station_db, data_dir, caller: str, case: str
) -> None:
    db, admin = station_db
    w = make_world(db, admin, data_dir)
    kind, call, says = CALLERS[caller]
    payload = _bad_card(w, case, kind)
    before = use_catalog("en")
    try:
        message = call(w, payload)
    finally:
        restore_catalog(before)
    assert says[case] in message, message
    assert [c for c in CASES if says[c] in message] == [case]  # no other case's words


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("caller", ["counter", "volunteers_search"])
def test_each_refusal_is_translated(station_db, data_dir, caller: str, case: str) -> None:
    db, admin = station_db
    w = make_world(db, admin, data_dir)
    kind, call, _ = CALLERS[caller]
    payload = _bad_card(w, case, kind)
    before = use_catalog("zh_CN")
    try:
        message = call(w, payload)
    finally:
        restore_catalog(before)
    assert message and not re.search("[A-Za-z]", message), message


def test_the_kiosks_refusals_are_translated(station_db, data_dir) -> None:
    db, admin = station_db
    w = make_world(db, admin, data_dir)
    texts = {}
    before = use_catalog("zh_CN")
    try:
        for case in CASES:
            payload = _bad_card(w, case, "V")
            only = new_activity(db, w.worker, allow_households=False, title=f"培训{case}")
            texts[case] = kiosk.scan(db, w.worker, w.key, only, payload, "auto", T8).text
    finally:
        restore_catalog(before)
    assert len(set(texts.values())) == len(CASES), texts
    for text in texts.values():
        assert text and not re.search("[A-Za-z]", text), text
