package httpx_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/billbridge/billbridge/internal/httpx"
)

// BenchmarkTransport compares a bare transport with the full httpx stack
// (rate limit far above the load, concurrency cap, counter, discarded logs)
// against a local server, to show the per-request overhead of the decorators.
func BenchmarkTransport(b *testing.B) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, `{"items":[]}`)
	}))
	defer srv.Close()
	clients := []struct {
		name   string
		client *http.Client
	}{
		{"base", &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}},
		{"httpx", httpx.NewClient(httpx.Options{
			Name: "bench", RatePerSecond: 1e9, Burst: 1000, MaxConcurrent: 64, Counter: httpx.NewCounter(),
		})},
	}
	for _, c := range clients {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				req, _ := http.NewRequest("GET", srv.URL+"/api/v1/items/42?page=1", nil)
				resp, err := c.client.Do(req)
				if err != nil {
					b.Fatal(err)
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		})
	}
}
