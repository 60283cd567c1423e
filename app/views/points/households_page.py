"""居民与积分 page: the households list, a household's file, and the points tabs.

The list is a :class:`HouseholdsModel` — a *windowed* lazy model for a
20,000-household station: it asks ``count_households`` for the row count and
``fetch_households`` for pages of :attr:`HouseholdsModel.PAGE` rows, off the GUI
thread, only for the pages the view actually paints; it keeps a bounded number
of pages (least recently used dropped).  Nothing loads the whole table.

Typing in the search box searches while typing (debounced; ``households.search``
finds names, pinyin initials ``zs``, household numbers and phone tails); a
result that arrives after the text changed again is dropped.  The group filter
applies to both.  Only masked ID numbers and phones appear.

The search box is a :class:`~app.views.scan_field.ScanLineEdit` with the
input method left on (names are typed in Chinese): a scanner's burst — a
household card, also in Caps Lock's lower case or with an IME's full-width
``：`` — is searched as it came and the box is emptied, so the next scan
starts afresh instead of being appended to the last one.

The selected household's file (members, balance, recent entries) is on the
right with its actions; selecting several rows enables the batch award and the
A4 sheet of cards.  "Export to Excel…" and "Print list…" take the list as shown —
the search's results, else every household under the group filter — through
:mod:`app.views.list_actions`.  The rule catalogue and the periods/rankings are
further tabs (:mod:`app.views.points.tabs`).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QAbstractTableModel, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.i18n import join_list
from app.paths import DataDir
from app.services import cards, households, points
from app.services.auth import Permission
from app.services.documents.cards import household_cards_pdf
from app.services.documents.list_export import ListDocument, households_document
from app.services.households import HouseholdFilter, HouseholdHit, HouseholdView, MemberView
from app.services.points import BatchResult, EntryView
from app.views.detail_panel import DetailPanel
from app.views.files import dated_file_name
from app.views.list_actions import ListActions
from app.views.pages import PageContext
from app.views.points.entries import (
    EntriesModel,
    HouseholdFile,
    ask_reason,
    confirm,
    load_household_file,
)
from app.views.points.household_dialogs import (
    AdjustDialog,
    AwardDialog,
    BatchAwardDialog,
    HouseholdDialog,
    MemberDialog,
)
from app.views.progress_dialog import run_with_progress
from app.views.scan_field import ScanLineEdit
from app.views.table_models import GREY, LazyRowsModel, RowsModel, table_view
from app.views.tasks import LONG_WRITE, run_task
from app.views.widgets import MessageLabel, button_row, error_text, heading, scrollable

SEARCH_DELAY_MS = 250
MEMBER_ROWS_SHOWN = 6  # a household's members shown without scrolling


# --- the lazy list ------------------------------------------------------------------------


class HouseholdsModel(LazyRowsModel):
    """Households in natural number order, fetched page by page as they are painted.

    In *search* mode (:meth:`show_hits`) it holds the search results instead.
    """

    NUMBER, HEAD, GROUP, PHONE, BALANCE, STATUS = range(6)
    MAX_PAGES = 50

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(
            db, households.count_households, households.fetch_households, HouseholdFilter(), parent
        )

    @property
    def hits(self) -> list[HouseholdHit] | None:
        """The search results shown, or None while the list is paged."""
        return self.listed

    def show_hits(self, hits: list[HouseholdHit]) -> None:
        self.show_rows(hits)

    def hit(self, row: int) -> HouseholdHit | None:
        """The household on *row*, or None while its page is on the way."""
        return self.row_at(row)

    def loaded_pages(self) -> set[int]:
        return set(self.pages)

    def refresh(self) -> None:
        """Re-read the list; search results are re-read in place (same rows, new values)."""
        if self.listed is None:
            super().refresh()
        else:
            self.update_households([h.id for h in self.listed])

    def update_households(self, household_ids: list[str]) -> None:
        """Re-read these households' rows in place: the selection and scroll stay."""
        if household_ids:
            self._run(households.fetch_hits_by_id, household_ids, on_done=self._updated)

    def _updated(self, generation: int, hits: list[HouseholdHit]) -> None:
        if generation != self.generation:
            return  # the list was replaced meanwhile: it was read afresh anyway
        fresh = {h.id: h for h in hits}
        changed: list[int] = []
        if self.listed is not None:
            for row, old in enumerate(self.listed):
                if old.id in fresh:
                    self.listed[row] = replace(fresh[old.id], matched=old.matched)
                    changed.append(row)
        else:
            for page, rows in self.pages.items():
                for offset, old in enumerate(rows):
                    if old.id in fresh:
                        rows[offset] = fresh[old.id]
                        changed.append(page * self.PAGE + offset)
        last = self.columnCount() - 1
        for row in changed:
            self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("No."),
            self.tr("Head"),
            self.tr("Group"),
            self.tr("Phone"),
            self.tr("Points"),
            self.tr("Status"),
        )

    def cell(self, h: HouseholdHit, column: int) -> str:
        return (
            h.number,
            h.head_name + (f" ({h.matched})" if h.matched else ""),
            h.group_name,
            h.phone_masked,
            str(h.balance),
            self.tr("Active") if h.active else self.tr("Closed"),
        )[column]

    def foreground(self, h: HouseholdHit, column: int) -> QColor | None:
        return None if h.active else GREY

    def alignment(self, column: int) -> Qt.AlignmentFlag | None:
        return Qt.AlignmentFlag.AlignRight if column == self.BALANCE else None


