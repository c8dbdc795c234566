package httpx_test

import (
	"bytes"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/billbridge/billbridge/internal/httpx"
)

func TestRedactHeader(t *testing.T) {
	h := http.Header{
		"Authorization":      {"Bearer abc123"},
		"Secret":             {"s3cr3t"},
		"Apiintegrationcode": {"TRACK1"},
		"Cookie":             {"sid=1"},
		"Set-Cookie":         {"sid=2", "b=3"},
		"X-Api-Key":          {"k"},
		"X-Refresh-Token":    {"rt"},
		"X-Db-Password":      {"pw"},
		"Client-Secret":      {"cs"},
		"Username":           {"api@example.com"},
		"Content-Type":       {"application/json"},
		"Xero-Tenant-Id":     {"tenant-1"},
	}
	got := httpx.RedactHeader(h)
	for k, vs := range got {
		keep := k == "Username" || k == "Content-Type" || k == "Xero-Tenant-Id"
		for i, v := range vs {
			if keep && v != h[k][i] {
				t.Errorf("%s = %q, want it kept as %q", k, v, h[k][i])
			}
			if !keep && v != "[redacted]" {
				t.Errorf("%s = %q, want [redacted]", k, v)
			}
		}
		if len(vs) != len(h[k]) {
			t.Errorf("%s has %d values, want %d", k, len(vs), len(h[k]))
		}
	}
	if len(got) != len(h) {
		t.Errorf("got %d headers, want %d", len(got), len(h))
	}
	if h.Get("Authorization") != "Bearer abc123" {
		t.Error("RedactHeader changed its input")
	}
	// A header set without canonicalising its name is still caught.
	raw := http.Header{"authorization": {"Bearer x"}}
	if v := httpx.RedactHeader(raw)["authorization"][0]; v != "[redacted]" {
		t.Errorf("lower-case authorization = %q", v)
	}
}

func TestRedactURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"http://127.0.0.1:5000/callback?code=xyz&state=q", "http://127.0.0.1:5000/callback?code=[redacted]&state=[redacted]"},
		{"https://h/token?grant_type=refresh_token&refresh_token=rt1&client_secret=cs", "https://h/token?grant_type=refresh_token&refresh_token=[redacted]&client_secret=[redacted]"},
		{"https://h/x?Access_Token=a&page=2&my_api_token=t", "https://h/x?Access_Token=[redacted]&page=2&my_api_token=[redacted]"},
		{"https://h/cb#access_token=a&expires_in=60", "https://h/cb#access_token=[redacted]&expires_in=60"},
		{"https://user:pw@h/x", "https://user:redacted@h/x"},
		{"https://h/v3/company/1/invoice?requestid=r-1&minorversion=75", "https://h/v3/company/1/invoice?requestid=r-1&minorversion=75"},
		{"https://h/a%20b?password=p%20q&flag", "https://h/a%20b?password=[redacted]&flag"},
		{"https://h/plain", "https://h/plain"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			u, err := url.Parse(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if got := httpx.RedactURL(u); got != tt.want {
				t.Errorf("RedactURL = %q, want %q", got, tt.want)
			}
		})
	}
	if got := httpx.RedactURL(nil); got != "" {
		t.Errorf("RedactURL(nil) = %q", got)
	}
}

// TestLogsAreRedacted sends a request carrying credentials through a
// transport that logs everything at Debug, with one retry so the Warn record
// is written too, and a refused connection so an error is logged.
func TestLogsAreRedacted(t *testing.T) {
	secrets := []string{"abc123", "s3cr3t", "xyz", "state=q"}
	var buf bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	s, srv := newScript(t, "", 503, 200)
	var sl sleeps
	client := httpx.NewClient(httpx.Options{Name: "xero", Logger: logger, Sleep: sl.Sleep, MaxRetries: 1})

	send := func(base string) {
		req, _ := http.NewRequest("GET", base+"/callback?code=xyz&state=q", nil)
		req.Header.Set("Authorization", "Bearer abc123")
		req.Header.Set("Secret", "s3cr3t")
		resp, err := client.Do(req)
		if err == nil {
			resp.Body.Close()
		}
	}
	send(srv.URL)
	srv.Close()
	send(srv.URL) // refused: the error path is logged too

	out := buf.String()
	for _, secret := range secrets {
		if strings.Contains(out, secret) {
			t.Errorf("log contains %q:\n%s", secret, out)
		}
	}
	for _, want := range []string{`"level":"DEBUG"`, `"level":"WARN"`, `"status":503`, `"status":200`, `"attempt":2`, `"remote":"xero"`, `code=[redacted]`, `"error":`} {
		if !strings.Contains(out, want) {
			t.Errorf("log lacks %s:\n%s", want, out)
		}
	}
	if s.Calls() != 2 {
		t.Errorf("server saw %d requests, want 2", s.Calls())
	}
	// The server got the real credentials: only the log is redacted.
	if got := s.headers[0].Get("Authorization"); got != "Bearer abc123" {
		t.Errorf("server got Authorization %q", got)
	}
}
