#!/usr/bin/env bash
# Runs the kiosk's headless tour (what scripts/demo.sh runs without a display) at four clock
# times — a Tuesday morning, a Tuesday evening after every session has ended (the time that used to
# fail), a Saturday night and a Monday before opening — and checks that every screen was reached.
set -euo pipefail
kiosk=$1
out=$2
export SDL_VIDEODRIVER=offscreen SDL_AUDIODRIVER=dummy
screens=(welcome home book-service book-day book-time book-nickname book-confirm receipt checkin
         checkin-result walkin-service walkin-ticket idle-prompt feedback staff-pin)
for now in 2026-12-01T09:30 2026-12-01T20:47 2026-12-05T23:30 2026-12-07T07:15; do
    dir="$out/$now"
    rm -rf "$dir"
    mkdir -p "$out"
    if ! INDGANG_NOW="$now" "$kiosk" --db "$out/demo.db" --screenshots "$dir" >"$dir.log" 2>&1; then
        echo "tour at $now failed:"; cat "$dir.log"; exit 1
    fi
    # A step marked optional in the tour reports its failure in the log; none may fail.
    if grep -q "optional step skipped" "$dir.log"; then
        echo "tour at $now skipped a step:"; cat "$dir.log"; exit 1
    fi
    for s in "${screens[@]}"; do
        [ -s "$dir/$s.png" ] || { echo "tour at $now: no $s.png"; ls "$dir"; exit 1; }
    done
    echo "tour at $now: ${#screens[@]} screens"
done
