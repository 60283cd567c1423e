"""设置 — the settings area: station facts (and, from there, the volunteer rules),
operators, backups, audit log, interface.

Tabs an operator's role does not allow are not shown (the services refuse
anyway), nor backups on a database server's store (``--db postgresql…``:
backed up with ``pg_dump``, not as a SQLite file).  Each tab is its own widget; operators and backups live in
:mod:`app.views.operators` and :mod:`app.views.backup_page`.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.db.dialect import is_sqlite
from app.errors import DomainError
from app.i18n import LANGUAGES
from app.services import audit
from app.services.audit import ChainReport
from app.services.auth import Permission
from app.services.checks import CheckResult, run_checks
from app.services.station import StationInfo, get_station, update_station
from app.settings import IDLE_LOCK_MINUTES, LANGUAGE
from app.sync import upload
from app.views.audit_browser import AuditBrowser
from app.views.backup_page import BackupTab
from app.views.operators import OperatorsTab
from app.views.pages import PageContext
from app.views.qtfix import emit
from app.views.tasks import run_task
from app.views.volunteers.policy import VolunteerPolicyDialog
from app.views.widgets import MessageLabel, StationFactsForm, error_text, heading


class StationTab(QWidget):
    """Edit the station's facts (its mode and identity stay as set up)."""

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.form = StationFactsForm()
        self.form.changed.connect(self._update_button)
        self.save_button = QPushButton(self.tr("S&ave"))
        self.save_button.setObjectName("save_station")
        self.save_button.clicked.connect(self.save)
        self.message = MessageLabel()
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_button)
        # the station's volunteer rules (quotas, kiosk, hours, stars): administrators
        self.rules_button = QPushButton(self.tr("Volunteer &rules…"))
        self.rules_button.setObjectName("open_volunteer_policy")
        self.rules_button.clicked.connect(self.edit_volunteer_rules)
        self.rules_dialog: VolunteerPolicyDialog | None = None
        rules = QHBoxLayout()
        rules.addWidget(self.rules_button)
        rules.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addLayout(rules)
        layout.addStretch(1)
        # after it has a parent: shown without one it would be a window of its own
        self.rules_button.setVisible(ctx.actor.can(Permission.MANAGE_SETTINGS))
        self.save_button.setEnabled(False)
        run_task(get_station, ctx.db, on_done=self._loaded, on_error=self._failed, receiver=self)

    def _loaded(self, info: StationInfo) -> None:
        self.form.set_info(info)
        self._update_button()

    def _update_button(self) -> None:
        self.save_button.setEnabled(self.form.is_complete())

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.message.show_error(error_text(exc))

    def save(self) -> None:
        self.save_button.setEnabled(False)
        run_task(
            update_station,
            self.ctx.db,
            self.ctx.actor,
            self.form.info(),
            write=True,
            on_done=self._saved,
            on_error=self._failed,
            receiver=self,
        )

    def edit_volunteer_rules(self) -> None:
        dialog = self.rules_dialog = VolunteerPolicyDialog(self.ctx, self)
        dialog.accepted.connect(
            lambda: self.message.show_ok(self.tr("The volunteer rules were saved."))
        )
        dialog.open()

    def _saved(self, info: StationInfo) -> None:
        self.form.set_info(info)
        self._update_button()
        self.message.show_ok(self.tr("The station's facts were saved."))
        emit(self.ctx.events.station_changed)


