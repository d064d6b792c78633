#!/bin/bash
# Cache sweep benchmark (issue #13): 200 feeds x 500 items (bench/subs-gen.py) refreshed into a
# temp HOME from 127.0.0.1, 2,000 reader-mode pages (10 per feed), then 20 feeds removed from the
# urls file and `max-items = 400` in the config, so the sweep has work: 20 feeds' files, the pages
# of their items and of items past the limit. Times (wall, median of 3 where it can repeat):
#   cache status, cache clean --dry-run, cache clean (once), and the reader's first frame /
#   headlines from the cache (--offline in tmux, TIDINGS_TRACE), median of 3.
# usage: bench/cache-sweep.sh [JAR]   (default: target/tidings.jar)
set -u
here=$(cd "$(dirname "$0")" && pwd)
jar=$(realpath "${1:-$here/../target/tidings.jar}")
[ -f "$jar" ] || { echo "no jar: $jar" >&2; exit 1; }
root=/tmp/tidings-cache-bench
feeds=/tmp/tidings-subs-bench/feeds  # shared with subs-bench.sh
nfeeds=200
mkdir -p "$root"
[ -f "$feeds/feed-$nfeeds.xml" ] || [ -f "$feeds/feed-$(printf %03d $nfeeds).xml" ] \
    || python3 "$here/subs-gen.py" "$feeds" "$nfeeds" 500
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$feeds" >"$root/http.log" 2>&1 &
server=$!
sock=cachebench$$
trap 'kill $server 2>/dev/null; tmux -L $sock kill-server 2>/dev/null' EXIT
for _ in $(seq 100); do
    python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/feed-001.xml')" 2>/dev/null && break
    sleep 0.1
done
home=$root/home
rm -rf "$home"
mkdir -p "$home/.config/tidings" "$home/.cache" "$home/.local/share"
urls=$home/.config/tidings/urls
: >"$urls"
for i in $(seq 1 $nfeeds); do printf 'http://127.0.0.1:%s/feed-%03d.xml\n' "$port" "$i" >>"$urls"; done
envs="HOME=$home XDG_CONFIG_HOME=$home/.config XDG_CACHE_HOME=$home/.cache XDG_DATA_HOME=$home/.local/share"
run() { env $envs java -jar "$jar" "$@"; }
run refresh >"$root/refresh.out" 2>&1 || { echo "refresh failed: $(tail -2 "$root/refresh.out")" >&2; exit 1; }
# 10 pages per feed: items 0-4 (kept) and 495-499 (past max-items = 400)
python3 - "$home/.cache/tidings/pages" <<'PY'
import hashlib, json, os, sys
out = sys.argv[1]; os.makedirs(out, exist_ok=True)
for f in range(1, 201):
    for i in list(range(5)) + list(range(495, 500)):
        link = f"http://example.com/{f:03d}/item-{i:04d}.html"
        key = hashlib.sha256(link.encode()).hexdigest()[:32]
        with open(os.path.join(out, key + ".json"), "w") as fh:
            json.dump({"url": link, "extractor": 2, "title": "t", "html": "<p>" + "x" * 4000 + "</p>"}, fh)
PY
sed -i '181,200d' "$urls"
echo "max-items = 400" >"$home/.config/tidings/config"
med() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
secs() { /usr/bin/time -f %e -o "$root/t" "$@" >"$root/last.out" 2>&1; cat "$root/t"; }
status=""; dry=""
for _ in 1 2 3; do status="$status $(secs env $envs java -jar "$jar" cache status)"; done
cp "$root/last.out" "$root/status.txt"
for _ in 1 2 3; do dry="$dry $(secs env $envs java -jar "$jar" cache clean --dry-run)"; done
clean=$(secs env $envs java -jar "$jar" cache clean)
summary=$(tail -1 "$root/last.out")
frames=""; heads=""
for _ in 1 2 3; do
    trace=$root/trace.txt; rm -f "$trace"
    tmux -L $sock -f /dev/null new-session -d -x 100 -y 30 -s b \
        "env TERM=xterm-256color $envs TIDINGS_TRACE=$trace java -jar $jar --offline"
    n=0; while ! grep -q '^feeds' "$trace" 2>/dev/null && [ $n -lt 300 ]; do sleep 0.05; n=$((n + 1)); done
    tmux -L $sock send-keys -t b Q 2>/dev/null; sleep 0.5; tmux -L $sock kill-server 2>/dev/null
    frames="$frames $(awk '/^frame/ {print $2}' "$trace")"; heads="$heads $(awk '/^headlines/ {print $2}' "$trace")"
done
printf '| step | wall (median of 3) |\n|---|---:|\n'
printf '| cache status | %s s |\n| cache clean --dry-run | %s s |\n| cache clean (once) | %s s |\n' \
    "$(echo "$status" | med)" "$(echo "$dry" | med)" "$clean"
printf '| first frame --offline (ms since JVM start) | %s |\n| headlines --offline | %s |\n' \
    "$(echo "$frames" | med)" "$(echo "$heads" | med)"
echo "clean: $summary"
