"""The document layouts a township's config package put in force at this station.

The package's layouts (certificate, slip... JSON documents, whole or patches
with ``extends``) are kept in ``local_state`` (:data:`LAYOUTS`, written by the
config import in the same transaction as the rest of the package).  The
printing layer reads layouts from a folder, so :func:`layout_dir` writes them
once into a folder named after their digest and hands that folder to the
renderers; with no package layouts it is None (the shipped defaults).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from app.db import Database
from app.models import LocalState

LAYOUTS = "config/layouts"  # {name: layout document}


def package_layouts(db: Database) -> dict[str, Any]:
    """The layouts of the config package in force ({} when none)."""
    with db.read() as session:
        row = session.get(LocalState, LAYOUTS)
        raw = row.value if row else ""
    try:
        layouts = json.loads(raw) if raw else {}
    except ValueError:
        return {}
    return layouts if isinstance(layouts, dict) else {}


def layout_dir(db: Database) -> Path | None:
    """A folder holding the package's layouts as ``<name>.json`` (None: none in force)."""
    layouts = package_layouts(db)
    if not layouts:
        return None
    text = json.dumps(layouts, ensure_ascii=False, sort_keys=True)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    folder = Path(tempfile.gettempdir()) / f"wb-layouts-{digest}"
    done = folder / ".complete"
    if done.exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    for name, doc in layouts.items():
        if not isinstance(name, str) or "/" in name or "\\" in name or name.startswith("."):
            continue
        tmp = folder / f".{name}.{os.getpid()}.tmp"
        tmp.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, folder / f"{name}.json")
    done.write_text(digest, encoding="utf-8")
    return folder