class AuditTab(QWidget):
    """Check the hash chain of the audit log and say plainly what was found;
    below, browse the entries (:mod:`app.views.audit_browser`)."""

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        intro = QLabel(
            self.tr(
                "Every change is written to the audit log, and each entry is linked to the one "
                "before it. Checking the log finds any entry that was changed or removed later."
            )
        )
        intro.setWordWrap(True)
        self.verify_button = QPushButton(self.tr("&Check the audit log"))
        self.verify_button.setObjectName("verify_audit")
        self.verify_button.clicked.connect(self.verify)
        self.result = MessageLabel()
        self.result.setObjectName("audit_result")
        self.check_button = QPushButton(self.tr("Check &all figures against the ledgers"))
        self.check_button.setObjectName("full_check")
        self.check_button.clicked.connect(self.check_all)
        self.check_result = MessageLabel()
        self.check_result.setObjectName("full_check_result")
        row = QHBoxLayout()
        row.addWidget(self.verify_button)
        row.addWidget(self.check_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.result)
        layout.addWidget(self.check_result)
        self.browser = AuditBrowser(ctx)
        layout.addWidget(self.browser, 1)

    def check_all(self) -> None:
        """Balances, stock, hours and the chain, recomputed from the ledgers (read-only)."""
        self.check_button.setEnabled(False)
        self.check_result.show_info(self.tr("Checking every figure… this can take a minute."))
        run_task(
            run_checks,
            self.ctx.db,
            full=True,
            on_done=self._checked_all,
            on_error=self._check_failed,
            receiver=self,
        )

    def _check_failed(self, exc: BaseException) -> None:
        self.check_button.setEnabled(True)
        self.check_result.show_error(error_text(exc))

    def _checked_all(self, results: list[CheckResult]) -> None:
        self.check_button.setEnabled(True)
        wrong = [r for r in results if not r.ok]
        if not wrong:
            self.check_result.show_ok(
                self.tr("All figures agree with their ledgers: {what}.").format(
                    what=self.tr(", ").join(r.title for r in results)
                )
            )
            return
        self.check_result.show_error(
            self.tr(
                "These figures differ from their ledgers (nothing was changed):\n{what}"
            ).format(what="\n".join(f"{r.title}: {'; '.join(r.problems)}" for r in wrong))
        )

    def reason_text(self, reason: str) -> str:
        known = {
            "missing or reordered entry": self.tr("an entry is missing or out of order"),
            "previous-hash link does not match": self.tr("it is not linked to the entry before it"),
            "content does not match its hash": self.tr("its content was changed"),
        }
        return known.get(reason, reason)

    def verify(self) -> None:
        self.verify_button.setEnabled(False)
        self.result.show_info(self.tr("Checking…"))
        run_task(
            audit.verify_chain,
            self.ctx.db,
            on_done=self._verified,
            on_error=self._failed,
            receiver=self,
        )

    def _failed(self, exc: BaseException) -> None:
        self.verify_button.setEnabled(True)
        self.result.show_error(error_text(exc))

    def _verified(self, report: ChainReport) -> None:
        self.verify_button.setEnabled(True)
        if report.ok:
            self.result.show_ok(
                self.tr("The audit log is intact: %n entries checked.", "", report.checked)
            )
        else:
            self.result.show_error(
                self.tr(
                    "The audit log is broken at entry {seq}: {reason}. "
                    "{n} entries before it are intact. Tell the township."
                ).format(
                    seq=report.broken_seq,
                    reason=self.reason_text(report.reason),
                    n=report.checked,
                )
            )


class InterfaceTab(QWidget):
    """Language and the idle lock; saved as soon as they change."""

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.language = QComboBox()
        self.language.setObjectName("language")
        # as wide as the longest language name, whatever the font
        self.language.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        current = self.language.findData(ctx.settings.get(LANGUAGE))
        self.language.setCurrentIndex(max(0, current))
        self.language.currentIndexChanged.connect(self._language_changed)
        language_note = QLabel(self.tr("Takes effect after the program is restarted."))
        language_note.setObjectName("hint")

        self.idle = QSpinBox()
        self.idle.setObjectName("idle_minutes")
        self.idle.setRange(0, 240)
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setSpecialValueText(self.tr("Never"))
        self.idle.setValue(ctx.settings.get(IDLE_LOCK_MINUTES))
        self.idle.setEnabled(ctx.actor.can(Permission.MANAGE_SETTINGS))
        self.idle.valueChanged.connect(self._idle_changed)
        idle_note = QLabel(self.tr("The screen locks after this long without use; 0 means never."))
        idle_note.setObjectName("hint")
        idle_note.setWordWrap(True)
        self.message = MessageLabel()

        form = QFormLayout(self)
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow("", language_note)
        form.addRow(self.tr("Lock the screen &after:"), self.idle)
        form.addRow("", idle_note)
        form.addRow("", self.message)

    def _language_changed(self) -> None:
        self.ctx.settings.set(LANGUAGE, str(self.language.currentData()))
        self.message.show_ok(self.tr("Saved. Restart the program to switch the language."))

    def _idle_changed(self, minutes: int) -> None:
        self.ctx.settings.set(IDLE_LOCK_MINUTES, int(minutes))
        emit(self.ctx.events.idle_lock_changed, int(minutes))


