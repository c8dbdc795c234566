#!/usr/bin/env bash
# Installs what Billbridge needs to build and test on Debian 12, skipping what
# is already there: Debian packages, the pinned Wails CLI, the frontend's npm
# packages (from the lockfile). Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

WAILS_VERSION=v2.11.0 # keep equal to github.com/wailsapp/wails/v2 in go.mod
packages=(build-essential pkg-config libgtk-3-dev libwebkit2gtk-4.1-dev xvfb xauth chromium imagemagick dbus dbus-x11 gnome-keyring fonts-dejavu-core libreoffice-calc-nogui python3-openpyxl)

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "deps: installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

command -v go >/dev/null || { echo "deps: Go is missing: install Go 1.26 or newer from go.dev (or /usr/local/go)"; exit 1; }
if ! command -v node >/dev/null; then
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq nodejs npm >/dev/null
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
node_minor=$(node -p 'process.versions.node.split(".")[1]')
if [ "$node_major" -lt 20 ] || { [ "$node_major" -eq 20 ] && [ "$node_minor" -lt 19 ]; }; then
  echo "deps: Node.js $(node --version) is too old: Vite needs 20.19 or newer (install it from nodejs.org or NodeSource)"
  exit 1
fi

gobin=$(go env GOPATH)/bin
if [ "$("$gobin/wails" version 2>/dev/null | head -n1)" != "$WAILS_VERSION" ]; then
  echo "deps: installing the Wails CLI $WAILS_VERSION"
  go install "github.com/wailsapp/wails/v2/cmd/wails@$WAILS_VERSION"
fi

stamp=frontend/node_modules/.installed-from-lock
if [ ! -f "$stamp" ] || [ frontend/package-lock.json -nt "$stamp" ]; then
  echo "deps: installing npm packages from the lockfile"
  (cd frontend && npm ci --no-audit --no-fund --loglevel=error)
  touch "$stamp"
fi
go mod download
