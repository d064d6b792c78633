#!/bin/sh
# Search at 200 feeds x 500 items (100,000 cached articles): whole index build, one 500-item feed
# refreshed (budget <= 200 ms), warm queries of several kinds (median and p99; budget <= 100 ms),
# index size on disk; then `tidings search` as a whole process (the launcher, cold JVM) on that
# cache. The reader's first frame is measured by bench/subs-bench.sh (the index is never opened
# before a search). Prints Markdown tables (also DIR/results.md); exits 1 when a budget is missed.
# Needs `mvn -B package` (target/tidings.jar and target/test-classes).
# Usage: bench/search-bench.sh [DIR]     DIR default /tmp/tidings-bench/search
set -eu
cd "$(dirname "$0")/.."
for f in target/tidings.jar target/test-classes/dev/tidings/app/SearchBench.class; do
    [ -e "$f" ] || { echo "search-bench: $f is missing: run 'mvn -B package' first" >&2; exit 2; }
done
dir=${1:-${BENCH_DIR:-/tmp/tidings-bench}/search}
rm -rf "$dir"
mkdir -p "$dir"
rc=0
"${JAVA:-java}" ${JAVA_OPTS:-} -cp target/test-classes:target/tidings.jar dev.tidings.app.SearchBench "$dir" || rc=$?
for i in 1 2 3; do
    "${JAVA:-java}" ${JAVA_OPTS:-} -cp target/test-classes:target/tidings.jar dev.tidings.app.SearchBench --first "$dir" "$(head -1 "$dir/queries.txt")"
done
home=$dir/home
printf '\n| `tidings search` (whole process, bin/tidings) | median of 5 |\n|---|---:|\n'
while IFS= read -r q; do
    times=""
    for i in 0 1 2 3 4 5; do
        s=$(date +%s%N)
        env HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_CACHE_HOME="$dir/cache" XDG_DATA_HOME="$home/.local/share" \
            bin/tidings search --limit 20 "$q" >/dev/null 2>&1 || true
        e=$(date +%s%N)
        [ "$i" -gt 0 ] && times="$times $(( (e - s) / 1000000 ))"
    done
    med=$(echo "$times" | tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    printf '| `%s` | %s ms |\n' "$q" "$med"
done <"$dir/queries.txt"
exit $rc
