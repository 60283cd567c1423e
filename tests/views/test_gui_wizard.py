"""First run: the wizard creates the station, then its administrator can sign in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWizard

from app.models import StationMode
from app.services.station import get_station, is_set_up
from app.views.wizard import ADMIN_PAGE, DONE_PAGE, STATION_PAGE, SUMMARY_PAGE, FirstRunWizard


def click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def fill_station(qtbot, type_text, wizard: FirstRunWizard, code: str = "330481101001") -> None:  # type: ignore[no-untyped-def]
    form = wizard.station_page.form
    type_text(form.name, "东风村新时代文明实践站")
    qtbot.keyClicks(form.code, code)
    type_text(form.village, "东风村")
    type_text(form.township, "城关镇")
    type_text(form.county, "海宁市")
    type_text(form.leader, "王建国")
    qtbot.keyClicks(form.phone, "0573-87001234")


def fill_admin(qtbot, type_text, wizard: FirstRunWizard, password: str = "secret99") -> None:  # type: ignore[no-untyped-def]
    page = wizard.admin_page
    qtbot.keyClicks(page.username, "zhang")
    type_text(page.display_name, "张站长")
    qtbot.keyClicks(page.password, password)
    qtbot.keyClicks(page.repeat, password)


def test_first_run_wizard_sets_up_the_station_and_its_admin_signs_in(
    qtbot, db, make_workbench, wait_tasks, type_text
) -> None:  # type: ignore[no-untyped-def]
    bench = make_workbench(db)
    bench.start()
    qtbot.waitUntil(lambda: bench.wizard is not None and bench.wizard.isVisible())
    wizard = bench.wizard
    next_button = wizard.button(QWizard.WizardButton.NextButton)

    click(qtbot, next_button)  # village station is the default mode
    assert wizard.currentId() == STATION_PAGE
    form = wizard.station_page.form
    assert form.village.isVisible()

    # A wrong code is explained as it is typed, and blocks the way on.
    fill_station(qtbot, type_text, wizard, code="99048110100")
    assert form.code_message.isVisible() and form.code_message.kind == "error"
    assert "12 digits" in form.code_message.text()
    assert not next_button.isEnabled()
    qtbot.keyClick(form.code, "1")  # 12 digits, but 99 is no province
    assert "province" in form.code_message.text()
    form.code.clear()
    qtbot.keyClicks(form.code, "330481101001")
    assert form.code_message.kind == "ok"
    click(qtbot, next_button)

    assert wizard.currentId() == ADMIN_PAGE
    qtbot.keyClicks(wizard.admin_page.username, "zhang")
    type_text(wizard.admin_page.display_name, "张站长")
    qtbot.keyClicks(wizard.admin_page.password, "abc")
    assert "at least" in wizard.admin_page.message.text()
    qtbot.keyClicks(wizard.admin_page.password, "12345")
    qtbot.keyClicks(wizard.admin_page.repeat, "abc12399")
    assert "not the same" in wizard.admin_page.message.text()
    assert not next_button.isEnabled()
    wizard.admin_page.repeat.clear()
    qtbot.keyClicks(wizard.admin_page.repeat, "abc12345")
    click(qtbot, next_button)

    assert wizard.currentId() == SUMMARY_PAGE
    summary = wizard.summary_page.summary.text()
    assert "东风村新时代文明实践站" in summary and "330481101001" in summary and "张站长" in summary
    click(qtbot, wizard.button(QWizard.WizardButton.CommitButton))
    qtbot.waitUntil(lambda: wizard.currentId() == DONE_PAGE, timeout=10_000)
    wait_tasks()
    station = get_station(db)
    assert station.name == "东风村新时代文明实践站"
    assert station.mode == StationMode.STATION and station.leader_name == "王建国"
    assert wizard.done_page.fingerprint.text() == station.signing_key_fingerprint
    assert len(station.signing_key_fingerprint) == 39

    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    assert bench.window is not None and bench.actor is not None
    assert bench.actor.username == "zhang"
    window = bench.window
    qtbot.waitUntil(lambda: window.station_label.text() == "东风村新时代文明实践站")

    # Sign out, and sign in again with the new account.
    window.sign_out_action.trigger()
    assert bench.window is None
    login = bench.login
    assert login is not None and login.isVisible()
    assert login.username.text() == ""  # nobody has signed in through this dialog yet
    qtbot.keyClicks(login.username, "zhang")
    qtbot.keyClicks(login.password, "abc12345")
    click(qtbot, login.sign_in_button)
    qtbot.waitUntil(lambda: bench.window is not None, timeout=10_000)
    assert bench.actor is not None and bench.actor.display_name == "张站长"
    assert "张站长" in bench.window.operator_label.text()


def test_a_failed_set_up_keeps_every_field(qtbot, db, data_dir, wait_tasks, type_text) -> None:  # type: ignore[no-untyped-def]
    wizard = FirstRunWizard(db, data_dir)
    qtbot.addWidget(wizard)
    wizard.show()
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    click(qtbot, next_button)
    fill_station(qtbot, type_text, wizard)
    click(qtbot, next_button)
    fill_admin(qtbot, type_text, wizard)
    click(qtbot, next_button)
    # Meanwhile the keys folder got a key already: the service refuses.
    (data_dir.keys / "card.key").write_bytes(b"x" * 32)
    click(qtbot, wizard.button(QWizard.WizardButton.CommitButton))
    qtbot.waitUntil(lambda: wizard.summary_page.message.kind == "error", timeout=10_000)
    wait_tasks()
    assert wizard.currentId() == SUMMARY_PAGE
    assert not is_set_up(db)
    assert wizard.button(QWizard.WizardButton.BackButton).isEnabled()
    click(qtbot, wizard.button(QWizard.WizardButton.BackButton))
    click(qtbot, wizard.button(QWizard.WizardButton.BackButton))
    assert wizard.station_page.form.name.text() == "东风村新时代文明实践站"
    assert wizard.station_page.form.code.text() == "330481101001"


def test_township_mode_hides_the_village_and_wants_a_000_code(qtbot, db, data_dir) -> None:  # type: ignore[no-untyped-def]
    wizard = FirstRunWizard(db, data_dir)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.keyClick(wizard.mode_page.township, Qt.Key.Key_Space)
    assert wizard.mode_page.township.isChecked()
    hint = wizard.mode_page.findChild(QLabel, "hint")
    assert hint is not None and "later version" not in hint.text()
    assert "imports their sync files" in hint.text()
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    form = wizard.station_page.form
    assert not form.village.isVisible()
    qtbot.keyClicks(form.code, "330481101001")
    assert form.code_message.kind == "error" and "000" in form.code_message.text()


def test_a_township_set_up_opens_the_township_window(
    qtbot, db, make_workbench, wait_tasks, type_text
) -> None:  # type: ignore[no-untyped-def]
    bench = make_workbench(db)
    bench.start()
    qtbot.waitUntil(lambda: bench.wizard is not None and bench.wizard.isVisible())
    wizard = bench.wizard
    qtbot.keyClick(wizard.mode_page.township, Qt.Key.Key_Space)
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    form = wizard.station_page.form
    type_text(form.name, "城关镇新时代文明实践所")
    qtbot.keyClicks(form.code, "330481101000")
    type_text(form.township, "城关镇")
    type_text(form.county, "海宁市")
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    fill_admin(qtbot, type_text, wizard)
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    click(qtbot, wizard.button(QWizard.WizardButton.CommitButton))
    qtbot.waitUntil(lambda: wizard.currentId() == DONE_PAGE, timeout=10_000)
    wait_tasks()
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    assert bench.window is not None
    keys = [s.key for s in bench.window.specs]
    assert keys == ["home", "reports", "stations", "imports", "summary", "publish", "settings"]
