"""更新说明 — what changed, told in one line at the first start after an upgrade.

``resources/changelog.json`` (shipped in the bundle) holds one short entry per
version, in Chinese and English::

    {"0.2.0": {"zh_CN": "…", "en": "…"}, "0.1.0": {…}}

The version that last ran on a data folder is kept in its settings
(``app.settings.LAST_VERSION``); when the running version differs, the main
window (and ``main.py info`` / ``migrate``) says, once, what the versions in
between brought.  No Qt here: the CLI uses it without loading PySide6.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

from app.i18n import DEFAULT_LANGUAGE, QT_TRANSLATE_NOOP, translate
from app.resources import resources_dir

log = logging.getLogger(__name__)

CHANGELOG_FILE = "changelog.json"
LAST_VERSION_KEY = "app/last_version"  # in settings.ini (app.settings.LAST_VERSION)
UPGRADED = QT_TRANSLATE_NOOP("Changelog", "Updated from version {old} to {new}: {changes}")

Changelog = dict[str, dict[str, str]]


def version_key(version: str) -> tuple[int, ...]:
    """``"0.10.2"`` -> ``(0, 10, 2)``: versions compare by their numbers, not as text."""
    return tuple(int(part) for part in re.findall(r"\d+", version))


def load_changelog(path: Path | None = None) -> Changelog:
    """The shipped changelog (an unreadable file: none, logged — never a failed start)."""
    path = path or resources_dir() / CHANGELOG_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        log.warning("changelog %s unreadable: %s", path, exc)
        return {}
    return {str(v): dict(texts) for v, texts in data.items() if isinstance(texts, dict)}


def changes_since(last: str, current: str, changelog: Changelog) -> list[str]:
    """The versions after *last* up to *current* that have an entry, newest first."""
    after, upto = version_key(last), version_key(current)
    found = [v for v in changelog if after < version_key(v) <= upto]
    return sorted(found, key=version_key, reverse=True)


def upgrade_line(last: str, current: str, language: str, changelog: Changelog | None = None) -> str:
    """One line on what changed since *last* ran ('' when nothing is to be told: a new
    data folder, the same version, an older one, or no entry in between)."""
    if not last or last == current:
        return ""
    changelog = load_changelog() if changelog is None else changelog
    texts = [
        changelog[v].get(language) or changelog[v].get(DEFAULT_LANGUAGE, "")
        for v in changes_since(last, current, changelog)
    ]
    texts = [t for t in texts if t]
    if not texts:
        return ""
    return translate("Changelog", UPGRADED, old=last, new=current, changes=" ".join(texts))
