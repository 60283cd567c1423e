"""签名请求 — a station proves who it is to the township's hub (DESIGN §5).

An upload needs no such proof: the sync file's manifest is already signed by
the station's key.  Every other station request (fetching its config package
and acknowledgement) carries four headers:

* ``X-Wb-Station`` — the station's code;
* ``X-Wb-Timestamp`` — Unix seconds on the station's clock (corrected by the
  offset the hub told it, see below);
* ``X-Wb-Nonce`` — 32 random hex digits, never used twice;
* ``X-Wb-Signature`` — Ed25519 by the station's signing key, hex, over
  :func:`request_message` (method, path, timestamp, nonce and the SHA-256 of
  the body, one per line).

The hub checks the signature against the key enrolled for that code, refuses
a timestamp more than :data:`MAX_SKEW_S` from its own clock (answering with
its own time, so a station whose clock is wrong keeps an offset rather than
failing forever) and remembers each nonce for the skew window so a replayed
request is refused.  Remembering nonces is the hub's job (its database is
shared by its workers); this module only signs and checks.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

HEADER_STATION = "X-Wb-Station"
HEADER_TIMESTAMP = "X-Wb-Timestamp"
HEADER_NONCE = "X-Wb-Nonce"
HEADER_SIGNATURE = "X-Wb-Signature"

MAX_SKEW_S = 300
"""How far a request's timestamp may be from the hub's clock (and how long nonces are kept)."""

_NONCE = re.compile(r"[0-9a-f]{32}")
_SIGNATURE = re.compile(r"[0-9a-f]{128}")
_CODE = re.compile(r"[0-9A-Za-z_-]{1,12}")


class RequestRefused(Exception):
    """A signed request that is not accepted; :attr:`reason` is a stable word for the API.

    Reasons: ``missing`` (a header absent or malformed), ``unknown_station``,
    ``bad_signature``, ``clock`` (timestamp outside the window; the hub
    answers with its own time), ``replayed`` (the nonce was seen).
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class SignedRequest:
    station_code: str
    timestamp: int
    nonce: str


def request_message(method: str, path: str, timestamp: int, nonce: str, body: bytes) -> bytes:
    """The bytes signed: method, path (with its query), timestamp, nonce, SHA-256 of the body."""
    return "\n".join(
        [method.upper(), path, str(timestamp), nonce, hashlib.sha256(body).hexdigest()]
    ).encode("ascii")


def sign_request(
    signing: Ed25519PrivateKey,
    station_code: str,
    method: str,
    path: str,
    body: bytes = b"",
    *,
    clock_offset_s: float = 0.0,
    now: float | None = None,
) -> dict[str, str]:
    """The headers that make a request to *path* the station's own.

    *clock_offset_s* is what the hub's clock is ahead of ours (from a
    ``clock`` refusal); *now* is for tests.
    """
    timestamp = int((time.time() if now is None else now) + clock_offset_s)
    nonce = secrets.token_hex(16)
    signature = signing.sign(request_message(method, path, timestamp, nonce, body))
    return {
        HEADER_STATION: station_code,
        HEADER_TIMESTAMP: str(timestamp),
        HEADER_NONCE: nonce,
        HEADER_SIGNATURE: signature.hex(),
    }


def _header(headers: Mapping[str, str], name: str) -> str:
    value = headers.get(name)
    if value is None:
        value = headers.get(name.lower())
    if value is None:
        raise RequestRefused("missing")
    return value.strip()


def verify_request(
    headers: Mapping[str, str],
    method: str,
    path: str,
    body: bytes,
    public_key_of: Callable[[str], str | None],
    *,
    now: float | None = None,
) -> SignedRequest:
    """The request's station, timestamp and nonce, when the signature is that station's.

    *public_key_of* maps a station code to its enrolled raw Ed25519 public key
    (hex), or None.  The caller then records the nonce (refusing it when seen:
    ``replayed``).  Raises :class:`RequestRefused`.
    """
    code = _header(headers, HEADER_STATION)
    stamp = _header(headers, HEADER_TIMESTAMP)
    nonce = _header(headers, HEADER_NONCE).lower()
    signature = _header(headers, HEADER_SIGNATURE).lower()
    if (
        not _CODE.fullmatch(code)
        or not stamp.isdigit()
        or len(stamp) > 12
        or not _NONCE.fullmatch(nonce)
        or not _SIGNATURE.fullmatch(signature)
    ):
        raise RequestRefused("missing")
    public_hex = public_key_of(code)
    if not public_hex:
        raise RequestRefused("unknown_station")
    timestamp = int(stamp)
    try:
        key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_hex))
        key.verify(bytes.fromhex(signature), request_message(method, path, timestamp, nonce, body))
    except (ValueError, InvalidSignature):
        raise RequestRefused("bad_signature") from None
    if abs((time.time() if now is None else now) - timestamp) > MAX_SKEW_S:
        raise RequestRefused("clock")
    return SignedRequest(code, timestamp, nonce)
