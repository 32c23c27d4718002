#!/usr/bin/env bash
# make bench: times afspraken generating the example region as ODT + DOCX,
# side by side with pandoc turning our Markdown rendering of the same
# document into DOCX, and compares with the targets. A measurement, not a
# test: exits 0 whether or not a target is met, non-zero if a command fails.
# Run from the repository root. BENCH_REGIO, BENCH_MODEL, BENCH_RUNS and
# BENCH_PANDOC_RUNS override the defaults (e.g. to try another region).
set -euo pipefail
export LC_ALL=C   # '.' in $EPOCHREALTIME and awk; padded fields stay ASCII

bin=build/afspraken
regio=${BENCH_REGIO:-regions/voorbeeld.yaml}
runs=${BENCH_RUNS:-200}
pandoc_runs=${BENCH_PANDOC_RUNS:-20}
model=()
if [[ -n ${BENCH_MODEL:-} ]]; then model=(--model "$BENCH_MODEL"); fi

for tool in "$bin" build/afspraken-bench pandoc /usr/bin/time; do
    command -v "$tool" >/dev/null ||
        { echo "bench: $tool ontbreekt (make bench)" >&2; exit 3; }
done

tmp=$(mktemp -d /tmp/afspraken-bench.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

declare -A ms mib

# measure NAME N CMD...: runs CMD once to warm up, then N times timed (wall
# clock from $EPOCHREALTIME, so no extra process inside the interval) and 3
# times under GNU time. Sets ms[NAME] (median) and mib[NAME] (peak RSS).
measure() {
    local name=$1 n=$2 i t0 t1 kib=0 times=()
    shift 2
    "$@" >/dev/null
    for ((i = 0; i < n; i++)); do
        t0=${EPOCHREALTIME/./}
        "$@" >/dev/null
        t1=${EPOCHREALTIME/./}
        times+=($((t1 - t0)))
    done
    ms[$name]=$(printf '%s\n' "${times[@]}" | sort -n |
        awk '{ t[NR] = $1 } END { print (t[int((NR + 1) / 2)] + t[int(NR / 2) + 1]) / 2000 }')
    for i in 1 2 3; do
        /usr/bin/time -f %M -o "$tmp/rss" "$@" >/dev/null
        kib=$(( $(<"$tmp/rss") > kib ? $(<"$tmp/rss") : kib ))
    done
    mib[$name]=$(awk "BEGIN { print $kib / 1024 }")
}

# nl NUMBER DECIMALS: the number with a Dutch decimal comma.
nl() { printf "%.${2}f" "$1" | tr . ,; }

# row TEXT NAME RUNS: one line of the table.
row() {
    printf '  %-32s %5d %9s ms %7s MiB\n' "$1" "$3" "$(nl "${ms[$2]}" 2)" "$(nl "${mib[$2]}" 1)"
}

# target TEXT VALUE CONDITION: one comparison with a target.
target() {
    local verdict="doel niet gehaald"
    if awk "BEGIN { exit !($3) }"; then verdict="doel gehaald"; fi
    printf '  %-18s %s (gemeten %s)\n' "$verdict" "$1" "$2"
}

"$bin" genereer "$regio" "${model[@]}" --formaat md -o "$tmp/md" >/dev/null
md=("$tmp"/md/*.md)

# The same work per region inside one process: without the start-up of
# the process and its shared libraries.
read -r engine_ms engine_kib < <(build/afspraken-bench "${BENCH_MODEL:-model/landelijk-model.yaml}" "$regio" "$runs")
ms[motor]=$engine_ms
mib[motor]=$(awk "BEGIN { print $engine_kib / 1024 }")

measure opstart "$runs" "$bin" --version
measure afspraken "$runs" "$bin" genereer "$regio" "${model[@]}" --formaat odt,docx -o "$tmp/uit"
measure pandoc "$pandoc_runs" pandoc -f markdown -t docx -o "$tmp/pandoc.docx" "${md[0]}"
# vergelijk of the region against the model text: both documents
# assembled, merged, the clause report and both redlines. Exit 1 means
# "differences", which it has.
measure vergelijk "$runs" bash -c '"$@" 2>/dev/null; test $? -eq 1' _ "$bin" vergelijk "$regio" "${model[@]}" -o "$tmp/vergelijk"
vergelijk_ratio=$(awk "BEGIN { print ${ms[vergelijk]} / ${ms[afspraken]} }")
measure pandoc_opstart "$pandoc_runs" pandoc --version

# The batch: 25 regions (copies of the example regions under other file
# names) as one command, as 25 commands, and pandoc turning their 25
# Markdown renderings into DOCX one by one (pandoc takes one input a run).
batch_runs=${BENCH_BATCH_RUNS:-20}
mkdir -p "$tmp/batch"
examples=(regions/*.yaml)
for ((i = 0; i < 25; i++)); do
    src=${examples[i % ${#examples[@]}]}
    { grep -v '^bestandsnaam:' "$src"; echo "bestandsnaam: regio-$i"; } >"$tmp/batch/regio-$i.yaml"
done
"$bin" genereer "$tmp/batch" "${model[@]}" --formaat md -o "$tmp/batch-md" >/dev/null 2>&1
measure batch "$batch_runs" "$bin" genereer "$tmp/batch" "${model[@]}" --formaat odt,docx -o "$tmp/batch-uit"
measure batch_los "$batch_runs" bash -c 'for f in "$2"/*.yaml; do "$1" genereer "$f" --formaat odt,docx -o "$3/${f##*/}" || exit 1; done' _ "$bin" "$tmp/batch" "$tmp/batch-los"
measure batch_pandoc 3 bash -c 'for f in "$1"/*/*.md; do pandoc -f markdown -t docx -o "$f.docx" "$f" || exit 1; done' _ "$tmp/batch-md"
batch_ratio=$(awk "BEGIN { print ${ms[batch_pandoc]} / ${ms[batch]} }")
batch_same=ja
for f in "$tmp"/batch/*.yaml; do
    n=${f##*/}
    cmp -s "$tmp/batch-los/$n/${n%.yaml}.odt" "$tmp/batch-uit/${n%.yaml}/${n%.yaml}.odt" &&
        cmp -s "$tmp/batch-los/$n/${n%.yaml}.docx" "$tmp/batch-uit/${n%.yaml}/${n%.yaml}.docx" ||
        batch_same=nee
