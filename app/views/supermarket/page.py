"""积分超市 page: the redemption counter, and the goods with their stock.

The goods tab is a :class:`GoodsModel` (cached rows from ``list_goods``, a few
hundred at most) behind a QSortFilterProxyModel for sorting and the filter
box; goods at or below their warning level are highlighted and listed above
the table.  Stock arrives by purchase or donation (with the donor's name) and
leaves by damage or a stocktake adjustment — each an append-only stock move
written by the service; the dialogs here only collect the numbers.  Goods may
have a photo, chosen in the goods dialog and previewed from a thumbnail made
off the GUI thread (app.views.thumbnails); the list marks goods that have one.

While the counter tab shows and no dialog is open, the counter's scan field
has the keyboard: when the page is opened by Ctrl+number or a click in the
navigation (:meth:`SupermarketPage.entry_widget`), when the tab is chosen,
after a redemption and after a dialog closes (the counter's own rules).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QSize,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.i18n import join_list
from app.services import supermarket
from app.services.auth import Permission
from app.services.documents.list_export import stock_moves_document
from app.services.supermarket import GoodsData, GoodsView, MoveView
from app.services.text_input import MAX_SEARCH_CHARS
from app.views.dialogs import ServiceDialog
from app.views.files import open_file_name
from app.views.list_actions import ListActions
from app.views.pages import PageContext
from app.views.scan_field import ScanLineEdit
from app.views.supermarket.counter import CounterWidget
from app.views.table_models import DISPLAY, GREY, ModelIndex, RowsModel, table_view
from app.views.tasks import run_task
from app.views.thumbnails import load_thumbnail, photo_file, preview_picture
from app.views.widgets import MessageLabel, button_row, error_text, format_local, heading

SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class GoodsModel(RowsModel):
    NAME, CATEGORY, UNIT, PRICE, ON_HAND, LOW_AT, BARCODE, STATUS, PHOTO = range(9)

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Name"),
            self.tr("Category"),
            self.tr("Unit"),
            self.tr("Points"),
            self.tr("In stock"),
            self.tr("Warn at"),
            self.tr("Barcode"),
            self.tr("Status"),
            self.tr("Photo"),
        )

    def values(self, g: GoodsView) -> tuple[Any, ...]:
        """The cells as values: numbers sort as numbers (``SORT_ROLE``)."""
        return (
            g.name,
            g.category,
            g.unit,
            g.points_price,
            g.on_hand,
            g.low_stock_threshold,
            g.barcode or "",
            self.tr("Offered") if g.active else self.tr("Withdrawn"),
            "✓" if g.photo_path else "",
        )

    def cell(self, g: GoodsView, column: int) -> str:
        return str(self.values(g)[column])

    def foreground(self, g: GoodsView, column: int) -> QColor | None:
        return None if g.active else GREY

    def alignment(self, column: int) -> Qt.AlignmentFlag | None:
        if column in (self.PRICE, self.ON_HAND, self.LOW_AT):
            return Qt.AlignmentFlag.AlignRight
        if column == self.PHOTO:
            return Qt.AlignmentFlag.AlignHCenter
        return None

    def tooltip(self, g: GoodsView, column: int) -> str | None:
        if column == self.PHOTO and g.photo_path:
            return self.tr("Has a photo")
        return self.tr("Low stock") if g.active and g.low else None

    def data(self, index: ModelIndex, role: int = DISPLAY) -> Any:
        g = self.row_at(index.row()) if index.isValid() else None
        if g is not None and role == SORT_ROLE:
            return self.values(g)[index.column()]
        if g is not None and role == Qt.ItemDataRole.BackgroundRole:
            return QColor("#fde8e8") if g.active and g.low else None
        return super().data(index, role)


class GoodsFilter(QSortFilterProxyModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)


class GoodsDialog(ServiceDialog):
    """Add or edit goods; the service validates and its sentence is shown inline.

    A chosen photo is checked and previewed at once (off the GUI thread) but
    only stored when OK saves the goods: first the goods, then their photo
    (:func:`supermarket.set_goods_photo`).  If the photo is then refused the
    dialog stays open on the saved goods, so OK again does not add them twice.
    """

    PREVIEW = QSize(96, 96)

    def __init__(
        self, ctx: PageContext, goods: GoodsView | None = None, parent: QWidget | None = None
    ):
        super().__init__(ctx, parent)
        self.setObjectName("goods_dialog")
        self.goods = goods
        self.setWindowTitle(self.tr("Edit goods") if goods else self.tr("New goods"))
        self.name = QLineEdit(goods.name if goods else "")
        self.name.setObjectName("goods_name")
        self.category = QLineEdit(goods.category if goods else "")
        self.unit = QLineEdit(goods.unit if goods else "件")
        self.price = QSpinBox()
        self.price.setObjectName("goods_price")
        self.price.setRange(0, 100_000)
        self.price.setValue(goods.points_price if goods else 0)
        # A scanner's burst replaces the barcode (never appended to the old one) and its
        # Enter moves on to the next field instead of saving the half-filled form; a
        # person's Enter still means OK.
        self.barcode = ScanLineEdit()
        self.barcode.setText(goods.barcode or "" if goods else "")
        self.barcode.setObjectName("goods_barcode")
        self.barcode.scanned.connect(self._barcode_scanned)
        self.barcode.typed_enter.connect(lambda _t: self.ok_button().click())
        self.low = QSpinBox()
        self.low.setRange(0, 100_000)
        self.low.setValue(goods.low_stock_threshold if goods else 0)

        # The photo: what is stored, and what OK will change.
        self.photo_source: Path | None = None  # a chosen picture, checked, not yet stored
        self.photo_removed = False
        self._preview_serial = 0
        self._saving_photo = False
        self.preview = QLabel()
        self.preview.setObjectName("goods_photo_preview")
        self.preview.setFixedSize(self.PREVIEW + QSize(8, 8))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.choose_photo_button = QPushButton(self.tr("P&hoto…"))
        self.choose_photo_button.setObjectName("goods_photo_choose")
        self.choose_photo_button.clicked.connect(self.choose_photo)
        self.remove_photo_button = QPushButton(self.tr("Remove photo"))
        self.remove_photo_button.setObjectName("goods_photo_remove")
        self.remove_photo_button.clicked.connect(self.remove_photo)
        photo_buttons = QVBoxLayout()
        photo_buttons.addWidget(self.choose_photo_button)
        photo_buttons.addWidget(self.remove_photo_button)
        photo_buttons.addStretch(1)
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.preview)
        photo_row.addLayout(photo_buttons)
        photo_row.addStretch(1)

        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Category:"), self.category)
        form.addRow(self.tr("&Unit:"), self.unit)
        form.addRow(self.tr("&Points price:"), self.price)
        form.addRow(self.tr("&Barcode (scan it):"), self.barcode)
        form.addRow(self.tr("&Warn when stock is at or below:"), self.low)
        form.addRow(self.tr("Photo:"), photo_row)
        self.finish_layout(form)
        self._show_no_photo()
        if goods is not None and goods.photo_path:
            self.remove_photo_button.setEnabled(True)
            self.preview.setText(self.tr("Loading…"))
            self._load_preview(
                load_thumbnail, photo_file(ctx.data_dir.photos, goods.photo_path), None
            )

    def _barcode_scanned(self, code: str) -> None:
        self.barcode.setText(code)
        self.low.setFocus(Qt.FocusReason.TabFocusReason)

    # --- the photo ---------------------------------------------------------------------

    def _show_no_photo(self) -> None:
        self.preview.clear()
        self.preview.setText(self.tr("No photo"))
        self.remove_photo_button.setEnabled(False)

    def choose_photo(self) -> None:
        name = open_file_name(
            self,
            self.tr("Choose a photo of the goods"),
            self.tr("Pictures (*.jpg *.jpeg *.png *.webp *.bmp *.gif)"),
        )
        if not name:
            return
        self.message.clear_message()
        self.ok_button().setEnabled(False)  # until the choice is checked
        self._load_preview(preview_picture, Path(name), Path(name))

    def _load_preview(self, fn: Any, path: Path, chosen: Path | None) -> None:
        self._preview_serial += 1
        serial = self._preview_serial
        run_task(
            fn,
            path,
            self.PREVIEW,
            on_done=lambda image: self._preview_loaded(serial, chosen, image),
            on_error=lambda exc: self._preview_refused(serial, exc),
            receiver=self,
        )

    def _preview_loaded(self, serial: int, chosen: Path | None, image: QImage) -> None:
        if serial != self._preview_serial:
            return  # a later choice replaced this one
        self.ok_button().setEnabled(True)
        if chosen is not None and image.isNull():
            self.message.show_error(
                self.tr("The picture {name} cannot be shown; please choose another.").format(
                    name=chosen.name
                )
            )
            return
        if chosen is not None:
            self.photo_source = chosen
            self.photo_removed = False
        if image.isNull():
            self.preview.setText(self.tr("Photo missing"))
        else:
            self.preview.setPixmap(QPixmap.fromImage(image))
        self.remove_photo_button.setEnabled(True)

    def _preview_refused(self, serial: int, exc: BaseException) -> None:
        if serial == self._preview_serial:
            self.ok_button().setEnabled(True)
            self.message.show_error(error_text(exc))

    def remove_photo(self) -> None:
        self._preview_serial += 1  # a preview still loading is no longer wanted
        self.ok_button().setEnabled(True)
        self.photo_source = None
        self.photo_removed = True
        self._show_no_photo()

    def _photo_change(self, saved: GoodsView) -> bool:
        return self.photo_source is not None or (self.photo_removed and bool(saved.photo_path))

    # --- saving ------------------------------------------------------------------------

    def data(self) -> GoodsData:
        return GoodsData(
            name=self.name.text(),
            points_price=self.price.value(),
            category=self.category.text(),
            unit=self.unit.text(),
            barcode=self.barcode.text().strip() or None,
            photo_path=self.goods.photo_path if self.goods else None,
            low_stock_threshold=self.low.value(),
        )

    def submit(self) -> None:
        self._saving_photo = False
        if self.goods is None:
            self.run(supermarket.create_goods, self.ctx.db, self.ctx.actor, self.data())
        else:
            self.run(
                supermarket.update_goods, self.ctx.db, self.ctx.actor, self.goods.id, self.data()
            )

    def _done(self, value: Any) -> None:
        if self._saving_photo or not isinstance(value, GoodsView) or not self._photo_change(value):
            super()._done(value)
            return
        # The goods are saved: a retry after a refused photo edits them, never adds again.
        self.goods = value
        self.setWindowTitle(self.tr("Edit goods"))
        self._saving_photo = True
        self.run(
            supermarket.set_goods_photo,
            self.ctx.db,
            self.ctx.actor,
            self.ctx.data_dir.photos,
            value.id,
            self.photo_source,
        )


class StockDialog(ServiceDialog):
    """One stock action on one goods: receive, damage or stocktake."""

    RECEIVE, DAMAGE, STOCKTAKE = "receive", "damage", "stocktake"

    def __init__(
        self, ctx: PageContext, goods: GoodsView, action: str, parent: QWidget | None = None
    ):
        super().__init__(ctx, parent)
        self.setObjectName("stock_dialog")
        self.goods = goods
        self.action = action
        titles = {
            self.RECEIVE: self.tr("Receive stock: {name}"),
            self.DAMAGE: self.tr("Record damage: {name}"),
            self.STOCKTAKE: self.tr("Stocktake: {name}"),
        }
        self.setWindowTitle(titles[action].format(name=goods.name))
        self.qty = QSpinBox()
        self.qty.setObjectName("stock_qty")
        self.qty.setRange(0, supermarket.MAX_STOCK_QTY)
        self.qty.setValue(goods.on_hand if action == self.STOCKTAKE else 1)
        self.donor = QLineEdit()
        self.donor.setObjectName("stock_donor")
        self.donor.setPlaceholderText(self.tr("Empty for a purchase"))
        self.text = QLineEdit()
        self.text.setObjectName("stock_text")
        form = QFormLayout()
        form.addRow(self.tr("In stock now:"), QLabel(f"{goods.on_hand} {goods.unit}"))
        if action == self.RECEIVE:
            form.addRow(self.tr("&Quantity received:"), self.qty)
            form.addRow(self.tr("&Donor (爱心企业/人士):"), self.donor)
            form.addRow(self.tr("&Invoice / reference:"), self.text)
        elif action == self.DAMAGE:
            form.addRow(self.tr("&Quantity damaged:"), self.qty)
            form.addRow(self.tr("&Reason:"), self.text)
        else:
            form.addRow(self.tr("&Counted quantity:"), self.qty)
            form.addRow(self.tr("&Note:"), self.text)
        self.finish_layout(form)

    def submit(self) -> None:
        db, actor, gid, qty = self.ctx.db, self.ctx.actor, self.goods.id, self.qty.value()
        if self.action == self.RECEIVE:
            self.run(
                supermarket.receive_stock,
                db,
                actor,
                gid,
                qty,
                donor=self.donor.text(),
                reference=self.text.text(),
            )
        elif self.action == self.DAMAGE:
            self.run(supermarket.record_damage, db, actor, gid, qty, self.text.text())
        else:
            self.run(supermarket.stocktake, db, actor, gid, qty, self.text.text())


class GoodsTab(QWidget):
    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.history: tuple[QDialog, ListActions] | None = None
        self.model = GoodsModel(self)
        self.proxy = GoodsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.view = table_view(self.proxy, "goods_table", compact=False)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(GoodsModel.NAME, Qt.SortOrder.AscendingOrder)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.filter = QLineEdit()
        self.filter.setMaxLength(MAX_SEARCH_CHARS)
        self.filter.setObjectName("goods_search")
        self.filter.setPlaceholderText(self.tr("Filter by name, category or barcode"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.low_label = MessageLabel()
        self.low_label.setObjectName("low_stock")
        self.message = MessageLabel()
        can_manage = ctx.actor.can(Permission.DAILY_WORK)
        buttons = QHBoxLayout()
        self.action_buttons = button_row(
            buttons,
            "goods",
            (
                ("add", self.tr("&New goods…"), self.add_goods),
                ("edit", self.tr("&Edit…"), self.edit_goods),
                ("receive", self.tr("&Receive stock…"), lambda: self.stock(StockDialog.RECEIVE)),
                ("damage", self.tr("&Damage…"), lambda: self.stock(StockDialog.DAMAGE)),
                ("stocktake", self.tr("Stock&take…"), lambda: self.stock(StockDialog.STOCKTAKE)),
                ("toggle", self.tr("Withdraw / offer"), self.toggle_active),
                ("history", self.tr("Stoc&k history"), self.show_history),
            ),
            enabled=can_manage,
        )
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.low_label)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.reload()

    def reload(self) -> None:
        run_task(
            supermarket.list_goods,
            self.ctx.db,
            include_inactive=True,
            limit=5000,
            on_done=self._loaded,
            on_error=lambda e: self.message.show_error(error_text(e)),
            receiver=self,
        )

    def _loaded(self, rows: list[GoodsView]) -> None:
        self.model.set_rows(rows)
        low = [g for g in rows if g.active and g.low]
        if low:
            names = join_list(f"{g.name} ({g.on_hand})" for g in low[:8])
            more = "…" if len(low) > 8 else ""
            self.low_label.show_error(
                self.tr("%n goods are low on stock: {names}", "", len(low)).format(
                    names=names + more
                )
            )
        else:
            self.low_label.clear_message()

    def selected(self) -> GoodsView | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            self.message.show_selection_hint(self.tr("Choose goods in the list first."), self.view)
            return None
        return self.model.rows[self.proxy.mapToSource(rows[0]).row()]

    def _after_dialog(self, dialog: QDialog, text: str) -> None:
        dialog.accepted.connect(lambda: self.message.show_ok(text))
        # Also after Cancel: new goods whose photo was then refused are saved.
        dialog.finished.connect(lambda _result: self.reload())
        dialog.open()

    def add_goods(self) -> None:
        self._after_dialog(GoodsDialog(self.ctx, None, self), self.tr("Goods added."))

    def edit_goods(self) -> None:
        goods = self.selected()
        if goods is not None:
            self._after_dialog(GoodsDialog(self.ctx, goods, self), self.tr("Goods saved."))

    def stock(self, action: str) -> None:
        goods = self.selected()
        if goods is not None:
            self._after_dialog(
                StockDialog(self.ctx, goods, action, self), self.tr("Stock updated.")
            )

    def toggle_active(self) -> None:
        goods = self.selected()
        if goods is None:
            return
        run_task(
            supermarket.set_goods_active,
            self.ctx.db,
            self.ctx.actor,
            goods.id,
            not goods.active,
            write=True,
            on_done=lambda _g: self.reload(),
            on_error=lambda e: self.message.show_error(error_text(e)),
            receiver=self,
        )

    def show_history(self) -> None:
        goods = self.selected()
        if goods is None:
            return
        run_task(
            supermarket.stock_moves,
            self.ctx.db,
            goods.id,
            200,
            on_done=lambda moves: self._history(goods, moves),
            on_error=lambda e: self.message.show_error(error_text(e)),
            receiver=self,
        )

    def _history(self, goods: GoodsView, moves: list[MoveView]) -> None:
        kinds = {
            "purchase": self.tr("Purchase"),
            "donation": self.tr("Donation"),
            "damage": self.tr("Damage"),
            "stocktake": self.tr("Stocktake"),
            "redemption": self.tr("Redemption"),
            "void": self.tr("Void"),
        }
        lines = [
            f"{format_local(m.created_at)}  {kinds.get(m.kind, m.kind)}  {m.qty:+d}  → {m.on_hand_after}"
            f"  {m.donor or m.reference}  {m.operator_name}"
            for m in moves
        ]
        dialog = QDialog(self)
        dialog.setObjectName("stock_history")
        dialog.setWindowTitle(self.tr("Stock history: {name}").format(name=goods.name))
        text = QLabel("\n".join(lines) or self.tr("No stock moves yet."))
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        message = MessageLabel()
        # the whole history (the dialog shows the newest moves) to Excel or paper
        lists = ListActions(
            dialog,
            "stock_moves",
            lambda: stock_moves_document(self.ctx.db, goods.id, goods.name),
            message,
        )
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        for button in lists.buttons:
            box.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        box.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(text)
        layout.addWidget(message)
        layout.addWidget(box)
        self.history = (dialog, lists)  # the last one opened (tests reach it)
        dialog.open()


class SupermarketPage(QWidget):
    """积分超市: the counter first (what a 超市值守 opens the page for), then goods."""

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tabs = QTabWidget()
        self.tabs.setObjectName("supermarket_tabs")
        self.counter = CounterWidget(ctx)
        self.tabs.addTab(self.counter, self.tr("Redemption counter"))
        self.goods_tab: GoodsTab | None = None
        if ctx.actor.can(Permission.DAILY_WORK):
            self.goods_tab = GoodsTab(ctx)
            self.tabs.addTab(self.goods_tab, self.tr("Goods and stock"))
            self.counter.redeemed.connect(self._stock_changed)
            self.counter.voided.connect(self._stock_changed)
        self.tabs.currentChanged.connect(self._tab_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Points supermarket")))
        layout.addWidget(self.tabs, 1)

    def entry_widget(self) -> QWidget | None:
        """Where the keyboard goes when the page is opened (see the main window): the
        counter's scan field while the counter shows, so a scan is read at once."""
        return self.counter.scan if self.tabs.currentWidget() is self.counter else None

    def _stock_changed(self, _what: object) -> None:
        if self.goods_tab is not None:
            self.goods_tab.reload()

    def _tab_changed(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if widget is self.counter:
            self.counter.reload_goods()
            self.counter.scan.setFocus(Qt.FocusReason.OtherFocusReason)
        elif widget is self.goods_tab and self.goods_tab is not None:
            self.goods_tab.reload()
