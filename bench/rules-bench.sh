#!/bin/sh
# What rules cost (issue #13): reading a 1 MB rule, rules over 100,000 entries (title/age; content
# rendered to text over a tenth), F and S on a 100,000-headline list, ignore rules at start and on a
# reload, and one catastrophic regex giving up over a 1 MB body. Medians of 5 runs after 3 warm-ups.
# Needs `mvn -B -o test-compile` (target/classes and target/test-classes).
set -eu
cd "$(dirname "$0")/.."
CP=target/test-classes:target/classes:$(ls ~/.m2/repository/org/jsoup/jsoup/*/jsoup-*.jar | head -1)
for n in ${*:-100000}; do
    java -XX:+UseSerialGC -cp "$CP" dev.tidings.tui.RuleBench "$n"
done
