"""The hub commands of ``main.py``: ``hub`` (serve the township over HTTP),
``hub-user`` (the web view's users) and ``revoke-station`` (a township revokes a
station's enrolment), each on the data folder's station.db or on ``--db URL``.

``main.py hub --data-dir DIR [--db URL] --host 127.0.0.1 --port 8765 --workers 2``
checks the folder is a township's, brings its store's schema to head (the
folder's station.db with a backup first, as at start-up; a PostgreSQL store
in place, once, before the workers start), then runs uvicorn
(app.sync.hub.server) with that many worker processes.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from app.i18n import translate
from app.paths import DataDir

if TYPE_CHECKING:
    from app.db import Database


def add_commands(sub: argparse._SubParsersAction) -> None:
    hub = sub.add_parser("hub", help="township: serve the stations' uploads and config over HTTP")
    hub.add_argument(
        "--data-dir",
        dest="hub_data_dir",
        type=Path,
        help="the township's data folder (same as the global --data-dir)",
    )
    _db_argument(hub)
    hub.add_argument(
        "--copy-from-folder",
        action="store_true",
        help="with --db: when that database is empty, first copy the data folder's "
        "station.db into it (moving a township to PostgreSQL)",
    )
    hub.add_argument("--host", default="127.0.0.1", help="the address to listen on")
    hub.add_argument("--port", type=int, default=8765)
    hub.add_argument("--workers", type=int, default=2, help="worker processes")
    hub.add_argument(
        "--max-upload-bytes",
        type=int,
        help="the largest upload taken (default: the largest sync file, 2 GiB)",
    )
    hub.add_argument(
        "--upload-timeout",
        type=float,
        help="seconds one upload may take, body and import (default 900)",
    )
    users = sub.add_parser("hub-user", help="township hub: the users of its web view")
    _db_argument(users)
    actions = users.add_subparsers(dest="hub_user_action", required=True)
    add = actions.add_parser("add", help="add a web user (the password is asked twice)")
    add.add_argument("name", help="the user name")
    add.add_argument("--role", required=True, choices=("county", "township"))
    add.add_argument(
        "--township",
        action="append",
        default=[],
        metavar="NAME_OR_CODE",
        help="a township the user may see (role township; repeat for more)",
    )
    add.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    actions.add_parser("list", help="list the web users")
    disable = actions.add_parser("disable", help="disable a web user (signs them out)")
    disable.add_argument("name")
    revoke = sub.add_parser("revoke-station", help="township: revoke a station's enrolment")
    _db_argument(revoke)
    revoke.add_argument("code", help="the station's code")
    revoke.add_argument("--reason", required=True, help="why (kept in the audit log)")


def _db_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        dest="hub_db",
        default="",
        metavar="URL",
        help="the township's store elsewhere: sqlite:///FILE or postgresql+psycopg://… "
        "(same as the global --db)",
    )


def _township_store(data_dir: DataDir, url: str) -> Database:
    """The store ``hub-user`` and ``revoke-station`` work on: the data folder's
    station.db (checked, at head), or the township's store at *url* (``--db``)."""
    from app.cli import _open
    from app.sync.hub.storage import open_township_store

    return open_township_store(data_dir.root, url) if url else _open(data_dir)


def _store(data_dir: DataDir, url: str, copy: bool) -> Database | None:
    """The township's store with its schema at head, or None (not there)."""
    from app.cli import _open
    from app.db import migrate
    from app.sync.hub.storage import copy_store, open_store, prepare_schema

    if not url:
        return _open(data_dir) if data_dir.database.exists() else None
    db = open_store(data_dir.root, url)
    if copy and migrate.is_empty(db.engine) and data_dir.database.exists():
        _open(data_dir).dispose()  # checked and at head first
        n = copy_store(data_dir.database, db.engine)
        print(
            translate("cli", "Copied {n} rows of {file} into the hub's database.").format(
                n=n, file=data_dir.database
            ),
            flush=True,
        )

    def upgrading(reason: str) -> None:
        print(
            translate(
                "cli",
                "Upgrading the township's store from schema {revision} to {head}. No backup is "
                "made of a store given by --db: a PostgreSQL store is saved with pg_dump before "
                "a new version is installed (README, Backups).",
            ).format(revision=reason.removeprefix("pre-migration-"), head=migrate.head_revision()),
            flush=True,
        )

    if prepare_schema(db, before_upgrade=upgrading) == "upgraded":
        print(
            translate("cli", "The township's store is at schema {head} now.").format(
                head=migrate.head_revision()
            ),
            flush=True,
        )
    return db


