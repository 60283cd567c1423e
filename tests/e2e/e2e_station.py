"""The demo station prepared for an end-to-end test, through the services, before
the program starts on it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

DEMO_PASSWORD = "demo1234"


@dataclass(frozen=True)
class Goods:
    id: str
    name: str
    price: int
    on_hand: int
    barcode: str


@dataclass(frozen=True)
class Prepared:
    """What the tests need to know of the station, found before the program starts."""

    data_dir: Path
    household_id: str
    household_number: str
    household_card: str  # the QR payload a scanner reads off the household's card
    balance: int
    redemptions: int  # the household's redemptions so far
    goods: tuple[Goods, ...]  # active, in stock, cheapest first
    volunteer_id: str
    volunteer_name: str
    volunteer_card: str
    activity_id: str
    activity_title: str


def prepare(data_dir: Path) -> Prepared:
    """Find a household and a volunteer with cards, add an activity for today, and set
    the kiosk's duplicate window to 0 s (a station setting) so the sign-out scan right
    after the sign-in is not taken for a scanner's double read."""
    from sqlalchemy import select

    from app.db import Database
    from app.models import Card, Household, Volunteer
    from app.paths import DataDir
    from app.services import activities, auth, keys, supermarket, volunteers
    from app.services.activities import ActivityData
    from app.services.cards import sign_payload

    folder = DataDir(data_dir)
    card_key = keys.load_keys(folder.keys).card_key
    db = Database(folder.database)
    try:
        admin = auth.login(db, "admin", DEMO_PASSWORD)
        with db.read() as session:
            home, card = session.execute(
                select(Household, Card)
                .join(Card, Card.subject_id == Household.id)
                .where(Card.kind == "H", Card.revoked_at.is_(None), Household.active.is_(True))
                .order_by(Household.balance.desc(), Household.number)
                .limit(1)
            ).one()
            home_id, number, balance, home_card = home.id, home.number, home.balance, card.id
            person, vcard = session.execute(
                select(Volunteer, Card)
                .join(Card, Card.subject_id == Volunteer.id)
                .where(Card.kind == "V", Card.revoked_at.is_(None))
                .order_by(Volunteer.number)
                .limit(1)
            ).one()
            volunteer_id, volunteer_name, volunteer_card = person.id, person.name, vcard.id
        redemptions = len(supermarket.household_redemptions(db, home_id, 10_000))
        goods = sorted(
            (
                Goods(g.id, g.name, g.points_price, g.on_hand, g.barcode or "")
                for g in supermarket.list_goods(db, limit=5000)
                if g.active and g.on_hand > 0
            ),
            key=lambda g: (g.price, g.name),
        )
        now = datetime.now().replace(second=0, microsecond=0)
        title = "端到端签到测试活动"
        activity = activities.create_activity(
            db,
            admin,
            ActivityData(
                title=title,
                category="学习实践科学理论",
                starts_at=now - timedelta(minutes=30),
                ends_at=now + timedelta(hours=2),
                platform="理论宣讲",
                place="村文化礼堂",
                content="扫码签到、签退。",
            ),
        )
        policy = volunteers.get_policy(db)
        from dataclasses import replace

        volunteers.save_policy(db, admin, replace(policy, duplicate_window_seconds=0))
    finally:
        db.dispose()
    return Prepared(
        data_dir,
        home_id,
        number,
        sign_payload(card_key, "H", home_card),
        balance,
        redemptions,
        tuple(goods),
        volunteer_id,
        volunteer_name,
        sign_payload(card_key, "V", volunteer_card),
        activity.id,
        title,
    )


def set_option(data_dir: Path, option: object, value: object) -> None:
    """Write a setting into the station's settings.ini before the program starts."""
    from app.paths import DataDir
    from app.settings import Settings

    settings = Settings(DataDir(data_dir).settings_file)
    settings.set(option, value)  # type: ignore[arg-type]
    settings.sync()
