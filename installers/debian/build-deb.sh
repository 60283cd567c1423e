#!/usr/bin/env bash
# Build station-workbench_<version>_<arch>.deb from the PyInstaller bundle.
# Run from the repository root after: pyinstaller installers/station-workbench.spec
set -euo pipefail
VERSION=$(.venv/bin/python -c "import app; print(app.__version__)")
ARCH=$(dpkg --print-architecture)
PKG=build/deb/station-workbench_${VERSION}_${ARCH}
rm -rf "$PKG"
mkdir -p "$PKG/DEBIAN" "$PKG/opt/station-workbench" "$PKG/usr/share/applications" "$PKG/usr/bin"
cp -a dist/StationWorkbench/. "$PKG/opt/station-workbench/"
ln -s /opt/station-workbench/StationWorkbench "$PKG/usr/bin/station-workbench"
cp installers/debian/station-workbench.desktop "$PKG/usr/share/applications/"
sed "s/@VERSION@/${VERSION}/; s/@ARCH@/${ARCH}/" installers/debian/control.in > "$PKG/DEBIAN/control"
dpkg-deb --build --root-owner-group "$PKG"
echo "built ${PKG}.deb"
