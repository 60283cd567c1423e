"""Hostile search and scan text: every search and list function takes a
16,667-character string (longer than SQLite's LIKE pattern limit), lone
surrogates and control characters without an exception, and a scan of such
text is a translated "not a card" result."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from digests import table_digests
from volunteers_factory import DAY, household_card, make_world, new_volunteer

from app.errors import DomainError
from app.services import activities, cards, households, supermarket, text_input, volunteers
from app.services.activities import ActivityFilter
from app.services.households import HouseholdFilter
from app.services.volunteers import VolunteerFilter, kiosk
from app.translations import install_translators

LONG = "王" * 16667
HOSTILE = [
    pytest.param(LONG, id="16667-chars"),
    pytest.param("\ud800", id="lone-surrogate"),
    pytest.param("王\udfff五", id="surrogate-inside"),
    pytest.param("\x00\x07\x1b[2J", id="control-chars"),
    pytest.param("%" * 5000 + "_" * 5000, id="like-wildcards"),
    pytest.param("\u202e王五", id="bidi-override"),
]


@pytest.fixture
def w(station_db, data_dir):
    db, admin = station_db
    world = make_world(db, admin, data_dir)
    household_card(world, "001", "王五")
    new_volunteer(db, world.worker, "王五")
    return world


def _searches(w: Any) -> dict[str, Callable[[str], object]]:
    db = w.db
    return {
        "households.search": lambda t: households.search(db, t),
        "households.search(card_key)": lambda t: households.search(db, t, card_key=w.key),
        "households.search_residents": lambda t: households.search_residents(db, t),
        "households.count_households": lambda t: households.count_households(
            db, HouseholdFilter(text=t)
        ),
        "households.fetch_households": lambda t: households.fetch_households(
            db, 0, 50, HouseholdFilter(text=t)
        ),
        "households.find_by_number": lambda t: households.find_by_number(db, t),
        "volunteers.search_volunteers": lambda t: volunteers.search_volunteers(db, t),
        "volunteers.search_volunteers(card_key)": lambda t: volunteers.search_volunteers(
            db, t, card_key=w.key
        ),
        "volunteers.count_volunteers": lambda t: volunteers.count_volunteers(
            db, VolunteerFilter(text=t)
        ),
        "volunteers.fetch_volunteers": lambda t: volunteers.fetch_volunteers(
            db, 0, 50, VolunteerFilter(text=t)
        ),
        "volunteers.fetch_volunteers(category)": lambda t: volunteers.fetch_volunteers(
            db, 0, 50, VolunteerFilter(category=t)
        ),
        "volunteers.find_by_number": lambda t: volunteers.find_by_number(db, t),
        "supermarket.list_goods": lambda t: supermarket.list_goods(db, query=t),
        "supermarket.find_goods_by_barcode": lambda t: supermarket.find_goods_by_barcode(db, t),
        "supermarket.find_redemption_by_number": lambda t: supermarket.find_redemption_by_number(
            db, t
        ),
        "activities.count_activities": lambda t: activities.count_activities(
            db, ActivityFilter(text=t)
        ),
        "activities.fetch_activities": lambda t: activities.fetch_activities(
            db, 0, 50, ActivityFilter(text=t)
        ),
    }


@pytest.mark.parametrize("text", HOSTILE)
def test_every_search_and_list_function_takes_hostile_text(w, text: str) -> None:
    before = table_digests(w.db.path)
    failures = {}
    for name, call in _searches(w).items():
        try:
            result = call(text)
        except DomainError:  # a translated refusal is an answer too (a card search)
            continue
        except Exception as err:
            failures[name] = f"{type(err).__name__}: {str(err)[:80]}"
            continue
        assert result is None or isinstance(result, int | list)
    assert failures == {}
    assert table_digests(w.db.path) == before


def test_a_long_search_still_finds_by_its_beginning(w) -> None:
    """The bound truncates, it does not refuse: the first 100 characters are searched."""
    assert [h.head_name for h in households.search(w.db, "王五" + " " * 20000)] == ["王五"]
    hits = volunteers.search_volunteers(w.db, "\ud800王五\x00")
    assert [h.name for h in hits] == ["王五"]


@pytest.mark.parametrize("text", HOSTILE)
def test_a_hostile_scan_is_a_not_a_card_result(qapp, w, text: str) -> None:
    r = kiosk.scan(w.db, w.worker, w.key, w.activity_id, text, "auto", DAY.replace(hour=9))
    assert (r.status, r.reason) == ("red", "malformed")
    install_translators(qapp, "zh_CN")
    try:
        assert r.text and not re.search("[A-Za-z]", r.text)
    finally:
        install_translators(qapp, "en")


@pytest.mark.parametrize("text", HOSTILE)
def test_resolving_a_hostile_card_is_a_translated_refusal(w, text: str) -> None:
    with pytest.raises(cards.MalformedCard) as caught:
        cards.resolve_card(w.db, w.key, "WB1:" + text)
    assert "not a station card" in str(caught.value)


def test_clean_search() -> None:
    assert text_input.clean_search("  王\u3000五 ") == "王 五"
    assert text_input.clean_search("ＺＳ１２３") == "ZS123"  # full-width letters and digits
    assert text_input.clean_search("王，五") == "王，五"  # Chinese punctuation is kept
    assert text_input.clean_search("a\ud800b\x00c\u202ed") == "abcd"
    assert text_input.clean_search(LONG) == "王" * text_input.MAX_SEARCH_CHARS
    assert text_input.clean_search("x" * 50, max_len=10) == "x" * 10
    assert text_input.clean_scan("\ud800") == "\ufffd"
    assert len(text_input.clean_scan("A" * 10_000)) == text_input.MAX_SCAN_CHARS


# A name with each LIKE-special character, and a name the character would match
# as a wildcard: a search for the special name must find it alone.
LITERALS = [
    pytest.param("张%三", "张甲三", id="percent"),
    pytest.param("李_四", "李乙四", id="underscore"),
    pytest.param("王\\五", "王乙五", id="backslash"),
    pytest.param("赵/六", "赵乙六", id="slash"),  # the escape character itself
]


def test_like_contains_escapes_each_special_character() -> None:
    assert text_input.like_contains("5%_/\\") == ("%5/%/_//\\%", "/")


@pytest.mark.parametrize(("special", "decoy"), LITERALS)
def test_a_household_search_finds_only_the_literal(w, special: str, decoy: str) -> None:
    for number, name in (("101", special), ("102", decoy)):
        household_card(w, number, name)
    heads = {h.head_name for h in households.search(w.db, special)}
    assert {h.head_name for h in households.search(w.db, special[1])} == {special}
    listed = {
        h.head_name for h in households.fetch_households(w.db, 0, 50, HouseholdFilter(special))
    }
    assert heads == {special}
    assert listed == {special}
    assert households.count_households(w.db, HouseholdFilter(special)) == 1
    assert [r.name for r in households.search_residents(w.db, special)] == [special]


@pytest.mark.parametrize(("special", "decoy"), LITERALS)
def test_a_goods_search_finds_only_the_literal(w, special: str, decoy: str) -> None:
    for name in (special, decoy):
        supermarket.create_goods(w.db, w.admin, supermarket.GoodsData(name, 5))
    assert [g.name for g in supermarket.list_goods(w.db, query=special)] == [special]
    # the character alone: it must not act as a wildcard on the initials either
    assert [g.name for g in supermarket.list_goods(w.db, query=special[1])] == [special]


@pytest.mark.parametrize(("special", "decoy"), LITERALS)
def test_a_volunteer_search_finds_only_the_literal(w, special: str, decoy: str) -> None:
    for name in (special, decoy):
        new_volunteer(w.db, w.worker, name)
    found = {v.name for v in volunteers.search_volunteers(w.db, special)}
    assert {v.name for v in volunteers.search_volunteers(w.db, special[1])} == {special}
    listed = {v.name for v in volunteers.fetch_volunteers(w.db, 0, 50, VolunteerFilter(special))}
    assert found == {special}
    assert listed == {special}
