package connect

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"github.com/billbridge/billbridge/internal/oauth"
)

// memTokens is a token store another "process" can change under us.
type memTokens struct {
	mu  sync.Mutex
	tok *oauth2.Token
}

func (m *memTokens) Load(context.Context) (*oauth2.Token, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	c := *m.tok
	return &c, nil
}

func (m *memTokens) Save(_ context.Context, t *oauth2.Token) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	c := *t
	m.tok = &c
	return nil
}

// A 401 on a token another process replaced is answered by reading the
// token again and repeating the request once, body included.
func TestReauthRetriesOnceWithTheStoredToken(t *testing.T) {
	var mu sync.Mutex
	var seen []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		mu.Lock()
		seen = append(seen, r.Header.Get("Authorization")+" "+string(body))
		mu.Unlock()
		if r.Header.Get("Authorization") != "Bearer new" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		w.WriteHeader(http.StatusOK)
	}))
	defer srv.Close()

	store := &memTokens{tok: &oauth2.Token{AccessToken: "old", TokenType: "Bearer", Expiry: time.Now().Add(time.Hour)}}
	ts := oauth.NewTokenSource(oauth.TokenSourceConfig{Provider: oauth.Provider{Name: "Test", TokenURL: srv.URL + "/token", ClientID: "x"}, Store: store})
	client := &http.Client{Transport: &reauth{ts: ts, next: &oauth2.Transport{Source: ts, Base: http.DefaultTransport}}}

	// Prime the source's cache with the old token, then "another process"
	// replaces it in the store.
	if _, err := ts.Token(); err != nil {
		t.Fatal(err)
	}
	store.Save(context.Background(), &oauth2.Token{AccessToken: "new", TokenType: "Bearer", Expiry: time.Now().Add(time.Hour)})

	resp, err := client.Post(srv.URL+"/api", "application/json", strings.NewReader(`{"n":1}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d after the retry", resp.StatusCode)
	}
	want := []string{`Bearer old {"n":1}`, `Bearer new {"n":1}`}
	if len(seen) != 2 || seen[0] != want[0] || seen[1] != want[1] {
		t.Fatalf("requests = %q, want %q", seen, want)
	}

	// A token the service keeps refusing is the caller's 401: one retry only.
	store.Save(context.Background(), &oauth2.Token{AccessToken: "revoked", TokenType: "Bearer", Expiry: time.Now().Add(time.Hour)})
	ts.Reset()
	seen = nil
	resp, err = client.Get(srv.URL + "/api")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized || len(seen) != 2 {
		t.Fatalf("status %d after %d requests, want 401 after 2", resp.StatusCode, len(seen))
	}
}
