#!/usr/bin/env bash
# End-to-end CLI benchmark for Tidings: wall time and peak RSS of `tidings list` and
# `tidings dump --item 1` on generated RSS, Atom and JSON feeds, against the budgets.
#
# Usage: bench/run.sh [JAR] [LAUNCHER]
#   JAR       the shaded jar (default: target/tidings.jar, relative to the repo root)
#   LAUNCHER  a launcher taking the same arguments (default: target/tidings if it exists, else
#             bin/tidings; pass "none" to skip it). bin/tidings runs the jar next to it / in ../target,
#             so run this script from the same tree as JAR. It keeps an AppCDS archive in
#             $XDG_CACHE_HOME/tidings: here XDG_CACHE_HOME is $BENCH_DIR/cache, emptied at the start,
#             and one untimed `list` run records the archive before anything is timed.
#
# It builds nothing. Feeds are generated into $BENCH_DIR (default /tmp/tidings-bench) when missing,
# and the results table is printed and written to $BENCH_DIR/results.md (never into the repo).
#
# Environment:
#   BENCH_DIR    where feeds and results go (default /tmp/tidings-bench)
#   SIZES        item counts for `list` (default 100,10000,100000)
#   FORMATS      rss,atom,json (default all three)
#   RUNS         runs per `list` measurement, best taken (default 3; 100k-item files always 1)
#   DUMP_RUNS    runs of `dump --item 1` (default 5)
#   JAVA         the java binary (default: java on PATH)
#   JAVA_OPTS    extra JVM options for the `java -jar` runs (e.g. -XX:TieredStopAtLevel=1)
#   QUIET_WAIT   before each timed run, wait up to this many seconds for the machine to be idle (other
#                processes using < QUIET_PCT % of all CPUs over 0.5 s); 0 disables (default 20)
#   QUIET_PCT    the idle threshold (default 10). The busiest such reading per row is reported, so
#                numbers taken on a busy machine are visible as such.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"

JAR="${1:-$ROOT/target/tidings.jar}"
LAUNCHER="${2:-}"
if [[ -z "$LAUNCHER" ]]; then
    for candidate in "$ROOT/target/tidings" "$ROOT/bin/tidings"; do
        if [[ -x "$candidate" ]]; then
            LAUNCHER="$candidate"
            break
        fi
    done
fi
[[ "$LAUNCHER" == "none" ]] && LAUNCHER=""

BENCH_DIR="${BENCH_DIR:-/tmp/tidings-bench}"
SIZES="${SIZES:-100,10000,100000}"
FORMATS="${FORMATS:-rss,atom,json}"
RUNS="${RUNS:-3}"
DUMP_RUNS="${DUMP_RUNS:-5}"
JAVA="${JAVA:-java}"
read -r -a JAVA_OPTS_ARR <<< "${JAVA_OPTS:-}"
QUIET_WAIT="${QUIET_WAIT:-20}"
QUIET_PCT="${QUIET_PCT:-10}"

TIME_BIN=/usr/bin/time
if [[ ! -x "$TIME_BIN" ]]; then
    echo "run.sh: $TIME_BIN (GNU time) is needed for peak RSS: apt-get install time" >&2
    exit 2
fi
if [[ ! -f "$JAR" ]]; then
    echo "run.sh: no jar at $JAR (build it first: mvn -B -q package -DskipTests)" >&2
    exit 2
fi
if [[ -n "$LAUNCHER" && ! -x "$LAUNCHER" ]]; then
    echo "run.sh: launcher $LAUNCHER is not executable" >&2
    exit 2
fi

mkdir -p "$BENCH_DIR"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/tidings-run.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

ext_of() {
    case "$1" in
        rss) echo rss.xml ;;
        atom) echo atom.xml ;;
        json) echo json ;;
        *) echo "run.sh: unknown format $1" >&2; exit 2 ;;
    esac
}

# ---------------------------------------------------------------- feeds
IFS=, read -r -a SIZE_LIST <<< "$SIZES"
IFS=, read -r -a FORMAT_LIST <<< "$FORMATS"
need=()
for n in "${SIZE_LIST[@]}" 100; do
    for f in "${FORMAT_LIST[@]}"; do
        [[ -s "$BENCH_DIR/feed-$n.$(ext_of "$f")" ]] || need+=("$n")
    done
