"""The end-to-end tests' widget probe: off unless asked for, and what it answers."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.views import test_probe


def test_the_probe_is_off_without_its_environment_variable(qapp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv(test_probe.ENV, raising=False)
    assert test_probe.install(qapp) is None


def test_the_probe_answers_a_request_with_the_widgets_on_screen(
    qapp, qtbot, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = QWidget()
    window.setObjectName("probe_window")
    button = QPushButton("确认")
    button.setObjectName("probe_button")
    secret = QLineEdit("demo1234")
    secret.setObjectName("probe_password")
    secret.setEchoMode(QLineEdit.EchoMode.Password)
    layout = QVBoxLayout(window)
    layout.addWidget(button)
    layout.addWidget(secret)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    monkeypatch.setenv(test_probe.ENV, str(tmp_path))
    probe = test_probe.install(qapp)
    assert probe is not None
    try:
        (tmp_path / "request").write_text("7", encoding="utf-8")
        answer = tmp_path / "widgets.json"
        qtbot.waitUntil(lambda: answer.exists() and not (tmp_path / "request").exists())
        data = json.loads(answer.read_text(encoding="utf-8"))
    finally:
        probe.timer.stop()
        probe.deleteLater()
    assert data["serial"] == "7"
    assert any(w["name"] == "probe_window" for w in data["windows"])
    shown = {w["name"]: w for w in data["widgets"]}
    found = shown["probe_button"]
    assert found["text"] == "确认" and found["window"] == "probe_window"
    top_left = button.mapToGlobal(button.rect().topLeft())
    assert (found["x"], found["y"], found["w"], found["h"]) == (
        top_left.x(),
        top_left.y(),
        button.width(),
        button.height(),
    )
    assert shown["probe_password"]["text"] == ""  # a password is never written out
