#!/bin/sh
# run.sh — build and run a libparse fuzz target with libFuzzer.
#   libparse/fuzz/run.sh tok|parse [seconds] [extra libFuzzer args...]
#   libparse/fuzz/run.sh parse --build-only
# tok:   fuzz_tokenizer.c (tokenizer, source and string-literal decoding)
# parse: fuzz_parser.c (the whole parser and the dumper)
# Builds into build/fuzz/ (clang, -fsanitize=fuzzer,address,undefined; UBSan
# aborts on the first finding), keeps the corpus in build/fuzz/corpus-<t>/
# and crashing inputs in build/fuzz/artifacts-<t>/.  The corpus is seeded
# from libparse/fuzz/seeds/ and, for `parse`, from the stdlib's .py files up
# to 8 KB.  Not part of the default ninja build.  Run from anywhere.
set -eu
target=${1:-parse}
[ $# -gt 0 ] && shift
secs=${1:-600}
[ $# -gt 0 ] && shift
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$root/build/fuzz
case "$target" in
tok)
    main=fuzz_tokenizer
    srcs="error decode utf8 keyword tokenizer tok_number strlit unicode_names" ;;
parse)
    main=fuzz_parser
    srcs=$(cd "$root/libparse/src" && ls *.c | sed 's/\.c$//' | tr '\n' ' ') ;;
*)
    echo "run.sh: unknown target $target (tok or parse)" >&2; exit 2 ;;
esac
mkdir -p "$out/corpus-$target" "$out/artifacts-$target"
files=""
for s in $srcs; do files="$files $root/libparse/src/$s.c"; done
clang -std=c11 -D_GNU_SOURCE -g -O1 -fno-omit-frame-pointer \
    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -I"$root/libparse/include" -I"$root/libparse/src" \
    "$root/libparse/fuzz/$main.c" $files -lm -o "$out/$main"
[ "$secs" = "--build-only" ] && exit 0
cp -n "$root"/libparse/fuzz/seeds/* "$out/corpus-$target/" 2>/dev/null || true
if [ "$target" = parse ] && [ ! -e "$out/corpus-parse/.seeded" ]; then
    # stdlib files as seeds: a leading mode byte (0 = exec, decoded from bytes)
    find /usr/lib/python3.11 -name '*.py' -size -8k | sort | while read -r f; do
        h=$(cksum "$f" | cut -d' ' -f1)
        { printf '\000'; cat "$f"; } > "$out/corpus-parse/std-$h"
    done
    touch "$out/corpus-parse/.seeded"
fi
cd "$out"   # -jobs=N writes fuzz-<i>.log into the current directory
exec "$out/$main" -max_total_time="$secs" -max_len=8192 \
    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -dict="$root/libparse/fuzz/python.dict" \
    -artifact_prefix="$out/artifacts-$target/" "$@" "$out/corpus-$target"