done
if ((${#need[@]})); then
    missing="$(printf '%s\n' "${need[@]}" | sort -un | paste -sd, -)"
    echo "generating feeds ($missing items) into $BENCH_DIR ..." >&2
    python3 "$HERE/gen-feeds.py" --out "$BENCH_DIR" --sizes "$missing" --formats "$FORMATS"
fi

# ---------------------------------------------------------------- measuring
RUNNERS=("java -jar")
[[ -n "$LAUNCHER" ]] && RUNNERS+=("launcher")

# cmd_for RUNNER -> sets CMD array
cmd_for() {
    if [[ "$1" == "launcher" ]]; then
        CMD=("$LAUNCHER")
    else
        CMD=("$JAVA" "${JAVA_OPTS_ARR[@]}" -jar "$JAR")
    fi
}

# busy_pct: % of all CPUs busy (any process) over 0.5 s, from /proc/stat
busy_pct() {
    local a b
    a=$(awk '/^cpu /{ print $2+$3+$4+$7+$8, $2+$3+$4+$5+$6+$7+$8 }' /proc/stat)
    sleep 0.5
    b=$(awk '/^cpu /{ print $2+$3+$4+$7+$8, $2+$3+$4+$5+$6+$7+$8 }' /proc/stat)
    awk -v a="$a" -v b="$b" 'BEGIN { split(a, x, " "); split(b, y, " "); t = y[2] - x[2];
        printf "%d", (t > 0 ? 100 * (y[1] - x[1]) / t : 0) }'
}

# wait_quiet: waits up to QUIET_WAIT s for an idle machine; sets BUSY to the last reading
wait_quiet() {
    BUSY=$(busy_pct)
    (( QUIET_WAIT > 0 )) || return 0
    local deadline=$(( SECONDS + QUIET_WAIT ))
    while (( BUSY >= QUIET_PCT && SECONDS < deadline )); do
        sleep 1
        BUSY=$(busy_pct)
    done
}

# measure OUTFILE ARGS... : runs once; sets WALL_MS, CPU_MS, RSS_KB, RC, BUSY. stdout goes to OUTFILE.
measure() {
    local out="$1"; shift
    local t0 t1
    wait_quiet
    (( BUSY > MAX_BUSY )) && MAX_BUSY=$BUSY
    t0=$(date +%s%N)
    set +e
    "$TIME_BIN" -f '%e %M %U %S' -o "$WORK/time" "$@" > "$out" 2> "$WORK/stderr"
    RC=$?
    set -e
    t1=$(date +%s%N)
    WALL_MS=$(( (t1 - t0) / 1000000 ))
    # GNU time prints "Command exited with non-zero status N" first when it fails.
    RSS_KB=$(tail -n 1 "$WORK/time" | awk '{print $2}')
    CPU_MS=$(tail -n 1 "$WORK/time" | awk '{printf "%d", ($3 + $4) * 1000}')
}

fmt_s() { awk -v ms="$1" 'BEGIN { printf "%.2f s", ms / 1000 }'; }
fmt_ms() { echo "$1 ms"; }
fmt_mb() { awk -v kb="$1" 'BEGIN { printf "%.0f MiB", kb / 1024 }'; }

# budgets: list by size -> "wall_ms rss_kb" ("" when none)
list_budget() {
    case "$1" in
        10000) echo "1500 $((400 * 1024))" ;;
        100000) echo "6000 $((1024 * 1024))" ;;
        *) echo "" ;;
    esac
}
DUMP_BUDGET_MS=250

FAILS=()
ROWS_LIST=()
ROWS_DUMP=()

verdict() { # value budget -> PASS/FAIL
    if (( $1 <= $2 )); then echo PASS; else echo FAIL; fi
}

load_now() { cut -d' ' -f1-3 /proc/loadavg; }
LOAD_BEFORE="$(load_now)"

