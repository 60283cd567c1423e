"""清单导出与打印 — every list of the app as one document, to xlsx and to paper.

A :class:`ListDocument` is what a list page shows, without Qt: a title, the
filter in words, the columns (a title, a width on paper, an alignment) and the
rows *as filtered on screen* — read page by page through the same
``count``/``fetch`` pair the page's lazy model reads, so an export holds the
whole filtered list (not the rows painted so far) and needs little memory.
Two writers take any document:

* :func:`write_list_xlsx` streams the rows through
  :func:`~app.services.households.export.write_xlsx` (temporary name and rename,
  formula-looking texts kept as text), with a second sheet 说明 saying what the
  list is (station, title, filter, time, row count);
* :func:`list_pdf` prints them through the one table routine of
  :mod:`app.printing.report` (A4, landscape where the columns are wide; station,
  title, filter and print time at the top, page x/y in the footer).

One builder per list makes its document: :func:`households_document`,
:func:`rankings_document`, :func:`volunteers_document`, :func:`hours_document`,
:func:`certificates_document`, :func:`activities_document`,
:func:`orders_document` and :func:`stock_moves_document`.  Personal data goes
out as the lists show it: phones and ID numbers only ever masked (the stored
``*_masked`` columns, made by :mod:`app.services.personal`), never in full.
Texts are Chinese, as every printed document's are.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from app.db import Database
from app.i18n import hours_text
from app.progress import Cancel, ProgressFn, check, report

__all__ = [
    "ListColumn",
    "ListDocument",
    "activities_document",
    "certificates_document",
    "hours_document",
    "households_document",
    "list_pdf",
    "orders_document",
    "rankings_document",
    "stock_moves_document",
    "volunteers_document",
    "write_list_xlsx",
]

PAGE = 1000  # rows read per query (every fetch of the lists allows 1,000)
PORTRAIT_WIDTH_MM = 174.0  # A4 less the report's side margins

Fetch = Callable[[int, int], Sequence[Any]]


@dataclass(frozen=True, slots=True)
class ListColumn:
    """A column: ``width`` in mm on paper, ``"*"`` to share the rest, None for xlsx only."""

    title: str
    width: float | str | None = "*"
    align: str = "left"
    wrap: bool = False


@dataclass(frozen=True)
class ListDocument:
    """一份清单: a list as filtered on screen, ready to export or print."""

    db: Database
    title: str  # 户籍清单
    sheet: str  # 户籍 — the xlsx sheet's name
    columns: tuple[ListColumn, ...]
    filter_text: str  # the filter in words; "" for the whole list
    count: Callable[[], int]
    fetch: Fetch  # (offset, limit) -> items, in the list's order
    cells: Callable[[Any], Sequence[Any]]  # an item as the row's values, one per column
    #: (last item, limit) -> the next items: a keyset continuation, for lists so long
    #: that skipping an ever larger OFFSET would dominate (the hours records)
    fetch_after: Callable[[Any, int], Sequence[Any]] | None = None

    @property
    def printed_columns(self) -> list[int]:
        return [i for i, c in enumerate(self.columns) if c.width is not None]

    @property
    def landscape(self) -> bool:
        """Landscape when the fixed widths (a shared column counts 25 mm) pass portrait."""
        cols = [self.columns[i] for i in self.printed_columns]
        need = sum(c.width if isinstance(c.width, (int, float)) else 25.0 for c in cols)
        return need > PORTRAIT_WIDTH_MM

    def rows(
        self, progress: ProgressFn | None = None, cancel: Cancel | None = None
    ) -> Iterator[list[Any]]:
        """Every row of the list, page by page; *cancel* is polled between pages."""
        total = self.count()
        done = 0
        last: Any = None
        while done < total:
            check(cancel)
            if last is not None and self.fetch_after is not None:
                page = self.fetch_after(last, PAGE)
            else:
                page = self.fetch(done, PAGE)
            if not page:
                break
            last = page[-1]
            for item in page:
                yield list(self.cells(item))
            done += len(page)
            report(progress, min(done, total), total)


def fixed_rows(items: Sequence[Any]) -> tuple[Callable[[], int], Fetch]:
    """``count``/``fetch`` over a list already in hand (search results, a ranking)."""
    items = list(items)
    return (lambda: len(items)), (lambda offset, limit: items[offset : offset + limit])


def _station_name(db: Database) -> str:
    from app.services.station import get_station

    return get_station(db).name


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


def write_list_xlsx(
    doc: ListDocument,
    path: Path | str,
    progress: ProgressFn | None = None,
    cancel: Cancel | None = None,
    *,
    now: datetime | None = None,
) -> int:
    """The list to an .xlsx at *path* (streamed, masked); returns the row count.

    A cancel (or any failure) leaves no file behind under *path*.
    """
    from app.services.households.export import write_xlsx_sheets

    station = _station_name(doc.db)
    counted: list[int] = []

    def rows() -> Iterator[list[Any]]:
        n = 0
        for row in doc.rows(progress, cancel):
            n += 1
            yield row
        counted.append(n)

    def about() -> Iterator[list[Any]]:
        yield ["站点", station]
        yield ["清单", doc.title]
        yield ["筛选", doc.filter_text or "全部"]
        yield ["导出时间", f"{now or _now():%Y-%m-%d %H:%M}"]
        yield ["行数", counted[0] if counted else 0]

    header = [c.title for c in doc.columns]
    return write_xlsx_sheets(
        path, [(doc.sheet, header, rows()), ("说明", ["项目", "内容"], about())]
    )[0]


def list_pdf(
    doc: ListDocument,
    progress: ProgressFn | None = None,
    cancel: Cancel | None = None,
    *,
    now: datetime | None = None,
) -> bytes:
    """The list as A4 pages (PDF bytes): the printed columns of every row."""
    from app.printing.report import Paragraph, ReportColumn, Section, render_report

    now = now or _now()
    station = _station_name(doc.db)
    keep = doc.printed_columns
    rows = [[row[i] for i in keep] for row in doc.rows(progress, cancel)]
    check(cancel)
    report(progress, 0, 0, "layout")  # measuring and splitting the rows over pages
    columns = [
        ReportColumn(c.title, c.width if c.width is not None else "*", c.align, c.wrap)
        for c in (doc.columns[i] for i in keep)
    ]
    facts = f"筛选：{doc.filter_text or '全部'}　共 {len(rows)} 条　打印时间：{now:%Y-%m-%d %H:%M}"
    return render_report(
        doc.title,
        [Paragraph(facts, size=9, color="#444444"), Section(columns, rows)],
        station_name=station,
        subtitle=station,
        generated_at=now,
        landscape_page=doc.landscape,
        progress=progress,
        cancel=cancel,
    )


def _words(*parts: str) -> str:
    return "；".join(p for p in parts if p)


def _month_words(month: str) -> str:
    """``2026-05`` -> ``2026年5月`` (a month key as printed)."""
    year, _, number = month.partition("-")
    return f"{year}年{int(number)}月" if number.isdigit() else month


# --- the lists ------------------------------------------------------------------------------


def households_document(
    db: Database,
    flt: Any,
    *,
    hits: Sequence[Any] | None = None,
    search_text: str = "",
) -> ListDocument:
    """户籍清单: the households page under *flt* (a HouseholdFilter), or its search *hits*."""
    from app.services.households.export import HOUSEHOLD_EXPORT_HEADER, export_row
    from app.services.households.lookup import count_households, fetch_households

    widths: tuple[tuple[float | str, str], ...] = (
        (22, "center"),
        ("*", "left"),
        (40, "left"),
        (32, "center"),
        (20, "right"),
        (18, "center"),
    )
    columns = tuple(
        ListColumn(t, w, a) for t, (w, a) in zip(HOUSEHOLD_EXPORT_HEADER, widths, strict=True)
    )
    if hits is not None:
        count, fetch = fixed_rows(hits)
    else:
        count = lambda: count_households(db, flt)  # noqa: E731
        fetch = lambda offset, limit: fetch_households(db, offset, limit, flt)  # noqa: E731
    words = _words(
        f"搜索“{search_text}”" if hits is not None and search_text else "",
        f"村民小组：{flt.group_name}" if flt is not None and flt.group_name else "",
        "含已注销户" if flt is not None and flt.include_inactive else "",
    )
    return ListDocument(db, "户籍清单", "户籍", columns, words, count, fetch, export_row)


def rankings_document(db: Database, key: str, n: int | None, mask: bool) -> ListDocument:
    """积分榜 of a period as a list: rank, household, group, score (names masked if chosen)."""
    from app.services import personal
    from app.services.documents.lists import period_label
    from app.services.points.standings import rankings

    rows: list[Any] = []
    loaded = False

    def load() -> list[Any]:
        nonlocal rows, loaded
        if not loaded:
            rows, loaded = rankings(db, key, n), True
        return rows

    def cells(r: Any) -> list[Any]:
        return [
            r.rank,
            r.number,
            personal.mask_name(r.head_name) if mask else r.head_name,
            r.group_name,
            r.score,
        ]

    columns = (
        ListColumn("名次", 18, "center"),
        ListColumn("户号", 26, "center"),
        ListColumn("户主", "*"),
        ListColumn("村民小组", 44),
        ListColumn("积分", 24, "right"),
    )
    try:
        period = period_label(key)
    except ValueError:  # a mistyped period: the ranking's own check says what is wrong
        period = key
    words = _words(period, f"前 {n} 名" if n is not None else "全部户")
    return ListDocument(
        db,
        f"{period}积分榜",
        "积分榜",
        columns,
        words,
        lambda: len(load()),
        lambda offset, limit: load()[offset : offset + limit],
        cells,
    )


def volunteers_document(db: Database, flt: Any, *, team_name: str = "") -> ListDocument:
    """志愿者名册: the volunteers list under *flt* (a VolunteerFilter), in the roster's
    columns (the roster import reads the file back); the paper shows the main ones."""
    from app.services.volunteers.people import count_volunteers, fetch_volunteer_views
    from app.services.volunteers.roster import EXPORT_HEADER, EXPORT_SHEET, export_row

    on_paper: dict[str, tuple[float | str, str]] = {
        "志愿者编号": (24, "center"),
        "姓名": (20, "left"),
        "性别": (10, "center"),
        "证件号码": (42, "center"),
        "联系电话": (28, "center"),
        "村民小组": (26, "left"),
        "志愿服务队": ("*", "left"),
        "服务时长（小时）": (22, "right"),
        "状态": (14, "center"),
    }
    columns = tuple(
        ListColumn(t, *on_paper[t]) if t in on_paper else ListColumn(t, None) for t in EXPORT_HEADER
    )
    words = _words(
        f"搜索“{flt.text}”" if flt.text else "",
        f"队伍：{team_name}" if flt.team_id else "",
        "含已退出" if flt.include_inactive else "",
    )
    return ListDocument(
        db,
        "志愿者名册",
        EXPORT_SHEET,
        columns,
        words,
        lambda: count_volunteers(db, flt),
        lambda offset, limit: fetch_volunteer_views(db, offset, limit, flt),
        export_row,
    )


RECORD_STATES_ZH = {"pending": "待审核", "approved": "已审核", "rejected": "已驳回"}
RECORD_SOURCES_ZH = {
    "scan": "扫码签到",
    "close": "活动结束",
    "manual": "手工录入",
    "order": "服务点单",
}
REVIEW_FLAGS_ZH = {
    "closed": "结束活动时签退",
    "clock_back": "电脑时钟回拨",
    "manual": "按姓名查找",
    "capped": "已封顶",
    "over_day_hours": "超过每日时长上限",
}


def hours_document(db: Database, flt: Any) -> ListDocument:
    """服务时长记录: the hours list under *flt* (a RecordFilter)."""
    from app.services.volunteers.hours import count_records, fetch_records

    def cells(r: Any) -> list[Any]:
        content = r.activity_title or r.content
        flags = "、".join(REVIEW_FLAGS_ZH.get(f, f) for f in r.review_reason.split(",") if f)
        return [
            r.service_date.isoformat(),
            r.volunteer_number,
            r.volunteer_name,
            f"{content}（{r.reason}）" if r.reason else content,
            float(hours_text(r.minutes)),
            float(hours_text(r.original_minutes)) if r.original_minutes != r.minutes else None,
            RECORD_SOURCES_ZH.get(r.source, r.source),
            RECORD_STATES_ZH.get(r.status, r.status),
            flags,
        ]

    columns = (
        ListColumn("服务日期", 22, "center"),
        ListColumn("志愿者编号", 24, "center"),
        ListColumn("姓名", 20),
        ListColumn("活动/服务内容", "*", wrap=True),
        ListColumn("时长(小时)", 18, "right"),
        ListColumn("原时长(小时)", 20, "right"),
        ListColumn("来源", 20, "center"),
        ListColumn("状态", 16, "center"),
        ListColumn("待核查", 34, wrap=True),
    )
    words = _words(
        f"状态：{RECORD_STATES_ZH.get(flt.status, flt.status)}" if flt.status else "全部状态",
        f"{flt.start or ''}至{flt.end or ''}" if flt.start or flt.end else "",
        "仅待核查记录" if flt.flagged_only else "",
    )
    return ListDocument(
        db,
        "志愿服务时长记录",
        "服务时长",
        columns,
        words,
        lambda: count_records(db, flt),
        lambda offset, limit: fetch_records(db, offset, limit, flt),
        cells,
        lambda last, limit: fetch_records(db, 0, limit, flt, after=last),
    )


def certificates_document(db: Database, year: int | None) -> ListDocument:
    """证明登记簿: the certificates register of *year* (None: every year)."""
    from app.services.documents.lists import CERTIFICATE_KINDS_ZH
    from app.services.volunteers.certificates import count_register, fetch_register

    def cells(r: Any) -> list[Any]:
        period = (
            f"{r.period_start.isoformat()}至{r.period_end.isoformat()}"
            if r.period_start and r.period_end
            else ""
        )
        return [
            r.number,
            CERTIFICATE_KINDS_ZH.get(r.kind, r.kind),
            r.issued_on.isoformat(),
            r.volunteer_name,
            r.volunteer_number,
            r.id_masked,
            period,
            float(hours_text(r.total_minutes)),
            r.operator_name,
            r.reprints or None,
            f"已作废：{r.void_reason}" if r.voided else "有效",
        ]

    columns = (
        ListColumn("证明编号", 28, "center"),
        ListColumn("类别", 28, wrap=True),
        ListColumn("出具日期", 22, "center"),
        ListColumn("姓名", 18),
        ListColumn("志愿者编号", 24, "center"),
        ListColumn("证件号码", 40, "center"),
        ListColumn("服务期间", "*", wrap=True),
        ListColumn("时长(小时)", 18, "right"),
        ListColumn("经办人", 18),
        ListColumn("副本数", 14, "right"),
        ListColumn("状态", 24, wrap=True),
    )
    return ListDocument(
        db,
        "志愿服务证明登记簿",
        "证明登记",
        columns,
        f"{year}年" if year is not None else "",
        lambda: count_register(db, year),
        lambda offset, limit: fetch_register(db, offset, limit, year),
        cells,
    )


ACTIVITY_STATES_ZH = {"planned": "计划中", "open": "签到中", "closed": "已结束"}


def activities_document(db: Database, flt: Any) -> ListDocument:
    """活动清单: the activities list under *flt* (an ActivityFilter)."""
    from app.services.activities import count_activities, fetch_activities

    def cells(r: Any) -> list[Any]:
        return [
            f"{r.starts_at:%Y-%m-%d %H:%M}–{r.ends_at:%H:%M}",
            r.title,
            r.category,
            r.platform,
            r.place,
            ACTIVITY_STATES_ZH.get(r.state, r.state),
        ]

    columns = (
        ListColumn("时间", 38, "center"),
        ListColumn("活动名称", "*", wrap=True),
        ListColumn("类别", 32, wrap=True),
        ListColumn("平台", 24, wrap=True),
        ListColumn("地点", 34, wrap=True),
        ListColumn("状态", 16, "center"),
    )
    words = _words(
        _month_words(flt.month),
        f"类别：{flt.category}" if flt.category else "",
        f"平台：{flt.platform}" if flt.platform else "",
        f"状态：{ACTIVITY_STATES_ZH.get(flt.state, flt.state)}" if flt.state else "",
        f"搜索“{flt.text}”" if flt.text else "",
    )
    return ListDocument(
        db,
        "活动清单",
        "活动",
        columns,
        words,
        lambda: count_activities(db, flt),
        lambda offset, limit: fetch_activities(db, offset, limit, flt),
        cells,
    )


ORDER_STATES_ZH = {
    "pending": "待处理",
    "rejected": "已拒绝",
    "dispatched": "已派单",
    "accepted": "已接单",
    "completed": "已完成",
    "rated": "已评价",
}


def _minute(value: datetime | None) -> str:
    return f"{value:%Y-%m-%d %H:%M}" if value is not None else ""


def orders_document(db: Database, flt: Any) -> ListDocument:
    """服务点单清单: the orders list under *flt* (an OrderFilter), masked phones."""
    from app.services.orders.flow import count_orders, fetch_orders

    def cells(r: Any) -> list[Any]:
        return [
            r.number,
            _minute(r.received_at),
            r.category,
            r.item_name,
            r.requester_name,
            r.phone_masked,
            ORDER_STATES_ZH.get(r.state, r.state),
            "超期" if r.overdue else "",
            _minute(r.dispatched_at),
            _minute(r.completed_at),
            r.rating,
        ]

    columns = (
        ListColumn("单号", 28, "center"),
        ListColumn("受理时间", 30, "center"),
        ListColumn("类别", 24, wrap=True),
        ListColumn("服务项目", "*", wrap=True),
        ListColumn("点单人", 18),
        ListColumn("联系电话", 26, "center"),
        ListColumn("状态", 16, "center"),
        ListColumn("超期", 12, "center"),
        ListColumn("派单时间", 30, "center"),
        ListColumn("完成时间", 30, "center"),
        ListColumn("评价(星)", 16, "right"),
    )
    state = ORDER_STATES_ZH.get(flt.state or "", flt.state or "")
    words = _words(
        f"状态：{state}" if flt.state else "全部状态",
        "仅超期" if flt.overdue_only else "",
        f"搜索“{flt.text.strip()}”" if flt.text.strip() else "",
    )
    return ListDocument(
        db,
        "服务点单清单",
        "服务点单",
        columns,
        words,
        lambda: count_orders(db, flt),
        lambda offset, limit: fetch_orders(db, offset, limit, flt),
        cells,
    )


MOVE_KINDS_ZH = {
    "purchase": "采购入库",
    "donation": "捐赠入库",
    "damage": "报损",
    "stocktake": "盘点",
    "redemption": "兑换出库",
    "void": "作废退回",
}


def stock_moves_document(db: Database, goods_id: str, goods_name: str) -> ListDocument:
    """库存流水: every stock move of one goods, newest first."""
    from app.services.documents import local_time
    from app.services.supermarket.stock import count_stock_moves, fetch_stock_moves

    def cells(m: Any) -> list[Any]:
        return [
            _minute(local_time(m.created_at)),
            MOVE_KINDS_ZH.get(m.kind, m.kind),
            m.qty,
            m.on_hand_after,
            m.donor or m.reference,
            m.operator_name,
        ]

    columns = (
        ListColumn("时间", 32, "center"),
        ListColumn("类型", 24, "center"),
        ListColumn("数量", 18, "right"),
        ListColumn("结存", 18, "right"),
        ListColumn("来源/单号", "*", wrap=True),
        ListColumn("经办人", 24),
    )
    return ListDocument(
        db,
        f"库存流水：{goods_name}",
        "库存流水",
        columns,
        f"物品：{goods_name}",
        lambda: count_stock_moves(db, goods_id),
        lambda offset, limit: fetch_stock_moves(db, offset, limit, goods_id),
        cells,
    )