class MembersModel(RowsModel):
    NAME, RELATION, SEX, BIRTH, ID, PHONE, STATUS = range(7)

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Name"),
            self.tr("Relation"),
            self.tr("Sex"),
            self.tr("Born"),
            self.tr("ID number"),
            self.tr("Phone"),
            self.tr("Status"),
        )

    def cell(self, m: MemberView, column: int) -> str:
        sex = {"M": self.tr("M"), "F": self.tr("F")}.get(m.sex, "")
        status = self.tr("Left: {reason}").format(reason=m.left_reason) if not m.active else ""
        return (
            m.name,
            m.relation,
            sex,
            m.birth_date.isoformat() if m.birth_date else "",
            m.id_masked,
            m.phone_masked,
            status,
        )[column]

    def foreground(self, m: MemberView, column: int) -> QColor | None:
        return None if m.active else GREY


def _table(model: QAbstractTableModel, name: str) -> QTableView:
    view = table_view(model, name, compact=False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


# --- the detail panel ------------------------------------------------------------------------


class HouseholdDetail(DetailPanel):
    """One household's file: facts, members, recent entries and their actions."""

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.household: HouseholdView | None = None
        self.make_heading(
            self.tr("Choose a household in the list."), "household_title", "household_facts"
        )
        self.balance = QLabel()
        self.balance.setObjectName("household_balance")
        bfont = self.balance.font()
        bfont.setPointSize(16)
        bfont.setBold(True)
        self.balance.setFont(bfont)
        self.members = MembersModel(self)
        self.members_view = _table(self.members, "members_table")
        self._fit_members()
        self.entries = EntriesModel(self)
        self.entries_view = _table(self.entries, "entries_table")
        self.entries_view.horizontalHeader().setStretchLastSection(False)
        self.entries_view.horizontalHeader().setSectionResizeMode(
            EntriesModel.ITEM, QHeaderView.ResizeMode.Stretch
        )
        self.message.setObjectName("detail_message")

        can = ctx.actor.can
        specs = (
            ("edit", self.tr("Edit household…"), self.edit_household, can(Permission.DAILY_WORK)),
            ("add_member", self.tr("Add member…"), self.add_member, can(Permission.DAILY_WORK)),
            ("edit_member", self.tr("Edit member…"), self.edit_member, can(Permission.DAILY_WORK)),
            ("make_head", self.tr("Make head"), self.make_head, can(Permission.DAILY_WORK)),
            ("member_left", self.tr("Member left…"), self.member_left, can(Permission.DAILY_WORK)),
            ("card", self.tr("Print card"), self.print_card, can(Permission.DAILY_WORK)),
            ("reissue", self.tr("Reissue card…"), self.reissue_card, can(Permission.DAILY_WORK)),
            ("award", self.tr("Award / deduct…"), self.award, can(Permission.DAILY_WORK)),
            ("adjust", self.tr("Adjust…"), self.adjust, can(Permission.ADJUST_POINTS)),
            ("reverse", self.tr("Reverse entry…"), self.reverse_entry, can(Permission.VOID)),
        )
        grid = self.button_grid("detail", specs, 4)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addWidget(self.balance)
        members_box = QGroupBox(self.tr("Members"))
        QVBoxLayout(members_box).addWidget(self.members_view)
        entries_box = QGroupBox(self.tr("Recent points entries"))
        QVBoxLayout(entries_box).addWidget(self.entries_view)
        layout.addWidget(members_box, 0)
        layout.addWidget(entries_box, 1)
        layout.addWidget(grid)
        layout.addWidget(self.message)

    # loading
    def show_household(self, household_id: str | None) -> None:
        if household_id is None:
            self.clear()
        else:
            self.load(load_household_file, household_id)

    def current_id(self) -> str | None:
        return self.household.id if self.household is not None else None

    def _set(self, loaded: HouseholdFile | None) -> None:
        self.household = loaded.household if loaded else None
        for button in self.buttons.values():
            button.setEnabled(loaded is not None)
        if loaded is None:
            self.title.setText(self.tr("Choose a household in the list."))
            self.facts.setText("")
            self.balance.setText("")
            self.members.set_rows([])
            self.entries.set_rows([])
            return
        h = loaded.household
        self.title.setText(
            self.tr("Household {number} · {head}").format(number=h.number, head=h.head_name)
        )
        parts = [p for p in (h.group_name, h.address, h.phone_masked) if p]
        if h.rating:
            parts.append(h.rating)
        if not h.active:
            parts.append(self.tr("closed"))
        self.facts.setText(" · ".join(parts))
        self.balance.setText(self.tr("Balance: %n points", "", h.balance))
        self.members.set_rows(h.members)
        self._fit_members()
        self.entries.set_rows(loaded.entries)

    def _fit_members(self) -> None:
        """The members list is as tall as its rows (a big household scrolls after 6)."""
        view = self.members_view
        rows = min(max(len(self.members.rows), 2), MEMBER_ROWS_SHOWN)
        height = (
            view.horizontalHeader().sizeHint().height()
            + rows * view.verticalHeader().defaultSectionSize()
            + view.horizontalScrollBar().sizeHint().height()
            + 2 * view.frameWidth()
        )
        view.setFixedHeight(height)

    # helpers
    def _selected_member(self) -> MemberView | None:
        rows = self.members_view.selectionModel().selectedRows()
        if not rows:
            self.message.show_selection_hint(
                self.tr("Choose a member in the list first."), self.members_view
            )
            return None
        return self.members.rows[rows[0].row()]

    def _selected_entry(self) -> EntryView | None:
        rows = self.entries_view.selectionModel().selectedRows()
        if not rows:
            self.message.show_selection_hint(
                self.tr("Choose a points entry first."), self.entries_view
            )
            return None
        return self.entries.entry_at(rows[0].row())

    # actions
    def edit_household(self) -> None:
        if self.household is not None:
            self._after(HouseholdDialog(self.ctx, self.household, None, self), self.tr("Saved."))

    def add_member(self) -> None:
        if self.household is not None:
            self._after(
                MemberDialog(self.ctx, self.household, None, self), self.tr("Member added.")
            )

    def edit_member(self) -> None:
        member = self._selected_member()
        if member is not None and self.household is not None:
            self._after(MemberDialog(self.ctx, self.household, member, self), self.tr("Saved."))

    def make_head(self) -> None:
        member = self._selected_member()
        if member is None or member.is_head:
            return
        relation = ask_reason(
            self,
            self.tr("Make {name} the head").format(name=member.name),
            self.tr("What is the former head's relation to {name}?").format(name=member.name),
        )
        if relation is None:
            return
        self._service(
            households.set_head,
            self.ctx.db,
            self.ctx.actor,
            member.id,
            relation,
            ok_text=self.tr("{name} is now the head.").format(name=member.name),
        )

    def member_left(self) -> None:
        member = self._selected_member()
        if member is None:
            return
        reason = ask_reason(
            self,
            self.tr("{name} leaves the household").format(name=member.name),
            self.tr("Why (moved away, deceased, married out…)?"),
        )
        if reason is None:
            return
        self._service(
            households.deactivate_member,
            self.ctx.db,
            self.ctx.actor,
            member.id,
            reason,
            ok_text=self.tr("Saved."),
        )

    def award(self) -> None:
        if self.household is not None:
            self._after(AwardDialog(self.ctx, self.household, self), self.tr("Points entered."))

    def adjust(self) -> None:
        if self.household is not None:
            self._after(AdjustDialog(self.ctx, self.household, self), self.tr("Points adjusted."))

    def reverse_entry(self) -> None:
        entry = self._selected_entry()
        if entry is None:
            return
        reason = ask_reason(
            self,
            self.tr("Reverse an entry"),
            self.tr("Reverse {points} points ({item})? Give the reason:").format(
                points=f"{entry.points:+d}", item=entry.rule_name or entry.reason
            ),
        )
        if reason is None:
            return
        self._service(
            points.reverse_entry,
            self.ctx.db,
            self.ctx.actor,
            entry.id,
            reason,
            ok_text=self.tr("The entry was reversed."),
        )

    def print_card(self) -> None:
        if self.household is not None:
            self.cards_for([self.household.id])

    def reissue_card(self) -> None:
        if self.household is None:
            return
        if not confirm(
            self,
            self.tr("Reissue card"),
            self.tr(
                "Make a new card for household {number}? The old card stops working at once."
            ).format(number=self.household.number),
        ):
            return
        self.cards_for([self.household.id], reissue=True)

    def cards_for(self, household_ids: list[str], *, reissue: bool = False) -> None:
        run_with_progress(
            self,
            self.tr("Household cards"),
            household_cards_pdf,
            self.ctx.db,
            self.ctx.actor,
            self.ctx.data_dir,
            household_ids,
            write=LONG_WRITE,
            reissue=reissue,
            reason="补办" if reissue else "",
            label=self.tr("Preparing the cards…"),
            cancellable=False,
            on_done=lambda pdf: self._cards_ready(pdf, len(household_ids), reissue),
            on_error=lambda e: self.message.show_error(error_text(e)),
            receiver=self,
        )

    def _cards_ready(self, pdf: bytes, n: int, reissue: bool) -> None:
        from app.views.pdf_preview import show_pdf

        if reissue:
            self.message.show_ok(self.tr("A new card was made; the old one no longer works."))
        show_pdf(
            pdf,
            self.tr("Household cards ({n})").format(n=n),
            "A4",
            self,
            file_name=dated_file_name(self.tr("household cards"), ".pdf"),
        )


# --- the households tab ------------------------------------------------------------------------


def search_households(
    db: Database, data_dir: DataDir, text: str, *, include_inactive: bool
) -> list[HouseholdHit]:
    """The search box: typed text, or a scanned household card (its key read here,
    off the GUI thread)."""
    key = None
    if cards.looks_like_payload(text):
        from app.services.keys import card_key

        key = card_key(data_dir.keys)
    return households.search(
        db, text, households.MAX_SEARCH_LIMIT, include_inactive=include_inactive, card_key=key
    )


class HouseholdsTab(QWidget):
    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.last_batch: BatchResult | None = None
        self._search_serial = 0
        self.search = ScanLineEdit()  # bounded there (a scanned code; names are far shorter)
        self.search.setObjectName("household_search")
        # Names are typed in Chinese here; see the module docstring.
        self.search.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)
        self.search.setPlaceholderText(self.tr("Name, initials (zs), No. or phone tail"))
        self.search.setClearButtonEnabled(True)
        self.group = QComboBox()
        self.group.setObjectName("group_filter")
        self.group.addItem(self.tr("All groups"), "")
        self.include_closed = QCheckBox(self.tr("Show closed"))
        self.include_closed.setObjectName("include_closed")
        self.count_label = QLabel()
        self.count_label.setObjectName("household_count")
        self.model = HouseholdsModel(ctx.db, self)
        self.view = table_view(self.model, "households_table", multi=True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in ((0, 56), (1, 110), (2, 110), (3, 108), (4, 56)):
            self.view.setColumnWidth(col, width)
        self.detail = HouseholdDetail(ctx)
        self.detail.changed.connect(self._household_changed)
        self.message = MessageLabel()
        self.message.setObjectName("households_message")

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(lambda _t: self.timer.start())
        self.search.typed_enter.connect(lambda _t: self.apply_search())
        self.search.scanned.connect(self.apply_search)
        self.group.currentIndexChanged.connect(lambda _i: self.apply_search())
        self.include_closed.toggled.connect(lambda _b: self.apply_search())
        self.model.counted.connect(self._counted)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)

        daily = ctx.actor.can(Permission.DAILY_WORK)
        self.lists = ListActions(
            self,
            "households",
            self.list_document,
            self.message,
            enabled=daily,
            export_text=self.tr("E&xport to Excel…"),
            print_text=self.tr("Print lis&t…"),
        )
        bar = QHBoxLayout()
        self.action_buttons = button_row(
            bar,
            "households",
            (
                ("new", self.tr("&New household…"), self.new_household),
                ("import", self.tr("&Import roster…"), self.import_roster),
                ("batch", self.tr("&Batch award…"), self.batch_award),
                ("undo_batch", self.tr("&Undo last batch…"), self.undo_batch),
                ("cards", self.tr("Print &cards"), self.print_cards),
            ),
            enabled=daily,
            extra=self.lists.buttons,
        )
        self.action_buttons["undo_batch"].setEnabled(False)
        bar.addStretch(1)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.group)
        filters.addWidget(self.include_closed)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.view, 1)
        left_layout.addWidget(self.count_label)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(scrollable(self.detail))
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([560, 640])
        self.search.setMinimumWidth(200)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)

        self.load_groups()
        self.apply_search()

    # search and filter
    def current_filter(self) -> HouseholdFilter:
        return HouseholdFilter(
            group_name=str(self.group.currentData() or ""),
            include_inactive=self.include_closed.isChecked(),
        )

    def apply_search(self, scanned: str | None = None) -> None:
        """Search what is in the box, or the code just *scanned* (the box is then empty)."""
        self.timer.stop()
        text = (self.search.text() if scanned is None else scanned).strip()
        self._search_serial += 1
        serial = self._search_serial
        if self.message.kind == "error":  # e.g. an earlier forged card: a new search starts
            self.message.clear_message()
        if not text:
            self.model.set_filter(self.current_filter())
            return
        flt = self.current_filter()
        run_task(
            search_households,
            self.ctx.db,
            self.ctx.data_dir,
            text,
            key="households.search",
            include_inactive=flt.include_inactive,
            on_done=lambda hits: self._search_done(serial, flt, hits),
            on_error=lambda e: self.message.show_error(error_text(e)),
            receiver=self,
        )

    def _search_done(self, serial: int, flt: HouseholdFilter, hits: list[HouseholdHit]) -> None:
        if serial != self._search_serial:
            return  # the text changed again meanwhile: a newer search is on its way
        if flt.group_name:
            hits = [h for h in hits if h.group_name == flt.group_name]
        self.model.show_hits(hits)
        if len(hits) == 1:
            self.view.selectRow(0)

    def _counted(self, n: int) -> None:
        if self.model.hits is not None:
            self.count_label.setText(self.tr("{n} found").format(n=n))
        else:
            self.count_label.setText(self.tr("%n households", "", n))

    def load_groups(self) -> None:
        run_task(households.list_groups, self.ctx.db, on_done=self._groups, receiver=self)

    def _groups(self, groups: list[str]) -> None:
        current = self.group.currentData()
        self.group.blockSignals(True)
        self.group.clear()
        self.group.addItem(self.tr("All groups"), "")
        for g in groups:
            self.group.addItem(g, g)
        self.group.setCurrentIndex(max(0, self.group.findData(current)))
        self.group.blockSignals(False)
        self.groups = groups

    # selection
    def selected_rows(self) -> list[int]:
        return sorted(i.row() for i in self.view.selectionModel().selectedRows())

    def selected_ids(self) -> list[str] | None:
        """Ids of the selected households; None if some rows are not loaded yet."""
        ids = []
        for row in self.selected_rows():
            hit = self.model.hit(row)
            if hit is None:
                return None
            ids.append(hit.id)
        return ids

    def _household_changed(self, household_id: str) -> None:
        if household_id:
            self.model.update_households([household_id])
        else:
            self.model.refresh()

    def _selection_changed(self) -> None:
        rows = self.selected_rows()
        hit = self.model.hit(rows[0]) if len(rows) == 1 else None
        self.detail.show_household(hit.id if hit else None)

    def _need_selection(self) -> list[str] | None:
        ids = self.selected_ids()
        if ids is None:
            self.message.show_error(
                self.tr("Some selected rows are still loading; try again in a moment.")
            )
            return None
        if not ids:
            self.message.show_selection_hint(
                self.tr("Select one or more households in the list first."), self.view
            )
            return None
        return ids

    # actions
    def new_household(self) -> None:
        dialog = HouseholdDialog(self.ctx, None, getattr(self, "groups", []), self)

        def accepted() -> None:
            h = dialog.result_value
            self.message.show_ok(self.tr("Household {number} registered.").format(number=h.number))
            self.load_groups()
            self.search.setText(h.number)
            self.apply_search()

        dialog.accepted.connect(accepted)
        dialog.open()

    def batch_award(self) -> None:
        ids = self._need_selection()
        if ids is None:
            return
        dialog = BatchAwardDialog(self.ctx, ids, self)

        def accepted() -> None:
            batch = dialog.batch
            assert batch is not None
            self.last_batch = batch
            self.action_buttons["undo_batch"].setEnabled(True)
            text = self.tr(
                "Batch done: %n households, {total} points in all.", "", batch.entry_count
            ).format(total=f"{batch.total_points:+d}")
            if batch.skipped:
                text += " " + self.tr("Left out (cap reached): {numbers}.").format(
                    numbers=join_list(batch.skipped)
                )
            self.message.show_ok(text)
            self.model.refresh()
            self.detail.reload()

        dialog.accepted.connect(accepted)
        dialog.open()

    def undo_batch(self) -> None:
        batch = self.last_batch
        if batch is None:
            return
        reason = ask_reason(
            self,
            self.tr("Undo batch"),
            self.tr(
                "Undo the batch of %n entries ({total} points)? Give the reason:",
                "",
                batch.entry_count,
            ).format(total=f"{batch.total_points:+d}"),
        )
        if reason is None:
            return

        def done(undo: BatchResult) -> None:
            self.last_batch = None
            self.action_buttons["undo_batch"].setEnabled(False)
            self.message.show_ok(
                self.tr("The batch was undone: %n entries reversed.", "", undo.entry_count)
            )
            self.model.refresh()
            self.detail.reload()

        run_task(
            points.undo_batch,
            self.ctx.db,
            self.ctx.actor,
            batch.batch_id,
            reason,
            write=True,
            on_done=done,
            on_error=lambda e: self.message.show_error(error_text(e)),
            receiver=self,
        )

    def print_cards(self) -> None:
        ids = self._need_selection()
        if ids is not None:
            self.detail.cards_for(ids)

    def list_document(self) -> ListDocument:
        """The list as shown: the search's results, else the whole filtered list."""
        if self.model.hits is not None:
            return households_document(
                self.ctx.db,
                self.model.filter,
                hits=list(self.model.hits),
                search_text=self.search.text().strip(),
            )
        return households_document(self.ctx.db, self.model.filter)

    def import_roster(self) -> None:
        from app.views.roster_import_dialog import RosterImportDialog

        dialog = RosterImportDialog(self.ctx, self)

        def accepted() -> None:
            self.message.show_ok(dialog.summary)
            self.load_groups()
            self.model.refresh()

        dialog.accepted.connect(accepted)
        dialog.open()


class HouseholdsPage(QWidget):
    """居民与积分: households, the rule catalogue, periods and rankings."""

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from app.views.points.tabs import PeriodsTab, RulesTab

        self.ctx = ctx
        self.tabs = QTabWidget()
        self.tabs.setObjectName("households_tabs")
        self.households = HouseholdsTab(ctx)
        self.rules = RulesTab(ctx)
        self.periods = PeriodsTab(ctx)
        self.tabs.addTab(self.households, self.tr("Households"))
        self.tabs.addTab(self.rules, self.tr("Points rules"))
        self.tabs.addTab(self.periods, self.tr("Periods and rankings"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Households and points")))
        layout.addWidget(self.tabs, 1)
