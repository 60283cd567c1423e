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
FIELD = re.compile(r"\{[a-z_0-9]*\}")


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
            or not (committed[k].text or "").strip()
            or committed[k].get("type") == "unfinished"
        )
    )
    assert not missing, f"run scripts/build_translations.py --update: {missing[:10]}"
    assert not unfinished, f"untranslated in station_zh_CN.ts: {unfinished[:10]}"


def test_translations_keep_every_named_field() -> None:
    for (context, source), translation in _messages(TS).items():
        if translation is None or not translation.text:
            continue
        assert sorted(FIELD.findall(source)) == sorted(FIELD.findall(translation.text)), (
            context,
            source,
            translation.text,
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
