"""Fuzzing the township import with 1,200 mutated sync files (issue 14).

Truncations, byte flips, renamed zip entries and edited manifests of a real
station export: no mutant may crash the importer (every refusal is a
DomainError with a Chinese sentence), and none may leave a partial import —
after each one the township's data tables are exactly as before, or, for a
mutant that only touched bytes nothing reads (a zip timestamp), exactly as
after the original file.
"""

from __future__ import annotations

import json
import random
import re
import zipfile
from pathlib import Path

from sync_helpers import World, row_counts

from app.errors import DomainError
from app.i18n import restore_catalog, use_catalog
from app.sync.export import export_sync
from app.sync.importer import import_file

MUTANTS = 1200
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _data_counts(world: World) -> dict[str, int]:
    return {k: v for k, v in row_counts(world.town.db).items() if not k.startswith("sync_")}


def _edited_manifest(data: bytes, rng: random.Random, tmp: Path) -> bytes:
    """The zip with one manifest field changed, under the original signature."""
    src = tmp / "src.zip"
    src.write_bytes(data)
    with zipfile.ZipFile(src) as zf:
        entries = {i.filename: zf.read(i) for i in zf.infolist()}
    body = json.loads(entries["manifest.json"])
    key = rng.choice(sorted(body))
    value = body[key]
    if isinstance(value, bool):
        body[key] = not value
    elif isinstance(value, int):
        body[key] = value + rng.choice([-1, 1, 1000])
    elif isinstance(value, str):
        body[key] = value[:-1] + ("0" if not value.endswith("0") else "1")
    elif isinstance(value, dict) and value:
        inner = rng.choice(sorted(value))
        value[inner] = (value[inner] or 0) + 1
    entries["manifest.json"] = json.dumps(body, sort_keys=True, indent=1).encode()
    out = tmp / "out.zip"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in entries.items():
            zf.writestr(name, content)
    return out.read_bytes()


def mutate(data: bytes, rng: random.Random, tmp: Path) -> bytes:
    kind = rng.randrange(5)
    if kind == 0:  # truncated
        return data[: rng.randrange(len(data))]
    if kind == 1:  # a few bytes flipped
        out = bytearray(data)
        for _ in range(rng.randint(1, 4)):
            out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
        return bytes(out)
    if kind == 2:  # a zip entry renamed (local header and central directory alike)
        name = rng.choice([b"manifest.json", b"manifest.sig", b"payload.sqlite"])
        other = bytearray(name)
        other[rng.randrange(len(other))] = rng.choice(b"._/Xx0")
        return data.replace(name, bytes(other))
    if kind == 3:  # bytes inserted or removed somewhere
        at = rng.randrange(len(data))
        if rng.random() < 0.5:
            return (
                data[:at] + bytes(rng.randrange(256) for _ in range(rng.randint(1, 64))) + data[at:]
            )
        return data[:at] + data[at + rng.randint(1, 64) :]
    return _edited_manifest(data, rng, tmp)


def test_a_thousand_mutated_files_never_crash_and_never_import_partly(world: World, tmp_path):
    original = export_sync(world.a.db, world.a.data_dir, tmp_path / "stick").path
    data = original.read_bytes()
    # what the whole file gives, on a copy of the township
    import shutil

    from app.db import Database

    world.town.db.dispose()
    shutil.copytree(world.town.data_dir.root, tmp_path / "town-copy")
    copy = Database(tmp_path / "town-copy" / world.town.data_dir.database.name)
    assert import_file(copy, original).status == "imported"
    full = {k: v for k, v in row_counts(copy).items() if not k.startswith("sync_")}
    copy.dispose()
    rng = random.Random(20261201)
    target = tmp_path / "mutant.wbsync"
    refused = imported = already = 0
    before = use_catalog("zh_CN")
    try:
        for _ in range(MUTANTS):
            target.write_bytes(mutate(data, rng, tmp_path))
            counts = _data_counts(world)
            try:
                verdict = import_file(world.town.db, target)
            except DomainError as err:
                refused += 1
                message = str(err)
                assert _CJK.search(message) and message != err.untranslated, message
                assert _data_counts(world) == counts
                continue
            # touched only bytes nothing reads (or a copy of the signed manifest of a file
            # brought in already): the whole file, once
            assert verdict.status in ("imported", "already")
            imported += verdict.status == "imported"
            already += verdict.status == "already"
            assert _data_counts(world) == full
    finally:
        restore_catalog(before)
    assert refused + imported + already == MUTANTS
    assert refused > MUTANTS * 0.8
    # a file is the content its station signed: after the first harmless mutant, every
    # other one that keeps the signed manifest is that same file, not a second import
    assert imported <= 1, (refused, imported, already)
    # the original still imports (or is the copy a harmless mutant already brought in)
    assert import_file(world.town.db, original).status in ("imported", "already")
