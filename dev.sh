#!/usr/bin/env bash
# Station Workbench developer entry point — the README's two commands.
#
#   ./dev.sh app [ARGS...]   set up if needed, then start the app on the demo
#                            station in ./demo-data (created on first run)
#   ./dev.sh test [PYTEST-ARGS...]
#                            set up if needed, then run lint, format check,
#                            type check and the whole test suite headless
#   ./dev.sh lock [ARGS...]  regenerate requirements/lock.txt (scripts/lock.sh)
#
# Set-up is idempotent and skipped when nothing changed: Debian packages the
# Qt libraries and the end-to-end tests need (an X server, a window manager,
# xdotool, CUPS with a PDF printer, OCR; installed with apt-get when root or via
# sudo, starting no service), a virtual environment in .venv with the project,
# its dev tools and the bundle's build tools at the exact versions and hashes of
# requirements/lock.txt, and the compiled translations (.qm) built from
# resources/translations/*.ts.  The end-to-end tests start their own X server
# and print server; `./dev.sh test -m "not hardware"` leaves them out, and
# `-m "not installer"` the test that builds and installs the .deb (tests/installers).
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
VENV="$ROOT/.venv"
PY="$VENV/bin/python"

DEB_PACKAGES=(
  libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
  libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libxcb-xfixes0 libxcb-xkb1
  libpulse0          # QtMultimedia (webcam scanning) needs it on Linux
)
# What only the tests need (./dev.sh test installs these as well).
DEB_TEST_PACKAGES=(
  poppler-utils      # pdftotext / pdftoppm: tests read generated PDFs back
  postgresql         # a township hub's database: the schema test starts a private server
  chromium chromium-driver   # tests/hub/test_web_browser.py: the hub's web view in a real browser
  # tests/e2e: the real program on an X screen, driven by real key and mouse events
  xvfb openbox xdotool wmctrl x11-utils imagemagick
  # tests/e2e: printing through a real print queue, the printed page read back
  cups printer-driver-cups-pdf tesseract-ocr tesseract-ocr-chi-sim
  # tests/installers: the bundle's .deb built, read and installed into a scratch root
  binutils file appstream desktop-file-utils
)

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

setup_debian() {
  command -v dpkg-query >/dev/null 2>&1 || return 0   # not Debian/Ubuntu/UOS/Kylin: skip
  local missing=() wanted=("$@")
  for p in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing system packages: ${missing[*]}"
  local SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
      echo "Please install as root: apt-get install ${missing[*]}" >&2; return 1
    fi
  fi
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q
  # Installing starts no service (cups would start the system's print server): the
  # tests start their own.  policy-rc.d answering 101 is Debian's way to say so.
  local policy=/usr/sbin/policy-rc.d made_policy="" status=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy" >/dev/null
    $SUDO chmod 755 "$policy"
    made_policy=1
  fi
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    "${missing[@]}" || status=$?
  if [ -n "$made_policy" ]; then $SUDO rm -f "$policy"; fi
  return $status
}

LOCK=requirements/lock.txt   # exact versions and hashes; scripts/lock.sh regenerates it

setup_python() {
  local stamp="$VENV/.installed" want
  want=$(cat "$LOCK" | sha256sum | cut -d' ' -f1)
  if [ ! -x "$PY" ]; then
    say "creating virtual environment in .venv"
    python3 -m venv "$VENV"
  fi
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    say "installing Python packages from $LOCK"
    # every package at its locked version, each file checked against its hash; then the
    # project itself, with the locked setuptools (nothing unlocked is downloaded)
    "$PY" -m pip install -q --require-hashes -r "$LOCK"
    "$PY" -m pip install -q --no-deps --no-build-isolation -e .
    echo "$want" > "$stamp"
  fi
}

setup_translations() {
  "$PY" scripts/build_translations.py
}

setup() {
  setup_debian "$@"
  setup_python
  setup_translations
}

cmd=${1:-}
shift || true
case "$cmd" in
  app)
    setup "${DEB_PACKAGES[@]}"
    data="$ROOT/demo-data"  # ./dev.sh app --data-dir DIR: another data folder (e.g. a township demo's)
    if [ "${1:-}" = "--data-dir" ] && [ -n "${2:-}" ]; then data="$2"; shift 2; fi
    exec "$PY" main.py --data-dir "$data" gui --demo "$@"
    ;;
  test)
    setup "${DEB_PACKAGES[@]}" "${DEB_TEST_PACKAGES[@]}"
    export QT_QPA_PLATFORM=offscreen
    say "ruff"
    "$VENV/bin/ruff" check app tests scripts main.py
    "$VENV/bin/ruff" format --check app tests scripts main.py
    say "mypy"
    "$VENV/bin/mypy" app
    say "pytest"
    exec "$PY" -m pytest -p no:cacheprovider "$@"
    ;;
  lock)
    setup_python
    exec scripts/lock.sh "$@"
    ;;
  *)
    echo "usage: ./dev.sh app [ARGS]   |   ./dev.sh test [PYTEST-ARGS]   |   ./dev.sh lock" >&2
    exit 2
    ;;
esac
