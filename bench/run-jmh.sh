#!/usr/bin/env bash
# Warm parse throughput of Tidings' feed parsers (JMH): RSS, Atom and JSON Feed, and the JSON news
# sources (Hacker News, Reddit, Mastodon, NewsAPI, GNews, the Guardian), Detail.FULL and
# Detail.HEADLINES, on the generated 10,000-item files, reported in MB/s against the 50 MB/s budget.
#
# Usage: bench/run-jmh.sh [JAR]
#   JAR   the main shaded jar (default: target/tidings.jar, relative to the repo root). Build it first:
#         mvn -B -q package -DskipTests
#
# What it does:
#   1. generates $BENCH_DIR/feed-$ITEMS.{rss.xml,atom.xml,json} when missing (bench/gen-feeds.py) and
#      $BENCH_DIR/sources-$ITEMS.{hn,reddit,mastodon,newsapi,gnews,guardian}.json (bench/gen-sources.py);
#   2. installs JAR into the local Maven repository as dev.tidings:tidings-shaded:bench;
#   3. builds bench/jmh/target/benchmarks.jar (mvn package in bench/jmh only);
#   4. runs it and prints a table; results go to $BENCH_DIR/jmh-results.{json,md}, not the repo.
#
# Environment:
#   BENCH_DIR  feeds and results (default /tmp/tidings-bench)
#   ITEMS      which feed size to parse (default 10000)
#   BENCH      JMH benchmark regex (default: ParseBenchmark, SourcesBenchmark and BaselineBenchmark;
#              e.g. BENCH=SourcesBenchmark JMH_ARGS="-p shape=reddit")
#   PROF       JMH profiler, e.g. gc (default), stack, or "none"
#   JMH_ARGS   more JMH options, e.g. "-f 2 -wi 5" or "-p detail=FULL"
#   SKIP_BUILD=1  reuse an existing benchmarks.jar
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
JAR="${1:-$ROOT/target/tidings.jar}"
BENCH_DIR="${BENCH_DIR:-/tmp/tidings-bench}"
ITEMS="${ITEMS:-10000}"
BENCH="${BENCH:-dev.tidings.bench.(ParseBenchmark|SourcesBenchmark|BaselineBenchmark)}"
PROF="${PROF:-gc}"
read -r -a JMH_EXTRA <<< "${JMH_ARGS:-}"
BENCH_JAR="$HERE/jmh/target/benchmarks.jar"

if [[ ! -f "$JAR" ]]; then
    echo "run-jmh.sh: no jar at $JAR (build it first: mvn -B -q package -DskipTests)" >&2
    exit 2
fi
mkdir -p "$BENCH_DIR"
for ext in rss.xml atom.xml json; do
    if [[ ! -s "$BENCH_DIR/feed-$ITEMS.$ext" ]]; then
        python3 "$HERE/gen-feeds.py" --out "$BENCH_DIR" --sizes "$ITEMS"
        break
    fi
done
for shape in hn reddit mastodon newsapi gnews guardian; do
    if [[ ! -s "$BENCH_DIR/sources-$ITEMS.$shape.json" ]]; then
        python3 "$HERE/gen-sources.py" --out "$BENCH_DIR" --sizes "$ITEMS"
        break
    fi
done

if [[ "${SKIP_BUILD:-}" != 1 || ! -f "$BENCH_JAR" ]]; then
    echo "installing $JAR as dev.tidings:tidings-shaded:bench ..." >&2
    mvn -B -q org.apache.maven.plugins:maven-install-plugin:3.1.2:install-file \
        -Dfile="$JAR" -DgroupId=dev.tidings -DartifactId=tidings-shaded -Dversion=bench \
        -Dpackaging=jar -DgeneratePom=true
    echo "building $BENCH_JAR ..." >&2
    mvn -B -q -f "$HERE/jmh/pom.xml" package
fi

prof=()
[[ "$PROF" != none && -n "$PROF" ]] && prof=(-prof "$PROF")
JSON_OUT="$BENCH_DIR/jmh-results.json"
java -jar "$BENCH_JAR" "$BENCH" -p dir="$BENCH_DIR" -p items="$ITEMS" \
    -rf json -rff "$JSON_OUT" "${prof[@]}" "${JMH_EXTRA[@]}" >&2

