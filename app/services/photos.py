"""Pictures copied into the data folder — activity, goods and volunteer photos alike.

Every picture the station keeps lives under ``<data>/photos`` and is named in
the database by its path relative to that folder ("/"-separated), so the data
folder and a backup of it (app.services.backup carries the whole folder) hold
them all.

A chosen file is hostile input until proven a picture.  :func:`check_photo`
refuses a wrong suffix, an empty or too large file, a symbolic link (a
"photo.jpg" pointing at ``/etc/passwd`` would otherwise be copied into every
backup) and anything that is not a regular file; the file is then opened
without following links (``O_NOFOLLOW``) and its bytes go through
:func:`checked_image_bytes`: Pillow must decode them as a JPEG, PNG, WebP,
BMP or GIF of at most :data:`MAX_PIXELS` (read from the header, before any
pixel is decoded, so a 12000×12000 PNG of 420 KB is refused cheaply), and
what is stored is a re-encoded copy — EXIF orientation applied, at most
:data:`MAX_SIDE` pixels on the long side, JPEG quality :data:`JPEG_QUALITY`,
no metadata (no GPS position, no camera serial).  So every stored photo is a
sane JPEG of a few hundred KB, whatever was chosen, and cards print fast.
:func:`check_image_bytes` is the same check without re-encoding, for a
restore to apply to the photos a backup carries.

The copy is written under a hidden temporary name, flushed to disk and
renamed, so a crash never leaves a half-written photo under its real name.
Photos are write-once: nothing here overwrites or deletes a stored photo
except the one just copied when the caller's transaction fails
(:func:`stored_photo`).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import stat
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from app.errors import ValidationError
from app.i18n import QT_TRANSLATE_NOOP
from app.ids import new_id
from app.image_limits import MAX_PIXELS, OPEN_FORMATS

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.db import Database
    from app.services.auth import Actor

PHOTO_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".bmp", ".gif"})
MAX_PHOTO_BYTES = 30 * 1024 * 1024
MAX_SIDE = 1600  # the stored copy's long side: sharp on a card, a report or the screen
JPEG_QUALITY = 85
STORED_SUFFIX = ".jpg"  # every stored photo is a re-encoded JPEG
# the formats the decoders give (MPO: the multi-picture JPEG many phones write, opened
# by the JPEG decoder)
IMAGE_FORMATS = frozenset({*OPEN_FORMATS, "MPO"})
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


def _not_a_picture() -> ValidationError:
    return ValidationError(
        QT_TRANSLATE_NOOP(
            "errors",
            "The file is not a picture (JPG, PNG, WebP, BMP, GIF), or it is damaged.",
        )
    )


def _unreadable(source: Path) -> ValidationError:
    return ValidationError(
        QT_TRANSLATE_NOOP("errors", "The file {name} cannot be read."), name=source.name
    )


def check_photo(source: Path) -> int:
    """Refuse *source* unless it is a regular picture file (not a link) of an allowed size;
    its size.  The content is checked when it is copied (:func:`copy_photo`)."""
    source = Path(source)
    if source.suffix.lower() not in PHOTO_SUFFIXES:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Only pictures (JPG, PNG, WebP, BMP, GIF) can be added.")
        )
    try:
        info = os.lstat(source)
    except OSError as err:
        raise _unreadable(source) from err
    if stat.S_ISLNK(info.st_mode):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors",
                "{name} is a shortcut (a link) to another file. Choose the picture itself.",
            ),
            name=source.name,
        )
    if not stat.S_ISREG(info.st_mode) or info.st_size == 0:
        raise _unreadable(source)
    if info.st_size > MAX_PHOTO_BYTES:
        raise _too_large()
    return info.st_size


def _open_image(data: bytes) -> Any:
    """*data* as a Pillow image (header read, no pixels yet), or a refusal."""
    from PIL import Image, UnidentifiedImageError

    if not data or len(data) > MAX_PHOTO_BYTES:
        raise _too_large() if data else _not_a_picture()
    Image.init()  # registers WebP, which the formats below name
    try:
        with warnings.catch_warnings():
            # the pixel count is checked below, against a stricter bound than Pillow's
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=OPEN_FORMATS)
    except Image.DecompressionBombError as err:
        raise _too_many_pixels() from err
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as err:
        raise _not_a_picture() from err
    if image.format not in IMAGE_FORMATS:
        image.close()
        raise _not_a_picture()
    width, height = image.size
    if width <= 0 or height <= 0:
        image.close()
        raise _not_a_picture()
    if width * height > MAX_PIXELS:
        image.close()
        raise _too_many_pixels()
    return image


def _too_many_pixels() -> ValidationError:
    return ValidationError(
        QT_TRANSLATE_NOOP(
            "errors",
            "The picture has more than {max} million pixels. Make it smaller and add it again.",
        ),
        max=MAX_PIXELS // 1_000_000,
    )


def check_image_bytes(data: bytes) -> None:
    """Refuse *data* unless it is a picture the station would accept (format, pixels,
    structure); nothing is decoded beyond what Pillow's ``verify`` reads, so a
    restore can check a thousand photos quickly."""
    image = _open_image(data)
    try:
        with image:
            image.verify()
    except Exception as err:  # Pillow raises many kinds for a damaged file
        raise _not_a_picture() from err


def checked_image_bytes(data: bytes) -> bytes:
    """The picture in *data*, decoded and re-encoded as a sane JPEG; raises
    :class:`ValidationError` (translated) when *data* is not an acceptable picture.

    EXIF orientation is applied, the long side is at most :data:`MAX_SIDE`,
    transparency is laid on white, only the first frame of an animation is
    kept, and no metadata is carried over.
    """
    from PIL import Image, ImageOps

    image = _open_image(data)
    try:
        with image, warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image.draft("RGB", (MAX_SIDE, MAX_SIDE))  # JPEG: decode at a fraction of the size
            image.load()
            upright = ImageOps.exif_transpose(image)
            if upright.mode in ("RGBA", "LA", "PA") or (
                upright.mode == "P" and "transparency" in upright.info
            ):
                rgba = upright.convert("RGBA")
                flat = Image.new("RGB", rgba.size, "white")
                flat.paste(rgba, mask=rgba.getchannel("A"))
            else:
                flat = upright.convert("RGB")
            flat.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
            out = io.BytesIO()
            flat.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    except ValidationError:
        raise
    except Exception as err:  # truncated data, a bad chunk, a bomb warning turned error...
        raise _not_a_picture() from err
    return out.getvalue()


def _read_source(source: Path) -> bytes:
    """*source*'s bytes, opened without following a link, at most :data:`MAX_PHOTO_BYTES`."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(source, flags)
    except OSError as err:
        raise _unreadable(source) from err
    with os.fdopen(fd, "rb") as src:
        if not stat.S_ISREG(os.fstat(src.fileno()).st_mode):
            raise _unreadable(source)
        data = src.read(MAX_PHOTO_BYTES + 1)
    if len(data) > MAX_PHOTO_BYTES:  # the file grew after it was checked
        raise _too_large()
    return data


