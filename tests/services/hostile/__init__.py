"""Hostile files built at test time (nothing big is committed)."""
