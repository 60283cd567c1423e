"""志愿服务规则 — the editor of the volunteer policy (app.services.policy), for
administrators: the monthly quotas, the sign-in kiosk's windows and per-day cap,
how hours are counted and when a day's hours need review, the star thresholds and
the certificate prefix, and when a 四单 order is overdue.  Reached from 设置 → 站点; saving goes through the service
(which checks the permission again, validates and audits old → new).  The category
lists are kept as they are (the teams and activity forms use them).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services import policy
from app.services.auth import Permission
from app.services.policy import ROUNDING_STEPS, VolunteerPolicy
from app.views.dialogs import ServiceDialog
from app.views.pages import PageContext
from app.views.screen import fit_window
from app.views.widgets import scrollable

MAX_STAR_LEVELS = 10


def _spin(name: str, top: int, suffix: str = "", none: str = "") -> QSpinBox:
    spin = QSpinBox()
    spin.setObjectName(name)
    spin.setRange(0, top)
    if suffix:
        spin.setSuffix(suffix)
    if none:
        spin.setSpecialValueText(none)  # shown for 0
    return spin


class StarThresholds(QWidget):
    """The star levels as a small table: level 1, 2, 3... and the hours each needs."""

    LEVEL, HOURS = range(2)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("star_thresholds")
        self.table.setHorizontalHeaderLabels([self.tr("Stars"), self.tr("Approved hours")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.LEVEL, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.HOURS, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.add_button = QPushButton(self.tr("Add level"))
        self.add_button.setObjectName("star_add")
        self.add_button.clicked.connect(self._add_next)
        self.remove_button = QPushButton(self.tr("Remove the last level"))
        self.remove_button.setObjectName("star_remove")
        self.remove_button.clicked.connect(self._remove_last)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def set_hours(self, hours: tuple[int, ...]) -> None:
        self.table.setRowCount(0)
        for value in hours:
            self._add(value)

    def hours(self) -> tuple[int, ...]:
        return tuple(self.spin(row).value() for row in range(self.table.rowCount()))

    def spin(self, row: int) -> QSpinBox:
        widget = self.table.cellWidget(row, self.HOURS)
        assert isinstance(widget, QSpinBox)
        return widget

    def _add(self, value: int) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        level = QTableWidgetItem("★" * (row + 1))
        level.setFlags(level.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(row, self.LEVEL, level)
        spin = _spin(f"star_{row + 1}", 100_000, self.tr(" h"))
        spin.setMinimum(1)
        spin.setFrame(False)
        spin.setValue(value)
        self.table.setCellWidget(row, self.HOURS, spin)
        self.table.setMinimumHeight(  # every level in sight (five, as the defaults)
            self.table.horizontalHeader().sizeHint().height()
            + max(5, self.table.rowCount()) * self.table.verticalHeader().defaultSectionSize()
            + 2 * self.table.frameWidth()
        )
        self._update_buttons()

    def _add_next(self) -> None:
        hours = self.hours()
        self._add((hours[-1] + 100) if hours else 100)

    def _remove_last(self) -> None:
        if self.table.rowCount() > 1:
            self.table.removeRow(self.table.rowCount() - 1)
        self._update_buttons()

    def _update_buttons(self) -> None:
        rows = self.table.rowCount()
        self.add_button.setEnabled(rows < MAX_STAR_LEVELS)
        self.remove_button.setEnabled(rows > 1)


class VolunteerPolicyDialog(ServiceDialog):
    """Edit the volunteer policy; OK saves it (administrators only)."""

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("volunteer_policy_dialog")
        self.setWindowTitle(self.tr("Volunteer rules"))
        self.allowed = ctx.actor.can(Permission.MANAGE_SETTINGS)
        self.policy = policy.get_volunteer_policy(ctx.db)

        quotas = QGroupBox(self.tr("Monthly quotas"))
        self.min_activities = _spin("monthly_min_activities", 100, self.tr(" activities"))
        self.min_theory = _spin("monthly_min_theory", 100, self.tr(" activities"))
        self.theory_platform = QComboBox()
        self.theory_platform.setObjectName("theory_platform")
        form = QFormLayout(quotas)
        form.addRow(self.tr("Activities a month at least:"), self.min_activities)
        form.addRow(self.tr("Of them theory talks at least:"), self.min_theory)
        form.addRow(self.tr("Platform that counts as theory:"), self.theory_platform)

        kiosk = QGroupBox(self.tr("Sign-in kiosk"))
        self.duplicate_window = _spin("duplicate_window_seconds", 600, self.tr(" s"))
        self.min_stay = _spin("min_stay_minutes", 600, self.tr(" min"))
        self.confirm_window = _spin("confirm_window_seconds", 600, self.tr(" s"))
        self.max_signins = _spin("max_signins_per_day", 100, "", self.tr("no limit"))
        form = QFormLayout(kiosk)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("A repeat scan within this is ignored:"), self.duplicate_window)
        form.addRow(self.tr("Sign-out sooner than this asks again:"), self.min_stay)
        form.addRow(self.tr("A second scan within this signs out:"), self.confirm_window)
        form.addRow(self.tr("Sign-ins per person per activity a day:"), self.max_signins)

        hours = QGroupBox(self.tr("Service hours"))
        self.rounding_minutes = QComboBox()
        self.rounding_minutes.setObjectName("rounding_minutes")
        for step in ROUNDING_STEPS:
            self.rounding_minutes.addItem(self.tr("{n} min").format(n=step), step)
        self.rounding = QComboBox()
        self.rounding.setObjectName("rounding")
        self.rounding.addItem(self.tr("Down (1 h 50 min counts 1.5 h)"), "down")
        self.rounding.addItem(self.tr("To the nearest step"), "nearest")
        self.review_hours = _spin(
            "review_above_hours_per_day", 24, self.tr(" h"), self.tr("no check")
        )
        self.national_warn = _spin("national_warn_days", 10, self.tr(" working days"))
        self.national_warn.setMinimum(1)
        form = QFormLayout(hours)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Count hours in steps of:"), self.rounding_minutes)
        form.addRow(self.tr("Rounding:"), self.rounding)
        form.addRow(self.tr("More hours in one day than this need review:"), self.review_hours)
        form.addRow(
            self.tr("Warn of records not in the national system after:"), self.national_warn
        )

        stars = QGroupBox(self.tr("Star volunteers"))
        self.stars = StarThresholds()
        self.prefix = QLineEdit()
        self.prefix.setObjectName("certificate_prefix")
        self.prefix.setMaxLength(6)
        self.prefix.setValidator(
            QRegularExpressionValidator(QRegularExpression("[A-Za-z]{0,6}"), self.prefix)
        )
        form = QFormLayout(stars)
        form.addRow(self.tr("Hours for each star level:"), self.stars)
        form.addRow(self.tr("Certificate number prefix:"), self.prefix)

        overdue = QGroupBox(self.tr("Service orders (四单)"))
        self.dispatch_days = _spin("order_dispatch_days", 60, self.tr(" days"), self.tr("no check"))
        self.complete_days = _spin(
            "order_complete_days", 365, self.tr(" days"), self.tr("no check")
        )
        form = QFormLayout(overdue)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Overdue when not dispatched within:"), self.dispatch_days)
        form.addRow(self.tr("Overdue when not completed within:"), self.complete_days)

        body = QWidget()
        body.setObjectName("volunteer_policy")
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        for box in (quotas, kiosk, hours, stars, overdue):
            column.addWidget(box)
        column.addStretch(1)
        self.finish_layout(scrollable(body))
        self.show_policy(self.policy)
        body.setEnabled(self.allowed)
        self.ok_button().setText(self.tr("&Save"))
        self.ok_button().setEnabled(self.allowed)
        if not self.allowed:
            self.message.show_error(self.tr("Only an administrator changes these rules."))
        fit_window(self, 620, 760)

    def show_policy(self, rules: VolunteerPolicy) -> None:
        self.policy = rules
        self.min_activities.setValue(rules.monthly_min_activities)
        self.min_theory.setValue(rules.monthly_min_theory)
        self.theory_platform.clear()
        platforms = list(rules.platforms)
        if rules.theory_platform not in platforms:
            platforms.insert(0, rules.theory_platform)
        self.theory_platform.addItems(platforms)
        self.theory_platform.setCurrentText(rules.theory_platform)
        self.duplicate_window.setValue(rules.duplicate_window_seconds)
        self.min_stay.setValue(rules.min_stay_minutes)
        self.confirm_window.setValue(rules.confirm_window_seconds)
        self.max_signins.setValue(rules.max_signins_per_day)
        self.rounding_minutes.setCurrentIndex(
            max(0, self.rounding_minutes.findData(rules.rounding_minutes))
        )
        self.rounding.setCurrentIndex(max(0, self.rounding.findData(rules.rounding)))
        self.review_hours.setValue(rules.review_above_hours_per_day)
        self.national_warn.setValue(rules.national_warn_days)
        self.stars.set_hours(rules.star_thresholds_hours)
        self.prefix.setText(rules.certificate_prefix)
        self.dispatch_days.setValue(rules.order_dispatch_days)
        self.complete_days.setValue(rules.order_complete_days)

    def edited(self) -> VolunteerPolicy:
        """The policy as the form shows it (validated by the service on saving)."""
        return replace(
            self.policy,
            monthly_min_activities=self.min_activities.value(),
            monthly_min_theory=self.min_theory.value(),
            theory_platform=self.theory_platform.currentText(),
            duplicate_window_seconds=self.duplicate_window.value(),
            min_stay_minutes=self.min_stay.value(),
            confirm_window_seconds=self.confirm_window.value(),
            max_signins_per_day=self.max_signins.value(),
            rounding_minutes=int(self.rounding_minutes.currentData()),
            rounding=str(self.rounding.currentData()),
            review_above_hours_per_day=self.review_hours.value(),
            national_warn_days=self.national_warn.value(),
            star_thresholds_hours=self.stars.hours(),
            certificate_prefix=self.prefix.text(),
            order_dispatch_days=self.dispatch_days.value(),
            order_complete_days=self.complete_days.value(),
        )

    def submit(self) -> None:
        self.run(policy.set_volunteer_policy, self.ctx.db, self.ctx.actor, self.edited())
