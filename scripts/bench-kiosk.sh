#!/usr/bin/env bash
# Kiosk benchmark at 1920x1080, software rendering, headless (SDL offscreen driver):
#  1. time to first frame, CPU per frame (median, p99) and peak RSS during a scripted booking +
#     check-in flow (indgang-kiosk --bench prints them);
#  2. CPU over an idle period in the normal event loop (--run-seconds), scaled to 60 s.
# Usage: scripts/bench-kiosk.sh [build-dir] [idle-seconds]   (default: build-kiosk, 60)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build-kiosk}"
idle="${2:-60}"
kiosk="$build/kiosk/indgang-kiosk"
[ -x "$kiosk" ] || { echo "build indgang-kiosk first: cmake --build $build --target indgang-kiosk" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export SDL_VIDEODRIVER=offscreen INDGANG_NOW=2026-11-24T10:05

# A flow over the busiest screens, several times, so there are a few hundred frames.
{
  for i in 1 2 3; do
    cat <<'S'
tap ###lang_da
tap ###book
tap-first service_
tap-first day_
tap-first time_
type Mads
tap ###continue
tap ###confirm
capture code ###code
tap ###done
tap ###lang_da
tap ###checkin
type $code
tap ###ok
tap ###done
tap ###lang_en
tap ###walkin
tap-first walkin_
tap ###done
S
  done
} > "$work/flow.kiosk"

echo "== scripted flow (1920x1080, software renderer)"
"$kiosk" --db "$work/bench.sqlite" --demo --script "$work/flow.kiosk" --screenshots "$work" --size 1920x1080 --bench \
  | tee "$work/flow.txt"

# Idle is measured under X11 (Xvfb), the path a real kiosk takes: SDL's offscreen driver has no
# real event wait (it polls every millisecond inside SDL_WaitEventTimeout), X11 blocks on the
# display socket.
"$root/scripts/bootstrap.sh" xvfb xauth time >/dev/null
echo "== idle: ${idle} s in the event loop on the Welcome screen (X11 via Xvfb)"
SDL_VIDEODRIVER=x11 xvfb-run -a -s "-screen 0 1920x1080x24" \
  /usr/bin/time -f "idle_peak_rss_kb %M" "$kiosk" --db "$work/bench.sqlite" --windowed --size 1920x1080 \
  --run-seconds "$idle" 2>&1 | tee "$work/idle.txt"
awk -v s="$idle" '/idle_cpu_ms/ { printf "idle_cpu_ms_per_60s %.1f (%.3f %% of one core)\n", $2 * 60 / s, $2 / (s * 10) }' "$work/idle.txt"
