#!/bin/sh
# dev.sh — the two commands of the README's quick start.
#
#   ./dev.sh run [FILE.py] [ARGS...]  set up, build, run a Python program with Kiln
#                                     (default: examples/hello.py)
#   ./dev.sh test                     set up, build, run every test (cmocka in the
#                                     release and debug/UBSan variants, then the
#                                     Python-level differential tests)
#
# Set-up installs missing Debian packages through tools/setup.sh (root or sudo).
set -eu
cd "$(dirname "$0")"

jobs=$(nproc 2>/dev/null || echo 2)

build() {
    ./configure "$@" >/dev/null
    ninja -j"$jobs" >/dev/null || { ninja -j1; exit 1; }
}

cmd="${1:-}"
[ $# -gt 0 ] && shift
case "$cmd" in
    run)
        sh tools/setup.sh
        build
        prog="${1:-examples/hello.py}"
        [ $# -gt 0 ] && shift
        exec build/release/bin/python "$prog" "$@"
        ;;
    test)
        sh tools/setup.sh
        status=0
        echo "== debug variant (assertions, UBSan): cmocka tests"
        build --debug
        sh tools/run-tests --variant=debug --cmocka-only || status=1
        echo "== release variant: all tests"
        build
        sh tools/run-tests --variant=release || status=1
        echo "== conformance quick mode (CPython's tests, curated subset, vs the ledger)"
        /usr/bin/python3.11 conformance/run.py --quick --interp kiln --timeout 300 || status=1
        exit $status
        ;;
    *)
        sed -n '2,10p' "$0"
        exit 2
        ;;
esac
