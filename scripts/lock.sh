#!/usr/bin/env bash
# Regenerate requirements/lock.txt: the exact version and hashes of every package
# the app, its tests and the bundle build use (pyproject's dependencies and its
# extras dev and build, with setuptools and wheel to install the project itself).
#
#   scripts/lock.sh                 keep the pinned versions, add what is new
#   scripts/lock.sh --upgrade       move every package to its newest allowed version
#   scripts/lock.sh --upgrade-package NAME   move one package
#
# ./dev.sh installs from this file (pip --require-hashes), and so does the bundle
# build, so two builds of one version hold the same packages.  Commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
"$PY" -m piptools compile --version >/dev/null 2>&1 || {
  echo "pip-compile is missing: ./dev.sh installs it (extra 'build' of pyproject.toml)" >&2
  exit 1
}
mkdir -p requirements
"$PY" -m piptools compile --quiet --generate-hashes --allow-unsafe --strip-extras \
  --extra dev --extra build --no-emit-index-url --no-emit-find-links \
  --output-file requirements/lock.txt "$@" --all-build-deps pyproject.toml
