#!/usr/bin/env bash
# Unpacks the packaged server into Spring Boot's extracted layout and writes a class-data-sharing (CDS)
# archive of the ~28,000 classes a start loads, so that a start maps them instead of reading, parsing and
# verifying each one (a quarter off the start-up time: docs/benchmarks.md).
#
# Usage (`./mvnw package` runs it):
#   bash src/build/class-data-archive.sh <the packaged jar> <destination directory, absolute>
# then start the server from the extracted jar, with the same JDK:
#   java -XX:SharedArchiveFile=<destination>/workwell.jsa -XX:CompileThresholdScaling=3 \
#     -jar <destination>/workwell-fhir-server.jar
# The archive records where the jars were; moved jars or another JDK only lose the speed-up (the JVM
# then loads classes as usual; -Xshare:on makes it refuse to start instead).
set -euo pipefail
fat_jar=$1
destination=$2
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
app="$destination/$(basename "$fat_jar")"

rm -rf "$destination"
"$java" -Djarmode=tools -jar "$fat_jar" extract --destination "$destination" >/dev/null

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# Training start on an empty data directory and any free port; Spring exits once the context is up,
# after the schema is created and the implementation guide installed, so their classes are listed too.
if ! "$java" -XX:DumpLoadedClassList="$destination/classes.lst" -Dspring.context.exit=onRefresh \
	-jar "$app" --workwell.data-dir="$scratch/data" --server.port=0 >"$scratch/training.log" 2>&1; then
	tail -40 "$scratch/training.log"
	echo "class-data-archive: the training start failed" >&2
	exit 1
fi
# JDK 17 crashes writing lambda proxy classes into an archive (SystemDictionaryShared::
# adjust_lambda_proxy_class_dictionary); without them the archive still holds every loaded class.
grep -v '@lambda' "$destination/classes.lst" >"$destination/classes-without-lambdas.lst"
if ! "$java" -Xshare:dump -XX:SharedClassListFile="$destination/classes-without-lambdas.lst" \
	-XX:SharedArchiveFile="$destination/workwell.jsa" -jar "$app" >"$scratch/dump.log" 2>&1; then
	tail -40 "$scratch/dump.log"
	echo "class-data-archive: writing the archive failed" >&2
	exit 1
fi
rm "$destination/classes.lst" "$destination/classes-without-lambdas.lst"
# The start command must be able to use it (same JDK, same class path); the JVM checks and exits.
check=$("$java" -Xshare:on -XX:SharedArchiveFile="$destination/workwell.jsa" -XX:+PrintSharedArchiveAndExit \
	-jar "$app" 2>&1 || true)
if ! grep -q '^archive is valid' <<<"$check"; then
	echo "class-data-archive: the JVM cannot use $destination/workwell.jsa with $app" >&2
	exit 1
fi
echo "class-data-archive: $destination/workwell.jsa ($(du -h "$destination/workwell.jsa" | cut -f1)); start with" \
	"java -XX:SharedArchiveFile=$destination/workwell.jsa -XX:CompileThresholdScaling=3 -jar $app (docs/operations.md)"
