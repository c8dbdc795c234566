#!/usr/bin/env bash
# Starts the built binary in a real window under Xvfb and captures the screen,
# then checks the picture is more than a blank window.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/bin/billbridge}
out=frontend/test-output/window.png
mkdir -p "$(dirname "$out")"
# With DEMO_DIR the window opens on the demo's data with its simulators.
data=${DEMO_DIR:-$(mktemp -d)}
extra=()
[ -n "${DEMO_DIR:-}" ] && extra=(--demo)
display=":$((80 + RANDOM % 9))"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
cleanup() { kill "${app:-}" 2>/dev/null || true; kill "$xvfb" 2>/dev/null || true; [ -n "${DEMO_DIR:-}" ] || rm -rf "$data"; }
trap cleanup EXIT
sleep 1
DISPLAY=$display WEBKIT_DISABLE_DMABUF_RENDERER=1 "$bin" --data-dir "$data" --keyring memory "${extra[@]}" >"$data/app.log" 2>&1 &
app=$!
sleep "${SHOT_DELAY:-8}"
kill -0 "$app" 2>/dev/null || { echo "window: the app exited:"; cat "$data/app.log"; exit 1; }
DISPLAY=$display import -window root "$out"
colors=$(identify -format '%k' "$out")
echo "window: captured $out ($colors colours)"
[ "$colors" -gt 50 ] || { echo "window: FAIL the screenshot looks blank"; exit 1; }
