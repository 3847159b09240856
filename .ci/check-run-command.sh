#!/usr/bin/env bash
# Proves the README's run command on a machine with Java alone: a copy of the working tree (no target/, no
# data/), a PATH holding only the JDK and the basic shell tools (no Node, npm, system Maven, curl or wget), a
# Maven wrapper home of its own (so the wrapper downloads Maven with Java, as on a new machine). It runs the
# command exactly as README.md writes it, waits for readiness, reads /fhir/metadata, gets a token with the
# README's curl, reads with it, and stops the server.
#
# Usage: .ci/check-run-command.sh     (.ci/run calls it; WORKWELL_RUN_CHECK_TIMEOUT, seconds to ready, default 600)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
timeout_s=${WORKWELL_RUN_CHECK_TIMEOUT:-600}
log() { echo "[run-command check $SECONDS s] $*"; }
fail() { echo "[run-command check] FAILED: $*" >&2; exit 1; }

# The two commands as README.md gives them (first occurrence of each).
run_command=$(grep -m1 -E '^([A-Za-z_][A-Za-z0-9_]*=[^ ]* +)*\./mvnw spring-boot:run' README.md) || fail "README.md has no ./mvnw spring-boot:run line"
token_command=$(grep -m1 -oE "curl -u [^ ]+ -d grant_type=client_credentials -d 'scope=system/\*\.cruds' http://localhost:8080/oauth2/token" README.md) \
  || fail "README.md has no token curl"
client_credentials=$(sed -E 's/^curl -u ([^ ]+) .*/\1/' <<< "$token_command")
log "README run command: $run_command"

work=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM -- "-$server_pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$server_pid" 2>/dev/null || break; sleep 1; done
    kill -KILL -- "-$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# The working tree as a clone would have it (tracked and new files; nothing ignored, so no target/ or data/).
mkdir -p "$work/repo"
git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do
  [ -e "$f" ] && printf '%s\0' "$f"
done | tar --null -T - -cf - | tar -xf - -C "$work/repo"

# PATH: the JDK's bin folder and links to the basic shell tools, nothing else.
java_home=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
mkdir -p "$work/bin"
for tool in sh bash env uname id mkdir mktemp rm rmdir mv cp ln cat tr sed grep awk dirname basename readlink \
            realpath tar gzip sleep ls head tail expr date touch chmod wc sort cut find xargs ps kill; do
  path=$(command -v "$tool" || true)
  [ -n "$path" ] && ln -s "$path" "$work/bin/$tool"
done
java_only_path="$java_home/bin:$work/bin"
for absent in node npm mvn curl wget unzip; do
  if PATH=$java_only_path command -v "$absent" >/dev/null; then fail "$absent is on the Java-only PATH"; fi
done

port=18080
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
base=http://localhost:$port

log "starting it on port $port with PATH=$java_only_path"
(
  cd "$work/repo"
  exec setsid env -i HOME="$HOME" PATH="$java_only_path" MAVEN_USER_HOME="$work/maven-user-home" \
    SERVER_PORT="$port" bash -c "$run_command -B" > "$work/server.log" 2>&1
) &
server_pid=$!

ready=
while [ $SECONDS -lt "$timeout_s" ]; do
  if ! kill -0 "$server_pid" 2>/dev/null; then
    tail -60 "$work/server.log"; fail "the run command ended before the server was ready"
  fi
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/actuator/health/readiness" || true)" = 200 ]; then ready=1; break; fi
  sleep 2
done
[ -n "$ready" ] || { tail -60 "$work/server.log"; fail "not ready within $timeout_s s"; }
log "ready"

metadata=$(curl -s -w '\n%{http_code}' "$base/fhir/metadata")
[ "$(tail -1 <<< "$metadata")" = 200 ] || fail "GET /fhir/metadata answered $(tail -1 <<< "$metadata")"
grep -q '"resourceType": *"CapabilityStatement"' <<< "$metadata" || fail "GET /fhir/metadata is not a CapabilityStatement"
log "GET /fhir/metadata: 200, a CapabilityStatement"

token_answer=$(curl -s -u "$client_credentials" -d grant_type=client_credentials -d 'scope=system/*.cruds' "$base/oauth2/token")
token=$(sed -nE 's/.*"access_token" *: *"([^"]+)".*/\1/p' <<< "$token_answer")
[ -n "$token" ] || fail "the README's token curl answered: $token_answer"
log "the README's token curl: an access token"

status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$base/fhir/Patient?_count=1")
[ "$status" = 200 ] || fail "GET /fhir/Patient with the token answered $status"
status=$(curl -s -o /dev/null -w '%{http_code}' "$base/fhir/Patient?_count=1")
[ "$status" = 401 ] || fail "GET /fhir/Patient without a token answered $status, not 401"
log "GET /fhir/Patient: 200 with the token, 401 without"

kill -TERM -- "-$server_pid"
for _ in $(seq 1 60); do kill -0 "$server_pid" 2>/dev/null || break; sleep 1; done
kill -0 "$server_pid" 2>/dev/null && fail "the server did not stop within 60 s of SIGTERM"
server_pid=
log "stopped; the README's run command works with Java alone"
