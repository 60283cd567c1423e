"""Hostile photos: goods, volunteer and activity photos accept only real pictures,
never through a link, never with too many pixels, and store a re-encoded JPEG;
a refused picture gets a translated message and changes nothing (a digest of
every table, and no file in the photos folder).  A backup carrying a photo that
is not a picture is refused before anything changes."""

from __future__ import annotations

import io
import os
import re
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from digests import table_digests
from hostile import images
from PIL import Image
from volunteers_factory import make_world, new_volunteer

from app.errors import IntegrityProblem, ValidationError
from app.services import activities, backup, photos, restore, supermarket, volunteers
from app.services.supermarket import GoodsData
from app.translations import install_translators

MB = 1 << 20


@pytest.fixture
def w(station_db, data_dir):  # type: ignore[no-untyped-def]
    db, admin = station_db
    return make_world(db, admin, data_dir)


def _setters(w: Any) -> dict[str, Callable[[Path], object]]:
    goods = supermarket.create_goods(w.db, w.admin, GoodsData("毛巾", 5, "日用品", "条"))
    vid = new_volunteer(w.db, w.worker, "王五")
    root = w.data_dir.photos
    return {
        "goods": lambda src: supermarket.set_goods_photo(w.db, w.admin, root, goods.id, src),
        "volunteer": lambda src: volunteers.set_volunteer_photo(w.db, w.worker, root, vid, src),
        "activity": lambda src: activities.add_photo(w.db, w.worker, root, w.activity_id, src),
    }


def _link_to_passwd(tmp: Path) -> Path:
    link = tmp / "照片.jpg"
    link.symlink_to("/etc/passwd")
    return link


def _link_to_a_picture(tmp: Path) -> Path:
    real = images.write(tmp / "real.png", images.png())
    link = tmp / "照片.png"
    link.symlink_to(real)
    return link


def _fifo(tmp: Path) -> Path:
    path = tmp / "照片.jpg"
    os.mkfifo(path)  # opening it would block for ever
    return path


NOT_A_PICTURE = "is not a picture"
HOSTILE: dict[str, tuple[Callable[[Path], Path], str]] = {
    "text-named-jpg": (lambda t: images.write(t / "a.jpg", b"hello, not a picture"), NOT_A_PICTURE),
    "zip-named-png": (lambda t: images.write(t / "a.png", images.zip_bytes()), NOT_A_PICTURE),
    "random-bytes-webp": (lambda t: images.write(t / "a.webp", os.urandom(5000)), NOT_A_PICTURE),
    "truncated-jpeg": (lambda t: images.write(t / "a.jpg", images.truncated_jpeg()), NOT_A_PICTURE),
    "broken-png-data": (
        lambda t: images.write(t / "a.png", images.header_only_png(100, 100)),
        NOT_A_PICTURE,
    ),
    "12000x12000-png": (
        lambda t: images.write(t / "a.png", images.huge_png(12000, 12000)),
        "more than 40 million pixels",
    ),
    "400-megapixel-header": (
        lambda t: images.write(t / "a.png", images.header_only_png(20000, 20000)),
        "more than 40 million pixels",
    ),
    "link-to-etc-passwd": (_link_to_passwd, "is a shortcut (a link)"),
    "link-to-a-real-picture": (_link_to_a_picture, "is a shortcut (a link)"),
    "fifo-named-jpg": (_fifo, "cannot be read"),
    "empty-file": (lambda t: images.write(t / "a.jpg", b""), "cannot be read"),
}


@pytest.mark.parametrize("kind", ["goods", "volunteer", "activity"])
@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_hostile_photo_is_refused_clearly_and_changes_nothing(
    qapp, w, tmp_path: Path, kind: str, case: str
) -> None:  # type: ignore[no-untyped-def]
    setter = _setters(w)[kind]
    build, expected = HOSTILE[case]
    (tmp_path / "src").mkdir()
    source = build(tmp_path / "src")
    before = table_digests(w.db.path)
    started = time.monotonic()
    with pytest.raises(ValidationError) as refused:
        setter(source)
    assert time.monotonic() - started < 3
    assert expected in refused.value.untranslated
    assert table_digests(w.db.path) == before
    assert [p for p in w.data_dir.photos.rglob("*") if p.is_file()] == []
    install_translators(qapp, "zh_CN")
    try:
        text = str(refused.value)
    finally:
        install_translators(qapp, "en")
    assert re.search("[\u4e00-\u9fff]", text.replace("照片", "")), text


def _stored(w: Any, view: Any) -> Image.Image:
    rel = getattr(view, "photo_path", None) or view.path
    assert rel.endswith(".jpg")
    return Image.open(w.data_dir.photos / rel)


