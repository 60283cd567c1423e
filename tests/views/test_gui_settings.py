"""The settings area: operators, station facts, backup and restore, audit log."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from app.models import Role
from app.services import auth
from app.services.backup import list_backups
from app.services.station import get_station
from app.views.settings_page import SettingsPage


def click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def open_settings(window) -> SettingsPage:  # type: ignore[no-untyped-def]
    page = window.show_page("settings")
    assert isinstance(page, SettingsPage)
    return page


def test_admin_adds_an_operator_resets_and_disables_them(
    qtbot, signed_in, station_db, monkeypatch, wait_tasks, type_text
) -> None:  # type: ignore[no-untyped-def]
    db, _admin = station_db
    _bench, window = signed_in
    page = open_settings(window)
    assert page.tab_titles() == [
        "Station",
        "Operators",
        "Backup && restore",
        "Audit log",
        "Sync",
        "Interface",
    ]
    tab = page.operators_tab
    page.show_tab(tab)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)

    click(qtbot, tab.add_button)
    dialog = tab.dialog
    qtbot.keyClicks(dialog.username, "li")
    type_text(dialog.display_name, "李实践")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.WORKER))
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2)
    wait_tasks()
    shown = tab.dialog
    assert shown is not None and shown.objectName() == "temporary_password_dialog"
    temporary = shown.password.text()
    assert len(temporary) == 8
    li = auth.login(db, "li", temporary)
    assert li.role == Role.WORKER and auth.must_change_password(db, li)
    shown.accept()

    # Reset: a new temporary password, shown once.
    tab.select_username("li")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    click(qtbot, tab.reset_button)
    qtbot.waitUntil(lambda: tab.dialog is not shown and tab.dialog is not None)
    new_temporary = tab.dialog.password.text()
    assert new_temporary != temporary
    auth.login(db, "li", new_temporary)
    wait_tasks()

    # Change the role, then disable.
    tab.select_username("li")
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Supermarket counter", True))
    click(qtbot, tab.role_button)
    qtbot.waitUntil(lambda: tab.model.rows[1].role == Role.COUNTER)
    wait_tasks()
    tab.select_username("li")
    assert tab.active_button.text() == "&Disable"
    click(qtbot, tab.active_button)
    qtbot.waitUntil(lambda: not tab.model.rows[1].active)
    assert "can no longer sign in" in tab.message.text()
    assert tab.model.data(tab.model.index(1, tab.model.ACTIVE)) == "Disabled"

    # The last administrator cannot be disabled: the service's message is shown.
    tab.select_username("admin")
    click(qtbot, tab.active_button)
    qtbot.waitUntil(lambda: tab.message.kind == "error")
    assert tab.message.text() == "The last active administrator cannot be disabled."
    wait_tasks()


def test_admin_edits_the_station_facts(qtbot, signed_in, station_db, wait_tasks, type_text) -> None:  # type: ignore[no-untyped-def]
    db, _admin = station_db
    _bench, window = signed_in
    page = open_settings(window)
    tab = page.station_tab
    qtbot.waitUntil(lambda: tab.form.name.text() == "东风村新时代文明实践站")
    tab.form.leader.clear()
    type_text(tab.form.leader, "李书记")
    tab.form.code.clear()
    qtbot.keyClicks(tab.form.code, "33048110100")
    assert not tab.save_button.isEnabled()
    qtbot.keyClicks(tab.form.code, "2")
    click(qtbot, tab.save_button)
    qtbot.waitUntil(lambda: tab.message.kind == "ok")
    info = get_station(db)
    assert info.leader_name == "李书记" and info.code == "330481101002"
    wait_tasks()


def test_backup_to_a_folder_and_restore_it(
    qtbot, signed_in, station_db, data_dir, tmp_path, monkeypatch, wait_tasks
) -> None:  # type: ignore[no-untyped-def]
    db, admin = station_db
    bench, window = signed_in
    page = open_settings(window)
    tab = page.backup_tab
    page.show_tab(tab)
    stick = tmp_path / "usb-stick"
    stick.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(stick))
    click(qtbot, tab.backup_folder_button)
    qtbot.waitUntil(lambda: tab.message.kind == "ok", timeout=10_000)
    saved = list_backups(stick)
    assert len(saved) == 1 and str(saved[0].path) in tab.message.text()
    wait_tasks()

    # Change something after the backup, then restore the backup.
    auth.create_operator(db, admin, "late", "晚来者", Role.WORKER, "password1")
    questions: list[str] = []

    def answer_yes(_parent, _title, text, *a, **k):  # type: ignore[no-untyped-def]
        questions.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer_yes)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(saved[0].path), ""))
    click(qtbot, tab.restore_file_button)
    qtbot.waitUntil(lambda: bench.window is None, timeout=15_000)
    assert "东风村新时代文明实践站" in questions[0] and "330481101001" in questions[0]
    login = bench.login
    assert login is not None and login.isVisible()
    assert "was restored" in login.message.text()
    assert [o.username for o in auth.list_operators(db, admin)] == ["admin"]
    assert any(b.kind == "pre-restore" for b in list_backups(data_dir.backups))

    # Everyone signs in again, on the restored data.
    qtbot.keyClicks(login.username, "admin")
    qtbot.keyClicks(login.password, "admin123")
    click(qtbot, login.sign_in_button)
    qtbot.waitUntil(lambda: bench.window is not None, timeout=10_000)
    wait_tasks()


def test_restore_can_be_declined_and_a_bad_file_is_explained(
    qtbot, signed_in, tmp_path, monkeypatch, wait_tasks
) -> None:  # type: ignore[no-untyped-def]
    bench, window = signed_in
    page = open_settings(window)
    tab = page.backup_tab
    page.show_tab(tab)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)  # today's automatic backup
    tab.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    click(qtbot, tab.restore_selected_button)
    qtbot.waitUntil(lambda: tab.message.text() == "Nothing was restored.")
    assert bench.window is window

    junk = tmp_path / "junk.wbak"
    junk.write_bytes(b"not a database at all" * 100)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(junk), ""))
    click(qtbot, tab.restore_file_button)
    qtbot.waitUntil(lambda: tab.message.kind == "error")
    assert "junk.wbak is not a usable station backup" in tab.message.text()
    assert bench.window is window
    wait_tasks()


def test_audit_log_check_reports_ok(qtbot, signed_in, station_db, wait_tasks) -> None:  # type: ignore[no-untyped-def]
    from app.services import audit

    db, _admin = station_db
    _bench, window = signed_in
    page = open_settings(window)
    tab = page.audit_tab
    page.show_tab(tab)
    click(qtbot, tab.verify_button)
    qtbot.waitUntil(lambda: tab.result.kind == "ok")
    assert tab.result.text() == (f"The audit log is intact: {audit.count(db)} entries checked.")
    assert tab.reason_text("content does not match its hash") == "its content was changed"
    wait_tasks()


def test_language_choice_is_saved(qtbot, signed_in, settings, wait_tasks) -> None:  # type: ignore[no-untyped-def]
    from app.settings import LANGUAGE

    _bench, window = signed_in
    page = open_settings(window)
    combo = page.interface_tab.language
    combo.setCurrentIndex(combo.findData("en"))
    assert settings.get(LANGUAGE) == "en"
    assert "Restart" in page.interface_tab.message.text()
    wait_tasks()


def test_the_full_data_check_names_a_drifted_balance(
    qtbot, signed_in, station_db, wait_tasks
) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    from app.services import households
    from app.services.households import HouseholdData, MemberData

    db, admin = station_db
    _bench, window = signed_in
    households.create_household(db, admin, HouseholdData("001"), MemberData(name="张三"))
    page = open_settings(window)
    tab = page.audit_tab
    page.show_tab(tab)
    click(qtbot, tab.check_button)
    qtbot.waitUntil(lambda: tab.check_result.kind == "ok", timeout=30_000)
    assert "Household points balances" in tab.check_result.text()
    with db.write() as s:
        s.execute(text("UPDATE household SET balance = 3"))
    click(qtbot, tab.check_button)
    qtbot.waitUntil(lambda: tab.check_result.kind == "error", timeout=30_000)
    assert "001: 3 ≠ 0" in tab.check_result.text()
    wait_tasks()