done

ratio=$(awk "BEGIN { print ${ms[pandoc]} / ${ms[afspraken]} }")
# The work alone on both sides: each command less its own start-up.
work_ratio=$(awk "BEGIN { print (${ms[pandoc]} - ${ms[pandoc_opstart]}) / (${ms[afspraken]} - ${ms[opstart]}) }")
pandoc_version=$(pandoc --version)

echo "Benchmark afspraken: $regio"
echo
printf '  %-32s %5s %12s %11s\n' "" "keer" "mediaan" "piek-RSS"
row "afspraken (odt + docx)" afspraken "$runs"
row "afspraken --version (opstarten)" opstart "$runs"
row "motor per regio, zonder opstart" motor "$runs"
row "vergelijk + redlines (model)" vergelijk "$runs"
row "${pandoc_version%%$'\n'*} (md naar docx)" pandoc "$pandoc_runs"
row "pandoc --version (opstarten)" pandoc_opstart "$pandoc_runs"
echo
echo "  afspraken is $(nl "$ratio" 0)× sneller dan pandoc (hele opdracht)"
echo "  en $(nl "$work_ratio" 0)× sneller zonder het opstarten van beide programma's"
echo "  vergelijk (verslag, odt + docx met wijzigingen) kost $(nl "$vergelijk_ratio" 1)× genereer (odt + docx)"
echo "  Bestanden:"
for f in "$tmp"/uit/*; do
    printf '    %-30s %8s KiB\n' "${f##*/}" "$(nl "$(awk "BEGIN { print $(stat -c %s "$f") / 1024 }")" 1)"
