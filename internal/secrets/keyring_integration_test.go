package secrets_test

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/zalando/go-keyring"

	"github.com/billbridge/billbridge/internal/secrets"
)

// TestKeyringIntegration runs against the real keychain of this machine. It
// is off by default because it needs one: on Linux, a D-Bus session with an
// unlocked Secret Service, e.g.
//
//	dbus-run-session -- bash -c 'echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null;
//	  BILLBRIDGE_KEYRING_IT=1 go test -race -run Integration ./internal/secrets/'
func TestKeyringIntegration(t *testing.T) {
	if os.Getenv("BILLBRIDGE_KEYRING_IT") != "1" {
		t.Skip("set BILLBRIDGE_KEYRING_IT=1 to run against the real keychain (needs an unlocked Secret Service on Linux)")
	}
	// A service name of its own, so the test never touches real entries.
	service := fmt.Sprintf("Billbridge-integration-test-%d", time.Now().UnixNano())
	const profile = 1
	values := map[string]string{
		secrets.AutotaskSecret: "s3cret with spaces & ünïcode",
		secrets.XeroToken:      strings.Repeat(`{"access_token":"eyJ…","expires_in":1800}`, 150), // ~6 KB: 4 chunks
	}
	t.Cleanup(func() { secrets.NewKeyring(service).DeleteProfile(profile) })

	writer := secrets.NewKeyring(service)
	for name, v := range values {
		if err := writer.Set(profile, name, v); err != nil {
			t.Fatalf("Set %s (%d bytes): %v", name, len(v), err)
		}
	}

	// The large value really was split, as Windows needs; read the raw
	// entries to see it.
	if _, err := keyring.Get(service, "profile-1/xero.token#3"); err != nil {
		t.Errorf("raw chunk #3 of the 6 KB value: %v; want it stored", err)
	}

	// A new value, as a new run of the app would have.
	reader := secrets.NewKeyring(service)
	for name, want := range values {
		got, err := reader.Get(profile, name)
		if err != nil || got != want {
			t.Errorf("Get %s = %d bytes, %v; want %d bytes", name, len(got), err, len(want))
		}
	}

	for name := range values {
		if err := reader.Delete(profile, name); err != nil {
			t.Errorf("Delete %s: %v", name, err)
		}
	}
	for name := range values {
		if _, err := secrets.NewKeyring(service).Get(profile, name); !errors.Is(err, secrets.ErrNotFound) {
			t.Errorf("Get %s after Delete: %v; want ErrNotFound", name, err)
		}
	}
	for i := range 4 {
		if _, err := keyring.Get(service, fmt.Sprintf("profile-1/xero.token#%d", i)); !errors.Is(err, keyring.ErrNotFound) {
			t.Errorf("raw chunk #%d after Delete: %v; want it removed", i, err)
		}
	}
}