if [[ -n "$LAUNCHER" ]]; then
    # The launcher records its AppCDS archive on its first run: keep that out of the timings, and
    # out of the user's own cache.
    export XDG_CACHE_HOME="$BENCH_DIR/cache"
    rm -rf "$XDG_CACHE_HOME"
    mkdir -p "$XDG_CACHE_HOME"
    echo "  launcher: recording its CDS archive (untimed): list feed-100.rss.xml" >&2
    "$LAUNCHER" list "$BENCH_DIR/feed-100.rss.xml" > /dev/null 2>&1 || true
    # it builds the archive in the background: wait for it
    for _ in $(seq 600); do
        ls -d "$XDG_CACHE_HOME"/tidings/*.lock >/dev/null 2>&1 || break
        sleep 0.1
    done
fi

for runner in "${RUNNERS[@]}"; do
    cmd_for "$runner"
    for f in "${FORMAT_LIST[@]}"; do
        ext="$(ext_of "$f")"
        for n in "${SIZE_LIST[@]}"; do
            file="$BENCH_DIR/feed-$n.$ext"
            runs=$RUNS
            (( n >= 100000 )) && runs=1
            best=""; best_cpu=0; worst_rss=0; status=ok; walls=(); MAX_BUSY=0
            for ((i = 1; i <= runs; i++)); do
                measure "$WORK/out" "${CMD[@]}" list "$file"
                if (( RC != 0 )); then
                    status="exit $RC: $(head -c 200 "$WORK/stderr" | tr '\n' ' ')"
                    break
                fi
                lines=$(wc -l < "$WORK/out")
                if (( lines != n )); then
                    status="printed $lines lines, expected $n"
                fi
                walls+=("$WALL_MS")
                if [[ -z "$best" ]] || (( WALL_MS < best )); then
                    best=$WALL_MS; best_cpu=$CPU_MS
                fi
                (( RSS_KB > worst_rss )) && worst_rss=$RSS_KB
                echo "  $runner list $f $n run $i: ${WALL_MS} ms wall, ${CPU_MS} ms cpu, $(fmt_mb "$RSS_KB"), machine ${BUSY}% busy before" >&2
            done
            mb=$(awk -v b="$(stat -c %s "$file")" 'BEGIN { printf "%.1f", b / 1e6 }')
            if [[ "$status" != ok ]]; then
                ROWS_LIST+=("| $runner | $f | $n | $mb MB | ERROR | | | ERROR | | | $status |")
                FAILS+=("$runner list $f $n: $status")
                continue
            fi
            bw=""; br=""
            read -r bw br <<< "$(list_budget "$n")" || true
            if [[ -n "$bw" ]]; then
                vw=$(verdict "$best" "$bw"); vr=$(verdict "$worst_rss" "$br")
                [[ $vw == FAIL ]] && FAILS+=("$runner list $f $n items: wall $(fmt_s "$best") > $(fmt_s "$bw")")
                [[ $vr == FAIL ]] && FAILS+=("$runner list $f $n items: RSS $(fmt_mb "$worst_rss") > $(fmt_mb "$br")")
                [[ $f != rss ]] && vw="$vw¹" && vr="$vr¹"
                ROWS_LIST+=("| $runner | $f | $n | $mb MB | $(fmt_s "$best") | ≤ $(fmt_s "$bw") $vw | $(fmt_s "$best_cpu") | $(fmt_mb "$worst_rss") | ≤ $(fmt_mb "$br") $vr | ${MAX_BUSY}% | $(IFS=' '; echo "${walls[*]}") |")
            else
                ROWS_LIST+=("| $runner | $f | $n | $mb MB | $(fmt_s "$best") | — | $(fmt_s "$best_cpu") | $(fmt_mb "$worst_rss") | — | ${MAX_BUSY}% | $(IFS=' '; echo "${walls[*]}") |")
            fi
        done

        # dump --item 1 on the 100-item file
        file="$BENCH_DIR/feed-100.$ext"
        walls=(); cpus=(); worst_rss=0; status=ok; MAX_BUSY=0
        for ((i = 1; i <= DUMP_RUNS; i++)); do
            measure "$WORK/out" "${CMD[@]}" dump --item 1 "$file"
            if (( RC != 0 )); then
                status="exit $RC: $(head -c 200 "$WORK/stderr" | tr '\n' ' ')"
                break
            fi
            [[ -s "$WORK/out" ]] || status="printed nothing"
            walls+=("$WALL_MS"); cpus+=("$CPU_MS")
            (( RSS_KB > worst_rss )) && worst_rss=$RSS_KB
            echo "  $runner dump $f 100 run $i: ${WALL_MS} ms wall, ${CPU_MS} ms cpu, $(fmt_mb "$RSS_KB"), machine ${BUSY}% busy before" >&2
        done
        if [[ "$status" != ok ]]; then
            ROWS_DUMP+=("| $runner | $f | ERROR | | | | | | $status |")
            FAILS+=("$runner dump $f: $status")
            continue
        fi
        mapfile -t sorted < <(printf '%s\n' "${walls[@]}" | sort -n)
        best=${sorted[0]}
        median=${sorted[$(( ${#sorted[@]} / 2 ))]}
        mapfile -t sorted_cpu < <(printf '%s\n' "${cpus[@]}" | sort -n)
        cpu_median=${sorted_cpu[$(( ${#sorted_cpu[@]} / 2 ))]}
        v=$(verdict "$best" "$DUMP_BUDGET_MS")
        vm=$(verdict "$median" "$DUMP_BUDGET_MS")
        [[ $v == FAIL ]] && FAILS+=("$runner dump --item 1 $f (100 items): best $best ms > $DUMP_BUDGET_MS ms")
        ROWS_DUMP+=("| $runner | $f | $(fmt_ms "$best") | $(fmt_ms "$median") | ≤ $DUMP_BUDGET_MS ms: best $v, median $vm | $(fmt_ms "$cpu_median") | $(fmt_mb "$worst_rss") | ${MAX_BUSY}% | $(IFS=' '; echo "${walls[*]}") |")
    done
done
LOAD_AFTER="$(load_now)"

# ---------------------------------------------------------------- report
RESULTS="$BENCH_DIR/results.md"
{
    echo "# Tidings CLI benchmark"
    echo
    echo "- date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
    echo "- jar: \`$JAR\` ($(stat -c %s "$JAR") bytes, sha256 $(sha256sum "$JAR" | cut -c1-12))"
    [[ -n "$LAUNCHER" ]] && echo "- launcher: \`$LAUNCHER\`"
    echo "- java: $("$JAVA" -version 2>&1 | head -n 2 | tail -n 1)${JAVA_OPTS:+, JAVA_OPTS=$JAVA_OPTS}"
    echo "- machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr)"
    echo "- load average (1/5/15 min) before: $LOAD_BEFORE, after: $LOAD_AFTER (other work on the machine inflates wall times)"
    echo "- feeds: \`$BENCH_DIR\` (bench/gen-feeds.py, ~3 KB per item)"
    echo
    echo "## \`tidings list FILE\` (stdout to a file; best of $RUNS runs, 1 run for 100k items; RSS = max over runs)"
    echo
    echo "| runner | format | items | size | wall (best) | budget | CPU (user+sys) of best | peak RSS | budget | busy before² | all runs wall (ms) |"
    echo "| --- | --- | ---: | ---: | ---: | --- | ---: | ---: | --- | ---: | --- |"
    printf '%s\n' "${ROWS_LIST[@]}"
    echo
    echo "¹ the list budgets are stated for RSS; Atom and JSON are held to the same numbers for comparison."
    echo "CPU = user + sys seconds of the process (all its threads, JIT and GC included): less sensitive than wall time to other load."
    echo "² the busiest reading, over the row's runs, of how much of the machine's CPU other processes used just before a run"
    echo "  (each run first waits up to ${QUIET_WAIT} s for it to drop under ${QUIET_PCT}%); above ~${QUIET_PCT}% the wall times are inflated."
    echo
    echo "## \`tidings dump --item 1 FILE\` on the 100-item file ($DUMP_RUNS runs)"
    echo
    echo "| runner | format | wall (best) | wall (median) | budget | CPU (median) | peak RSS | busy before² | all runs wall (ms) |"
    echo "| --- | --- | ---: | ---: | --- | ---: | ---: | ---: | --- |"
    printf '%s\n' "${ROWS_DUMP[@]}"
    echo
    if ((${#FAILS[@]})); then
        echo "## Over budget"
        echo
        printf -- '- %s\n' "${FAILS[@]}"
    else
        echo "All budgets met."
    fi
} > "$RESULTS"
cat "$RESULTS"
echo >&2
echo "written to $RESULTS" >&2
# exit 1 when a budget failed, so CI or a script can notice
((${#FAILS[@]} == 0))
