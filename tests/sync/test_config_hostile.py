"""Hostile config packages: each is refused with a translated sentence, nothing changed."""

from __future__ import annotations

import hashlib
import json
import re
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from config_helpers import enrol_both_ways
from sync_helpers import World

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "services"))
from digests import table_digests

from app.i18n import restore_catalog, use_catalog
from app.services import keys
from app.sync.config import ConfigRefused, import_config, publish_config

_CJK = re.compile(r"[\u4e00-\u9fff]")


def _entries(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _zip(target: Path, entries: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(target, "w", method) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return target


def truncated(src: Path, out: Path) -> Path:
    data = src.read_bytes()
    out.write_bytes(data[: len(data) * 2 // 3])
    return out


def bit_flipped(src: Path, out: Path) -> Path:
    data = bytearray(src.read_bytes())
    data[len(data) // 2] ^= 0x10
    out.write_bytes(bytes(data))
    return out


def zip_bomb(src: Path, out: Path) -> Path:
    e = _entries(src)
    e["payload.json"] = b" " * (200 * 1024 * 1024)  # 200 MB of blanks, a few hundred KB zipped
    return _zip(out, e)


def renamed_entries(src: Path, out: Path) -> Path:
    e = _entries(src)
    e["payload.sqlite"] = e.pop("payload.json")
    return _zip(out, e)


def edited_manifest(src: Path, out: Path) -> Path:
    e = _entries(src)
    manifest = json.loads(e["manifest.json"])
    manifest["config_version"] = 99
    e["manifest.json"] = json.dumps(manifest, sort_keys=True, indent=1).encode()
    return _zip(out, e)


def edited_payload(src: Path, out: Path) -> Path:
    """The payload changed and the manifest's hash updated to it (but not re-signed)."""
    e = _entries(src)
    body = json.loads(e["payload.json"])
    body["rules"].append({"code": "EVIL1", "name": "伪造加分", "points": 9999})
    e["payload.json"] = json.dumps(body).encode()
    manifest = json.loads(e["manifest.json"])
    manifest["payload_sha256"] = hashlib.sha256(e["payload.json"]).hexdigest()
    manifest["payload_size"] = len(e["payload.json"])
    e["manifest.json"] = json.dumps(manifest, sort_keys=True, indent=1).encode()
    return _zip(out, e)


def payload_swapped(src: Path, out: Path) -> Path:
    """A signed manifest with another payload under it."""
    e = _entries(src)
    body = json.loads(e["payload.json"])
    body["goods"].append({"name": "伪造商品", "points_price": 1})
    e["payload.json"] = json.dumps(body).encode()
    return _zip(out, e)


def extra_entry(src: Path, out: Path) -> Path:
    e = _entries(src)
    e["readme.txt"] = b"hello"
    return _zip(out, e)


def not_a_zip(src: Path, out: Path) -> Path:
    out.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    return out


HOSTILE: dict[str, Callable[[Path, Path], Path]] = {
    "truncated": truncated,
    "bit-flipped": bit_flipped,
    "zip bomb": zip_bomb,
    "renamed entries": renamed_entries,
    "edited manifest": edited_manifest,
    "edited payload": edited_payload,
    "payload swapped": payload_swapped,
    "extra entries": extra_entry,
    "not a zip": not_a_zip,
}


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_hostile_package_is_refused_and_nothing_changes(
    world: World, tmp_path: Path, kind: str
) -> None:
    enrol_both_ways(world)
    package = publish_config(world.town.db, world.town.data_dir, tmp_path / "usb")
    hostile = HOSTILE[kind](package.path, tmp_path / f"{world.town.db.station_id}.wbconf")
    station = world.a
    before = table_digests(station.data_dir.database)
    card_before = keys.card_key(station.data_dir.keys)
    catalog = use_catalog("zh_CN")
    try:
        with pytest.raises(ConfigRefused) as refused:
            import_config(station.db, station.data_dir, hostile)
        message = str(refused.value)
    finally:
        restore_catalog(catalog)
    assert _CJK.search(message) and message != refused.value.untranslated, message
    assert "未做任何更改" in message
    assert table_digests(station.data_dir.database) == before
    assert keys.card_key(station.data_dir.keys) == card_before
    # the genuine package still applies afterwards
    assert import_config(station.db, station.data_dir, package.path).version == 1
