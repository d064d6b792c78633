#!/bin/sh
# Times the reader's first frames on the real jar in tmux: "frame" (first paint) and "headlines"
# (first paint with the headline list), in ms since the JVM process started, read from the
# TIDINGS_TRACE file the reader writes. Budgets: headlines <= 400 ms on the 100-item sample,
# <= 1.5 s on a 10k-item feed.
#
# usage: bench/tui-first-frame.sh [RUNS] [FEED...]   (default: the bundled sample and
#        /tmp/tidings-bench/feed-10000.rss.xml if bench/gen-feeds.py made it)
set -eu
cd "$(dirname "$0")/.."
runs=${1:-5}
[ $# -gt 0 ] && shift
feeds="$*"
if [ -z "$feeds" ]; then
    feeds="sample"
    [ -f /tmp/tidings-bench/feed-10000.rss.xml ] && feeds="$feeds /tmp/tidings-bench/feed-10000.rss.xml"
fi
launcher=${LAUNCHER:-bin/tidings}
sock="tidings-bench-$$"
trap 'tmux -L "$sock" kill-server 2>/dev/null || true' EXIT
printf '| feed | runner | first frame (median) | headlines (median) | headlines (best) | budget |\n|---|---|---:|---:|---:|---|\n'
for feed in $feeds; do
    arg=$feed
    [ "$feed" = sample ] && arg=""
    budget=400
    case $feed in *10000*) budget=1500 ;; esac
    for runner in "java -jar target/tidings.jar" "$launcher"; do
        frames=""
        heads=""
        # one untimed run lets the launcher record its class-data archive
        for i in $(seq 0 "$runs"); do
            trace=$(mktemp)
            tmux -L "$sock" -f /dev/null new-session -d -x 100 -y 30 -s b \
                "env TERM=xterm-256color TIDINGS_TRACE=$trace $runner $arg"
            n=0
            while ! grep -q headlines "$trace" 2>/dev/null && [ $n -lt 300 ]; do sleep 0.05; n=$((n + 1)); done
            tmux -L "$sock" send-keys -t b Q 2>/dev/null || true
            sleep 0.3
            tmux -L "$sock" kill-server 2>/dev/null || true
            if [ "$i" -eq 0 ]; then # the launcher builds its archive in the background: wait for it
                n=0
                while ls -d "${XDG_CACHE_HOME:-$HOME/.cache}"/tidings/*.lock >/dev/null 2>&1 && [ $n -lt 600 ]; do
                    sleep 0.1
                    n=$((n + 1))
                done
            fi
            if [ "$i" -gt 0 ]; then
                frames="$frames $(awk '/^frame/ {print $2}' "$trace")"
                heads="$heads $(awk '/^headlines/ {print $2}' "$trace")"
            fi
            rm -f "$trace"
        done
        med() { echo "$1" | tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
        best() { echo "$1" | tr ' ' '\n' | grep . | sort -n | head -1; }
        h=$(med "$heads")
        verdict=PASS
        [ "${h:-99999}" -le "$budget" ] || verdict=FAIL
        printf '| %s | %s | %s ms | %s ms | %s ms | <= %s ms %s |\n' "$(basename "$feed")" "$runner" \
            "$(med "$frames")" "$h" "$(best "$heads")" "$budget" "$verdict"
    done
done
