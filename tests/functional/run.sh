#!/usr/bin/env bash
# Functional tests with the sanitizer build (build/afspraken-san, beside
# build/afspraken so it finds the model the same way), so the command line program
# itself runs under ASan and UBSan too. Debian's python3, not another one
# on PATH, has python3-docx and python3-odf. Every tests/functional/test_*.py
# runs; the last line sums their "N passed, N failed". (tee -a: opening
# /dev/stderr without it would truncate a log file that stderr goes to.)
set -uo pipefail
cd "$(dirname "$0")/../.."
export AFSPRAKEN="$PWD/build/afspraken-san"
export ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
passed=0 failed=0 rc=0
for t in tests/functional/test_*.py; do
    echo "== $t"
    out=$(/usr/bin/python3 "$t" 2>&1 | tee -a /dev/stderr | tail -n 1) || rc=1
    if [[ $out =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
        passed=$((passed + BASH_REMATCH[1])) failed=$((failed + BASH_REMATCH[2]))
    else
        echo "$t: eindigde zonder samenvatting" >&2
        rc=1
    fi
done
echo "functioneel: $passed passed, $failed failed"
[ "$rc" -eq 0 ] && [ "$failed" -eq 0 ]
