package autotask_test

import (
	"bytes"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/billbridge/billbridge/internal/autotask"
)

func TestCredentialsRedactThemselves(t *testing.T) {
	var buf bytes.Buffer
	slog.New(slog.NewJSONHandler(&buf, nil)).Info("connect", "creds", testCreds)
	fmt.Fprintf(&buf, "%v %+v %#v %s", testCreds, testCreds, testCreds, testCreds)
	out := buf.String()
	for _, secret := range []string{testCreds.Secret, testCreds.IntegrationCode} {
		if strings.Contains(out, secret) {
			t.Fatalf("output leaks %q: %s", secret, out)
		}
	}
	if !strings.Contains(out, testCreds.UserName) {
		t.Errorf("user name missing from %s", out)
	}
	var _ slog.LogValuer = autotask.Credentials{}
}
