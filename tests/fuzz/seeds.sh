#!/usr/bin/env bash
# The fuzzers' starting inputs, one folder per target: the region files,
# the model files, and for the markup scanner every model line that holds
# markup (with a leading byte that picks the column layout).
set -euo pipefail
out=$1
mkdir -p "$out/inputs" "$out/model" "$out/markup" "$out/readback"
i=0
for f in tests/data/mini-region.yaml regions/*.yaml; do
    cp "$f" "$out/inputs/region-$((i++))"
done
for f in tests/data/mini-model.yaml model/landelijk-model.yaml; do
    cp "$f" "$out/model/model-$((i++))"
done
awk '/\{\{|\[\[/ && n++ < 200' tests/data/mini-model.yaml model/landelijk-model.yaml |
    while IFS= read -r line; do
        { printf "\\x$(printf %x $((i % 3)))"; printf '%s' "$line"; } > "$out/markup/line-$((i++))"
    done
# Our own ODT and DOCX of the small test region, as written and repacked
# without compression.
tmp=$(mktemp -d)
build/afspraken genereer tests/data/mini-region.yaml --model tests/data/mini-model.yaml \
    -o "$tmp" --formaat odt,docx >/dev/null
for f in "$tmp"/*.odt "$tmp"/*.docx; do
    cp "$f" "$out/readback/$(basename "$f")"
    python3 -c 'import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as a, zipfile.ZipFile(sys.argv[2], "w") as b:
    for i in a.infolist(): b.writestr(i.filename, a.read(i.filename))' "$f" "$out/readback/stored-$(basename "$f")"
done
rm -rf "$tmp"
