#!/usr/bin/env bash
# Start-up time and heap of the packaged server on the embedded default (fresh data directory, then a
# restart on the same one). Usage: bench/startup.sh [runs] — builds the jar first if it is missing.
# Reports seconds from process start to the first 200 on /fhir/metadata, and heap used after a full GC.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
port=${PORT:-18080}
jar=target/workwell-fhir-server.jar
[ -f "$jar" ] || ./mvnw -q -B package -DskipTests
data=$(mktemp -d)
trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$data"' EXIT

measure() {
	local label=$1 start end
	start=$(date +%s.%N)
	java ${JAVA_OPTS:-} -jar "$jar" --server.port="$port" --workwell.data-dir="$data" >"$data/server.log" 2>&1 &
	pid=$!
	until curl -fs -o /dev/null "http://127.0.0.1:$port/fhir/metadata"; do
		kill -0 "$pid" 2>/dev/null || { echo "server died; see $data/server.log"; tail -20 "$data/server.log"; exit 1; }
		sleep 0.2
	done
	end=$(date +%s.%N)
	jcmd "$pid" GC.run >/dev/null
	heap=$(jcmd "$pid" GC.heap_info | awk '/used/ {for (i=1;i<=NF;i++) if ($i=="used") {print $(i+1); exit}}')
	rss=$(awk '/VmRSS/ {print $2 $3}' "/proc/$pid/status")
	printf '%-8s start-up %6.1f s   heap used after GC %s   RSS %s\n' "$label" "$(echo "$end - $start" | bc)" "$heap" "$rss"
	kill "$pid"; wait "$pid" 2>/dev/null || true
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
measure fresh
for i in $(seq 2 "$runs"); do measure "restart"; done
