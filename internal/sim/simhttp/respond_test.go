package simhttp_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/billbridge/billbridge/internal/sim/simhttp"
)

func TestServeBuffered(t *testing.T) {
	tests := []struct {
		name       string
		handler    http.HandlerFunc
		drop       bool
		wantLogged int
		wantStatus int // 0: the connection is dropped
		wantBody   string
	}{
		{"status and body pass through", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("X-Sim", "yes")
			w.WriteHeader(http.StatusCreated)
			io.WriteString(w, "made")
		}, false, http.StatusCreated, http.StatusCreated, "made"},
		{"no status means 200", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok") },
			false, http.StatusOK, http.StatusOK, "ok"},
		{"empty answer means 200", func(w http.ResponseWriter, r *http.Request) {}, false, http.StatusOK, http.StatusOK, ""},
		{"first status wins", func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusBadRequest)
			w.WriteHeader(http.StatusOK)
		}, false, http.StatusBadRequest, http.StatusBadRequest, ""},
		{"drop logs 0 and sends nothing", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "lost") },
			true, 0, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var mu sync.Mutex
			var logged []int
			worked := false
			next := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { worked = true; tt.handler(w, r) })
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				simhttp.ServeBuffered(w, r, next, tt.drop, func(status int) {
					mu.Lock()
					defer mu.Unlock()
					logged = append(logged, status)
				})
			}))
			defer srv.Close()
			resp, err := http.Get(srv.URL)
			// The log is written before the answer leaves: once the client
			// has it (or has lost the connection), the entry is there.
			mu.Lock()
			got := append([]int(nil), logged...)
			mu.Unlock()
			if len(got) != 1 || got[0] != tt.wantLogged {
				t.Fatalf("logged %v, want [%d]", got, tt.wantLogged)
			}
			if !worked {
				t.Fatal("the handler did not run")
			}
			if tt.wantStatus == 0 {
				if err == nil {
					resp.Body.Close()
					t.Fatalf("got an answer %d, want a dropped connection", resp.StatusCode)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tt.wantStatus || string(body) != tt.wantBody {
				t.Fatalf("got %d %q, want %d %q", resp.StatusCode, body, tt.wantStatus, tt.wantBody)
			}
		})
	}
}

func TestRecorderKeepsHeaders(t *testing.T) {
	h := http.Header{}
	rec := simhttp.NewRecorder(h)
	rec.Header().Set("Location", "/x")
	rec.Write([]byte("a"))
	rec.WriteHeader(http.StatusTeapot) // too late: Write already sent 200
	rec.Write([]byte("b"))
	if h.Get("Location") != "/x" || rec.Status() != http.StatusOK || string(rec.Body()) != "ab" {
		t.Fatalf("headers %v, status %d, body %q", h, rec.Status(), rec.Body())
	}
}

func TestRedactForm(t *testing.T) {
	secret := []string{"code", "refresh_token", "client_secret"}
	tests := []struct{ in, want string }{
		{"", ""},
		{"grant_type=authorization_code&code=abc&redirect_uri=x", "grant_type=authorization_code&code=REDACTED&redirect_uri=x"},
		{"refresh_token=r1&client_secret=s&client_id=id", "refresh_token=REDACTED&client_secret=REDACTED&client_id=id"},
		{"code", "code=REDACTED"},
		{"codes=1&xcode=2", "codes=1&xcode=2"},
	}
	for _, tt := range tests {
		if got := simhttp.RedactForm([]byte(tt.in), secret...); got != tt.want {
			t.Errorf("RedactForm(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
