"""The sealed secrets of a config package open only for their station and version."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.services import keys
from app.sync.config import seal, unseal


def test_a_sealed_box_opens_only_for_its_station_key_and_version(tmp_path: Path) -> None:
    mine = keys.encryption_key(tmp_path / "a")
    other = keys.encryption_key(tmp_path / "b")
    box = seal(keys.encryption_public_hex(tmp_path / "a"), b"secret", "station-a", 3)
    assert unseal(mine, box, "station-a", 3) == b"secret"
    with pytest.raises(ValueError):
        unseal(other, box, "station-a", 3)  # another station's key
    with pytest.raises(ValueError):
        unseal(mine, box, "station-b", 3)  # copied into another station's slot
    with pytest.raises(ValueError):
        unseal(mine, box, "station-a", 4)  # replayed into a later package
    assert b"secret" not in bytes.fromhex(box["ct"])
