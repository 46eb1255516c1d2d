#!/usr/bin/env bash
# Builds dist/indgang_<version>_<arch>.deb from a clean clone of the committed HEAD (never the
# working tree's uncommitted files), then runs lintian on it and fails on any error or warning.
# Usage: scripts/package.sh            (prints the path of the .deb)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
scripts/bootstrap.sh >/dev/null

# The version lives in CMake's project(); the Debian changelog must agree.
cmake_version=$(sed -n 's/^project(indgang VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
deb_version=$(dpkg-parsechangelog -l debian/changelog -S Version)
if [ "$cmake_version" != "$deb_version" ]; then
    echo "package: CMakeLists.txt says $cmake_version, debian/changelog says $deb_version" >&2
    exit 1
fi
if ! git diff --quiet HEAD -- 2>/dev/null; then
    echo "package: note: uncommitted changes are not in the package (it is built from HEAD)" >&2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
git clone --quiet --no-hardlinks "$root" "$work/indgang"
cd "$work/indgang"
# -b: binary only; -us -uc: nothing to sign; the build's own flags come from dpkg-buildflags.
DEB_BUILD_OPTIONS="parallel=$(nproc)" nice dpkg-buildpackage -b -us -uc >"$work/build.log" 2>&1 || {
    tail -n 60 "$work/build.log" >&2
    echo "package: dpkg-buildpackage failed (log above)" >&2
    exit 1
}
cd "$work"
deb=$(ls indgang_"$deb_version"_*.deb)
mkdir -p "$root/dist"
cp "$deb" "$root/dist/"
# Errors and warnings fail the build; info tags are printed for whoever reads the log.
if ! lintian --fail-on error,warning --suppress-tags-from-file /dev/null "$root/dist/$deb" >"$work/lintian.txt" 2>&1; then
    cat "$work/lintian.txt" >&2
    echo "package: lintian reports errors or warnings" >&2
    exit 1
fi
sed 's/^/lintian: /' "$work/lintian.txt" >&2
echo "$root/dist/$deb"
