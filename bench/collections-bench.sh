#!/bin/sh
# The collections file with 10,000 saved articles in 20 collections: opening the collections
# browser (read + newestFirst; budget <= 300 ms) and saving one article (store.add with its
# durable write; budget <= 100 ms), cold in fresh JVMs and warm in one. Prints a Markdown table
# (also written to DIR/results.md) and exits 1 when a budget is missed.
# Needs `mvn -B package` (target/tidings.jar and target/test-classes).
# Usage: bench/collections-bench.sh [DIR]     DIR default /tmp/tidings-bench/collections
set -eu
cd "$(dirname "$0")/.."
for f in target/tidings.jar target/test-classes/dev/tidings/store/CollectionsBench.class; do
    [ -e "$f" ] || { echo "collections-bench: $f is missing: run 'mvn -B package' first" >&2; exit 2; }
done
exec "${JAVA:-java}" ${JAVA_OPTS:-} -cp target/test-classes:target/tidings.jar \
    dev.tidings.store.CollectionsBench "${1:-${BENCH_DIR:-/tmp/tidings-bench}/collections}"
