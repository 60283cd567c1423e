"""活动 page: plan and log 文明实践活动, against the month's quota, and open the kiosk.

At the top, the chosen month's **quota progress** (``activities.quota_progress``:
e.g. 5 of ≥ 8 activities, 2 of ≥ 3 理论宣讲), where the worker plans — planned
activities count, so the worker sees at once what is still missing.

Below, the month's activities as a list (a lazy model over
``count_activities`` / ``fetch_activities``, filtered by month and category)
or as a calendar (a :class:`QCalendarWidget` with the number of activities
drawn on each day; a month has few, so its rows are read once, off-thread).
The selected activity's record is on the right: facts, live counts
(volunteers, present, 户次, hours), photos (copied into the data folder by
``activities.add_photo``) and the actions — edit, open for sign-in, open the
kiosk, close (everyone still present is signed out and flagged for review),
reopen (station head), cancel a planned one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPainter,
    QPixmap,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.i18n import hours_text, join_list
from app.services import activities, volunteers
from app.services.activities import (
    ActivityFile,
    ActivityFilter,
    ActivityRow,
    ActivityView,
    MonthOverview,
    PhotoView,
    QuotaProgress,
)
from app.services.auth import Permission
from app.services.documents.list_export import activities_document
from app.services.volunteers import Catalog, RuleChoice
from app.views.activities.dialogs import ActivityDialog
from app.views.detail_panel import DetailPanel
from app.views.files import open_file_names
from app.views.list_actions import ListActions
from app.views.pages import PageContext
from app.views.points.entries import ask_reason, confirm
from app.views.qtfix import emit
from app.views.table_models import (
    GREEN,
    GREY,
    LazyRowsModel,
    RowsModel,
    selected_rows,
    table_view,
    with_placeholder,
)
from app.views.tasks import run_task
from app.views.thumbnails import load_thumbnails
from app.views.volunteers.labels import ACTIVITY_STATES, label
from app.views.widgets import MessageLabel, error_text, heading, scrollable

THUMB = QSize(120, 90)


class ActivitiesModel(LazyRowsModel):
    WHEN, TITLE, CATEGORY, PLATFORM, PLACE, STATE = range(6)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(
            db, activities.count_activities, activities.fetch_activities, ActivityFilter(), parent
        )

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("When"),
            self.tr("Title"),
            self.tr("Category"),
            self.tr("Platform"),
            self.tr("Place"),
            self.tr("State"),
        )

    def cell(self, row: ActivityRow, column: int) -> str:
        if column == self.WHEN:
            return f"{row.starts_at:%m-%d %H:%M}–{row.ends_at:%H:%M}"
        if column == self.STATE:
            return label(ACTIVITY_STATES, row.state)
        return (row.title, row.category, row.platform, row.place)[column - 1]

    def foreground(self, row: ActivityRow, column: int) -> QColor | None:
        if column == self.STATE and row.state == "open":
            return GREEN
        if row.state == "closed":
            return GREY
        return None


class DayModel(RowsModel):
    def headers(self) -> tuple[str, ...]:
        return (self.tr("Time"), self.tr("Title"), self.tr("State"))

    def cell(self, row: ActivityRow, column: int) -> str:
        return (
            f"{row.starts_at:%H:%M}–{row.ends_at:%H:%M}",
            row.title,
            label(ACTIVITY_STATES, row.state),
        )[column]


class ActivityCalendar(QCalendarWidget):
    """A month calendar that draws how many activities each day has."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activity_calendar")
        self.counts: dict[date, int] = {}
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setGridVisible(True)

    def set_counts(self, counts: dict[date, int]) -> None:
        self.counts = counts
        self.updateCells()

    def paintCell(self, painter: QPainter, rect: QRect, day: QDate) -> None:
        super().paintCell(painter, rect, day)
        py = day.toPython()
        n = self.counts.get(py, 0) if isinstance(py, date) else 0
        if not n:
            return
        painter.save()
        size = max(14, min(rect.width(), rect.height()) // 3)
        badge = QRect(rect.right() - size - 2, rect.bottom() - size - 2, size, size)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QColor("#c0392b"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(badge)
        font = QFont(painter.font())
        font.setPixelSize(max(9, size - 5))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, str(n))
        painter.restore()


# --- worker functions --------------------------------------------------------------------------


@dataclass(frozen=True)
class ShownFile:
    """The activity's file (one service read) and its photos' thumbnails."""

    file: ActivityFile
    thumbs: tuple[QImage, ...]


def load_activity_file(db: Database, photos_root: Path, activity_id: str) -> ShownFile:
    """Worker: the activity's file in one read, then the thumbnails from disk (Qt images)."""
    loaded = activities.activity_file(db, activity_id)
    thumbs = load_thumbnails(photos_root, [p.path for p in loaded.photos], THUMB)
    return ShownFile(loaded, tuple(thumbs[p.path] for p in loaded.photos))


# --- the detail panel ----------------------------------------------------------------------------


class ActivityDetail(DetailPanel):
    def __init__(self, ctx: PageContext, page: ActivitiesPage, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.page = page
        self.activity: ActivityView | None = None
        self.photos: tuple[PhotoView, ...] = ()
        self.make_heading(self.tr("Choose an activity."), "activity_title_label", "activity_facts")
        self.stats = QLabel()
        self.stats.setObjectName("activity_stats")
        self.stats.setWordWrap(True)
        sfont = QFont(self.stats.font())
        sfont.setBold(True)
        self.stats.setFont(sfont)
        self.photo_model = QStandardItemModel(self)
        self.photo_view = QListView()
        self.photo_view.setObjectName("activity_photos")
        self.photo_view.setModel(self.photo_model)
        self.photo_view.setViewMode(QListView.ViewMode.IconMode)
        self.photo_view.setIconSize(THUMB)
        self.photo_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.photo_view.setMinimumHeight(THUMB.height() + 40)
        self.message.setObjectName("activity_message")
        daily = ctx.actor.can(Permission.DAILY_WORK)
        specs = (
            ("kiosk", self.tr("Open &kiosk"), self.open_kiosk, daily),
            ("open", self.tr("Open for sign-in"), self.open_activity, daily),
            ("close", self.tr("Close activity…"), self.close_activity, daily),
            ("edit", self.tr("Edit…"), self.edit, daily),
            ("photos", self.tr("Add photos…"), self.add_photos, daily),
            ("remove_photo", self.tr("Remove photo…"), self.remove_photo, daily),
            ("reopen", self.tr("Reopen…"), self.reopen, ctx.actor.can(Permission.VOID)),
            ("cancel", self.tr("Cancel activity…"), self.cancel, daily),
        )
        grid = self.button_grid("activity", specs, 3)
        kfont = QFont(self.buttons["kiosk"].font())
        kfont.setBold(True)
        self.buttons["kiosk"].setFont(kfont)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addWidget(self.stats)
        photos_box = QGroupBox(self.tr("Photos"))
        QVBoxLayout(photos_box).addWidget(
            with_placeholder(
                self.photo_view,
                self.tr("No photos yet. Add the activity's photos with “Add photos…”."),
            )
        )
        layout.addWidget(photos_box, 1)
        layout.addWidget(grid)
        layout.addWidget(self.message)

    def show_activity(self, activity_id: str | None) -> None:
        if activity_id is None:
            self.clear()
        else:
            self.load(load_activity_file, self.ctx.data_dir.photos, activity_id)

    def current_id(self) -> str | None:
        return self.activity.id if self.activity is not None else None

    def _rule_text(self, code: str) -> str:
        catalog = self.page.catalog
        rules: tuple[RuleChoice, ...] = catalog.rules if catalog else ()
        for r in rules:
            if r.code == code:
                return f"{r.name} +{r.points}"
        return code

    def _set(self, shown: ShownFile | None) -> None:
        loaded = shown.file if shown else None
        self.activity = loaded.activity if loaded else None
        self.photos = loaded.photos if loaded else ()
        self.photo_model.clear()
        for button in self.buttons.values():
            button.setEnabled(loaded is not None)
        if loaded is None:
            self.title.setText(self.tr("Choose an activity."))
            self.facts.setText("")
            self.stats.setText("")
            return
        a = loaded.activity
        self.title.setText(a.title)
        parts = [
            f"{a.starts_at:%Y-%m-%d %H:%M} – {a.ends_at:%H:%M}"
            if a.starts_at.date() == a.ends_at.date()
            else f"{a.starts_at:%Y-%m-%d %H:%M} – {a.ends_at:%Y-%m-%d %H:%M}",
            a.category,
        ]
        parts += [p for p in (a.platform, a.place) if p]
        if a.team_names:
            parts.append(join_list(a.team_names))
        if a.capacity:
            parts.append(self.tr("capacity {n}").format(n=a.capacity))
        if a.hours_cap_minutes:
            parts.append(self.tr("at most {h} h each").format(h=hours_text(a.hours_cap_minutes)))
        if a.points_rule_code:
            parts.append(
                self.tr("households: {rule}").format(rule=self._rule_text(a.points_rule_code))
            )
        elif not a.allow_households:
            parts.append(self.tr("volunteers only"))
        parts.append(self.tr("recorded by {name}").format(name=a.recorder_name))
        parts.append(label(ACTIVITY_STATES, a.state))
        text = " · ".join(parts)
        if a.content:
            text += "\n" + a.content
        self.facts.setText(text)
        s = loaded.stats
        self.stats.setText(
            self.tr(
                "{volunteers} volunteers ({present} present now) · {households} households · "
                "{hours} h counted"
            ).format(
                volunteers=s.volunteers,
                present=s.present,
                households=s.households,
                hours=hours_text(s.minutes),
            )
        )
        assert shown is not None
        for photo, thumb in zip(loaded.photos, shown.thumbs, strict=True):
            item = QStandardItem(photo.caption or photo.original_name)
            if not thumb.isNull():
                item.setIcon(QPixmap.fromImage(thumb))
            item.setEditable(False)
            item.setData(photo.id, Qt.ItemDataRole.UserRole)
            self.photo_model.appendRow(item)
        closed = a.state == "closed"
        self.buttons["open"].setEnabled(a.state == "planned")
        self.buttons["kiosk"].setEnabled(not closed)
        self.buttons["close"].setEnabled(not closed)
        self.buttons["reopen"].setEnabled(closed)
        self.buttons["cancel"].setEnabled(a.state == "planned")
        self.buttons["remove_photo"].setEnabled(bool(loaded.photos))

    # actions
    def edit(self) -> None:
        if self.activity is None or self.page.catalog is None:
            return
        self._after(
            ActivityDialog(self.ctx, self.page.catalog, self.activity, self), self.tr("Saved.")
        )

    def open_activity(self) -> None:
        if self.activity is not None:
            self._service(
                activities.open_activity,
                self.ctx.db,
                self.ctx.actor,
                self.activity.id,
                ok_text=lambda _a: self.tr("The activity is open; the kiosk takes scans."),
            )

    def close_activity(self) -> None:
        a = self.activity
        if a is None or not confirm(
            self,
            self.tr("Close activity"),
            self.tr(
                "Close “{title}”? Everyone still signed in is signed out now and their "
                "hours are flagged for checking. Scans are no longer taken."
            ).format(title=a.title),
        ):
            return
        self._service(
            activities.close_activity,
            self.ctx.db,
            self.ctx.actor,
            a.id,
            datetime.now(),
            ok_text=lambda r: self.tr(
                "Closed; %n still present were signed out.", "", r.signed_out
            ),
        )

    def reopen(self) -> None:
        a = self.activity
        if a is None:
            return
        reason = ask_reason(
            self,
            self.tr("Reopen activity"),
            self.tr("Why is “{title}” reopened?").format(title=a.title),
        )
        if reason is not None:
            self._service(
                activities.reopen_activity,
                self.ctx.db,
                self.ctx.actor,
                a.id,
                reason,
                ok_text=lambda _a: self.tr("Reopened."),
            )

    def cancel(self) -> None:
        a = self.activity
        if a is None:
            return
        reason = ask_reason(
            self,
            self.tr("Cancel activity"),
            self.tr("Why is “{title}” cancelled?").format(title=a.title),
        )
        if reason is None:
            return

        def done(_r: Any) -> None:
            self.message.show_ok(self.tr("Cancelled."))
            self._set(None)
            emit(self.changed, a.id)

        run_task(
            activities.cancel_activity,
            self.ctx.db,
            self.ctx.actor,
            a.id,
            reason,
            write=True,
            on_done=done,
            on_error=lambda e: self.message.show_error(error_text(e)),
            receiver=self,
        )

    def add_photos(self) -> None:
        if self.activity is None:
            return
        files = open_file_names(
            self,
            self.tr("Add photos"),
            self.tr("Pictures (*.jpg *.jpeg *.png *.webp *.bmp *.gif)"),
        )
        if files:
            self.add_photo_files(files)

    def add_photo_files(self, files: list[str]) -> None:
        if self.activity is None:
            return
        self.message.show_info(self.tr("Copying the photos…"))
        self._service(
            activities.add_photos,
            self.ctx.db,
            self.ctx.actor,
            self.ctx.data_dir.photos,
            self.activity.id,
            list(files),
            ok_text=lambda n: self.tr("%n photos added.", "", n),
        )

    def remove_photo(self) -> None:
        indexes = self.photo_view.selectedIndexes()
        if not indexes:
            self.message.show_selection_hint(self.tr("Choose a photo first."), self.photo_view)
            return
        photo_id = str(indexes[0].data(Qt.ItemDataRole.UserRole))
        if confirm(self, self.tr("Remove photo"), self.tr("Remove this photo from the activity?")):
            self._service(
                activities.remove_photo,
                self.ctx.db,
                self.ctx.actor,
                photo_id,
                ok_text=lambda _r: self.tr("Removed."),
            )

    def open_kiosk(self) -> None:
        a = self.activity
        if a is None:
            return
        if a.state == "closed":
            self.message.show_error(self.tr("The activity is closed."))
            return
        if a.state == "planned" and not confirm(
            self,
            self.tr("Open kiosk"),
            self.tr("Open “{title}” for sign-in now and start the kiosk?").format(title=a.title),
        ):
            return
        run_task(
            activities.open_activity,
            self.ctx.db,
            self.ctx.actor,
            a.id,
            write=True,
            on_done=self.page.start_kiosk,
            on_error=lambda e: self.message.show_error(error_text(e)),
            receiver=self,
        )


# --- the page ---------------------------------------------------------------------------------


class QuotaPanel(QGroupBox):
    """The month's activities against the township's quotas."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quota_panel")
        self.activities_bar = QProgressBar()
        self.activities_bar.setObjectName("quota_activities")
        self.theory_bar = QProgressBar()
        self.theory_bar.setObjectName("quota_theory")
        self.summary = QLabel()
        self.summary.setObjectName("quota_summary")
        font = QFont(self.summary.font())
        font.setPointSize(12)
        font.setBold(True)
        self.summary.setFont(font)
        for bar in (self.activities_bar, self.theory_bar):
            bar.setTextVisible(True)
            bar.setMinimumWidth(200)
            bar.setMinimumHeight(22)
        layout = QGridLayout(self)
        layout.addWidget(QLabel(self.tr("Activities:")), 0, 0)
        layout.addWidget(self.activities_bar, 0, 1)
        layout.addWidget(QLabel(self.tr("理论宣讲:")), 0, 2)
        layout.addWidget(self.theory_bar, 0, 3)
        layout.addWidget(self.summary, 1, 0, 1, 4)
        layout.setColumnStretch(1, 1)
        layout.setColumnStretch(3, 1)

    def set_quota(self, q: QuotaProgress, theory_name: str = "理论宣讲") -> None:
        self.setTitle(self.tr("Monthly quota {month}").format(month=q.month))
        for bar, done, target in (
            (self.activities_bar, q.activities, q.target_activities),
            (self.theory_bar, q.theory, q.target_theory),
        ):
            bar.setRange(0, max(1, target))
            bar.setValue(min(done, max(1, target)))
            bar.setFormat(self.tr("{done} of {target}").format(done=done, target=target))
            met = done >= target
            bar.setStyleSheet(
                "QProgressBar { border: 1px solid #9aa5b1; border-radius: 4px;"
                " background: #ffffff; color: #1f2933; text-align: center; font-weight: bold; }"
                "QProgressBar::chunk { background: %s; border-radius: 3px; }"
                % ("#7cc68a" if met else "#f6d365")
            )
        if q.met:
            self.summary.setText(self.tr("Quota met for {month}.").format(month=q.month))
            self.summary.setStyleSheet("color: #1b7f3b;")
        else:
            missing = []
            if q.activities < q.target_activities:
                missing.append(
                    self.tr("%n more activities", "", q.target_activities - q.activities)
                )
            if q.theory < q.target_theory:
                missing.append(
                    self.tr("{n} more {name}").format(
                        n=q.target_theory - q.theory, name=theory_name
                    )
                )
            self.summary.setText(
                self.tr("Still to plan this month: {missing}.").format(missing=join_list(missing))
            )
            self.summary.setStyleSheet("color: #9a6700;")


class ActivitiesPage(QWidget):
    """活动: the month's activities, quota progress, calendar, and the kiosk."""

    kiosk_opened = Signal(object)  # the KioskWindow

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.catalog: Catalog | None = None
        self.kiosk: Any = None
        self.kiosk_fullscreen = True  # tests show the kiosk as a normal window
        self.kiosk_clock: Any = None  # tests inject the scan field's clock...
        self.kiosk_now: Any = datetime.now  # ...and the wall clock of the scans
        today = date.today()
        self.month = date(today.year, today.month, 1)
        self.month_rows: tuple[ActivityRow, ...] = ()

        self.prev_month = QToolButton()
        self.prev_month.setObjectName("prev_month")
        self.prev_month.setText("◀")
        self.next_month = QToolButton()
        self.next_month.setObjectName("next_month")
        self.next_month.setText("▶")
        self.month_label = QLabel()
        self.month_label.setObjectName("month_label")
        mfont = QFont(self.month_label.font())
        mfont.setPointSize(13)
        mfont.setBold(True)
        self.month_label.setFont(mfont)
        self.category = QComboBox()
        self.category.setObjectName("category_filter")
        self.category.addItem(self.tr("All categories"), "")
        self.new_button = QPushButton(self.tr("&Plan an activity…"))
        self.new_button.setObjectName("activity_new")
        self.new_button.setEnabled(ctx.actor.can(Permission.DAILY_WORK))
        self.quota = QuotaPanel()
        self.message = MessageLabel()
        self.message.setObjectName("activities_message")
        self.model = ActivitiesModel(ctx.db, self)
        self.view = table_view(self.model, "activities_table")
        for col, width in ((0, 142), (1, 180), (2, 130), (3, 76), (4, 100)):
            self.view.setColumnWidth(col, width)
        self.count_label = QLabel()
        self.count_label.setObjectName("activity_count")
        self.calendar = ActivityCalendar()
        self.day_model = DayModel(self)
        self.day_view = table_view(self.day_model, "day_table")
        self.day_view.setColumnWidth(0, 100)
        self.day_view.setColumnWidth(1, 380)
        self.detail = ActivityDetail(ctx, self)
        self.detail.changed.connect(lambda _id: self.reload())

        list_tab = QWidget()
        list_layout = QVBoxLayout(list_tab)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self.view, 1)
        list_layout.addWidget(self.count_label)
        calendar_tab = QWidget()
        calendar_layout = QVBoxLayout(calendar_tab)
        calendar_layout.setContentsMargins(0, 0, 0, 0)
        calendar_layout.addWidget(self.calendar, 3)
        calendar_layout.addWidget(
            with_placeholder(self.day_view, self.tr("No activity on the chosen day.")), 1
        )
        self.views = QTabWidget()
        self.views.setObjectName("activity_views")
        self.views.addTab(list_tab, self.tr("List"))
        self.views.addTab(calendar_tab, self.tr("Calendar"))
        top = QHBoxLayout()
        top.addWidget(self.prev_month)
        top.addWidget(self.month_label)
        top.addWidget(self.next_month)
        top.addSpacing(12)
        top.addWidget(self.category)
        top.addStretch(1)
        self.lists = ListActions(
            self,
            "activities",
            lambda: activities_document(ctx.db, self.model.filter),
            self.message,
            enabled=ctx.actor.can(Permission.DAILY_WORK),
        )
        self.lists.add_to(top)
        top.addWidget(self.new_button)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.views)
        splitter.addWidget(scrollable(self.detail))
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([700, 520])
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Activities")))
        layout.addWidget(self.quota)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)

        self.prev_month.clicked.connect(lambda: self.shift_month(-1))
        self.next_month.clicked.connect(lambda: self.shift_month(1))
        self.category.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.new_button.clicked.connect(self.new_activity)
        self.model.counted.connect(
            lambda n: self.count_label.setText(self.tr("%n activities", "", n))
        )
        self.view.selectionModel().selectionChanged.connect(self._list_selection)
        self.day_view.selectionModel().selectionChanged.connect(self._day_selection)
        self.calendar.selectionChanged.connect(self._day_chosen)
        self.calendar.currentPageChanged.connect(self._calendar_page)
        run_task(volunteers.form_catalog, ctx.db, on_done=self._catalog, receiver=self)
        self.reload()

    # data
    def month_text(self) -> str:
        return activities.month_of(self.month)

    def shift_month(self, delta: int) -> None:
        index = self.month.year * 12 + self.month.month - 1 + delta
        self.set_month(date(index // 12, index % 12 + 1, 1))

    def set_month(self, month: date) -> None:
        self.month = month
        self.reload()

    def reload(self) -> None:
        self.month_label.setText(self.month_text())
        self.calendar.blockSignals(True)
        self.calendar.setCurrentPage(self.month.year, self.month.month)
        self.calendar.blockSignals(False)
        self.apply_filter()
        run_task(
            activities.month_overview,
            self.ctx.db,
            self.month_text(),
            on_done=self._month,
            receiver=self,
        )

    def apply_filter(self) -> None:
        self.model.set_filter(
            ActivityFilter(month=self.month_text(), category=str(self.category.currentData() or ""))
        )

    def _month(self, overview: MonthOverview) -> None:
        if overview.quota.month != self.month_text():
            return
        theory = self.catalog.policy.theory_platform if self.catalog else "理论宣讲"
        self.quota.set_quota(overview.quota, theory)
        self.month_rows = overview.rows
        counts: dict[date, int] = {}
        for row in overview.rows:
            counts[row.starts_at.date()] = counts.get(row.starts_at.date(), 0) + 1
        self.calendar.set_counts(counts)
        self._day_chosen()

    def _catalog(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.category.blockSignals(True)
        for c in catalog.policy.activity_categories:
            self.category.addItem(c, c)
        self.category.blockSignals(False)

    # selection
    def _list_selection(self) -> None:
        rows = selected_rows(self.view)
        row = self.model.row_at(rows[0]) if rows else None
        if row is not None:
            self.detail.show_activity(row.id)

    def _day_chosen(self) -> None:
        day = self.calendar.selectedDate().toPython()
        self.day_model.set_rows([r for r in self.month_rows if r.starts_at.date() == day])

    def _day_selection(self) -> None:
        rows = selected_rows(self.day_view)
        row = self.day_model.row_at(rows[0]) if rows else None
        if row is not None:
            self.detail.show_activity(row.id)

    def _calendar_page(self, year: int, month: int) -> None:
        if (year, month) != (self.month.year, self.month.month):
            self.set_month(date(year, month, 1))

    # actions
    def new_activity(self) -> None:
        if self.catalog is None:
            self.message.show_error(self.tr("Still loading; try again in a moment."))
            return
        day = None
        if self.views.currentIndex() == 1:
            picked = self.calendar.selectedDate().toPython()
            assert isinstance(picked, date)
            day = datetime(picked.year, picked.month, picked.day)
        dialog = ActivityDialog(self.ctx, self.catalog, None, self, day=day)

        def accepted() -> None:
            a = dialog.result_value
            self.message.show_ok(self.tr("“{title}” planned.").format(title=a.title))
            self.reload()
            self.detail.show_activity(a.id)

        dialog.accepted.connect(accepted)
        dialog.open()

    def start_kiosk(self, activity: ActivityView) -> None:
        """Open the kiosk window locked to *activity* (full screen)."""
        from app.views.kiosk.window import KioskWindow

        if self.kiosk is not None and self.kiosk.isVisible():
            self.kiosk.raise_()
            self.kiosk.activateWindow()
            return
        kiosk = KioskWindow(self.ctx, activity, clock=self.kiosk_clock, now=self.kiosk_now)
        kiosk.closed.connect(self._kiosk_closed)
        self.kiosk = kiosk
        kiosk.start(fullscreen=self.kiosk_fullscreen)
        self.detail.reload()
        emit(self.kiosk_opened, kiosk)

    def _kiosk_closed(self) -> None:
        self.kiosk = None
        self.detail.reload()
        self.reload()
