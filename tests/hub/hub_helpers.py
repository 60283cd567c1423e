"""What a station does over HTTP, written out plainly for the tests."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

import httpx

from app.services.keys import load_keys
from app.sync.request_auth import sign_request


def upload(
    base: str,
    path: Path,
    *,
    client: httpx.Client | None = None,
    data: bytes | None = None,
    **headers: str,
) -> httpx.Response:
    """POST a sync file to the hub at *base*, as a station does (on *client* if given;
    *data*: the file's bytes, read once by a caller that posts it again)."""
    post = client.post if client is not None else partial(httpx.post, timeout=120)
    return post(
        base + "/api/v1/sync-files",
        content=path.read_bytes() if data is None else data,
        headers={
            "Content-Type": "application/octet-stream",
            "X-Wb-File-Name": path.name,
            **headers,
        },
    )


def signed_headers(station: Any, code: str | None = None, **kw: Any) -> dict[str, str]:
    """Headers of a signed GET /api/v1/config by *station* (a DemoStation)."""
    from app.services.station import get_station

    signing = load_keys(station.data_dir.keys).signing
    return sign_request(
        signing, code or get_station(station.db).code, "GET", "/api/v1/config", **kw
    )


def fetch_config(base: str, headers: dict[str, str]) -> httpx.Response:
    return httpx.get(base + "/api/v1/config", headers=headers, timeout=60)
