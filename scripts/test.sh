#!/usr/bin/env bash
# Command (2) of the README: install what is needed, build everything, run every test — once in a
# normal build and once with AddressSanitizer + UndefinedBehaviorSanitizer — then build the
# Debian package and test it installed.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/bootstrap.sh

jobs=$(nproc)
run_suite() {
    local dir=$1; shift
    cmake -S . -B "$dir" -G Ninja "$@" >/dev/null
    cmake --build "$dir" -j"$jobs"
    # Sanitizer runs: fail on the first report, and keep leak checking on.
    # Leak reports from third-party libraries we cannot fix are listed in tests/lsan.supp.
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    LSAN_OPTIONS=suppressions="$PWD/tests/lsan.supp" \
        ctest --test-dir "$dir" --output-on-failure -j"$jobs" --timeout 600
}

echo "== build and test (RelWithDebInfo) =="
run_suite build-test -DCMAKE_BUILD_TYPE=RelWithDebInfo
echo "== build and test with ASan + UBSan =="
run_suite build-test-asan -DCMAKE_BUILD_TYPE=Debug -DINDGANG_SANITIZE=ON
echo "== Debian package: built from a clean clone, lintian, then installed and run under cage =="
# package.sh fails on any lintian error; package_test.sh installs it (as root; without root it
# checks the files in a throwaway root only and says so), and purges it again.
deb=$(scripts/package.sh)
tests/deploy/package_test.sh "$deb" build-test/tests/deploy build-test/deploy
echo "All tests passed (normal and sanitizer builds, the package)."
