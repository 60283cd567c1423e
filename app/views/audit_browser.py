"""操作日志浏览 — the audit log as a list with filters and an old → new panel.

Shown in 设置 → 操作日志 below the chain check (administrators only; the
service refuses anyone else).  The list is a thin :class:`AuditLogModel`:
pages of :func:`app.services.audit_log.browse` are fetched off the GUI thread
when the view scrolls to the end (``canFetchMore``/``fetchMore``), each keyed
by the last entry's ``seq``.  Every change of a filter starts a new serial;
an answer that carries an older serial is dropped.  Actions, record kinds and
fields are shown in words (the ``audit`` context); a code with no words is
shown as stored.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.i18n import translate
from app.models import Role
from app.services import audit_log
from app.services.audit_log import (
    ACTION_LABELS,
    FIELD_LABELS,
    SYSTEM_NAME,
    TARGET_LABELS,
    VALUE_LABELS,
    AuditChange,
    AuditFilter,
    AuditPage,
    AuditRow,
    OperatorChoice,
)
from app.services.auth import ROLE_LABELS
from app.views.pages import PageContext
from app.views.qtfix import emit
from app.views.table_models import RowsModel, TableModel, table_view, with_placeholder
from app.views.tasks import run_task
from app.views.widgets import MessageLabel, error_text, format_local

ModelIndex = QModelIndex | QPersistentModelIndex


def action_text(code: str) -> str:
    label = ACTION_LABELS.get(code)
    return translate("audit", label) if label else code


def target_text(code: str) -> str:
    label = TARGET_LABELS.get(code)
    return translate("audit", label) if label else code


def field_text(code: str) -> str:
    """``head_member.name`` → 户主成员 · 姓名 (each part in words when known)."""
    parts = []
    for part in code.split("."):
        label = FIELD_LABELS.get(part)
        parts.append(translate("audit", label) if label else part)
    return " · ".join(parts)


def value_text(field: str, value: str) -> str:
    """A stored value as shown: known codes (roles, kinds…) in words, the rest as stored."""
    name = field.split(".")[-1]
    if name == "role":
        try:
            return translate("roles", ROLE_LABELS[Role(value)])
        except ValueError:
            return value
    label = VALUE_LABELS.get((name, value))
    return translate("audit", label) if label else value


def operator_text(row: AuditRow) -> str:
    if row.operator_id == audit_log.SYSTEM_OPERATOR and row.operator_name == "system":
        return translate("audit", SYSTEM_NAME)
    return row.operator_name


def _date_edit(day: QDate, name: str) -> QDateEdit:
    edit = QDateEdit(day)
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class AuditLogModel(TableModel):
    """The entries loaded so far; more are fetched page by page as the view scrolls."""

    TIME, OPERATOR, ACTION, KIND, RECORD = range(5)
    loaded = Signal()  # a page arrived (tests wait on it)
    failed = Signal(str)

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[AuditRow] = []
        self.filter = AuditFilter()
        self.serial = 0
        self.next_before: int | None = None
        self.more = False
        self.loading = False

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Time"),
            self.tr("Operator"),
            self.tr("Action"),
            self.tr("Record kind"),
            self.tr("Record"),
        )

    def cell(self, row: AuditRow, column: int) -> str:
        if column == self.TIME:
            return format_local(row.at)
        if column == self.OPERATOR:
            return operator_text(row)
        if column == self.ACTION:
            return action_text(row.action)
        if column == self.KIND:
            return target_text(row.target_type)
        return row.label

    def row_at(self, row: int) -> AuditRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    # --- loading -------------------------------------------------------------------

    def set_filter(self, flt: AuditFilter) -> None:
        """Start again from the newest entry; answers for the old filter are dropped."""
        self.serial += 1
        self.filter = flt
        self.beginResetModel()
        self.rows = []
        self.next_before = None
        self.more = False
        self.endResetModel()
        self._load()

    def canFetchMore(self, parent: ModelIndex) -> bool:
        return not parent.isValid() and self.more and not self.loading

    def fetchMore(self, parent: ModelIndex) -> None:
        if self.canFetchMore(parent):
            self._load()

    def _load(self) -> None:
        serial = self.serial
        self.loading = True
        run_task(
            audit_log.browse,
            self.ctx.db,
            self.ctx.actor,
            self.filter,
            key="audit.page",
            before_seq=self.next_before,
            on_done=lambda page: self._arrived(serial, page),
            on_error=lambda exc: self._failed(serial, exc),
            receiver=self,
        )

    def _arrived(self, serial: int, page: AuditPage) -> None:
        if serial != self.serial:
            return  # an answer for a filter no longer shown
        self.loading = False
        if page.rows:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self.rows.extend(page.rows)
            self.endInsertRows()
        self.next_before = page.next_before
        self.more = page.next_before is not None
        emit(self.loaded)

    def _failed(self, serial: int, exc: BaseException) -> None:
        if serial != self.serial:
            return
        self.loading = False
        emit(self.failed, error_text(exc))


class ChangesModel(RowsModel):
    """Old → new per field of the chosen entry."""

    FIELD, BEFORE, AFTER = range(3)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Field"), self.tr("Before"), self.tr("After"))

    def cell(self, row: AuditChange, column: int) -> str:
        if column == self.FIELD:
            return field_text(row.field)
        return value_text(row.field, row.before if column == self.BEFORE else row.after)


class AuditBrowser(QWidget):
    """Filters above, the entries on the left, the chosen entry's changes on the right."""

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._started = False

        self.operator = QComboBox()
        self.operator.setObjectName("audit_operator")
        self.operator.addItem(self.tr("Anyone"), None)
        self.action = QComboBox()
        self.action.setObjectName("audit_action")
        self.action.addItem(self.tr("Any action"), "")
        for code, text in sorted(
            ((c, translate("audit", t)) for c, t in ACTION_LABELS.items()), key=lambda p: p[1]
        ):
            self.action.addItem(text, code)
        self.kind = QComboBox()
        self.kind.setObjectName("audit_kind")
        self.kind.addItem(self.tr("Any record"), "")
        for code, text in sorted(
            ((c, translate("audit", t)) for c, t in TARGET_LABELS.items()), key=lambda p: p[1]
        ):
            self.kind.addItem(text, code)
        self.dates = QCheckBox(self.tr("&Dates from"))
        self.dates.setObjectName("audit_dates")
        today = QDate.currentDate()
        self.since = _date_edit(today.addDays(-30), "audit_since")
        self.until = _date_edit(today, "audit_until")
        self.text = QLineEdit()
        self.text.setObjectName("audit_text")
        self.text.setPlaceholderText(self.tr("Name, number, reason…"))
        self.text.setClearButtonEnabled(True)
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(300)
        self._typing.timeout.connect(self.apply_filter)

        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(QLabel(self.tr("Operator:")), 0, 0)
        grid.addWidget(self.operator, 0, 1)
        grid.addWidget(QLabel(self.tr("Action:")), 0, 2)
        grid.addWidget(self.action, 0, 3)
        grid.addWidget(QLabel(self.tr("Record kind:")), 0, 4)
        grid.addWidget(self.kind, 0, 5)
        dates = QHBoxLayout()
        dates.addWidget(self.dates)
        dates.addWidget(self.since)
        dates.addWidget(QLabel(self.tr("to")))
        dates.addWidget(self.until)
        dates.addStretch(1)
        grid.addLayout(dates, 1, 0, 1, 4)
        grid.addWidget(QLabel(self.tr("Search:")), 1, 4)
        grid.addWidget(self.text, 1, 5)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        grid.setColumnStretch(5, 1)

        self.model = AuditLogModel(ctx, self)
        self.table = table_view(self.model, "audit_entries")
        self.table.setMinimumWidth(300)
        for column, width in ((0, 130), (1, 80), (2, 150), (3, 90)):
            self.table.setColumnWidth(column, width)
        self.model.failed.connect(self._failed)
        self.changes = ChangesModel(self)
        self.changes_table = table_view(self.changes, "audit_changes", compact=False)
        self.changes_table.setMinimumWidth(220)
        self.changes_table.setColumnWidth(ChangesModel.FIELD, 130)
        self.detail_title = QLabel(self.tr("Choose an entry to see what it changed."))
        self.detail_title.setObjectName("audit_detail_title")
        self.detail_title.setWordWrap(True)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.detail_title)
        detail_layout.addWidget(self.changes_table, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(
            with_placeholder(self.table, self.tr("No audit log entries match these filters."))
        )
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.status = MessageLabel()
        self.status.setObjectName("audit_browse_message")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)

        for combo in (self.operator, self.action, self.kind):
            # long action names must not widen the settings page; the popup shows them whole
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
            combo.currentIndexChanged.connect(self.apply_filter)
        self.dates.toggled.connect(self.apply_filter)
        self.since.dateChanged.connect(self._date_changed)
        self.until.dateChanged.connect(self._date_changed)
        self.text.textChanged.connect(self._typing.start)
        self.text.returnPressed.connect(self.apply_filter)
        selection = self.table.selectionModel()
        selection.currentRowChanged.connect(self._show_current)
        self.model.modelReset.connect(self._show_current)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.start()

    def start(self) -> None:
        """Load the operators and the newest entries (once, when first shown)."""
        if self._started:
            return
        self._started = True
        run_task(
            audit_log.operator_choices,
            self.ctx.db,
            self.ctx.actor,
            on_done=self._operators_loaded,
            on_error=self._failed_exc,
            receiver=self,
        )
        self.apply_filter()

    def _operators_loaded(self, choices: list[OperatorChoice]) -> None:
        for choice in choices:
            name = translate("audit", SYSTEM_NAME) if choice.name == SYSTEM_NAME else choice.name
            self.operator.addItem(name, choice.operator_id)

    def current_filter(self) -> AuditFilter:
        since: date | None = None
        until: date | None = None
        if self.dates.isChecked():
            since = self.since.date().toPython()  # type: ignore[assignment]
            until = self.until.date().toPython()  # type: ignore[assignment]
        return AuditFilter(
            operator_id=self.operator.currentData(),
            action=str(self.action.currentData() or ""),
            target_type=str(self.kind.currentData() or ""),
            since=since,
            until=until,
            text=self.text.text().strip(),
        )

    def apply_filter(self) -> None:
        self._typing.stop()
        self.status.clear_message()
        self.model.set_filter(self.current_filter())

    def _date_changed(self) -> None:
        if self.dates.isChecked():
            self.apply_filter()

    def _failed(self, text: str) -> None:
        self.status.show_error(text)

    def _failed_exc(self, exc: BaseException) -> None:
        self.status.show_error(error_text(exc))

    def _show_current(self, *_args: Any) -> None:
        row = self.model.row_at(self.table.currentIndex().row())
        if row is None:
            self.detail_title.setText(self.tr("Choose an entry to see what it changed."))
            self.changes.set_rows([])
            return
        self.detail_title.setText(
            self.tr("{when} · {operator} · {action} · {kind} {record}").format(
                when=format_local(row.at),
                operator=operator_text(row),
                action=action_text(row.action),
                kind=target_text(row.target_type),
                record=row.label,
            )
        )
        self.changes.set_rows(list(row.changes))
