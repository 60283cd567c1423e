"""What a sync file holds is said kind by kind: no "N 条其他记录" lumping several kinds."""

from __future__ import annotations

from sync_helpers import World

from app.i18n import restore_catalog, use_catalog
from app.models.base import syncable_tables
from app.sync.envelope import ANCHOR, PERSON_HASH
from app.sync.export import KIND_WORDS, export_sync


def test_every_kind_of_row_a_station_sends_has_its_own_words() -> None:
    assert set(syncable_tables()) - set(KIND_WORDS) == set()


def test_a_full_export_names_each_kind_it_holds_and_none_is_other(world: World, tmp_path) -> None:  # type: ignore[no-untyped-def]
    summary = export_sync(world.a.db, world.a.data_dir, tmp_path, full=True)
    kinds = {t: n for t, n in summary.counts.items() if n and t not in (ANCHOR, PERSON_HASH)}
    assert len(kinds) > len([t for t in ("activity", "point_entry", "volunteer") if t in kinds]), (
        "the demo station sends more than the main kinds"
    )
    before = use_catalog("zh_CN")
    try:
        words = summary.kinds()
    finally:
        restore_catalog(before)
    assert not [w for w in words if "其他" in w], words
    assert len(words) == len(kinds)
    assert f"{kinds['presence']} 条志愿者签到" in words
    assert f"{kinds['redemption_line']} 条兑换明细" in words
