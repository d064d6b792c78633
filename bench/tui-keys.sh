#!/bin/sh
# What one key press costs on a 100,000-item headline list: state update + drawing the visible
# rows + Lanterna's delta refresh, on a virtual terminal (no tty latency). Budget: <= 16 ms.
# Needs `mvn -B package` (target/tidings.jar and target/test-classes).
set -eu
cd "$(dirname "$0")/.."
for n in ${*:-10 100000}; do
    java -XX:+UseSerialGC -cp target/test-classes:target/tidings.jar dev.tidings.tui.KeyPressBench "$n"
done
