"""乡镇服务器 — the township's hub: an HTTP service its stations upload to (issue 9, DESIGN §5).

``python main.py hub --data-dir <the township's data folder>`` serves that
township on uvicorn (FastAPI, several worker processes on one database):

* ``POST /api/v1/sync-files`` — a station's ``.wbsync`` file, streamed to a
  temp file in the data folder and imported with :func:`app.sync.importer.import_file`
  (once: a retry answers ``already_imported`` with the first time);
* ``GET /api/v1/config`` — the newest config package, for a signed request
  (:mod:`app.sync.request_auth`; replays refused through ``hub_nonce``);
* ``POST /api/v1/stations`` — enrol a station (HTTP Basic: a township user);
* ``GET /api/v1/health`` and FastAPI's ``/openapi.json``.

Modules: :mod:`.settings` (what the workers are told, through the
environment), :mod:`.storage` (the township's store, revocation, nonces),
:mod:`.errors` (the JSON refusals and their per-request language),
:mod:`.packages` (re-publishing the config package), :mod:`.app` (the
FastAPI application) and :mod:`.server` (uvicorn).  No Qt here.
"""