class SyncTab(QWidget):
    """The township server (hub) this station uploads to; empty: by USB stick only."""

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        intro = QLabel(
            self.tr(
                "When this PC has a network, the station sends its changes to the township "
                "server by itself and fetches the township's acknowledgement and config "
                "package. Leave the address empty to sync by USB stick only."
            )
        )
        intro.setWordWrap(True)
        self.message = MessageLabel()
        self.message.setObjectName("hub_message")
        self.url = QLineEdit()
        self.url.setObjectName("hub_url")
        self.url.setPlaceholderText("https://hub.example.cn")
        self.url.setMinimumWidth(240)
        self.url.returnPressed.connect(self.save)
        self.url.textEdited.connect(lambda _text: self.message.clear_message())
        can = ctx.actor.can(Permission.MANAGE_SETTINGS)
        self.url.setReadOnly(not can)
        self.save_button = QPushButton(self.tr("Sa&ve address"))
        self.save_button.setObjectName("save_hub_url")
        self.save_button.clicked.connect(self.save)
        self.save_button.setEnabled(can)
        self.test_button = QPushButton(self.tr("&Test connection"))
        self.test_button.setObjectName("test_hub")
        self.test_button.clicked.connect(self.test)
        row = QHBoxLayout()
        row.addWidget(self.url, 1)
        row.addWidget(self.save_button)
        row.addWidget(self.test_button)
        label = QLabel(self.tr("Township server &address:"))
        label.setBuddy(self.url)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(label)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addStretch(1)
        run_task(upload.hub_url, ctx.db, on_done=self.url.setText, receiver=self)

    def checked_url(self) -> str | None:
        """The address typed, checked; None (and the reason shown) when it is refused."""
        try:
            return upload.check_hub_url(self.url.text())
        except DomainError as exc:
            self.message.show_error(error_text(exc))
            self.url.setFocus()
            return None

    def save(self) -> None:
        url = self.checked_url()
        if url is None:
            return
        self.save_button.setEnabled(False)
        run_task(
            upload.set_hub_url,
            self.ctx.db,
            self.ctx.actor,
            url,
            write=True,
            on_done=self._saved,
            on_error=self._failed,
            receiver=self,
        )

    def _saved(self, url: str) -> None:
        self.save_button.setEnabled(True)
        self.url.setText(url)
        if url:
            self.message.show_ok(
                self.tr("Saved. The station uploads to {url} in the background.").format(url=url)
            )
        else:
            self.message.show_ok(self.tr("Saved. The station syncs by USB stick only."))
        from app.views.sync.uploader import uploader_for

        uploader_for(self.ctx, self).hub_url_changed()
        emit(self.ctx.events.station_changed)

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.test_button.setEnabled(True)
        self.message.show_error(error_text(exc))

    def test(self) -> None:
        url = self.checked_url()
        if url is None:
            return
        if not url:
            self.message.show_error(self.tr("Enter the township server's address first."))
            return
        self.test_button.setEnabled(False)
        self.message.show_info(self.tr("Asking {url}…").format(url=url))
        run_task(
            upload.check_connection,
            url,
            on_done=self._tested,
            on_error=self._failed,
            receiver=self,
            key="settings.test_hub",
        )

    def _tested(self, result: tuple[bool, str]) -> None:
        self.test_button.setEnabled(True)
        ok, text = result
        if ok:
            self.message.show_ok(text)
        else:
            self.message.show_error(text)


class SettingsPage(QWidget):
    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settings_tabs")
        actor = ctx.actor
        self.station_tab: StationTab | None = None
        self.operators_tab: OperatorsTab | None = None
        self.backup_tab: BackupTab | None = None
        self.audit_tab: AuditTab | None = None
        if actor.can(Permission.MANAGE_STATION):
            self.station_tab = StationTab(ctx)
            self.tabs.addTab(self.station_tab, self.tr("Station"))
        if actor.can(Permission.MANAGE_OPERATORS):
            self.operators_tab = OperatorsTab(ctx)
            self.tabs.addTab(self.operators_tab, self.tr("Operators"))
        if actor.can(Permission.BACKUP) and is_sqlite(ctx.db.engine):
            self.backup_tab = BackupTab(ctx)
            self.tabs.addTab(self.backup_tab, self.tr("Backup && restore"))
        if actor.can(Permission.VIEW_AUDIT):
            self.audit_tab = AuditTab(ctx)
            self.tabs.addTab(self.audit_tab, self.tr("Audit log"))
        self.sync_tab: SyncTab | None = None
        if ctx.mode == "station" and actor.can(Permission.MANAGE_STATION):
            self.sync_tab = SyncTab(ctx)
            self.tabs.addTab(self.sync_tab, self.tr("Sync"))
        self.interface_tab = InterfaceTab(ctx)
        self.tabs.addTab(self.interface_tab, self.tr("Interface"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Settings")))
        layout.addWidget(self.tabs)

    def tab_titles(self) -> list[str]:
        return [self.tabs.tabText(i) for i in range(self.tabs.count())]

    def show_tab(self, widget: QWidget) -> None:
        self.tabs.setCurrentWidget(widget)
