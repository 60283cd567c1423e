"""Chinese is complete: every UI string in app/ has a finished zh_CN translation."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "station_zh_CN.ts"
TS_EN = ROOT / "resources" / "translations" / "station_en.ts"
FIELD = re.compile(r"\{[a-z_0-9]*\}")


def _texts(translation: ET.Element | None) -> list[str]:
    """The translated text, or each plural form of a plural message."""
    if translation is None:
        return [""]
    forms = translation.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [translation.text or ""]


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(ts)
    found = {}
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message.find("translation")
    return found  # type: ignore[return-value]


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> set[tuple[str, str]]:
    out = tmp_path_factory.mktemp("ts") / "extract.ts"
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "app").rglob("*.py"))
    subprocess.run(
        [str(lupdate), *sources, "-ts", str(out)], cwd=ROOT, check=True, capture_output=True
    )
    return set(_messages(out))


def test_every_ui_string_has_a_finished_chinese_translation(
    extracted: set[tuple[str, str]],
) -> None:
    committed = _messages(TS)
    missing = sorted(k for k in extracted if k not in committed)
    unfinished = sorted(
        k
        for k in extracted
        if k in committed
        and (
            committed[k] is None
            or not all(t.strip() for t in _texts(committed[k]))
            or committed[k].get("type") == "unfinished"
        )
    )
    assert not missing, f"run scripts/build_translations.py --update: {missing[:10]}"
    assert not unfinished, f"untranslated in station_zh_CN.ts: {unfinished[:10]}"


def test_translations_keep_every_named_field() -> None:
    for ts in (TS, TS_EN):
        for (context, source), translation in _messages(ts).items():
            for text in _texts(translation):
                if text:
                    assert sorted(FIELD.findall(source)) == sorted(FIELD.findall(text)), (
                        context,
                        source,
                        text,
                    )


def test_compiled_chinese_is_loaded_by_default(qapp: object) -> None:
    from app.errors import AuthenticationFailed
    from app.translations import install_translators

    assert install_translators(qapp, None) == "zh_CN"  # type: ignore[arg-type]
    try:
        assert str(AuthenticationFailed("Wrong user name or password.")) == "用户名或密码错误。"
    finally:
        install_translators(qapp, "en")  # type: ignore[arg-type]
    assert str(AuthenticationFailed("Wrong user name or password.")) == (
        "Wrong user name or password."
    )


def test_every_plural_message_has_english_singular_and_plural_forms(
    extracted: set[tuple[str, str]],
) -> None:
    english = _messages(TS_EN)
    plural = {k for k in english if "%n" in k[1]}
    assert plural, "station_en.ts holds the plural messages"
    for key in sorted(k for k in extracted if "%n" in k[1]):
        assert key in english, f"run scripts/build_translations.py --update: {key}"
        forms = _texts(english[key])
        assert len(forms) == 2 and all(f.strip() for f in forms), key
        assert english[key].get("type") != "unfinished", key


def test_counts_read_naturally_in_both_languages(qapp: object) -> None:
    from PySide6.QtCore import QCoreApplication

    from app.i18n import hours_with_unit, join_list
    from app.translations import install_translators

    def tr(n: int) -> str:
        return QCoreApplication.translate("ActivitiesPage", "%n activities", "", n)

    install_translators(qapp, "en")  # type: ignore[arg-type]
    assert (tr(1), tr(2), tr(0)) == ("1 activity", "2 activities", "0 activities")
    assert join_list(["1-1", "1-2"]) == "1-1, 1-2"
    assert hours_with_unit(570) == "9.5 h"
    install_translators(qapp, "zh_CN")  # type: ignore[arg-type]
    try:
        assert (tr(1), tr(2)) == ("共 1 场活动", "共 2 场活动")
        assert join_list(["1-1", "1-2"]) == "1-1、1-2"
        assert hours_with_unit(570) == "9.5 小时"
    finally:
        install_translators(qapp, "en")  # type: ignore[arg-type]


def test_qt_own_dialogs_speak_chinese(qapp: object) -> None:
    """Qt's file dialog labels ("Look in:", "Files of type:") in the Chinese UI."""
    from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLabel

    from app.translations import install_translators

    install_translators(qapp, "zh_CN")  # type: ignore[arg-type]
    try:
        for mode in (QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave):
            dialog = QFileDialog(None, "x", str(ROOT), "PDF (*.pdf)")
            dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
            dialog.setAcceptMode(mode)
            texts = [w.text() for w in dialog.findChildren(QLabel)]
            texts += [w.text() for w in dialog.findChildren(QAbstractButton)]
            english = [t for t in texts if re.search("[A-Za-z]{2}", t.replace("PDF", ""))]
            assert not english, english
            dialog.deleteLater()
    finally:
        install_translators(qapp, "en")  # type: ignore[arg-type]
