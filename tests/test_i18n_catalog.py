"""The commands without Qt translate from the .ts catalogue: every sentence comes out
exactly as Qt's compiled translators give it to the desktop app."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.i18n import read_catalog, restore_catalog, translate, use_catalog
from app.resources import translations_dir
from app.translations import install_translators


def test_the_catalogue_gives_the_same_chinese_as_qt(qapp) -> None:  # type: ignore[no-untyped-def]
    catalog = read_catalog(translations_dir() / "station_zh_CN.ts")
    assert len(catalog) > 1000
    install_translators(qapp, "zh_CN")
    try:
        differ = [
            (context, source)
            for (context, source), text in catalog.items()
            if QCoreApplication.translate(context, source) != text
        ]
    finally:
        install_translators(qapp, "en")
    assert differ == []


def test_translate_uses_the_catalogue_in_effect_and_restores_qt() -> None:
    before = use_catalog("zh_CN")
    try:
        assert translate("errors", "No such redemption.") == "找不到该兑换记录。"
        assert translate(
            "cli", "Slip {number} written to {file}.", number="DH-1", file="a.pdf"
        ) == ("兑换单 DH-1 已写入 a.pdf。")
        use_catalog("en")
        assert translate("errors", "No such redemption.") == "No such redemption."
    finally:
        restore_catalog(before)
    assert translate("errors", "No such redemption.") == "No such redemption."  # Qt, in English
