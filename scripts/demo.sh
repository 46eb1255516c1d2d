#!/usr/bin/env bash
# Command (1) of the README: install what is needed, build, and run the kiosk on a demo database.
# With a display it opens the kiosk window; without one it runs headless, walks through every
# screen and writes screenshots to the folder it prints.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/bootstrap.sh

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)" --target indgang-kiosk indgang-admin

mkdir -p demo
db=demo/indgang-demo.db
build/admin/indgang-admin --db "$db" demo >/dev/null

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    export SDL_VIDEODRIVER=offscreen
    # Headless has nobody to listen: speech goes to SDL's silent driver instead of ALSA's errors.
    export SDL_AUDIODRIVER="${SDL_AUDIODRIVER:-dummy}"
    exec build/kiosk/indgang-kiosk --db "$db" --screenshots demo/screenshots "$@"
fi
exec build/kiosk/indgang-kiosk --db "$db" --windowed "$@"
