"""Domain errors: what a service raises when a person's request cannot be done.

A ``DomainError`` carries an untranslated English message (marked for lupdate
in the ``errors`` context) and named arguments.  ``str(err)`` gives the
translated text when a translator is installed, so the GUI, the CLI and the
logs all show the same sentence.  Raising one always means *nothing was
changed*: services raise before they write, or inside the transaction that is
then rolled back.
"""

from __future__ import annotations

from typing import Any

from app.i18n import translate

ERRORS = "errors"


class DomainError(Exception):
    """A user-readable refusal; nothing was changed."""

    def __init__(self, message: str, **kwargs: Any) -> None:
        super().__init__(message)
        self.message = message
        self.kwargs = kwargs

    def __str__(self) -> str:
        return translate(ERRORS, self.message, **self.kwargs)

    @property
    def untranslated(self) -> str:
        return self.message.format(**self.kwargs) if self.kwargs else self.message


class ValidationError(DomainError):
    """Input that does not meet the rules (bad code, empty name, weak password)."""


class PermissionDenied(DomainError):
    """The signed-in operator's role does not allow the action."""


class AuthenticationFailed(DomainError):
    """Wrong user name or password, or a disabled account."""


class NotFound(DomainError):
    """The record the action names does not exist."""


class IntegrityProblem(DomainError):
    """Stored data failed a check (corrupt database, broken audit chain, bad backup)."""


class Busy(DomainError):
    """The database is held by a long job or another program; nothing was changed."""
