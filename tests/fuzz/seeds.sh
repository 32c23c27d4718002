#!/usr/bin/env bash
# The fuzzer's starting inputs: every region file with a leading 0 byte
# (fuzz it as a region of the test model) and every model with a leading 1.
set -euo pipefail
out=$1
mkdir -p "$out"
i=0
for f in tests/data/mini-region.yaml regions/*.yaml; do
    { printf '\0'; cat "$f"; } > "$out/region-$((i++))"
done
for f in tests/data/mini-model.yaml model/landelijk-model.yaml; do
    { printf '\1'; cat "$f"; } > "$out/model-$((i++))"
done
