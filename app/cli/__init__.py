"""Command line: ``python main.py [--data-dir D] [COMMAND]``.

With no command the desktop app starts.  Every command calls the same
services as the GUI, so what the CLI checks or writes is exactly what the app
would.  Later capabilities add ``export``, ``import`` and ``hub`` here.

Only the desktop app loads Qt: the other commands translate with the ``.ts``
catalogue (:func:`app.i18n.use_catalog`) and never import PySide6, so they run
where no display or Qt is available.  ``print`` (re)prints documents to PDF
files through :mod:`app.services.documents`, as the program itself (``system``):

* ``print slip DH-2026-000012 --to out.pdf [--page A4|A5|80mm|58mm]
  [--one-copy|--two-copies]`` — what the counter's Reprint does, on the
  counter's paper and copies unless told: 补打 when it was printed before, a
  voided slip as its 作废单; the print is logged like the counter's.
* ``print certificate ZM-2026-0004 --to out.pdf [--reason R]`` — a 副本, counted
  in the certificate register as the 副本 button does.
* ``print cards --households 1-1,1-2 --to cards.pdf`` (or ``--volunteers
  ZYZ-0001,...``) — the current cards, unchanged: it never issues, revokes or
  logs a card, and refuses a household or volunteer who has none yet (issue
  or reissue cards in the app).
* ``print notice|ranking|red-black PERIOD --to list.pdf [--top N]`` and
  ``print certificate-notice --to list.pdf`` — the notice-board lists, names
  masked as the station's setting says unless ``--mask-names``/``--full-names``.

Exit codes: 0 done, 1 refused (a DomainError, message printed), 2 usage,
3 another instance is running on the data folder, 4 the database failed its
integrity check.
"""

from __future__ import annotations

# The database stack is imported before anything imports PySide6: once PySide6
# is loaded, its __feature__ import hook reads the source of every module
# imported after it, which costs ~100 ms of each start-up.
import app.db  # noqa: F401

# isort: split
import argparse
import logging
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from app import __version__
from app.errors import DomainError
from app.i18n import DEFAULT_LANGUAGE, restore_catalog, translate, use_catalog

if TYPE_CHECKING:
    from app.db import Database
from app.cli.hub import COMMANDS as HUB_COMMANDS
from app.cli.sync import COMMANDS as SYNC_COMMANDS
from app.paths import DataDir

