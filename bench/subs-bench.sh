#!/bin/bash
# Subscriptions benchmark on a local HTTP server (127.0.0.1 only): 200 RSS feeds x 500 items.
#   1. cold `tidings refresh` (empty cache)        budget <= 5 s
#   2. warm `tidings refresh` (all 304)             reported
#   3. first frame / headlines / whole feed list from cache (--offline, tmux, TIDINGS_TRACE), median
#      of 3; budget <= 1 s
#   4. newsboat cold/warm `-x reload` on the same URLs, if newsboat is (or can be) installed
# Each tidings row is measured with the launcher users run (bin/tidings: AppCDS, SerialGC, C1 for
# small inputs; its archive recorded by one untimed TUI start first) and with plain `java -jar`.
# The TUI times are milliseconds since the JVM started (the launcher's shell part is not counted).
# Prints a Markdown table and writes it to /tmp/tidings-subs-bench/results.md.
#
# usage: bench/subs-bench.sh [JAR]     (default: target/tidings.jar; NO_NEWSBOAT=1 skips newsboat)
set -u
here=$(cd "$(dirname "$0")" && pwd)
jar=$(realpath "${1:-$here/../target/tidings.jar}")
[ -f "$jar" ] || { echo "no jar: $jar" >&2; exit 1; }
root=/tmp/tidings-subs-bench
feeds=$root/feeds
nfeeds=200
items=500
# a free port unless PORT is given (another server may hold a fixed one)
port=${PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
sock=subsbench

mkdir -p "$root"
if [ ! -f "$feeds/feed-$(printf %03d $nfeeds).xml" ]; then
    echo "generating $nfeeds feeds x $items items..." >&2
    python3 "$here/subs-gen.py" "$feeds" "$nfeeds" "$items"
fi

python3 -m http.server "$port" --bind 127.0.0.1 --directory "$feeds" >"$root/http.log" 2>&1 &
server=$!
cleanup() {
    kill "$server" 2>/dev/null
    tmux -L "$sock" kill-server 2>/dev/null
}
trap cleanup EXIT
for _ in $(seq 100); do
    python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/feed-001.xml')" 2>/dev/null && break
    sleep 0.1
done
kill -0 "$server" 2>/dev/null || { echo "http server failed on port $port:" >&2; cat "$root/http.log" >&2; exit 1; }

# temp HOME with XDG dirs and the urls file
home=$root/home
rm -rf "$home"
mkdir -p "$home/.config/tidings" "$home/.cache" "$home/.local/share"
urls=$home/.config/tidings/urls
: >"$urls"
for i in $(seq 1 $nfeeds); do
    printf 'http://127.0.0.1:%s/feed-%03d.xml "tag%d"\n' "$port" "$i" $((i % 10)) >>"$urls"
done
envs="HOME=$home XDG_CONFIG_HOME=$home/.config XDG_CACHE_HOME=$home/.cache XDG_DATA_HOME=$home/.local/share"

# timed CMD...: runs it, sets t_wall (s) and t_rss (KB); output in $root/last.out
timed() {
    /usr/bin/time -f '%e %M' -o "$root/time.txt" "$@" >"$root/last.out" 2>&1
    local rc=$?
    read -r t_wall t_rss < <(tail -1 "$root/time.txt")  # after "Command exited with non-zero status"
    [ $rc -eq 0 ] || echo "warning: exit $rc: $(tail -3 "$root/last.out")" >&2
    return $rc
}
verdict() { # value budget
    awk -v v="$1" -v b="$2" 'BEGIN { if (v == "" || v == "-") print "n/a"; else print (v + 0 <= b + 0) ? "PASS" : "FAIL" }'
}

# the launcher next to a link to the jar, as an installation has it
bindir=$root/bin
rm -rf "$bindir"; mkdir -p "$bindir"
cp "$here/../bin/tidings" "$bindir/tidings"
ln -s "$jar" "$bindir/tidings.jar"
launcher=$bindir/tidings

med() { echo "$1" | tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]; else print "-"}'; }

# the launcher builds its AppCDS archive in the background after a first run: wait for that
# build (up to 60 s) so it does not run during a timed run
wait_archive() {
    local n=0
    while ls -d "$home/.cache/tidings/"*.lock >/dev/null 2>&1 && [ $n -lt 600 ]; do sleep 0.1; n=$((n + 1)); done
}

# refresh_rows NAME CMD...: cold and warm refresh; sets ${NAME}_cold ${NAME}_cold_rss ${NAME}_warm ${NAME}_warm_rss
refresh_rows() {
    local name=$1; shift
    local c=- cr=- w=- wr=-
    if ! env $envs "$@" refresh --help 2>&1 | grep -q 'Usage: tidings refresh'; then
        echo "tidings refresh: not available in this jar" >&2
    else
        wait_archive
        rm -rf "$home/.cache/tidings/feeds"
        timed env $envs "$@" refresh
        c=$t_wall; cr=$t_rss
        echo "$name cold refresh: ${c}s ${cr}KB: $(tail -1 "$root/last.out")" >&2
        timed env $envs "$@" refresh
        w=$t_wall; wr=$t_rss
        echo "$name warm refresh: ${w}s ${wr}KB: $(tail -1 "$root/last.out")" >&2
    fi
    eval "${name}_cold=\$c ${name}_cold_rss=\$cr ${name}_warm=\$w ${name}_warm_rss=\$wr"
}

