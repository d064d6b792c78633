#!/bin/sh
# Regenerates src/main/java/dev/tidings/text/UnicodeTables.java (grapheme-break, width and mirroring
# properties) from ICU4J, the test-scope dependency named in pom.xml (icu4j.version; 76.1 = Unicode
# 16.0). To move to a newer Unicode version: raise icu4j.version, run this, run UnicodeTablesTest
# and GraphemesTest, review the diff. UnicodeTablesTest fails when the committed file is stale.
set -eu
cd "$(dirname "$0")/.."
mvn -B -q test-compile
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath
java -cp "target/test-classes:target/classes:$(cat target/test.classpath)" dev.tidings.text.UnicodeTablesGenerator
