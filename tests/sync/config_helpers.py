"""A township that has enrolled its stations and they it, for the config package tests."""

from __future__ import annotations

from pathlib import Path

from sync_helpers import World

from app.sync.enrol import enrol_township, read_enrolment, write_enrolment


def enrol_both_ways(world: World) -> Path:
    """Both stations take the township (its enrolment file, fingerprint confirmed)."""
    path = write_enrolment(world.town.db, world.town.data_dir, world.root / "town-enrol")
    fingerprint = read_enrolment(path).fingerprint
    for s in (world.a, world.b):
        enrol_township(s.db, s.data_dir, path, fingerprint=fingerprint)
    return path