def test_every_stored_photo_is_a_sane_upright_jpeg_without_metadata(w, tmp_path: Path) -> None:
    set_goods = _setters(w)["goods"]
    big = _stored(w, set_goods(images.write(tmp_path / "big.jpg", images.jpeg(4000, 3000))))
    assert (big.format, big.size) == ("JPEG", (1600, 1200))
    turned = _stored(
        w, set_goods(images.write(tmp_path / "turned.jpg", images.rotated_jpeg_with_gps()))
    )
    assert turned.size == (80, 60)  # the EXIF orientation was applied
    assert dict(turned.getexif()) == {} and "exif" not in turned.info  # no GPS, no camera
    clear = _stored(
        w,
        set_goods(
            images.write(tmp_path / "clear.png", images.png(mode="RGBA", color=(0, 0, 0, 0)))
        ),
    )
    assert clear.mode == "RGB" and clear.getpixel((5, 5)) == (255, 255, 255)  # laid on white
    gif = _stored(w, set_goods(images.write(tmp_path / "moving.gif", images.animated_gif())))
    assert (gif.format, gif.size, getattr(gif, "n_frames", 1)) == ("JPEG", (40, 30), 1)
    poly = set_goods(images.write(tmp_path / "poly.jpg", images.polyglot()))
    assert b"PK\x03\x04" not in (w.data_dir.photos / poly.photo_path).read_bytes()


def test_a_photo_just_under_the_pixel_bound_is_stored_small_in_bounded_time(
    w, tmp_path: Path
) -> None:
    import tracemalloc

    source = images.write(tmp_path / "wide.png", images.huge_png(6000, 6000))
    tracemalloc.start()
    started = time.monotonic()
    try:
        view = _setters(w)["volunteer"](source)
        elapsed = time.monotonic() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert _stored(w, view).size == (1600, 1600)
    assert elapsed < 10
    assert peak < 300 * MB, f"{peak / MB:.0f} MB"


# --- restore -----------------------------------------------------------------------------


def _doctored_backup(w: Any, tmp_path: Path, rel: str, data: bytes) -> Path:
    info = backup.backup_now(w.db, w.admin, tmp_path / "usb")
    con = sqlite3.connect(info.path)
    with con:
        con.execute(f"INSERT INTO {backup.PHOTO_TABLE} (path, data) VALUES (?, ?)", (rel, data))
    con.close()
    return info.path


@pytest.mark.parametrize(
    "data",
    [
        b"root:x:0:0:root:/root:/bin/bash\n",
        images.zip_bytes(),
        images.header_only_png(20000, 20000),
    ],
    ids=["passwd-as-a-photo", "zip-as-a-photo", "pixel-bomb"],
)
def test_a_backup_carrying_a_photo_that_is_not_a_picture_is_refused(
    qapp, w, tmp_path: Path, data: bytes
) -> None:  # type: ignore[no-untyped-def]
    good = _setters(w)["goods"](images.write(tmp_path / "g.png", images.png()))
    path = _doctored_backup(w, tmp_path, "act/evil.jpg", data)
    before = table_digests(w.db.path)
    with pytest.raises(IntegrityProblem) as refused:
        restore.restore_backup(w.db, w.data_dir, w.admin, path)
    w.db.dispose()
    assert "carries a photo that is not a picture (act/evil.jpg)" in refused.value.untranslated
    assert table_digests(w.db.path) == before
    assert not (w.data_dir.photos / "act" / "evil.jpg").exists()
    assert (w.data_dir.photos / good.photo_path).exists()
    install_translators(qapp, "zh_CN")
    try:
        assert re.search("[\u4e00-\u9fff]", str(refused.value))
    finally:
        install_translators(qapp, "en")


def test_restoring_photos_skips_what_is_not_a_picture_and_links(w, tmp_path: Path) -> None:
    """restore_photos itself (the mirror of the daily backups, too) writes only pictures,
    and a backup never carries a link's target."""
    mirror = w.data_dir.backups / backup.PHOTO_MIRROR
    images.write(mirror / "a" / "ok.jpg", images.jpeg())
    images.write(mirror / "a" / "bad.jpg", b"not a picture")
    (w.data_dir.photos / "b").mkdir(parents=True)
    (w.data_dir.photos / "b" / "passwd.jpg").symlink_to("/etc/passwd")
    info = backup.backup_now(w.db, w.admin, tmp_path / "usb")
    assert info.photos == 0  # the link was not carried
    restored = backup.restore_photos(info.path, w.data_dir)
    assert restored == 1
    assert (w.data_dir.photos / "a" / "ok.jpg").exists()
    assert not (w.data_dir.photos / "a" / "bad.jpg").exists()


def test_check_image_bytes_is_quick_and_strict(tmp_path: Path) -> None:
    photos.check_image_bytes(images.jpeg())
    photos.check_image_bytes(images.png())
    for bad in (
        b"",
        b"GIF89a",
        images.zip_bytes(),
        images.huge_png(),
        images.header_only_png(9, 9),
    ):
        with pytest.raises(ValidationError):
            photos.check_image_bytes(bad)
    assert Image.open(io.BytesIO(photos.checked_image_bytes(images.png()))).format == "JPEG"
