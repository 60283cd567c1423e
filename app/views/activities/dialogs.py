"""The activity form (plan or edit a 文明实践活动).

Category (the five tasks) and platform type come from the volunteer policy,
the organising teams from the team list, and the points a participating
household earns from the points catalogue (only rules that add points).  The
form checks what it can see (title, end after start) as the person types;
everything else is the service's to refuse, inline, with nothing changed.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from app.services import activities
from app.services.activities import ActivityData, ActivityView
from app.services.volunteers import Catalog
from app.views.dialogs import ServiceDialog
from app.views.pages import PageContext
from app.views.screen import fit_window
from app.views.volunteers.dialogs import checkable_list, checked_keys


def _qdt(value: datetime) -> QDateTime:
    return QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute))


def _py(edit: QDateTimeEdit) -> datetime:
    value = edit.dateTime().toPython()
    assert isinstance(value, datetime)
    return value.replace(second=0, microsecond=0)


class ActivityDialog(ServiceDialog):
    """Plan a new activity (optionally on a given day) or edit one."""

    def __init__(
        self,
        ctx: PageContext,
        catalog: Catalog,
        activity: ActivityView | None = None,
        parent: QWidget | None = None,
        *,
        day: datetime | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("activity_dialog")
        self.activity = activity
        a = activity
        policy = catalog.policy
        self.setWindowTitle(self.tr("Edit activity") if a else self.tr("Plan an activity"))
        self.title = QLineEdit(a.title if a else "")
        self.title.setObjectName("activity_title")
        self.title.setMaxLength(100)
        self.category = QComboBox()
        self.category.setObjectName("activity_category")
        for c in policy.activity_categories:
            self.category.addItem(c, c)
        self.platform = QComboBox()
        self.platform.setObjectName("activity_platform")
        self.platform.addItem(self.tr("(none)"), "")
        for p in policy.platforms:
            self.platform.addItem(p, p)
        if a:
            self.category.setCurrentIndex(max(0, self.category.findData(a.category)))
            self.platform.setCurrentIndex(max(0, self.platform.findData(a.platform)))
        self.teams = checkable_list(
            [(t.name, t.id) for t in catalog.teams],
            set(a.team_ids) if a else set(),
            "activity_teams",
        )
        self.place = QLineEdit(a.place if a else "")
        self.place.setObjectName("activity_place")
        self.place.setPlaceholderText(self.tr("e.g. 村文化礼堂"))
        start = (
            a.starts_at
            if a
            else (day or datetime.now()).replace(hour=9, minute=0, second=0, microsecond=0)
        )
        end = a.ends_at if a else start + timedelta(hours=2)
        self.starts = QDateTimeEdit(_qdt(start))
        self.starts.setObjectName("activity_starts")
        self.ends = QDateTimeEdit(_qdt(end))
        self.ends.setObjectName("activity_ends")
        for edit in (self.starts, self.ends):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.content = QPlainTextEdit(a.content if a else "")
        self.content.setObjectName("activity_content")
        self.content.setMaximumHeight(90)
        self.capacity = QSpinBox()
        self.capacity.setObjectName("activity_capacity")
        self.capacity.setRange(0, 100_000)
        self.capacity.setSpecialValueText(self.tr("no limit"))
        self.capacity.setValue(a.capacity or 0 if a else 0)
        self.hours_cap = QDoubleSpinBox()
        self.hours_cap.setObjectName("activity_hours_cap")
        self.hours_cap.setRange(0, 24)
        self.hours_cap.setDecimals(1)
        self.hours_cap.setSingleStep(0.5)
        self.hours_cap.setSpecialValueText(self.tr("the schedule"))
        self.hours_cap.setSuffix(self.tr(" h"))
        self.hours_cap.setValue((a.hours_cap_minutes or 0) / 60 if a else 0)
        self.rule = QComboBox()
        self.rule.setObjectName("activity_points_rule")
        self.rule.addItem(self.tr("(no points)"), "")
        for r in catalog.rules:
            self.rule.addItem(f"{r.code} {r.name} +{r.points}", r.code)
        if a:
            self.rule.setCurrentIndex(max(0, self.rule.findData(a.points_rule_code)))
        self.households = QCheckBox(self.tr("Villagers scan their household cards (户次, points)"))
        self.households.setObjectName("activity_households")
        self.households.setChecked(a.allow_households if a else True)
        form = QFormLayout()
        form.addRow(self.tr("&Title:"), self.title)
        form.addRow(self.tr("&Category (five tasks):"), self.category)
        form.addRow(self.tr("&Platform:"), self.platform)
        form.addRow(self.tr("Organising te&ams:"), self.teams)
        form.addRow(self.tr("P&lace:"), self.place)
        form.addRow(self.tr("&Starts:"), self.starts)
        form.addRow(self.tr("&Ends:"), self.ends)
        form.addRow(self.tr("C&ontent:"), self.content)
        form.addRow(self.tr("Capac&ity:"), self.capacity)
        form.addRow(self.tr("&Hours cap per volunteer:"), self.hours_cap)
        form.addRow(self.tr("Poi&nts per household:"), self.rule)
        form.addRow("", self.households)
        self.finish_layout(form)
        self.title.textChanged.connect(lambda _t: self.check())
        self.starts.dateTimeChanged.connect(lambda _d: self.check())
        self.ends.dateTimeChanged.connect(lambda _d: self.check())
        fit_window(self, 560, 660)
        self.check()

    def check(self) -> bool:
        """What the form can tell by itself; OK stays disabled until it is fine."""
        problem = ""
        if not self.title.text().strip():
            problem = self.tr("Please enter the activity's title.")
        elif _py(self.ends) <= _py(self.starts):
            problem = self.tr("The activity must end after it starts.")
        if problem:
            self.message.show_info(problem)
        else:
            self.message.clear_message()
        self.ok_button().setEnabled(not problem)
        return not problem

    def data(self) -> ActivityData:
        cap = self.hours_cap.value()
        return ActivityData(
            title=self.title.text(),
            category=str(self.category.currentData() or ""),
            starts_at=_py(self.starts),
            ends_at=_py(self.ends),
            platform=str(self.platform.currentData() or ""),
            place=self.place.text(),
            content=self.content.toPlainText(),
            capacity=self.capacity.value() or None,
            hours_cap_minutes=round(cap * 60) if cap > 0 else None,
            points_rule_code=str(self.rule.currentData() or ""),
            allow_households=self.households.isChecked(),
            team_ids=checked_keys(self.teams),
        )

    def submit(self) -> None:
        if not self.check():
            return
        if self.activity is None:
            self.run(activities.create_activity, self.ctx.db, self.ctx.actor, self.data())
        else:
            self.run(
                activities.update_activity,
                self.ctx.db,
                self.ctx.actor,
                self.activity.id,
                self.data(),
            )
