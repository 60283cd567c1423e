"""使用帮助: F1 opens the guide on the area shown, with its pictures; the guide
fits a 1366×768 screen; the Chinese guide is Chinese throughout."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QTextDocument

from app.resources import resources_dir, translations_dir
from app.views.help_window import HELP_LANGUAGES, TOPICS, HelpWindow, help_root, topic_file
from app.views.pages import pages

CJK = re.compile(r"[\u4e00-\u9fff]")
PLACEHOLDERS = {"orders", "reports", "sync"}  # "not built yet": no picture


def zh_titles() -> dict[str, str]:
    """The Chinese titles of the areas, as the navigation shows them."""
    ts = ET.parse(translations_dir() / "station_zh_CN.ts").getroot()
    out = {}
    for context in ts:
        name = context.findtext("name")
        for message in context.findall("message"):
            out[(name, message.findtext("source"))] = message.findtext("translation") or ""
    return {key: out[(ctx, title)] for key, ctx, title in TOPICS}


def image_loaded(window: HelpWindow, name: str) -> bool:
    res = window.browser.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(name))
    if isinstance(res, QImage | QPixmap):
        return not res.isNull()
    return bool(res) and not QImage.fromData(res).isNull()  # raw bytes


def test_f1_on_each_page_opens_its_part_with_its_pictures(qtbot, signed_in) -> None:  # type: ignore[no-untyped-def]
    _bench, window = signed_in
    window.activateWindow()
    assert len(window.specs) == 9
    for spec in window.specs:
        window.show_page(spec.key)
        qtbot.keyClick(window.nav, Qt.Key.Key_F1)
        help_window = window.help_window
        assert help_window is not None
        qtbot.waitUntil(help_window.isVisible)
        assert help_window.current_topic() == spec.key
        assert help_window.heading() == spec.title  # English UI: the English guide
        names = help_window.image_names()
        if spec.key not in PLACEHOLDERS:
            assert names == [f"images/{spec.key}.png"]
        for name in names:
            assert image_loaded(help_window, name), name
    shown = window.help_window
    window.show_page("home")
    qtbot.keyClick(window.nav, Qt.Key.Key_F1)
    assert window.help_window is shown  # one guide window, reused
    assert not shown.isModal()


def test_the_help_menu_has_the_guide_and_about(signed_in) -> None:  # type: ignore[no-untyped-def]
    _bench, window = signed_in
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    texts = [a.text() for a in menu.actions()]
    assert texts == ["&User guide", "&About Station Workbench"]
    assert window.help_action.shortcut() == QKeySequence(Qt.Key.Key_F1)
    window.help_action.trigger()
    assert window.help_window is not None and window.help_window.current_topic() == "home"


@pytest.mark.parametrize("language", HELP_LANGUAGES)
def test_every_part_in_each_language_with_pictures_that_resolve(qtbot, language) -> None:  # type: ignore[no-untyped-def]
    help_window = HelpWindow(language=language)
    qtbot.addWidget(help_window)
    help_window.show()
    titles = zh_titles()
    for key, _context, title in TOPICS:
        help_window.show_topic(key)
        assert help_window.heading() == (titles[key] if language == "zh_CN" else title)
        for name in help_window.image_names():
            assert image_loaded(help_window, name), (language, key, name)
    assert {key for key, *_ in TOPICS} >= {spec.key for spec in pages()}


def test_the_guide_fits_a_1366x768_screen_with_a_taskbar(qtbot) -> None:  # type: ignore[no-untyped-def]
    help_window = HelpWindow(language="zh_CN")
    qtbot.addWidget(help_window)
    help_window.show_topic("supermarket")
    help_window.show()
    qtbot.waitExposed(help_window)
    frame = help_window.frameGeometry()
    assert frame.width() <= 1366 and frame.height() <= 728
    assert help_window.minimumSizeHint().height() <= 600
    assert help_window.minimumSizeHint().width() <= 900


class _Paragraphs(HTMLParser):
    BLOCKS = {"h1", "h2", "h3", "p", "li", "title"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.texts: list[str] = []
        self.images: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.BLOCKS:
            self.stack.append(tag)
            self.texts.append("")
        if tag == "img":
            self.images.append(dict(attrs)["src"] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.BLOCKS and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack:
            self.texts[-1] += data


def parse(path: Path) -> _Paragraphs:
    parser = _Paragraphs()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_the_chinese_guide_has_no_english_paragraphs() -> None:
    for key, *_ in TOPICS:
        parsed = parse(topic_file(key, "zh_CN"))
        texts = [t.strip() for t in parsed.texts if t.strip()]
        assert len(texts) >= 4, key
        english = [t for t in texts if not CJK.search(t)]
        assert english == [], (key, english)


def test_the_pictures_are_small_and_shipped_with_the_resources() -> None:
    assert help_root() == resources_dir() / "help"
    spec = (resources_dir().parent / "installers" / "station-workbench.spec").read_text()
    assert '(str(RES / "help"), "resources/help")' in spec  # the bundle carries help/
    total = 0
    for language in HELP_LANGUAGES:
        for key, *_ in TOPICS:
            parsed = parse(topic_file(key, language))
            for src in parsed.images:
                picture = topic_file(key, language).parent / src
                image = QImage(str(picture))
                assert not image.isNull() and image.width() <= 900, picture
        for picture in (help_root() / language / "images").glob("*.png"):
            total += picture.stat().st_size
    assert 0 < total < 2 * 1024 * 1024
