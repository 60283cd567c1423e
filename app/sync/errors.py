"""Why a sync file, an enrolment file or an import was refused (translated sentences).

Every refusal is a :class:`~app.errors.DomainError` (nothing was changed), with
an English source text in the ``errors`` context and its Chinese translation in
the catalogue, written for the 文明实践员 who carries the USB stick.
"""

from __future__ import annotations

from app.errors import DomainError
from app.i18n import QT_TRANSLATE_NOOP


class SyncFileRefused(DomainError):
    """A sync file that is not imported (damaged, tampered with, not ours...)."""


class UnknownStation(SyncFileRefused):
    """The file names a station that is not enrolled here."""


class WrongStationKey(SyncFileRefused):
    """The file is not signed by the key enrolled for the station it names."""


class SchemaMismatch(SyncFileRefused):
    """The file was written by an older or newer program version."""


class SyncCancelled(DomainError):
    """The person cancelled a running import or export; nothing was changed."""


class ExportFailed(DomainError):
    """The sync file could not be written (a full or pulled-out USB stick)."""


class EnrolmentRefused(DomainError):
    """An enrolment file that cannot be used."""


def damaged(file: str) -> SyncFileRefused:
    return SyncFileRefused(
        QT_TRANSLATE_NOOP(
            "errors",
            "{file} is not a complete sync file (it is damaged or was cut off, e.g. the USB "
            "stick was pulled out while writing). Nothing was imported; export it again at "
            "the station.",
        ),
        file=file,
    )


def tampered(file: str) -> SyncFileRefused:
    return SyncFileRefused(
        QT_TRANSLATE_NOOP(
            "errors",
            "{file} was changed after the station signed it (its contents do not match the "
            "signature). Nothing was imported; export it again at the station.",
        ),
        file=file,
    )


def too_large(file: str) -> SyncFileRefused:
    return SyncFileRefused(
        QT_TRANSLATE_NOOP(
            "errors",
            "{file} is far larger than any sync file a station writes; it was not opened. "
            "Nothing was imported.",
        ),
        file=file,
    )


def bad_payload(file: str, details: str) -> SyncFileRefused:
    return SyncFileRefused(
        QT_TRANSLATE_NOOP(
            "errors",
            "{file} does not hold the tables of a sync file ({details}). It may have been "
            "tampered with; nothing was imported.",
        ),
        file=file,
        details=details,
    )


def cancelled() -> SyncCancelled:
    return SyncCancelled(
        QT_TRANSLATE_NOOP("errors", "The import was cancelled; nothing from this file was kept.")
    )
