#!/bin/sh
# Layout time for 1, 2, 4 and 8 MB of pathological text (one unbroken word, a giant paragraph,
# combining-mark runs, soft hyphens, mixed scripts) at widths 80 and 0. Linear: the last column
# (8 MB time / 1 MB time) stays under 10x. Needs `mvn -B package` (target/classes, test-classes).
set -eu
cd "$(dirname "$0")/.."
java -Xmx1g -XX:+UseSerialGC -cp target/test-classes:target/classes dev.tidings.render.LayoutBench
