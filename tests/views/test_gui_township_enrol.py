"""A station enrols its township by a button on its 同步 page (issue 14): the 乡镇
section, the dialog with the fingerprint large and a tick that it matches, and a
corpus of hostile enrolment files — each refused in the dialog with its own
sentence, nothing changed.  Driven at 1366×768 by clicks where the widgets are."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget
from township_fixtures import World, close_benches, make_township, town_template, world

from app.i18n import restore_catalog, use_catalog
from app.services import auth
from app.settings import SYNC_FOLDER, Settings
from app.sync.enrol import (
    MAX_BYTES,
    enrolled_township,
    read_enrolment,
    read_township_enrolment,
    write_enrolment,
)
from app.sync.errors import EnrolmentRefused
from app.views import files, screen
from app.views.main_window import MainWindow
from app.views.session import Workbench
from app.views.sync.page import SyncPage
from app.views.sync.township_dialog import TownshipEnrolDialog
from app.views.tasks import default_runner

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "services"))
from digests import table_digests

__all__ = ["town_template", "world"]  # fixtures

_CJK = re.compile(r"[\u4e00-\u9fff]")


def settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(default_runner().is_idle, timeout=15_000)
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def click_at(qtbot, window: QWidget, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    """Click the window where *widget* is drawn: the widget Qt finds there gets it."""
    point = widget.mapTo(window, widget.rect().center())
    assert window.rect().contains(point), (widget.objectName(), point)
    target = window.childAt(point)
    hit: QWidget | None = target
    while hit is not None and hit is not widget:
        hit = hit.parentWidget()
    assert target is not None and hit is widget, (widget.objectName(), target)
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=target.mapFrom(window, point))


@pytest.fixture
def station(qtbot, world: World, tmp_path: Path) -> Iterator[tuple[MainWindow, SyncPage]]:  # type: ignore[no-untyped-def]
    """Station a's window at 1366×768 on its 同步 page (station mode, read at start)."""
    made: list[Workbench] = []
    screen.emulate_screen(QRect(0, 0, 1366, 768), QRect(0, 0, 1366, 728))
    a = world.a
    settings = Settings(a.data_dir.settings_file)
    settings.set(SYNC_FOLDER, str(tmp_path / "stick"))
    bench = Workbench(a.db, a.data_dir, settings)
    made.append(bench)
    try:
        bench.start()
        qtbot.waitUntil(lambda: bench.login is not None, timeout=15_000)
        bench.enter(auth.login(a.db, "admin", "demo1234"))
        window = bench.window
        assert window is not None and window.ctx.mode == "station"
        screen.show_maximized(window)
        qtbot.waitExposed(window)
        page = window.show_page("sync")
        assert isinstance(page, SyncPage)
        settle(qtbot)
        yield window, page
    finally:
        close_benches(qtbot, made)
        screen.emulate_screen(None)


