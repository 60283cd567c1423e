"""Signed station requests (app.sync.request_auth): what the hub accepts and refuses."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.sync.request_auth import (
    HEADER_SIGNATURE,
    HEADER_STATION,
    MAX_SKEW_S,
    RequestRefused,
    sign_request,
    verify_request,
)

NOW = 1_800_000_000.0
KEY = Ed25519PrivateKey.generate()
PUBLIC = (
    KEY.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw).hex()
)


def _lookup(code: str) -> str | None:
    return PUBLIC if code == "S001" else None


def _reason(headers: dict[str, str], path: str = "/api/v1/config", body: bytes = b"") -> str:
    with pytest.raises(RequestRefused) as refused:
        verify_request(headers, "GET", path, body, _lookup, now=NOW)
    return refused.value.reason


def test_a_signed_request_names_its_station() -> None:
    headers = sign_request(KEY, "S001", "GET", "/api/v1/config", now=NOW)
    signed = verify_request(headers, "get", "/api/v1/config", b"", _lookup, now=NOW)
    assert signed.station_code == "S001"
    assert len(signed.nonce) == 32
    # header names are case-insensitive on the wire
    lower = {k.lower(): v for k, v in headers.items()}
    assert (
        verify_request(lower, "GET", "/api/v1/config", b"", _lookup, now=NOW).nonce == signed.nonce
    )


def test_another_path_body_station_or_key_is_refused() -> None:
    headers = sign_request(KEY, "S001", "GET", "/api/v1/config", now=NOW)
    assert _reason(headers, path="/api/v1/config?x=1") == "bad_signature"
    assert _reason(headers, body=b"x") == "bad_signature"
    assert _reason({**headers, HEADER_STATION: "S002"}) == "unknown_station"
    other = sign_request(Ed25519PrivateKey.generate(), "S001", "GET", "/api/v1/config", now=NOW)
    assert _reason(other) == "bad_signature"


def test_malformed_headers_are_refused_as_missing() -> None:
    headers = sign_request(KEY, "S001", "GET", "/api/v1/config", now=NOW)
    for name in list(headers):
        assert _reason({k: v for k, v in headers.items() if k != name}) == "missing"
    assert _reason({**headers, HEADER_SIGNATURE: "zz" * 64}) == "missing"
    assert _reason({**headers, HEADER_STATION: "S001'; DROP"}) == "missing"


def test_a_clock_outside_the_window_is_refused_and_an_offset_heals_it() -> None:
    late = sign_request(KEY, "S001", "GET", "/api/v1/config", now=NOW - MAX_SKEW_S - 5)
    assert _reason(late) == "clock"
    corrected = sign_request(
        KEY, "S001", "GET", "/api/v1/config", now=NOW - 3600, clock_offset_s=3600
    )
    assert verify_request(corrected, "GET", "/api/v1/config", b"", _lookup, now=NOW)
