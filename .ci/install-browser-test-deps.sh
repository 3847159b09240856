#!/usr/bin/env bash
# Installs what the fhirclient browser test (FhirclientBrowserLaunchIT) needs: Debian's chromium and the test
# app's npm packages (fhirclient, playwright-core; no browser download). Idempotent: quick when all is there.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
	echo "Installing Debian chromium for the browser test"
	SUDO=""
	if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium
fi

app=src/test/browser
# npm ci only when node_modules is missing or older than the lock file
if [ ! -f "$app/node_modules/.package-lock.json" ] || [ "$app/package-lock.json" -nt "$app/node_modules/.package-lock.json" ]; then
	echo "Installing the browser test's npm packages"
	(cd "$app" && npm ci --no-audit --no-fund)
fi
