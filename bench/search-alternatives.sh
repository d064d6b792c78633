#!/bin/sh
# The alternatives weighed for the search index (issue #13) on the same 100,000 synthetic articles
# as bench/search-bench.sh: Apache Lucene 9.12.3 and SQLite FTS5 (sqlite-jdbc 3.50.3.0). Build,
# size, one 500-item feed replaced, warm queries, and the first query in a fresh JVM. They are not
# dependencies of Tidings: this script fetches them into ~/.m2 with `mvn dependency:get` (online)
# and runs bench/alternatives/SearchAlternatives.java as a single-file program.
# Usage: bench/search-alternatives.sh [DIR]     DIR default /tmp/tidings-bench/search-alternatives
set -eu
cd "$(dirname "$0")"
dir=${1:-${BENCH_DIR:-/tmp/tidings-bench}/search-alternatives}
m2=${M2:-$HOME/.m2/repository}
for a in org.apache.lucene:lucene-core:9.12.3 org.apache.lucene:lucene-queryparser:9.12.3 org.xerial:sqlite-jdbc:3.50.3.0; do
    mvn -B -q dependency:get -Dartifact="$a" >/dev/null
done
cp="$m2/org/apache/lucene/lucene-core/9.12.3/lucene-core-9.12.3.jar:$m2/org/apache/lucene/lucene-queryparser/9.12.3/lucene-queryparser-9.12.3.jar:$m2/org/xerial/sqlite-jdbc/3.50.3.0/sqlite-jdbc-3.50.3.0.jar"
ls -l "$m2/org/apache/lucene/lucene-core/9.12.3/lucene-core-9.12.3.jar" "$m2/org/apache/lucene/lucene-queryparser/9.12.3/lucene-queryparser-9.12.3.jar" \
    "$m2/org/xerial/sqlite-jdbc/3.50.3.0/sqlite-jdbc-3.50.3.0.jar" | awk '{printf "jar %s: %.1f MB\n", $NF, $5 / 1e6}'
rm -rf "$dir"
mkdir -p "$dir"
# compile once, so the "fresh JVM" runs time the library, not javac
mkdir -p "$dir/classes"
javac -d "$dir/classes" -cp "$cp" alternatives/SearchAlternatives.java
run() { java -cp "$dir/classes:$cp" SearchAlternatives "$@"; }
run lucene "$dir/lucene"
for i in 1 2 3; do run first-lucene "$dir/lucene"; done
run sqlite "$dir/sqlite"
for i in 1 2 3; do run first-sqlite "$dir/sqlite"; done
