"""Apply a translation mapping (JSON) to a Qt Linguist .ts file.

The mapping is ``{context: {source: translation}}``.  A value may instead be an
object ``{comment: translation}`` for messages that share a source text and are
told apart by their ``<comment>`` (use ``""`` for the message without one).

Plural messages (``self.tr("%n activities", "", n)``) have one ``<numerusform>``
per plural form of the language: a string fills every form (Chinese has one), a
list fills them in order.  English is the source language, but its plural forms
still need a translation (Qt does not inflect the source): ``station_en.ts``
holds only the plural messages, filled from the mapping's ``"@en"`` entry::

    {"ActivitiesPage": {"%n activities": "%n 项活动"},
     "@en": {"ActivitiesPage": {"%n activities": ["%n activity", "%n activities"]}}}

Without ``--ts`` the plain entries go to ``station_zh_CN.ts`` and each ``"@lang"``
entry to ``station_<lang>.ts``.

By default only unfinished (or empty) messages are filled in, so translations
already reviewed in the .ts are kept; ``--overwrite`` replaces them too.  A
translation is refused (and reported) when its ``{named}`` fields, ``%1``/``%n``
markers or keyboard accelerator do not match the source.  A filled message
loses its ``type="unfinished"`` mark.  The file is written back in lupdate's
own layout, so a later ``scripts/build_translations.py --update`` gives a small
diff.

Usage::

    python scripts/apply_translations.py mapping.json [--ts path.ts] [--overwrite] [--dry-run]

Then compile with ``python scripts/build_translations.py``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
DEFAULT_TS = TS_DIR / "station_zh_CN.ts"

FIELD = re.compile(r"\{[A-Za-z_0-9]*\}")
PERCENT = re.compile(r"%(?:n|L?\d+)")
SELF_CLOSING = {"location"}


def _accelerator(text: str) -> str | None:
    """The accelerator letter of a ``&X`` mark (``&&`` is a literal ampersand)."""
    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return found.group(1).upper() if found else None


def problems(source: str, translation: str) -> list[str]:
    """Why *translation* cannot stand for *source* (empty when it can)."""
    found = []
    if sorted(FIELD.findall(source)) != sorted(FIELD.findall(translation)):
        found.append(f"named fields {FIELD.findall(source)} != {FIELD.findall(translation)}")
    if sorted(PERCENT.findall(source)) != sorted(PERCENT.findall(translation)):
        found.append("%-markers differ")
    if _accelerator(source) != _accelerator(translation):
        found.append(f"accelerator {_accelerator(source)} != {_accelerator(translation)}")
    if not translation.strip():
        found.append("empty")
    return found


def lookup(
    mapping: dict, context: str, source: str, comment: str
) -> tuple[str | list[str] | None, str]:
    """The translation for a message, and the text it is checked against.

    A comment-keyed entry whose source has no named fields is checked against the
    comment: lupdate files ``tr = QApplication.translate; tr("Ctx", "text")`` under
    source "Ctx" with the real text as the comment.
    """
    value = mapping.get(context, {}).get(source)
    reference = source
    if isinstance(value, dict):
        value = value.get(comment)
        if comment and not FIELD.findall(source):
            reference = comment
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return value, reference
    return (value if isinstance(value, str) else None), reference


def is_unfinished(message: ET.Element) -> bool:
    tr = message.find("translation")
    if tr is None:
        return True
    if tr.get("type") == "unfinished":
        return True
    forms = tr.findall("numerusform")
    if forms:
        return not all((f.text or "").strip() for f in forms)
    return not (tr.text or "").strip()


def set_translation(message: ET.Element, text: str | list[str]) -> None:
    """Fill a message; a list gives the plural forms in order (the last one repeats)."""
    texts = text if isinstance(text, list) else [text]
    tr = message.find("translation")
    if tr is None:
        tr = ET.SubElement(message, "translation")
    if message.get("numerus") == "yes":
        forms = tr.findall("numerusform")
        if not forms:  # Chinese has a single plural form
            tr.text = "\n            "
            form = ET.SubElement(tr, "numerusform")
            form.tail = "\n        "
            forms = [form]
        for i, form in enumerate(forms):
            form.text = texts[min(i, len(texts) - 1)]
    else:
        tr.text = texts[0]
    if tr.get("type") == "unfinished":
        del tr.attrib["type"]


# --- writing in lupdate's layout ------------------------------------------------------


def _escape_text(text: str) -> str:
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&apos;")
    )


def _escape_attr(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")


def _serialize(element: ET.Element, out: list[str]) -> None:
    attrs = "".join(f' {k}="{_escape_attr(v)}"' for k, v in element.attrib.items())
    if element.tag in SELF_CLOSING and not element.text and len(element) == 0:
        out.append(f"<{element.tag}{attrs}/>")
    else:
        out.append(f"<{element.tag}{attrs}>")
        if element.text:
            out.append(_escape_text(element.text))
        for child in element:
            _serialize(child, out)
        out.append(f"</{element.tag}>")
    if element.tail:
        out.append(_escape_text(element.tail))


def write_ts(tree: ET.ElementTree, path: Path) -> None:
    out = ['<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n']
    _serialize(tree.getroot(), out)
    text = "".join(out)
    if not text.endswith("\n"):
        text += "\n"
    path.write_text(text, encoding="utf-8")


# --- main -----------------------------------------------------------------------------


def apply(mapping: dict, ts: Path, *, overwrite: bool = False, dry_run: bool = False) -> int:
    tree = ET.parse(ts)
    applied = 0
    refused: list[str] = []
    untranslated: list[tuple[str, str]] = []
    used: set[tuple[str, str]] = set()
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            tr = message.find("translation")
            if tr is not None and tr.get("type") in ("vanished", "obsolete"):
                continue
            source = message.findtext("source") or ""
            comment = message.findtext("comment") or ""
            text, reference = lookup(mapping, name, source, comment)
            unfinished = is_unfinished(message)
            if text is None:
                if unfinished:
                    untranslated.append((name, source if not comment else f"{source} [{comment}]"))
                continue
            used.add((name, source))
            if not unfinished and not overwrite:
                continue
            bad = [
                p
                for t in (text if isinstance(text, list) else [text])
                for p in problems(reference, t)
            ]
            if bad:
                refused.append(f"[{name}] {source!r}: {'; '.join(bad)}")
                continue
            set_translation(message, text)
            applied += 1
    unused = [
        (c, s)
        for c, entries in mapping.items()
        if not c.startswith("@")
        for s in entries
        if (c, s) not in used
    ]
    print(f"applied {applied} translation(s) to {ts}")
    if refused:
        print(f"refused {len(refused)}:", *refused, sep="\n  ")
    if untranslated:
        print(f"still unfinished {len(untranslated)}:", *map(repr, untranslated), sep="\n  ")
    if unused:
        print(f"{len(unused)} mapping entr(y/ies) matched no message (fine after a re-extraction)")
    if not dry_run and applied:
        write_ts(tree, ts)
    return 1 if refused else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mapping", type=Path, help="JSON {context: {source: translation}}")
    parser.add_argument(
        "--ts", type=Path, help=f"default: {DEFAULT_TS} (and station_<lang>.ts for '@lang')"
    )
    parser.add_argument("--overwrite", action="store_true", help="replace finished translations")
    parser.add_argument("--dry-run", action="store_true", help="report only; write nothing")
    args = parser.parse_args()
    mapping = json.loads(args.mapping.read_text(encoding="utf-8"))
    if args.ts is not None:
        return apply(mapping, args.ts, overwrite=args.overwrite, dry_run=args.dry_run)
    plain = {k: v for k, v in mapping.items() if not k.startswith("@")}
    status = apply(plain, DEFAULT_TS, overwrite=args.overwrite, dry_run=args.dry_run)
    for key, part in mapping.items():
        if key.startswith("@"):
            ts = TS_DIR / f"station_{key[1:]}.ts"
            status |= apply(part, ts, overwrite=args.overwrite, dry_run=args.dry_run)
    return status


if __name__ == "__main__":
    sys.exit(main())
