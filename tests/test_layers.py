"""The import contract (DESIGN §2): dependencies point downward only.

Reads every module under ``app/`` (imports inside functions included) and fails
on an import that points up a layer, or on Qt (PySide6, or a module built on
it) imported below the views.  The layers, top to bottom:

* ``app.cli`` — the command line; starts the GUI;
* ``app.views`` — Qt widgets and item models, with their Qt-based support
  modules ``app.settings`` (QSettings), ``app.instance`` (single instance) and
  ``app.translations`` (QTranslator);
* ``app.demo`` — demo stations, built through the services;
* ``app.sync`` — sync files, their export and import; built on the services
  (keys, the audit chain), so it sits above them: the services never import it;
* ``app.services`` — the use cases and the documents layer;
* ``app.printing`` — PDFs from plain data;
* ``app.models`` and ``app.db`` — the ORM and the database (one layer: the
  engine's hooks and the models' stamping know each other);
* the foundation: ``app`` itself, ``app.errors``, ``app.i18n``, ``app.ids``,
  ``app.paths``, ``app.logs``, ``app.resources``.
"""

from __future__ import annotations

import ast
from pathlib import Path

_APP = Path(__file__).resolve().parents[1] / "app"

_LAYERS: dict[str, int] = {
    "app.cli": 7,
    "app.views": 6,
    "app.settings": 6,
    "app.instance": 6,
    "app.translations": 6,
    "app.demo": 5,
    "app.sync": 4,
    "app.services": 3,
    "app.printing": 2,
    "app.models": 1,
    "app.db": 1,
    "app": 0,
}
_QT_FLOOR = 6  # PySide6 may be imported from this layer up


def layer(module: str) -> int:
    """The layer of a dotted module name (the longest matching prefix)."""
    best = ""
    for prefix in _LAYERS:
        if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > len(best):
            best = prefix
    return _LAYERS[best]


def module_name(path: Path, root: Path = _APP) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports(path: Path, root: Path = _APP) -> list[tuple[int, str]]:
    """(line, module) for every import in the file, relative ones resolved."""
    here = module_name(path, root)
    package = here if path.name == "__init__.py" else here.rsplit(".", 1)[0]
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            found.append((node.lineno, base))
            # ``from app import views`` names a module too
            found += [(node.lineno, f"{base}.{a.name}") for a in node.names if base == "app"]
    return found


def violations(root: Path = _APP) -> list[str]:
    bad: list[str] = []
    for path in sorted(root.rglob("*.py")):
        source = module_name(path, root)
        mine = layer(source)
        for line, target in imports(path, root):
            where = f"{path.relative_to(root.parent)}:{line}"
            if target == "PySide6" or target.startswith("PySide6."):
                if mine < _QT_FLOOR:
                    bad.append(f"{where} imports {target} below the views")
            elif target == "app" or target.startswith("app."):
                if target == "app":
                    continue
                if layer(target) > mine:
                    bad.append(f"{where} ({source}) imports {target} from a layer above")
    return bad


def test_imports_point_downward_only() -> None:
    assert violations() == []


def test_the_contract_catches_what_it_forbids(tmp_path: Path) -> None:
    """A planted tree: each forbidden import is reported, the allowed ones are not."""
    root = tmp_path / "app"
    files = {
        "services/points.py": "def f():\n    from app.views.counter import Counter\n",
        "services/cards.py": "from app.printing import slip\nfrom app.models import Card\n",
        "models/base.py": "from PySide6.QtCore import QSettings\n",
        "printing/slip.py": "from ..services import cards\n",
        "services/keys.py": "import app.settings\n",
        "sync/export.py": "from app.services import audit\n",
        "views/page.py": "from PySide6.QtWidgets import QWidget\nfrom app.sync import export\n",
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    found = violations(root)
    assert [v.split(" ", 1)[0] for v in found] == [
        "app/models/base.py:1",
        "app/printing/slip.py:1",
        "app/services/keys.py:1",
        "app/services/points.py:2",
    ]
