"""首页 — the home page: this month's dashboard, then the station's facts and fingerprint.

A township (乡镇实践所) gets its own home instead (:func:`home_page` chooses;
app.views.township.home_page): its stations, imports and month.

The dashboard (app.services.dashboard) is a row of tiles — activities against
the quota, 理论宣讲 against its own, 人次, hours approved and pending, points
issued and redeemed, low stock, forgotten sign-outs, sync lag (hidden until it
is read), 四单 orders open and overdue, and records due to the national system —
and three QtCharts: activities per week with the quota, hours
approved/pending, points issued/redeemed.  Each tile and chart opens its list
(:meth:`HomePage.open_figure`; the hours tile opens the hours tab filtered to
pending).  Everything is read by :func:`read_home` in one call on a worker
thread; the page reloads whenever it is shown and when the station's facts or
backups change.  The station's facts stay below, smaller.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontDatabase,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.i18n import translate
from app.models import StationMode
from app.services.auth import ROLE_LABELS
from app.services.dashboard import Dashboard, dashboard
from app.services.station import Overview
from app.services.station import overview as station_overview
from app.sync.upload import upload_state
from app.views.pages import PageContext
from app.views.tasks import run_task
from app.views.widgets import MessageLabel, error_text, format_local, heading


def _value_label() -> QLabel:
    label = QLabel("…")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


@dataclass(frozen=True)
class HomeData:
    """What the station's home shows, read in one call off the GUI thread."""

    overview: Overview
    dashboard: Dashboard


def read_home(db: Database, today: date) -> HomeData:
    return HomeData(station_overview(db), dashboard(db, today, sync=upload_state))


WIDE_PAGE = 1000  # px: from this page width the three charts fit in one row
GREEN = "#1b7f3b"
AMBER = "#b54708"
RED = "#b42318"
BLUE = "#1d4ed8"
GREY = "#667085"


class Tile(QFrame):
    """One figure of the dashboard: a title, a big value and a line below; a click
    (or Enter/Space when focused) opens its list."""

    clicked = Signal()

    def __init__(self, key: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"tile_{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.title = QLabel(title)
        self.title.setWordWrap(True)
        self.title.setStyleSheet(f"color: {GREY};")
        self.value = QLabel("…")
        self.value.setObjectName(f"tile_{key}_value")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.value.setFont(font)
        self.detail = QLabel("")
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)
        layout.addStretch(1)

    def show_figure(self, value: str, detail: str = "", colour: str = "") -> None:
        self.value.setText(value)
        self.value.setStyleSheet(f"color: {colour};" if colour else "")
        self.detail.setText(detail)
        self.setToolTip(" ".join(p for p in (self.title.text(), value, detail) if p))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)


