#!/bin/sh
# run.sh — build and run the tokenizer fuzz target with libFuzzer.
#   libparse/fuzz/run.sh [seconds] [extra libFuzzer args...]
# Builds into build/fuzz/ (clang, -fsanitize=fuzzer,address,undefined), seeds
# the corpus from libparse/fuzz/seeds/ and keeps it in build/fuzz/corpus-tok/.
# Not part of the default ninja build.  Run from the repository root.
set -eu
secs=${1:-600}
[ $# -gt 0 ] && shift
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$root/build/fuzz
mkdir -p "$out/corpus-tok" "$out/artifacts-tok"
srcs="error decode utf8 keyword tokenizer tok_number strlit unicode_names"
files=""
for s in $srcs; do files="$files $root/libparse/src/$s.c"; done
clang -std=c11 -D_GNU_SOURCE -g -O1 -fno-omit-frame-pointer \
    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -I"$root/libparse/include" -I"$root/libparse/src" \
    "$root/libparse/fuzz/fuzz_tokenizer.c" $files -o "$out/fuzz_tokenizer"
cp -n "$root"/libparse/fuzz/seeds/* "$out/corpus-tok/" 2>/dev/null || true
exec "$out/fuzz_tokenizer" -max_total_time="$secs" -max_len=4096 \
    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$out/artifacts-tok/" "$@" "$out/corpus-tok"
