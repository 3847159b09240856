#!/usr/bin/env bash
# The fast-start layout: unpacks the packaged server into Spring Boot's extracted layout and adds
# - a class-data-sharing (CDS) archive of the ~30,000 classes a start loads, so that a start maps them
#   instead of reading, parsing and verifying each one (a quarter off the start-up time: docs/benchmarks.md);
# - data-template: the embedded database and Lucene index of a first start (schema created, the
#   implementation guide installed, no resources and no signing key), which the server copies into an
#   empty data directory (server.startup.DataDirectoryTemplate), so that a first start is a restart;
# - jvm.options: the start's JVM flags (the archive, later JIT compilation), written here only.
# The archive and the template come from one training start on an empty data directory.
#
# Usage (`./mvnw package` runs it):
#   bash src/build/fast-start.sh <the packaged jar> <destination directory, absolute>
# then start the server from the extracted jar, with the same JDK:
#   java @<destination>/jvm.options -jar <destination>/workwell-fhir-server.jar
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
server=
trap 'if [ -n "$server" ]; then kill -KILL "$server" 2>/dev/null || true; fi; rm -rf "$scratch"' EXIT
# Training start on an empty data directory and any free port: once it serves its first request (the
# CapabilityStatement, which HAPI builds on first use), it is stopped, so the class list also holds the
# classes of the web server and of that first request, and the data directory holds a first start's
# database: schema created, implementation guide installed.
"$java" -XX:DumpLoadedClassList="$destination/classes.lst" -jar "$app" --workwell.data-dir="$scratch/data" \
	--server.port=0 >"$scratch/training.log" 2>&1 &
server=$!
port=
for _ in $(seq 600); do
	port=$(grep -o 'Tomcat started on port [0-9]*' "$scratch/training.log" | grep -o '[0-9]*$' || true)
	if [ -n "$port" ] || ! kill -0 "$server" 2>/dev/null; then break; fi
	sleep 0.5
done
status=
if [ -n "$port" ]; then
	# bash's own TCP client: the runtime images that run this script need not have curl
	exec 3<>"/dev/tcp/127.0.0.1/$port"
	printf 'GET /fhir/metadata HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
	status=$(timeout 120 head -1 <&3 || true)
	exec 3<&-
fi
kill -TERM "$server" 2>/dev/null || true
for _ in $(seq 120); do kill -0 "$server" 2>/dev/null || break; sleep 0.5; done
if kill -0 "$server" 2>/dev/null; then
	echo "fast-start: the training start did not stop within a minute" >&2
	exit 1
fi
wait "$server" || true
server=
if [[ "$status" != *" 200 "* ]]; then
	tail -40 "$scratch/training.log"
	echo "fast-start: the training start failed (first request: ${status:-none})" >&2
	exit 1
fi
# Spring closed the context on SIGTERM, so the database and index are complete; H2's trace file is not data.
mkdir "$destination/data-template"
mv "$scratch/data/h2" "$scratch/data/lucene" "$destination/data-template/"
rm -f "$destination/data-template/h2/"*.trace.db
# JDK 17 crashes writing lambda proxy classes into an archive (SystemDictionaryShared::
# adjust_lambda_proxy_class_dictionary); without them the archive still holds every loaded class.
grep -v '@lambda' "$destination/classes.lst" >"$destination/classes-without-lambdas.lst"
if ! "$java" -Xshare:dump -XX:SharedClassListFile="$destination/classes-without-lambdas.lst" \
	-XX:SharedArchiveFile="$destination/workwell.jsa" -jar "$app" >"$scratch/dump.log" 2>&1; then
	tail -40 "$scratch/dump.log"
	echo "fast-start: writing the archive failed" >&2
	exit 1
fi
rm "$destination/classes.lst" "$destination/classes-without-lambdas.lst"
# Methods are compiled after three times as many calls: on two cores the JIT otherwise takes as much CPU
# as the start itself (docs/operations.md).
printf '%s\n' "\"-XX:SharedArchiveFile=$destination/workwell.jsa\"" -XX:CompileThresholdScaling=3 \
	>"$destination/jvm.options"
# The start command must be able to use the archive (same JDK, same class path); the JVM checks and exits.
check=$("$java" -Xshare:on @"$destination/jvm.options" -XX:+PrintSharedArchiveAndExit -jar "$app" 2>&1 || true)
if ! grep -q '^archive is valid' <<<"$check"; then
	echo "fast-start: the JVM cannot use $destination/workwell.jsa with $app" >&2
	exit 1
fi
echo "fast-start: $destination/workwell.jsa ($(du -h "$destination/workwell.jsa" | cut -f1)); start with" \
	"java @$destination/jvm.options -jar $app (docs/operations.md)"
