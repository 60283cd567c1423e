"""同步 — the station's sync page (sync files to the township, enrolment, config packages)."""
