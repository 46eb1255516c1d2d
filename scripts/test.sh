#!/usr/bin/env bash
# Command (2) of the README: install what is needed, build everything, run every test — once in a
# normal build and once with AddressSanitizer + UndefinedBehaviorSanitizer — then build the
# Debian package and test it installed.
#
# The test suites mostly wait (kiosks on a clock, servers on loopback) while builds keep the cores
# busy, so each suite runs while the next build compiles: the normal tests beside the sanitizer
# build, the sanitizer tests beside the package build. A failure anywhere fails the whole run.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/bootstrap.sh

jobs=$(nproc)
start=$SECONDS
configure_and_build() {
    local dir=$1; shift
    cmake -S . -B "$dir" -G Ninja "$@" >/dev/null
    cmake --build "$dir" -j"$jobs"
}
run_tests() {
    local dir=$1
    # Sanitizer runs: fail on the first report, and keep leak checking on.
    # Leak reports from third-party libraries we cannot fix are listed in tests/lsan.supp.
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    LSAN_OPTIONS=suppressions="$PWD/tests/lsan.supp" \
        ctest --test-dir "$dir" --output-on-failure -j"$jobs" --timeout 600
}
# Runs "$@" in the background with its output in a log; `finish NAME` waits, prints the log, and
# fails the run if the job failed.
declare -A bg_pid bg_log
background() {
    local name=$1; shift
    bg_log[$name]=$(mktemp)
    ( "$@" ) >"${bg_log[$name]}" 2>&1 &
    bg_pid[$name]=$!
}
finish() {
    local name=$1 rc=0
    wait "${bg_pid[$name]}" || rc=$?
    echo "== $name (at $((SECONDS - start)) s) =="
    cat "${bg_log[$name]}"
    rm -f "${bg_log[$name]}"
    if [ "$rc" -ne 0 ]; then echo "FAILED: $name (exit $rc)"; exit "$rc"; fi
}

echo "== build (RelWithDebInfo) =="
# The programs and the core are unity builds (a file per library instead of one per source: about
# half the compile time on 2 cores); the tests are compiled one by one (tests/CMakeLists.txt).
configure_and_build build-test -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_UNITY_BUILD=ON
background "tests (RelWithDebInfo)" run_tests build-test
echo "== build with ASan + UBSan, while the tests run =="
configure_and_build build-test-asan -DCMAKE_BUILD_TYPE=Debug -DINDGANG_SANITIZE=ON -DCMAKE_UNITY_BUILD=ON
finish "tests (RelWithDebInfo)"
background "tests with ASan + UBSan" run_tests build-test-asan
echo "== Debian package: built from a clean clone, lintian, while the sanitizer tests run =="
# package.sh fails on any lintian error or warning and prints the .deb's path.
deb=$(scripts/package.sh)
finish "tests with ASan + UBSan"
echo "== the package installed and run under cage =="
# package_test.sh installs it (as root; without root it checks the files in a throwaway root
# only and says so), and purges it again.
tests/deploy/package_test.sh "$deb" build-test/tests/deploy build-test/deploy
echo "All tests passed (normal and sanitizer builds, the package) in $((SECONDS - start)) s."