log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="main.py",
        description="Station Workbench (文明实践站工作台) — village civilization practice station.",
    )
    parser.add_argument(
        "--version", action="version", version=__version__, help="print the version and exit"
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        help="the station's data folder (default: the per-user data folder)",
    )
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="language for this run")
    parser.add_argument(
        "--db",
        default="",
        metavar="URL",
        help="a township's store elsewhere (sqlite:///FILE or postgresql+psycopg://…), for the "
        "desktop app, hub, hub-user and revoke-station; keys, settings, logs and backups stay "
        "in the data folder",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    gui = sub.add_parser("gui", help="start the desktop app (the default)")
    gui.add_argument(
        "--demo",
        action="store_true",
        help="if the data folder is empty, first fill it with a demo station",
    )
    gui.add_argument(
        "--self-test",
        metavar="USER",
        default="",
        help="sign in as USER with the password read from standard input, open the main "
        "window and every area, print what was checked and quit (0: all worked)",
    )
    demo = sub.add_parser("demo", help="create a demo station with synthetic data")
    demo.add_argument("--size", default="small", help="small, medium or large")
    demo.add_argument("--seed", type=int, default=20261122)
    demo.add_argument(
        "--reset",
        action="store_true",
        help="first delete the demo station in the data folder (refused for a real station)",
    )
    demo.add_argument(
        "--township",
        type=Path,
        metavar="DIR",
        help="instead: two demo stations and their township in DIR/station-a, DIR/station-b "
        "and DIR/township, both stations exported, enrolled and imported at the township",
    )
    backup = sub.add_parser("backup", help="back up the database now")
    backup.add_argument("--to", type=Path, help="folder to write to (default: automatic backups)")
    restore = sub.add_parser("restore", help="replace the database with a backup")
    restore.add_argument("file", type=Path)
    restore.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    restore.add_argument(
        "--other-station",
        action="store_true",
        help="accept a backup of another station (its cards then become this PC's); logged",
    )
    sub.add_parser("backups", help="list the automatic backups")
    sub.add_parser("verify-audit", help="check the audit log's hash chain")
    check = sub.add_parser("check", help="check the database file's integrity")
    check.add_argument(
        "--full",
        action="store_true",
        help="also re-verify the audit chain, balances, stock and hours against the ledgers",
    )
    sub.add_parser("info", help="show the station's facts and key fingerprint")
    sub.add_parser("migrate", help="upgrade the database schema (after a backup)")
    reset = sub.add_parser(
        "reset-password",
        help="give an operator (e.g. the last administrator) a new temporary password",
    )
    reset.add_argument("username")
    from app.cli.sync import add_commands as add_sync_commands

    add_sync_commands(sub)
    from app.cli.hub import add_commands as add_hub_commands

    add_hub_commands(sub)
    printing = sub.add_parser("print", help="print a slip, a certificate or cards to a PDF file")
    what = printing.add_subparsers(dest="document", metavar="DOCUMENT", required=True)
    slip = what.add_parser("slip", help="a 兑换单 again (补打; a voided one as its 作废单)")
    slip.add_argument("number", help="the slip number, e.g. DH-2026-000012")
    slip.add_argument("--to", type=Path, required=True, help="the PDF file to write")
    slip.add_argument(
        "--page",
        choices=["A4", "A5", "80mm", "58mm"],
        help="the paper (default: the counter's setting, else A4)",
    )
    copies = slip.add_mutually_exclusive_group()
    copies.add_argument("--one-copy", action="store_true", help="the 客户联 only")
    copies.add_argument("--two-copies", action="store_true", help="存根联 and 客户联")
    cert = what.add_parser("certificate", help="a 副本 of a registered certificate")
    cert.add_argument("number", help="the certificate number, e.g. ZM-2026-0004")
    cert.add_argument("--to", type=Path, required=True, help="the PDF file to write")
    cert.add_argument("--reason", default="", help="why it is printed again (registered)")
    cards = what.add_parser("cards", help="the current cards of households or volunteers")
    whose = cards.add_mutually_exclusive_group(required=True)
    whose.add_argument("--households", help="household numbers (户号), comma-separated")
    whose.add_argument("--volunteers", help="volunteer numbers, comma-separated")
    cards.add_argument("--to", type=Path, required=True, help="the PDF file to write")
    for name, text in (
        ("notice", "a period's 积分公示 (every household's score)"),
        ("ranking", "a period's 积分榜"),
        ("red-black", "a period's 红黑榜"),
    ):
        board = what.add_parser(name, help=text)
        board.add_argument("period", help="the period key, e.g. 2026, 2026-Q4 or 2026-11")
        board.add_argument("--to", type=Path, required=True, help="the PDF file to write")
        if name != "notice":
            board.add_argument("--top", type=int, default=10, help="how many places (default 10)")
        _mask_arguments(board)
    notice = what.add_parser(
        "certificate-notice", help="the 公示 of certificates of the last 7 days"
    )
    notice.add_argument("--to", type=Path, required=True, help="the PDF file to write")
    _mask_arguments(notice)
    return parser


def _mask_arguments(parser: argparse.ArgumentParser) -> None:
    names = parser.add_mutually_exclusive_group()
    names.add_argument("--mask-names", action="store_true", help="print 张* instead of 张三")
    names.add_argument("--full-names", action="store_true", help="print the names in full")


STORE_COMMANDS = ("gui", "hub", "hub-user", "revoke-station")
"""The commands that open a store named by ``--db``."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "hub_data_dir", None) is not None:  # `hub --data-dir DIR`
        args.data_dir = args.hub_data_dir
    if getattr(args, "hub_db", ""):  # `hub --db URL`, `hub-user --db URL`, …
        args.db = args.hub_db
    data_dir = DataDir.resolve(args.data_dir)
    command = args.command or "gui"
    if args.db and command not in STORE_COMMANDS:
        parser.error(f"--db is for {', '.join(STORE_COMMANDS)}, not {command}")
    if command == "gui":
        from app.views.application import run_gui

        gui_argv = [sys.argv[0]]
        if getattr(args, "demo", False):
            if args.db:
                parser.error("--demo fills the data folder's own database, not --db")
            _ensure_demo(data_dir)
        return run_gui(
            data_dir,
            gui_argv,
            language=args.lang,
            db_url=args.db,
            self_test=getattr(args, "self_test", ""),
        )
    before = use_catalog(_language(data_dir, args.lang))
    try:
        from app.logs import setup_logging

        data_dir.ensure()
        setup_logging(data_dir)
        try:
            return COMMANDS[command](data_dir, args)
        except DomainError as err:
            print(str(err), file=sys.stderr)
            log.info("refused: %s", err.untranslated)
            return 1
    finally:
        restore_catalog(before)


def _setting(data_dir: DataDir, key: str, default: str) -> str:
    """One of the app's settings (``section/name`` in settings.ini), read as plain INI
    so that Qt is not needed."""
    import configparser

    section, name = key.split("/", 1)
    ini = configparser.ConfigParser(interpolation=None, strict=False)
    try:
        ini.read(data_dir.settings_file, encoding="utf-8")
        return ini.get(section, name, fallback=default).strip() or default
    except (OSError, configparser.Error, UnicodeError):
        return default


def _language(data_dir: DataDir, override: str | None) -> str:
    """The language for this run: ``--lang``, else the app's setting, else Chinese."""
    return override or _setting(data_dir, "ui/language", DEFAULT_LANGUAGE)


def _open(data_dir: DataDir) -> Database:
    """Open the station database for a command, after the integrity check."""
    from app.db import Database, migrate
    from app.services import backup

    if not data_dir.database.exists():
        print(
            translate("cli", "No station database in {folder}.").format(folder=data_dir.root),
            file=sys.stderr,
        )
        raise SystemExit(1)
    problem = backup.check_database(data_dir.database)
    if problem:
        print(
            translate("cli", "The database failed its integrity check: {problem}").format(
                problem=problem
            ),
            file=sys.stderr,
        )
        raise SystemExit(4)
    db = Database(data_dir.database)
    migrate.ensure_schema(
        db.engine, backup=lambda kind: backup.make_backup(db, data_dir.backups, kind)
    )
    return db


def _ensure_demo(data_dir: DataDir) -> None:
    from app.db import Database
    from app.demo.station import create_demo_station
    from app.services.station import is_set_up

    if data_dir.database.exists():
        db = Database(data_dir.database)
        try:
            if is_set_up(db):
                return
        finally:
            db.dispose()
    create_demo_station(data_dir).dispose()


def cmd_demo(data_dir: DataDir, args: argparse.Namespace) -> int:
    from app.db import Database
    from app.demo.station import create_demo_station, is_demo
    from app.services.station import is_set_up

    if args.township is not None:
        return _township_demo(args)
    if args.reset and data_dir.database.exists():
        from app.instance import acquire_instance_lock

        lock = acquire_instance_lock(data_dir)
        if lock is None:  # never delete a folder under a running app
            print(
                translate("cli", "The app is running on this data folder; close it first."),
                file=sys.stderr,
            )
            return 3
        try:
            db = Database(data_dir.database)
            try:
                if is_set_up(db) and not is_demo(db):
                    print(
                        translate(
                            "cli", "Refused: {folder} holds a real station, not the demo."
                        ).format(folder=data_dir.root),
                        file=sys.stderr,
                    )
                    return 1
            finally:
                db.dispose()
        finally:
            lock.release()
        shutil.rmtree(data_dir.root)
    db = create_demo_station(
        data_dir, args.size, seed=args.seed, progress=lambda step: print(f"… {step}")
    )
    db.dispose()
    print(translate("cli", "Demo station created in {folder}.").format(folder=data_dir.root))
    print(translate("cli", "Sign in as admin, shijian or chaoshi with the password demo1234."))
    return 0


def _township_demo(args: argparse.Namespace) -> int:
    from app.demo.township import USB, check_free, create_township_demo, township_folders
    from app.i18n import join_list
    from app.instance import acquire_instance_lock

    root: Path = args.township
    check_free(root)
    folders = township_folders(root)
    if args.reset:
        for folder in folders:
            if not folder.root.exists():
                continue
            lock = acquire_instance_lock(folder)
            if lock is None:  # never delete a folder under a running app
                print(
                    translate("cli", "The app is running on {folder}; close it first.").format(
                        folder=folder.root
                    ),
                    file=sys.stderr,
                )
                return 3
            lock.release()
        for folder in folders:
            shutil.rmtree(folder.root, ignore_errors=True)
        shutil.rmtree(root / USB, ignore_errors=True)
    made = create_township_demo(
        root, args.size, seed=args.seed, progress=lambda step: print(f"… {step}")
    )
    for summary in made.exports:
        print(
            translate("cli", "Sync file written: {file}").format(file=summary.path)
            + "\n  "
            + join_list(summary.kinds())
        )
    for verdict in made.verdicts:
        print(verdict.message)
    print(
        translate(
            "cli",
            "Two demo stations and their township created in {folder}: "
            "station-a, station-b and township. Sign in as admin with the password demo1234.",
        ).format(folder=root)
    )
    return 0 if all(v.status == "imported" for v in made.verdicts) else 1


def cmd_backup(data_dir: DataDir, args: argparse.Namespace) -> int:
    from app.services import backup
    from app.services.auth import SYSTEM

    db = _open(data_dir)
    try:
        folder = args.to or data_dir.backups
        info = backup.backup_now(db, SYSTEM, folder, kind="manual")
    finally:
        db.dispose()
    print(
        translate("cli", "Backup written: {file} ({size} KB)").format(
            file=info.path, size=max(1, info.size // 1024)
        )
    )
    return 0


def cmd_restore(data_dir: DataDir, args: argparse.Namespace) -> int:
    from app.instance import acquire_instance_lock
    from app.services import backup, restore
    from app.services.auth import SYSTEM

    info = backup.inspect_backup(args.file)
    when = info.created_at.strftime("%Y-%m-%d %H:%M UTC")
    print(
        translate("cli", "Backup of {station} ({code}) taken {when}.").format(
            station=info.station_name, code=info.station_code, when=when
        )
    )
    if not args.yes:
        answer = input(translate("cli", "Replace the current database with it? Type yes: "))
        if answer.strip().lower() not in ("yes", "y", "是"):
            print(translate("cli", "Nothing was changed."))
            return 1
    lock = acquire_instance_lock(data_dir)
    if lock is None:
        print(
            translate("cli", "The app is running on this data folder; close it first."),
            file=sys.stderr,
        )
        return 3
    try:
        db = _open(data_dir)
        try:
            restore.restore_backup(
                db, data_dir, SYSTEM, args.file, accept_other_station=args.other_station
            )
        except restore.OtherStationBackup as exc:
            print(str(exc), file=sys.stderr)
            print(
                translate("cli", "Nothing was changed. Use --other-station to restore it anyway."),
                file=sys.stderr,
            )
            return 1
        finally:
            db.dispose()
    finally:
        lock.release()
    print(translate("cli", "Restored. The previous database was backed up first."))
    return 0


def cmd_backups(data_dir: DataDir, args: argparse.Namespace) -> int:
    from app.services import backup

    for info in backup.list_backups(data_dir.backups):
        print(
            f"{info.created_at:%Y-%m-%d %H:%M} UTC  {info.kind:<14} {info.size // 1024:>8} KB  "
            f"{info.path.name}"
        )
    return 0


def cmd_verify_audit(data_dir: DataDir, args: argparse.Namespace) -> int:
    from app.services import audit

    db = _open(data_dir)
    try:
        report = audit.verify_chain(db)
    finally:
        db.dispose()
    if report.ok:
        print(translate("cli", "Audit chain intact: {n} entries checked.").format(n=report.checked))
        return 0
    print(
        translate(
            "cli", "Audit chain BROKEN at entry {seq}: {reason} ({n} entries before it are intact)."
        ).format(seq=report.broken_seq, reason=report.reason, n=report.checked)
    )
    return 1


def cmd_check(data_dir: DataDir, args: argparse.Namespace) -> int:
    from app.services import backup

    problem = backup.check_database(data_dir.database)
    if problem:
        print(
            translate("cli", "The database failed its integrity check: {problem}").format(
                problem=problem
            )
        )
        return 4
    print(translate("cli", "The database passed its integrity check."))
    if not args.full:
        return 0
    from app.services.checks import run_checks

    db = _open(data_dir)
    try:
        results = run_checks(db, full=True)
    finally:
        db.dispose()
    for result in results:
        mark = translate("cli", "OK") if result.ok else translate("cli", "DIFFERS")
        print(f"{mark:>8}  {result.title}")
        for line in result.problems:
            print(f"          {line}")
    return 0 if all(r.ok for r in results) else 1


def cmd_info(data_dir: DataDir, args: argparse.Namespace) -> int:
    from app.services.station import get_station

    db = _open(data_dir)
    try:
        s = get_station(db)
    finally:
        db.dispose()
    print(f"{s.name}  {s.code}")
    print(f"{s.county} {s.township} {s.village}")
    print(translate("cli", "Signing key fingerprint: {fp}").format(fp=s.signing_key_fingerprint))
    print(translate("cli", "Data folder: {folder}").format(folder=data_dir.root))
    print(translate("cli", "Program version: {version}").format(version=__version__))
    _print_what_changed(data_dir, args)
    return 0


def _print_what_changed(data_dir: DataDir, args: argparse.Namespace) -> None:
    """After an upgrade: the line the app's next main window shows (and then records)."""
    from app.services.changelog import LAST_VERSION_KEY, upgrade_line

    last = _setting(data_dir, LAST_VERSION_KEY, "")
    line = upgrade_line(last, __version__, _language(data_dir, args.lang))
    if line:
        print(line)


def cmd_migrate(data_dir: DataDir, args: argparse.Namespace) -> int:
    from app.db import migrate

    db = _open(data_dir)  # _open migrates after a backup
    try:
        print(
            translate("cli", "Schema at revision {rev}.").format(
                rev=migrate.current_revision(db.engine)
            )
        )
    finally:
        db.dispose()
    _print_what_changed(data_dir, args)
    return 0


def cmd_reset_password(data_dir: DataDir, args: argparse.Namespace) -> int:
    """The recovery for a forgotten administrator password, on the station PC itself."""
    from app.services import auth
    from app.services.keys import SIGNING_KEY

    try:
        key_file = (data_dir.keys / SIGNING_KEY).read_bytes()
    except OSError:
        print(
            translate(
                "cli", "The data folder's key file cannot be read; only its owner can do this."
            ),
            file=sys.stderr,
        )
        return 1
    db = _open(data_dir)
    try:
        password = auth.reset_password_offline(db, args.username, key_file)
    finally:
        db.dispose()
    print(
        translate(
            "cli", "New temporary password for {user}: {password} (to be changed at sign-in)"
        ).format(user=args.username, password=password)
    )
    return 0


def _numbers(text: str) -> list[str]:
    return [part.strip() for part in text.replace("，", ",").split(",") if part.strip()]


def _write_pdf(path: Path, pdf: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pdf)


def _two_copies(data_dir: DataDir, args: argparse.Namespace) -> bool:
    """存根联 and 客户联 unless asked for one copy; by default as the counter prints."""
    if args.one_copy or args.two_copies:
        return bool(args.two_copies)
    return _setting(data_dir, "supermarket/slip_two_copies", "true").lower() in ("true", "1")


def _notice_board_pdf(db: Database, data_dir: DataDir, args: argparse.Namespace) -> bytes:
    """A notice-board list, names masked as the station's setting says unless told."""
    from app.services.documents import lists

    if args.mask_names or args.full_names:
        mask = bool(args.mask_names)
    else:
        mask = _setting(data_dir, "points/mask_names_on_notices", "false").lower() in ("true", "1")
    if args.document == "notice":
        return lists.notice_pdf(db, args.period, mask)
    if args.document == "ranking":
        return lists.ranking_pdf(db, args.period, max(1, args.top), mask)
    if args.document == "red-black":
        return lists.red_black_pdf(db, args.period, max(1, args.top), mask)
    return lists.publicity_pdf(db, mask)


def cmd_print(data_dir: DataDir, args: argparse.Namespace) -> int:
    """(Re)print a document to a PDF file; see the module docstring."""
    from app.services.auth import SYSTEM
    from app.services.documents import cards as card_documents
    from app.services.documents import certificates as certificate_documents
    from app.services.documents import slips
    from app.services.keys import card_key
    from app.services.station import get_station

    db = _open(data_dir)
    try:
        if args.document == "slip":
            printed = slips.print_slip(
                db,
                SYSTEM,
                args.number.strip().upper(),
                get_station(db).name,
                card_key(data_dir.keys),
                args.page or _setting(data_dir, "supermarket/slip_page", "A4"),
                slips.copies_of(_two_copies(data_dir, args)),
                lambda pdf: _write_pdf(args.to, pdf),
            )
            if printed.void:
                text = translate("cli", "Void slip {number} written to {file}.")
            elif printed.reprint:
                text = translate("cli", "Slip {number} written to {file}, marked as a reprint.")
            else:
                text = translate("cli", "Slip {number} written to {file}.")
            print(text.format(number=printed.result.number, file=args.to))
        elif args.document == "certificate":
            data, pdf = certificate_documents.print_certificate(
                db, SYSTEM, data_dir, args.number, reason=args.reason
            )
            _write_pdf(args.to, pdf)
            print(
                translate("cli", "Certificate {number} (copy {copy}) written to {file}.").format(
                    number=data.number, copy=data.copy_no, file=args.to
                )
            )
        elif args.document in ("notice", "ranking", "red-black", "certificate-notice"):
            pdf = _notice_board_pdf(db, data_dir, args)
            _write_pdf(args.to, pdf)
            print(translate("cli", "List written to {file}.").format(file=args.to))
        else:
            if args.households is not None:
                numbers = _numbers(args.households)
                pdf = card_documents.reprint_household_cards(db, data_dir, numbers)
            else:
                numbers = _numbers(args.volunteers)
                pdf = card_documents.reprint_volunteer_cards(db, data_dir, numbers)
            _write_pdf(args.to, pdf)
            print(
                translate("cli", "Cards written to {file}: {n}.").format(
                    n=len(numbers), file=args.to
                )
            )
    finally:
        db.dispose()
    return 0


COMMANDS = {
    "demo": cmd_demo,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "backups": cmd_backups,
    "verify-audit": cmd_verify_audit,
    "check": cmd_check,
    "info": cmd_info,
    "migrate": cmd_migrate,
    "reset-password": cmd_reset_password,
    "print": cmd_print,
}
COMMANDS.update(SYNC_COMMANDS)
COMMANDS.update(HUB_COMMANDS)
