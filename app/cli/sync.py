"""The sync commands of ``main.py``: export, enrol-file, enrol-station, import-sync,
and the config package's enrol-township, publish-config and import-config.

A module of the command line (app.cli registers them with
:func:`add_commands`); each calls the same service functions as the 同步
page will, and prints translated sentences.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from app.i18n import join_list, translate
from app.paths import DataDir


def add_commands(sub: argparse._SubParsersAction) -> None:
    export = sub.add_parser("export", help="write a sync file for the township")
    export.add_argument("--to", type=Path, required=True, help="the folder (e.g. a USB stick)")
    export.add_argument(
        "--full", action="store_true", help="everything, not only what the township lacks"
    )
    enrol = sub.add_parser("enrol-file", help="write this station's enrolment file")
    enrol.add_argument("--to", type=Path, required=True, help="the folder (e.g. a USB stick)")
    station = sub.add_parser("enrol-station", help="township: enrol a station from its file")
    station.add_argument("file", type=Path)
    station.add_argument("--fingerprint", help="the fingerprint the station read out")
    imports = sub.add_parser("import-sync", help="township: import sync files or folders")
    imports.add_argument("paths", type=Path, nargs="+", metavar="FILE|DIR")
    township = sub.add_parser(
        "enrol-township", help="station: take the township of its enrolment file"
    )
    township.add_argument("file", type=Path)
    township.add_argument("--fingerprint", help="the fingerprint the township read out")
    publish = sub.add_parser("publish-config", help="township: write the config package")
    publish.add_argument("--to", type=Path, required=True, help="the folder (e.g. a USB stick)")
    config = sub.add_parser("import-config", help="station: apply a township's config package")
    config.add_argument("file", type=Path)
    upload = sub.add_parser(
        "upload", help="station: upload what waits to the township server once, fetch its news"
    )
    upload.add_argument("--hub", help="the township server's address (default: the one set)")


def cmd_export(data_dir: DataDir, args: argparse.Namespace) -> int:
    from app.cli import _open
    from app.sync.export import export_sync

    db = _open(data_dir)
    try:
        summary = export_sync(db, data_dir, args.to, full=args.full)
    finally:
        db.dispose()
    print(translate("cli", "Sync file written: {file}").format(file=summary.path))
    print(
        translate("cli", "Sequence {a}–{b}; it holds: {kinds}").format(
            a=summary.seq_from, b=summary.seq_to, kinds=join_list(summary.kinds()) or "—"
        )
    )
    if not summary.person_hash_keyed:
        print(
            translate(
                "cli",
                "No keyed-hash key from the township yet: ID numbers and phones went masked only.",
            )
        )
    return 0


def cmd_enrol_file(data_dir: DataDir, args: argparse.Namespace) -> int:
    from app.cli import _open
    from app.sync.enrol import read_enrolment, write_enrolment

    db = _open(data_dir)
    try:
        path = write_enrolment(db, data_dir, args.to)
    finally:
        db.dispose()
    enrolment = read_enrolment(path)
    print(translate("cli", "Enrolment file written: {file}").format(file=path))
    print(
        translate("cli", "Read this fingerprint out to the township: {fingerprint}").format(
            fingerprint=enrolment.fingerprint
        )
    )
    return 0


def cmd_enrol_station(data_dir: DataDir, args: argparse.Namespace) -> int:
    from app.cli import _open
    from app.sync.enrol import enrol_station

    db = _open(data_dir)
    try:
        enrolment = enrol_station(db, args.file, fingerprint=args.fingerprint)
    finally:
        db.dispose()
    print(
        translate("cli", "Station {code} {name} enrolled (fingerprint {fingerprint}).").format(
            code=enrolment.code, name=enrolment.name, fingerprint=enrolment.fingerprint
        )
    )
    return 0


def cmd_import_sync(data_dir: DataDir, args: argparse.Namespace) -> int:
    from app.cli import _open
    from app.sync.importer import import_files

    db = _open(data_dir)
    try:
        verdicts = import_files(db, args.paths)
    finally:
        db.dispose()
    for verdict in verdicts:
        print(verdict.message)
    if not verdicts:
        print(translate("cli", "No sync files found."))
        return 1
    return 1 if any(v.status == "refused" for v in verdicts) else 0


def cmd_enrol_township(data_dir: DataDir, args: argparse.Namespace) -> int:
    from app.cli import _open
    from app.sync.enrol import enrol_township

    db = _open(data_dir)
    try:
        enrolment = enrol_township(db, data_dir, args.file, fingerprint=args.fingerprint)
    finally:
        db.dispose()
    print(
        translate("cli", "Township {code} {name} enrolled (fingerprint {fingerprint}).").format(
            code=enrolment.code, name=enrolment.name, fingerprint=enrolment.fingerprint
        )
    )
    return 0


def cmd_publish_config(data_dir: DataDir, args: argparse.Namespace) -> int:
    from app.cli import _open
    from app.sync.config import publish_config

    db = _open(data_dir)
    try:
        summary = publish_config(db, data_dir, args.to)
    finally:
        db.dispose()
    print(
        translate("cli", "Config package version {version} written: {file}").format(
            version=summary.version, file=summary.path
        )
    )
    print(translate("cli", "Secrets sealed for {n} stations.").format(n=summary.stations))
    return 0


def cmd_import_config(data_dir: DataDir, args: argparse.Namespace) -> int:
    from app.cli import _open
    from app.sync.config import import_config

    db = _open(data_dir)
    try:
        applied = import_config(db, data_dir, args.file)
    finally:
        db.dispose()
    print(
        translate("cli", "Config version {version} of {township} applied: {parts}").format(
            version=applied.version, township=applied.township, parts=join_list(applied.applied)
        )
    )
    return 0


def cmd_upload(data_dir: DataDir, args: argparse.Namespace) -> int:
    """One attempt of the background upload; exit 0 when it went through, 3 when not."""
    from app.cli import _language, _open
    from app.sync.upload import check_hub_url, hub_url, upload_pending

    db = _open(data_dir)
    try:
        url = check_hub_url(args.hub) if args.hub else hub_url(db)
        attempt = upload_pending(
            db, data_dir, url, language=_language(data_dir, getattr(args, "lang", None))
        )
    finally:
        db.dispose()
    print(attempt.message)
    return 0 if attempt.ok else 3


COMMANDS: dict[str, Callable[[DataDir, argparse.Namespace], int]] = {
    "export": cmd_export,
    "enrol-file": cmd_enrol_file,
    "enrol-station": cmd_enrol_station,
    "import-sync": cmd_import_sync,
    "enrol-township": cmd_enrol_township,
    "publish-config": cmd_publish_config,
    "import-config": cmd_import_config,
    "upload": cmd_upload,
}
