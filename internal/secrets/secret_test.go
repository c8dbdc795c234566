package secrets_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/billbridge/billbridge/internal/secrets"
)

func TestSecretRedacts(t *testing.T) {
	const value = "hunter2-token"
	type creds struct {
		User  string
		Token secrets.Secret
	}
	s := secrets.Secret(value)
	c := creds{User: "api@acme.example", Token: s}

	var logged bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&logged, nil))
	logger.Info("connect", "token", s, slog.Any("creds", c))
	jsonBytes, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}

	outputs := map[string]string{
		"%v":        fmt.Sprintf("%v", s),
		"%s":        fmt.Sprintf("%s", s),
		"%q":        fmt.Sprintf("%q", s),
		"%x":        fmt.Sprintf("%x", s),
		"%#v":       fmt.Sprintf("%#v", s),
		"%+v":       fmt.Sprintf("%+v", c),
		"struct %v": fmt.Sprintf("%v", c),
		"slog":      logged.String(),
		"json":      string(jsonBytes),
	}
	for how, out := range outputs {
		if strings.Contains(out, value) || strings.Contains(out, fmt.Sprintf("%x", value)) {
			t.Errorf("%s leaks the secret: %s", how, out)
		}
		if !strings.Contains(out, "[redacted]") && how != "%x" {
			t.Errorf("%s = %s; want [redacted]", how, out)
		}
	}
	if s.Reveal() != value || string(s) != value {
		t.Error("Reveal does not return the value")
	}
}
