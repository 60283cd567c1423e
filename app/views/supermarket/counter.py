"""兑换柜台 — the points-supermarket counter, built for a queue of villagers.

One big scan field keeps the focus.  A villager hands over the household card:
the scanner's burst resolves it (forged, revoked and unknown cards are refused
with the service's sentence) and the household, its balance and recent
entries appear.  Goods go into the cart by scanning their barcode, clicking a
button of the goods grid, or typing a name, initials or barcode and Enter.
The cart shows the running total against the balance and the stock; what is
knowable is said before confirming.  Enter on the empty field, or the big
button, confirms.

Idempotency: the checkout's redemption id (:func:`supermarket.new_redemption_id`)
is made when the cart gets its first goods and kept until the redemption is
committed, so a double Enter, a double click or a retry after an error can
never redeem twice — the button is also disabled while the commit runs.

After the commit the 兑换单 is made (page and copies from the settings) and
sent to the printer, a preview, or a folder of PDFs; only then is the print
recorded, so a crash before printing leaves the redemption in the
"unprinted slips" list.  Reprints are marked 补打 by the print count; a voided
slip reprints as its 作废单.  A void (administrators, reason required) prints a
void slip stamped with the void's stored time.  The slips themselves are made
by :mod:`app.services.documents.slips` (the command line prints the same).
Then the counter is idle again for the next villager.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services import households, supermarket
from app.services.auth import Permission
from app.services.cards import looks_like_payload
from app.services.documents import slips
from app.services.documents.slips import VoidDone
from app.services.households import HouseholdHit, HouseholdView
from app.services.points import PointsSettings, below_minimum_balance
from app.services.supermarket import CounterHousehold, GoodsView, RedemptionResult
from app.services.text_input import MAX_SEARCH_CHARS
from app.views.grid_layout import ColumnGridLayout
from app.views.pages import PageContext
from app.views.pdf_preview import PAGE_CHOICES
from app.views.points.entries import (
    EntriesModel,
    StationFacts,
    ask_reason,
    load_station_facts,
)
from app.views.points.options import (
    SLIP_FOLDER,
    SLIP_OUTPUT,
    SLIP_PAGE,
    SLIP_TWO_COPIES,
    points_settings,
    slip_copies,
)
from app.views.qtfix import emit
from app.views.scan_field import ScanLineEdit
from app.views.table_models import RED, ModelIndex, RowsModel, TableModel, table_view
from app.views.tasks import run_task
from app.views.thumbnails import load_thumbnails
from app.views.widgets import MessageLabel, error_text

# --- worker functions (run off the GUI thread) ------------------------------------------


def save_slip(pdf: bytes, folder: Path, name: str) -> Path:
    from app.views.pdf_preview import save_pdf

    folder.mkdir(parents=True, exist_ok=True)
    return save_pdf(pdf, folder / f"{name}.pdf")


# --- models -------------------------------------------------------------------------------


@dataclass
class CartLine:
    goods: GoodsView
    qty: int

    @property
    def points(self) -> int:
        return self.goods.points_price * self.qty


class CartModel(TableModel):
    NAME, PRICE, QTY, POINTS = range(4)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines: list[CartLine] = []

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def row_at(self, row: int) -> CartLine | None:
        return self.lines[row] if 0 <= row < len(self.lines) else None

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Goods"), self.tr("Each"), self.tr("Qty"), self.tr("Points"))

    def cell(self, line: CartLine, column: int) -> str:
        return (
            line.goods.name,
            str(line.goods.points_price),
            f"{line.qty} {line.goods.unit}",
            str(line.points),
        )[column]

    def foreground(self, line: CartLine, column: int) -> QColor | None:
        return RED if line.qty > line.goods.on_hand else None

    def alignment(self, column: int) -> Qt.AlignmentFlag | None:
        return None if column == self.NAME else Qt.AlignmentFlag.AlignRight

    def total(self) -> int:
        return sum(line.points for line in self.lines)

    def add(self, goods: GoodsView, qty: int = 1) -> int:
        """Add *qty* of *goods*; returns the row."""
        for row, line in enumerate(self.lines):
            if line.goods.id == goods.id:
                line.qty += qty
                line.goods = goods
                self.dataChanged.emit(self.index(row, 0), self.index(row, 3))
                return row
        row = len(self.lines)
        self.beginInsertRows(QModelIndex(), row, row)
        self.lines.append(CartLine(goods, qty))
        self.endInsertRows()
        return row

    def change(self, row: int, delta: int) -> None:
        line = self.lines[row]
        if line.qty + delta <= 0:
            self.remove(row)
            return
        line.qty += delta
        self.dataChanged.emit(self.index(row, 0), self.index(row, 3))

    def remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.lines[row]
        self.endRemoveRows()

    def clear(self) -> None:
        self.beginResetModel()
        self.lines = []
        self.endResetModel()

    def refresh_goods(self, by_id: dict[str, GoodsView]) -> None:
        for line in self.lines:
            line.goods = by_id.get(line.goods.id, line.goods)
        if self.lines:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.lines) - 1, 3))


class SlipsModel(RowsModel):
    """Redemptions (a household's recent ones, the unprinted ones, or a found one)."""

    NUMBER, HOUSEHOLD, POINTS, STATUS = range(4)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Slip No."), self.tr("Household"), self.tr("Points"), self.tr("Status"))

    def cell(self, r: RedemptionResult, column: int) -> str:
        if column == self.NUMBER:
            return r.number
        if column == self.HOUSEHOLD:
            return f"{r.household_number} {r.head_name}"
        if column == self.POINTS:
            return str(r.total_points)
        if r.voided:
            return self.tr("Voided")
        return self.tr("Printed") if r.print_count else self.tr("Not printed")

    def result_at(self, row: int) -> RedemptionResult | None:
        return self.row_at(row)


# --- the counter widget -------------------------------------------------------------------


def _big(widget: QWidget, points_size: int, bold: bool = False) -> None:
    font = QFont(widget.font())
    font.setPointSize(points_size)
    font.setBold(bold)
    widget.setFont(font)


def _table(model: QAbstractTableModel, name: str) -> QTableView:
    view = table_view(model, name, compact=False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return view


class CounterWidget(QWidget):
    """See the module docstring.  ``redeemed``/``voided`` fire after each commit."""

    redeemed = Signal(object)  # RedemptionResult
    voided = Signal(object)  # VoidDone
    slip_output = Signal(str, bytes)  # redemption number, PDF
    GRID_BUTTON_WIDTH = 130  # px at least: the grid has as many columns as fit
    GRID_ICON = QSize(36, 36)  # a goods photo on its grid button

    def __init__(self, ctx: PageContext, parent: QWidget | None = None, *, clock: Any = None):
        super().__init__(parent)
        self.setObjectName("counter")
        self.ctx = ctx
        self.facts: StationFacts | None = None
        # the station's points policy, read off the GUI thread when the counter opens and
        # again with every household (an administrator may have changed it meanwhile)
        self.points: PointsSettings | None = None
        self.goods: dict[str, GoodsView] = {}
        self.household: HouseholdView | None = None
        self.redemption_id: str | None = None
        self.committing = False
        self.last_result: RedemptionResult | None = None
        self.last_pdf: bytes = b""
        self.sink = None  # tests may set: callable(number, pdf) -> bool

        # top: the scan field
        self.scan = ScanLineEdit(clock=clock)
        self.scan.setObjectName("counter_scan")
        self.scan.setPlaceholderText(
            self.tr("Scan the household card or goods barcode — or type a name, number, phone tail")
        )
        _big(self.scan, 15)
        self.scan.setMinimumHeight(46)
        self.scan.set_keep_focus(True)
        self.scan.scanned.connect(self.on_scanned)
        self.scan.typed_enter.connect(self.on_typed)
        self.scan.escape_pressed.connect(self.cancel_checkout)
        self.unprinted_button = QPushButton(self.tr("Unprinted slips"))
        self.unprinted_button.setObjectName("unprinted_slips")
        self.unprinted_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.unprinted_button.clicked.connect(self.show_unprinted)
        self.message = MessageLabel()
        self.message.setObjectName("counter_message")
        _big(self.message, 12)

        # left: the household
        self.household_box = QGroupBox(self.tr("Household"))
        self.household_label = QLabel(self.tr("Scan a household card to start."))
        self.household_label.setObjectName("counter_household")
        self.household_label.setWordWrap(True)
        _big(self.household_label, 13, True)
        self.balance_label = QLabel("")
        self.balance_label.setObjectName("counter_balance")
        self.balance_label.setWordWrap(True)  # the household column is narrow at 1024 px
        _big(self.balance_label, 20, True)
        self.hits_model = _HitsModel(self)
        self.hits_view = _table(self.hits_model, "counter_hits")
        self.hits_view.clicked.connect(self._hit_clicked)
        self.hits_view.hide()
        self.entries_model = EntriesModel(self)
        self.entries_view = _table(self.entries_model, "counter_entries")
        for col in (EntriesModel.BALANCE, EntriesModel.OPERATOR):
            self.entries_view.hideColumn(col)
        entries_header = self.entries_view.horizontalHeader()
        entries_header.setStretchLastSection(False)
        entries_header.setSectionResizeMode(EntriesModel.ITEM, QHeaderView.ResizeMode.Stretch)
        self.entries_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left = QVBoxLayout(self.household_box)
        left.addWidget(self.household_label)
        left.addWidget(self.balance_label)
        left.addWidget(self.hits_view, 1)
        recent = QLabel(self.tr("Recent points entries"))
        recent.setObjectName("hint")
        left.addWidget(recent)
        left.addWidget(self.entries_view, 1)

        # middle: goods grid
        self.goods_box = QGroupBox(self.tr("Goods"))
        self.goods_filter = QLineEdit()
        self.goods_filter.setMaxLength(MAX_SEARCH_CHARS)
        self.goods_filter.setObjectName("goods_filter")
        self.goods_filter.setPlaceholderText(self.tr("Filter goods"))
        self.goods_filter.setClearButtonEnabled(True)
        self.goods_filter.textChanged.connect(self._rebuild_grid)
        self.grid_holder = QWidget()
        self.grid_holder.setObjectName("goods_grid")
        # As many columns as fit, reflowed by the layout itself (see grid_layout).
        self.grid = ColumnGridLayout(self.grid_holder, cell_width=self.GRID_BUTTON_WIDTH)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_holder)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Always there, so the content's width never depends on its height.
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.grid_scroll = scroll
        middle = QVBoxLayout(self.goods_box)
        middle.addWidget(self.goods_filter)
        middle.addWidget(scroll, 1)
        self.goods_buttons: dict[str, QPushButton] = {}
        # Goods photos' icons by stored path (None: unreadable).  Photos are
        # write-once, so a path's picture never changes and is decoded once.
        self.thumbs: dict[str, QIcon | None] = {}
        self._thumbs_loading: set[str] = set()

        # right: the cart
        self.cart_box = QGroupBox(self.tr("Cart"))
        self.cart = CartModel(self)
        self.cart_view = _table(self.cart, "cart")
        self.cart_view.horizontalHeader().setSectionResizeMode(
            CartModel.NAME, QHeaderView.ResizeMode.Stretch
        )
        self.cart_view.horizontalHeader().setStretchLastSection(False)
        # a line under the header at least; it scrolls (the counter fits 1024×768 and
        # 1366×768 screens with a taskbar, where every line of height counts)
        self.cart_view.setMinimumHeight(70)
        # whole lines: the top line is never half hidden under the header
        self.cart_view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
        self.plus_button = self._small_button("+", "cart_plus", lambda: self._change_selected(1))
        self.minus_button = self._small_button("−", "cart_minus", lambda: self._change_selected(-1))
        self.remove_button = self._small_button(
            self.tr("Remove"), "cart_remove", self._remove_selected
        )
        qty_row = QHBoxLayout()
        qty_row.addWidget(self.plus_button)
        qty_row.addWidget(self.minus_button)
        qty_row.addWidget(self.remove_button)
        qty_row.addStretch(1)
        self.total_label = QLabel()
        self.total_label.setObjectName("cart_total")
        _big(self.total_label, 14, True)
        self.after_label = QLabel()
        self.after_label.setObjectName("cart_balance_after")
        _big(self.after_label, 12)
        self.cart_warning = MessageLabel()
        self.cart_warning.setObjectName("cart_warning")
        self.confirm_button = QPushButton(self.tr("Confirm redemption (Enter)"))
        self.confirm_button.setObjectName("confirm_redeem")
        self.confirm_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.confirm_button.setMinimumHeight(56)
        self.confirm_button.setDefault(True)
        _big(self.confirm_button, 15, True)
        self.confirm_button.clicked.connect(self.confirm)
        self.cancel_button = self._small_button(
            self.tr("Clear (Esc)"), "cancel_checkout", self.cancel_checkout
        )
        qty_row.addWidget(self.cancel_button)
        right = QVBoxLayout(self.cart_box)
        right.addWidget(self.cart_view, 1)
        right.addLayout(qty_row)
        totals = QHBoxLayout()  # one line: the cart fits a 768 px screen
        totals.addWidget(self.total_label)
        totals.addStretch(1)
        totals.addWidget(self.after_label)
        right.addLayout(totals)
        right.addWidget(self.cart_warning)
        right.addWidget(self.confirm_button)

        # bottom: the last redemption and the slips list
        self.slips_box = QGroupBox(self.tr("Slips"))
        self.last_label = QLabel(self.tr("No redemption yet in this session."))
        self.last_label.setObjectName("last_redemption")
        self.last_label.setWordWrap(True)
        self.slips_model = SlipsModel(self)
        self.slips_view = _table(self.slips_model, "counter_slips")
        self.slips_view.setMaximumHeight(76)  # the counter fits 1366×768 with a taskbar
        self.slips_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.find_slip = QLineEdit()
        self.find_slip.setMaxLength(MAX_SEARCH_CHARS)
        self.find_slip.setObjectName("find_slip")
        self.find_slip.setPlaceholderText(self.tr("Slip No., e.g. DH-2026-000012"))
        self.find_slip.returnPressed.connect(self.find_slip_by_number)
        self.reprint_button = self._small_button(
            self.tr("Reprint"), "reprint_slip", self.reprint_selected
        )
        self.void_button = self._small_button(self.tr("Void…"), "void_slip", self.void_selected)
        if not ctx.actor.can(Permission.VOID):
            # (hide only: setVisible(True) on a widget not yet in a layout would show it
            # as a window of its own, which takes the activation from the main window)
            self.void_button.hide()
        # how slips go out (settings, kept at once)
        self.paper = QComboBox()
        self.paper.setObjectName("slip_paper")
        self.paper.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for value in PAGE_CHOICES:
            self.paper.addItem(value, value)
        self.paper.setCurrentIndex(max(0, self.paper.findData(ctx.settings.get(SLIP_PAGE))))
        self.paper.currentIndexChanged.connect(
            lambda _i: ctx.settings.set(SLIP_PAGE, str(self.paper.currentData()))
        )
        self.two_copies = QCheckBox(self.tr("Two copies"))
        self.two_copies.setObjectName("slip_two_copies")
        self.two_copies.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.two_copies.setChecked(ctx.settings.get(SLIP_TWO_COPIES))
        self.two_copies.toggled.connect(lambda on: ctx.settings.set(SLIP_TWO_COPIES, on))
        self.output_mode = QComboBox()
        self.output_mode.setObjectName("slip_output")
        self.output_mode.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for value, text in (
            ("printer", self.tr("Print at once")),
            ("preview", self.tr("Preview first")),
            ("folder", self.tr("Save PDF to folder")),
        ):
            self.output_mode.addItem(text, value)
        self.output_mode.setCurrentIndex(
            max(0, self.output_mode.findData(ctx.settings.get(SLIP_OUTPUT)))
        )
        self.output_mode.currentIndexChanged.connect(
            lambda _i: ctx.settings.set(SLIP_OUTPUT, str(self.output_mode.currentData()))
        )
        slip_buttons = QHBoxLayout()
        slip_buttons.addWidget(QLabel(self.tr("Slip paper:")))
        slip_buttons.addWidget(self.paper)
        slip_buttons.addWidget(self.two_copies)
        slip_buttons.addWidget(self.output_mode)
        slip_buttons.addSpacing(12)
        slip_buttons.addWidget(self.find_slip, 1)
        slip_buttons.addWidget(self.reprint_button)
        slip_buttons.addWidget(self.void_button)
        bottom = QVBoxLayout(self.slips_box)
        bottom.addWidget(self.last_label)
        bottom.addWidget(self.slips_view)
        bottom.addLayout(slip_buttons)

        top = QHBoxLayout()
        top.addWidget(self.scan, 1)
        top.addWidget(self.unprinted_button)
        columns = QSplitter(Qt.Orientation.Horizontal)
        columns.setChildrenCollapsible(False)
        for box in (self.household_box, self.goods_box, self.cart_box):
            columns.addWidget(box)
        # Narrower than their contents' wish, so the three fit a 1024 px screen.
        self.household_box.setMinimumWidth(200)
        self.goods_box.setMinimumWidth(self.GRID_BUTTON_WIDTH + 60)
        columns.setStretchFactor(0, 3)
        columns.setStretchFactor(1, 4)
        columns.setStretchFactor(2, 4)
        columns.setSizes([3000, 4000, 4000])  # the goods grid gets its share from the start
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(columns, 1)
        layout.addWidget(self.slips_box)
        self._update_totals()
        self.load()

    def _small_button(self, text: str, name: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(slot)
        return button

    # --- loading -----------------------------------------------------------------------

    def load(self) -> None:
        run_task(
            load_station_facts,
            self.ctx.db,
            self.ctx.data_dir,
            on_done=self._facts_loaded,
            on_error=self._show_error,
            receiver=self,
        )
        self.reload_goods()
        self.refresh_unprinted_count()
        self.reload_points_policy()

    def _facts_loaded(self, facts: StationFacts) -> None:
        self.facts = facts

    def reload_points_policy(self) -> None:
        run_task(
            points_settings,
            self.ctx.db,
            on_done=self._points_loaded,
            on_error=self._show_error,
            receiver=self,
        )

    def _points_loaded(self, settings: PointsSettings) -> None:
        self.points = settings
        self._update_totals()

    def reload_goods(self) -> None:
        run_task(
            supermarket.list_goods,
            self.ctx.db,
            limit=5000,
            on_done=self._goods_loaded,
            on_error=self._show_error,
            receiver=self,
        )

    def _goods_loaded(self, goods: list[GoodsView]) -> None:
        self.goods = {g.id: g for g in goods}
        self.cart.refresh_goods(self.goods)
        self._rebuild_grid()
        self._update_totals()
        self._load_thumbnails()

    def _load_thumbnails(self) -> None:
        """Decode the photos not yet cached, off the GUI thread, in one task."""
        wanted = sorted(
            {g.photo_path for g in self.goods.values() if g.photo_path}
            - self.thumbs.keys()
            - self._thumbs_loading
        )
        if not wanted:
            return
        self._thumbs_loading.update(wanted)
        run_task(
            load_thumbnails,
            self.ctx.data_dir.photos,
            wanted,
            self.GRID_ICON,
            on_done=self._thumbnails_loaded,
            on_error=lambda _e: self._thumbs_loading.difference_update(wanted),
            receiver=self,
        )

    def _thumbnails_loaded(self, images: dict[str, QImage]) -> None:
        for path, image in images.items():
            self._thumbs_loading.discard(path)
            # QPixmap only here, on the GUI thread.
            self.thumbs[path] = None if image.isNull() else QIcon(QPixmap.fromImage(image))
        for goods_id, button in self.goods_buttons.items():
            goods = self.goods.get(goods_id)
            if goods is not None:
                self._set_goods_icon(button, goods)

    def _set_goods_icon(self, button: QPushButton, goods: GoodsView) -> None:
        icon = self.thumbs.get(goods.photo_path) if goods.photo_path else None
        if icon is not None:
            button.setIcon(icon)
            button.setIconSize(self.GRID_ICON)

    def _rebuild_grid(self) -> None:
        """Show the goods matching the filter; a goods keeps its button."""
        text = self.goods_filter.text().strip()
        shown = [g for g in self.goods.values() if _goods_match(g, text)]
        wanted = {g.id for g in shown}
        for goods_id in [k for k in self.goods_buttons if k not in wanted]:
            button = self.goods_buttons.pop(goods_id)
            self.grid.removeWidget(button)
            button.deleteLater()
        for g in shown:
            existing = self.goods_buttons.get(g.id)
            if existing is None:
                button = QPushButton()
                button.setObjectName(f"goods_{g.id}")
                button.setProperty("role", "goods")  # style.qss gives it room for two lines
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                button.setMinimumHeight(58)
                button.clicked.connect(lambda _c=False, gid=g.id: self.add_goods_id(gid))
                self.goods_buttons[g.id] = button
            else:
                button = existing
                self.grid.removeWidget(button)
            button.setText(self._goods_button_text(g))
            button.setToolTip(self._goods_button_text(g).replace("\n", " · "))
            button.setEnabled(g.on_hand > 0)
            self._set_goods_icon(button, g)
            kind = "warning" if g.low else ""
            if button.property("kind") != kind:
                button.setProperty("kind", kind)
                button.style().unpolish(button)
                button.style().polish(button)
            self.grid.addWidget(button)  # in the order shown
            button.show()
        self.grid.invalidate()

    def _goods_button_text(self, g: GoodsView) -> str:
        return self.tr("{name}\n{price} pts · {on_hand} left").format(
            name=g.name, price=g.points_price, on_hand=g.on_hand
        )

    def goods_button(self, goods_id: str) -> QPushButton | None:
        return self.goods_buttons.get(goods_id)

    def refresh_unprinted_count(self) -> None:
        run_task(
            supermarket.unprinted_redemptions,
            self.ctx.db,
            on_done=self._unprinted_counted,
            on_error=lambda _e: None,
            receiver=self,
        )

    def _unprinted_counted(self, rows: list[RedemptionResult]) -> None:
        self.unprinted_button.setText(self.tr("Unprinted slips ({n})").format(n=len(rows)))
        self.unprinted_button.setProperty("kind", "warning" if rows else "")
        self.unprinted_button.style().unpolish(self.unprinted_button)
        self.unprinted_button.style().polish(self.unprinted_button)

    # --- input -------------------------------------------------------------------------

    def on_scanned(self, code: str) -> None:
        if looks_like_payload(code):
            self.scan_card(code)
        elif self.household is not None:
            self.add_by_barcode(code)
        else:
            self.search_households(code)

    def on_typed(self, text: str) -> None:
        if not text:
            if self.cart.lines:
                self.confirm()
            return
        if looks_like_payload(text):
            self.scan.clear_input()
            self.scan_card(text)
        elif self.household is not None:
            self.scan.clear_input()
            self.add_by_text(text)
        else:
            self.search_households(text)

    def scan_card(self, payload: str) -> None:
        if self.committing:
            return
        if self.facts is None:
            self.message.show_error(self.tr("The counter is still starting; scan again."))
            return
        run_task(
            supermarket.counter_household_of_card,
            self.ctx.db,
            self.facts.card_key,
            payload,
            key="counter.household",
            on_done=self._household_loaded,
            on_error=self._show_error,
            receiver=self,
        )

    def search_households(self, text: str) -> None:
        run_task(
            households.search,
            self.ctx.db,
            text,
            20,
            key="counter.search",
            on_done=lambda hits: self._hits_found(text, hits),
            on_error=self._show_error,
            receiver=self,
        )

    def _hits_found(self, text: str, hits: list[HouseholdHit]) -> None:
        if not hits:
            self.message.show_error(self.tr("No household matches “{text}”.").format(text=text))
            return
        if len(hits) == 1:
            self.scan.clear_input()
            self.open_household(hits[0].id)
            return
        self.hits_model.set_rows(hits)
        self.hits_view.show()
        self.message.show_info(
            self.tr("{n} households match; click the right one.").format(n=len(hits))
        )

    def _hit_clicked(self, index: QModelIndex) -> None:
        hit = self.hits_model.rows[index.row()]
        self.scan.clear_input()
        self.open_household(hit.id)

    def open_household(self, household_id: str) -> None:
        run_task(
            supermarket.counter_household,
            self.ctx.db,
            household_id,
            key="counter.household",
            on_done=self._household_loaded,
            on_error=self._show_error,
            receiver=self,
        )

    def _household_loaded(self, loaded: CounterHousehold) -> None:
        self.reload_points_policy()
        h = loaded.household
        if self.cart.lines and self.household is not None and self.household.id != h.id:
            self.message.show_error(
                self.tr(
                    "The cart holds goods for household {number}. Confirm or clear it before "
                    "serving the next household."
                ).format(number=self.household.number)
            )
            return
        if not h.active:
            self.message.show_error(
                self.tr("Household {number} is closed and cannot redeem.").format(number=h.number)
            )
            return
        if self.household is None or self.household.id != h.id:
            self.redemption_id = None
        self.household = h
        self.hits_view.hide()
        self.household_label.setText(
            self.tr("No. {number} · {head}\n{group}").format(
                number=h.number, head=h.head_name, group=h.group_name
            )
        )
        self.balance_label.setText(self.tr("Balance: %n points", "", h.balance))
        self.entries_model.set_rows(loaded.entries)
        self.slips_model.set_rows(loaded.redemptions)
        self.message.show_ok(
            self.tr("Household {number} ({head}). Add goods, then press Enter.").format(
                number=h.number, head=h.head_name
            )
        )
        self._update_totals()
        self.scan.reclaim_focus()

    def add_by_barcode(self, code: str) -> None:
        found = next((g for g in self.goods.values() if g.barcode == code), None)
        if found is not None:
            self.add_goods(found)
            return
        run_task(
            supermarket.find_goods_by_barcode,
            self.ctx.db,
            code,
            on_done=lambda g: self._barcode_found(code, g),
            on_error=self._show_error,
            receiver=self,
        )

    def _barcode_found(self, code: str, goods: GoodsView | None) -> None:
        if goods is None or not goods.active:
            self.message.show_error(self.tr("No goods has the barcode {code}.").format(code=code))
            return
        self.goods[goods.id] = goods
        self.add_goods(goods)

    def add_by_text(self, text: str) -> None:
        by_code = [g for g in self.goods.values() if g.barcode and g.barcode == text]
        matches = by_code or [g for g in self.goods.values() if _goods_match(g, text)]
        if len(matches) == 1:
            self.add_goods(matches[0])
            return
        self.goods_filter.setText(text)
        if not matches:
            self.message.show_error(self.tr("No goods matches “{text}”.").format(text=text))
        else:
            self.message.show_info(
                self.tr("{n} goods match “{text}”; click one.").format(n=len(matches), text=text)
            )

    def add_goods_id(self, goods_id: str) -> None:
        goods = self.goods.get(goods_id)
        if goods is not None:
            self.add_goods(goods)
        self.scan.reclaim_focus()

    def add_goods(self, goods: GoodsView) -> None:
        if self.committing:
            return
        if self.household is None:
            self.message.show_error(self.tr("Scan the household card first."))
            return
        in_cart = next((line.qty for line in self.cart.lines if line.goods.id == goods.id), 0)
        if in_cart + 1 > goods.on_hand:
            self.message.show_error(
                self.tr("Only {n} {unit} of “{name}” in stock.").format(
                    n=goods.on_hand, unit=goods.unit, name=goods.name
                )
            )
            return
        if self.redemption_id is None:
            self.redemption_id = supermarket.new_redemption_id()
        row = self.cart.add(goods)
        self.cart_view.selectRow(row)
        self.message.show_ok(
            self.tr("Added {name} ({price} pts).").format(name=goods.name, price=goods.points_price)
        )
        self._update_totals()

    def _selected_cart_row(self) -> int:
        rows = self.cart_view.selectionModel().selectedRows()
        if rows:
            return rows[0].row()
        return len(self.cart.lines) - 1

    def _change_selected(self, delta: int) -> None:
        row = self._selected_cart_row()
        if row < 0 or self.committing:
            return
        line = self.cart.lines[row]
        if delta > 0 and line.qty + delta > line.goods.on_hand:
            self.message.show_error(
                self.tr("Only {n} {unit} of “{name}” in stock.").format(
                    n=line.goods.on_hand, unit=line.goods.unit, name=line.goods.name
                )
            )
            return
        self.cart.change(row, delta)
        if row < len(self.cart.lines):
            self.cart_view.selectRow(row)
        self._update_totals()
        self.scan.reclaim_focus()

    def _remove_selected(self) -> None:
        row = self._selected_cart_row()
        if row < 0 or self.committing:
            return
        self.cart.remove(row)
        self._update_totals()
        self.scan.reclaim_focus()

    def _update_totals(self) -> None:
        total = self.cart.total()
        self.total_label.setText(self.tr("Total: %n points", "", total))
        problems: list[str] = []
        if self.household is None:
            self.after_label.setText("")
        else:
            after = self.household.balance - total
            self.after_label.setText(self.tr("Balance after: %n points", "", after))
            if total > self.household.balance:
                problems.append(
                    self.tr(
                        "Not enough points: the goods need {cost}, the household has {n}."
                    ).format(cost=total, n=self.household.balance)
                )
            below = (
                below_minimum_balance(self.household.number, self.household.balance, self.points)
                if self.points is not None
                else None
            )
            if below is not None:
                problems.append(str(below))
        for line in self.cart.lines:
            if line.qty > line.goods.on_hand:
                problems.append(
                    self.tr("Only {n} {unit} of “{name}” in stock.").format(
                        n=line.goods.on_hand, unit=line.goods.unit, name=line.goods.name
                    )
                )
        if problems:
            self.cart_warning.show_error("\n".join(problems))
        else:
            self.cart_warning.clear_message()
        can = (
            bool(self.cart.lines)
            and self.household is not None
            and self.points is not None
            and not self.committing
        )
        self.confirm_button.setEnabled(can)
        for button in (self.plus_button, self.minus_button, self.remove_button):
            button.setEnabled(bool(self.cart.lines) and not self.committing)

    # --- confirm ------------------------------------------------------------------------

    def confirm(self) -> None:
        if self.committing or self.household is None or not self.cart.lines:
            return
        if self.points is None:
            return  # the policy is still being read (a moment after the counter opens)
        if self.redemption_id is None:
            self.redemption_id = supermarket.new_redemption_id()
        self.committing = True
        self.confirm_button.setEnabled(False)
        self._update_totals()
        self.message.show_info(self.tr("Redeeming…"))
        run_task(
            supermarket.redeem,
            self.ctx.db,
            self.ctx.actor,
            self.redemption_id,
            self.household.id,
            [(line.goods.id, line.qty) for line in self.cart.lines],
            self.points,
            write=True,
            on_done=self._redeemed,
            on_error=self._redeem_failed,
            receiver=self,
        )

    def _redeem_failed(self, exc: BaseException) -> None:
        self.committing = False
        self._show_error(exc)
        self._update_totals()
        self.reload_goods()  # the stock may have changed under us

    def _redeemed(self, result: RedemptionResult) -> None:
        self.committing = False
        self.last_result = result
        self.redemption_id = None
        self.cart.clear()
        self.household = None
        self.household_label.setText(self.tr("Scan the next household card."))
        self.balance_label.setText("")
        self.entries_model.set_rows([])
        self.slips_model.set_rows([result])
        self.last_label.setText(
            self.tr(
                "Last: {number} · household {household} {head} · {total} points · "
                "balance now {after}"
            ).format(
                number=result.number,
                household=result.household_number,
                head=result.head_name,
                total=result.total_points,
                after=result.balance_after,
            )
        )
        self.message.show_ok(
            self.tr("Redeemed: slip {number}, {total} points. Balance now {after}.").format(
                number=result.number, total=result.total_points, after=result.balance_after
            )
        )
        self._update_totals()
        emit(self.redeemed, result)
        self.print_slip(result)
        self.reload_goods()
        self.scan.clear_input()
        self.scan.reclaim_focus()

    def cancel_checkout(self) -> None:
        if self.committing:
            return
        self.cart.clear()
        self.household = None
        self.redemption_id = None
        self.hits_view.hide()
        self.household_label.setText(self.tr("Scan a household card to start."))
        self.balance_label.setText("")
        self.entries_model.set_rows([])
        self.message.clear_message()
        self.scan.clear_input()
        self._update_totals()

    # --- slips --------------------------------------------------------------------------

    def print_slip(self, result: RedemptionResult, *, reprint: bool = False) -> None:
        if self.facts is None:
            self.message.show_error(self.tr("The slip could not be made; reprint it later."))
            return
        settings = self.ctx.settings
        void = result.voided
        run_task(
            slips.slip_pdf,
            result,
            self.facts.name,
            self.facts.card_key,
            settings.get(SLIP_PAGE),
            slip_copies(settings),
            reprint=reprint,
            void=void,
            db=self.ctx.db,
            on_done=lambda pdf: self._output_slip(
                result, pdf, slips.VOID if void else slips.REDEMPTION
            ),
            on_error=self._show_error,
            receiver=self,
        )

    def _output_slip(self, result: RedemptionResult, pdf: bytes, doc_type: str) -> None:
        self.last_pdf = pdf
        emit(self.slip_output, result.number, pdf)
        name = result.number + ("-void" if doc_type == slips.VOID else "")
        try:
            done = self.output(name, pdf)
        except (OSError, ValueError) as err:
            self.message.show_error(
                self.tr(
                    "Printing failed ({error}); the slip is listed under Unprinted slips."
                ).format(error=error_text(err))
            )
            return
        if not done:
            return
        run_task(
            slips.record_slip_print,
            self.ctx.db,
            self.ctx.actor,
            result,
            write=True,
            void=doc_type == slips.VOID,
            on_done=lambda p: self._printed(result, p.copy_no, doc_type == slips.VOID),
            on_error=self._show_error,
            receiver=self,
        )

    def _printed(self, result: RedemptionResult, copy_no: int, void: bool = False) -> None:
        def counted(r: RedemptionResult) -> RedemptionResult:
            if void:
                return replace(r, void_print_count=max(r.void_print_count, copy_no))
            return replace(r, print_count=max(r.print_count, copy_no))

        self.slips_model.set_rows(
            [counted(r) if r.id == result.id else r for r in self.slips_model.rows]
        )
        self.refresh_unprinted_count()

    def output(self, name: str, pdf: bytes) -> bool:
        """Send a slip where the settings say; True when it was printed or saved."""
        if self.sink is not None:
            return bool(self.sink(name, pdf))
        page = self.ctx.settings.get(SLIP_PAGE)
        mode = self.ctx.settings.get(SLIP_OUTPUT)
        if mode == "folder":
            folder = self.ctx.settings.get(SLIP_FOLDER) or str(self.ctx.data_dir.root / "slips")
            path = save_slip(pdf, Path(folder), name)
            self.message.show_ok(self.tr("Slip saved as {path}.").format(path=str(path)))
            return True
        from app.views import pdf_preview

        if mode == "preview":
            pdf_preview.show_pdf(pdf, self.tr("Slip {number}").format(number=name), page, self)
            self._watch_previews()
            return True
        printed = pdf_preview.print_direct(
            pdf, page, self, self.tr("Slip {number}").format(number=name)
        )
        self._watch_previews()  # without a printer the slip was previewed instead
        return printed

    def _watch_previews(self) -> None:
        from app.views import pdf_preview

        for preview in pdf_preview.open_previews():
            if preview.parent() is self and not preview.property("counter_watched"):
                preview.setProperty("counter_watched", True)
                preview.finished.connect(lambda _r: self.back_to_scan())

    def _selected_slip(self) -> RedemptionResult | None:
        rows = self.slips_view.selectionModel().selectedRows()
        if rows:
            return self.slips_model.result_at(rows[0].row())
        return self.slips_model.result_at(0) if len(self.slips_model.rows) == 1 else None

    def reprint_selected(self) -> None:
        chosen = self._selected_slip()
        if chosen is None:
            self.message.show_selection_hint(
                self.tr("Choose a slip in the list first."), self.slips_view
            )
            return
        run_task(
            supermarket.get_redemption,
            self.ctx.db,
            chosen.id,
            on_done=lambda r: self.print_slip(r, reprint=slips.is_reprint(r, void=r.voided)),
            on_error=self._show_error,
            receiver=self,
        )

    def void_selected(self) -> None:
        chosen = self._selected_slip()
        if chosen is None:
            self.message.show_selection_hint(
                self.tr("Choose a slip in the list first."), self.slips_view
            )
            return
        if chosen.voided:
            self.message.show_error(
                self.tr("Slip {number} is already voided.").format(number=chosen.number)
            )
            return
        reason = ask_reason(
            self,
            self.tr("Void slip {number}").format(number=chosen.number),
            self.tr(
                "Voiding returns {points} points to household {household} and the goods to "
                "stock. Why is it voided?"
            ).format(points=chosen.total_points, household=chosen.household_number),
        )
        self.back_to_scan()
        if reason is None:
            return
        if self.facts is None:
            return
        settings = self.ctx.settings
        run_task(
            slips.void_slip,
            self.ctx.db,
            self.ctx.actor,
            chosen.id,
            reason,
            self.facts.name,
            self.facts.card_key,
            settings.get(SLIP_PAGE),
            slip_copies(settings),
            write=True,
            on_done=self._voided,
            on_error=self._show_error,
            receiver=self,
        )

    def _voided(self, done: VoidDone) -> None:
        self.message.show_ok(
            self.tr("Slip {number} voided; {points} points returned, balance now {after}.").format(
                number=done.result.number, points=done.result.total_points, after=done.balance_after
            )
        )
        self.slips_model.set_rows(
            [done.result if r.id == done.result.id else r for r in self.slips_model.rows]
        )
        emit(self.voided, done)
        self._output_slip(done.result, done.pdf, slips.VOID)
        self.reload_goods()

    def find_slip_by_number(self) -> None:
        number = self.find_slip.text().strip()
        if not number:
            return
        run_task(
            supermarket.find_redemption_by_number,
            self.ctx.db,
            number,
            on_done=lambda r: self._slip_found(number, r),
            on_error=self._show_error,
            receiver=self,
        )

    def _slip_found(self, number: str, result: RedemptionResult | None) -> None:
        if result is None:
            self.message.show_error(
                self.tr("No slip has the number {number}.").format(number=number)
            )
            return
        self.slips_model.set_rows([result])
        self.slips_view.selectRow(0)
        self.scan.reclaim_focus()

    def show_unprinted(self) -> None:
        run_task(
            supermarket.unprinted_redemptions,
            self.ctx.db,
            on_done=self._unprinted_listed,
            on_error=self._show_error,
            receiver=self,
        )

    def _unprinted_listed(self, rows: list[RedemptionResult]) -> None:
        self.slips_model.set_rows(rows)
        self._unprinted_counted(rows)
        if rows:
            self.slips_view.selectRow(0)
            self.message.show_info(
                self.tr("%n slips were never printed; choose one and click Reprint.", "", len(rows))
            )
        else:
            self.message.show_ok(self.tr("Every slip has been printed."))

    # --- misc ---------------------------------------------------------------------------

    def back_to_scan(self) -> None:
        """A dialog of the counter closed: its window and the scan field get the keyboard
        back, so the next scan is read (a window manager may leave no window active)."""
        if not self.isVisible() or QApplication.activeModalWidget() is not None:
            return
        window = self.window()
        if not window.isActiveWindow():
            window.activateWindow()
        self.scan.reclaim_focus()

    def _show_error(self, exc: BaseException) -> None:
        self.message.show_error(error_text(exc))
        self.scan.reclaim_focus()


def _goods_match(g: GoodsView, text: str) -> bool:
    if not text:
        return True
    from app.services.households import initials

    lower = text.lower()
    return (
        lower in g.name.lower()
        or initials(g.name).startswith(lower)
        or (g.barcode or "") == text
        or lower in g.category.lower()
    )


class _HitsModel(RowsModel):
    def headers(self) -> tuple[str, ...]:
        return (self.tr("No."), self.tr("Head"), self.tr("Balance"))

    def cell(self, h: HouseholdHit, column: int) -> str:
        head = h.head_name + (f" ({h.matched})" if h.matched else "")
        return (h.number, head, str(h.balance))[column]
