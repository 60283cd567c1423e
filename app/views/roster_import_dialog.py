"""花名册导入 dialog: pick an .xlsx, map its columns, preview every row's problems,
then import the good rows in one transaction.

One dialog serves every roster; a :class:`RosterKind` binds it to one — the
service spec (fields and header words) and the check and commit steps:
:data:`HOUSEHOLD_ROSTER` (``households.validate_rows`` / ``commit_import``)
and :data:`VOLUNTEER_ROSTER` (``volunteer_roster.validate_volunteer_rows`` /
``commit_volunteer_import``).

The three service steps (``read_roster`` and the kind's check and commit)
each run off the GUI thread with a busy bar; nothing is written before the
person confirms the import, and a file that cannot be read at all (empty, not
xlsx, no header, too many rows) says so inline and leaves the station as it
was.  The chosen mapping is remembered per roster kind by header text
(``roster/last_mapping``, ``roster/volunteers_mapping``) and offered again when
a later file has the same headers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.i18n import QT_TRANSLATE_NOOP, join_list
from app.services import households
from app.services.auth import Actor
from app.services.households import (
    CheckedRow,
    ImportCounts,
    RosterPreview,
    RosterSpec,
    RowResult,
)
from app.services.volunteers import roster as volunteer_roster
from app.services.volunteers.roster import VolunteerImportCounts, VolunteerRow
from app.views import table_models
from app.views.files import open_file_name
from app.views.pages import PageContext
from app.views.points.entries import confirm
from app.views.points.options import remember_mapping, remembered_mapping
from app.views.progress_dialog import run_with_progress
from app.views.screen import fit_window
from app.views.table_models import DISPLAY, GREEN, RED, ModelIndex
from app.views.tasks import LONG_WRITE, Task, run_task
from app.views.widgets import MessageLabel, error_text

FIELD_LABELS = {
    "number": QT_TRANSLATE_NOOP("RosterImportDialog", "Household number (户号)"),
    "name": QT_TRANSLATE_NOOP("RosterImportDialog", "Name (姓名) *"),
    "relation": QT_TRANSLATE_NOOP("RosterImportDialog", "Relation (与户主关系)"),
    "id_number": QT_TRANSLATE_NOOP("RosterImportDialog", "ID number (身份证号)"),
    "phone": QT_TRANSLATE_NOOP("RosterImportDialog", "Phone (联系电话)"),
    "group_name": QT_TRANSLATE_NOOP("RosterImportDialog", "Village group (村民小组)"),
    "address": QT_TRANSLATE_NOOP("RosterImportDialog", "Address (住址)"),
    "sex": QT_TRANSLATE_NOOP("RosterImportDialog", "Sex (性别)"),
    "birth_date": QT_TRANSLATE_NOOP("RosterImportDialog", "Birth date (出生日期)"),
    "id_type": QT_TRANSLATE_NOOP("RosterImportDialog", "ID type (证件类型)"),
    "skills": QT_TRANSLATE_NOOP("RosterImportDialog", "Skills (技能特长)"),
    "service_categories": QT_TRANSLATE_NOOP("RosterImportDialog", "Service categories (服务类别)"),
    "teams": QT_TRANSLATE_NOOP("RosterImportDialog", "Teams (志愿服务队)"),
}


@dataclass(frozen=True)
class RosterKind:
    """One roster the dialog can import: its spec and its check and commit services.

    ``validate(db, preview, mapping, groups)`` returns the checked rows;
    ``commit(db, actor, good_rows)`` writes them in one transaction.
    """

    spec: RosterSpec
    validate: Callable[
        [Database, RosterPreview, dict[str, int], Sequence[str] | None], Sequence[CheckedRow]
    ]
    commit: Callable[[Database, Actor, list[Any]], Any]


HOUSEHOLD_ROSTER = RosterKind(
    households.HOUSEHOLDS, households.validate_rows, households.commit_import
)
VOLUNTEER_ROSTER = RosterKind(
    volunteer_roster.VOLUNTEERS,
    volunteer_roster.validate_volunteer_rows,
    volunteer_roster.commit_volunteer_import,
)


class RowsModel(table_models.RowsModel):
    """The checked rows of a roster; ``UserRole`` says whether a row is good."""

    ROW, NUMBER, NAME, RESULT = range(4)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = "households"  # the second column: the 户号, or a volunteer's teams

    def headers(self) -> tuple[str, ...]:
        second = self.tr("Household") if self.kind == "households" else self.tr("Teams")
        return (self.tr("Row"), second, self.tr("Name"), self.tr("Result"))

    def cell(self, r: CheckedRow, column: int) -> str:
        if column == self.ROW:
            return str(r.row_no)
        if column == self.NUMBER:
            if isinstance(r, RowResult):
                return r.number + (" ↓" if r.fill_down else "")
            if isinstance(r, VolunteerRow):
                return join_list(r.team_names)
            return ""
        if column == self.NAME:
            return r.name
        if r.ok:
            return self.tr("OK")
        return " ".join(p.text for p in r.problems)

    def foreground(self, r: CheckedRow, column: int) -> QColor | None:
        if column != self.RESULT:
            return None
        return GREEN if r.ok else RED

    def data(self, index: ModelIndex, role: int = DISPLAY) -> Any:
        if role == Qt.ItemDataRole.UserRole and index.isValid():
            return self.rows[index.row()].ok
        return super().data(index, role)


class _ProblemsOnly(QSortFilterProxyModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.only_problems = False

    def set_only_problems(self, on: bool) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+
            self.beginFilterChange()
            self.only_problems = on
            self.endFilterChange()
        else:  # pragma: no cover - older Qt
            self.only_problems = on
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        if not self.only_problems:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        return not index.data(Qt.ItemDataRole.UserRole)


class RosterImportDialog(QDialog):
    def __init__(
        self,
        ctx: PageContext,
        parent: QWidget | None = None,
        kind: RosterKind = HOUSEHOLD_ROSTER,
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setObjectName("roster_import")
        if kind.spec.kind == "volunteers":
            self.setWindowTitle(self.tr("Import volunteers from Excel"))
        else:
            self.setWindowTitle(self.tr("Import a roster from Excel"))
        self.ctx = ctx
        self.path: Path | None = None
        self.preview: RosterPreview | None = None
        self.results: list[CheckedRow] = []
        self.summary = ""
        self.counts: ImportCounts | VolunteerImportCounts | None = None
        self.commit_task: Task | None = None

        self.file_label = QLabel(self.tr("No file chosen."))
        self.file_label.setObjectName("roster_file")
        self.choose_button = QPushButton(self.tr("&Choose file…"))
        self.choose_button.setObjectName("roster_choose")
        self.choose_button.clicked.connect(self.choose_file)
        self.sheet = QComboBox()
        self.sheet.setObjectName("roster_sheet")
        self.sheet.activated.connect(self._sheet_chosen)
        top = QHBoxLayout()
        top.addWidget(self.choose_button)
        top.addWidget(self.file_label, 1)
        top.addWidget(QLabel(self.tr("Sheet:")))
        top.addWidget(self.sheet)

        self.mapping_box = QGroupBox(self.tr("Which column holds what"))
        grid = QGridLayout(self.mapping_box)
        self.field_combos: dict[str, QComboBox] = {}
        for i, fld in enumerate(kind.spec.fields):
            combo = QComboBox()
            combo.setObjectName(f"map_{fld}")
            combo.setMinimumContentsLength(12)
            self.field_combos[fld] = combo
            grid.addWidget(QLabel(self.tr(FIELD_LABELS[fld])), i // 3, (i % 3) * 2)
            grid.addWidget(combo, i // 3, (i % 3) * 2 + 1)
        self.existing_groups = QCheckBox(self.tr("Groups must already exist at the station"))
        self.existing_groups.setObjectName("roster_existing_groups")
        self.check_button = QPushButton(self.tr("C&heck rows"))
        self.check_button.setObjectName("roster_check")
        self.check_button.clicked.connect(self.validate)
        check_row = QHBoxLayout()
        check_row.addWidget(self.existing_groups)
        check_row.addStretch(1)
        check_row.addWidget(self.check_button)

        self.rows_model = RowsModel(self)
        self.rows_model.kind = kind.spec.kind
        self.proxy = _ProblemsOnly(self)
        self.proxy.setSourceModel(self.rows_model)
        self.table = QTableView()
        self.table.setObjectName("roster_rows")
        self.table.setModel(self.proxy)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.only_problems = QCheckBox(self.tr("Show only rows with problems"))
        self.only_problems.setObjectName("roster_only_problems")
        self.only_problems.toggled.connect(self.proxy.set_only_problems)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("roster_summary")
        self.summary_label.setWordWrap(True)
        self.message = MessageLabel()
        self.message.setObjectName("roster_message")
        self.busy = QProgressBar()
        self.busy.setObjectName("roster_busy")
        self.busy.setRange(0, 0)
        self.busy.hide()

        self.import_button = QPushButton(self.tr("&Import"))
        self.import_button.setObjectName("roster_import_button")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.commit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.rejected.connect(self.reject)
        self.mapping_box.setEnabled(False)
        self.check_button.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.mapping_box)
        layout.addLayout(check_row)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.only_problems)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        fit_window(self, 900, 640)

    # --- busy state ----------------------------------------------------------------------

    def _busy(self, on: bool) -> None:
        self.busy.setVisible(on)
        self.choose_button.setEnabled(not on)
        self.check_button.setEnabled(not on and self.preview is not None)
        self.mapping_box.setEnabled(not on and self.preview is not None)
        if on:
            self.import_button.setEnabled(False)

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        self.message.show_error(error_text(exc))
        self._update_import_button()

    # --- step 1: the file -------------------------------------------------------------------

    def choose_file(self) -> None:
        path = open_file_name(
            self, self.tr("Choose the roster"), self.tr("Excel workbooks (*.xlsx)")
        )
        if path:
            self.load_file(Path(path))

    def load_file(self, path: Path, sheet: str | None = None) -> None:
        self.path = path
        self.preview = None
        self.results = []
        self.rows_model.set_rows([])
        self.summary_label.setText("")
        self.message.clear_message()
        self.file_label.setText(path.name)
        self._busy(True)
        run_task(
            households.read_roster,
            path,
            sheet,
            spec=self.kind.spec,
            on_done=self._read,
            on_error=self._read_failed,
            receiver=self,
        )

    def _read_failed(self, exc: BaseException) -> None:
        self.preview = None
        self._failed(exc)

    def _sheet_chosen(self, _index: int) -> None:
        if self.path is not None:
            self.load_file(self.path, self.sheet.currentText())

    def _read(self, preview: RosterPreview) -> None:
        self.preview = preview
        self.sheet.blockSignals(True)
        self.sheet.clear()
        self.sheet.addItems(list(preview.sheet_names))
        self.sheet.setCurrentText(preview.sheet)
        self.sheet.blockSignals(False)
        mapping = dict(preview.mapping)
        fields = self.kind.spec.fields
        remembered = remembered_mapping(self.ctx.settings, self.kind.spec.kind)
        if remembered and all(h in preview.headers for h in remembered.values()):
            mapping = {f: preview.headers.index(h) for f, h in remembered.items() if f in fields}
        for fld, combo in self.field_combos.items():
            combo.clear()
            combo.addItem(self.tr("(none)"), -1)
            for col, text in enumerate(preview.headers):
                combo.addItem(f"{_column_letter(col)}: {text}", col)
            combo.setCurrentIndex(max(0, combo.findData(mapping.get(fld, -1))))
        self.summary_label.setText(
            self.tr("%n rows below the header on row {header}.", "", len(preview.rows)).format(
                header=preview.header_row
            )
        )
        self._busy(False)
        self.validate()

    def mapping(self) -> dict[str, int]:
        chosen = {}
        for fld, combo in self.field_combos.items():
            col = combo.currentData()
            if col is not None and int(col) >= 0:
                chosen[fld] = int(col)
        return chosen

    # --- step 2: the rows ------------------------------------------------------------------

    def validate(self) -> None:
        if self.preview is None:
            return
        self.results = []  # a new mapping: the old verdicts no longer hold
        self.rows_model.set_rows([])
        self._busy(True)
        self.message.clear_message()
        run_task(
            _validate,
            self.kind,
            self.ctx.db,
            self.preview,
            self.mapping(),
            self.existing_groups.isChecked(),
            on_done=self._validated,
            on_error=self._failed,
            receiver=self,
        )

    def _validated(self, results: Sequence[CheckedRow]) -> None:
        self._busy(False)
        self.results = list(results)
        self.rows_model.set_rows(results)
        self.table.resizeRowsToContents()
        good = sum(1 for r in results if r.ok)
        bad = len(results) - good
        self.summary_label.setText(
            self.tr(
                "{good} rows can be imported; {bad} rows have problems (listed in red)."
            ).format(good=good, bad=bad)
        )
        if bad:
            self.only_problems.setChecked(True)
        self._update_import_button()

    def good_rows(self) -> list[CheckedRow]:
        return [r for r in self.results if r.ok]

    def _update_import_button(self) -> None:
        good = len(self.good_rows())
        self.import_button.setEnabled(good > 0 and not self.busy.isVisible())
        self.import_button.setText(
            self.tr("&Import %n rows", "", good) if good else self.tr("&Import")
        )

    # --- step 3: commit ---------------------------------------------------------------------

    def commit(self) -> None:
        rows = self.good_rows()
        if not rows:
            return
        bad = len(self.results) - len(rows)
        text = self.tr("Import %n rows now?", "", len(rows))
        if bad:
            text += " " + self.tr("%n rows with problems will be left out.", "", bad)
        if not confirm(self, self.windowTitle(), text):
            return
        self._busy(True)
        self.message.show_info(self.tr("Importing…"))
        self.commit_task = run_with_progress(
            self,
            self.windowTitle(),
            self.kind.commit,
            self.ctx.db,
            self.ctx.actor,
            rows,
            label=self.tr("Importing…"),
            label_for=lambda done, total, _t: self.tr("Imported {done} of {total}…").format(
                done=done, total=total
            ),
            write=LONG_WRITE,
            on_done=self._committed,
            on_error=self._failed,
            on_cancelled=self._commit_cancelled,
            receiver=self,
        )

    def _commit_cancelled(self) -> None:
        self._busy(False)
        self.message.show_info(
            self.tr(
                "Import stopped. What was written before stays; importing the same file "
                "again shows those rows as already there."
            )
        )

    def _committed(self, counts: ImportCounts | VolunteerImportCounts) -> None:
        self._busy(False)
        self.counts = counts
        if self.preview is not None:
            headers = self.preview.headers
            remember_mapping(
                self.ctx.settings,
                {f: headers[c] for f, c in self.mapping().items() if c < len(headers)},
                self.kind.spec.kind,
            )
        if isinstance(counts, VolunteerImportCounts):
            self.summary = self.tr(
                "Imported: %n volunteers, numbers {first} to {last}.", "", counts.volunteers_created
            ).format(first=counts.first_number, last=counts.last_number)
        else:
            self.summary = self.tr(
                "Imported: {households} new households, {members} residents."
            ).format(households=counts.households_created, members=counts.members_added)
        self.accept()


def _validate(
    kind: RosterKind, db: Database, preview: RosterPreview, mapping: dict[str, int], existing: bool
) -> Sequence[CheckedRow]:
    groups = households.list_groups(db) if existing else None
    return kind.validate(db, preview, mapping, groups)


def _column_letter(col: int) -> str:
    letters = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters
