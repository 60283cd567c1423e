"""同步 — sync files upward by USB stick: the envelope, the export and the township import.

DESIGN §2/§5.  A station writes a signed ``.wbsync`` file
(:mod:`app.sync.export`); a township checks it as hostile input and applies it
exactly once (:mod:`app.sync.importer`).  :mod:`app.sync.envelope` is the file
format itself, :mod:`app.sync.enrol` the enrolment file a station hands its
township.  No widgets here: the GUI calls these functions from a background
task, passing ``progress`` and ``cancelled`` callables.
"""
