"""Feature models load on first use, all together, so start-up stays light."""

from __future__ import annotations

import subprocess
import sys


def _run(code: str) -> str:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()


def test_importing_the_package_loads_only_the_core_tables() -> None:
    out = _run(
        "import sys, app.models;"
        "print(sorted(m for m in sys.modules if m.startswith('app.models.')))"
    )
    assert out == "['app.models.audit', 'app.models.base', 'app.models.station']"


def test_naming_one_feature_model_loads_every_feature_module() -> None:
    out = _run(
        "import sys; from app.models import Household;"
        "print(all(m in sys.modules for m in "
        "('app.models.points', 'app.models.volunteers', 'app.models.activities')))"
    )
    assert out == "True"


def test_the_syncable_table_list_is_complete_without_prior_imports() -> None:
    out = _run("from app.models import syncable_tables; print(len(syncable_tables()))")
    from app.models import load_all, syncable_tables

    load_all()
    assert int(out) == len(syncable_tables()) > 20
