#!/bin/sh
# Pathological inputs through the whole path (issue #16): each shape at 1, 2, 4 and 8 MiB, through
# list (parse), dump --width 80 (HTML to blocks, layout, text writer), dump --format markdown,
# dump --format json (layout at width 0) and, for pages, read (reader-mode extraction). Reports
# wall and CPU time per MiB and the 8 MiB / 1 MiB ratio (linear: about 8; the budget: under 10x,
# i.e. time per MiB may grow at most 1.25x). Needs `mvn -B package` (jar and test classes).
#
# Times are CPU time of the whole process during the command (all threads: GC and JIT included),
# not wall time: this machine's two cores are shared, and CPU time does not depend on the load.
#
# usage: bench/pathological.sh [CPU_LIMIT_SECONDS] [SHAPE...]
#   CPU_LIMIT_SECONDS  per run, default 30 (ulimit -t; wall clock 10 times that): a run over it is
#                      reported as "> N s" and the larger sizes of that shape and stage are not
#                      tried (they would take longer still)
#   SHAPE            word paragraph tiny nesting entities links combining attribute pre title
# Environment: SIZES (default "1 2 4 8"), STAGES (default "list text markdown json read"),
#   BENCH_DIR (default /tmp/tidings-bench/pathological), BENCH_HEAP (default 1g), NICE (default 0).
# Results: $BENCH_DIR/results.md (the table) and results.tsv (one line per run).
set -u
cd "$(dirname "$0")/.."

TIMEOUT=${1:-60}
[ $# -gt 0 ] && shift
SHAPES=${*:-"word paragraph tiny nesting entities links combining attribute pre title"}
SIZES=${SIZES:-"1 2 4 8"}
STAGES=${STAGES:-"list text markdown json read"}
BENCH_DIR=${BENCH_DIR:-/tmp/tidings-bench/pathological}
HEAP=${BENCH_HEAP:-1g}
NICE=${NICE:-0}
[ -f target/tidings.jar ] && [ -f target/test-classes/dev/tidings/cli/PathologicalBench.class ] || {
    echo "pathological.sh: build first: mvn -B -q package -DskipTests" >&2; exit 2; }
mkdir -p "$BENCH_DIR/in"
# a copy of the build, so a rebuild of the worktree during the (long) run cannot break it
rm -rf "$BENCH_DIR/build" && mkdir -p "$BENCH_DIR/build/dev/tidings/cli"
cp target/tidings.jar "$BENCH_DIR/build/" && cp target/test-classes/dev/tidings/cli/PathologicalBench*.class \
    "$BENCH_DIR/build/dev/tidings/cli/" || exit 1
CP="$BENCH_DIR/build:$BENCH_DIR/build/tidings.jar"
tsv="$BENCH_DIR/results.tsv"
printf 'shape\tstage\tmib\texit\twall_ms\tcpu_ms\tnote\n' > "$tsv"

for shape in $SHAPES; do
    for mib in $SIZES; do
        [ -f "$BENCH_DIR/in/$shape-$mib.rss.xml" ] || java -cp "$CP" dev.tidings.cli.PathologicalBench gen "$shape" "$mib" "$BENCH_DIR/in"
    done
    for stage in $STAGES; do
        skip=""
        for mib in $SIZES; do
            if [ -n "$skip" ]; then
                printf '%s\t%s\t%s\t-\t-\t-\t%s\n' "$shape" "$stage" "$mib" "$skip" >> "$tsv"
                continue
            fi
            input="$BENCH_DIR/in/$shape-$mib.rss.xml"
            [ "$stage" = read ] && input="$BENCH_DIR/in/$shape-$mib.html"
            line=$(ulimit -t "$TIMEOUT"; nice -n "$NICE" timeout -k 5 "$((TIMEOUT * 10))" java -Xmx"$HEAP" -XX:+ExitOnOutOfMemoryError -cp "$CP" \
                dev.tidings.cli.PathologicalBench run "$stage" "$input" 2>"$BENCH_DIR/last-stderr" | grep '^RESULT')
            rc=$?
            if [ -z "$line" ]; then
                if grep -q OutOfMemoryError "$BENCH_DIR/last-stderr"; then note="out of memory (-Xmx$HEAP)"
                else note="> $TIMEOUT s"; fi
                printf '%s\t%s\t%s\t-\t-\t-\t%s\n' "$shape" "$stage" "$mib" "$note" >> "$tsv"
                skip="(not run: a smaller size took $note)"
                echo "$shape $stage ${mib}MiB: $note"
                continue
            fi
            exit_code=$(echo "$line" | sed 's/.*exit=\([0-9]*\).*/\1/')
            wall=$(echo "$line" | sed 's/.*wall_ms=\([0-9]*\).*/\1/')
            cpu=$(echo "$line" | sed 's/.*cpu_ms=\([0-9]*\).*/\1/')
            note=$(echo "$line" | sed -n 's/.* err=//p')
            printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$shape" "$stage" "$mib" "$exit_code" "$wall" "$cpu" "$note" >> "$tsv"
            echo "$shape $stage ${mib}MiB: exit $exit_code, wall $wall ms, cpu $cpu ms $note"
        done
    done
done

# the table: per shape and stage, CPU seconds at each size, CPU s/MiB at the largest size run, 8/1 ratio
awk -F'\t' -v sizes="$SIZES" -v timeout="$TIMEOUT" '
NR == 1 { next }
{
    key = $1 " | " $2
    if (!(key in seen)) { seen[key] = 1; order[++n] = key }
    if ($4 == "-") v[key, $3] = ($7 ~ /^>/ || $7 ~ /memory/) ? $7 : "-"
    else {
        v[key, $3] = sprintf("%.2f", $6 / 1000) ($4 != 0 ? " (exit " $4 ")" : "")
        cpu[key, $3] = $6
    }
}
END {
    m = split(sizes, s, " ")
    printf "| shape | stage |"
    for (i = 1; i <= m; i++) printf " %s MiB CPU s |", s[i]
    printf " CPU s/MiB at %s MiB | %s/%s MiB |\n|---|---|", s[m], s[m], s[1]
    for (i = 1; i <= m + 2; i++) printf "---:|"
    printf "\n"
    for (k = 1; k <= n; k++) {
        key = order[k]
        printf "| %s |", key
        for (i = 1; i <= m; i++) printf " %s |", v[key, s[i]]
        last = cpu[key, s[m]]; first = cpu[key, s[1]]
        if (last != "") printf " %.2f |", last / 1000 / s[m]; else printf " - |"
        if (last != "" && first > 0) printf " %.1fx |\n", last / first
        else if (first > 0) printf " > %.0fx |\n", timeout * 1000 / first
        else printf " - |\n"
    }
}' "$tsv" > "$BENCH_DIR/results.md"
cat "$BENCH_DIR/results.md"
echo "runs: $tsv"
