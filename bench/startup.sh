#!/usr/bin/env bash
# Start-up time and heap of the packaged server on the embedded default: a fresh data directory, then
# restarts on the same one, for each way of starting it:
#   jar   java -jar target/workwell-fhir-server.jar
#   fast  java @target/workwell/jvm.options -jar target/workwell/workwell-fhir-server.jar
#         (the fast-start layout: docs/operations.md)
# Usage: bench/startup.sh [runs per way] [ways...]   e.g. bench/startup.sh 3 fast
# Builds the jar and target/workwell first when missing. Reports seconds from process start to ready (the
# first 200 on /actuator/health/readiness) and to the answer of the first /fhir/metadata request after
# that (HAPI builds its CapabilityStatement on first use), heap used after a full GC, resident set size,
# and the CPU seconds the start and that request took.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
shift || true
if [ $# -gt 0 ]; then ways=("$@"); else ways=(jar fast); fi
port=${PORT:-18080}
[ -f target/workwell-fhir-server.jar ] && [ -f target/workwell/jvm.options ] || ./mvnw -q -B package -DskipTests
data=$(mktemp -d)
trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$data"' EXIT

command_for() {
	case $1 in
	jar) echo "java -jar target/workwell-fhir-server.jar" ;;
	fast) echo "java @target/workwell/jvm.options -jar target/workwell/workwell-fhir-server.jar" ;;
	*) echo "unknown way: $1" >&2; exit 2 ;;
	esac
}

measure() {
	local way=$1 label=$2 start end ticks
	start=$(date +%s.%N)
	$(command_for "$way") ${JAVA_OPTS:-} --server.port="$port" --workwell.data-dir="$data/$way" >"$data/server.log" 2>&1 &
	pid=$!
	until curl -fs -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness"; do
		kill -0 "$pid" 2>/dev/null || { echo "server died; its log:"; tail -20 "$data/server.log"; exit 1; }
		sleep 0.25
	done
	ready=$(date +%s.%N)
	curl -fs -o /dev/null "http://127.0.0.1:$port/fhir/metadata"
	end=$(date +%s.%N)
	ticks=$(awk '{print $14 + $15}' "/proc/$pid/stat")
	jcmd "$pid" GC.run >/dev/null
	heap=$(jcmd "$pid" GC.heap_info | awk '/used/ {for (i=1;i<=NF;i++) if ($i=="used") {print $(i+1); exit}}')
	rss=$(awk '/VmRSS/ {print $2 $3}' "/proc/$pid/status")
	printf '%-5s %-8s ready %6.1f s   first metadata %6.1f s   CPU %5.1f s   heap used after GC %s   RSS %s\n' \
		"$way" "$label" "$(echo "$ready - $start" | bc)" "$(echo "$end - $start" | bc)" \
		"$(echo "$ticks / $(getconf CLK_TCK)" | bc -l)" "$heap" "$rss"
	kill "$pid"; wait "$pid" 2>/dev/null || true
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
for way in "${ways[@]}"; do
	echo "$way: $(command_for "$way")"
	measure "$way" fresh
	for _ in $(seq 2 "$runs"); do measure "$way" restart; done
done
