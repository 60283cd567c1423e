"""更新说明: the changelog shipped in resources/ and the one line it gives after an upgrade."""

from __future__ import annotations

import json

from app import __version__
from app.resources import resources_dir
from app.services.changelog import (
    changes_since,
    load_changelog,
    upgrade_line,
    version_key,
)

LOG = {
    "0.2.0": {"zh_CN": "新增报表。", "en": "Reports."},
    "0.1.1": {"zh_CN": "修正打印。", "en": "Printing fixed."},
    "0.1.0": {"zh_CN": "首个版本。"},  # no English: the Chinese text stands in
    "0.0.9": {"zh_CN": "试用版。", "en": "Trial."},
}


def test_versions_compare_by_their_numbers() -> None:
    assert version_key("0.10.0") > version_key("0.9.12") > version_key("0.9.2")
    assert changes_since("0.0.9", "0.2.0", LOG) == ["0.2.0", "0.1.1", "0.1.0"]
    assert changes_since("0.1.0", "0.1.1", LOG) == ["0.1.1"]


def test_one_line_names_both_versions_and_every_change_between_newest_first() -> None:
    line = upgrade_line("0.1.0", "0.2.0", "en", LOG)
    assert line == "Updated from version 0.1.0 to 0.2.0: Reports. Printing fixed."
    assert "\n" not in line
    assert upgrade_line("0.1.0", "0.2.0", "zh_CN", LOG).endswith("新增报表。 修正打印。")
    assert upgrade_line("0.0.9", "0.1.0", "en", LOG).endswith(": 首个版本。")


def test_nothing_is_told_to_a_new_folder_the_same_version_or_a_downgrade() -> None:
    assert upgrade_line("", "0.2.0", "en", LOG) == ""  # no version recorded: a new station
    assert upgrade_line("0.2.0", "0.2.0", "en", LOG) == ""
    assert upgrade_line("0.2.0", "0.1.1", "en", LOG) == ""
    assert upgrade_line("0.2.0", "0.3.0", "en", LOG) == ""  # no entry in between


def test_an_unreadable_changelog_is_no_reason_to_fail(tmp_path) -> None:  # type: ignore[no-untyped-def]
    broken = tmp_path / "changelog.json"
    broken.write_text("{not json", encoding="utf-8")
    assert load_changelog(broken) == {}
    assert load_changelog(tmp_path / "missing.json") == {}


def test_the_shipped_changelog_tells_this_version_in_both_languages() -> None:
    shipped = json.loads((resources_dir() / "changelog.json").read_text(encoding="utf-8"))
    assert __version__ in shipped
    for version, texts in shipped.items():
        assert version_key(version), version
        assert list(texts) == ["zh_CN", "en"], version  # Chinese first
        assert all(text.strip() and "\n" not in text for text in texts.values()), version
    assert load_changelog() == shipped
