#!/usr/bin/env bash
# Docs only (not CI): builds a sample database with a month of bookings and feedback for the demo
# værested, writes the HTML report, and screenshots it in headless Chromium (installed through
# scripts/bootstrap.sh from Debian's `chromium` package; CI does not need it).
# Usage: scripts/render-report.sh [BUILD_DIR]   → docs/screenshots/report-*.png
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
build="${1:-build}"

scripts/bootstrap.sh chromium

cmake -S . -B "$build" -G Ninja >/dev/null
cmake --build "$build" --target indgang-admin
admin="$build/admin/indgang-admin"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
db="$work/report.db"
export INDGANG_NOW="2026-12-02T10:00"
"$admin" --db "$db" demo >/dev/null

# November's appointments: straight into the tables (the booking rules would refuse past dates).
sqlite3 "$db" <<'SQL'
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60)
INSERT INTO booking(session_id, slot_date, slot_start, slot_end, code, status, created_at, checked_in_at)
SELECT s.id, printf('2026-11-%02d', 2 + (n.i % 27)), 1790000000 + n.i * 1800 + s.id * 100000,
       1790000000 + n.i * 1800 + s.id * 100000 + 1200, printf('%05d', 50000 + n.i * 10 + s.id),
       CASE WHEN (n.i + s.id) % 9 = 0 THEN 'missed' WHEN (n.i + s.id) % 13 = 0 THEN 'cancelled' ELSE 'seen' END,
       1790000000, CASE WHEN (n.i + s.id) % 3 = 0 THEN 1790000000 END
FROM n JOIN session s ON (n.i % 5) + 1 = s.id;
INSERT INTO walkin(site_id, service_id, day, number, created_at)
SELECT 1, s.service_id, printf('2026-11-%02d', 3 + (n.i % 25)), n.i, 0
FROM (WITH RECURSIVE m(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM m WHERE i < 18) SELECT i FROM m) n
JOIN session s ON (n.i % 3) + 1 = s.id;
SQL

# November's feedback: a realistic spread, with the SKP's three forms too few to show.
RANDOM=42
enter() {   # service count bias
  local service="$1" count="$2" bias="$3"
  for ((i = 0; i < count; i++)); do
    args=(--day "$(printf '2026-11-%02d' $((1 + RANDOM % 30)))")
    [ "$service" != "-" ] && args+=(--answer "service=$service")
    for q in safe relevant place again; do
      r=$((RANDOM % 10))
      if [ $r -eq 0 ]; then continue; fi                       # skipped
      if [ $r -eq 1 ]; then args+=(--answer "$q=declined"); continue; fi
      v=$((bias + RANDOM % 3 - 1)); v=$((v < 1 ? 1 : v > 5 ? 5 : v))
      args+=(--answer "$q=$v")
    done
    "$admin" --db "$db" feedback enter "${args[@]}" >/dev/null
  done
}
enter jobcentre 16 4
enter social 11 4
enter substance 7 3
enter skp 3 5
enter - 4 3

mkdir -p docs/screenshots
"$admin" --db "$db" report --period 2026-11 --out "$work/report.html"
"$admin" --db "$db" report --period 2026-11 --format csv --out docs/screenshots/report-2026-11.csv
shoot() {   # html png height
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run \
    --hide-scrollbars --window-size=1100,"$3" --screenshot="$2" "file://$1" 2>/dev/null
}
shoot "$work/report.html" "$root/docs/screenshots/report-2026-11.png" 3400
"$admin" --db "$db" report --period 2026-Q4 --lang da --out "$work/q4.html"
shoot "$work/q4.html" "$root/docs/screenshots/report-2026-Q4-da.png" 1400
echo "render-report: wrote docs/screenshots/report-2026-11.png, report-2026-Q4-da.png and report-2026-11.csv"