def copy_photo(source: Path, photos_root: Path, folder: str, stem: str) -> CopiedPhoto:
    """Check *source*, then store its re-encoded copy as ``<photos_root>/<folder>/<stem>.jpg``.

    *folder* is relative to the photos folder ("/"-separated, e.g. ``goods/<id>``).
    Raises :class:`ValidationError` (and leaves no file) when the picture is refused
    or cannot be copied.
    """
    source = Path(source)
    check_photo(source)
    data = checked_image_bytes(_read_source(source))
    target_dir = Path(photos_root).joinpath(*folder.split("/"))
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / f"{stem}{STORED_SUFFIX}"
    tmp = target_dir / f".{stem}{STORED_SUFFIX}.tmp"  # hidden: backups skip it
    try:
        with tmp.open("wb") as dst:
            dst.write(data)
            dst.flush()
            os.fsync(dst.fileno())
        os.replace(tmp, target)
    except OSError as err:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The picture could not be copied: {error}"),
            error=err.strerror or str(err),
        ) from err
    return CopiedPhoto(
        f"{folder}/{target.name}", target, hashlib.sha256(data).hexdigest(), len(data)
    )


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


@contextlib.contextmanager
def stored_photos(
    sources: Iterable[str | Path], photos_root: Path, folder: str
) -> Iterator[list[tuple[Path, CopiedPhoto, str]]]:
    """Several chosen pictures at once: every one checked before any is copied, then all
    copied (``(source, copy, new id)`` each) and all removed again if the block raises —
    the block records them in one transaction, so it is all of them or none."""
    files = [Path(source) for source in sources]
    for source in files:
        check_photo(source)
    with contextlib.ExitStack() as stack:
        copies = []
        for source in files:
            photo_id = new_id()
            copied = stack.enter_context(stored_photo(source, photos_root, folder, photo_id))
            copies.append((source, copied, photo_id))
        yield copies


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
