"""Small pictures of photos, decoded and scaled off the GUI thread.

The functions here run inside ``run_task``: a QImage may be made and scaled on
a worker thread, a QPixmap may not, so they return QImages and the GUI thread
turns them into pixmaps or icons (cheap for a thumbnail).  A picture that
cannot be read gives a null QImage rather than an error: a missing or broken
photo must not stop a screen from showing its goods.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QImageReader

from app.services import photos


def photo_file(photos_root: Path, relative: str) -> Path:
    """The file a stored photo path ("/"-separated, relative to the photos folder) names."""
    return Path(photos_root).joinpath(*relative.split("/"))


def load_thumbnail(path: Path, size: QSize) -> QImage:
    """*path* decoded and scaled to fit *size* (a null QImage when it cannot be read)."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)  # phone photos are often stored sideways (EXIF)
    full = reader.size()
    if full.isValid() and (full.width() > size.width() or full.height() > size.height()):
        # Decode at (about) the size shown: a JPEG of many megapixels decodes much faster.
        reader.setScaledSize(full.scaled(size, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        return QImage()
    if image.width() > size.width() or image.height() > size.height():
        image = image.scaled(
            size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
    return image


def load_thumbnails(photos_root: Path, relatives: Iterable[str], size: QSize) -> dict[str, QImage]:
    """Thumbnails of stored photos, by their stored path."""
    return {rel: load_thumbnail(photo_file(photos_root, rel), size) for rel in relatives}


def preview_picture(source: Path, size: QSize) -> QImage:
    """A chosen picture's thumbnail, after the checks the service will make.

    Raises the service's ValidationError (not a picture, too large, unreadable)
    so the person hears it when choosing, not only when saving.
    """
    photos.check_photo(Path(source))
    return load_thumbnail(Path(source), size)
