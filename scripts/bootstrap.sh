#!/usr/bin/env bash
# Installs every build and test dependency from Debian 12 packages.
# Idempotent: packages already present are skipped, so a second run is fast.
# Extra packages for docs-only scripts may be named as arguments: scripts/bootstrap.sh chromium
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  libsdl2-dev libimgui-dev libfreetype-dev
  libsqlite3-dev sqlite3
  libcurl4-openssl-dev
  doctest-dev
  libicu-dev
  libsodium-dev
  libglpk-dev
  nlohmann-json3-dev
  libcli11-dev
  libespeak-ng-dev espeak-ng-data
  fonts-noto-core fonts-noto-ui-core
  gettext libgettextpo-dev
  openssl
  nginx openssh-server
  # Packaging and the kiosk box: the .deb (debhelper, lintian), the watchdog (libsystemd's
  # sd_notify), and the kiosk session as the unit runs it (cage, Xwayland), screenshotted by grim.
  debhelper lintian libsystemd-dev
  cage xwayland grim
)

PACKAGES+=("$@")

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "bootstrap: all ${#PACKAGES[@]} packages present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "bootstrap: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