MD_OUT="$BENCH_DIR/jmh-results.md"
python3 - "$JSON_OUT" "$BENCH_DIR" "$ITEMS" "$JAR" > "$MD_OUT" <<'PY'
import json, os, sys
results, bench_dir, items, jar = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
BUDGET = 50.0
files = {"rss": "rss.xml", "atom": "atom.xml", "json": "json",
         "decodeUtf8": "rss.xml", "staxRss": "rss.xml", "staxAtom": "atom.xml", "jacksonJson": "json"}
size = {k: os.path.getsize(os.path.join(bench_dir, "feed-%s.%s" % (items, v))) for k, v in files.items()}
SHAPES = {"hn": "Hacker News", "reddit": "Reddit", "mastodon": "Mastodon", "newsapi": "NewsAPI", "gnews": "GNews",
          "guardian": "Guardian"}
for shape in SHAPES:
    p = os.path.join(bench_dir, "sources-%s.%s.json" % (items, shape))
    if os.path.exists(p):
        size["source:" + shape] = os.path.getsize(p)
data = json.load(open(results))
print("# Tidings parse throughput (JMH)\n")
print("- jar: `%s`; feeds: `%s/feed-%s.*`; %s" % (jar, bench_dir, items,
      data[0]["vmName"] + " " + data[0]["vmVersion"] if data else ""))
print("- JMH %s, %s fork(s), %s×%s warmup, %s×%s measurement; MB = 10^6 bytes of feed file\n" % (
    data[0]["jmhVersion"], data[0]["forks"], data[0]["warmupIterations"], data[0]["warmupTime"],
    data[0]["measurementIterations"], data[0]["measurementTime"]) if data else "")
print("| benchmark | format | detail | file size | ms/op (± 99.9%) | MB/s (mean) | MB/s (best iteration) | budget | allocated/op |")
print("| --- | --- | --- | ---: | ---: | ---: | ---: | --- | ---: |")
fails = []
for r in data:
    cls, method = r["benchmark"].rsplit(".", 1)
    cls = cls.rsplit(".", 1)[1]
    pm = r["primaryMetric"]
    ms, err = pm["score"], pm["scoreError"]
    shape = r.get("params", {}).get("shape")
    key = "source:" + shape if method == "source" else method
    b = size[key]
    mbs = b / 1e6 / (ms / 1000.0)
    raw = [x for fork in pm.get("rawData", []) for x in fork]
    best_mbs = b / 1e6 / (min(raw) / 1000.0) if raw else mbs
    detail = r.get("params", {}).get("detail", "—")
    fmt = SHAPES[shape] if method == "source" else {"rss": "RSS", "atom": "Atom", "json": "JSON Feed",
           "decodeUtf8": "RSS bytes", "staxRss": "RSS", "staxAtom": "Atom", "jacksonJson": "JSON Feed"}[method]
    sec = r.get("secondaryMetrics", {})
    alloc = sec.get("gc.alloc.rate.norm") or sec.get("·gc.alloc.rate.norm")
    alloc_s = "%.0f MB" % (alloc["score"] / 1e6) if alloc else ""
    if cls in ("ParseBenchmark", "SourcesBenchmark"):
        verdict = "≥ 50 MB/s " + ("PASS" if mbs >= BUDGET else "FAIL")
        if mbs < BUDGET:
            fails.append("%s %s: %.1f MB/s < %.0f MB/s" % (fmt, detail, mbs, BUDGET))
        name = "Feeds.parse"
    else:
        verdict = "(floor)"
        name = "baseline " + method
    print("| %s | %s | %s | %.1f MB | %.1f ± %.1f | %.1f | %.1f | %s | %s |" % (
        name, fmt, detail, b / 1e6, ms, err, mbs, best_mbs, verdict, alloc_s))
print()
print("The budget is judged on the mean. A wide ± or a best iteration far above the mean means the run was")
print("disturbed (other load on the machine, or warm-up still going on: try JMH_ARGS=\"-wi 6\").")
print()
if fails:
    print("## Over budget\n")
    for f in fails:
        print("- " + f)
else:
    print("All parse-throughput budgets met.")
PY
cat "$MD_OUT"
echo >&2
echo "written to $MD_OUT and $JSON_OUT" >&2
! grep -q '^## Over budget' "$MD_OUT"
