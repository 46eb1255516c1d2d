#!/usr/bin/env bash
# The Debian package end to end (scripts/test.sh runs it after scripts/package.sh):
#  1. its files in a throwaway root, the source long gone: the installed catalog check passes and
#     the installed kiosk starts;
#  2. as root: installed for real; the user, folders and units are there and verify; the kiosk
#     runs exactly as the unit's ExecStart says, under cage with wlroots' headless backend as the
#     user indgang, a grim screenshot is taken, the watchdog is fed, and a killed kiosk takes
#     cage down with it (the unit's Restart=always starts both again);
#  3. an upgrade backs the database up and migrates it; a downgrade leaves it alone, and the
#     older programs refuse it naming the backup; restoring that backup brings it back;
#  4. remove keeps the data, purge deletes it. The package is purged at the end, pass or fail.
# Usage: package_test.sh DEB HELPERS_DIR OUT_DIR   (HELPERS_DIR: build/tests/deploy, with
#        notify-listen and old-schema-db)
set -euo pipefail
deb="$(realpath "$1")" listen="$(realpath "$2")/notify-listen" old_db="$(realpath "$2")/old-schema-db" out="$3"
mkdir -p "$out"
out="$(realpath "$out")"
work="$(mktemp -d)"
chmod 755 "$work"
installed=0
cleanup() {
    [ -n "${cage_pid:-}" ] && kill "$cage_pid" 2>/dev/null || true
    [ "$installed" = 1 ] && DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq indgang >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }
step() { echo "== $*"; }
clean_env=(env -u INDGANG_DATA_DIR -u INDGANG_SOURCE_DIR -u INDGANG_NOW)
version=$(dpkg-deb -f "$deb" Version)

step "1. files in a throwaway root"
dpkg-deb -x "$deb" "$work/root"
cd /
"${clean_env[@]}" "$work/root/usr/bin/indgang-admin" i18n check | tail -n 1
"${clean_env[@]}" SDL_VIDEODRIVER=offscreen INDGANG_NOW=2026-11-24T10:05 "$work/root/usr/bin/indgang-kiosk" \
    --db "$work/unused.db" --screenshots "$work/tour" >"$work/tour.log" 2>&1 || { cat "$work/tour.log"; fail "kiosk from the throwaway root"; }
[ -s "$work/tour/welcome.png" ] || fail "no Welcome screenshot from the throwaway root"
echo "installed kiosk ran its tour: $(ls "$work/tour" | grep -c png) screenshots"

if [ "$(id -u)" -ne 0 ]; then echo "SKIP: steps 2-4 install the package and need root"; exit 0; fi

step "2. installed for real"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" >"$work/apt.log" 2>&1 || { cat "$work/apt.log"; fail "apt-get install"; }
installed=1
id indgang >/dev/null || fail "no user indgang"
[ "$(stat -c '%a %U %G' /var/lib/indgang)" = "750 indgang indgang" ] || fail "/var/lib/indgang: $(stat -c '%a %U %G' /var/lib/indgang)"
[ "$(stat -c '%a %U %G' /etc/indgang)" = "750 root indgang" ] || fail "/etc/indgang: $(stat -c '%a %U %G' /etc/indgang)"
units=(/lib/systemd/system/indgang-kiosk.service /lib/systemd/system/indgang-backup.service /lib/systemd/system/indgang-backup.timer
       /lib/systemd/system/indgang-upload.service /lib/systemd/system/indgang-upload.timer)
verify=$(systemd-analyze verify "${units[@]}" 2>&1) || { echo "$verify"; fail "systemd-analyze verify"; }
[ -z "$verify" ] || { echo "$verify"; fail "systemd-analyze verify printed warnings"; }
echo "systemd-analyze verify: ${#units[@]} installed units clean"
db=/var/lib/indgang/indgang.db
as_indgang() { runuser -u indgang -- "${clean_env[@]}" INDGANG_NOW=2026-11-24T10:05 "$@"; }
as_indgang /usr/bin/indgang-admin --db "$db" demo >/dev/null

