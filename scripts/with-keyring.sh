#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with a fresh, unlocked
# gnome-keyring Secret Service, so tests use a real keychain as users do. The
# keyring files live in a throwaway folder: a keyring left by an earlier run
# (with another password) would refuse to unlock.
# Usage: scripts/with-keyring.sh COMMAND [ARGS...]
set -euo pipefail
keyrings=$(mktemp -d)
trap 'rm -rf "$keyrings"' EXIT
export BILLBRIDGE_TEST_KEYRINGS=$keyrings
dbus-run-session -- bash -c 'echo -n billbridge-test | XDG_DATA_HOME="$BILLBRIDGE_TEST_KEYRINGS" gnome-keyring-daemon --unlock --components=secrets >/dev/null; "$@"' with-keyring "$@"
