"""设置 → 操作日志: browse the entries, filter by operator, see old → new."""

from __future__ import annotations

from app.models import Role
from app.services import audit, auth
from app.services.audit_log import AuditFilter, AuditPage
from app.views.settings_page import SettingsPage


def open_audit_tab(qtbot, window):  # type: ignore[no-untyped-def]
    page = window.show_page("settings")
    assert isinstance(page, SettingsPage) and page.audit_tab is not None
    page.show_tab(page.audit_tab)
    return page.audit_tab.browser


def test_filter_by_operator_and_see_old_and_new(
    qtbot, signed_in, station_db, operators, wait_tasks
) -> None:  # type: ignore[no-untyped-def]
    db, admin = station_db
    li = operators["li"]
    auth.set_role(db, admin, li.operator_id, Role.COUNTER)
    auth.change_own_password(db, operators["zhao"], "counter123", "counter456")
    _bench, window = signed_in
    browser = open_audit_tab(qtbot, window)
    model = browser.model
    qtbot.waitUntil(lambda: len(model.rows) == audit.count(db) and browser.operator.count() == 5)
    assert model.rows[0].action == "operator.change_password"
    assert model.data(model.index(0, model.ACTION)) == "Password changed"
    assert model.data(model.index(0, model.OPERATOR)) == "赵值守"

    browser.operator.setCurrentIndex(browser.operator.findText("王站长"))
    qtbot.waitUntil(
        lambda: bool(model.rows) and {r.operator_name for r in model.rows} == {"王站长"}
    )
    assert model.rows[0].action == "operator.set_role"
    assert model.data(model.index(0, model.KIND)) == "Operator"
    assert model.data(model.index(0, model.RECORD)) == "李实践"  # read from the operator

    browser.table.selectRow(0)
    changes = browser.changes
    shown = [
        tuple(changes.data(changes.index(r, c)) for c in range(3))
        for r in range(changes.rowCount())
    ]
    assert shown == [("Role", "Practice worker", "Supermarket counter")]
    assert "Role changed" in browser.detail_title.text()

    # The program's own entries (station set-up) under its own name.
    browser.operator.setCurrentIndex(browser.operator.findText("The program"))
    qtbot.waitUntil(lambda: bool(model.rows) and all(r.operator_id == "" for r in model.rows))
    assert model.data(model.index(model.rowCount() - 1, model.ACTION)) == "Station set up"
    wait_tasks()


def test_pages_load_as_the_list_scrolls_and_stale_answers_are_dropped(
    qtbot, signed_in, station_db, wait_tasks
) -> None:  # type: ignore[no-untyped-def]
    db, admin = station_db
    with db.write() as s:
        for i in range(250):
            audit.record(s, admin, "goods.update", "goods", f"g{i}", after={"name": f"商品{i}"})
    _bench, window = signed_in
    browser = open_audit_tab(qtbot, window)
    model = browser.model
    qtbot.waitUntil(lambda: len(model.rows) >= 100)
    wait_tasks()
    assert len(model.rows) < audit.count(db)  # one page at a time
    browser.table.scrollToBottom()
    qtbot.waitUntil(lambda: len(model.rows) >= 200)
    seqs = [r.seq for r in model.rows]
    assert seqs == sorted(set(seqs), reverse=True)  # no entry twice, newest first

    # An answer for an older filter arrives after the filter changed: dropped.
    old_serial, stale = model.serial, list(model.rows)
    browser.text.setText("商品7")
    browser.apply_filter()
    model._arrived(old_serial, AuditPage(stale, None))
    wait_tasks()
    qtbot.waitUntil(lambda: not model.loading)
    assert model.filter == AuditFilter(text="商品7")
    assert {r.label for r in model.rows} == {"商品7"} | {f"商品7{i}" for i in range(10)}