class ChartTile(QChartView):
    """A chart of the dashboard; a click opens its list like a tile."""

    clicked = Signal()

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setBackgroundRoundness(0)
        super().__init__(chart, parent)
        self.key = key
        self.setObjectName(f"chart_{key}")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumSize(220, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def replace_series(self, title: str) -> QChart:
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        chart.setTitle(title)
        return chart


def _bar_set(label: str, values: list[float], colour: str) -> QBarSet:
    bar = QBarSet(label)
    bar.append(values)
    bar.setColor(QColor(colour))
    return bar


def _count_axis(top: float) -> QValueAxis:
    """A value axis from 0 with four whole-number steps that reach past *top*."""
    step = 1
    while step * 4 < top:
        step = next(n * 10**k for k in range(12) for n in (1, 2, 5) if n * 10**k > step)
    axis = QValueAxis()
    axis.setLabelFormat("%d")
    axis.setRange(0, step * 4)
    axis.setTickCount(5)
    return axis


def _hours(minutes: int) -> str:
    return f"{minutes / 60:.1f}".removesuffix(".0")


class HomePage(QWidget):
    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.overview: Overview | None = None
        self.dashboard: Dashboard | None = None

        role = translate("roles", ROLE_LABELS[ctx.actor.role])
        self.greeting = QLabel(
            self.tr("Welcome, {name} ({role}).").format(name=ctx.actor.display_name, role=role)
        )
        self.greeting.setWordWrap(True)
        self.message = MessageLabel()
        self.month_label = QLabel("")
        self.month_label.setObjectName("dashboard_month")

        # (key, title, area to open)
        specs = (
            ("activities", self.tr("Activities this month"), "activities"),
            ("theory", self.tr("Theory talks this month"), "activities"),
            ("participants", self.tr("Participants"), "activities"),
            ("hours", self.tr("Service hours"), "volunteers"),
            ("points", self.tr("Points issued / redeemed"), "households"),
            ("low_stock", self.tr("Goods low in stock"), "supermarket"),
            ("forgot", self.tr("Forgot to sign out"), "activities"),
            ("sync", self.tr("Changes not yet acknowledged"), "sync"),
            ("orders", self.tr("Service orders open"), "orders"),
            ("national", self.tr("Hours due to the national system"), "volunteers"),
        )
        self.areas = {key: area for key, _title, area in specs}
        self.tiles: dict[str, Tile] = {}
        self.tile_grid = QGridLayout()
        self.tile_grid.setSpacing(8)
        for key, title, _area in specs:
            tile = Tile(key, title)
            tile.clicked.connect(lambda k=key: self.open_figure(k))
            self.tiles[key] = tile
        # sync's figure shows once it is read: a figure that is None is hidden
        self.shown = dict.fromkeys(self.tiles, True)

        self.charts = {
            "activities": ChartTile("activities"),
            "hours": ChartTile("hours"),
            "points": ChartTile("points"),
        }
        self.chart_grid = QGridLayout()
        self.chart_grid.setSpacing(8)
        self.charts_in_one_row: bool | None = None
        for key, chart in self.charts.items():
            chart.clicked.connect(lambda k=key: self.open_figure(k))

        self.station_name = _value_label()
        self.station_name.setObjectName("home_station_name")
        self.code = _value_label()
        self.place = _value_label()
        self.leader = _value_label()
        self.phone = _value_label()
        self.fingerprint = _value_label()
        self.fingerprint.setObjectName("fingerprint")
        self.fingerprint.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))

        station_box = QGroupBox(self.tr("Station"))
        form = QFormLayout(station_box)
        form.addRow(self.tr("Name:"), self.station_name)
        form.addRow(self.tr("Division code:"), self.code)
        form.addRow(self.tr("Place:"), self.place)
        form.addRow(self.tr("Person in charge:"), self.leader)
        form.addRow(self.tr("Contact phone:"), self.phone)
        form.addRow(self.tr("Signing key fingerprint:"), self.fingerprint)

        self.operators = _value_label()
        self.audit_entries = _value_label()
        self.last_backup = _value_label()
        self.last_sync = _value_label()
        glance = QGroupBox(self.tr("At a glance"))
        form2 = QFormLayout(glance)
        form2.addRow(self.tr("Active operators:"), self.operators)
        form2.addRow(self.tr("Audit log entries:"), self.audit_entries)
        form2.addRow(self.tr("Last backup:"), self.last_backup)
        form2.addRow(self.tr("Last sync with the township:"), self.last_sync)
        for box in (station_box, glance):
            small = box.font()
            small.setPointSizeF(small.pointSizeF() * 0.9)
            box.setFont(small)

        boxes = QHBoxLayout()
        boxes.addWidget(station_box, 3)
        boxes.addWidget(glance, 2)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(self.greeting)
        layout.addWidget(self.message)
        layout.addWidget(self.month_label)
        layout.addLayout(self.tile_grid)
        layout.addLayout(self.chart_grid)
        layout.addLayout(boxes)
        layout.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        self._place_tiles()
        self._place_charts(True)
        outer = QVBoxLayout(self)
        outer.addWidget(heading(self.tr("Home")))
        outer.addWidget(scroll)

        ctx.events.station_changed.connect(self.reload)
        ctx.events.backup_made.connect(self.reload)

    def _place_tiles(self) -> None:
        """Four tiles a row (the hidden ones leave no gap)."""
        for tile in self.tiles.values():
            self.tile_grid.removeWidget(tile)
        shown = [t for key, t in self.tiles.items() if self.shown[key]]
        for i, tile in enumerate(shown):
            self.tile_grid.addWidget(tile, i // 4, i % 4)
        for key, tile in self.tiles.items():
            tile.setVisible(self.shown[key])

    def _place_charts(self, one_row: bool) -> None:
        """The three charts side by side on a wide page; on a narrow one (a 1024 px screen)
        the weekly chart takes a row of its own, so no axis label or legend is cut."""
        if one_row == self.charts_in_one_row:
            return
        self.charts_in_one_row = one_row
        for chart in self.charts.values():
            self.chart_grid.removeWidget(chart)
        activities, hours, points = self.charts.values()
        if one_row:
            self.chart_grid.addWidget(activities, 0, 0, 1, 2)
            self.chart_grid.addWidget(hours, 0, 2)
            self.chart_grid.addWidget(points, 0, 3)
        else:
            self.chart_grid.addWidget(activities, 0, 0, 1, 4)
            self.chart_grid.addWidget(hours, 1, 0, 1, 2)
            self.chart_grid.addWidget(points, 1, 2, 1, 2)
        for column in range(4):
            self.chart_grid.setColumnStretch(column, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_charts(event.size().width() >= WIDE_PAGE)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()

    def reload(self) -> None:
        run_task(
            read_home,
            self.ctx.db,
            date.today(),
            on_done=self._show,
            on_error=lambda exc: self.message.show_error(error_text(exc)),
            receiver=self,
            key="home.read",
        )

    def open_figure(self, key: str) -> None:
        """Open the list behind the figure *key* (as if its area were chosen on the left),
        with the page's filter set where it has one."""
        show = getattr(self.window(), "show_page", None)
        if show is None:
            return
        page = show(self.areas[key])
        if key in ("hours", "national"):
            tabs, hours = getattr(page, "tabs", None), getattr(page, "hours", None)
            if tabs is not None and hours is not None:
                tabs.setCurrentWidget(hours)
                if key == "hours":
                    hours.status.setCurrentIndex(max(0, hours.status.findData("pending")))
        elif key == "low_stock":
            tabs, goods = getattr(page, "tabs", None), getattr(page, "goods_tab", None)
            if tabs is not None and goods is not None:
                tabs.setCurrentWidget(goods)

    def _show(self, data: HomeData) -> None:
        self._show_overview(data.overview)
        self._show_dashboard(data.dashboard)

    def _show_dashboard(self, d: Dashboard) -> None:
        self.dashboard = d
        self.month_label.setText(self.tr("This month ({month})").format(month=d.month))
        t = self.tiles
        t["activities"].show_figure(
            f"{d.activities} / {d.target_activities}",
            self.tr("quota met") if d.activities >= d.target_activities else self.tr("below quota"),
            GREEN if d.activities >= d.target_activities else AMBER,
        )
        t["theory"].show_figure(
            f"{d.theory} / {d.target_theory}",
            self.tr("quota met") if d.theory >= d.target_theory else self.tr("below quota"),
            GREEN if d.theory >= d.target_theory else AMBER,
        )
        t["participants"].show_figure(str(d.participants))
        t["hours"].show_figure(
            self.tr("{hours} h").format(hours=_hours(d.approved_minutes)),
            self.tr("approved · {hours} h pending ({n} records)").format(
                hours=_hours(d.pending_minutes), n=d.pending_records
            ),
            AMBER if d.pending_records else "",
        )
        t["points"].show_figure(f"{d.points_issued} / {d.points_redeemed}")
        t["low_stock"].show_figure(
            str(len(d.low_stock)), "、".join(d.low_stock[:3]), RED if d.low_stock else ""
        )
        t["forgot"].show_figure(
            str(d.forgot_sign_out),
            self.tr("open since before today"),
            AMBER if d.forgot_sign_out else "",
        )
        self.shown["sync"] = d.unsynced is not None
        if d.unsynced is not None:
            if d.never_acknowledged:
                ack = self.tr("never acknowledged")
            else:
                ack = self.tr("%n day(s) since the last acknowledgement", "", d.days_since_ack or 0)
            late = d.never_acknowledged or (d.days_since_ack or 0) > 7
            t["sync"].show_figure(str(d.unsynced), ack, AMBER if late and d.unsynced else "")
        t["orders"].show_figure(
            str(d.orders.open),
            self.tr("{n} overdue").format(n=d.orders.overdue),
            RED if d.orders.overdue else "",
        )
        t["national"].show_figure(
            str(d.national.close + d.national.overdue),
            self.tr("{n} past the 10-working-day limit").format(n=d.national.overdue),
            RED if d.national.overdue else "",
        )
        self._place_tiles()
        self._draw_charts(d)

    def _draw_charts(self, d: Dashboard) -> None:
        weeks = [self.tr("1–7"), self.tr("8–14"), self.tr("15–21"), self.tr("22–28")]
        weeks.append(self.tr("29–"))
        chart = self.charts["activities"].replace_series(self.tr("Activities per week"))
        bars = QBarSeries()
        bars.append(_bar_set(self.tr("All"), [float(n) for n in d.activities_per_week], BLUE))
        bars.append(_bar_set(self.tr("Theory talks"), [float(n) for n in d.theory_per_week], GREEN))
        chart.addSeries(bars)
        running = QLineSeries()
        running.setName(self.tr("So far"))
        running.setPointsVisible(True)  # early in the month the line is a single point
        total = 0
        # weeks still to come have no "so far" yet (their planned activities are in the bars)
        for i, n in enumerate(d.activities_per_week[: min(4, (d.today.day - 1) // 7) + 1]):
            total += n
            running.append(float(i), float(total))
        quota = QLineSeries()
        quota.setName(self.tr("Quota"))
        quota.append(-0.5, float(d.target_activities))
        quota.append(len(weeks) - 0.5, float(d.target_activities))
        quota.setColor(QColor(RED))
        chart.addSeries(running)
        chart.addSeries(quota)
        x = QBarCategoryAxis()
        x.append(weeks)
        y = _count_axis(max(d.target_activities, d.activities) + 1)
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        for series in (bars, running, quota):
            series.attachAxis(x)
            series.attachAxis(y)

        chart = self.charts["hours"].replace_series(self.tr("Service hours"))
        hours = QBarSeries()
        hours.append(_bar_set(self.tr("Approved"), [d.approved_minutes / 60], GREEN))
        hours.append(_bar_set(self.tr("Pending"), [d.pending_minutes / 60], AMBER))
        self._one_bar(chart, hours, max(d.approved_minutes, d.pending_minutes) / 60, d.month)

        chart = self.charts["points"].replace_series(self.tr("Points"))
        pts = QBarSeries()
        pts.append(_bar_set(self.tr("Issued"), [float(d.points_issued)], BLUE))
        pts.append(_bar_set(self.tr("Redeemed"), [float(d.points_redeemed)], AMBER))
        self._one_bar(chart, pts, max(d.points_issued, d.points_redeemed), d.month)

    def _one_bar(self, chart: QChart, series: QBarSeries, top: float, month: str) -> None:
        chart.addSeries(series)
        x = QBarCategoryAxis()
        x.append([month])
        x.setLabelsVisible(False)  # one group: the legend names the bars
        y = _count_axis(top * 1.1)
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)

    def _show_overview(self, overview: Overview) -> None:
        self.overview = overview
        s = overview.station
        self.station_name.setText(s.name)
        self.code.setText(s.code)
        parts = [s.county, s.township] + ([s.village] if s.mode == StationMode.STATION else [])
        self.place.setText(" · ".join(p for p in parts if p))
        self.leader.setText(s.leader_name or "—")
        self.phone.setText(s.contact_phone or "—")
        self.fingerprint.setText(s.signing_key_fingerprint or "—")
        self.operators.setText(str(overview.operators))
        self.audit_entries.setText(str(overview.audit_entries))
        self.last_backup.setText(format_local(overview.last_backup))
        self.last_sync.setText(format_local(overview.last_sync))


def home_page(ctx: PageContext) -> QWidget:
    """The home area's page: the township's in township mode, else the station's."""
    if ctx.mode == StationMode.TOWNSHIP.value:
        from app.views.township.home_page import TownshipHomePage

        return TownshipHomePage(ctx)
    return HomePage(ctx)
