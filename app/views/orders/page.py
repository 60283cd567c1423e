"""服务点单 page: the 四单 orders list, one order's file and its steps.

Left, the orders (a lazy model over ``orders.count_orders`` / ``fetch_orders``,
newest first, so 50,000 orders open as fast as 50), filtered by state, by
"overdue only" and by text (number, name, the phone's last four digits, the
service); an overdue order's row is tinted red (the volunteer policy's days).
Right, the chosen order: who asks for what, where it stands, its history (every
step with who and when — the ledger, read back), and a button for each step
the order's state allows (app.services.orders.allowed_actions), plus the
派单单 and the 服务回执 through the PDF preview.  "New order…" takes a
resident from the households register (the resident picker, or a household or
volunteer card scanned into the dialog: app.views.scan_field) or a walk-in's
name and phone.  Every read and write runs off the GUI thread (run_task).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPixmap, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.i18n import hours_text, join_list, translate
from app.models import OrderAction, OrderState
from app.services import households, orders
from app.services.auth import Permission
from app.services.cards import looks_like_payload
from app.services.documents.list_export import orders_document
from app.services.documents.orders import RECEIPT, SLIP, order_pdf
from app.services.households import ResidentHit
from app.services.keys import card_key
from app.services.orders import (
    MenuItemView,
    OrderDetail,
    OrderEventView,
    OrderFilter,
    OrderRequest,
    OrderRow,
)
from app.services.volunteers import list_teams
from app.views import files
from app.views.detail_panel import DetailPanel
from app.views.dialogs import ServiceDialog
from app.views.files import dated_file_name
from app.views.grid_layout import FlowLayout, wrapping
from app.views.list_actions import ListActions
from app.views.orders.menu import MenuDialog
from app.views.pages import PageContext
from app.views.scan_field import ScanLineEdit
from app.views.screen import fit_window
from app.views.table_models import (
    GREY,
    RED,
    LazyRowsModel,
    ModelIndex,
    RowsModel,
    table_view,
    with_placeholder,
)
from app.views.tasks import run_task
from app.views.thumbnails import load_thumbnails
from app.views.widgets import MessageLabel, error_text, heading, scrollable

SEARCH_DELAY_MS = 250
OVERDUE_TINT = QColor("#fde8e8")
A = OrderAction


def state_text(state: str) -> str:
    return translate("OrderStates", orders.state_word(state)) if state else ""


def _time(value: Any) -> str:
    return f"{value:%Y-%m-%d %H:%M}" if value is not None else ""


# --- models ----------------------------------------------------------------------------------


THUMB = QSize(96, 72)  # a 结项 photo in the order's panel


class OrdersModel(LazyRowsModel):
    NUMBER, RECEIVED, SERVICE, REQUESTER, PHONE, STATE = range(6)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, orders.count_orders, orders.fetch_orders, OrderFilter(), parent)

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("No."),
            self.tr("Received"),
            self.tr("Service"),
            self.tr("Asked by"),
            self.tr("Phone"),
            self.tr("State"),
        )

    def cell(self, row: OrderRow, column: int) -> str:
        if column == self.NUMBER:
            return row.number
        if column == self.RECEIVED:
            return _time(row.received_at)
        if column == self.SERVICE:
            return f"{row.category} · {row.item_name}"
        if column == self.REQUESTER:
            return row.requester_name
        if column == self.PHONE:
            return row.phone_masked
        text = state_text(row.state)
        if row.overdue:
            return self.tr("{state} (overdue)").format(state=text)
        if row.rating:
            return f"{text} {'★' * row.rating}"
        return text

    def foreground(self, row: OrderRow, column: int) -> QColor | None:
        if row.overdue:
            return RED
        if row.state == OrderState.REJECTED:
            return GREY
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and index.isValid():
            row = self.row_at(index.row())
            return OVERDUE_TINT if row is not None and row.overdue else None
        return super().data(index, role)


class HistoryModel(RowsModel):
    def headers(self) -> tuple[str, ...]:
        return (self.tr("When"), self.tr("Step"), self.tr("By"), self.tr("Details"))

    def step(self, e: OrderEventView) -> str:
        names = {
            A.CREATE: self.tr("Ordered"),
            A.REJECT: self.tr("Rejected"),
            A.DISPATCH: self.tr("Dispatched"),
            A.ACCEPT: self.tr("Accepted"),
            A.COMPLETE: self.tr("Completed"),
            A.RATE: self.tr("Rated"),
            A.CANCEL: self.tr("Back to pending"),
        }
        if e.action == A.DISPATCH and e.from_state != OrderState.PENDING:
            return self.tr("Re-dispatched")
        return names.get(OrderAction(e.action), e.action)

    def details(self, e: OrderEventView) -> str:
        parts = []
        if e.team_name:
            parts.append(e.team_name)
        if e.volunteer_names:
            parts.append(join_list(e.volunteer_names))
        if e.minutes:
            parts.append(self.tr("{h} h each").format(h=hours_text(e.minutes)))
        if e.rating:
            parts.append("★" * e.rating)
        parts += [t for t in (e.report, e.comment, e.reason) if t]
        return " · ".join(parts)

    def cell(self, row: OrderEventView, column: int) -> str:
        return (_time(row.at), self.step(row), row.operator_name, self.details(row))[column]


# --- dialogs ---------------------------------------------------------------------------------


def _menu_combo(combo: QComboBox, items: list[MenuItemView]) -> None:
    combo.clear()
    for item in items:
        combo.addItem(item.label, item.id)


def _resident_of_card(db: Database, keys_dir: Path, payload: str) -> ResidentHit:
    """Worker: the resident a scanned card names (the card key read here, not on the GUI)."""
    return households.resident_of_card(db, card_key(keys_dir), payload)


class NewOrderDialog(ServiceDialog):
    """点单: a service from the menu, for a resident or a walk-in, and what they ask."""

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("new_order_dialog")
        self.setWindowTitle(self.tr("New service order"))
        self.resident: ResidentHit | None = None
        self.service = QComboBox()
        self.service.setObjectName("order_service")
        self.resident_choice = QRadioButton(self.tr("A &resident"))
        self.resident_choice.setObjectName("order_is_resident")
        self.walk_in_choice = QRadioButton(self.tr("&Someone else (name and phone)"))
        self.walk_in_choice.setObjectName("order_is_walk_in")
        self.choice = QButtonGroup(self)
        self.choice.addButton(self.resident_choice)
        self.choice.addButton(self.walk_in_choice)
        self.resident_choice.setChecked(True)
        self.pick = QPushButton(self.tr("&Choose resident…"))
        self.pick.setObjectName("order_pick_resident")
        self.resident_label = QLabel(self.tr("Nobody chosen yet."))
        self.resident_label.setObjectName("order_resident")
        self.card = ScanLineEdit()
        self.card.setObjectName("order_card_scan")
        self.card.setPlaceholderText(self.tr("Scan the household card or volunteer card"))
        self.card.scanned.connect(self.scan_card)
        self.card.typed_enter.connect(
            lambda text: self.scan_card(text) if looks_like_payload(text) else None
        )
        self.name = QLineEdit()
        self.name.setObjectName("order_name")
        self.name.setMaxLength(50)
        self.phone = QLineEdit()
        self.phone.setObjectName("order_phone")
        self.phone.setMaxLength(20)
        self.phone.setPlaceholderText(self.tr("11-digit mobile number"))
        self.address = QLineEdit()
        self.address.setObjectName("order_address")
        self.address.setMaxLength(200)
        self.address.setPlaceholderText(
            self.tr("Optional; a resident's household address by default")
        )
        self.request = QPlainTextEdit()
        self.request.setObjectName("order_request")
        self.request.setPlaceholderText(self.tr("What is asked for, when suits them"))
        self.request.setMaximumHeight(90)
        who = QHBoxLayout()
        who.addWidget(self.pick)
        who.addWidget(self.resident_label, 1)
        form = QFormLayout()
        form.addRow(self.tr("Ser&vice:"), self.service)
        form.addRow(self.resident_choice)
        form.addRow("", who)
        form.addRow(self.tr("Card sc&an:"), self.card)
        form.addRow(self.walk_in_choice)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Phone:"), self.phone)
        form.addRow(self.tr("A&ddress:"), self.address)
        form.addRow(self.tr("Re&quest:"), self.request)
        self.finish_layout(form)
        self.pick.clicked.connect(self.pick_resident)
        self.resident_choice.toggled.connect(lambda _b: self._who_changed())
        self._who_changed()
        self.ok_button().setEnabled(False)
        run_task(orders.list_menu, ctx.db, on_done=self._menu, receiver=self)
        fit_window(self, 520, 460)

    def _menu(self, items: list[MenuItemView]) -> None:
        _menu_combo(self.service, items)
        self.ok_button().setEnabled(bool(items))
        if not items:
            self.message.show_error(
                self.tr("The service menu is empty: add a service to the menu first.")
            )

    def scan_card(self, payload: str) -> None:
        """A card scanned into the dialog: its resident orders (a refusal is shown)."""
        self.card.clear_input()
        run_task(
            _resident_of_card,
            self.ctx.db,
            self.ctx.data_dir.keys,
            payload,
            key="order.card",
            on_done=self._card_resident,
            on_error=lambda e: self.message.show_error(error_text(e)),
            receiver=self,
        )

    def _card_resident(self, hit: ResidentHit) -> None:
        self.resident_choice.setChecked(True)
        self.resident = hit
        self.resident_label.setText(hit.label)
        self.message.clear_message()

    def _who_changed(self) -> None:
        resident = self.resident_choice.isChecked()
        self.card.setEnabled(resident)
        self.pick.setEnabled(resident)
        self.name.setEnabled(not resident)
        self.phone.setEnabled(not resident)

    def pick_resident(self) -> None:
        from app.views.resident_picker import ResidentPicker

        picker = ResidentPicker(self.ctx, self)

        def chosen() -> None:
            self.resident = picker.chosen
            if self.resident is not None:
                self.resident_label.setText(self.resident.label)

        picker.accepted.connect(chosen)
        picker.open()

    def submit(self) -> None:
        item_id = self.service.currentData()
        if not item_id:
            return
        request = self.request.toPlainText()
        if self.resident_choice.isChecked():
            if self.resident is None:
                self.message.show_error(self.tr("Choose the resident first."))
                return
            req = OrderRequest(
                str(item_id),
                request,
                member_id=self.resident.member_id,
                address=self.address.text(),
            )
        else:
            req = OrderRequest(
                str(item_id),
                request,
                name=self.name.text(),
                phone=self.phone.text(),
                address=self.address.text(),
            )
        self.run(orders.create_order, self.ctx.db, self.ctx.actor, req)


class VolunteerChecks(QListWidget):
    """The volunteers to send (or who served): checkable names."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setMinimumHeight(110)

    def set_people(self, people: list[tuple[str, str]], checked: set[str]) -> None:
        self.clear()
        for vid, person in people:
            item = QListWidgetItem(person)
            item.setData(Qt.ItemDataRole.UserRole, vid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if vid in checked else Qt.CheckState.Unchecked)
            self.addItem(item)

    def checked_ids(self) -> list[str]:
        return [
            str(self.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        ]


class DispatchDialog(ServiceDialog):
    """派单 / 改派: a team, and the team's volunteers who go."""

    def __init__(self, ctx: PageContext, order: OrderDetail, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.setObjectName("dispatch_dialog")
        self.order = order
        again = order.row.state != OrderState.PENDING
        self.setWindowTitle(self.tr("Re-dispatch") if again else self.tr("Dispatch"))
        self.team = QComboBox()
        self.team.setObjectName("dispatch_team")
        self.team.addItem(self.tr("(no team)"), "")
        self.people = VolunteerChecks("dispatch_volunteers")
        self.reason = QLineEdit()
        self.reason.setObjectName("dispatch_reason")
        self.reason.setPlaceholderText(self.tr("Optional, e.g. why it is sent again"))
        form = QFormLayout()
        form.addRow(QLabel(f"{order.row.number} · {order.row.category} · {order.row.item_name}"))
        form.addRow(self.tr("&Team:"), self.team)
        form.addRow(self.tr("&Volunteers:"), self.people)
        form.addRow(self.tr("&Note:"), self.reason)
        self.finish_layout(form)
        self.team.currentIndexChanged.connect(lambda _i: self._load_people())
        run_task(list_teams, ctx.db, on_done=self._teams, receiver=self)
        fit_window(self, 480, 420)

    def _teams(self, teams: list[Any]) -> None:
        self.team.blockSignals(True)
        for t in teams:
            self.team.addItem(t.name, t.id)
        at = self.team.findData(self.order.team_id or "")
        self.team.setCurrentIndex(max(0, at))
        self.team.blockSignals(False)
        self._load_people()

    def _load_people(self) -> None:
        team_id = str(self.team.currentData() or "")
        if not team_id:
            self.people.set_people([], set())
            return
        run_task(
            orders.team_volunteers,
            self.ctx.db,
            team_id,
            key="dispatch.people",
            on_done=lambda people: self.people.set_people(people, set(self.order.volunteer_ids)),
            receiver=self,
        )

    def submit(self) -> None:
        self.run(
            orders.dispatch,
            self.ctx.db,
            self.ctx.actor,
            self.order.row.id,
            team_id=str(self.team.currentData() or "") or None,
            volunteer_ids=self.people.checked_ids(),
            reason=self.reason.text(),
        )


class CompleteDialog(ServiceDialog):
    """结项: a short report, and each volunteer's hours (pending approval)."""

    def __init__(self, ctx: PageContext, order: OrderDetail, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.setObjectName("complete_dialog")
        self.order = order
        self.setWindowTitle(self.tr("Complete the order"))
        self.report = QPlainTextEdit()
        self.report.setObjectName("complete_report")
        self.report.setPlaceholderText(self.tr("What was done"))
        self.report.setMaximumHeight(90)
        self.hours = QDoubleSpinBox()
        self.hours.setObjectName("complete_hours")
        self.hours.setRange(0, 24)
        self.hours.setDecimals(1)
        self.hours.setSingleStep(0.5)
        self.hours.setValue(1.0)
        self.hours.setSuffix(self.tr(" h"))
        self.people = VolunteerChecks("complete_volunteers")
        self.people.set_people(
            list(zip(order.volunteer_ids, order.volunteer_names, strict=True)),
            set(order.volunteer_ids),
        )
        form = QFormLayout()
        form.addRow(QLabel(f"{order.row.number} · {order.row.category} · {order.row.item_name}"))
        form.addRow(self.tr("&Report:"), self.report)
        form.addRow(self.tr("&Hours each:"), self.hours)
        form.addRow(self.tr("&Who served:"), self.people)
        self.photo_files: list[str] = []
        self.photos_button = QPushButton(self.tr("Add &photos…"))
        self.photos_button.setObjectName("complete_photos")
        self.photos_button.clicked.connect(self.choose_photos)
        self.photos_label = QLabel(self.tr("No photos"))
        self.photos_label.setObjectName("complete_photos_label")
        self.photos_label.setWordWrap(True)
        photos_row = QHBoxLayout()
        photos_row.addWidget(self.photos_button)
        photos_row.addWidget(self.photos_label, 1)
        form.addRow(self.tr("Photos:"), photos_row)
        hint = QLabel(self.tr("Each volunteer ticked gets these hours, pending approval."))
        hint.setWordWrap(True)
        form.addRow(hint)
        self.finish_layout(form)
        fit_window(self, 480, 460)

    def choose_photos(self) -> None:
        chosen = files.open_file_names(  # (through the module: a test answers it)
            self,
            self.tr("Photos of the service"),
            self.tr("Pictures (*.jpg *.jpeg *.png *.webp *.bmp *.gif)"),
        )
        if chosen:
            self.set_photos(self.photo_files + [f for f in chosen if f not in self.photo_files])

    def set_photos(self, files: list[str]) -> None:
        self.photo_files = list(files)
        names = [Path(f).name for f in self.photo_files]
        self.photos_label.setText(
            self.tr("%n photos: {names}", "", len(names)).format(names=join_list(names))
            if names
            else self.tr("No photos")
        )

    def submit(self) -> None:
        self.run(
            orders.complete,
            self.ctx.db,
            self.ctx.actor,
            self.order.row.id,
            self.report.toPlainText(),
            round(self.hours.value() * 60),
            volunteer_ids=self.people.checked_ids(),
            photos_root=self.ctx.data_dir.photos,
            photo_sources=list(self.photo_files),
        )


class RateDialog(ServiceDialog):
    """评单: the resident's stars and comment."""

    def __init__(self, ctx: PageContext, order: OrderDetail, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.setObjectName("rate_dialog")
        self.order = order
        self.setWindowTitle(self.tr("The resident's rating"))
        self.stars = QComboBox()
        self.stars.setObjectName("rate_stars")
        for n in range(5, 0, -1):
            self.stars.addItem("★" * n + "☆" * (5 - n), n)
        self.comment = QLineEdit()
        self.comment.setObjectName("rate_comment")
        self.comment.setMaxLength(500)
        form = QFormLayout()
        form.addRow(QLabel(f"{order.row.number} · {order.row.requester_name}"))
        form.addRow(self.tr("&Stars:"), self.stars)
        form.addRow(self.tr("&Comment:"), self.comment)
        self.finish_layout(form)
        fit_window(self, 420, 200)

    def submit(self) -> None:
        self.run(
            orders.rate,
            self.ctx.db,
            self.ctx.actor,
            self.order.row.id,
            int(self.stars.currentData()),
            self.comment.text(),
        )


class ReasonDialog(ServiceDialog):
    """拒单 or 撤回: one step that needs a reason."""

    def __init__(
        self,
        ctx: PageContext,
        order: OrderDetail,
        action: OrderAction,
        parent: QWidget | None = None,
    ):
        super().__init__(ctx, parent)
        self.setObjectName(f"{action.value}_dialog")
        self.order = order
        self.action = action
        self.setWindowTitle(
            self.tr("Reject the order") if action == A.REJECT else self.tr("Back to pending")
        )
        self.reason = QLineEdit()
        self.reason.setObjectName("order_reason")
        self.reason.setMaxLength(500)
        form = QFormLayout()
        form.addRow(QLabel(f"{order.row.number} · {order.row.requester_name}"))
        form.addRow(self.tr("&Reason:"), self.reason)
        self.finish_layout(form)
        fit_window(self, 420, 160)

    def submit(self) -> None:
        fn = orders.reject if self.action == A.REJECT else orders.cancel
        self.run(fn, self.ctx.db, self.ctx.actor, self.order.row.id, self.reason.text())


# --- the detail panel --------------------------------------------------------------------------


class OrderPanel(DetailPanel):
    """One order: who, what, where it stands, its history and its next steps."""

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.order: OrderDetail | None = None
        self.make_heading(self.tr("Choose an order."), "order_title", "order_facts")
        self.history = HistoryModel(self)
        self.history_view = table_view(self.history, "order_history", compact=False)
        self.history_view.setColumnWidth(0, 128)
        self.history_view.setColumnWidth(1, 56)
        self.history_view.setColumnWidth(2, 64)
        self.history_view.setMinimumHeight(150)
        self.message.setObjectName("order_message")
        daily = ctx.actor.can(Permission.DAILY_WORK)
        specs = (
            ("dispatch", self.tr("&Dispatch…"), self.dispatch, daily),
            ("accept", self.tr("Acce&pted"), self.accept, daily),
            ("complete", self.tr("&Complete…"), self.complete, daily),
            ("rate", self.tr("R&ate…"), self.rate, daily),
            ("reject", self.tr("Re&ject…"), self.reject, daily),
            ("cancel", self.tr("&Back to pending…"), self.cancel, daily),
            ("slip", self.tr("Order s&lip"), lambda: self.print_doc(SLIP), daily),
            ("receipt", self.tr("Service &receipt"), lambda: self.print_doc(RECEIPT), daily),
        )
        grid = self.button_grid("order", specs, 3)
        box = QGroupBox(self.tr("History"))
        QVBoxLayout(box).addWidget(self.history_view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addWidget(grid)
        layout.addWidget(self.message)
        self.photo_model = QStandardItemModel(self)
        self.photo_view = QListView()
        self.photo_view.setObjectName("order_photos")
        self.photo_view.setModel(self.photo_model)
        self.photo_view.setViewMode(QListView.ViewMode.IconMode)
        self.photo_view.setIconSize(THUMB)
        self.photo_view.setFlow(QListView.Flow.LeftToRight)
        self.photo_view.setWrapping(False)
        self.photo_view.setFixedHeight(THUMB.height() + 24)
        self.photos_box = QGroupBox(self.tr("Photos of the service"))
        QVBoxLayout(self.photos_box).addWidget(self.photo_view)
        self.photos_box.hide()  # shown for an order closed with photos
        layout.addWidget(self.photos_box)
        layout.addWidget(box, 1)
        self.last_pdf = b""
        self.preview: Any = None

    def _thumbs(self, order_id: str, shown: tuple[str, ...], thumbs: dict[str, QImage]) -> None:
        if self.current_id() != order_id or self.photo_model.rowCount():
            return  # another order is shown by now
        for n, path in enumerate(shown, start=1):
            item = QStandardItem(str(n))
            thumb = thumbs.get(path)
            if thumb is not None and not thumb.isNull():
                item.setIcon(QPixmap.fromImage(thumb))
            item.setEditable(False)
            item.setToolTip(path)
            self.photo_model.appendRow(item)

    def show_order(self, order_id: str | None) -> None:
        if order_id is None:
            self.clear()
        else:
            self.load(orders.get_order, order_id)

    def current_id(self) -> str | None:
        return self.order.row.id if self.order is not None else None

    def _set(self, order: OrderDetail | None) -> None:
        self.order = order
        allowed = set(order.actions) if order is not None else set()
        for key, button in self.buttons.items():
            if key in ("slip", "receipt"):
                button.setEnabled(
                    order is not None
                    and order.row.state not in (OrderState.PENDING, OrderState.REJECTED)
                )
            else:
                button.setEnabled(OrderAction(key) in allowed)
        self.photo_model.clear()
        self.photos_box.setVisible(order is not None and bool(order.photos))
        if order is None:
            self.title.setText(self.tr("Choose an order."))
            self.facts.setText("")
            self.history.set_rows([])
            return
        if order.photos:
            shown = order.photos
            run_task(
                load_thumbnails,
                self.ctx.data_dir.photos,
                list(shown),
                THUMB,
                key="order.photos",
                on_done=lambda thumbs: self._thumbs(order.row.id, shown, thumbs),
                receiver=self,
            )
        row = order.row
        again = row.state in (OrderState.DISPATCHED, OrderState.ACCEPTED)
        self.buttons["dispatch"].setText(
            self.tr("Re-&dispatch…") if again else self.tr("&Dispatch…")
        )
        self.title.setText(f"{row.number} · {row.category} · {row.item_name}")
        who = row.requester_name
        if order.household_number:
            who += " " + self.tr("(household {number})").format(number=order.household_number)
        lines = [
            " · ".join(p for p in (who, row.phone_masked, order.address) if p),
            self.tr("Received {at} · {state}").format(
                at=_time(row.received_at), state=state_text(row.state)
            ),
        ]
        if row.overdue:
            lines[-1] += " · " + self.tr("overdue")
        sent = [p for p in (order.team_name, join_list(order.volunteer_names)) if p]
        if sent and row.state == OrderState.PENDING:
            lines.append(self.tr("Usually sent to {whom}").format(whom=" · ".join(sent)))
        elif sent and row.state != OrderState.REJECTED:
            lines.append(self.tr("Sent to {whom}").format(whom=" · ".join(sent)))
        if order.request:
            lines.append(order.request)
        self.facts.setText("\n".join(lines))
        self.history.set_rows(list(order.history))
        self.history_view.resizeRowsToContents()  # a report or a reason wraps, whole

    # steps
    def _open(self, dialog: ServiceDialog, ok_text: str) -> None:
        self._after(dialog, ok_text)

    def dispatch(self) -> None:
        if self.order is not None:
            self._open(DispatchDialog(self.ctx, self.order, self), self.tr("Dispatched."))

    def accept(self) -> None:
        if self.order is not None:
            self._service(
                orders.accept,
                self.ctx.db,
                self.ctx.actor,
                self.order.row.id,
                ok_text=self.tr("Accepted by the volunteers."),
            )

    def complete(self) -> None:
        if self.order is not None:
            self._open(
                CompleteDialog(self.ctx, self.order, self),
                self.tr("Completed; the volunteers' hours wait for approval."),
            )

    def rate(self) -> None:
        if self.order is not None:
            self._open(RateDialog(self.ctx, self.order, self), self.tr("Rating recorded."))

    def reject(self) -> None:
        if self.order is not None:
            self._open(ReasonDialog(self.ctx, self.order, A.REJECT, self), self.tr("Rejected."))

    def cancel(self) -> None:
        if self.order is not None:
            self._open(
                ReasonDialog(self.ctx, self.order, A.CANCEL, self), self.tr("Back to pending.")
            )

    def print_doc(self, kind: str) -> None:
        order = self.order
        if order is None:
            return
        run_task(
            order_pdf,
            self.ctx.db,
            order.row.id,
            kind,
            on_done=lambda pdf: self._pdf_ready(pdf, kind, order.row.number),
            on_error=lambda e: self.message.show_error(error_text(e)),
            receiver=self,
        )

    def _pdf_ready(self, pdf: bytes, kind: str, number: str) -> None:
        from app.views.pdf_preview import show_pdf

        self.last_pdf = pdf
        title = (
            self.tr("Order slip {number}") if kind == SLIP else self.tr("Service receipt {number}")
        ).format(number=number)
        self.preview = show_pdf(
            pdf, title, "A4", self, file_name=dated_file_name(f"{title}", ".pdf")
        )


# --- the page -----------------------------------------------------------------------------------


class OrdersPage(QWidget):
    """服务点单: the orders, one order's file, new orders and the menu."""

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        daily = ctx.actor.can(Permission.DAILY_WORK)
        self.state = QComboBox()
        self.state.setObjectName("orders_state")
        self.state.addItem(self.tr("All states"), "")
        for s in OrderState:
            self.state.addItem(state_text(s.value), s.value)
        self.overdue = QCheckBox(self.tr("&Overdue only"))
        self.overdue.setObjectName("orders_overdue")
        self.search = QLineEdit()
        self.search.setObjectName("orders_search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("No., name, phone's last 4 digits, service"))
        self.search.setMinimumWidth(220)
        self.new_button = QPushButton(self.tr("&New order…"))
        self.new_button.setObjectName("orders_new")
        self.menu_button = QPushButton(self.tr("Service &menu…"))
        self.menu_button.setObjectName("orders_menu")
        for button in (self.new_button, self.menu_button):
            button.setEnabled(daily)
        self.message = MessageLabel()
        self.message.setObjectName("orders_message")
        self.model = OrdersModel(ctx.db, self)
        self.view = table_view(self.model, "orders_table")
        for col, width in ((0, 108), (1, 128), (2, 140), (3, 64), (4, 112)):
            self.view.setColumnWidth(col, width)
        self.count_label = QLabel()
        self.count_label.setObjectName("orders_count")
        self.detail = OrderPanel(ctx, self)
        self.detail.changed.connect(lambda _id: self.model.refresh())
        bar = FlowLayout(height_for_width=False)
        bar.addWidget(self.state)
        bar.addWidget(self.overdue)
        bar.addWidget(self.search)
        bar.addWidget(self.new_button)
        bar.addWidget(self.menu_button)
        self.lists = ListActions(
            self, "orders", lambda: orders_document(ctx.db, self.model.filter), self.message
        )
        self.lists.set_enabled(daily)  # 导出 Excel… and 打印… of the list as filtered
        self.lists.add_to(bar)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(
            with_placeholder(
                self.view, self.tr("No orders. A resident's request starts with “New order…”.")
            ),
            1,
        )
        left_layout.addWidget(self.count_label)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(scrollable(self.detail))
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([740, 480])  # at 1366 px: the list's state column whole
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Service orders")))
        layout.addWidget(wrapping(bar))
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _t: self.timer.start())
        self.state.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.overdue.toggled.connect(lambda _b: self.apply_filter())
        self.new_button.clicked.connect(self.new_order)
        self.menu_button.clicked.connect(self.add_menu_item)
        self.view.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.model.counted.connect(lambda n: self.count_label.setText(self.tr("%n orders", "", n)))
        self.dialog: QDialog | None = None  # the one open (tests reach it)
        self.apply_filter()

    def apply_filter(self) -> None:
        self.model.set_filter(
            OrderFilter(
                state=str(self.state.currentData() or "") or None,
                text=self.search.text(),
                overdue_only=self.overdue.isChecked(),
            )
        )

    def _row_chosen(self, current: QModelIndex | QPersistentModelIndex, _previous: Any) -> None:
        row = self.model.row_at(current.row()) if current.isValid() else None
        if row is not None:
            self.detail.show_order(row.id)

    def new_order(self) -> None:
        dialog = NewOrderDialog(self.ctx, self)

        def accepted() -> None:
            made: OrderDetail = dialog.result_value
            self.message.show_ok(self.tr("Order {number} received.").format(number=made.row.number))
            self.model.refresh()
            self.detail.show_order(made.row.id)

        dialog.accepted.connect(accepted)
        dialog.open()
        self.dialog = dialog

    def add_menu_item(self) -> None:
        dialog = MenuDialog(self.ctx, parent=self)
        dialog.open()
        self.dialog = dialog
