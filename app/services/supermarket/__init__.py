"""积分超市 — goods, stock, the redemption counter, voids and slip prints.

* :mod:`.goods` — the goods, their barcode and photo, finding them;
* :mod:`.stock` — stock moves (purchase, donation, damage, stocktake) and the
  on-hand check;
* :mod:`.redemption` — the counter's redemption (one transaction), voids, the
  slip print log and the household as the counter shows it.

The public names of all three are re-exported here (``supermarket.redeem``).
"""

from __future__ import annotations

from app.services.supermarket.goods import (
    GOODS_PHOTO_FOLDER,
    GoodsData,
    GoodsView,
    create_goods,
    find_goods_by_barcode,
    list_goods,
    low_stock,
    set_goods_active,
    set_goods_photo,
    update_goods,
)
from app.services.supermarket.redemption import (
    MAX_LINE_QTY,
    MAX_LINES,
    NUMBER_PREFIX,
    AlreadyVoided,
    CounterHousehold,
    GoodsUnavailable,
    LineView,
    PrintRecord,
    RedemptionResult,
    VoidResult,
    counter_household,
    counter_household_of_card,
    find_redemption_by_number,
    get_redemption,
    household_redemptions,
    new_redemption_id,
    record_print,
    redeem,
    unprinted_redemptions,
    void_redemption,
)
from app.services.supermarket.stock import (
    MAX_STOCK_QTY,
    MoveView,
    OutOfStock,
    RedemptionProblem,
    receive_stock,
    record_damage,
    stock_moves,
    stocktake,
    verify_stock,
)

__all__ = [
    "GOODS_PHOTO_FOLDER",
    "MAX_LINES",
    "MAX_LINE_QTY",
    "MAX_STOCK_QTY",
    "NUMBER_PREFIX",
    "AlreadyVoided",
    "CounterHousehold",
    "GoodsData",
    "GoodsUnavailable",
    "GoodsView",
    "LineView",
    "MoveView",
    "OutOfStock",
    "PrintRecord",
    "RedemptionProblem",
    "RedemptionResult",
    "VoidResult",
    "counter_household",
    "counter_household_of_card",
    "create_goods",
    "find_goods_by_barcode",
    "find_redemption_by_number",
    "get_redemption",
    "household_redemptions",
    "list_goods",
    "low_stock",
    "new_redemption_id",
    "receive_stock",
    "record_damage",
    "record_print",
    "redeem",
    "set_goods_active",
    "set_goods_photo",
    "stock_moves",
    "stocktake",
    "unprinted_redemptions",
    "update_goods",
    "verify_stock",
    "void_redemption",
]
