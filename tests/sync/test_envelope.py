"""The ``.wbsync`` envelope as hostile input: damaged files, zip tricks, zip bombs.

Each refused file leaves the township exactly as it was.
"""

from __future__ import annotations

import zipfile

import pytest
from sync_helpers import World, row_counts

from app.errors import DomainError
from app.sync.errors import SyncFileRefused
from app.sync.export import export_sync
from app.sync.importer import import_file


@pytest.fixture
def exported(world: World, tmp_path):
    return export_sync(world.a.db, world.a.data_dir, tmp_path / "stick").path


def _refused(world: World, path, words: str) -> None:
    before = row_counts(world.town.db)
    with pytest.raises(SyncFileRefused) as err:
        import_file(world.town.db, path)
    assert words in err.value.untranslated
    assert row_counts(world.town.db) == before


def test_a_zero_byte_file_is_refused(world, tmp_path):
    empty = tmp_path / "330481101001_1-9.wbsync"
    empty.write_bytes(b"")
    _refused(world, empty, "not a complete sync file")


@pytest.mark.parametrize("keep", [0.1, 0.5, 0.9, 0.999])
def test_a_truncated_file_is_refused(world, exported, tmp_path, keep):
    data = exported.read_bytes()
    cut = tmp_path / "cut.wbsync"
    cut.write_bytes(data[: int(len(data) * keep)])
    _refused(world, cut, "not a complete sync file")


@pytest.mark.parametrize("where", [0.05, 0.3, 0.6, 0.95])
def test_a_bit_flipped_file_is_refused_or_is_the_same_file(world, exported, tmp_path, where):
    """A flipped bit is refused, unless it fell on zip bytes that carry no content.

    A deflate stream can point a back-reference at another run of the same bytes (a
    SQLite page is mostly zeros), and a local header's time is read by nobody: a flip
    there leaves exactly what the station signed. Such a copy is then the same file as
    the original — imported once, whichever of the two comes first.
    """
    data = bytearray(exported.read_bytes())
    data[int(len(data) * where)] ^= 0x10
    flipped = tmp_path / "flipped.wbsync"
    flipped.write_bytes(bytes(data))
    before = row_counts(world.town.db)
    try:
        first = import_file(world.town.db, flipped)
    except SyncFileRefused:
        assert row_counts(world.town.db) == before
        return
    assert first.status == "imported"
    after = row_counts(world.town.db)
    assert import_file(world.town.db, exported).status == "already"
    assert row_counts(world.town.db) == after


def test_a_copy_zipped_differently_is_the_same_file(world: World, exported, tmp_path):
    """The identity of a sync file is what the station signed, not the zip's own bytes."""
    copy = _rezip(exported, tmp_path / "copy.wbsync", {})  # other times, other deflate
    assert copy.read_bytes() != exported.read_bytes()
    assert import_file(world.town.db, exported).status == "imported"
    after = row_counts(world.town.db)
    again = import_file(world.town.db, copy)
    assert again.status == "already" and again.first_imported_at is not None
    assert row_counts(world.town.db) == after


def _rezip(source, target, entries: dict[str, bytes | None], extra: dict[str, bytes] | None = None):
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            name = info.filename
            data = src.read(info)
            if name in entries:
                if entries[name] is None:
                    continue
                data = entries[name]
            dst.writestr(name, data)
        for name, data in (extra or {}).items():
            dst.writestr(name, data)
    return target


def test_an_extra_entry_or_a_path_trick_is_refused(world, exported, tmp_path):
    _refused(
        world,
        _rezip(exported, tmp_path / "x.wbsync", {}, {"../../evil.sh": b"rm -rf /"}),
        "not a complete sync file",
    )
    with zipfile.ZipFile(exported) as zf:
        payload = zf.read("payload.sqlite")
    _refused(
        world,
        _rezip(
            exported,
            tmp_path / "y.wbsync",
            {"payload.sqlite": None},
            {"../payload.sqlite": payload},
        ),
        "not a complete sync file",
    )


def test_an_edited_manifest_under_the_original_signature_is_refused(world, exported, tmp_path):
    with zipfile.ZipFile(exported) as zf:
        manifest = zf.read("manifest.json").replace(b'"seq_from": 1', b'"seq_from": 2')
    _refused(world, _rezip(exported, tmp_path / "m.wbsync", {"manifest.json": manifest}), "")


def test_a_zip_bomb_is_refused_before_it_is_unpacked(world, exported, tmp_path):
    bomb = tmp_path / "bomb.wbsync"
    _rezip(exported, bomb, {"payload.sqlite": b"\0" * (8 * 1024 * 1024)})
    _refused(world, bomb, "far larger than any sync file")


def test_a_payload_longer_than_signed_is_refused_while_streaming(world: World, exported, tmp_path):
    with zipfile.ZipFile(exported) as zf:
        payload = zf.read("payload.sqlite")
    longer = _rezip(exported, tmp_path / "long.wbsync", {"payload.sqlite": payload + b"\0" * 4096})
    _refused(world, longer, "changed after the station signed it")


def test_every_refusal_is_a_domain_error_with_a_chinese_sentence(world, tmp_path):
    from app.i18n import restore_catalog, use_catalog

    junk = tmp_path / "junk.wbsync"
    junk.write_bytes(b"PK\x05\x06" + b"\0" * 18)  # an empty zip
    before = use_catalog("zh_CN")
    try:
        with pytest.raises(DomainError) as err:
            import_file(world.town.db, junk)
        assert "同步文件" in str(err.value)
    finally:
        restore_catalog(before)
