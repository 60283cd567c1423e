"""The township's config package brings its 四单 service menu to the stations."""

from __future__ import annotations

from pathlib import Path

from config_helpers import enrol_both_ways
from sync_helpers import World

from app.services import orders
from app.services.auth import SYSTEM
from app.services.orders import MenuItemData
from app.services.volunteers import TeamData, create_team
from app.sync.config import import_config, publish_config


def test_the_township_menu_reaches_the_station_with_its_team_by_name(
    world: World, tmp_path: Path
) -> None:
    enrol_both_ways(world)
    town, a = world.town, world.a
    team = create_team(town.db, SYSTEM, TeamData(name="乡镇义诊服务队", category="卫生健康"))
    create_team(a.db, SYSTEM, TeamData(name="乡镇义诊服务队", category="卫生健康"))
    orders.save_menu_item(town.db, SYSTEM, MenuItemData("医疗健康", "义诊", team_id=team.id))
    kept = orders.list_menu(a.db)[0]  # the station's own item of the same name stays its own
    orders.save_menu_item(town.db, SYSTEM, MenuItemData(kept.category, kept.name))
    summary = publish_config(town.db, town.data_dir, tmp_path / "usb")
    applied = import_config(a.db, a.data_dir, summary.path)
    assert "1 services added to the menu" in " ".join(applied.applied)
    menu = {(i.category, i.name): i for i in orders.list_menu(a.db)}
    assert menu["医疗健康", "义诊"].team_name == "乡镇义诊服务队"
    assert menu[kept.category, kept.name] == kept


def test_the_township_edits_its_own_menu_not_its_stations_copies(
    world: World, tmp_path: Path
) -> None:
    from app.sync.export import export_sync
    from app.sync.importer import import_files

    enrol_both_ways(world)
    town, a = world.town, world.a
    orders.save_menu_item(a.db, SYSTEM, MenuItemData("生活服务", "代购药品"))
    export_sync(a.db, a.data_dir, tmp_path / "up")
    assert all(v.status == "imported" for v in import_files(town.db, [tmp_path / "up"]))
    assert [i.name for i in orders.list_menu(town.db, active_only=False)] == []
    # the township may name a service as a station did: the station's copy is not a clash
    mine = orders.save_menu_item(town.db, SYSTEM, MenuItemData("生活服务", "代购药品"))
    assert [i.id for i in orders.list_menu(town.db)] == [mine.id]
