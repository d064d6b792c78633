#!/bin/sh
# Reader mode against Mozilla Readability's expected output: token F1/precision/recall per page and
# mean, pages refused, metadata fields matched. Needs `mvn -B package` (target/tidings.jar and
# target/test-classes). The corpus: $1, else $READER_CORPUS, else ../shared/corpora/readability-test-pages
# (relative to the repository root). A missing corpus is reported and skipped (exit 0), never a failure.
# Extra arguments go to the scorer (--all: every page, not only the 10 worst).
set -eu
cd "$(dirname "$0")/.."
corpus="${1:-${READER_CORPUS:-../shared/corpora/readability-test-pages}}"
[ $# -gt 0 ] && shift
if [ ! -d "$corpus" ]; then
    echo "reader-eval: no corpus at $corpus (set READER_CORPUS); skipped"
    exit 0
fi
java ${EVAL_JAVA_OPTS:-} -cp target/test-classes:target/classes:target/tidings.jar dev.tidings.extract.ReaderEval "$corpus" "$@"
