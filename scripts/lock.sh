#!/usr/bin/env bash
# Regenerate requirements/lock.txt: the exact version and hashes of every package
# the app, its tests and the bundle build use (pyproject's dependencies and its
# extras dev and build, with setuptools, wheel and pip to install the project itself).
#
#   scripts/lock.sh                          keep the pinned versions, add what is new
#   scripts/lock.sh --upgrade                move every package to its newest allowed version
#   scripts/lock.sh --upgrade-package NAME   move one package
#
# One file for every platform (uv's universal resolution): a package only one OS
# needs carries its marker (pefile ; sys_platform == 'win32' for PyInstaller on
# Windows), so the Windows installer is built from the same pins and hashes as the
# .deb.  ./dev.sh installs from this file (pip --require-hashes), and so does the
# bundle build, so two builds of one version hold the same packages.  Commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."
UV=${UV:-.venv/bin/uv}
[ -x "$UV" ] || UV=$(command -v uv || true)
if [ -z "$UV" ]; then
  echo "uv is missing: ./dev.sh installs it (extra 'build' of pyproject.toml)" >&2
  exit 1
fi
mkdir -p requirements
# (the existing file is read first: its versions are kept unless told to upgrade)
"$UV" pip compile pyproject.toml --extra dev --extra build --universal --python-version 3.11 \
  --generate-hashes --no-strip-markers --quiet --output-file requirements/lock.txt "$@"
