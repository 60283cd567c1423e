"""Running the hub: uvicorn with K worker processes on the township's store."""

from __future__ import annotations

import os
import shutil

from app.sync.hub.settings import ENV, HubSettings


def clear_incoming(settings: HubSettings) -> None:
    """Forget the temp files of uploads cut off by a crash (before any worker starts)."""
    shutil.rmtree(settings.hub_folder / "incoming", ignore_errors=True)
    (settings.hub_folder / "incoming").mkdir(parents=True, exist_ok=True)


def serve(settings: HubSettings, host: str, port: int, workers: int) -> None:
    import uvicorn

    os.environ[ENV] = settings.to_env()  # the workers' factory reads it
    clear_incoming(settings)
    uvicorn.run(
        "app.sync.hub.app:create_app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=max(1, workers),
        access_log=False,  # the hub logs one line per request itself
        log_level="warning",
        timeout_keep_alive=5,
        timeout_graceful_shutdown=10,
        server_header=False,
        proxy_headers=False,
    )
