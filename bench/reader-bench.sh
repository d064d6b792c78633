#!/bin/sh
# Reader mode: extraction of a 500 KB page, warm (budget <= 150 ms). Needs `mvn -B package`.
set -eu
cd "$(dirname "$0")/.."
java -cp target/test-classes:target/classes:target/tidings.jar dev.tidings.extract.ExtractBench \
    src/test/resources/reader/longform-pullquotes.html "${1:-512000}"
