package simhttp_test

import (
	"io"
	"log/slog"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/billbridge/billbridge/internal/sim/simhttp"
)

func TestListenerStartServeClose(t *testing.T) {
	var l simhttp.Listener
	if l.URL() != "" {
		t.Fatalf("URL before Start: %q", l.URL())
	}
	if err := l.Close(); err != nil {
		t.Fatalf("Close before Start: %v", err)
	}
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "hello "+r.URL.Path) })
	if err := l.Start("127.0.0.1:0", h, slog.New(slog.DiscardHandler), "testsim"); err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^http://127\.0\.0\.1:\d+/$`).MatchString(l.URL()) {
		t.Fatalf("URL %q", l.URL())
	}
	resp, err := http.Get(l.URL() + "ping")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if string(body) != "hello /ping" {
		t.Fatalf("body %q", body)
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	if _, err := client.Get(l.URL() + "ping"); err == nil {
		t.Fatal("request after Close succeeded")
	}
}

func TestListenerStartError(t *testing.T) {
	var l simhttp.Listener
	err := l.Start("127.0.0.1:-1", http.NotFoundHandler(), slog.New(slog.DiscardHandler), "testsim")
	if err == nil || !strings.HasPrefix(err.Error(), "testsim: listen 127.0.0.1:-1: ") {
		t.Fatalf("got %v", err)
	}
	if l.URL() != "" {
		t.Fatalf("URL after a failed Start: %q", l.URL())
	}
}
