"""个人信息 — 身份证号 and phone: validation, masking and the keyed hash.

DESIGN §3 and DOMAIN "Privacy": both values are optional; when given they are
checked (GB 11643-1999 check digit, a real birth date, a province prefix; an
11-digit mainland mobile number), stored in full only on the station, and
shown masked everywhere else: ``330***********1234`` (first 3 and last 4 —
DOMAIN allows 3–6; 3 reveals only the province) and ``138****5678``.

Excel mangles ID numbers in ways a village worker cannot see: a number cell
keeps 15 significant digits (``330481199001011234`` becomes
``330481199001011000``), shows ``3.30481E+17``, or a text import drops a
digit.  :func:`normalize_id_number` recognises each case and says which one
it is, so the roster import can tell the worker how to fix the sheet.

The keyed hash (HMAC-SHA256) lets two records of the same person be matched —
within the station and, once the township distributes a shared key, across
stations — without sending the number itself.  The key is a dedicated
32-byte secret kept in ``local_state`` (never synced); it is made on first
use.  It is deliberately not the card key: a township that rotates card keys
must not have to re-hash every resident.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
from datetime import date

from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.i18n import QT_TRANSLATE_NOOP
from app.models import LocalState

# GB/T 2260 province-level codes (first two digits of an ID number).
PROVINCE_CODES = frozenset(
    {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46}
    | {50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83}
)
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
_SCIENTIFIC = re.compile(r"^\d(\.\d+)?[eE]\+?\d+$")
_FULLWIDTH = str.maketrans("０１２３４５６７８９ｘＸ", "0123456789XX")

HASH_KEY_STATE = "personal_hash_key"


class BadIdNumber(ValidationError):
    """An ID number that cannot be a valid 身份证号 (the message says why)."""


class BadPhone(ValidationError):
    """A phone number that is not an 11-digit mainland mobile number."""


def id_check_digit(first17: str) -> str:
    """The GB 11643 check character for the first 17 digits."""
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK[total % 11]


def normalize_id_number(value: object, *, today: date | None = None) -> str:
    """Return the 18-character ID number in *value*, or raise :class:`BadIdNumber`.

    *value* may be what a person typed or what openpyxl read from a cell
    (``int``/``float`` for a number cell).  Empty input is not handled here:
    callers decide whether the number is required.
    """
    if isinstance(value, bool):
        raise BadIdNumber(QT_TRANSLATE_NOOP("errors", "The ID number is not a number."))
    if isinstance(value, int | float):
        raise BadIdNumber(
            QT_TRANSLATE_NOOP(
                "errors",
                "The ID number was stored as a number in Excel and has lost its last digits. "
                "Format the column as Text and type the numbers again.",
            )
        )
    text = str(value).strip().translate(_FULLWIDTH).replace(" ", "")
    if _SCIENTIFIC.match(text):
        raise BadIdNumber(
            QT_TRANSLATE_NOOP(
                "errors",
                "The ID number {value} is in scientific notation: Excel turned it into a number "
                "and lost its last digits. Format the column as Text and type the numbers again.",
            ),
            value=text,
        )
    if re.fullmatch(r"\d{17,18}\.0+", text):  # "330481199001011000.0" from a CSV round trip
        raise BadIdNumber(
            QT_TRANSLATE_NOOP(
                "errors",
                "The ID number was stored as a number in Excel and has lost its last digits. "
                "Format the column as Text and type the numbers again.",
            )
        )
    text = text.upper()
    if len(text) == 15 and text.isdigit():
        raise BadIdNumber(
            QT_TRANSLATE_NOOP(
                "errors",
                "The ID number has 15 digits: it is an old-style number or was cut short. "
                "Please enter the 18-character number.",
            )
        )
    if len(text) == 17 and text.isdigit():
        raise BadIdNumber(
            QT_TRANSLATE_NOOP(
                "errors", "The ID number has only 17 digits: the last character is missing."
            )
        )
    if len(text) != 18 or not text[:17].isdigit() or not (text[17].isdigit() or text[17] == "X"):
        raise BadIdNumber(
            QT_TRANSLATE_NOOP(
                "errors",
                "An ID number has 18 characters: 17 digits and a last digit or X.",
            )
        )
    if int(text[:2]) not in PROVINCE_CODES:
        raise BadIdNumber(
            QT_TRANSLATE_NOOP("errors", "The ID number does not start with a valid province code.")
        )
    birth = id_birth_date(text)
    today = today or date.today()
    if birth is None or birth > today or birth.year < 1900:
        raise BadIdNumber(
            QT_TRANSLATE_NOOP("errors", "The birth date inside the ID number is not a real date.")
        )
    if id_check_digit(text[:17]) != text[17]:
        if text.endswith("000"):
            raise BadIdNumber(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The ID number ends in 000 and its check digit is wrong: Excel probably "
                    "stored it as a number and lost the last digits. Format the column as Text "
                    "and type the numbers again.",
                )
            )
        raise BadIdNumber(
            QT_TRANSLATE_NOOP(
                "errors",
                "The ID number's last character does not match the others: "
                "one of the digits was typed wrong.",
            )
        )
    return text


def id_birth_date(id_number: str) -> date | None:
    """The birth date encoded in an 18-character ID number, if it is a real date."""
    try:
        return date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14]))
    except ValueError:
        return None


def id_sex(id_number: str) -> str:
    """ "M" or "F" from the 17th digit (odd = male)."""
    return "M" if int(id_number[16]) % 2 else "F"


def normalize_phone(value: object) -> str:
    """Return an 11-digit mobile number from *value* or raise :class:`BadPhone`.

    Spaces, dashes and a leading +86/86 are accepted; a number cell from Excel
    (an int) is fine because a mobile number fits in 15 digits.
    """
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip().translate(_FULLWIDTH)
    text = re.sub(r"[\s\-()（）]", "", text)
    if text.startswith("+86"):
        text = text[3:]
    elif text.startswith("86") and len(text) == 13:
        text = text[2:]
    if not re.fullmatch(r"1[3-9]\d{9}", text):
        raise BadPhone(
            QT_TRANSLATE_NOOP("errors", "A mobile number has 11 digits and starts with 13–19.")
        )
    return text


def mask_id(id_number: str) -> str:
    """``330***********1234``: first 3 and last 4 characters visible."""
    if not id_number:
        return ""
    if len(id_number) <= 7:
        return "*" * len(id_number)
    return id_number[:3] + "*" * (len(id_number) - 7) + id_number[-4:]


def mask_phone(phone: str) -> str:
    """``138****5678``: first 3 and last 4 digits visible."""
    if not phone:
        return ""
    if len(phone) <= 7:
        return "*" * len(phone)
    return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]


def mask_name(name: str) -> str:
    """张三 -> 张*, 欧阳娜娜 -> 欧阳**: the surname stays (two-character surnames too).

    For the lists put up in public (公示, 积分榜, 红黑榜) when the station asks
    for masked names.
    """
    if len(name) <= 1:
        return name
    keep = 2 if len(name) >= 4 else 1
    return name[:keep] + "*" * (len(name) - keep)


def phone_tail(phone: str) -> str:
    return phone[-4:] if len(phone) >= 4 else ""


def keyed_hash(key: bytes, kind: str, value: str) -> str:
    """HMAC-SHA256 of a normalised personal value, hex; *kind* separates ID from phone."""
    return hmac.new(key, f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()


def hash_key(session: Session, *, create: bool = True) -> bytes | None:
    """The station's personal-data hash key; made on first use when *create*.

    Readers pass ``create=False``: with no key yet, no stored hash can match.
    """
    row = session.get(LocalState, HASH_KEY_STATE)
    if row is None:
        if not create:
            return None
        row = LocalState(key=HASH_KEY_STATE, value=os.urandom(32).hex())
        session.add(row)
        session.flush()
    return bytes.fromhex(row.value)


def id_hash(session: Session, id_number: str, *, create: bool = True) -> str:
    """The keyed hash of a normalised ID number ("" for no number or no key yet)."""
    if not id_number:
        return ""
    key = hash_key(session, create=create)
    return keyed_hash(key, "id", id_number) if key else ""