# The unit's command line and environment, read from the installed unit, not retyped here.
unit=/lib/systemd/system/indgang-kiosk.service
exec_start=$(sed -n 's/^ExecStart=//p' "$unit")
mapfile -t unit_env < <(sed -n 's/^Environment=//p' "$unit")
set -a; . /etc/indgang/kiosk.conf; set +a
cmdline=$(eval echo "$exec_start")   # expands $KIOSK_OPTIONS as systemd does (split on spaces)
echo "ExecStart: $cmdline"
xdg="$work/xdg"
install -d -m 0700 -o indgang -g indgang "$xdg"
cp "$listen" "$work/notify-listen"
chmod 755 "$work/notify-listen"
runuser -u indgang -- "$work/notify-listen" "$xdg/notify" 40 >"$work/notify.txt" 2>&1 &
for _ in $(seq 50); do [ -S "$xdg/notify" ] && break; sleep 0.1; done
start_cage() {
    # wlroots' headless backend with the pixman renderer: no GPU, no input devices, no tty.
    # WATCHDOG_USEC is 2 s instead of the unit's 30 s so the feeds show within seconds.
    runuser -u indgang -- env -i PATH=/usr/bin:/bin HOME=/var/lib/indgang "${unit_env[@]}" \
        XDG_RUNTIME_DIR="$xdg" WLR_BACKENDS=headless WLR_LIBINPUT_NO_DEVICES=1 WLR_RENDERER=pixman \
        NOTIFY_SOCKET="$xdg/notify" WATCHDOG_USEC=2000000 INDGANG_NOW=2026-11-24T10:05 \
        $cmdline >>"$work/cage.log" 2>&1 &
    cage_pid=$!   # runuser's pid; cage is its child and runuser ends with it
}
wait_ready() {   # READY=1 count reaches $1
    for _ in $(seq 600); do
        [ "$(grep -c 'READY=1' "$work/notify.txt" || true)" -ge "$1" ] && return 0
        kill -0 "$cage_pid" 2>/dev/null || { cat "$work/cage.log"; fail "cage exited before the kiosk was ready"; }
        sleep 0.1
    done
    cat "$work/cage.log"; fail "no READY=1 from the kiosk under cage"
}
t0=$(date +%s%N)
start_cage
wait_ready 1
echo "kiosk under cage ready after $(( ($(date +%s%N) - t0) / 1000000 )) ms"
kiosk_pid=$(pgrep -u indgang -x indgang-kiosk | head -n 1)
[ -n "$kiosk_pid" ] || fail "no indgang-kiosk process owned by indgang"
parent=$(ps -o comm= -p "$(ps -o ppid= -p "$kiosk_pid" | tr -d ' ')")
[ "$parent" = cage ] || fail "the kiosk's parent is '$parent', not cage"
echo "kiosk pid $kiosk_pid, user $(ps -o user= -p "$kiosk_pid"), parent $parent"
sleep 5   # let the watchdog feed a few times on an idle Welcome screen
sock=$(cd "$xdg" && ls wayland-* | grep -v lock | head -n 1)
runuser -u indgang -- env XDG_RUNTIME_DIR="$xdg" WAYLAND_DISPLAY="$sock" grim "$xdg/cage-welcome.png" || { cat "$work/cage.log"; fail grim; }
cp "$xdg/cage-welcome.png" "$out/cage-welcome.png"
echo "grim screenshot: $out/cage-welcome.png ($(stat -c %s "$out/cage-welcome.png") bytes)"
feeds=$(grep -c 'WATCHDOG=1' "$work/notify.txt" || true)
[ "$feeds" -ge 4 ] || { cat "$work/notify.txt"; fail "only $feeds watchdog feeds in ~5 s"; }
echo "watchdog feeds before the kill: $feeds"
# A crash: cage must end with its client, so systemd sees the service exit and restarts it.
kill -9 "$kiosk_pid"
for _ in $(seq 100); do kill -0 "$cage_pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$cage_pid" 2>/dev/null && fail "cage kept running after its kiosk was killed (the unit would not restart)"
set +e; wait "$cage_pid"; cage_rc=$?; set -e
echo "killed kiosk: cage exited ($cage_rc); Restart=always starts it again"
start_cage   # what Restart=always does
wait_ready 2
echo "restarted kiosk ready again"
kill "$cage_pid"; wait "$cage_pid" 2>/dev/null || true; cage_pid=

