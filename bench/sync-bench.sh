#!/bin/sh
# Sync budgets on a loopback Google Reader API server (the FakeGReader of the tests):
#   first sync of 200 feeds x 500 items      <= 15 s
#   a sync with nothing new                   <= 1 s
#   m / s on a synced article, UI thread      <= 5 ms
# Each sync is a whole `tidings sync` process (JVM start included), in a temporary HOME: first as
# `java -cp` (no class-data archive, full JIT), then through bin/tidings as users run it.
# Needs `mvn -B package` (target/tidings.jar and target/test-classes).
set -eu
cd "$(dirname "$0")/.."
feeds=${1:-200}
items=${2:-500}
cp="target/test-classes:target/classes:target/tidings.jar"
home=$(mktemp -d)
server_out="$home/server.out"
java -XX:+UseSerialGC -cp "$cp" dev.tidings.sync.FakeGReader "$feeds" "$items" bench-password > "$server_out" &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$home"' EXIT INT TERM
while [ ! -s "$server_out" ]; do sleep 0.2; done
url=$(head -1 "$server_out")
export HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" XDG_CACHE_HOME="$home/cache"
export BENCH_PW=bench-password TIDINGS_NO_CDS=1
tidings="java -XX:+UseSerialGC -XX:-UsePerfData -cp $cp dev.tidings.cli.Main"
$tidings account add greader "$url" --user bench --password-env BENCH_PW --name bench >/dev/null
timed() {
    label=$1
    shift
    start=$(date +%s.%N)
    /usr/bin/time -f "%U %S" -o "$home/cpu" "$@" > "$home/out"
    end=$(date +%s.%N)
    printf '%s: %.2f s wall, %s s user+sys CPU -- %s\n' "$label" "$(echo "$end - $start" | bc)" \
        "$(awk '{print $1 + $2}' "$home/cpu")" "$(cat "$home/out")"
}
timed "first sync, $feeds feeds x $items items (--first $items)" $tidings sync --first "$items"
timed "sync with nothing new" $tidings sync
timed "sync with nothing new (again)" $tidings sync
# as users run it: the launcher (C1 only for short runs, class-data archive); one untimed run
# records the archive's class list, then the archive is built in the background
env -u TIDINGS_NO_CDS bin/tidings sync >/dev/null
n=0
while ! ls "$XDG_CACHE_HOME"/tidings/*-cli.jsa >/dev/null 2>&1 && [ $n -lt 150 ]; do sleep 0.2; n=$((n + 1)); done
timed "sync with nothing new (bin/tidings)" env -u TIDINGS_NO_CDS bin/tidings sync
timed "sync with nothing new (bin/tidings, again)" env -u TIDINGS_NO_CDS bin/tidings sync
echo "cache: $(du -sh "$home/cache" | cut -f1), state: $(du -sh "$home/data/tidings/sync/bench/state.json" | cut -f1)"
java -XX:+UseSerialGC -cp "$cp" dev.tidings.app.SyncBench "$url" bench-password "$items"
java -XX:+UseSerialGC -cp "$cp" dev.tidings.tui.SyncMarkBench
