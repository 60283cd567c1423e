"""服务点单 (四单) — the service menu, the order flow, its figures and documents.

* :mod:`.menu` — the station's service menu (category → items, usual team);
* :mod:`.flow` — an order from 点单 to 评单, the history ledger, overdue orders;
* :mod:`.metrics` — :func:`order_metrics` for reports and the dashboard.

The printed slips (派单单, 服务回执) are app.services.documents.orders.
"""

from app.services.orders.flow import (
    MAX_ORDER_PHOTOS,
    OrderDetail,
    OrderEventView,
    OrderFilter,
    OrderRefused,
    OrderRequest,
    OrderRow,
    accept,
    allowed_actions,
    cancel,
    complete,
    count_orders,
    create_order,
    dispatch,
    fetch_orders,
    get_order,
    is_overdue,
    rate,
    reject,
    state_word,
    team_volunteers,
    verify,
)
from app.services.orders.menu import MenuItemData, MenuItemView, list_menu, save_menu_item
from app.services.orders.metrics import OrderMetrics, order_metrics

__all__ = [
    "MAX_ORDER_PHOTOS",
    "MenuItemData",
    "MenuItemView",
    "OrderDetail",
    "OrderEventView",
    "OrderFilter",
    "OrderMetrics",
    "OrderRefused",
    "OrderRequest",
    "OrderRow",
    "accept",
    "allowed_actions",
    "cancel",
    "complete",
    "count_orders",
    "create_order",
    "dispatch",
    "fetch_orders",
    "get_order",
    "is_overdue",
    "list_menu",
    "order_metrics",
    "rate",
    "reject",
    "save_menu_item",
    "state_word",
    "team_volunteers",
    "verify",
]
