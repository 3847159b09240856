# Shared locations of the IG build, sourced by ig/build.sh and ig/validate.sh.
# Environment: WORKWELL_IG_BUILD_DIR (work folder, default target/ig-build), WORKWELL_IG_OUT_DIR (default target/ig).
IG_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$IG_DIR/.." && pwd)"
BUILD="${WORKWELL_IG_BUILD_DIR:-$REPO/target/ig-build}"
OUT="${WORKWELL_IG_OUT_DIR:-$REPO/target/ig}"
PKG_NAME="$(node -p "require('$IG_DIR/package.json').name")"
PKG_VERSION="$(node -p "require('$IG_DIR/package.json').version")"
TGZ="$OUT/$PKG_NAME-$PKG_VERSION.tgz"
# The copy the server installs at start (packed into its jar), kept equal to the build's output.
SERVER_PKG="$REPO/src/main/resources/ig/health.workwell.fhir.ig.tgz"
