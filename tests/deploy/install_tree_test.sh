#!/usr/bin/env bash
# `cmake --install` into a throwaway prefix, then the installed programs run from it with no
# hint of the build or source tree: the catalog check passes and the kiosk starts (headless tour).
# Usage: install_tree_test.sh BUILD_DIR WORK_DIR
set -euo pipefail
build="$1" work="$2"
rm -rf "$work"
mkdir -p "$work"
prefix="$work/usr"
cmake --install "$build" --prefix "$prefix" >"$work/install.log"
fail() { echo "FAIL: $*"; exit 1; }
for f in bin/indgang-kiosk bin/indgang-admin share/indgang/i18n/languages.json share/indgang/i18n/da.po \
         share/indgang/i18n/indgang.pot share/indgang/assets/forms/conversation.json share/doc/indgang/README.md share/man/man1/indgang-admin.1 share/man/man1/indgang-kiosk.1 \
         lib/systemd/system/indgang-kiosk.service lib/systemd/system/indgang-backup.timer \
         lib/sysusers.d/indgang.conf lib/tmpfiles.d/indgang.conf etc/indgang/kiosk.conf etc/pam.d/indgang-kiosk; do
    [ -e "$prefix/$f" ] || fail "$f not installed"
done
# Nothing may point the programs at their data but their own location.
clean_env=(env -u INDGANG_DATA_DIR -u INDGANG_SOURCE_DIR -u INDGANG_NOW SDL_VIDEODRIVER=offscreen)
cd /
"${clean_env[@]}" "$prefix/bin/indgang-admin" i18n check >"$work/check.log" 2>&1 || { cat "$work/check.log"; fail "installed i18n check"; }
grep -q "all 12 catalogs complete\|catalogs complete" "$work/check.log" || { cat "$work/check.log"; fail "check output"; }
"${clean_env[@]}" INDGANG_NOW=2026-11-24T10:05 "$prefix/bin/indgang-kiosk" --db "$work/unused.db" \
    --screenshots "$work/tour" >"$work/tour.log" 2>&1 || { cat "$work/tour.log"; fail "installed kiosk tour"; }
[ "$(stat -c %s "$work/tour/welcome.png")" -gt 10000 ] || fail "no Welcome screenshot from the installed kiosk"
grep -q "feedback form unavailable" "$work/tour.log" && fail "installed kiosk lost its feedback form"
# The data moved away: a clear error, not English screens.
mv "$prefix/share/indgang" "$work/moved"
if "${clean_env[@]}" "$prefix/bin/indgang-admin" i18n check >"$work/broken.log" 2>&1; then fail "check passed without data"; fi
grep -q "no data files at $prefix/share/indgang" "$work/broken.log" || { cat "$work/broken.log"; fail "unclear error"; }
if "${clean_env[@]}" "$prefix/bin/indgang-kiosk" --db "$work/unused.db" >"$work/broken-kiosk.log" 2>&1; then fail "kiosk started without data"; fi
grep -q "no data files" "$work/broken-kiosk.log" || { cat "$work/broken-kiosk.log"; fail "unclear kiosk error"; }
echo "OK: installed tree in $prefix runs on its own data"
