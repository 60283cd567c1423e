#!/usr/bin/env bash
# Build station-workbench_<version>_<arch>.deb from the PyInstaller bundle.
#
#   installers/build-bundle.sh && installers/debian/build-deb.sh
#
# The package: the bundle under /opt/station-workbench, the launcher
# /usr/bin/station-workbench, a desktop entry (Chinese and English names), the
# icon in the hicolor sizes, AppStream metainfo, the township hub's systemd unit
# (disabled), its system user (sysusers.d) and settings (/etc/default), and
# maintainer scripts that never touch a data folder. Depends: the Debian
# packages owning the libraries the bundle's ELF files need and do not ship
# (installers/debian/depends.py).
#
# Environment: BUNDLE (default dist/StationWorkbench), DEB_OUT (default build/deb),
# DEB_VERSION (default: what the bundle's --version prints, i.e. app.__version__;
# set it to package the same bundle as another version, e.g. for an upgrade test),
# DEB_COMPRESSION (default xz; gzip builds in seconds, for a package only a test installs).
set -euo pipefail
cd "$(dirname "$0")/../.."
HERE=installers/debian
APP_ID=org.stationworkbench.StationWorkbench   # AppStream id = desktop entry's name
PY=${PYTHON:-.venv/bin/python}
BUNDLE=${BUNDLE:-dist/StationWorkbench}
OUT=${DEB_OUT:-build/deb}
[ -x "$BUNDLE/StationWorkbench" ] || { echo "no bundle in $BUNDLE: run installers/build-bundle.sh" >&2; exit 1; }
VERSION=${DEB_VERSION:-$("$BUNDLE/StationWorkbench" --version)}
ARCH=$(dpkg --print-architecture)
NAME=station-workbench_${VERSION}_${ARCH}
PKG=$OUT/$NAME
rm -rf "$PKG"
mkdir -p "$PKG/DEBIAN" "$PKG/opt" "$PKG/usr/bin" "$PKG/usr/share/applications" \
  "$PKG/usr/share/metainfo" "$PKG/usr/share/doc/station-workbench" \
  "$PKG/usr/lib/systemd/system" "$PKG/usr/lib/sysusers.d" "$PKG/etc/default"

cp -a "$BUNDLE" "$PKG/opt/station-workbench"
ln -s /opt/station-workbench/StationWorkbench "$PKG/usr/bin/station-workbench"
install -m 644 "$HERE/$APP_ID.desktop" "$PKG/usr/share/applications/"
for png in resources/icons/app-*.png; do
  size=$(basename "$png" .png); size=${size#app-}
  install -D -m 644 "$png" "$PKG/usr/share/icons/hicolor/${size}x${size}/apps/station-workbench.png"
done
install -D -m 644 resources/icons/app.svg "$PKG/usr/share/icons/hicolor/scalable/apps/station-workbench.svg"
sed "s/@VERSION@/${VERSION}/; s/@DATE@/$(date -u +%F)/" "$HERE/$APP_ID.metainfo.xml" \
  > "$PKG/usr/share/metainfo/$APP_ID.metainfo.xml"
install -m 644 "$HERE/station-workbench-hub.service" "$PKG/usr/lib/systemd/system/"
install -m 644 "$HERE/station-workbench-hub.sysusers" "$PKG/usr/lib/sysusers.d/station-workbench-hub.conf"
install -m 644 "$HERE/station-workbench-hub.default" "$PKG/etc/default/station-workbench-hub"
install -m 644 "$HERE/README.Debian" "$HERE/copyright" "$PKG/usr/share/doc/station-workbench/"
install -m 755 "$HERE/postinst" "$HERE/prerm" "$HERE/postrm" "$PKG/DEBIAN/"
echo /etc/default/station-workbench-hub > "$PKG/DEBIAN/conffiles"

DEPENDS=$("$PY" "$HERE/depends.py" "$PKG/opt/station-workbench")
SIZE=$(du -sk --exclude=DEBIAN "$PKG" | cut -f1)
cat > "$PKG/DEBIAN/control" <<EOF
Package: station-workbench
Version: ${VERSION}
Architecture: ${ARCH}
Maintainer: Station Workbench <noreply@example.invalid>
Installed-Size: ${SIZE}
Depends: ${DEPENDS}
Recommends: systemd
Section: misc
Priority: optional
Homepage: https://example.invalid/station-workbench
Description: 文明实践站工作台 Station Workbench
 Offline-first desktop program for village civilization practice stations
 (新时代文明实践站): residents and points, the points supermarket, volunteers,
 activities, service orders, printing and the sync with the township. Also
 the township hub, as a systemd service that is shipped disabled.
EOF

if command -v appstreamcli >/dev/null 2>&1; then
  appstreamcli validate --no-net --explain "$PKG/usr/share/metainfo/$APP_ID.metainfo.xml"
fi
if command -v desktop-file-validate >/dev/null 2>&1; then
  desktop-file-validate "$PKG/usr/share/applications/$APP_ID.desktop"
fi
dpkg-deb --build --root-owner-group -Z"${DEB_COMPRESSION:-xz}" --threads-max="$(nproc)" "$PKG" "$OUT/$NAME.deb" >/dev/null
rm -rf "$PKG"
echo "built $OUT/$NAME.deb ($(du -m "$OUT/$NAME.deb" | cut -f1) MB, installed ${SIZE} KB)"
echo "Depends: ${DEPENDS}"
