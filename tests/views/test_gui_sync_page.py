"""The station's 同步 page, driven as a person would at 1366×768: clicks on the
buttons where they are on the screen, the results read off the page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.services import keys
from app.settings import SYNC_FOLDER
from app.sync.envelope import open_envelope
from app.sync.export import describe_counts, sync_status
from app.views import screen
from app.views.tasks import default_runner


def settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(default_runner().is_idle, timeout=15_000)
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def click_on_screen(qtbot, window: QWidget, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    """Click the point of the window where *widget* is drawn: whatever is there gets it."""
    centre = widget.mapTo(window, QPoint(widget.width() // 2, widget.height() // 2))
    assert window.rect().contains(centre), (widget.objectName(), centre)
    target = window.childAt(centre)
    assert target is widget, (widget.objectName(), target)
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=target.mapFrom(window, centre))


@pytest.fixture
def sync_page(qtbot, station_db, make_workbench, settings, tmp_path) -> Iterator:  # type: ignore[no-untyped-def]
    db, admin = station_db
    stick = tmp_path / "stick"
    settings.set(SYNC_FOLDER, str(stick))
    screen.emulate_screen(QRect(0, 0, 1366, 768), QRect(0, 0, 1366, 728))
    try:
        bench = make_workbench(db)
        bench.enter(admin)
        window = bench.window
        assert window is not None
        screen.show_maximized(window)
        qtbot.waitExposed(window)
        page = window.show_page("sync")
        settle(qtbot)
        yield window, page, stick
    finally:
        screen.emulate_screen(None)


def test_export_writes_the_file_and_says_what_it_holds(qtbot, sync_page, station_db) -> None:  # type: ignore[no-untyped-def]
    window, page, stick = sync_page
    db, _admin = station_db
    waiting = sync_status(db).waiting
    assert waiting > 0
    assert page.waiting.text() == ("1 change" if waiting == 1 else f"{waiting} changes")
    assert page.acked.text().startswith("none yet")

    click_on_screen(qtbot, window, page.export_button)
    qtbot.waitUntil(lambda: page.last_summary is not None, timeout=20_000)
    settle(qtbot)

    files = list(stick.glob("*.wbsync"))
    assert len(files) == 1
    manifest = open_envelope(files[0]).manifest
    words = describe_counts(manifest["counts"])
    assert words
    text = page.export_message.text()
    assert page.export_message.kind == "ok"
    assert files[0].name in text and str(stick) in text
    for word in words:
        assert word in text
    assert page.last_export.text() != "never"


def test_full_export_asks_first_and_sends_everything(qtbot, sync_page, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window, page, stick = sync_page
    asked: list[str] = []

    def answer(_parent, _title, text, *_args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    click_on_screen(qtbot, window, page.full_button)
    qtbot.waitUntil(lambda: page.last_summary is not None, timeout=20_000)
    assert asked and "township asks for it" in asked[0]
    assert page.last_summary.full and page.last_summary.seq_from == 1
    assert (stick / page.last_summary.path.name).exists()


def test_enrolment_file_and_fingerprint(qtbot, sync_page, data_dir) -> None:  # type: ignore[no-untyped-def]
    window, page, stick = sync_page
    fingerprint = keys.load_keys(data_dir.keys).fingerprint
    assert page.fingerprint.text() == fingerprint
    assert len(fingerprint.split(" ")) == 8 and all(len(g) == 4 for g in fingerprint.split(" "))
    assert page.fingerprint.font().pointSize() > page.font().pointSize()

    click_on_screen(qtbot, window, page.enrol_button)
    qtbot.waitUntil(lambda: page.enrolment_path is not None, timeout=15_000)
    assert page.enrolment_path.parent == stick and page.enrolment_path.exists()
    assert page.enrolment_path.name in page.enrol_message.text()


def test_a_stick_that_cannot_be_written_is_refused_in_words(
    qtbot, sync_page, settings, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    """A folder that is not there any more (the stick was pulled): the page says so, and no
    file is left under a sync file's name."""
    window, page, _stick = sync_page
    gone = tmp_path / "pulled"
    gone.write_text("not a folder")
    page.set_folder(gone / "stick")
    click_on_screen(qtbot, window, page.export_button)
    qtbot.waitUntil(lambda: page.export_message.kind == "error", timeout=20_000)
    settle(qtbot)
    text = page.export_message.text()
    assert "could not be written" in text and "nothing was marked as synced" in text
    assert "Something went wrong" not in text
    assert page.last_summary is None
    assert not list(tmp_path.rglob("*.wbsync"))
    assert page.export_button.isEnabled()


def test_config_package_import_shows_the_acknowledgement(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Two demo stations and their township: the township publishes a config package,
    station A imports it on its 同步 page — the version in force and the township's
    acknowledgement appear, and the changes waiting drop."""
    from app.db import Database
    from app.demo import station as demo
    from app.demo.township import FOLDERS, create_township_demo
    from app.paths import DataDir
    from app.services import auth
    from app.settings import Settings
    from app.sync import config
    from app.views.pages import AppEvents, PageContext
    from app.views.sync.page import SyncPage

    tiny = demo.DemoSize(
        households=8, volunteers=4, activities=2, ledger_entries=60, redemptions=5, scan_events=20
    )
    root = tmp_path / "demo"
    create_township_demo(root, tiny)
    a_dir, _b_dir, town_dir = (DataDir(root / name) for name in FOLDERS)
    town = Database(town_dir.database)
    package = config.publish_config(town, town_dir, root / "usb").path
    town.dispose()
    db = Database(a_dir.database)
    try:
        admin = auth.login(db, "admin", demo.DEMO_PASSWORD)
        events = AppEvents()
        page = SyncPage(PageContext(db, a_dir, Settings(a_dir.settings_file), admin, events))
        qtbot.addWidget(page)
        page.show()
        settle(qtbot)
        before = sync_status(db)
        assert before.acked_seq == 0 and before.waiting > 0
        assert "No config package" in page.config_status.text()
        page.import_config_file(package)
        qtbot.waitUntil(lambda: page.config_message.kind == "ok", timeout=20_000)
        settle(qtbot)
        after = sync_status(db)
        assert after.acked_seq > 0 and after.waiting < before.waiting
        assert "Version 1" in page.config_status.text()
        assert f"up to change {after.acked_seq} (config package of" in page.acked.text()
        assert page.waiting.text() in ("none", "1 change", f"{after.waiting} changes")
    finally:
        db.dispose()
