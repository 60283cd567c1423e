"""A volunteer's card photo: copied, replaced, removed (the file stays), refused, audited."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtGui import QColor, QImage
from sqlalchemy import select
from volunteers_factory import new_volunteer, snapshot, worker_of

from app.errors import NotFound, PermissionDenied, ValidationError
from app.models import AuditEntry, Role
from app.services import audit, photos, volunteers
from app.services.auth import Actor
from app.services.volunteers import VolunteerData


def picture(path: Path, color: str = "red") -> Path:
    image = QImage(60, 80, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    assert image.save(str(path))
    return path


def audit_actions(db, target_id: str) -> list[str]:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return list(
            s.scalars(
                select(AuditEntry.action)
                .where(AuditEntry.target_id == target_id)
                .order_by(AuditEntry.seq)
            )
        )


def stored_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


def test_a_photo_is_copied_replaced_and_removal_keeps_the_file(
    station_db, data_dir, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    db, admin = station_db
    worker = worker_of(db, admin)
    vid = new_volunteer(db, admin, "张三")
    src = picture(tmp_path / "张三.JPG")
    v = volunteers.set_volunteer_photo(db, worker, data_dir.photos, vid, src)
    assert v.photo_path is not None
    assert v.photo_path.startswith(f"volunteers/{vid}/") and v.photo_path.endswith(".jpg")
    first = data_dir.photos / v.photo_path
    stored = Image.open(first)  # a re-encoded copy, the same picture
    assert (stored.format, stored.size) == ("JPEG", Image.open(src).size)
    assert not [p for p in first.parent.iterdir() if p.name.startswith(".")]  # no temp file
    assert volunteers.get_volunteer(db, vid).photo_path == v.photo_path

    # editing the volunteer's details keeps the photo
    volunteers.update_volunteer(db, worker, vid, VolunteerData(name="张三", phone="13912345678"))
    assert volunteers.get_volunteer(db, vid).photo_path == v.photo_path

    # a new photo is a new file; the old one stays (write-once)
    second = volunteers.set_volunteer_photo(
        db, worker, data_dir.photos, vid, picture(tmp_path / "b.png", "blue")
    )
    assert second.photo_path is not None and second.photo_path != v.photo_path
    assert second.photo_path.endswith(".jpg") and first.exists()  # every stored photo: JPEG

    removed = volunteers.set_volunteer_photo(db, worker, data_dir.photos, vid, None)
    assert removed.photo_path is None
    assert volunteers.get_volunteer(db, vid).photo_path is None
    assert first.exists() and (data_dir.photos / second.photo_path).exists()
    # removing nothing writes nothing
    before = snapshot(db)
    volunteers.set_volunteer_photo(db, worker, data_dir.photos, vid, None)
    assert snapshot(db) == before
    assert audit_actions(db, vid)[-4:] == [
        "volunteer.photo_set",
        "volunteer.update",
        "volunteer.photo_set",
        "volunteer.photo_remove",
    ]
    assert audit.verify_chain(db).ok


@pytest.mark.parametrize("name", ["notes.txt", "huge.jpg", "empty.png", "missing.jpg"])
def test_refused_photos_write_nothing(station_db, data_dir, tmp_path: Path, name: str) -> None:  # type: ignore[no-untyped-def]
    db, admin = station_db
    vid = new_volunteer(db, admin, "李四")
    src = tmp_path / name
    if name == "notes.txt":
        picture(tmp_path / "real.png").rename(src)  # a picture's bytes, not a picture's name
    elif name == "huge.jpg":
        with src.open("wb") as f:
            f.truncate(photos.MAX_PHOTO_BYTES + 1)  # sparse: costs no disk
    elif name == "empty.png":
        src.write_bytes(b"")
    before = snapshot(db)
    with pytest.raises(ValidationError):
        volunteers.set_volunteer_photo(db, admin, data_dir.photos, vid, src)
    assert snapshot(db) == before
    assert stored_files(data_dir.photos) == []
    assert volunteers.get_volunteer(db, vid).photo_path is None


def test_permission_missing_volunteer_and_a_failed_transaction(
    station_db, data_dir, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    db, admin = station_db
    vid = new_volunteer(db, admin, "王五")
    src = picture(tmp_path / "a.png")
    counter = Actor("x", "c", "柜台", Role.COUNTER)
    with pytest.raises(PermissionDenied):
        volunteers.set_volunteer_photo(db, counter, data_dir.photos, vid, src)
    with pytest.raises(NotFound):
        volunteers.set_volunteer_photo(db, admin, data_dir.photos, "nope", src)
    assert stored_files(data_dir.photos) == []

    def broken(*_a, **_k):  # type: ignore[no-untyped-def]
        raise RuntimeError("disk full")

    monkeypatch.setattr(audit, "record", broken)
    with pytest.raises(RuntimeError):
        volunteers.set_volunteer_photo(db, admin, data_dir.photos, vid, src)
    assert stored_files(data_dir.photos) == []  # the copy is removed with the transaction
    monkeypatch.undo()
    assert volunteers.get_volunteer(db, vid).photo_path is None
