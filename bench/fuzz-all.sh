#!/bin/sh
# Fuzzes the Jazzer targets for real, one after the other: one fuzzer at a time, under nice,
# because this machine's two cores are shared. Regression mode (the seed corpus only) is part of
# `mvn verify`; this is the slow, exploring part.
#
# usage: bench/fuzz-all.sh [SECONDS_PER_TARGET] [TARGET...]
#   SECONDS_PER_TARGET  default 600 (issue #16: at least 10 minutes per target)
#   TARGET              Class#method, default all of them (see TARGETS below)
#
# It fuzzes a copy of the project in $FUZZ_DIR/project (default /tmp/tidings-fuzz), built once,
# so editing and compiling the worktree meanwhile cannot pull classes from under a running fuzzer.
# Per target: the log in $FUZZ_DIR, a line in $FUZZ_DIR/summary.md (executions, corpus, findings).
# A finding is saved by Jazzer as crash-<sha1> in the target's seed directory
# (src/test/resources/.../<Class>Inputs/<method>/) and copied back to the same place here, so the
# next `mvn verify` replays it: fix it, or move it to bench/fuzz-findings/ with a note.
# Inputs that found new coverage stay in $FUZZ_DIR/project/.cifuzz-corpus/ for the next run.
set -u
cd "$(dirname "$0")/.."

SECONDS_PER_TARGET=${1:-600}
[ $# -gt 0 ] && shift
TARGETS="FeedFuzzTest#rss FeedFuzzTest#atom FeedFuzzTest#rdf FeedFuzzTest#jsonFeed RenderFuzzTest#htmlToLines
ExtractFuzzTest#readerMode CollectionsFuzzTest#strictAndQuickRead SubscriptionsFuzzTest#opml
SubscriptionsFuzzTest#urlsFile HeadlineIndexFuzzTest#read RulesFuzzTest#parseAndTest"
[ $# -gt 0 ] && TARGETS="$*"
FUZZ_DIR=${FUZZ_DIR:-/tmp/tidings-fuzz}
HEAP=${FUZZ_HEAP:-256m}
mkdir -p "$FUZZ_DIR"

repo=$(pwd)
work="$FUZZ_DIR/project"
mkdir -p "$work"
rm -rf "$work/src" "$work/target"
cp -r pom.xml src sample-feed themes "$work/" || exit 1
cd "$work" || exit 1
mvn -B -q -o test-compile || exit 1
summary="$FUZZ_DIR/summary.md"
[ -f "$summary" ] || printf '| target | seconds | executions | exec/s | corpus | findings | result |\n|---|---:|---:|---:|---:|---:|---|\n' > "$summary"

for t in $TARGETS; do
    log="$FUZZ_DIR/$(echo "$t" | tr '#' '-').log"
    touch "$log.start"
    echo "$(date -u +%H:%M:%S) fuzzing $t for ${SECONDS_PER_TARGET}s -> $log"
    # jazzer.internal.arg.N are libFuzzer arguments appended after the @FuzzTest's own, so this
    # -max_total_time wins over maxDuration; -Xmx bounds the heap (an OutOfMemoryError is a finding).
    # The rule language compiles regular expressions its user wrote (step-bounded, length- and
    # depth-limited; a bad one is a "rule: column N" error): Jazzer's regex-injection sanitizer, which
    # reports every PatternSyntaxException of a pattern the input reached, is wrong for that target.
    disabled=
    case $t in RulesFuzzTest*) disabled=-Djazzer.disabled_hooks=com.code_intelligence.jazzer.sanitizers.RegexInjection ;; esac
    JAZZER_FUZZ=1 nice -n 10 mvn -B -o surefire:test -Dtest="$t" -Dsurefire.failIfNoSpecifiedTests=false \
        -Djazzer.hooks=true $disabled -Djazzer.internal.arg.0=fuzz \
        -Djazzer.internal.arg.1=-max_total_time="$SECONDS_PER_TARGET" \
        -Djazzer.internal.arg.2=-print_final_stats=1 \
        -DargLine="-Xmx$HEAP -XX:+ExitOnOutOfMemoryError" > "$log" 2>&1
    rc=$?
    findings=0
    for crash in $(find src/test/resources -name 'crash-*' -newer "$log.start" 2>/dev/null); do
        mkdir -p "$repo/$(dirname "$crash")"
        cp "$crash" "$repo/$crash"
        echo "  finding: $crash"
        findings=$((findings + 1))
    done
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$')
    rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$')
    corpus=$(grep -oE '(DONE|pulse|NEW|REDUCE) +cov: [0-9]+ ft: [0-9]+ corp: [0-9]+' "$log" | tail -1 | grep -oE 'corp: [0-9]+' | grep -o '[0-9]*')
    result=passed
    [ "$rc" -ne 0 ] && result="FAILED (exit $rc)"
    grep -q 'ParseDictionaryFile: error' "$log" && result="$result: a @DictionaryEntries entry libFuzzer cannot read"
    printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$t" "$SECONDS_PER_TARGET" "${execs:-?}" "${rate:-?}" \
        "${corpus:-?}" "$findings" "$result" >> "$summary"
    echo "$(date -u +%H:%M:%S) $t: ${execs:-?} executions, $findings findings, $result"
done
echo "summary: $summary"
