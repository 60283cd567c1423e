#!/usr/bin/env bash
# Build the one-folder PyInstaller bundle dist/StationWorkbench/ from the working tree.
#
#   installers/build-bundle.sh            build (a second build reuses the work folder)
#   installers/build-bundle.sh --clean    forget the work folder first
#
# PyInstaller's work folder is kept in $BUNDLE_WORK (default build/pyinstaller), so
# a rebuild only re-analyses what changed. Run from a checkout set up by ./dev.sh
# (the lock file installs pyinstaller); the .qm translations are compiled first.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
WORK=${BUNDLE_WORK:-build/pyinstaller}
DIST=${BUNDLE_DIST:-dist}
clean=()
if [ "${1:-}" = "--clean" ]; then clean=(--clean); fi
"$PY" scripts/build_translations.py
start=$(date +%s)
"$PY" -m PyInstaller installers/station-workbench.spec --noconfirm "${clean[@]}" \
  --workpath "$WORK" --distpath "$DIST" --log-level WARN
# The interpreter's own libraries (libpython, lib-dynload) come with debug info (16 MB
# of libpython's 23 MB): drop it, nothing else (the symbols stay, the code is unchanged).
if [ "$(uname -s)" = Linux ] && command -v strip >/dev/null; then
  internal="$DIST/StationWorkbench/_internal"
  while IFS= read -r -d '' f; do
    if file -b "$f" | grep -q 'with debug_info'; then strip --strip-debug "$f"; fi
  done < <(find "$internal" -maxdepth 1 -name 'libpython*' -type f -print0
           find "$internal" -path '*/lib-dynload/*.so' -type f -print0)
fi
echo "bundle: $DIST/StationWorkbench ($(du -sm "$DIST/StationWorkbench" | cut -f1) MB, built in $(( $(date +%s) - start )) s)"
