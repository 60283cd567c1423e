"""The points tabs of the households page: the rule catalogue, and periods with
their notice-board lists (公示, 积分榜, 红黑榜) and the annual ratings.

Editing the catalogue, the periods and the points settings needs
``MANAGE_SETTINGS`` (the services check it; the buttons are disabled for other
roles as a courtesy).  Every list and PDF is made off the GUI thread and shown
in the PDF preview, from where it is printed or saved.

The 红黑榜 takes the top *n* households of the period for the 红榜 and the
bottom *n* (not already on the 红榜) for the 黑榜.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.i18n import QT_TRANSLATE_NOOP, join_list, translate
from app.services import points, policy
from app.services.auth import Permission
from app.services.documents.list_export import rankings_document
from app.services.documents.lists import notice_pdf, ranking_pdf, ratings_pdf, red_black_pdf
from app.services.points import PeriodView, RatingRow, RatingTier, RuleData, RuleView
from app.views.dialogs import ServiceDialog
from app.views.grid_layout import FlowLayout, wrapping
from app.views.list_actions import ListActions
from app.views.pages import PageContext
from app.views.points.entries import confirm, signed
from app.views.points.options import MASK_NAMES, points_settings
from app.views.progress_dialog import run_with_progress
from app.views.table_models import RowsModel, table_view
from app.views.tasks import run_task
from app.views.widgets import MessageLabel, button_row, error_text, format_local, scrollable

PERIOD_STATES = {
    "open": QT_TRANSLATE_NOOP("PeriodState", "Open"),
    "publicized": QT_TRANSLATE_NOOP("PeriodState", "Publicized (公示)"),
    "finalized": QT_TRANSLATE_NOOP("PeriodState", "Finalized"),
}


def _view(model: QAbstractTableModel, name: str) -> QTableView:
    view = table_view(model, name, compact=False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


class RulesModel(RowsModel):
    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Code"),
            self.tr("Category"),
            self.tr("Name"),
            self.tr("Points"),
            self.tr("Unit"),
            self.tr("Cap per period"),
            self.tr("In use"),
        )

    def cell(self, r: RuleView, column: int) -> str:
        return (
            r.code,
            r.category,
            r.name,
            signed(r.points),
            r.unit,
            str(r.cap_per_period) if r.cap_per_period else "—",
            self.tr("yes") if r.active else self.tr("no"),
        )[column]


class PeriodsModel(RowsModel):
    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Period"),
            self.tr("State"),
            self.tr("Base score"),
            self.tr("Opened"),
            self.tr("Publicized"),
            self.tr("Finalized"),
            self.tr("At the end"),
        )

    def cell(self, p: PeriodView, column: int) -> str:
        end = {"carry": self.tr("carried over"), "clear": self.tr("cleared")}.get(p.end_action, "")
        return (
            p.key,
            translate("PeriodState", PERIOD_STATES.get(p.state, p.state)),
            str(p.base_points),
            format_local(p.opened_at),
            format_local(p.publicized_at, never="—"),
            format_local(p.finalized_at, never="—"),
            end,
        )[column]


class RatingsModel(RowsModel):
    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("No."),
            self.tr("Head"),
            self.tr("Group"),
            self.tr("Annual score"),
            self.tr("Rating"),
        )

    def cell(self, r: RatingRow, column: int) -> str:
        return (r.number, r.head_name, r.group_name, str(r.score), r.rating)[column]


class TiersEditor(QWidget):
    """The annual rating tiers as a small table: 称号 and 最低年度积分, rows added and removed."""

    LABEL, SCORE = range(2)

    def __init__(self, tiers: list[RatingTier], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("ratings_tiers")
        self.table.setHorizontalHeaderLabels([self.tr("Title"), self.tr("Minimum annual score")])
        self.table.horizontalHeader().setSectionResizeMode(
            self.LABEL, QHeaderView.ResizeMode.Stretch
        )
        self.table.horizontalHeader().setSectionResizeMode(
            self.SCORE, QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.add_button = QPushButton(self.tr("Add tier"))
        self.add_button.setObjectName("tier_add")
        self.add_button.clicked.connect(lambda: self.add_row("", 0, edit=True))
        self.remove_button = QPushButton(self.tr("Remove tier"))
        self.remove_button.setObjectName("tier_remove")
        self.remove_button.clicked.connect(self.remove_row)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.set_tiers(tiers)

    def set_tiers(self, tiers: list[RatingTier]) -> None:
        self.table.setRowCount(0)
        for tier in tiers:
            self.add_row(tier.label, tier.min_score)

    def add_row(self, label: str, score: int, *, edit: bool = False) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        item = QTableWidgetItem(label)
        self.table.setItem(row, self.LABEL, item)
        spin = QSpinBox()
        spin.setRange(-100_000, 100_000)
        spin.setFrame(False)
        spin.setValue(score)
        self.table.setCellWidget(row, self.SCORE, spin)
        self.table.setMinimumHeight(
            self.table.horizontalHeader().sizeHint().height()
            + 3 * self.table.verticalHeader().defaultSectionSize()
            + 2 * self.table.frameWidth()
        )
        if edit:
            self.table.setCurrentCell(row, self.LABEL)
            self.table.editItem(item)

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            row = self.table.rowCount() - 1
        if row >= 0:
            self.table.removeRow(row)

    def tiers(self) -> list[RatingTier]:
        """The tiers, highest first; ValueError (a sentence to show) when the table is wrong."""
        tiers: list[RatingTier] = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, self.LABEL)
            label = " ".join((item.text() if item else "").split())
            spin = self.table.cellWidget(row, self.SCORE)
            score = spin.value() if isinstance(spin, QSpinBox) else 0
            if not label:
                raise ValueError(self.tr("Tier {row} needs a title.").format(row=row + 1))
            if any(t.label == label for t in tiers):
                raise ValueError(
                    self.tr("The title “{title}” is listed twice.").format(title=label)
                )
            if any(t.min_score == score for t in tiers):
                raise ValueError(
                    self.tr("Two tiers have the same minimum score {score}.").format(score=score)
                )
            tiers.append(RatingTier(label, score))
        if not tiers:
            raise ValueError(self.tr("Add at least one tier."))
        return sorted(tiers, key=lambda t: t.min_score, reverse=True)


# --- the rules tab --------------------------------------------------------------------------


class RuleDialog(ServiceDialog):
    def __init__(
        self, ctx: PageContext, rule: RuleView | None = None, parent: QWidget | None = None
    ):
        super().__init__(ctx, parent)
        self.setObjectName("rule_dialog")
        self.rule = rule
        self.setWindowTitle(self.tr("Edit rule") if rule else self.tr("New rule"))
        self.code = QLineEdit(rule.code if rule else "")
        self.code.setObjectName("rule_code")
        self.code.setReadOnly(rule is not None)
        self.category = QLineEdit(rule.category if rule else "")
        self.name = QLineEdit(rule.name if rule else "")
        self.name.setObjectName("rule_name")
        self.points = QSpinBox()
        self.points.setObjectName("rule_points")
        self.points.setRange(-points.MAX_RULE_POINTS, points.MAX_RULE_POINTS)
        self.points.setValue(rule.points if rule else 0)
        self.unit = QLineEdit(rule.unit if rule else "次")
        self.cap = QSpinBox()
        self.cap.setObjectName("rule_cap")
        self.cap.setRange(0, 1_000_000)
        self.cap.setSpecialValueText(self.tr("no cap"))
        self.cap.setValue(rule.cap_per_period or 0 if rule else 0)
        self.order = QSpinBox()
        self.order.setRange(0, 100_000)
        self.order.setValue(rule.sort_order if rule else 0)
        form = QFormLayout()
        form.addRow(self.tr("&Code:"), self.code)
        form.addRow(self.tr("C&ategory:"), self.category)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Points (+ award, − deduction):"), self.points)
        form.addRow(self.tr("&Unit:"), self.unit)
        form.addRow(self.tr("Cap per peri&od:"), self.cap)
        form.addRow(self.tr("&Sort order:"), self.order)
        self.finish_layout(form)

    def data(self) -> RuleData:
        return RuleData(
            code=self.code.text(),
            name=self.name.text(),
            points=self.points.value(),
            category=self.category.text(),
            unit=self.unit.text(),
            cap_per_period=self.cap.value() or None,
            sort_order=self.order.value(),
        )

    def submit(self) -> None:
        if self.rule is None:
            self.run(points.create_rule, self.ctx.db, self.ctx.actor, self.data())
        else:
            self.run(points.update_rule, self.ctx.db, self.ctx.actor, self.rule.id, self.data())


class RulesTab(QWidget):
    """积分细则: the catalogue; past entries keep their snapshot of a rule."""

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = RulesModel(self)
        self.view = _view(self.model, "rules_table")
        self.show_disabled = QCheckBox(self.tr("Show rules no longer in use"))
        self.show_disabled.toggled.connect(lambda _b: self.reload())
        self.message = MessageLabel()
        can = ctx.actor.can(Permission.MANAGE_SETTINGS)
        bar = QHBoxLayout()
        self.buttons = button_row(
            bar,
            "rules",
            (
                ("new", self.tr("&New rule…"), self.new_rule),
                ("edit", self.tr("&Edit…"), self.edit_rule),
                ("toggle", self.tr("Stop / resume using"), self.toggle_rule),
            ),
            enabled=can,
        )
        bar.addStretch(1)
        bar.addWidget(self.show_disabled)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        self.reload()

    def reload(self) -> None:
        run_task(
            points.list_rules,
            self.ctx.db,
            self.show_disabled.isChecked(),
            on_done=self.model.set_rows,
            on_error=lambda e: self.message.show_error(error_text(e)),
            receiver=self,
        )

    def selected(self) -> RuleView | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            self.message.show_selection_hint(self.tr("Choose a rule in the list first."), self.view)
            return None
        rule: RuleView = self.model.rows[rows[0].row()]
        return rule

    def _open(self, dialog: QDialog) -> None:
        dialog.accepted.connect(self._saved)
        dialog.open()

    def _saved(self) -> None:
        self.message.show_ok(self.tr("Saved."))
        self.reload()

    def new_rule(self) -> None:
        self._open(RuleDialog(self.ctx, None, self))

    def edit_rule(self) -> None:
        rule = self.selected()
        if rule is not None:
            self._open(RuleDialog(self.ctx, rule, self))

    def toggle_rule(self) -> None:
        rule = self.selected()
        if rule is None:
            return
        run_task(
            points.set_rule_active,
            self.ctx.db,
            self.ctx.actor,
            rule.id,
            not rule.active,
            write=True,
            on_done=lambda _r: self.reload(),
            on_error=lambda e: self.message.show_error(error_text(e)),
            receiver=self,
        )


# --- the periods tab ------------------------------------------------------------------------


class PeriodsTab(QWidget):
    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        admin = ctx.actor.can(Permission.MANAGE_SETTINGS)
        self.message = MessageLabel()
        self.message.setObjectName("periods_message")

        # settings: the points rules are station policy (in the database); read here
        # at once — one small row — so the form never shows a value it does not hold
        s = ctx.settings
        self.policy = policy.get_points_policy(ctx.db)
        self.settings_box = QGroupBox(self.tr("Points settings"))
        self.kind = QComboBox()
        self.kind.setObjectName("setting_period_kind")
        for value, text in (
            ("year", self.tr("Year")),
            ("quarter", self.tr("Quarter")),
            ("month", self.tr("Month")),
        ):
            self.kind.addItem(text, value)
        self.base = QSpinBox()
        self.base.setRange(0, 10_000)
        self.pass_line = QSpinBox()
        self.pass_line.setRange(0, 10_000)
        self.pass_line.setSpecialValueText(self.tr("none"))
        self.min_balance = QSpinBox()
        self.min_balance.setRange(0, 10_000)
        self.min_balance.setSpecialValueText(self.tr("none"))
        self.end_action = QComboBox()
        self.end_action.setObjectName("setting_end_action")
        self.end_action.addItem(self.tr("Carry points over (结转)"), "carry")
        self.end_action.addItem(self.tr("Clear points (清零)"), "clear")
        self.mask_names = QCheckBox(self.tr("Mask names on notice-board lists (张*)"))
        self.mask_names.setChecked(s.get(MASK_NAMES))
        self.tiers = TiersEditor(self.policy.tiers())
        # 志愿者积分银行: approved service hours earn points (app.services.volunteers.bank)
        self.service_rate = QSpinBox()
        self.service_rate.setObjectName("setting_service_rate")
        self.service_rate.setRange(0, 10_000)
        self.service_rate.setSpecialValueText(self.tr("off"))
        self.service_rate.setSuffix(self.tr(" points per hour"))
        self.service_rounding = QComboBox()
        self.service_rounding.setObjectName("setting_service_rounding")
        self.service_rounding.addItem(self.tr("Round down"), "down")
        self.service_rounding.addItem(self.tr("Round to nearest"), "nearest")
        self.service_rounding.addItem(self.tr("Round up"), "up")
        self.service_cap_activity = QSpinBox()
        self.service_cap_activity.setObjectName("setting_service_cap_activity")
        self.service_cap_activity.setRange(0, 10_000)
        self.service_cap_activity.setSpecialValueText(self.tr("none"))
        self.service_cap_period = QSpinBox()
        self.service_cap_period.setObjectName("setting_service_cap_period")
        self.service_cap_period.setRange(0, 10_000)
        self.service_cap_period.setSpecialValueText(self.tr("none"))
        self.service_kinds = {
            "activity": QCheckBox(self.tr("Kiosk activities")),
            "manual": QCheckBox(self.tr("Hours entered by hand")),
            "order": QCheckBox(self.tr("四单 service orders")),
        }
        kinds_row = QVBoxLayout()  # one under another: the box stays narrow (1024 px)
        kinds_row.setContentsMargins(0, 0, 0, 0)
        for kind, box in self.service_kinds.items():
            box.setObjectName(f"setting_service_kind_{kind}")
            kinds_row.addWidget(box)
        self.service_account = QComboBox()
        self.service_account.setObjectName("setting_service_account")
        self.service_account.addItem(self.tr("The resident's household"), "household")
        self.service_account.addItem(self.tr("The volunteer's own account"), "own")
        self.service_account.setToolTip(
            self.tr("A volunteer from outside the village always earns on an own account.")
        )
        self._show_policy(self.policy)
        self.save_settings_button = QPushButton(self.tr("Save settings"))
        self.save_settings_button.setObjectName("save_points_settings")
        self.save_settings_button.clicked.connect(self.save_settings)
        form = QFormLayout(self.settings_box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Period:"), self.kind)
        form.addRow(self.tr("Base score at period start:"), self.base)
        form.addRow(self.tr("Pass line to redeem:"), self.pass_line)
        form.addRow(self.tr("Minimum balance to redeem:"), self.min_balance)
        form.addRow(self.tr("At period end:"), self.end_action)
        form.addRow(self.mask_names)  # the whole row: long texts are not squeezed
        form.addRow(self.tr("Annual rating tiers:"), self.tiers)
        form.addRow(QLabel(self.tr("<b>Volunteer points bank (积分银行)</b>")))
        form.addRow(self.tr("Approved service earns:"), self.service_rate)
        form.addRow(self.tr("Hours × points are:"), self.service_rounding)
        form.addRow(self.tr("Cap per activity:"), self.service_cap_activity)
        form.addRow(self.tr("Cap per period:"), self.service_cap_period)
        form.addRow(self.tr("Service that counts:"), kinds_row)
        form.addRow(self.tr("A resident volunteer's points go to:"), self.service_account)
        form.addRow(self.save_settings_button)
        self.settings_box.setEnabled(admin)

        # periods
        self.model = PeriodsModel(self)
        self.view = _view(self.model, "periods_table")
        bar = QHBoxLayout()
        self.period_buttons = button_row(
            bar,
            "period",
            (
                ("open", self.tr("&Open current period"), self.open_period),
                ("publicize", self.tr("&Publicize (公示)…"), self.publicize),
                ("notice", self.tr("Print 公示 &list"), self.print_notice),
                ("finalize", self.tr("&Finalize…"), self.finalize),
            ),
            enabled=admin,
        )
        self.period_buttons["notice"].setEnabled(True)  # anyone may print the notice
        bar.addStretch(1)
        periods_box = QGroupBox(self.tr("Periods"))
        periods_layout = QVBoxLayout(periods_box)
        periods_layout.addLayout(bar)
        periods_layout.addWidget(self.view)

        # rankings
        rank_box = QGroupBox(self.tr("Rankings for the notice board"))
        self.rank_period = QComboBox()
        self.rank_period.setObjectName("rank_period")
        self.rank_period.setEditable(True)
        self.rank_period.setCurrentText(str(date.today().year))
        self.top_n = QSpinBox()
        self.top_n.setObjectName("rank_top_n")
        self.top_n.setRange(1, 10_000)
        self.top_n.setValue(10)
        self.top_n.setPrefix(self.tr("top "))
        self.top_n.setSuffix(self.tr(" places"))
        self.top_n.setToolTip(self.tr("How many households the 积分榜 and the 红榜/黑榜 list"))
        self.ranking_button = QPushButton(self.tr("积分榜 PDF"))
        self.ranking_button.setObjectName("ranking_pdf")
        self.ranking_button.clicked.connect(lambda: self.rank_pdf(red_black=False))
        self.red_black_button = QPushButton(self.tr("红黑榜 PDF"))
        self.red_black_button.setObjectName("red_black_pdf")
        self.red_black_button.clicked.connect(lambda: self.rank_pdf(red_black=True))
        rank_row = FlowLayout(height_for_width=False)  # wraps where the tab is narrow
        rank_row.addWidget(QLabel(self.tr("Period:")))
        rank_row.addWidget(self.rank_period)
        rank_row.addWidget(self.top_n)
        rank_row.addWidget(self.ranking_button)
        rank_row.addWidget(self.red_black_button)
        # the boards are printed above; the same ranking also goes out as a sheet
        self.rank_lists = ListActions(
            self,
            "ranking",
            lambda: rankings_document(
                ctx.db,
                self.rank_period.currentText().strip(),
                self.top_n.value(),
                self.ctx.settings.get(MASK_NAMES),
            ),
            self.message,
            export_text=self.tr("积分榜 Excel…"),
            printable=False,
        )
        rank_row.addWidget(self.rank_lists.export_button)
        QVBoxLayout(rank_box).addWidget(wrapping(rank_row))

        # ratings
        ratings_box = QGroupBox(self.tr("Annual household ratings (星级文明户 / 文明信用户)"))
        self.year = QSpinBox()
        self.year.setObjectName("ratings_year")
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.show_ratings_button = QPushButton(self.tr("Show"))
        self.show_ratings_button.setObjectName("ratings_show")
        self.show_ratings_button.clicked.connect(self.show_ratings)
        self.apply_ratings_button = QPushButton(self.tr("Apply to households"))
        self.apply_ratings_button.setObjectName("ratings_apply")
        self.apply_ratings_button.setEnabled(admin)
        self.apply_ratings_button.clicked.connect(self.apply_ratings)
        self.ratings_pdf_button = QPushButton(self.tr("List PDF"))
        self.ratings_pdf_button.setObjectName("ratings_pdf")
        self.ratings_pdf_button.clicked.connect(self.print_ratings)
        self.ratings = RatingsModel(self)
        self.ratings_view = _view(self.ratings, "ratings_table")
        ratings_row = FlowLayout(height_for_width=False)  # wraps where the tab is narrow
        ratings_row.addWidget(self.year)
        ratings_row.addWidget(self.show_ratings_button)
        ratings_row.addWidget(self.apply_ratings_button)
        ratings_row.addWidget(self.ratings_pdf_button)
        ratings_layout = QVBoxLayout(ratings_box)
        ratings_layout.addWidget(wrapping(ratings_row))
        ratings_layout.addWidget(self.ratings_view)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(periods_box, 1)
        left_layout.addWidget(rank_box)
        left_layout.addWidget(ratings_box, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        # scrolls where the window is short (768 px, English wraps more rows); as wide
        # as the box and a scroll bar, so it never scrolls sideways
        settings_area = scrollable(self.settings_box)
        settings_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        settings_area.setMinimumWidth(
            self.settings_box.minimumSizeHint().width()
            + settings_area.verticalScrollBar().sizeHint().width()
        )
        splitter.addWidget(settings_area)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([3000, 1000])  # the periods and rankings get the room
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        self.reload()

    def _error(self, exc: BaseException) -> None:
        self.message.show_error(error_text(exc))

    def _show_policy(self, rules: policy.PointsPolicy) -> None:
        self.policy = rules
        self.kind.setCurrentIndex(max(0, self.kind.findData(rules.period_kind)))
        self.base.setValue(rules.base_points)
        self.pass_line.setValue(rules.pass_line)
        self.min_balance.setValue(rules.min_balance)
        self.end_action.setCurrentIndex(max(0, self.end_action.findData(rules.end_action)))
        self.tiers.set_tiers(rules.tiers())
        self.service_rate.setValue(rules.service_points_per_hour)
        self.service_rounding.setCurrentIndex(
            max(0, self.service_rounding.findData(rules.service_rounding))
        )
        self.service_cap_activity.setValue(rules.service_cap_per_activity)
        self.service_cap_period.setValue(rules.service_cap_per_period)
        for kind, box in self.service_kinds.items():
            box.setChecked(kind in rules.service_kinds)
        self.service_account.setCurrentIndex(
            max(0, self.service_account.findData(rules.service_account))
        )

    def reload(self) -> None:
        run_task(
            points.list_periods,
            self.ctx.db,
            on_done=self._periods,
            on_error=self._error,
            receiver=self,
        )

    def _periods(self, periods: list[PeriodView]) -> None:
        self.model.set_rows(periods)
        self._update_open_button()
        current = self.rank_period.currentText()
        keys = [p.key for p in periods]
        years = sorted({k[:4] for k in keys}, reverse=True)
        self.rank_period.clear()
        self.rank_period.addItems(list(dict.fromkeys([*keys, *years])))
        self.rank_period.setCurrentText(current)

    def _update_open_button(self) -> None:
        """开启本期 only while the current period is not there yet; the tooltip says why not."""
        button = self.period_buttons["open"]
        key = points.period_key(date.today(), self.policy.period_kind)
        current = next((p for p in self.model.rows if p.key == key), None)
        unfinished = next((p for p in self.model.rows if p.state != "finalized"), None)
        admin = self.ctx.actor.can(Permission.MANAGE_SETTINGS)
        button.setEnabled(admin and current is None and unfinished is None)
        if current is None and unfinished is not None:
            button.setToolTip(
                self.tr("Finish period {period} (publicize and finalize it) first.").format(
                    period=unfinished.key
                )
            )
        elif current is not None:
            button.setToolTip(
                self.tr("Period {period} is already opened ({state}).").format(
                    period=key, state=translate("PeriodState", PERIOD_STATES[current.state])
                )
            )
        elif not admin:
            button.setToolTip(self.tr("Only an administrator opens a period."))
        else:
            button.setToolTip(self.tr("Open period {period} now.").format(period=key))

    def save_settings(self) -> None:
        try:
            tiers = self.tiers.tiers()
        except ValueError as exc:
            self.message.show_error(str(exc))
            return
        rules = policy.PointsPolicy(
            period_kind=str(self.kind.currentData()),
            base_points=self.base.value(),
            pass_line=self.pass_line.value(),
            min_balance=self.min_balance.value(),
            end_action=str(self.end_action.currentData()),
            rating_tiers=tuple((t.label, t.min_score) for t in tiers),
            service_points_per_hour=self.service_rate.value(),
            service_rounding=str(self.service_rounding.currentData()),
            service_cap_per_activity=self.service_cap_activity.value(),
            service_cap_per_period=self.service_cap_period.value(),
            service_kinds=tuple(k for k, box in self.service_kinds.items() if box.isChecked()),
            service_account=str(self.service_account.currentData()),
        )
        self.ctx.settings.set(MASK_NAMES, self.mask_names.isChecked())  # a printing preference
        self.save_settings_button.setEnabled(False)
        run_task(
            policy.set_points_policy,
            self.ctx.db,
            self.ctx.actor,
            rules,
            write=True,
            on_done=self._settings_saved,
            on_error=self._save_failed,
            receiver=self,
        )

    def _settings_saved(self, rules: policy.PointsPolicy) -> None:
        self.save_settings_button.setEnabled(True)
        self._show_policy(rules)
        self._update_open_button()
        self.message.show_ok(self.tr("Points settings saved."))

    def _save_failed(self, exc: BaseException) -> None:
        self.save_settings_button.setEnabled(True)
        self._error(exc)

    def selected_period(self) -> PeriodView | None:
        rows = self.view.selectionModel().selectedRows()
        if rows:
            period: PeriodView = self.model.rows[rows[0].row()]
            return period
        unfinished = [p for p in self.model.rows if p.state != "finalized"]
        if unfinished:
            return unfinished[0]
        self.message.show_selection_hint(self.tr("Choose a period in the list first."), self.view)
        return None

    def _show_pdf(self, pdf: bytes, title: str, file_name: str = "") -> None:
        from app.views.pdf_preview import show_pdf

        show_pdf(pdf, title, "A4", self, file_name=file_name)

    def open_period(self) -> None:
        settings = points_settings(self.ctx.db)
        key = points.period_key(date.today(), settings.period_kind)
        text = self.tr("Open period {period}?").format(period=key)
        if settings.base_points:
            text += " " + self.tr(
                "Every household gets the base score of %n points.", "", settings.base_points
            )
        if not confirm(self, self.tr("Open a period"), text):
            return
        run_task(
            points.open_period,
            self.ctx.db,
            self.ctx.actor,
            settings,
            write=True,
            on_done=lambda p: self._period_done(self.tr("Period {period} opened."), p),
            on_error=self._error,
            receiver=self,
        )

    def _period_done(self, text: str, period: PeriodView) -> None:
        self.message.show_ok(text.format(period=period.key))
        self.reload()

    def publicize(self) -> None:
        period = self.selected_period()
        if period is None:
            return
        if not confirm(
            self,
            self.tr("Publicize"),
            self.tr(
                "Post the standings of {period} (公示)? Objections are then settled by "
                "adjustments before the period is finalized."
            ).format(period=period.key),
        ):
            return

        def done(p: PeriodView) -> None:
            self.message.show_ok(self.tr("Period {period} is publicized.").format(period=p.key))
            self.reload()
            self.print_notice(p)

        run_task(
            points.publicize_period,
            self.ctx.db,
            self.ctx.actor,
            period.key,
            write=True,
            on_done=done,
            on_error=self._error,
            receiver=self,
        )

    def print_notice(self, period: PeriodView | None = None) -> None:
        period = period if isinstance(period, PeriodView) else self.selected_period()
        if period is None:
            return
        run_task(
            notice_pdf,
            self.ctx.db,
            period.key,
            self.ctx.settings.get(MASK_NAMES),
            on_done=lambda pdf: self._show_pdf(
                pdf,
                self.tr("公示 list {period}").format(period=period.key),
            ),
            on_error=self._error,
            receiver=self,
        )

    def finalize(self) -> None:
        period = self.selected_period()
        if period is None:
            return
        settings = points_settings(self.ctx.db)
        action = (
            self.tr("Every balance is then cleared to 0 (清零), written as ledger entries.")
            if settings.end_action == "clear"
            else self.tr("Balances are carried over to the next period.")
        )
        if not confirm(
            self,
            self.tr("Finalize"),
            self.tr("Finalize {period}? Its points can no longer change.").format(period=period.key)
            + " "
            + action,
        ):
            return
        run_task(
            points.finalize_period,
            self.ctx.db,
            self.ctx.actor,
            period.key,
            settings,
            write=True,
            on_done=lambda p: self._period_done(self.tr("Period {period} is finalized."), p),
            on_error=self._error,
            receiver=self,
        )

    def rank_pdf(self, *, red_black: bool) -> None:
        key = self.rank_period.currentText().strip()
        fn = red_black_pdf if red_black else ranking_pdf
        title = self.tr("红黑榜 {period}") if red_black else self.tr("积分榜 {period}")
        run_with_progress(
            self,
            title.format(period=key),
            fn,
            self.ctx.db,
            key,
            self.top_n.value(),
            self.ctx.settings.get(MASK_NAMES),
            label=self.tr("Making the PDF…"),
            on_done=lambda pdf: self._show_pdf(pdf, title.format(period=key)),
            on_error=self._error,
            receiver=self,
        )

    def _tiers(self) -> list[RatingTier] | None:
        try:
            return self.tiers.tiers()
        except ValueError as exc:
            self.message.show_error(str(exc))
            return None

    def show_ratings(self) -> None:
        tiers = self._tiers()
        if tiers is None:
            return
        run_task(
            points.annual_ratings,
            self.ctx.db,
            self.year.value(),
            tiers,
            on_done=self._ratings_shown,
            on_error=self._error,
            receiver=self,
        )

    def _ratings_shown(self, rows: list[RatingRow]) -> None:
        self.ratings.set_rows(rows)
        counts: dict[str, int] = {}
        for r in rows:
            if r.rating:
                counts[r.rating] = counts.get(r.rating, 0) + 1
        summary = join_list(f"{k} {v}" for k, v in counts.items()) or self.tr(
            "no household reaches a tier"
        )
        self.message.show_info(
            self.tr("{year}: {summary}.").format(year=self.year.value(), summary=summary)
        )

    def apply_ratings(self) -> None:
        tiers = self._tiers()
        if tiers is None:
            return
        run_task(
            points.apply_ratings,
            self.ctx.db,
            self.ctx.actor,
            self.year.value(),
            tiers,
            write=True,
            on_done=lambda _c: self.message.show_ok(
                self.tr("The ratings were stored on the households.")
            ),
            on_error=self._error,
            receiver=self,
        )

    def print_ratings(self) -> None:
        tiers = self._tiers()
        if tiers is None:
            return
        year = self.year.value()

        def make(db: Database) -> bytes:
            return ratings_pdf(db, year, points.annual_ratings(db, year, tiers), self_mask)

        self_mask = self.ctx.settings.get(MASK_NAMES)
        run_with_progress(
            self,
            self.tr("Ratings {year}").format(year=year),
            make,
            self.ctx.db,
            label=self.tr("Making the PDF…"),
            on_done=lambda pdf: self._show_pdf(pdf, self.tr("Ratings {year}").format(year=year)),
            on_error=self._error,
            receiver=self,
        )