step "3. upgrade, downgrade"
# The database as an older schema left it: all migrations but the last (a blank file while
# the schema has one migration).
rm -f "$db" "$db-wal" "$db-shm"
old_schema=$("$old_db" "$db")
chown indgang:indgang "$db"
newer="$work/newer"
dpkg-deb -R "$deb" "$newer"
sed -i "s/^Version: .*/Version: $version+upgrade1/" "$newer/DEBIAN/control"
dpkg-deb -Zgzip -z1 -b "$newer" "$work/indgang_$version+upgrade1.deb" >/dev/null   # fast: a test copy
dpkg -i "$work/indgang_$version+upgrade1.deb" >"$work/upgrade.log" 2>&1 || { cat "$work/upgrade.log"; fail "upgrade"; }
grep "migrated" "$work/upgrade.log" || { cat "$work/upgrade.log"; fail "the upgrade did not migrate"; }
backup=$(ls /var/lib/indgang/backups/*before-upgrade-from-"$version".db)
[ "$(sqlite3 "$backup" 'PRAGMA user_version')" = "$old_schema" ] || fail "the pre-upgrade backup is not the old schema"
[ "$(sqlite3 "$db" 'PRAGMA user_version')" -gt "$old_schema" ] || fail "not migrated"
[ "$(stat -c %U "$db") $(stat -c %U "$backup")" = "indgang indgang" ] || fail "files not owned by indgang"
echo "upgrade $version → $version+upgrade1: backed up to $backup, migrated to schema $(sqlite3 "$db" 'PRAGMA user_version')"

# Now the database is from "a newer Indgang" and the older package goes back on.
as_indgang /usr/bin/indgang-admin --db "$db" demo >/dev/null
# The real clock here: the advice picks the newest backup by the time in its name.
runuser -u indgang -- /usr/bin/indgang-admin --db "$db" backup --label before-upgrade-from-"$version"+upgrade1 >/dev/null
keep=$(ls -t /var/lib/indgang/backups/*before-upgrade-from-"$version"+upgrade1.db | head -n 1)
sqlite3 "$db" "PRAGMA user_version = $(( $(sqlite3 "$db" 'PRAGMA user_version') + 1 ))"
dpkg -i "$deb" >"$work/downgrade.log" 2>&1 || { cat "$work/downgrade.log"; fail "downgrade install"; }
grep -q "newer Indgang" "$work/downgrade.log" || { cat "$work/downgrade.log"; fail "the downgrade did not say why"; }
set +e; as_indgang /usr/bin/indgang-admin --db "$db" today >"$work/refused.log" 2>&1; rc=$?; set -e
[ "$rc" -eq 3 ] || { cat "$work/refused.log"; fail "the older admin tool did not refuse ($rc)"; }
grep -q "restore $keep" "$work/refused.log" || { cat "$work/refused.log"; fail "the refusal does not name $keep"; }
printf 'expect-screen out-of-order\n' >"$work/ooo.kiosk"; chmod 644 "$work/ooo.kiosk"
as_indgang env SDL_VIDEODRIVER=offscreen /usr/bin/indgang-kiosk --db "$db" --script "$work/ooo.kiosk" \
    --screenshots "$work" >"$work/refused-kiosk.log" 2>&1 || { cat "$work/refused-kiosk.log"; fail "older kiosk"; }
grep -q "restore $keep" "$work/refused-kiosk.log" || { cat "$work/refused-kiosk.log"; fail "the kiosk's log does not name $keep"; }
echo "downgrade refused: $(sed -n 2p "$work/refused.log")"
as_indgang /usr/bin/indgang-admin --db "$db" restore "$keep" | head -n 1
as_indgang /usr/bin/indgang-admin --db "$db" today >/dev/null || fail "restored database unusable"

step "4. remove keeps the data, purge deletes it"
DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq indgang >/dev/null 2>&1
[ -f "$db" ] || fail "remove deleted the database"
DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq indgang >/dev/null 2>&1
installed=0
[ ! -e /var/lib/indgang ] || fail "purge left /var/lib/indgang"
echo "OK: package $version installed, ran under cage, upgraded, refused a downgrade, purged"
