"""The background upload's scheduler — a QTimer on the GUI thread that only schedules.

One :class:`Uploader` per signed-in window (found again by the 同步 page and
the settings through :func:`uploader_for`).  An attempt runs in two tasks,
both write tasks on a pool thread of their own (``LONG_WRITE``): the export
into the outbox (as the 同步 page's export: on the single writer thread a big
station's export would hold up every scan and redemption behind it; the
database's write lane still orders it with them), then the network part —
upload, config fetch and its import — which neither holds the writer lane nor
takes one of the readers while a hub is slow.  The GUI thread never waits on
the network.

When: at the persisted next time (the backoff after a failure, the regular
poll after a success), :data:`START_DELAY_MS` after start-up, :data:`DEBOUNCE_MS`
after a change was noticed (a cheap look at the change counter every
:data:`WATCH_MS`, and at once on ``station_changed``) unless a failure's
backoff is running, and on 立即上传.  Nothing happens while no hub URL is set.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from app.models import utcnow
from app.settings import LANGUAGE
from app.sync import upload
from app.sync.export import SyncStatus, sync_status
from app.sync.upload import Prepared, UploadAttempt, UploadState
from app.views.pages import PageContext
from app.views.qtfix import emit
from app.views.tasks import LONG_WRITE, run_task

START_DELAY_MS = 5_000
DEBOUNCE_MS = 20_000
WATCH_MS = 60_000
MAX_TIMER_MS = 6 * 3600 * 1000

_uploaders: dict[int, Uploader] = {}


def uploader_for(ctx: PageContext, parent: QObject | None = None) -> Uploader:
    """The uploader of this sign-in (made, with *parent*, when there is none yet)."""
    found = _uploaders.get(id(ctx.events))
    if found is None:
        found = Uploader(ctx, parent)
    return found


class Uploader(QObject):
    state_changed = Signal(object)  # UploadState, after every attempt and reload
    attempt_started = Signal()
    attempt_finished = Signal(object)  # UploadAttempt

    def __init__(self, ctx: PageContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("uploader")
        self.ctx = ctx
        self.state: UploadState | None = None
        self.running = False
        self._again = False  # 立即上传 while an attempt runs: one more after it
        self._seen_seq = -1
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.attempt)
        self.watch = QTimer(self)
        self.watch.setInterval(WATCH_MS)
        self.watch.timeout.connect(self.look_for_changes)
        key, me = id(ctx.events), id(self)
        _uploaders[key] = self  # a new window's uploader replaces the last one's

        def forget(*_args: object) -> None:
            if id(_uploaders.get(key)) == me:
                _uploaders.pop(key, None)

        self.destroyed.connect(forget)
        ctx.events.station_changed.connect(self.look_for_changes)

    # --- state -------------------------------------------------------------------------

    def start(self) -> None:
        """After start-up: load the persisted schedule and follow it."""
        self.watch.start()
        self.reload(first=True)

    def stop(self) -> None:
        self.timer.stop()
        self.watch.stop()

    def reload(self, *, first: bool = False) -> None:
        run_task(
            upload.upload_state,
            self.ctx.db,
            on_done=lambda state: self._loaded(state, first),
            on_error=lambda _exc: None,
            receiver=self,
            key="upload.state",
        )

    def _loaded(self, state: UploadState, first: bool = False) -> None:
        self.state = state
        emit(self.state_changed, state)
        if not self.running:
            self._schedule(first)

    def _schedule(self, first: bool = False) -> None:
        state = self.state
        if state is None or not state.hub_url:
            self.timer.stop()
            return
        delay_ms = START_DELAY_MS if first else 0
        if state.next_at is not None:
            due = (state.next_at - utcnow()).total_seconds() * 1000
            delay_ms = max(delay_ms, int(due))
        delay_ms = max(0, min(delay_ms, MAX_TIMER_MS))
        if self.timer.isActive() and 0 <= self.timer.remainingTime() <= delay_ms:
            return  # a sooner attempt (a change noticed) is already due
        self.timer.start(delay_ms)

    def next_at(self) -> datetime | None:
        return self.state.next_at if self.state is not None else None

    # --- triggers ----------------------------------------------------------------------

    def hub_url_changed(self) -> None:
        """设置 → 同步 stored another address: its schedule starts afresh."""
        self.reload()

    def upload_now(self) -> None:
        if self.running:
            self._again = True
            return
        self.attempt()

    def look_for_changes(self) -> None:
        run_task(
            sync_status,
            self.ctx.db,
            on_done=self._counter_read,
            on_error=lambda _exc: None,
            receiver=self,
            key="upload.watch",
        )

    def _counter_read(self, status: SyncStatus) -> None:
        changed = self._seen_seq >= 0 and status.current_seq != self._seen_seq
        self._seen_seq = status.current_seq
        state = self.state
        if not changed or self.running or state is None or not state.hub_url:
            return
        if state.failures:  # a backoff runs: a change does not shorten it
            return
        remaining = self.timer.remainingTime() if self.timer.isActive() else -1
        if remaining < 0 or remaining > DEBOUNCE_MS:
            self.timer.start(DEBOUNCE_MS)

    # --- one attempt ---------------------------------------------------------------------

    def attempt(self) -> None:
        if self.running or self.state is None or not self.state.hub_url:
            return
        self.timer.stop()
        self.running = True
        emit(self.attempt_started)
        run_task(
            upload.prepare_upload,
            self.ctx.db,
            self.ctx.data_dir,
            write=LONG_WRITE,
            on_done=self._prepared,
            on_error=self._crashed,
            receiver=self,
        )

    def _prepared(self, prepared: Prepared) -> None:
        language = str(self.ctx.settings.get(LANGUAGE))
        run_task(
            _send,
            self.ctx.db,
            self.ctx.data_dir,
            prepared,
            language,
            write=LONG_WRITE,
            on_done=self._finished,
            on_error=self._crashed,
            receiver=self,
        )

    def _crashed(self, _exc: BaseException) -> None:
        # a bug, not a network failure (those are attempts): the runner's handler is not
        # called so no dialog pops up in the background; the schedule goes on
        self.running = False
        self.reload()

    def _finished(self, attempt: UploadAttempt) -> None:
        self.running = False
        self._seen_seq = -1  # the attempt's own export and config import are no change
        emit(self.attempt_finished, attempt)
        emit(self.ctx.events.station_changed)  # the status bar, the home page
        if self._again:
            self._again = False
            self.attempt()
            return
        self.reload()


def _send(db: Any, data_dir: Any, prepared: Prepared, language: str) -> UploadAttempt:
    """The network half, with the hub URL read again: the one stored now counts (it may
    have changed or been cleared meanwhile; cleared, nothing is sent)."""
    return upload.send_prepared(db, data_dir, upload.hub_url(db), prepared, language=language)
