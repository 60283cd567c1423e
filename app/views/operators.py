"""操作员 — the operators tab of the settings (administrators only).

A thin :class:`OperatorsModel` over the rows ``list_operators`` returns, and
the actions on the selected operator: add (with a generated temporary
password), reset the password (a new temporary one, shown once), enable or
disable, and change the role.  The services check the permission again; the
tab is only hidden from other roles as a courtesy.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import translate
from app.models import Role
from app.services import auth
from app.services.auth import ROLE_LABELS, OperatorRow, generate_password
from app.views.pages import PageContext
from app.views.qtfix import emit
from app.views.table_models import RowsModel, table_view
from app.views.tasks import run_task
from app.views.widgets import MessageLabel, error_text, format_local, read_out_label


def role_label(role: Role) -> str:
    return translate("roles", ROLE_LABELS[role])


class OperatorsModel(RowsModel):
    """Operators as cached rows; constant column indices."""

    USERNAME, NAME, ROLE, ACTIVE, LAST_LOGIN = range(5)

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("User name"),
            self.tr("Name"),
            self.tr("Role"),
            self.tr("Status"),
            self.tr("Last sign-in"),
        )

    def cell(self, row: OperatorRow, column: int) -> str:
        return (
            row.username,
            row.display_name,
            role_label(row.role),
            self.tr("Active") if row.active else self.tr("Disabled"),
            format_local(row.last_login_at, never="—"),
        )[column]

    def foreground(self, row: OperatorRow, column: int) -> QColor | None:
        return None if row.active else QColor("#777777")


class NewOperatorDialog(QDialog):
    """User name, full name and role of a new operator; the password is generated."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("new_operator_dialog")
        self.setWindowTitle(self.tr("Add an operator"))
        self.username = QLineEdit()
        self.username.setObjectName("new_username")
        self.username.setMaxLength(40)
        self.display_name = QLineEdit()
        self.display_name.setObjectName("new_display_name")
        self.display_name.setMaxLength(50)
        self.role = QComboBox()
        self.role.setObjectName("new_role")
        for role in (Role.WORKER, Role.COUNTER, Role.ADMIN):
            self.role.addItem(role_label(role), role)
        self.message = MessageLabel()
        note = QLabel(
            self.tr(
                "A temporary password is made for the new operator; they choose their own "
                "when they first sign in."
            )
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&User name:"), self.username)
        form.addRow(self.tr("Full &name:"), self.display_name)
        form.addRow(self.tr("&Role:"), self.role)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Add"))
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def selected_role(self) -> Role:
        return Role(self.role.currentData())


class TemporaryPasswordDialog(QDialog):
    """Shows a temporary password once, large and selectable, to read out or copy."""

    def __init__(self, who: str, password: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("temporary_password_dialog")
        self.setWindowTitle(self.tr("Temporary password"))
        intro = QLabel(
            self.tr(
                "The temporary password for {who} is below. Give it to them in person; "
                "they must choose their own password when they sign in."
            ).format(who=who)
        )
        intro.setWordWrap(True)
        self.password = read_out_label("temporary_password", password)
        self.password.setAlignment(Qt.AlignmentFlag.AlignCenter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.accept)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.password)
        layout.addWidget(buttons)


class OperatorsTab(QWidget):
    changed = Signal()

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = OperatorsModel(self)
        self.table = table_view(self.model, "operators_table", compact=False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setAlternatingRowColors(True)

        self.add_button = QPushButton(self.tr("&Add operator…"))
        self.add_button.setObjectName("add_operator")
        self.reset_button = QPushButton(self.tr("&Reset password…"))
        self.reset_button.setObjectName("reset_password")
        self.active_button = QPushButton(self.tr("&Disable"))
        self.active_button.setObjectName("toggle_active")
        self.role_button = QPushButton(self.tr("Change r&ole…"))
        self.role_button.setObjectName("change_role")
        self.add_button.clicked.connect(self.add_operator)
        self.reset_button.clicked.connect(self.reset_password)
        self.active_button.clicked.connect(self.toggle_active)
        self.role_button.clicked.connect(self.change_role)
        self.message = MessageLabel()

        buttons = QHBoxLayout()
        for b in (self.add_button, self.reset_button, self.active_button, self.role_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)

        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.dialog: QDialog | None = None
        self._update_buttons()
        self.reload()

    # --- loading ---------------------------------------------------------------------

    def reload(self, select_id: str = "") -> None:
        run_task(
            auth.list_operators,
            self.ctx.db,
            self.ctx.actor,
            on_done=lambda rows: self._loaded(rows, select_id),
            on_error=self._failed,
            receiver=self,
        )

    def _loaded(self, rows: list[OperatorRow], select_id: str) -> None:
        selected = self.selected()
        current = select_id or (selected.id if selected else "")
        self.model.set_rows(rows)
        for i, row in enumerate(rows):
            if row.id == current:
                self.table.selectRow(i)
                break
        self._update_buttons()

    def selected(self) -> OperatorRow | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.row_at(rows[0].row()) if rows else None

    def select_username(self, username: str) -> None:
        for i, row in enumerate(self.model.rows):
            if row.username == username:
                self.table.selectRow(i)
                return
        raise KeyError(username)

    def _update_buttons(self) -> None:
        row = self.selected()
        for b in (self.reset_button, self.active_button, self.role_button):
            b.setEnabled(row is not None)
        self.active_button.setText(
            self.tr("&Enable") if row is not None and not row.active else self.tr("&Disable")
        )

    def _failed(self, exc: BaseException) -> None:
        self.message.show_error(error_text(exc))

    def _done(self, text: str, select_id: str = "") -> None:
        self.message.show_ok(text)
        self.reload(select_id)
        emit(self.changed)

    # --- actions ---------------------------------------------------------------------

    def add_operator(self) -> None:
        dialog = NewOperatorDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.buttons.accepted.connect(lambda: self._create(dialog))
        self.dialog = dialog
        dialog.open()

    def _create(self, dialog: NewOperatorDialog) -> None:
        password = generate_password()
        username = dialog.username.text()
        dialog.ok_button.setEnabled(False)

        def created(operator_id: str) -> None:
            dialog.accept()
            self._done(self.tr("{name} was added.").format(name=username.strip()), operator_id)
            self._show_password(dialog.display_name.text().strip(), password)

        def failed(exc: BaseException) -> None:
            dialog.ok_button.setEnabled(True)
            dialog.message.show_error(error_text(exc))

        run_task(
            auth.create_operator,
            self.ctx.db,
            self.ctx.actor,
            username,
            dialog.display_name.text(),
            dialog.selected_role(),
            password,
            write=True,
            must_change_password=True,
            on_done=created,
            on_error=failed,
            receiver=dialog,
        )

    def _show_password(self, who: str, password: str) -> None:
        dialog = TemporaryPasswordDialog(who, password, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()

    def reset_password(self) -> None:
        row = self.selected()
        if row is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Reset password"),
            self.tr(
                "Give {name} a new temporary password? Their current password stops working."
            ).format(name=row.display_name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        password = generate_password()

        def reset(_result: object) -> None:
            self._done(
                self.tr("The password of {name} was reset.").format(name=row.display_name), row.id
            )
            self._show_password(row.display_name, password)

        run_task(
            auth.reset_password,
            self.ctx.db,
            self.ctx.actor,
            row.id,
            password,
            write=True,
            on_done=reset,
            on_error=self._failed,
            receiver=self,
        )

    def toggle_active(self) -> None:
        row = self.selected()
        if row is None:
            return
        active = not row.active
        text = (
            self.tr("{name} can sign in again.")
            if active
            else self.tr("{name} can no longer sign in.")
        ).format(name=row.display_name)
        run_task(
            auth.set_active,
            self.ctx.db,
            self.ctx.actor,
            row.id,
            active,
            write=True,
            on_done=lambda _r: self._done(text, row.id),
            on_error=self._failed,
            receiver=self,
        )

    def change_role(self) -> None:
        row = self.selected()
        if row is None:
            return
        roles = [Role.ADMIN, Role.WORKER, Role.COUNTER]
        labels = [role_label(r) for r in roles]
        label, ok = QInputDialog.getItem(
            self,
            self.tr("Change role"),
            self.tr("New role for {name}:").format(name=row.display_name),
            labels,
            roles.index(row.role),
            False,
        )
        if not ok or label not in labels:
            return
        role = roles[labels.index(label)]
        if role == row.role:
            return
        run_task(
            auth.set_role,
            self.ctx.db,
            self.ctx.actor,
            row.id,
            role,
            write=True,
            on_done=lambda _r: self._done(
                self.tr("{name} is now: {role}.").format(name=row.display_name, role=label),
                row.id,
            ),
            on_error=self._failed,
            receiver=self,
        )
