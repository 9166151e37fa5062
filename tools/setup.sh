#!/bin/sh
# tools/setup.sh — install every Debian package Kiln needs, only what is missing.
# Non-interactive; runs as root or through sudo.  Safe to run again.
set -eu

PKGS="
build-essential
clang
ninja-build
pkg-config
libgc-dev
libffi-dev
libcmocka-dev
llvm-16-dev
python3.11
libpython3.11-stdlib
libpython3.11-testsuite
python3.11-dev
zlib1g-dev
libexpat1-dev
libbz2-dev
liblzma-dev
libcrypt-dev
libsqlite3-dev
libreadline-dev
libssl-dev
uuid-dev
libclang-rt-14-dev
pypy3
"

missing=""
for p in $PKGS; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done

if [ -z "$missing" ]; then
    echo "setup: all packages present"
    exit 0
fi

SUDO=""
if [ "$(id -u)" != 0 ]; then
    SUDO="sudo"
fi

echo "setup: installing:$missing"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
echo "setup: done"