def cmd_hub(data_dir: DataDir, args: argparse.Namespace) -> int:
    from app.sync.hub.server import serve
    from app.sync.hub.settings import HubSettings
    from app.sync.hub.storage import NOT_A_TOWNSHIP, township_of

    db = _store(data_dir, args.db, args.copy_from_folder)
    township = None
    if db is not None:
        try:
            township = township_of(db)
        finally:
            db.dispose()
    if township is None:
        print(translate("hub", NOT_A_TOWNSHIP, folder=data_dir.root), file=sys.stderr)
        return 1
    settings = HubSettings(data_dir=str(data_dir.root.resolve()), db_url=args.db)
    if args.max_upload_bytes is not None:
        settings = replace(settings, max_upload_bytes=args.max_upload_bytes)
    if args.upload_timeout is not None:
        settings = replace(settings, upload_timeout_s=args.upload_timeout)
    if getattr(args, "lang", None):
        settings = replace(settings, language=args.lang)
    print(
        translate(
            "cli", "Hub of {code} {name} listening on http://{host}:{port} ({workers} workers)."
        ).format(
            code=township.code,
            name=township.name,
            host=args.host,
            port=args.port,
            workers=args.workers,
        ),
        flush=True,
    )
    from app.sync.hub.web import load_secret

    load_secret(settings.hub_folder)  # made once, before the workers share it
    serve(settings, args.host, args.port, args.workers)
    return 0


def cmd_revoke_station(data_dir: DataDir, args: argparse.Namespace) -> int:
    from app.sync.enrol import revoke_station

    db = _township_store(data_dir, args.db)
    try:
        row = revoke_station(db, args.code, args.reason)
    finally:
        db.dispose()
    print(
        translate("cli", "Enrolment of station {code} {name} revoked ({when} UTC).").format(
            code=row.code,
            name=row.name,
            when=row.revoked_at.strftime("%Y-%m-%d %H:%M") if row.revoked_at else "",
        )
    )
    return 0


def _password(args: argparse.Namespace) -> str | None:
    import getpass

    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(translate("cli", "Password: "))
    again = getpass.getpass(translate("cli", "The password again: "))
    if first != again:
        print(translate("cli", "The two passwords differ; nothing was changed."), file=sys.stderr)
        return None
    return first


def cmd_hub_user(data_dir: DataDir, args: argparse.Namespace) -> int:
    from app.sync.hub.users import add_user, disable_user, list_users

    db = _township_store(data_dir, args.db)
    try:
        if args.hub_user_action == "add":
            password = _password(args)
            if password is None:
                return 1
            user = add_user(db, args.name, password, args.role, args.township)
            print(
                translate("cli", "Hub user {name} added ({role}).").format(
                    name=user.username, role=user.role
                )
            )
        elif args.hub_user_action == "disable":
            user = disable_user(db, args.name)
            print(translate("cli", "Hub user {name} disabled.").format(name=user.username))
        else:
            for u in list_users(db):
                state = translate("cli", "disabled") if u.disabled else ""
                print(
                    "\t".join(
                        (
                            u.username,
                            u.role,
                            ",".join(u.townships),
                            u.created_at.strftime("%Y-%m-%d %H:%M"),
                            state,
                        )
                    ).rstrip()
                )
    finally:
        db.dispose()
    return 0


COMMANDS: dict[str, Callable[[DataDir, argparse.Namespace], int]] = {
    "hub": cmd_hub,
    "revoke-station": cmd_revoke_station,
    "hub-user": cmd_hub_user,
}
