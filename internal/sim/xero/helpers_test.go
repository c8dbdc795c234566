package xerosim_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"sync"
	"testing"
	"time"

	xerosim "github.com/billbridge/billbridge/internal/sim/xero"
)

// clock is a settable time source shared with the server.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

const tenant = "6f3c8a52-1d2e-4b7a-9c1f-0a5e2d4b8c31"

var allScopes = []string{"offline_access", "accounting.invoices", "accounting.payments", "accounting.contacts", "accounting.settings"}

func start(t *testing.T, opts xerosim.Options) (*xerosim.Server, *clock) {
	t.Helper()
	clk := &clock{t: time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)}
	if opts.Now == nil {
		opts.Now = clk.Now
	}
	s, err := xerosim.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, clk
}

type resp struct {
	status int
	header http.Header
	body   map[string]any
	raw    string
}

// api calls the Accounting API with a token for the demo tenant.
func api(t *testing.T, s *xerosim.Server, token, method, path string, body any, hdr map[string]string) resp {
	t.Helper()
	var rd io.Reader
	if body != nil {
		switch b := body.(type) {
		case string:
			rd = bytes.NewBufferString(b)
		default:
			raw, _ := json.Marshal(b)
			rd = bytes.NewReader(raw)
		}
	}
	req, _ := http.NewRequest(method, s.APIBaseURL()+path, rd)
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Xero-Tenant-Id", tenant)
	req.Header.Set("Accept", "application/json")
	req.Header.Set("Content-Type", "application/json")
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	r, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Body.Close()
	raw, _ := io.ReadAll(r.Body)
	out := resp{status: r.StatusCode, header: r.Header, raw: string(raw)}
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	_ = d.Decode(&out.body)
	return out
}

func list(r resp, name string) []map[string]any {
	l, _ := r.body[name].([]any)
	out := make([]map[string]any, len(l))
	for i, v := range l {
		out[i], _ = v.(map[string]any)
	}
	return out
}

func token(s *xerosim.Server) string {
	a, _ := s.IssueToken(xerosim.DemoClient.ClientID, []string{tenant}, allScopes)
	return a
}