done
echo
echo "Batch van 25 regio's (odt + docx):"
row "één opdracht (genereer MAP)" batch "$batch_runs"
row "25 opdrachten" batch_los "$batch_runs"
row "pandoc, 25 keer md naar docx" batch_pandoc 3
echo "  één opdracht is $(nl "$(awk "BEGIN { print ${ms[batch_los]} / ${ms[batch]} }")" 1)× sneller dan 25 opdrachten"
echo "  en $(nl "$batch_ratio" 0)× sneller dan pandoc; bytes gelijk aan losse runs: $batch_same"
echo
echo "Doelen:"
target "per regio ≤ 4 ms in één proces" "$(nl "${ms[motor]}" 2) ms" "${ms[motor]} <= 4"
target "per regio ≤ 9 ms, hele opdracht" "$(nl "${ms[afspraken]}" 2) ms" "${ms[afspraken]} <= 9"
target "batch van 25 ≤ 110 ms, één opdracht" "$(nl "${ms[batch]}" 1) ms" "${ms[batch]} <= 110"
target "≥ 30× sneller dan pandoc, batch" "$(nl "$batch_ratio" 0)×" "$batch_ratio >= 30"
target "≥ 15× sneller dan pandoc, één regio" "$(nl "$ratio" 0)×" "$ratio >= 15"
target "geheugen ≤ 16 MiB, één regio" "$(nl "${mib[afspraken]}" 1) MiB" "${mib[afspraken]} <= 16"
target "geheugen ≤ 24 MiB, batch" "$(nl "${mib[batch]}" 1) MiB" "${mib[batch]} <= 24"
target "batch byte-gelijk aan losse runs" "$batch_same" "\"$batch_same\" == \"ja\""

# Scaling: the example region with 100, 1 000 and 10 000 Deelnemers and
# with 1 MB of regional text, and files of about 1 MB a loader must refuse
# (nesting, unknown keys, a long list). Linear growth makes 10× as many
# Deelnemers cost about 10× the work above the fixed part (the 100 row);
# quadratic growth would make it about 100×.
scale_runs=${BENCH_SCALE_RUNS:-3}
python3 bench/scale.py regions/voorbeeld.yaml "$tmp/schaal"
echo
echo "Schaal (genereer odt + docx + md, regions/voorbeeld.yaml, $scale_runs keer):"
printf '  %-32s %5s %12s %11s\n' "" "keer" "mediaan" "piek-RSS"
for n in 100 1000 10000; do
    measure "d$n" "$scale_runs" "$bin" genereer "$tmp/schaal/deelnemers-$n.yaml" -o "$tmp/schaal/uit"
    row "$(echo "$n" | sed 's/000$/.000/') Deelnemers" "d$n" "$scale_runs"
done
measure tekst "$scale_runs" "$bin" genereer "$tmp/schaal/tekst-1mb.yaml" -o "$tmp/schaal/uit"
row "1 MB regionale tekst" tekst "$scale_runs"
measure adressen "$scale_runs" "$bin" genereer "$tmp/schaal/adressen-1mb.yaml" -o "$tmp/schaal/uit"
row "1 MB adressen (links)" adressen "$scale_runs"
worst=0
for f in diep sleutels lijst; do
    # Refused with exit 2: the time is what counts, so ignore the code.
    measure "$f" "$scale_runs" bash -c '"$@" 2>/dev/null; true' _ \
        "$bin" controleer "$tmp/schaal/$f-1mb.yaml"
    row "1 MB geweigerd: $f" "$f" "$scale_runs"
    worst=$(awk "BEGIN { print (${ms[$f]} > $worst ? ${ms[$f]} : $worst) }")
done
growth=$(awk "BEGIN { print (${ms[d10000]} - ${ms[d100]}) / (${ms[d1000]} - ${ms[d100]}) }")
echo
if awk "BEGIN { exit !($growth <= 15) }"; then shape=lineair; else shape="niet lineair"; fi
echo "  groei: 10× zoveel Deelnemers (1.000 naar 10.000) kost $(nl "$growth" 1)× zoveel"
echo "  werk boven het vaste deel (lineair ≈ 10×, kwadratisch ≈ 100×): $shape"
target "elke invoer tot 1 MB binnen 1 s" "$(nl "$(awk "BEGIN { print (${ms[tekst]} > $worst ? ${ms[tekst]} : $worst) }")" 0) ms" \
    "${ms[tekst]} <= 1000 && $worst <= 1000"
