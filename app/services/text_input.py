"""What a person typed or a scanner sent, made safe before it reaches a query.

Every search and list function calls :func:`clean_search` on its text at entry,
and the scan paths call :func:`clean_scan` on a payload, so no text that
reaches SQLite can

* be longer than SQLite's LIKE pattern limit (50,000 bytes: ``"王" * 16667``
  raised "LIKE or GLOB pattern too complex"),
* hold a lone surrogate (``"\\ud800"`` — from a broken paste or input method —
  cannot be encoded as UTF-8, so binding it raised UnicodeEncodeError), or
* hold control or invisible format characters (NUL, ESC, bidi overrides,
  zero-width spaces) that match nothing and only confuse.

Normalisation is deliberately narrow.  Full NFKC would also turn Chinese
full-width punctuation (，：（）) into ASCII and CJK compatibility ideographs
into their unified forms, and the stored names and addresses are not
normalised, so a search for text copied from a record could stop finding it.
Only what input methods produce by accident is mapped: full-width ASCII
letters and digits (Ａ-Ｚ, ａ-ｚ, ０-９ → A-Z, a-z, 0-9) and the ideographic
space (U+3000, which then collapses with other whitespace).  Private-use
characters are kept: rare characters in names are often encoded there.

A cleaned term that is searched *inside* a column goes through
:func:`like_contains` (or :func:`contains`, the clause built on it): the one
place where ``%``, ``_`` and the escape character are made to match only
themselves.  The escape character is ``/`` rather than a backslash, as
SQLAlchemy's own ``autoescape`` chooses: a backslash in the ``ESCAPE '\\'``
literal is read differently by PostgreSQL servers without
``standard_conforming_strings`` (and by MySQL), a slash is the same everywhere.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from sqlalchemy import ColumnElement, and_

MAX_SEARCH_CHARS = 100  # no name, number, phone or address search needs more
MAX_SCAN_CHARS = 200  # a card payload is 42 characters, a goods barcode at most ~50
LIKE_ESCAPE = "/"

_STRIPPED = frozenset({"Cc", "Cf", "Cs"})  # control, format (bidi, zero-width), surrogate
_FULL_WIDTH = {
    **{0xFF10 + i: 0x30 + i for i in range(10)},
    **{0xFF21 + i: 0x41 + i for i in range(26)},
    **{0xFF41 + i: 0x61 + i for i in range(26)},
    0x3000: 0x20,
}


def _printable(text: str, replacement: str) -> str:
    return "".join(
        c
        if c in "\t\n\r" or unicodedata.category(c) not in _STRIPPED
        else ("" if c.isspace() else replacement)
        for c in text
    )


def clean_search(text: str | None, max_len: int = MAX_SEARCH_CHARS) -> str:
    """*text* as a search term: printable, narrow-normalised, one space between words, bounded.

    Never raises; returns "" for text with nothing searchable in it.
    """
    if not text:
        return ""
    text = text[: max_len * 4]  # bound the work before anything else
    text = _printable(text, "").translate(_FULL_WIDTH)
    return " ".join(text.split())[:max_len].rstrip()


def clean_scan(payload: str | None) -> str:
    """A scanned payload, bounded, with each character no code can hold replaced by U+FFFD.

    Unlike a search term nothing is dropped: a scan of garbage stays garbage
    (and is refused as "not a card"), it does not become a different code.
    """
    if not payload:
        return ""
    text = payload[: MAX_SCAN_CHARS * 4].strip()
    return _printable(text, "\ufffd")[:MAX_SCAN_CHARS]


def like_contains(text: str) -> tuple[str, str]:
    """The ``LIKE`` pattern that finds *text* anywhere in a value, and its escape character.

    ``%``, ``_`` and ``/`` in *text* match only themselves: a search for ``50%``
    finds "50%" and not "500".  Pass both on: ``column.like(pattern, escape=escape)``.
    """
    escaped = (
        text.replace(LIKE_ESCAPE, LIKE_ESCAPE * 2)
        .replace("%", LIKE_ESCAPE + "%")
        .replace("_", LIKE_ESCAPE + "_")
    )
    return f"%{escaped}%", LIKE_ESCAPE


def contains(column: Any, text: str) -> ColumnElement[bool]:
    """*column* contains *text* literally (see :func:`like_contains`)."""
    pattern, escape = like_contains(text)
    result: ColumnElement[bool] = column.like(pattern, escape=escape)
    return result


def starts_with(column: Any, prefix: str) -> ColumnElement[bool]:
    """*column* starts with *prefix*, as an index-friendly range (no wildcard in it)."""
    result: ColumnElement[bool] = and_(column >= prefix, column < prefix + "\uffff")
    return result
