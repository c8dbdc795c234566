#!/usr/bin/env bash
# End-to-end: the app in dev mode (`wails dev`: the frontend with live Go
# bindings on localhost:34115) under Xvfb with a throwaway data folder and a
# real keychain, driven by Playwright in Debian's Chromium. Then checks that the
# secret typed into the form is nowhere in the data folder.
# Run through scripts/with-keyring.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

out=frontend/test-output/e2e
rm -rf "$out"; mkdir -p "$out"
data=$(mktemp -d)
secret="e2e-Secret-$RANDOM-$RANDOM"
display=":$((90 + RANDOM % 9))"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
devlog=$out/wails-dev.log
cleanup() {
  [ -n "${dev:-}" ] && kill -- -"$dev" 2>/dev/null || true
  kill "$xvfb" 2>/dev/null || true
  rm -rf "$data"
}
trap cleanup EXIT

export DISPLAY=$display WEBKIT_DISABLE_DMABUF_RENDERER=1 BILLBRIDGE_DATA_DIR=$data BILLBRIDGE_KEYRING=system
set -m
"$(go env GOPATH)/bin/wails" dev -tags webkit2_41 -s -m -nosyncgomod -nogorebuild -noreload -devserver localhost:34115 >"$devlog" 2>&1 &
dev=$!
set +m
for _ in $(seq 1 300); do
  curl -fsS -o /dev/null http://localhost:34115/ 2>/dev/null && break
  kill -0 "$dev" 2>/dev/null || { echo "e2e: wails dev exited:"; tail -n 40 "$devlog"; exit 1; }
  sleep 1
done
curl -fsS -o /dev/null http://localhost:34115/ || { echo "e2e: the dev server did not come up in 300 s"; tail -n 40 "$devlog"; exit 1; }

(cd frontend && E2E_SECRET="$secret" E2E_OUT="$PWD/test-output/e2e" node e2e/run.mjs)

# The secret went to the keychain: not one byte of it may be in the data folder.
if grep -r -a -l -F "$secret" "$data"; then
  echo "e2e: FAIL the Autotask secret was written to the data folder (files above)"
  exit 1
fi
echo "e2e: the secret is in no file of the data folder"
