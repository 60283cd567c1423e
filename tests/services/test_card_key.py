"""The card key is read in one place (issue 8): app.services.keys.card_key, cached per
keys folder and read again when the file is replaced (a township's config package)."""

from __future__ import annotations

import os
import re
from pathlib import Path

from app.services import keys

ROOT = Path(__file__).resolve().parents[2]


def test_the_card_key_is_cached_and_reread_when_the_file_changes(tmp_path: Path) -> None:
    folder = tmp_path / "keys"
    made = keys.create_keys(folder)
    assert keys.card_key(folder) == made.card_key
    assert keys.card_key(folder) is keys.card_key(folder)  # cached: the same bytes object
    assert keys.load_keys(folder).card_key == made.card_key
    # the township's shared key replaces the file (written beside it, then renamed)
    shared = os.urandom(32)
    tmp = folder / "card.key.new"
    tmp.write_bytes(shared)
    os.replace(tmp, folder / keys.CARD_KEY)
    assert keys.card_key(folder) == shared
    assert keys.load_keys(folder).card_key == shared
    # another station's folder has its own key
    other = keys.create_keys(tmp_path / "other").card_key
    assert keys.card_key(tmp_path / "other") == other != keys.card_key(folder)


def test_no_module_reads_the_card_key_but_the_keys_service() -> None:
    reads = re.compile(r"load_keys\([^)]*\)\.card_key|CARD_KEY|card\.key")
    offenders = [
        str(path.relative_to(ROOT))
        for path in sorted((ROOT / "app").rglob("*.py"))
        if path.name != "keys.py" and reads.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