def open_dialog(qtbot, window: MainWindow, page: SyncPage) -> TownshipEnrolDialog:  # type: ignore[no-untyped-def]
    page.township_dialog = None
    scroll = page.township_button.parentWidget()
    while scroll is not None and not hasattr(scroll, "ensureWidgetVisible"):
        scroll = scroll.parentWidget()
    assert scroll is not None
    scroll.ensureWidgetVisible(page.township_button)  # type: ignore[attr-defined]
    settle(qtbot)
    click_at(qtbot, window, page.township_button)
    qtbot.waitUntil(
        lambda: page.township_dialog is not None and page.township_dialog.isVisible(),
        timeout=5_000,
    )
    dialog = page.township_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def choose(qtbot, dialog: TownshipEnrolDialog, path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(files, "open_file_name", lambda *_a: str(path))
    click_at(qtbot, dialog, dialog.choose_button)
    qtbot.waitUntil(
        lambda: dialog.enrolment is not None or dialog.message.kind == "error", timeout=15_000
    )
    settle(qtbot)


def test_the_station_enrols_its_township_after_ticking_that_the_fingerprint_matches(
    qtbot, station, world: World, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window, page = station
    town_file = write_enrolment(world.town.db, world.town.data_dir, tmp_path / "usb")
    expected = read_enrolment(town_file)
    qtbot.waitUntil(lambda: page.township_label.text() != "…", timeout=15_000)
    assert page.township_label.text() == "No township enrolled yet."

    dialog = open_dialog(qtbot, window, page)
    assert not dialog.enrol_button.isEnabled() and not dialog.fingerprint.isVisible()
    choose(qtbot, dialog, town_file, monkeypatch)
    assert dialog.fingerprint.isVisible() and dialog.fingerprint.text() == expected.fingerprint
    assert dialog.fingerprint.font().pointSizeF() >= 1.8 * dialog.font().pointSizeF()
    assert expected.name in dialog.township.text() and expected.code in dialog.township.text()
    # not before the tick: the button is disabled (a click on it does nothing)
    assert not dialog.enrol_button.isEnabled()
    click_at(qtbot, dialog, dialog.enrol_button)
    settle(qtbot)
    assert enrolled_township(world.a.db) is None and dialog.isVisible()

    click_at(qtbot, dialog, dialog.matches)
    assert dialog.matches.isChecked() and dialog.enrol_button.isEnabled()
    click_at(qtbot, dialog, dialog.enrol_button)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=15_000)
    settle(qtbot)
    township = enrolled_township(world.a.db)
    assert township is not None
    assert (township.station_id, township.fingerprint) == (
        world.town.station_id,
        expected.fingerprint,
    )
    qtbot.waitUntil(lambda: expected.fingerprint in page.township_label.text(), timeout=15_000)
    assert expected.name in page.township_label.text()
    assert expected.code in page.township_label.text()
    assert page.township_message.kind == "ok"

    # cancelled at the fingerprint: nothing happens (the same township stays)
    dialog = open_dialog(qtbot, window, page)
    choose(qtbot, dialog, town_file, monkeypatch)
    click_at(qtbot, dialog, dialog.cancel_button)
    settle(qtbot)
    assert not dialog.isVisible()


# --- hostile enrolment files -------------------------------------------------------------


def zero_bytes(world: World, town_file: Path, out: Path) -> Path:
    out.write_bytes(b"")
    return out


def truncated(world: World, town_file: Path, out: Path) -> Path:
    data = town_file.read_bytes()
    out.write_bytes(data[: len(data) * 2 // 3])
    return out


def a_stations_file(world: World, town_file: Path, out: Path) -> Path:
    return write_enrolment(world.b.db, world.b.data_dir, out.parent / "b")


def own_file(world: World, town_file: Path, out: Path) -> Path:
    return write_enrolment(world.a.db, world.a.data_dir, out.parent / "own")


def huge(world: World, town_file: Path, out: Path) -> Path:
    with out.open("wb") as fh:  # 300 MB, sparse: a file only its first bytes are read of
        fh.write(town_file.read_bytes())
        fh.truncate(300 * 1024 * 1024)
    return out


def bad_json(world: World, town_file: Path, out: Path) -> Path:
    out.write_bytes(town_file.read_bytes().replace(b'"code"', b'"code', 1))
    return out


def not_utf8(world: World, town_file: Path, out: Path) -> Path:
    out.write_bytes(b"\xff\xfe" + town_file.read_bytes())
    return out


def wrong_signature(world: World, town_file: Path, out: Path) -> Path:
    """The township's name edited; the signature is the original one."""
    body = json.loads(town_file.read_text(encoding="utf-8"))
    body["name"] = "伪造镇新时代文明实践所"
    out.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
    return out


def other_key(world: World, town_file: Path, out: Path) -> Path:
    """Another key put in with its own fingerprint, the township's signature kept."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    from app.services import keys

    public = Ed25519PrivateKey.generate().public_key()
    body = json.loads(town_file.read_text(encoding="utf-8"))
    body["public_key"] = public.public_bytes(Encoding.Raw, PublicFormat.Raw).hex()
    body["fingerprint"] = keys.fingerprint(public)
    out.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
    return out


def not_an_enrolment(world: World, town_file: Path, out: Path) -> Path:
    body = json.loads(town_file.read_text(encoding="utf-8"))
    body["kind"] = "wb-config"
    out.write_text(json.dumps(body), encoding="utf-8")
    return out


def json_list(world: World, town_file: Path, out: Path) -> Path:
    out.write_text("[1, 2, 3]", encoding="utf-8")
    return out


HOSTILE: dict[str, Callable[[World, Path, Path], Path]] = {
    "zero bytes": zero_bytes,
    "truncated": truncated,
    "a station's file": a_stations_file,
    "this station's own file": own_file,
    "huge": huge,
    "bad JSON": bad_json,
    "not UTF-8": not_utf8,
    "wrong signature": wrong_signature,
    "another key": other_key,
    "another kind of file": not_an_enrolment,
    "a JSON list": json_list,
}


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_a_hostile_enrolment_file_is_refused_in_the_dialog_and_changes_nothing(
    qtbot, station, world: World, tmp_path: Path, monkeypatch, kind: str
) -> None:  # type: ignore[no-untyped-def]
    window, page = station
    town_file = write_enrolment(world.town.db, world.town.data_dir, tmp_path / "usb")
    (tmp_path / "bad").mkdir()
    hostile = HOSTILE[kind](world, town_file, tmp_path / "bad" / "330481101000.wbenrol")
    settle(qtbot)
    before = table_digests(world.a.data_dir.database)
    keys_before = sorted(p.name for p in world.a.data_dir.keys.iterdir())

    dialog = open_dialog(qtbot, window, page)
    choose(qtbot, dialog, hostile, monkeypatch)
    assert dialog.message.kind == "error", dialog.message.text()
    assert hostile.name in dialog.message.text()
    assert "nothing was changed" in dialog.message.text().lower()
    assert not dialog.fingerprint.isVisible() and not dialog.enrol_button.isEnabled()
    click_at(qtbot, dialog, dialog.cancel_button)
    settle(qtbot)
    assert enrolled_township(world.a.db) is None
    assert table_digests(world.a.data_dir.database) == before
    assert sorted(p.name for p in world.a.data_dir.keys.iterdir()) == keys_before

    # the same refusal in Chinese, from the service the dialog and the CLI call
    catalog = use_catalog("zh_CN")
    try:
        with pytest.raises(EnrolmentRefused) as refused:
            read_township_enrolment(world.a.db, hostile)
        message = str(refused.value)
    finally:
        restore_catalog(catalog)
    assert _CJK.search(message) and message != refused.value.untranslated, message
    assert "没有做任何更改" in message, message


def test_a_second_township_is_refused_and_the_first_stays(
    qtbot, station, world: World, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from app.sync.enrol import enrol_township

    window, page = station
    town_file = write_enrolment(world.town.db, world.town.data_dir, tmp_path / "usb")
    enrol_township(world.a.db, world.a.data_dir, town_file)
    other = make_township(tmp_path / "other")
    try:
        other_file = write_enrolment(other.db, other.data_dir, tmp_path / "other-usb")
    finally:
        other.db.dispose()
    before = table_digests(world.a.data_dir.database)

    dialog = open_dialog(qtbot, window, page)
    choose(qtbot, dialog, other_file, monkeypatch)
    assert dialog.message.kind == "error"
    assert "another key" in dialog.message.text() and not dialog.enrol_button.isEnabled()
    click_at(qtbot, dialog, dialog.cancel_button)
    settle(qtbot)
    township = enrolled_township(world.a.db)
    assert township is not None and township.station_id == world.town.station_id
    assert table_digests(world.a.data_dir.database) == before


def test_only_the_first_bytes_of_a_huge_enrolment_file_are_read(tmp_path: Path) -> None:
    import tracemalloc

    path = tmp_path / "huge.wbenrol"
    with path.open("wb") as fh:
        fh.truncate(200 * 1024 * 1024)
    tracemalloc.start()
    try:
        with pytest.raises(EnrolmentRefused):
            read_enrolment(path)
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 16 * MAX_BYTES, peak
