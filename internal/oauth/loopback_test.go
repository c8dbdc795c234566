package oauth_test

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
	"github.com/billbridge/billbridge/internal/oauth"
)

// freePorts returns n ports free on 127.0.0.1 right now.
func freePorts(t *testing.T, n int) []int {
	t.Helper()
	var ports []int
	var lns []net.Listener
	for range n {
		ln, err := net.Listen("tcp4", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		lns = append(lns, ln)
		ports = append(ports, ln.Addr().(*net.TCPAddr).Port)
	}
	for _, ln := range lns {
		ln.Close()
	}
	return ports
}

func TestLoopbackBindsLoopbackOnly(t *testing.T) {
	l, err := oauth.ListenLoopback("Xero", nil, "/callback")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	for _, a := range l.Addrs() {
		ip := a.(*net.TCPAddr).IP
		if !ip.IsLoopback() {
			t.Fatalf("listening on %s, want loopback only", a)
		}
	}
	// A routable address of this machine must not reach the listener.
	addrs, _ := net.InterfaceAddrs()
	for _, a := range addrs {
		ipn, ok := a.(*net.IPNet)
		if !ok || ipn.IP.IsLoopback() || ipn.IP.To4() == nil {
			continue
		}
		c, err := net.DialTimeout("tcp", net.JoinHostPort(ipn.IP.String(), strconv.Itoa(l.Port())), time.Second)
		if err == nil {
			c.Close()
			t.Fatalf("listener reachable on %s", ipn.IP)
		}
	}
	if got, want := l.RedirectURL("localhost"), "http://localhost:"+strconv.Itoa(l.Port())+"/callback"; got != want {
		t.Fatalf("RedirectURL = %q, want %q", got, want)
	}
}

func TestLoopbackPicksNextFreePort(t *testing.T) {
	ports := freePorts(t, 3)
	busy, err := net.Listen("tcp4", "127.0.0.1:"+strconv.Itoa(ports[0]))
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	l, err := oauth.ListenLoopback("Xero", ports, "/callback")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if l.Port() != ports[1] {
		t.Fatalf("Port() = %d, want %d (first is busy)", l.Port(), ports[1])
	}
}

func TestLoopbackAllPortsBusy(t *testing.T) {
	ports := freePorts(t, 2)
	for _, p := range ports {
		ln, err := net.Listen("tcp4", "127.0.0.1:"+strconv.Itoa(p))
		if err != nil {
			t.Fatal(err)
		}
		defer ln.Close()
	}
	_, err := oauth.ListenLoopback("Xero", ports, "/callback")
	if apperr.CodeOf(err) != apperr.Unavailable {
		t.Fatalf("err = %v, want Unavailable", err)
	}
	if e, _ := apperr.As(err); !strings.Contains(e.Message, strconv.Itoa(ports[0])) {
		t.Fatalf("message %q does not name the ports", e.Message)
	}
}

func TestLoopbackCallback(t *testing.T) {
	const state = "the-state-value"
	const code = "secret-code-123"
	tests := []struct {
		name       string
		query      url.Values
		wantCode   apperr.Code // "" = success
		wantStatus int
		wantPage   string
		wantRealm  string
	}{
		{"success", url.Values{"state": {state}, "code": {code}}, "", 200, "received the answer", ""},
		{"quickbooks realm", url.Values{"state": {state}, "code": {code}, "realmId": {"9130"}}, "", 200, "received the answer", "9130"},
		{"wrong state refused", url.Values{"state": {"other"}, "code": {code}}, apperr.Invalid, 400, "refused this request", ""},
		{"no state refused", url.Values{"code": {code}}, apperr.Invalid, 400, "refused this request", ""},
		{"error with wrong state refused", url.Values{"state": {"x"}, "error": {"access_denied"}}, apperr.Invalid, 400, "refused this request", ""},
		{"user denied", url.Values{"state": {state}, "error": {"access_denied"}, "error_description": {"<script>alert(1)</script>"}}, apperr.Reconnect, 200, "was not allowed", ""},
		{"invalid scope", url.Values{"state": {state}, "error": {"invalid_scope"}}, apperr.Invalid, 200, "did not succeed", ""},
		{"no code", url.Values{"state": {state}}, apperr.Invalid, 200, "did not succeed", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := oauth.ListenLoopback("Xero", nil, "/callback")
			if err != nil {
				t.Fatal(err)
			}
			l.Start(state)
			base := l.RedirectURL("127.0.0.1")
			// Other paths and methods do not end the wait.
			if s, _ := get(t, strings.Replace(base, "/callback", "/favicon.ico", 1)); s != 404 {
				t.Fatalf("favicon: HTTP %d, want 404", s)
			}
			if resp, err := http.Post(base, "text/plain", nil); err != nil || resp.StatusCode != 405 {
				t.Fatalf("POST: %v %v, want 405", resp, err)
			}
			status, page := get(t, base+"?"+tt.query.Encode())
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			cb, err := l.Wait(ctx)
			if tt.wantCode == "" {
				if err != nil || cb.Code != code || cb.RealmID != tt.wantRealm {
					t.Fatalf("Wait = %+v, %v; want code and realm %q", cb, err, tt.wantRealm)
				}
			} else if apperr.CodeOf(err) != tt.wantCode {
				t.Fatalf("Wait err = %v, want code %s", err, tt.wantCode)
			}
			if status != tt.wantStatus {
				t.Fatalf("browser got HTTP %d, want %d", status, tt.wantStatus)
			}
			if !strings.Contains(page, tt.wantPage) || !strings.Contains(page, "You can close this window and return to Billbridge") {
				t.Fatalf("page %q lacks %q and the close hint", page, tt.wantPage)
			}
			for _, leak := range []string{code, state, "<script>"} {
				if strings.Contains(page, leak) {
					t.Fatalf("page echoes %q", leak)
				}
			}
			// The listener is gone once Wait returned.
			if c, err := net.DialTimeout("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(l.Port())), time.Second); err == nil {
				c.Close()
				t.Fatal("listener still accepting after Wait")
			}
		})
	}
}

func TestLoopbackTimeout(t *testing.T) {
	l, err := oauth.ListenLoopback("Exact Online", nil, "/callback")
	if err != nil {
		t.Fatal(err)
	}
	l.Start("s")
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err = l.Wait(ctx)
	if apperr.CodeOf(err) != apperr.Unavailable {
		t.Fatalf("err = %v, want Unavailable", err)
	}
	// The port is free again.
	ln, err := net.Listen("tcp4", net.JoinHostPort("127.0.0.1", strconv.Itoa(l.Port())))
	if err != nil {
		t.Fatalf("port not released: %v", err)
	}
	ln.Close()

	l2, err := oauth.ListenLoopback("Exact Online", nil, "/callback")
	if err != nil {
		t.Fatal(err)
	}
	l2.Start("s")
	ctx2, cancel2 := context.WithCancel(context.Background())
	cancel2()
	if _, err := l2.Wait(ctx2); err == nil || apperr.CodeOf(err) != apperr.Internal {
		t.Fatalf("cancelled wait: err = %v, want a plain context error", err)
	}
}

func get(t *testing.T, u string) (int, string) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}
