package autotask_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/autotask"
	"github.com/billbridge/billbridge/internal/httpx"
	autotasksim "github.com/billbridge/billbridge/internal/sim/autotask"
)

var simCreds = autotask.Credentials{
	UserName:        autotasksim.DemoCredential.UserName,
	Secret:          autotasksim.DemoCredential.Secret,
	IntegrationCode: autotasksim.DemoCredential.IntegrationCode,
}

// startSim runs the Autotask simulator on loopback with data.
func startSim(t testing.TB, data autotasksim.Dataset, edit func(*autotasksim.Options)) *autotasksim.Server {
	t.Helper()
	opts := autotasksim.Options{Data: data}
	if edit != nil {
		edit(&opts)
	}
	s, err := autotasksim.New(opts)
	if err != nil {
		t.Fatalf("simulator: %v", err)
	}
	if err := s.Start("127.0.0.1:0"); err != nil {
		t.Fatalf("simulator: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// simHTTP is an httpx client as the app builds it, with instant backoff.
func simHTTP(counter *httpx.Counter) *http.Client {
	return httpx.NewClient(httpx.Options{
		Name:       "autotask",
		Counter:    counter,
		MaxRetries: 5,
		Sleep:      func(ctx context.Context, d time.Duration) error { return ctx.Err() },
	})
}

// connectSim discovers the simulator's zone like the app does.
func connectSim(t testing.TB, s *autotasksim.Server, hc *http.Client) *autotask.Client {
	t.Helper()
	if hc == nil {
		hc = simHTTP(nil)
	}
	c, err := autotask.Connect(context.Background(), autotask.Config{ZoneLookupURL: s.ZoneLookupURL(), HTTP: hc}, simCreds)
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	return c
}

// records turns plain Go records into what the simulator stores (numbers as
// json.Number, as decoded from a data file).
func records(t testing.TB, data map[string][]map[string]any) autotasksim.Dataset {
	t.Helper()
	b, err := json.Marshal(data)
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var ds autotasksim.Dataset
	if err := dec.Decode(&ds); err != nil {
		t.Fatal(err)
	}
	return ds
}

// countPaths counts logged simulator requests whose path contains part (case-insensitive).
func countPaths(s *autotasksim.Server, part string) int {
	n := 0
	for _, r := range s.Requests() {
		if strings.Contains(strings.ToLower(r.Path), strings.ToLower(part)) {
			n++
		}
	}
	return n
}
