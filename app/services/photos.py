"""Pictures copied into the data folder — activity, goods and volunteer photos alike.

Every picture the station keeps lives under ``<data>/photos`` and is named in
the database by its path relative to that folder ("/"-separated), so the data
folder and a backup of it (app.services.backup carries the whole folder) hold
them all.  A picture is checked (a picture's suffix, not empty, at most
:data:`MAX_PHOTO_BYTES`) before anything is written, then copied under a
hidden temporary name, flushed to disk and renamed, so a crash never leaves a
half-written photo under its real name.  Photos are write-once: nothing here
overwrites or deletes a stored photo except the one just copied when the
caller's transaction fails (:func:`stored_photo`).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from app.errors import ValidationError
from app.i18n import QT_TRANSLATE_NOOP
from app.ids import new_id

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.db import Database
    from app.services.auth import Actor

PHOTO_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".bmp", ".gif"})
MAX_PHOTO_BYTES = 30 * 1024 * 1024
_BLOCK = 1 << 20
R = TypeVar("R", bound="HasPhoto")
V = TypeVar("V")


@dataclass(frozen=True)
class CopiedPhoto:
    path: str  # relative to the photos folder, "/"-separated: what the database stores
    file: Path  # where it was written
    sha256: str
    size_bytes: int


def _too_large() -> ValidationError:
    return ValidationError(
        QT_TRANSLATE_NOOP("errors", "The picture is larger than {mb} MB."),
        mb=MAX_PHOTO_BYTES // (1024 * 1024),
    )


def check_photo(source: Path) -> int:
    """Refuse *source* unless it is a readable picture file of an allowed size; its size."""
    source = Path(source)
    if source.suffix.lower() not in PHOTO_SUFFIXES:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Only pictures (JPG, PNG, WebP, BMP, GIF) can be added.")
        )
    try:
        size = source.stat().st_size
    except OSError as err:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The file {name} cannot be read."), name=source.name
        ) from err
    if not source.is_file() or size == 0:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The file {name} cannot be read."), name=source.name
        )
    if size > MAX_PHOTO_BYTES:
        raise _too_large()
    return size


def copy_photo(source: Path, photos_root: Path, folder: str, stem: str) -> CopiedPhoto:
    """Check *source*, then copy it to ``<photos_root>/<folder>/<stem><suffix>``.

    *folder* is relative to the photos folder ("/"-separated, e.g. ``goods/<id>``).
    Raises :class:`ValidationError` (and leaves no file) when the picture is refused
    or cannot be copied.
    """
    source = Path(source)
    check_photo(source)
    suffix = source.suffix.lower()
    target_dir = Path(photos_root).joinpath(*folder.split("/"))
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / f"{stem}{suffix}"
    tmp = target_dir / f".{stem}{suffix}.tmp"  # hidden: backups skip it
    digest = hashlib.sha256()
    size = 0
    try:
        with source.open("rb") as src, tmp.open("wb") as dst:
            for block in iter(lambda: src.read(_BLOCK), b""):
                size += len(block)
                if size > MAX_PHOTO_BYTES:  # the file grew after it was checked
                    raise _too_large()
                digest.update(block)
                dst.write(block)
            dst.flush()
            os.fsync(dst.fileno())
        os.replace(tmp, target)
    except (OSError, ValidationError) as err:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(err, ValidationError):
            raise
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The picture could not be copied: {error}"),
            error=err.strerror or str(err),
        ) from err
    return CopiedPhoto(f"{folder}/{target.name}", target, digest.hexdigest(), size)


@contextlib.contextmanager
def stored_photo(source: Path, photos_root: Path, folder: str, stem: str) -> Iterator[CopiedPhoto]:
    """:func:`copy_photo`, and remove the copy again if the block raises.

    The block records the photo in the database; when that transaction fails
    the file is not named anywhere and must not stay behind.
    """
    copied = copy_photo(source, photos_root, folder, stem)
    try:
        yield copied
    except BaseException:
        with contextlib.suppress(OSError):
            copied.file.unlink()
        raise


class HasPhoto(Protocol):
    id: str
    photo_path: str | None


def set_record_photo(
    db: Database,
    actor: Actor,
    photos_root: Path,
    source: Path | None,
    *,
    target_type: str,
    folder: str,
    load: Callable[[Session], R],
    view: Callable[[Session, R], V],
) -> V:
    """Give the record *load* returns a copy of *source* as its photo, or none.

    The one use case behind "goods photo" and "volunteer photo": ``None`` only
    drops the reference (the file stays: photos are write-once and a backup may
    still name it); otherwise the picture is checked, copied under *folder* and
    recorded in the same transaction as its audit entry
    (``<target_type>.photo_set`` / ``.photo_remove``).  The caller checks the
    permission.
    """
    from app.services import audit

    if source is None:
        with db.write() as session:
            record = load(session)
            if record.photo_path is not None:
                before = record.photo_path
                record.photo_path = None
                audit.record(
                    session,
                    actor,
                    f"{target_type}.photo_remove",
                    target_type,
                    record.id,
                    before={"photo": before},
                )
            return view(session, record)
    source = Path(source)
    check_photo(source)
    with db.read() as session:
        load(session)  # refuse an unknown record before copying anything
    with stored_photo(source, photos_root, folder, new_id()) as copied, db.write() as session:
        record = load(session)
        previous = record.photo_path
        record.photo_path = copied.path
        audit.record(
            session,
            actor,
            f"{target_type}.photo_set",
            target_type,
            record.id,
            before={"photo": previous} if previous else None,
            after={"photo": copied.path, "name": source.name[:200], "sha256": copied.sha256},
        )
        return view(session, record)