# tui_run CMD...: one --offline start in tmux; appends to frames/heads/feeds_ms
tui_run() {
    local trace=$root/trace.txt
    rm -f "$trace"
    tmux -L "$sock" -f /dev/null new-session -d -x 100 -y 30 -s b \
        "env TERM=xterm-256color $envs TIDINGS_TRACE=$trace $* --offline"
    local n=0 after=0
    # until the whole feed list is traced (a jar from before that trace: 2 s after the first headlines)
    while ! grep -q '^feeds' "$trace" 2>/dev/null && [ $n -lt 400 ] && [ $after -lt 40 ]; do
        sleep 0.05; n=$((n + 1))
        grep -q '^headlines' "$trace" 2>/dev/null && after=$((after + 1))
    done
    [ $n -ge 400 ] && ! grep -q '^headlines' "$trace" 2>/dev/null && echo "warning: no headlines traced" >&2
    tmux -L "$sock" send-keys -t b Q 2>/dev/null
    sleep 0.5
    tmux -L "$sock" kill-server 2>/dev/null
    frames="$frames $(awk '/^frame/ {print $2}' "$trace")"
    heads="$heads $(awk '/^headlines/ {print $2}' "$trace")"
    feeds_ms="$feeds_ms $(awk '/^feeds/ {print $2}' "$trace")"
    count=$(awk '/^headlines/ {print $3}' "$trace")
}

# tui_rows NAME CMD...: median of 3 offline starts; sets ${NAME}_frame ${NAME}_head ${NAME}_feeds
tui_rows() {
    local name=$1; shift
    frames=""; heads=""; feeds_ms=""
    for _ in 1 2 3; do tui_run "$@"; done
    echo "$name offline: first frame [$frames ] headlines [$heads ] (${count:-?} rows) whole feed list [$feeds_ms ]" >&2
    eval "${name}_frame=$(med "$frames") ${name}_head=$(med "$heads") ${name}_feeds=$(med "$feeds_ms")"
}

# --- java -jar ---
refresh_rows jar java -jar "$jar"
tui_rows jar java -jar "$jar"

# --- the launcher (bin/tidings) ---
rm -rf "$home/.cache/tidings/"*.jsa "$home/.cache/tidings/"*.lock
tui_run "$launcher" # untimed: records the AppCDS archive, as a user's first start does
wait_archive
frames=""; heads=""; feeds_ms=""
tui_rows lau "$launcher"
refresh_rows lau "$launcher"
ls "$home/.cache/tidings/"*.jsa >/dev/null 2>&1 || echo "warning: the launcher recorded no CDS archive" >&2

# --- newsboat ---
nb_cold=-; nb_warm=-; nb_cold_rss=-; nb_warm_rss=-; nb_note=""
if [ -n "${NO_NEWSBOAT:-}" ]; then
    :
elif ! command -v newsboat >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq newsboat >"$root/apt.log" 2>&1 || true
fi
if [ -z "${NO_NEWSBOAT:-}" ] && command -v newsboat >/dev/null 2>&1; then
    nbdir=$root/newsboat
    rm -rf "$nbdir"; mkdir -p "$nbdir"
    cp "$urls" "$nbdir/urls"
    timed env HOME="$nbdir" newsboat -u "$nbdir/urls" -c "$nbdir/cache.db" -C /dev/null -x reload
    nb_cold=$t_wall; nb_cold_rss=$t_rss
    timed env HOME="$nbdir" newsboat -u "$nbdir/urls" -c "$nbdir/cache.db" -C /dev/null -x reload
    nb_warm=$t_wall; nb_warm_rss=$t_rss
    echo "newsboat $(newsboat -v 2>/dev/null | head -1 | awk '{print $2}'): cold ${nb_cold}s ${nb_cold_rss}KB, warm ${nb_warm}s ${nb_warm_rss}KB" >&2
else
    echo "newsboat: not available" >&2
    nb_note=" (not available)"
fi

ms_s() { [ "$1" = - ] && echo - || awk -v v="$1" 'BEGIN { printf "%.2f", v / 1000 }'; }
rss_mb() { [ "$1" = - ] && echo - || awk -v v="$1" 'BEGIN { printf "%.0f MB", v / 1024 }'; }
{
    echo "Subscriptions benchmark: $nfeeds RSS feeds x $items items on 127.0.0.1 ($(date -u +%F))"
    echo
    echo "| measurement | tidings (bin/tidings) | tidings (java -jar) | newsboat$nb_note | budget | verdict (launcher) |"
    echo "|---|---:|---:|---:|---|---|"
    echo "| cold refresh, wall (s) | $lau_cold | $jar_cold | $nb_cold | <= 5 s | $(verdict "$lau_cold" 5) |"
    echo "| cold refresh, max RSS | $(rss_mb "$lau_cold_rss") | $(rss_mb "$jar_cold_rss") | $(rss_mb "$nb_cold_rss") | - | - |"
    echo "| warm refresh (all 304), wall (s) | $lau_warm | $jar_warm | $nb_warm | report | - |"
    echo "| warm refresh, max RSS | $(rss_mb "$lau_warm_rss") | $(rss_mb "$jar_warm_rss") | $(rss_mb "$nb_warm_rss") | - | - |"
    echo "| first frame from cache (s, median of 3) | $(ms_s "$lau_frame") | $(ms_s "$jar_frame") | - | report | - |"
    echo "| headlines from cache (s, median of 3; ${count:-?} rows) | $(ms_s "$lau_head") | $(ms_s "$jar_head") | - | <= 1 s | $(verdict "$(ms_s "$lau_head")" 1) |"
    echo "| whole feed list from cache (s, median of 3) | $(ms_s "$lau_feeds") | $(ms_s "$jar_feeds") | - | <= 1 s | $(verdict "$(ms_s "$lau_feeds")" 1) |"
} | tee "$root/results.md"
