"""Optional webcam scanning for the kiosk (DESIGN §4).

QtMultimedia is imported only when the person presses "Camera" (never at
start-up), and zxing-cpp only in the worker that decodes.  The path is kept
small and defensive: no camera, no decoder, a camera that fails to start —
each ends in a clear state the kiosk shows, and the scanner and the manual
search keep working.

Frames arrive on the GUI thread from a ``QVideoSink``; at most one frame is
being decoded at a time and frames are taken at most every
:data:`FRAME_INTERVAL_MS`: the frame is turned into a small grayscale image
here (cheap) and decoded by ``zxingcpp.read_barcodes`` through ``run_task``.
A card held in front of the camera is seen in many frames, so the same text is
passed on once and again only after it has been out of view for
:data:`SAME_CODE_PAUSE_MS` — otherwise one card would sign in and, a minute
later, sign out by itself.
"""

from __future__ import annotations

import contextlib
import importlib.util
from typing import Any

from PySide6.QtCore import QElapsedTimer, QObject, Qt, Signal
from PySide6.QtGui import QImage

from app.views.qtfix import emit
from app.views.tasks import run_task

FRAME_INTERVAL_MS = 150
SAME_CODE_PAUSE_MS = 3000
DECODE_WIDTH = 640  # a multiple of 4, so a Grayscale8 line has no padding


def find_cameras() -> list[Any]:
    """The video inputs QtMultimedia sees ([] when it cannot load)."""
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except Exception:  # no multimedia backend on this PC
        return []
    try:
        return list(QMediaDevices.videoInputs())
    except Exception:
        return []


def decoder_available() -> bool:
    return importlib.util.find_spec("zxingcpp") is not None


def decode_gray(data: bytes, width: int, height: int) -> str:
    """Worker: the first QR code in a grayscale image (``width`` bytes a line), or ""."""
    import zxingcpp

    view = memoryview(data).cast("B", (height, width))
    found = zxingcpp.read_barcodes(
        view, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
    )
    return found[0].text if found else ""


def gray_frame(image: QImage) -> tuple[bytes, int, int]:
    """A small grayscale copy of *image* for the decoder."""
    if image.width() > DECODE_WIDTH:
        image = image.scaledToWidth(DECODE_WIDTH, Qt.TransformationMode.FastTransformation)
    width = image.width() - image.width() % 4
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8).copy(0, 0, width, image.height())
    data = bytes(gray.constBits())[: gray.bytesPerLine() * gray.height()]
    return data, gray.bytesPerLine(), gray.height()


class CameraScanner(QObject):
    """Reads QR codes from the first camera; see the module docstring."""

    decoded = Signal(str)
    state_changed = Signal(str)  # off, no_camera, no_decoder, running, error
    frame_ready = Signal(QImage)  # a preview image

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = "off"
        self.error = ""
        self._camera: Any = None
        self._session: Any = None
        self._sink: Any = None
        self._decoding = False
        self._clock = QElapsedTimer()
        self._clock.start()
        self._last_frame = -FRAME_INTERVAL_MS
        self._last_text = ""
        self._last_seen = 0

    def _set_state(self, state: str) -> None:
        self.state = state
        emit(self.state_changed, state)

    def start(self) -> str:
        """Start the camera; returns the new state."""
        if self.state == "running":
            return self.state
        cameras = find_cameras()
        if not cameras:
            self._set_state("no_camera")
            return self.state
        if not decoder_available():
            self._set_state("no_decoder")
            return self.state
        try:
            from PySide6.QtMultimedia import QCamera, QMediaCaptureSession, QVideoSink

            self._camera = QCamera(cameras[0], self)
            self._session = QMediaCaptureSession(self)
            self._sink = QVideoSink(self)
            self._session.setCamera(self._camera)
            self._session.setVideoSink(self._sink)
            self._sink.videoFrameChanged.connect(self._frame)
            self._camera.errorOccurred.connect(self._camera_error)
            self._camera.start()
        except Exception as err:  # any backend failure is "could not start"
            self.error = str(err)
            self.stop()
            self._set_state("error")
            return self.state
        self._set_state("running")
        return self.state

    def stop(self) -> None:
        if self._camera is not None:
            with contextlib.suppress(Exception):
                self._camera.stop()
        for obj in (self._sink, self._session, self._camera):
            if obj is not None:
                obj.deleteLater()
        self._camera = self._session = self._sink = None
        if self.state == "running":
            self._set_state("off")

    def _camera_error(self, _error: Any, text: str = "") -> None:
        self.error = text
        self.stop()
        self._set_state("error")

    def _frame(self, frame: Any) -> None:
        now = self._clock.elapsed()
        if self._decoding or now - self._last_frame < FRAME_INTERVAL_MS:
            return
        self._last_frame = now
        image = frame.toImage()
        if image.isNull():
            return
        emit(self.frame_ready, image)
        self.decode_image(image)

    def decode_image(self, image: QImage) -> None:
        """Decode one image off the GUI thread (also used by tests)."""
        data, width, height = gray_frame(image)
        self._decoding = True
        run_task(
            decode_gray,
            data,
            width,
            height,
            on_done=self._decoded,
            on_error=lambda _e: self._done_decoding(),
            receiver=self,
        )

    def _done_decoding(self) -> None:
        self._decoding = False

    def _decoded(self, text: str) -> None:
        self._decoding = False
        if not text:
            return
        now = self._clock.elapsed()
        same = text == self._last_text and now - self._last_seen < SAME_CODE_PAUSE_MS
        self._last_seen = now
        if same:
            return
        self._last_text = text
        emit(self.decoded, text)
