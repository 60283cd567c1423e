"""Small things a new user tripped over: spin box arrows, mnemonics, stale messages, Esc."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QDoubleSpinBox, QSpinBox

from app.views.application import apply_stylesheet


@pytest.fixture
def styled(qapp) -> Iterator[QApplication]:  # type: ignore[no-untyped-def]
    apply_stylesheet(qapp)
    yield qapp
    qapp.setStyleSheet("")


def _arrow_rows(widget, x0: int, top: bool) -> int:  # type: ignore[no-untyped-def]
    """Rows of the button column with a short dark run: the rows of an arrow (a blank
    button has only its long edges)."""
    image = widget.grab().toImage()
    half = image.height() // 2
    rows = range(0, half) if top else range(half, image.height())
    columns = range(x0, image.width() - 3)
    return sum(
        1 for y in rows if 1 <= sum(image.pixelColor(x, y).lightness() < 110 for x in columns) <= 10
    )


@pytest.mark.parametrize("cls", [QSpinBox, QDoubleSpinBox])
def test_spin_boxes_show_their_arrows(qtbot, styled, cls) -> None:  # type: ignore[no-untyped-def]
    spin = cls()
    qtbot.addWidget(spin)
    spin.setRange(0, 100)
    spin.setValue(50)  # both arrows enabled
    spin.resize(140, 36)
    spin.show()
    qtbot.waitExposed(spin)
    x0 = spin.width() - 20
    assert _arrow_rows(spin, x0, top=True) >= 4  # an up arrow, not a blank button
    assert _arrow_rows(spin, x0, top=False) >= 4


# --- the periods tab -------------------------------------------------------------------------


@pytest.fixture
def periods_tab(qtbot, station_db, data_dir, settings, wait_tasks):  # type: ignore[no-untyped-def]
    from gui_points_fixtures import page_context

    from app.views.points.tabs import PeriodsTab

    db, admin = station_db

    def make() -> PeriodsTab:
        tab = PeriodsTab(page_context(db, data_dir, settings, admin))
        qtbot.addWidget(tab)
        tab.resize(1100, 700)
        tab.show()
        wait_tasks()
        return tab

    return make


def test_open_period_is_offered_only_while_the_period_is_not_open(
    periods_tab, station_db, wait_tasks
) -> None:  # type: ignore[no-untyped-def]
    from app.services import points
    from app.services.points import PointsSettings

    tab = periods_tab()
    button = tab.period_buttons["open"]
    assert button.isEnabled()
    db, admin = station_db
    key = points.open_period(db, admin, PointsSettings(period_kind="year", base_points=60)).key
    tab.reload()
    wait_tasks()
    assert not button.isEnabled()
    assert key in button.toolTip() and "already opened" in button.toolTip()


def test_the_base_score_setting_agrees_with_the_periods_list(
    periods_tab, station_db, settings, wait_tasks
) -> None:  # type: ignore[no-untyped-def]
    """A station whose periods were opened with 60 (the demo, a copied folder) shows 60."""
    from app.services import points
    from app.services.points import PointsSettings
    from app.services.policy import get_points_policy
    from app.views.points.options import points_settings

    db, admin = station_db
    points.open_period(db, admin, PointsSettings(period_kind="year", base_points=60))
    tab = periods_tab()
    assert tab.model.rows[0].base_points == 60
    assert tab.base.value() == 60
    assert points_settings(db).base_points == 60  # the next period continues with it
    tab.base.setValue(50)
    tab.save_settings()
    wait_tasks()
    assert get_points_policy(db).base_points == 50
    tab.reload()
    wait_tasks()
    assert tab.base.value() == 50  # a saved choice is kept


def test_rating_tiers_are_edited_in_a_table_and_validated(
    periods_tab, station_db, wait_tasks
) -> None:  # type: ignore[no-untyped-def]
    from app.services.points import RatingTier
    from app.views.points.options import rating_tiers

    db, _ = station_db

    tab = periods_tab()
    editor = tab.tiers
    assert editor.table.rowCount() == 2
    assert editor.tiers() == [RatingTier("星级文明户", 120), RatingTier("文明信用户", 90)]
    editor.add_button.click()
    assert editor.table.rowCount() == 3
    tab.save_settings()
    assert tab.message.kind == "error" and "Tier 3 needs a title" in tab.message.text()
    editor.table.item(2, editor.LABEL).setText("星级文明户")
    tab.save_settings()
    assert "listed twice" in tab.message.text()
    editor.table.item(2, editor.LABEL).setText("五好家庭")
    editor.table.cellWidget(2, editor.SCORE).setValue(150)
    tab.save_settings()
    wait_tasks()
    assert tab.message.kind == "ok"
    assert rating_tiers(db)[0] == RatingTier("五好家庭", 150)
    editor.table.setCurrentCell(0, 0)
    editor.remove_button.click()
    assert [t.label for t in editor.tiers()] == ["星级文明户", "文明信用户"]


def test_the_ranking_size_box_says_what_it_is(periods_tab) -> None:  # type: ignore[no-untyped-def]
    tab = periods_tab()
    assert tab.top_n.text() == "top 10 places"
    assert tab.top_n.toolTip()


# --- the sign-in dialog ----------------------------------------------------------------------


def test_esc_on_the_sign_in_dialog_asks_before_quitting(qtbot, station_db, settings) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from app.views.login import LoginDialog

    db, _admin = station_db
    login = LoginDialog(db, settings)
    qtbot.addWidget(login)
    login.show()
    qtbot.waitExposed(login)
    rejected: list[bool] = []
    login.rejected.connect(lambda: rejected.append(True))
    qtbot.keyClick(login.password, Qt.Key.Key_Escape)
    box = login.quit_box
    assert box is not None and box.isVisible()
    assert box.text() == "Quit Station Workbench?"
    assert login.isVisible() and not rejected
    box.button(QMessageBox.StandardButton.No).click()
    qtbot.waitUntil(lambda: login.quit_box is None)
    assert login.isVisible() and not rejected  # "No": still at the sign-in
    qtbot.keyClick(login.password, Qt.Key.Key_Escape)
    box = login.quit_box
    assert box is not None
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: bool(rejected))
    assert not login.isVisible()


def test_the_quit_button_on_the_sign_in_dialog_quits_at_once(qtbot, station_db, settings) -> None:  # type: ignore[no-untyped-def]
    from app.views.login import LoginDialog

    db, _admin = station_db
    login = LoginDialog(db, settings)
    qtbot.addWidget(login)
    login.show()
    with qtbot.waitSignal(login.rejected):
        login.quit_button.click()
    assert login.quit_box is None
