"""服务菜单 — the station's 四单 service menu: categories and the items in them.

An item names its category, what it is, and the team usually dispatched (派单
proposes it).  The township's config package brings its own menu's items
(app.sync.config): the ones a station lacks are added, with the station's team
of the same name; the station's own items stay as it keeps them.  Items are never deleted: one no longer offered is set inactive,
and orders keep its name and category as they were when ordered.  Editing the
menu is daily work; the township's config package may bring items too.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.errors import NotFound, ValidationError
from app.i18n import QT_TRANSLATE_NOOP
from app.models import ServiceMenuItem, VolunteerTeam
from app.services import audit
from app.services.auth import Actor, Permission, require


@dataclass(frozen=True)
class MenuItemData:
    category: str
    name: str
    description: str = ""
    team_id: str | None = None
    active: bool = True
    sort_order: int = 0


@dataclass(frozen=True)
class MenuItemView:
    id: str
    category: str
    name: str
    description: str
    team_id: str | None
    team_name: str
    active: bool
    sort_order: int = 0

    @property
    def label(self) -> str:
        return f"{self.category} · {self.name}"


def _view(session: Session, item: ServiceMenuItem) -> MenuItemView:
    team = session.get(VolunteerTeam, item.team_id) if item.team_id else None
    return MenuItemView(
        item.id,
        item.category,
        item.name,
        item.description,
        item.team_id,
        team.name if team is not None else "",
        item.active,
        item.sort_order,
    )


def list_menu(db: Database, *, active_only: bool = True) -> list[MenuItemView]:
    """The menu, category by category, in the station's order (at the township its own
    menu, not the copies of its stations' menus the sync files brought)."""
    with db.read() as session:
        query = select(ServiceMenuItem).where(
            ServiceMenuItem.deleted.is_(False), ServiceMenuItem.station_id == db.station_id
        )
        if active_only:
            query = query.where(ServiceMenuItem.active.is_(True))
        items = session.scalars(
            query.order_by(
                ServiceMenuItem.category, ServiceMenuItem.sort_order, ServiceMenuItem.name
            )
        ).all()
        return [_view(session, i) for i in items]


def get_item_row(session: Session, item_id: str) -> ServiceMenuItem:
    item = session.get(ServiceMenuItem, item_id)
    if item is None or item.deleted:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "No such service on the menu."))
    return item


def clean_names(category: str, name: str) -> tuple[str, str]:
    """A menu item's category and name as stored (spaces collapsed), or a refusal."""
    category = " ".join(category.split())
    name = " ".join(name.split())
    if not category or not name:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A service on the menu needs a category and a name.")
        )
    if len(category) > 30 or len(name) > 60:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "A category has at most 30 characters and a service at most 60."
            )
        )
    return category, name


def _clean(session: Session, data: MenuItemData) -> MenuItemData:
    category, name = clean_names(data.category, data.name)
    if data.team_id is not None:
        team = session.get(VolunteerTeam, data.team_id)
        if team is None or team.deleted:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No such volunteer team."))
    return MenuItemData(
        category, name, data.description.strip(), data.team_id, data.active, data.sort_order
    )


def add_published_items(session: Session, items: list[tuple[str, str, str, str]]) -> int:
    """Step of a config package's import: the township's (category, name, description,
    team name) items the station's menu lacks, with the station's team of that name.
    An item the station has already (any state) stays as the station keeps it."""
    teams = dict(session.execute(select(VolunteerTeam.name, VolunteerTeam.id)).all())
    added = 0
    for category, name, description, team_name in items:
        exists = session.scalar(
            select(ServiceMenuItem.id).where(
                ServiceMenuItem.category == category, ServiceMenuItem.name == name
            )
        )
        if exists is not None:
            continue
        item = ServiceMenuItem(
            category=category, name=name, description=description, team_id=teams.get(team_name)
        )
        session.add(item)
        session.flush()
        audit.record(
            session,
            None,
            "orders.menu",
            "service_menu_item",
            item.id,
            after={"category": category, "name": name, "template": True},
        )
        added += 1
    return added


def save_menu_item(
    db: Database, actor: Actor, data: MenuItemData, item_id: str | None = None
) -> MenuItemView:
    """Add a service to the menu, or change one (*item_id*)."""
    require(actor, Permission.DAILY_WORK)
    with db.write() as session:
        clean = _clean(session, data)
        clash = session.scalar(
            select(ServiceMenuItem.id).where(
                ServiceMenuItem.station_id == db.station_id,
                ServiceMenuItem.category == clean.category,
                ServiceMenuItem.name == clean.name,
                ServiceMenuItem.id != (item_id or ""),
            )
        )
        if clash is not None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "The menu already has {name} in {category}."),
                name=clean.name,
                category=clean.category,
            )
        if item_id is None:
            item = ServiceMenuItem(
                category=clean.category,
                name=clean.name,
                description=clean.description,
                team_id=clean.team_id,
                active=clean.active,
                sort_order=clean.sort_order,
            )
            session.add(item)
        else:
            item = get_item_row(session, item_id)
            item.category, item.name = clean.category, clean.name
            item.description, item.team_id = clean.description, clean.team_id
            item.active, item.sort_order = clean.active, clean.sort_order
        session.flush()
        audit.record(
            session,
            actor,
            "orders.menu",
            "service_menu_item",
            item.id,
            after={"category": item.category, "name": item.name, "active": item.active},
        )
        return _view(session, item)
