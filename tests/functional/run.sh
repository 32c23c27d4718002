#!/usr/bin/env bash
# Functional tests with the sanitizer build (build/afspraken-san, beside
# build/afspraken so it finds the model the same way), so the command line program
# itself runs under ASan and UBSan too. Debian's python3, not another one
# on PATH, has python3-docx and python3-odf.
set -euo pipefail
cd "$(dirname "$0")/../.."
export AFSPRAKEN="$PWD/build/afspraken-san"
export ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
exec /usr/bin/python3 tests/functional/functional.py
