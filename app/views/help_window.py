"""使用帮助 — the built-in guide: one short part per area of the main window.

F1 in the main window (or 帮助 → 使用帮助) opens :class:`HelpWindow` on the
part of the area on screen; the window is not modal, so the guide can stay
open beside the work.  Its left side lists every part; the right side is a
``QTextBrowser``.

The parts are HTML files shipped in ``resources/help/<language>/<topic>.html``
(``zh_CN`` and ``en``; found through :func:`app.resources.resources_dir`, so
the PyInstaller bundle carries them with the rest of ``resources/``).  Help
text is prose, not UI strings, so it is kept per language as files rather
than in the ``.ts`` catalogue; the window's own words (title, index) go
through ``tr()``.  A part's first ``<h1>`` is its heading.

The pictures are screenshots of the real pages on the demo station, committed
as small PNGs in ``resources/help/<language>/images/`` and made again with
``python scripts/help_screenshots.py`` (offscreen, about 900 px wide) after a
page changes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QResizeEvent, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QWidget,
)

from app.i18n import QT_TRANSLATE_NOOP, translate
from app.resources import resources_dir
from app.translations import current_language
from app.views.screen import fit_window

# The parts in index order: the main window's areas (titles in the "Pages"
# context), then the kiosk, which is opened from an activity.
TOPICS: tuple[tuple[str, str, str], ...] = (
    ("home", "Pages", QT_TRANSLATE_NOOP("Pages", "Home")),
    ("households", "Pages", QT_TRANSLATE_NOOP("Pages", "Households & points")),
    ("supermarket", "Pages", QT_TRANSLATE_NOOP("Pages", "Points supermarket")),
    ("volunteers", "Pages", QT_TRANSLATE_NOOP("Pages", "Volunteers")),
    ("activities", "Pages", QT_TRANSLATE_NOOP("Pages", "Activities")),
    ("kiosk", "HelpWindow", QT_TRANSLATE_NOOP("HelpWindow", "Sign-in kiosk")),
    ("orders", "Pages", QT_TRANSLATE_NOOP("Pages", "Service orders")),
    ("reports", "Pages", QT_TRANSLATE_NOOP("Pages", "Reports")),
    ("sync", "Pages", QT_TRANSLATE_NOOP("Pages", "Sync")),
    ("stations", "Pages", QT_TRANSLATE_NOOP("Pages", "Stations")),
    ("imports", "Pages", QT_TRANSLATE_NOOP("Pages", "Import")),
    ("summary", "Pages", QT_TRANSLATE_NOOP("Pages", "Summary")),
    ("publish", "Pages", QT_TRANSLATE_NOOP("Pages", "Publish config")),
    ("settings", "Pages", QT_TRANSLATE_NOOP("Pages", "Settings")),
)
HELP_LANGUAGES = ("zh_CN", "en")

# 1366×768 with a taskbar leaves about 728 px; the frame takes ~40 of them.
DEFAULT_SIZE = (980, 640)
IMAGE_WIDTH = 700  # as the help pages draw their pictures


def help_root() -> Path:
    return resources_dir() / "help"


def topic_file(topic: str, language: str) -> Path:
    return help_root() / language / f"{topic}.html"


class HelpWindow(QWidget):
    """The guide: the index of parts on the left, the chosen part on the right."""

    def __init__(self, parent: QWidget | None = None, *, language: str | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("help_window")
        self.setWindowTitle(self.tr("Station Workbench — User guide"))
        self.language = language or current_language()  # the UI's
        if self.language not in HELP_LANGUAGES:
            self.language = "en"
        self.index = QListWidget()
        self.index.setObjectName("help_index")
        self.index.setFixedWidth(170)
        for key, context, title in TOPICS:
            item = QListWidgetItem(translate(context, title))
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setSizeHint(QSize(0, 34))
            self.index.addItem(item)
        self.browser = QTextBrowser()
        self.browser.setObjectName("help_text")
        self.browser.setOpenExternalLinks(False)
        self.browser.setOpenLinks(True)
        self.browser.sourceChanged.connect(self._source_changed)
        layout = QHBoxLayout(self)
        layout.addWidget(self.index)
        layout.addWidget(self.browser, 1)
        self.index.currentRowChanged.connect(self._row_changed)
        self._fit_screen()

    def _fit_screen(self) -> None:
        fit_window(self, *DEFAULT_SIZE)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_images()

    def _fit_images(self) -> None:
        """Pictures narrower than the text area on a small screen (never wider than drawn)."""
        limit = max(200, self.browser.viewport().width() - 30)
        doc = self.browser.document()
        block = doc.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                fmt = fragment.charFormat()
                if fmt.isImageFormat():
                    image = fmt.toImageFormat()
                    wanted = min(IMAGE_WIDTH, limit)
                    if int(image.width()) != wanted:
                        image.setWidth(wanted)
                        # no height: it follows the picture's aspect
                        image.clearProperty(QTextFormat.Property.ImageHeight)
                        cursor = QTextCursor(doc)
                        cursor.setPosition(fragment.position())
                        cursor.setPosition(
                            fragment.position() + fragment.length(),
                            QTextCursor.MoveMode.KeepAnchor,
                        )
                        cursor.setCharFormat(image)
                it += 1
            block = block.next()

    def topics(self) -> list[str]:
        return [key for key, _context, _title in TOPICS]

    def current_topic(self) -> str:
        item = self.index.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""

    def show_topic(self, topic: str) -> None:
        """Open the part *topic* (an area key or ``kiosk``); an unknown one opens 首页."""
        keys = self.topics()
        row = keys.index(topic) if topic in keys else 0
        if self.index.currentRow() == row:
            self._row_changed(row)
        else:
            self.index.setCurrentRow(row)

    def _row_changed(self, row: int) -> None:
        if row < 0:
            return
        path = topic_file(self.topics()[row], self.language)
        self.browser.setSource(QUrl.fromLocalFile(str(path)))

    def _source_changed(self, url: QUrl) -> None:
        """A link to another part (``kiosk.html``) selects that part in the index."""
        topic = Path(url.toLocalFile()).stem
        keys = self.topics()
        if topic in keys and self.index.currentRow() != keys.index(topic):
            self.index.blockSignals(True)
            self.index.setCurrentRow(keys.index(topic))
            self.index.blockSignals(False)
        self._fit_images()

    def heading(self) -> str:
        """The shown part's heading (its first ``<h1>``)."""
        block = self.browser.document().begin()
        while block.isValid():
            if block.blockFormat().headingLevel() == 1:
                return block.text()
            block = block.next()
        return ""

    def image_names(self) -> list[str]:
        """The ``src`` of every picture in the shown part."""
        names: list[str] = []
        block = self.browser.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fmt = it.fragment().charFormat()
                if fmt.isImageFormat():
                    names.append(fmt.toImageFormat().name())
                it += 1
            block = block.next()
        return names
