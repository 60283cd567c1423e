"""服务菜单 — the 四单 service menu on a screen: the station's, and the township's to push.

:class:`MenuDialog` lists every service of the menu (in use or not) with its
category and the team usually sent, and adds, changes, takes out of use and
puts back a service (:func:`app.services.orders.save_menu_item`, off the GUI
thread; a service is never deleted: orders name it).  The station opens it
from 服务点单; the township from 配置下发, where the menu is what its next config
package brings to the stations (a station gains the services it lacks and
keeps its own changes, app.services.orders.menu.add_published_items).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.services import orders
from app.services.orders import MenuItemData, MenuItemView
from app.services.volunteers import list_teams
from app.views.dialogs import ServiceDialog
from app.views.pages import PageContext
from app.views.screen import fit_window
from app.views.table_models import RowsModel, table_view
from app.views.tasks import run_task
from app.views.widgets import MessageLabel, button_row, error_text


class MenuItemDialog(ServiceDialog):
    """Add a service to the menu, or change one: category, name, what it is, the team."""

    def __init__(
        self, ctx: PageContext, item: MenuItemView | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("menu_item_dialog")
        self.item = item
        self.setWindowTitle(
            self.tr("Add to the service menu") if item is None else self.tr("Change a service")
        )
        self.category = QComboBox()
        self.category.setObjectName("menu_category")
        self.category.setEditable(True)
        self.name = QLineEdit()
        self.name.setObjectName("menu_name")
        self.name.setMaxLength(60)
        self.description = QLineEdit()
        self.description.setObjectName("menu_description")
        self.description.setMaxLength(200)
        self.description.setPlaceholderText(self.tr("What the service is, for whom"))
        self.team = QComboBox()
        self.team.setObjectName("menu_team")
        self.team.addItem(self.tr("(no team)"), "")
        self.active = QCheckBox(self.tr("&In use (residents can order it)"))
        self.active.setObjectName("menu_active")
        self.active.setChecked(True)
        form = QFormLayout()
        form.addRow(self.tr("&Category:"), self.category)
        form.addRow(self.tr("&Service:"), self.name)
        form.addRow(self.tr("&What it is:"), self.description)
        form.addRow(self.tr("Usual &team:"), self.team)
        form.addRow(self.active)
        if item is not None:
            self.name.setText(item.name)
            self.description.setText(item.description)
            self.active.setChecked(item.active)
        self.finish_layout(form)
        run_task(orders.list_menu, ctx.db, on_done=self._menu, receiver=self)
        run_task(list_teams, ctx.db, on_done=self._teams, receiver=self)
        fit_window(self, 440, 240)

    def _menu(self, items: list[MenuItemView]) -> None:
        for category in dict.fromkeys(i.category for i in items):
            self.category.addItem(category)
        self.category.setCurrentText(self.item.category if self.item is not None else "")

    def _teams(self, teams: list[Any]) -> None:
        for t in teams:
            self.team.addItem(t.name, t.id)
        if self.item is not None and self.item.team_id:
            at = self.team.findData(self.item.team_id)
            if at >= 0:
                self.team.setCurrentIndex(at)

    def submit(self) -> None:
        team_id = str(self.team.currentData() or "") or None
        data = MenuItemData(
            self.category.currentText(),
            self.name.text(),
            self.description.text(),
            team_id=team_id,
            active=self.active.isChecked(),
            sort_order=self.item.sort_order if self.item is not None else 0,
        )
        item_id = self.item.id if self.item is not None else None
        self.run(orders.save_menu_item, self.ctx.db, self.ctx.actor, data, item_id)


class MenuModel(RowsModel):
    def headers(self) -> tuple[str, ...]:
        return (self.tr("Category"), self.tr("Service"), self.tr("Usual team"), self.tr("State"))

    def cell(self, row: MenuItemView, column: int) -> str:
        state = self.tr("In use") if row.active else self.tr("Not in use")
        return (row.category, row.name, row.team_name, state)[column]


class MenuDialog(QDialog):
    """The whole menu: add, change, take out of use, put back."""

    def __init__(
        self, ctx: PageContext, *, township: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("menu_dialog")
        self.setWindowTitle(self.tr("Service menu"))
        self.model = MenuModel(self)
        self.view = table_view(self.model, "menu_list")
        self.view.setColumnWidth(0, 110)
        self.view.setColumnWidth(1, 170)
        self.view.setColumnWidth(2, 150)
        self.view.doubleClicked.connect(lambda _i: self.change())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        hint = QLabel(
            self.tr(
                "The stations get the services their menu lacks with the next config package; "
                "each station keeps its own changes."
            )
            if township
            else self.tr(
                "A service out of use is no longer offered for new orders; its orders stay."
            )
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        self.message = MessageLabel()
        self.message.setObjectName("menu_message")
        bar = QHBoxLayout()
        self.buttons = button_row(
            bar,
            "menu",
            (
                ("add", self.tr("&Add…"), self.add),
                ("change", self.tr("&Change…"), self.change),
                ("toggle", self.tr("&Out of use"), self.toggle),
            ),
        )
        bar.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.dialog: QDialog | None = None
        self._enable()
        self.reload()
        fit_window(self, 620, 460)

    def reload(self, keep: str | None = None) -> None:
        def shown(items: list[MenuItemView]) -> None:
            self.model.set_rows(items)
            for row, item in enumerate(items):
                if item.id == keep:
                    self.view.selectRow(row)
            self._enable()

        run_task(
            orders.list_menu,
            self.ctx.db,
            active_only=False,
            on_done=shown,
            on_error=lambda e: self.message.show_error(error_text(e)),
            receiver=self,
        )

    def current(self) -> MenuItemView | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _enable(self) -> None:
        item = self.current()
        self.buttons["change"].setEnabled(item is not None)
        self.buttons["toggle"].setEnabled(item is not None)
        self.buttons["toggle"].setText(
            self.tr("&Back in use")
            if item is not None and not item.active
            else self.tr("&Out of use")
        )

    def _open(self, dialog: MenuItemDialog, ok_text: str) -> None:
        def accepted() -> None:
            item: MenuItemView = dialog.result_value
            self.message.show_ok(ok_text.format(service=item.label))
            self.reload(keep=item.id)

        dialog.accepted.connect(accepted)
        dialog.open()
        self.dialog = dialog

    def add(self) -> None:
        self._open(MenuItemDialog(self.ctx, parent=self), self.tr("{service} is on the menu."))

    def change(self) -> None:
        item = self.current()
        if item is not None:
            self._open(MenuItemDialog(self.ctx, item, self), self.tr("{service} was changed."))

    def toggle(self) -> None:
        item = self.current()
        if item is None:
            return
        data = MenuItemData(
            item.category,
            item.name,
            item.description,
            item.team_id,
            not item.active,
            item.sort_order,
        )

        def done(changed: MenuItemView) -> None:
            text = (
                self.tr("{service} is back in use.")
                if changed.active
                else self.tr("{service} is out of use.")
            )
            self.message.show_ok(text.format(service=changed.label))
            self.reload(keep=changed.id)

        run_task(
            orders.save_menu_item,
            self.ctx.db,
            self.ctx.actor,
            data,
            item.id,
            write=True,
            on_done=done,
            on_error=lambda e: self.message.show_error(error_text(e)),
            receiver=self,
        )
