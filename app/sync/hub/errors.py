"""The hub's refusals: JSON ``{"error": <reason word>, "message": <sentence>}``.

The sentence is Chinese unless the request asks for English
(``Accept-Language: en…``).  The app's :func:`app.i18n.translate` uses one
catalogue per process, so the hub looks each sentence up in the catalogue of
the request's language itself (:func:`translated`).  A message never holds a
traceback, a secret or personal data.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from app.errors import DomainError
from app.i18n import DEFAULT_LANGUAGE as DEFAULT_LANGUAGE
from app.i18n import QT_TRANSLATE_NOOP, Catalog, read_catalog

CONTEXT = "hub"


class HubError(Exception):
    """A request the hub refuses: HTTP *status*, a stable *reason* word, a sentence."""

    def __init__(
        self,
        status: int,
        reason: str,
        message: str,
        *,
        context: str = CONTEXT,
        headers: dict[str, str] | None = None,
        extra: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason
        self.message = message
        self.context = context
        self.headers = headers or {}
        self.extra = extra or {}
        self.kwargs = kwargs

    @classmethod
    def from_domain(cls, status: int, reason: str, err: DomainError) -> HubError:
        return cls(status, reason, err.message, context="errors", **err.kwargs)


def language_of(accept_language: str | None) -> str:
    """``en`` when the request's first choice is English, else the default (Chinese)."""
    first = (accept_language or "").split(",", 1)[0].strip().lower()
    return "en" if first.startswith("en") else DEFAULT_LANGUAGE


@cache
def _catalog(language: str) -> Catalog:
    if language == "en":
        return {}
    from app.resources import translations_dir

    ts = translations_dir() / f"station_{language}.ts"
    return read_catalog(ts) if ts.exists() else {}


def translated(language: str, context: str, text: str, **kwargs: Any) -> str:
    sentence = _catalog(language).get((context, text), text)
    try:
        return sentence.format(**kwargs) if kwargs else sentence
    except (KeyError, IndexError, ValueError):
        return text


def body(err: HubError, language: str) -> dict[str, Any]:
    out: dict[str, Any] = {
        "error": err.reason,
        "message": translated(language, err.context, err.message, **err.kwargs),
    }
    out.update(err.extra)
    return out


# --- the sentences -------------------------------------------------------------------

LENGTH_REQUIRED = QT_TRANSLATE_NOOP(
    "hub", "The upload has no Content-Length; send the file with its length."
)
BAD_LENGTH = QT_TRANSLATE_NOOP("hub", "The Content-Length of the upload is not a number.")
TOO_LARGE = QT_TRANSLATE_NOOP(
    "hub", "The upload is larger than this hub accepts ({limit} bytes); nothing was imported."
)
INCOMPLETE = QT_TRANSLATE_NOOP(
    "hub", "The upload was cut off before the end; nothing was imported. Send it again."
)
TIMEOUT = QT_TRANSLATE_NOOP(
    "hub", "The upload took too long and was stopped; nothing was imported. Send it again."
)
BAD_NAME = QT_TRANSLATE_NOOP(
    "hub",
    "X-Wb-File-Name must be the sync file's own name (letters, digits, '-', '_' and '.', "
    "ending in .wbsync).",
)
BAD_TYPE = QT_TRANSLATE_NOOP(
    "hub", "The upload must be sent as application/octet-stream (the file's raw bytes)."
)
REVOKED = QT_TRANSLATE_NOOP(
    "hub",
    "The township revoked this station's enrolment; the hub takes nothing from it. "
    "Ask the township.",
)
BUSY = QT_TRANSLATE_NOOP("hub", "The hub is busy; try again in a moment.")
DATABASE_LOST = QT_TRANSLATE_NOOP(
    "hub",
    "The hub lost its connection to its database; nothing of this request was kept. Try again "
    "in a moment.",
)
SIGNED = {
    "missing": QT_TRANSLATE_NOOP("hub", "The request is not signed by a station."),
    "unknown_station": QT_TRANSLATE_NOOP("hub", "This station is not enrolled at the township."),
    "bad_signature": QT_TRANSLATE_NOOP("hub", "The request's signature does not verify."),
    "replayed": QT_TRANSLATE_NOOP("hub", "This request was sent before; it is not accepted twice."),
    "clock": QT_TRANSLATE_NOOP(
        "hub", "The station's clock differs from the hub's; sign again with the hub's time."
    ),
}
NO_CREDENTIALS = QT_TRANSLATE_NOOP(
    "hub", "Sign in with a user name and password of the township (HTTP Basic)."
)
NOT_ALLOWED = QT_TRANSLATE_NOOP("hub", "This user's role may not enrol stations.")
NO_FINGERPRINT = QT_TRANSLATE_NOOP(
    "hub", "X-Wb-Fingerprint is missing: send the fingerprint the station read out."
)
ENROL_TOO_LARGE = QT_TRANSLATE_NOOP(
    "hub", "This is far larger than any enrolment file; it was not read."
)
NOT_FOUND = QT_TRANSLATE_NOOP("hub", "There is nothing at this address.")
NOT_ALLOWED_METHOD = QT_TRANSLATE_NOOP("hub", "This address does not take this method.")
BAD_REQUEST = QT_TRANSLATE_NOOP("hub", "The request is malformed.")
INTERNAL = QT_TRANSLATE_NOOP(
    "hub", "The hub failed on this request (error {error_id}, logged). Try again later."
)
